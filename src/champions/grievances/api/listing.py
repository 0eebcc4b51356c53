"""GET /api/v1/grievances: the grievances you may see, filtered, one page at a time."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Status

from champions.core.pagination import keyset_page, prefix_q
from champions.core.schemas import ErrorOut

from .. import selectors
from ..filters import GrievanceQueueFilterSet
from .router import operation_id, router
from .schemas import (
    GrievanceListQuery,
    GrievancePageOut,
)

QUEUE_FILTERS = ("category", "priority", "sla_state", "channel", "kind", "view")


def _filtered(qs: QuerySet, query: GrievanceListQuery, request=None) -> QuerySet:
    """Every filter but `status` (the counts per status follow the others)."""
    params = {name: getattr(query, name) for name in QUEUE_FILTERS if getattr(query, name)}
    qs = GrievanceQueueFilterSet(params, queryset=qs, request=request).qs
    if query.room is not None:
        qs = qs.filter(room_id=query.room)
    if query.q and query.q.strip():
        qs = qs.filter(prefix_q("registration_number", query.q.strip().upper()))
    return qs


@router.get(
    "",
    response={200: GrievancePageOut, 422: ErrorOut},
    summary="List the grievances you may see, filtered, newest first",
    operation_id=operation_id("grievance_list"),
)
def grievance_list(request: HttpRequest, query: Query[GrievanceListQuery]):
    qs = _filtered(selectors.grievance_queryset_for_user(user=request.user), query, request)
    narrowed = any(getattr(query, name) for name in QUEUE_FILTERS) or bool(
        query.q and query.q.strip()
    )
    counts = selectors.queue_counts_for_user(
        user=request.user, qs=qs, narrowed=narrowed, room_id=query.room
    )
    if query.status is not None:
        qs = qs.filter(status=query.status)
    page = keyset_page(
        qs.select_related("room", "assignee"),
        after=query.after,
        before=query.before,
        size=query.size,
    )
    return Status(
        200,
        {
            "items": page.items,
            "next_cursor": page.next_cursor,
            "previous_cursor": page.previous_cursor,
            "counts": counts,
        },
    )
