"""Registry endpoints under /api/v1/registry/."""

from datetime import date

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from pydantic import StrictBool, StrictInt, field_validator

from champions.core.errors import ValidationFailed
from champions.core.fields import DB_BIGINT_MAX, BodyId, Cursor, DbId, SaneDate
from champions.core.pagination import keyset_page
from champions.core.schemas import ErrorOut

from . import selectors, services
from .filters import EnterpriseFilterSet
from .validation import EnterpriseInput

router = Router()


class ClassificationQuery(Schema):
    investment_inr: int = Field(
        ..., ge=0, description="Investment in plant & machinery or equipment, in rupees."
    )
    turnover_inr: int = Field(..., ge=0, description="Total turnover, in rupees.")
    export_turnover_inr: int = Field(0, ge=0, description="Export turnover, left out of turnover.")
    on: SaneDate | None = Field(
        None, description="The date the rule must be in force on (YYYY-MM-DD); today by default."
    )


class ClassificationOut(Schema):
    category: str = Field(..., description="micro, small, medium or none")
    rule: str
    reasons: list[str]


@router.get(
    "/classification",
    response={200: ClassificationOut, 422: ErrorOut},
    auth=None,
    summary="Classify an enterprise as micro, small or medium",
)
def classification(request: HttpRequest, query: Query[ClassificationQuery]):
    figures = query.model_dump(exclude={"on"})
    result = selectors.classification_check(**figures, on=query.on or timezone.localdate())
    return Status(
        200, {"category": result.category, "rule": result.rule, "reasons": result.reasons}
    )


class EnterpriseIn(Schema):
    udyam_number: str | None = Field(None, examples=["UDYAM-MH-26-0012345"])
    name: str = Field(..., max_length=200)
    organisation_type: str
    major_activity: str
    country: str = "IN"
    owner_name: str = ""
    owner_gender: str = ""
    owner_social_category: str = ""
    owner_specially_abled: StrictBool = False
    address: str = Field("", max_length=300)
    state_id: BodyId | None = None
    district_id: BodyId | None = None
    pincode: str = ""
    nic_codes: list[str] = Field(default_factory=list, max_length=20)
    commenced_on: SaneDate | None = None
    investment_inr: StrictInt = Field(..., ge=0, le=DB_BIGINT_MAX)
    turnover_inr: StrictInt = Field(..., ge=0, le=DB_BIGINT_MAX)
    export_turnover_inr: StrictInt = Field(0, ge=0, le=DB_BIGINT_MAX)
    employees: StrictInt = Field(0, ge=0, le=2**31 - 1)

    @field_validator("nic_codes")
    @classmethod
    def strip_codes(cls, value: list[str]) -> list[str]:
        return [v.strip() for v in value if v.strip()]

    def to_input(self) -> EnterpriseInput:
        return EnterpriseInput(**self.model_dump())


class EnterpriseOut(Schema):
    id: int
    udyam_number: str | None
    name: str
    organisation_type: str
    major_activity: str
    country: str
    owner_name: str
    owner_gender: str
    owner_social_category: str
    owner_specially_abled: bool
    address: str
    state_id: int | None
    district_id: int | None
    pincode: str
    nic_codes: list[str]
    commenced_on: date | None
    investment_inr: int
    turnover_inr: int
    export_turnover_inr: int
    employees: int
    category: str
    classification_rule: str
    classified_on: date


class EnterprisePageOut(Schema):
    items: list[EnterpriseOut]
    next_cursor: int | None
    previous_cursor: int | None


class EnterpriseListQuery(Schema):
    q: str | None = None
    state: DbId | None = None
    district: DbId | None = None
    nic: str | None = None
    category: str | None = None
    major_activity: str | None = None
    after: Cursor | None = Field(None, description="Cursor: rows older than this id.")
    before: Cursor | None = Field(None, description="Cursor: rows newer than this id.")
    size: int = Field(25, ge=1, le=100)


@router.get(
    "/enterprises",
    response={200: EnterprisePageOut, 422: ErrorOut},
    summary="List the enterprises you may see, filtered",
)
def enterprise_list(request: HttpRequest, query: Query[EnterpriseListQuery]):
    params = {
        k: v
        for k, v in query.model_dump().items()
        if v is not None and k not in {"after", "before", "size"}
    }
    filterset = EnterpriseFilterSet(
        params, queryset=selectors.enterprise_queryset_for_user(user=request.user)
    )
    if not filterset.is_valid():
        raise ValidationFailed(
            "Invalid filter.", errors={k: [str(m) for m in v] for k, v in filterset.errors.items()}
        )
    page = keyset_page(filterset.qs, after=query.after, before=query.before, size=query.size)
    return Status(200, page)


@router.get("/enterprises/{enterprise_id}", response={200: EnterpriseOut, 404: ErrorOut})
def enterprise_detail(request: HttpRequest, enterprise_id: DbId):
    return Status(
        200, selectors.enterprise_get_for_user(user=request.user, enterprise_id=enterprise_id)
    )


@router.post("/enterprises", response={201: EnterpriseOut, 403: ErrorOut, 422: ErrorOut})
def enterprise_create(request: HttpRequest, payload: EnterpriseIn):
    enterprise = services.enterprise_create(data=payload.to_input(), actor=request.user)
    return Status(201, enterprise)


@router.put(
    "/enterprises/{enterprise_id}",
    response={200: EnterpriseOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def enterprise_update(request: HttpRequest, enterprise_id: DbId, payload: EnterpriseIn):
    enterprise = services.enterprise_update(
        enterprise_id=enterprise_id, data=payload.to_input(), actor=request.user
    )
    return Status(200, enterprise)
