"""Open data over the API: the monthly grievance counts as CSV, for anyone."""

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from champions.core.schemas import ErrorOut

from . import open_data

router = Router()


class OpenDataQuery(Schema):
    start: date | None = Field(
        None, alias="from", description="First day (default 1 January of last year)."
    )
    end: date | None = Field(None, alias="to", description="Last day (default today).")


@router.get(
    "/grievances.csv",
    response={422: ErrorOut},
    auth=None,
    summary="Monthly grievance counts as open data (CSV)",
    description="Counts per month, state, category, channel and measure (lodged, resolved, "
    "resolved within 21 working days, escalated, appealed, closed), then the resolution-time "
    "bands of the median (p50) and p90 per month and state. No personal data; any count "
    f"below {open_data.SUPPRESS_BELOW} is shown as `{open_data.SUPPRESSED}`. Licence: "
    f"{open_data.LICENCE}.",
    openapi_extra={
        "responses": {200: {"description": "The CSV file.", "content": {"text/csv": {}}}}
    },
)
def grievances_csv(request: HttpRequest, query: Query[OpenDataQuery]):
    period = open_data.period_parse(start=query.start, end=query.end, today=timezone.localdate())
    response = HttpResponse(
        open_data.open_data_csv(period=period), content_type="text/csv; charset=utf-8"
    )
    name = f"champions-grievances-{period.start}-{period.end}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Licence"] = "GODL-India"
    return response
