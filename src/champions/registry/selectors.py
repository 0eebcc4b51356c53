"""Reads for the enterprise registry, always scoped to what the user may see."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

from champions.accounts.policy import Action as Can
from champions.accounts.policy import can
from champions.accounts.selectors import (
    user_is_entrepreneur,
    user_is_spoke_officer,
    user_sees_whole_country,
)
from champions.controlrooms.selectors import room_district_ids
from champions.core.errors import NotFound

from .classification import Classification, classify
from .models import CategoryChange, Enterprise, ImportJob


def prefix_q(field: str, prefix: str) -> Q:
    """A prefix match that an ordinary B-tree index can serve on both databases.

    PostgreSQL uses LIKE 'x%' with the varchar_pattern_ops index; SQLite compares the
    range [x, x + U+10FFFF) because its LIKE is case-insensitive and skips the index.
    """
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__startswith": prefix})
    return Q(**{f"{field}__gte": prefix, f"{field}__lt": prefix + "\U0010ffff"})


def district_ids_in_scope(*, user) -> set[int]:
    if user_is_spoke_officer(user) and user.control_room_id:
        return set(room_district_ids(room_id=user.control_room_id))
    return set()


def enterprise_queryset_for_user(*, user) -> QuerySet[Enterprise]:
    """The enterprises a user may see: their own, their room's districts, or all."""
    qs = Enterprise.objects.all()
    if not user.is_authenticated:
        return qs.none()
    if user_sees_whole_country(user):
        return qs
    if user_is_spoke_officer(user):
        # A list of district ids, not a join through the coverage table: at 1 M rows the join
        # made SQLite walk the whole table for small rooms (p95 2.7 s → 8 ms, docs/PERFORMANCE.md).
        return qs.filter(district_id__in=room_district_ids(room_id=user.control_room_id))
    if user_is_entrepreneur(user):
        return qs.filter(representatives=user)
    return qs.none()  # analysts see aggregates only


def enterprise_get_for_user(*, user, enterprise_id: int, for_update: bool = False) -> Enterprise:
    qs = enterprise_queryset_for_user(user=user).select_related("state", "district")
    if for_update:
        qs = qs.select_for_update(of=("self",)) if connection.vendor == "postgresql" else qs
    try:
        return qs.get(pk=enterprise_id)
    except Enterprise.DoesNotExist as exc:
        raise NotFound("No such enterprise.") from exc


def enterprise_can_edit(*, user, enterprise: Enterprise) -> bool:
    """Leadership reads but does not edit (the policy decides: `registry.edit`)."""
    return can(user, Can.REGISTRY_EDIT, enterprise)


def category_history(*, enterprise: Enterprise) -> list[CategoryChange]:
    return list(CategoryChange.objects.filter(enterprise=enterprise).select_related("changed_by"))


@dataclass(frozen=True)
class Page:
    """One page of a keyset-paginated list (fast at any depth: no OFFSET)."""

    items: list
    next_cursor: int | None
    previous_cursor: int | None


def keyset_page(qs: QuerySet, *, after: int | None, before: int | None, size: int) -> Page:
    """Newest first. `after=id` gives the rows older than id, `before=id` the rows newer.

    The page's ids are found first and its rows fetched by id after: with a range filter (a
    NIC or name prefix) SQLite can then order the matching ids from the index alone instead
    of reading every matching row to sort it (NIC prefix p95 at 1 M rows: 1,326 → 122 ms on a
    loaded machine); PostgreSQL pays one short extra query.
    """
    if before is not None:
        ids = list(qs.filter(pk__gt=before).order_by("pk").values_list("pk", flat=True)[: size + 1])
        has_more_newer = len(ids) > size
        rows = _rows_by_id(qs, list(reversed(ids[:size])))
        return Page(
            items=rows,
            next_cursor=rows[-1].pk if rows else None,
            previous_cursor=rows[0].pk if rows and has_more_newer else None,
        )
    if after is not None:
        qs = qs.filter(pk__lt=after)
    ids = list(qs.order_by("-pk").values_list("pk", flat=True)[: size + 1])
    has_more = len(ids) > size
    rows = _rows_by_id(qs, ids[:size])
    return Page(
        items=rows,
        next_cursor=rows[-1].pk if has_more else None,
        previous_cursor=rows[0].pk if rows and after is not None else None,
    )


def _rows_by_id(qs: QuerySet, ids: list[int]) -> list:
    """The rows of `qs` with these ids, in the order of `ids`."""
    if not ids:
        return []
    found = {row.pk: row for row in qs.order_by().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def import_job_get_for_user(*, user, job_id: int) -> ImportJob:
    job = ImportJob.objects.filter(pk=job_id, created_by=user).first()
    if job is None:
        raise NotFound("No such import.")
    return job


def import_job_list(*, user, limit: int = 10) -> list[ImportJob]:
    return list(ImportJob.objects.filter(created_by=user)[:limit])


def enterprise_list_for_user(*, user) -> QuerySet[Enterprise]:
    """What the enterprise list shows: the user's enterprises with their state and district."""
    return enterprise_queryset_for_user(user=user).select_related("state", "district")


def enterprise_can_create(*, user) -> bool:
    """Entrepreneurs file their own enterprises; officers file them for others."""
    return can(user, Can.REGISTRY_RECORD)


def enterprise_classification(*, enterprise: Enterprise) -> Classification:
    """The stored category explained: the engine re-run on the date it was classified."""
    return classify(
        investment_inr=enterprise.investment_inr,
        turnover_inr=enterprise.turnover_inr,
        export_turnover_inr=enterprise.export_turnover_inr,
        on=enterprise.classified_on,
    )


@dataclass(frozen=True)
class EnterpriseDetail:
    enterprise: Enterprise
    classification: Classification
    history: list[CategoryChange]
    can_edit: bool


def enterprise_detail_get_for_user(*, user, enterprise_id: int) -> EnterpriseDetail:
    """Everything the detail page shows; raises NotFound outside the user's scope."""
    enterprise = enterprise_get_for_user(user=user, enterprise_id=enterprise_id)
    return EnterpriseDetail(
        enterprise=enterprise,
        classification=enterprise_classification(enterprise=enterprise),
        history=category_history(enterprise=enterprise),
        can_edit=enterprise_can_edit(user=user, enterprise=enterprise),
    )
