"""Network endpoints under /api/v1/network/."""

from datetime import date

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from champions.core.schemas import ErrorOut

from . import selectors, services
from .choices import PostKind
from .validation import ProfileInput

router = Router()


class ProfileIn(Schema):
    name: str = Field(..., max_length=200)
    country: str = Field(..., description="ISO 3166 alpha-2, e.g. IN, DE.", examples=["IN"])
    state: str = Field("", description="For India: LGD state code or Udyam two-letter code.")
    description: str = Field("", max_length=4000)
    needs: str = Field("", max_length=2000)
    nic_codes: list[str] = Field(default_factory=list, max_length=20)
    hs_codes: list[str] = Field(default_factory=list, max_length=50)
    needs_hs_codes: list[str] = Field(default_factory=list, max_length=50)
    udyam_number: str | None = Field(None, max_length=19)


class ProfileOut(Schema):
    id: int
    kind: str
    name: str
    country: str
    review_status: str
    hs_codes: list[str]
    nic_codes: list[str]


@router.post(
    "/profiles",
    response={201: ProfileOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    summary="Onboard a unit (officers)",
)
def profile_create(request: HttpRequest, payload: ProfileIn):
    data = ProfileInput(**payload.dict(exclude={"udyam_number"}))
    data.udyam_number = payload.udyam_number or ""
    return Status(201, services.profile_create(user=request.user, data=data))


@router.get(
    "/profiles/{profile_id}",
    response={200: ProfileOut, 401: ErrorOut, 404: ErrorOut},
    summary="One profile",
)
def profile_detail(request: HttpRequest, profile_id: int):
    return Status(200, selectors.profile_get_for_user(user=request.user, profile_id=profile_id))


class MatchIn(Schema):
    text: str = Field("", max_length=4000)
    kind: PostKind | None = None
    hs_codes: list[str] = Field(default_factory=list, max_length=50)
    nic_codes: list[str] = Field(default_factory=list, max_length=20)
    countries: list[str] = Field(default_factory=list, max_length=50)
    from_profile_id: int | None = Field(None, description="The asking profile (left out).")
    limit: int = Field(10, ge=1, le=50)


class MatchOut(Schema):
    profile_id: int
    name: str
    country: str
    score: float
    reasons: list[str]


class MatchesOut(Schema):
    results: list[MatchOut]


@router.post(
    "/match",
    response={200: MatchesOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Profiles that match a need or an offer, best first, with reasons",
)
def match(request: HttpRequest, payload: MatchIn):
    query = selectors.MatchQuery(
        text=payload.text,
        kind=payload.kind,
        hs_codes=tuple(payload.hs_codes),
        nic_codes=tuple(payload.nic_codes),
        countries=tuple(c.strip().upper() for c in payload.countries),
        exclude_profile_id=payload.from_profile_id,
        limit=payload.limit,
    )
    return Status(200, {"results": services.match_and_record(user=request.user, query=query)})


class PostIn(Schema):
    profile_id: int
    kind: PostKind
    title: str = Field(..., max_length=200)
    text: str = Field(..., max_length=4000)
    hs_codes: list[str] = Field(default_factory=list, max_length=50)
    nic_codes: list[str] = Field(default_factory=list, max_length=20)
    countries: list[str] = Field(default_factory=list, max_length=50)
    deadline: date | None = None


class PostOut(Schema):
    id: int
    profile_id: int
    kind: str
    title: str
    text: str
    hs_codes: list[str]
    nic_codes: list[str]
    countries: list[str]
    deadline: date | None
    status: str


@router.post(
    "/posts",
    response={201: PostOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Write a partnership post (published after hub review)",
)
def post_create(request: HttpRequest, payload: PostIn):
    return Status(201, services.post_create(user=request.user, **payload.dict()))


@router.get(
    "/posts",
    response={200: list[PostOut], 401: ErrorOut},
    summary="Published posts, newest first (20 a page)",
)
def post_list(
    request: HttpRequest,
    q: str = "",
    kind: str = "",
    hs: str = "",
    country: str = "",
    page: int = 1,
):
    posts, _more = selectors.posts_published(
        text=q, kind=kind, hs=hs, country=country, page=max(1, page)
    )
    return Status(200, posts)


class InterestIn(Schema):
    from_profile_id: int
    message: str = Field(..., max_length=2000)


class IntroductionOut(Schema):
    id: int
    post_id: int
    from_profile_id: int
    status: str


@router.post(
    "/posts/{post_id}/introductions",
    response={201: IntroductionOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Express interest in a published post",
)
def introduction_request(request: HttpRequest, post_id: int, payload: InterestIn):
    intro = services.introduction_request(
        user=request.user,
        post_id=post_id,
        from_profile_id=payload.from_profile_id,
        message=payload.message,
    )
    return Status(201, intro)


class AnswerIn(Schema):
    answer: str = Field(..., description="accepted, declined or blocked")


@router.post(
    "/introductions/{introduction_id}/answer",
    response={200: IntroductionOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="The post's author accepts, declines or blocks",
)
def introduction_answer(request: HttpRequest, introduction_id: int, payload: AnswerIn):
    intro = services.introduction_answer(
        user=request.user, introduction_id=introduction_id, answer=payload.answer
    )
    return Status(200, intro)
