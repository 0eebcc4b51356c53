"""GET /api/v1/grievances: the grievances you may see, filtered, one page at a time."""

from django.http import HttpRequest
from ninja import Query, Status

from champions.core.schemas import ErrorOut

from .. import selectors
from .router import operation_id, router
from .schemas import (
    GrievanceListQuery,
    GrievancePageOut,
    page_out,
)


@router.get(
    "",
    response={200: GrievancePageOut, 422: ErrorOut},
    summary="List the grievances you may see, filtered, newest first (or as `sort` says)",
    operation_id=operation_id("grievance_list"),
)
def grievance_list(request: HttpRequest, query: Query[GrievanceListQuery]):
    queue = selectors.grievance_queue(
        user=request.user,
        filters=query.filters(),
        cursor=selectors.QueueCursor(after=query.after, before=query.before),
        size=query.size,
    )
    return Status(200, page_out(queue))
