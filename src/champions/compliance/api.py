"""Compliance endpoints under /api/v1/compliance/."""

from datetime import date
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from champions.core.fields import DbId, SaneDate
from champions.core.schemas import ErrorOut

from . import selectors, services
from .calendar import period_label

router = Router()


class InterestQuery(Schema):
    principal_inr: Decimal = Field(
        ..., gt=0, description="The amount due, in rupees (more than 0, at most two decimals)."
    )
    invoice_accepted_on: SaneDate = Field(
        ..., description="The day the buyer accepted (or is deemed to have accepted) the supply."
    )
    agreed_credit_days: int | None = Field(
        None,
        ge=-(2**31),
        le=2**31 - 1,
        description="Credit days agreed in writing (0-365; the Act caps them at 45). "
        "Leave out when nothing was agreed: 15 days apply.",
    )
    paid_on: SaneDate = Field(..., description="The day of payment, or the day it is expected.")
    bank_rate_pct: Decimal | None = Field(
        None,
        description="The RBI bank rate in per cent (more than 0, at most 20). Leave out to use "
        "the rate in force on the first day of interest.",
    )


class InterestOut(Schema):
    principal_inr: Decimal
    invoice_accepted_on: date
    agreed_credit_days: int | None
    credit_days_applied: int
    is_capped_at_45_days: bool
    due_on: date = Field(..., description="The last day to pay without interest.")
    interest_from: date = Field(..., description="The first day interest runs (appointed day).")
    paid_on: date
    days_late: int
    months_compounded: int
    remaining_days: int = Field(..., description="Days after the whole months, simple interest.")
    bank_rate_pct: Decimal
    bank_rate_is_default: bool
    bank_rate_effective_from: date | None
    bank_rate_source: str
    annual_rate_pct: Decimal = Field(..., description="Three times the bank rate.")
    monthly_rate_pct: Decimal
    balance_after_months_inr: Decimal
    interest_inr: Decimal
    total_inr: Decimal
    formula: str
    workings: list[str]
    source: str


@router.get(
    "/delayed-payment-interest",
    response={200: InterestOut, 422: ErrorOut},
    auth=None,
    summary="Interest on a delayed payment to a micro or small enterprise (MSMED Act ss.15-16)",
)
def delayed_payment_interest(request: HttpRequest, query: Query[InterestQuery]):
    facts = services.DelayedPaymentFacts(**query.model_dump())
    return Status(200, services.delayed_payment_interest(facts=facts))


class CalendarQuery(Schema):
    enterprise_id: DbId
    from_: SaneDate | None = Field(None, alias="from", description="First day (YYYY-MM-DD); today.")
    to: SaneDate | None = Field(None, description="Last day (YYYY-MM-DD); 120 days on by default.")


class DueDateOut(Schema):
    code: str
    form: str
    title: str
    authority: str
    period: str
    period_start: date
    period_end: date
    due_on: date
    part: str
    note: str
    is_suggested_date: bool = Field(..., description="True when the law sets no date.")
    source: str
    url: str


class CalendarOut(Schema):
    enterprise_id: int
    from_: date = Field(..., alias="from")
    to: date
    is_prefilled: bool = Field(
        ..., description="True until someone saves the situation: facts taken from the registry."
    )
    situation: dict
    items: list[DueDateOut]


def _due_date_out(occurrence) -> dict:
    return {
        "code": occurrence.code,
        "form": occurrence.obligation.form,
        "title": occurrence.title,
        "authority": occurrence.obligation.authority,
        "period": period_label(occurrence),
        "period_start": occurrence.period_start,
        "period_end": occurrence.period_end,
        "due_on": occurrence.due_on,
        "part": occurrence.part_text,
        "note": occurrence.note,
        "is_suggested_date": occurrence.is_suggested_date,
        "source": occurrence.obligation.source,
        "url": occurrence.obligation.url,
    }


@router.get(
    "/calendar",
    response={200: CalendarOut, 404: ErrorOut, 422: ErrorOut},
    summary="An enterprise's compliance due dates",
    by_alias=True,
)
def calendar(request: HttpRequest, query: Query[CalendarQuery]):
    start, end = selectors.calendar_range(
        start=query.from_, end=query.to, today=timezone.localdate()
    )
    page = selectors.calendar_get_for_user(
        user=request.user, enterprise_id=query.enterprise_id, start=start, end=end
    )
    return Status(200, _calendar_out(page, enterprise_id=query.enterprise_id))


def _calendar_out(page, *, enterprise_id: int) -> dict:
    return {
        "enterprise_id": enterprise_id,
        "from": page.start,
        "to": page.end,
        "is_prefilled": page.is_prefilled,
        "situation": page.situation.__dict__,
        "items": [_due_date_out(o) for o in page.occurrences],
    }


@router.get(
    "/calendar.ics",
    response={404: ErrorOut, 422: ErrorOut},
    summary="An enterprise's due dates as an iCalendar file (a month back, a year ahead)",
    url_name="compliance_calendar_ics",
    openapi_extra={
        "responses": {
            200: {
                "description": "The calendar, as a download.",
                "content": {"text/calendar": {"schema": {"type": "string"}}},
            }
        }
    },
)
def calendar_ics(request: HttpRequest, enterprise_id: DbId):
    ics = selectors.calendar_ics_get_for_user(
        user=request.user, enterprise_id=enterprise_id, today=timezone.localdate()
    )
    response = HttpResponse(ics.text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{ics.filename}"'
    return response
