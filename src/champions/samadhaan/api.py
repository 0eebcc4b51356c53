"""MSME Samadhaan filings under /api/v1/samadhaan/: the filings list and page, and "check
now", with the pages' policy (filings are seen through their grievances; refreshing needs the
right to refer the grievance)."""

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from champions.core.fields import DbId
from champions.core.schemas import ErrorOut, KeysetQuery

from . import selectors, services

router = Router()


class FilingOut(Schema):
    id: int
    grievance_id: int
    enterprise_id: int
    buyer_name: str
    principal_inr: Decimal
    interest_inr: Decimal = Field(..., description="Interest under s.16 of the MSMED Act.")
    delivery: str = Field(..., description="queued, sent or failed (our outbox).")
    reference: str
    remote_status: str
    council: str
    hearing_on: date | None
    award_inr: Decimal | None
    status_checked_at: datetime | None
    created_at: datetime


class FilingPageOut(Schema):
    items: list[FilingOut]
    next_cursor: int | None
    previous_cursor: int | None


@router.get(
    "/filings",
    response={200: FilingPageOut, 401: ErrorOut, 422: ErrorOut},
    summary="The filings you may see, newest first",
)
def filing_list(request: HttpRequest, query: Query[KeysetQuery]):
    qs = selectors.filing_queryset_for_user(user=request.user)
    return Status(200, query.page_of(qs))


@router.get(
    "/filings/{filing_id}",
    response={200: FilingOut, 401: ErrorOut, 404: ErrorOut},
    summary="One filing with the status MSME Samadhaan last gave",
)
def filing_detail(request: HttpRequest, filing_id: DbId):
    return Status(200, selectors.filing_get_for_user(user=request.user, filing_id=filing_id))


@router.post(
    "/filings/{filing_id}/refresh",
    response={200: FilingOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 503: ErrorOut},
    summary="Check now: send it if still queued, then read its status (503: not answering)",
)
def filing_refresh(request: HttpRequest, filing_id: DbId):
    return Status(200, services.filing_refresh(actor=request.user, filing_id=filing_id))
