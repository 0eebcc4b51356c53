"""Hand-holding cases under /api/v1/cases/: the reads and writes of the case pages, with the
same policy (`case.work` to write; officers see their room's cases, the hub and leadership
all, an entrepreneur their own units')."""

from datetime import date, datetime
from enum import StrEnum

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from champions.core.fields import DbId
from champions.core.schemas import ErrorOut, KeysetQuery

from . import selectors, services
from .choices import CaseOutcome

router = Router()


class CaseOut(Schema):
    id: int
    enterprise_id: int
    room_id: int | None
    goal: str
    status: str
    assignee_id: int | None
    opened_at: datetime
    due_on: date = Field(..., description="The follow-up date (the SLA).")
    is_overdue: bool
    outcome: str
    outcome_note: str
    closed_at: datetime | None


class CasePageOut(Schema):
    items: list[CaseOut]
    next_cursor: int | None
    previous_cursor: int | None


class StepOut(Schema):
    id: int
    case_id: int
    title: str
    owner_id: int
    due_on: date
    done_at: datetime | None


class NoteOut(Schema):
    id: int
    author_id: int
    body: str
    created_at: datetime


class CaseDetailOut(CaseOut):
    steps: list[StepOut]
    notes: list[NoteOut]


class QueueView(StrEnum):
    OPEN = "open"
    MINE = "mine"
    OVERDUE = "overdue"
    CLOSED = "closed"


class CaseListQuery(KeysetQuery):
    view: QueueView = QueueView.OPEN


@router.get(
    "/",
    response={200: CasePageOut, 401: ErrorOut, 422: ErrorOut},
    summary="The cases you may see, newest first, one queue view",
)
def case_list(request: HttpRequest, query: Query[CaseListQuery]):
    qs = selectors.case_view_queryset(user=request.user, view=query.view.value)
    return Status(200, query.page_of(qs))


@router.get(
    "/my-steps",
    response={200: list[StepOut], 401: ErrorOut},
    summary="The open steps meant for you, soonest due first (at most 200)",
)
def my_steps(request: HttpRequest):
    return Status(200, selectors.steps_for_owner(user=request.user))


@router.get(
    "/{case_id}",
    response={200: CaseDetailOut, 401: ErrorOut, 404: ErrorOut},
    summary="One case with its steps and notes",
)
def case_detail(request: HttpRequest, case_id: DbId):
    detail = selectors.case_detail(user=request.user, case_id=case_id)
    case = CaseOut.from_orm(detail.case).dict()
    return Status(200, {**case, "steps": detail.steps, "notes": detail.notes})


class CaseIn(Schema):
    enterprise_id: DbId
    goal: str = Field(..., max_length=300)
    assignee_id: DbId | None = Field(None, description="An officer of the unit's room.")


WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


@router.post(
    "/",
    response={201: CaseOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Open a case for a unit (working officers; 30-day follow-up)",
)
def case_open(request: HttpRequest, payload: CaseIn):
    return Status(201, services.case_open(actor=request.user, **payload.dict()))


class AssignIn(Schema):
    assignee_id: DbId


@router.post(
    "/{case_id}/assign",
    response={200: CaseOut, **WRITE_ERRORS},
    summary="Assign the case to an officer of its room (409 when closed)",
)
def case_assign(request: HttpRequest, case_id: DbId, payload: AssignIn):
    return Status(
        200,
        services.case_assign(actor=request.user, case_id=case_id, assignee_id=payload.assignee_id),
    )


class StepIn(Schema):
    title: str = Field(..., max_length=300)
    owner_id: DbId = Field(..., description="An officer of the room or a unit's representative.")
    due_on: date = Field(..., description="Today or later.")


@router.post(
    "/{case_id}/steps",
    response={201: StepOut, **WRITE_ERRORS},
    summary="Add a next step; its owner is notified",
)
def step_add(request: HttpRequest, case_id: DbId, payload: StepIn):
    return Status(
        201, services.case_step_add(actor=request.user, case_id=case_id, **payload.dict())
    )


@router.post(
    "/steps/{step_id}/done",
    response={200: StepOut, **WRITE_ERRORS},
    summary="Mark a step done (its owner, or an officer working the case); once",
)
def step_done(request: HttpRequest, step_id: DbId):
    return Status(200, services.case_step_done(actor=request.user, step_id=step_id))


class NoteIn(Schema):
    body: str = Field(..., max_length=5000)


@router.post(
    "/{case_id}/notes",
    response={201: NoteOut, **WRITE_ERRORS},
    summary="Add a follow-up note",
)
def note_add(request: HttpRequest, case_id: DbId, payload: NoteIn):
    return Status(
        201, services.case_note_add(actor=request.user, case_id=case_id, body=payload.body)
    )


class CloseIn(Schema):
    outcome: CaseOutcome
    outcome_note: str = Field("", max_length=5000)


@router.post(
    "/{case_id}/close",
    response={200: CaseOut, **WRITE_ERRORS},
    summary="Close the case with its outcome",
)
def case_close(request: HttpRequest, case_id: DbId, payload: CloseIn):
    case = services.case_close(
        actor=request.user,
        case_id=case_id,
        outcome=payload.outcome.value,
        note=payload.outcome_note,
    )
    return Status(200, case)
