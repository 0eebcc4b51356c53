"""Reads for the enterprise registry, always scoped to what the user may see."""

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import Count, QuerySet
from django.db.models.functions import Substr

from champions.accounts.policy import Action as Can
from champions.accounts.policy import can
from champions.accounts.selectors import (
    user_is_entrepreneur,
    user_is_spoke_officer,
    user_sees_whole_country,
)
from champions.accounts.types import AnyUser
from champions.controlrooms.selectors import room_district_ids
from champions.core.errors import NotFound, ValidationFailed

from .classification import Classification, InvalidFigures, NoRuleInForce, classify
from .hooks import VerificationStatus, verification_status
from .models import CategoryChange, Enterprise, ImportJob


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


def classification_check(
    *, investment_inr: int, turnover_inr: int, export_turnover_inr: int = 0, on: date
) -> Classification:
    """The category for these figures on `on` (nothing stored); figures that cannot be
    classified, or a date no rule covers, are `ValidationFailed` with a message per field."""
    try:
        return classify(
            investment_inr=investment_inr,
            turnover_inr=turnover_inr,
            export_turnover_inr=export_turnover_inr,
            on=on,
        )
    except InvalidFigures as exc:
        errors = {name: [message] for name, message in exc.errors.items()}
        raise ValidationFailed("Invalid input.", errors=errors) from exc
    except NoRuleInForce as exc:
        raise ValidationFailed("Invalid input.", errors={"on": [str(exc)]}) from exc


def enterprises_represented(*, user: AnyUser, limit: int = 50) -> list[Enterprise]:
    """The units a signed-in entrepreneur acts for (an officer or a visitor acts for none)."""
    return list(enterprise_list_for_user(user=user)[:limit]) if user_is_entrepreneur(user) else []


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
    udyam: VerificationStatus | None  # the last Udyam check, if any


def enterprise_detail_get_for_user(*, user, enterprise_id: int) -> EnterpriseDetail:
    """Everything the detail page shows; raises NotFound outside the user's scope."""
    enterprise = enterprise_get_for_user(user=user, enterprise_id=enterprise_id)
    return EnterpriseDetail(
        enterprise=enterprise,
        classification=enterprise_classification(enterprise=enterprise),
        history=category_history(enterprise=enterprise),
        can_edit=enterprise_can_edit(user=user, enterprise=enterprise),
        udyam=verification_status(enterprise.pk),
    )


def enterprise_concentrations(*, nic_digits: int = 2, limit: int = 5) -> list[dict]:
    """Where units concentrate: the largest (district, NIC prefix) groups of Indian units,
    as [{"district_id", "nic_prefix", "count"}], largest first (for demo clusters)."""
    rows = (
        Enterprise.objects.filter(country="IN", district__isnull=False)
        .exclude(primary_nic="")
        .annotate(nic_prefix=Substr("primary_nic", 1, nic_digits))
        .values("district_id", "nic_prefix")
        .annotate(count=Count("id"))
        .order_by("-count", "district_id", "nic_prefix")[:limit]
    )
    return list(rows)


def enterprise_ids_in_group(*, state_id: int, nic_prefix: str, limit: int = 50) -> list[int]:
    """Ids of a state's units whose main NIC code starts with the prefix, oldest first."""
    return list(
        Enterprise.objects.filter(state_id=state_id, primary_nic__startswith=nic_prefix)
        .order_by("id")
        .values_list("id", flat=True)[:limit]
    )


def enterprise_district_ids(*, enterprise_ids: list[int]) -> list[int]:
    return list(
        Enterprise.objects.filter(pk__in=enterprise_ids, district__isnull=False)
        .values_list("district_id", flat=True)
        .distinct()
    )


def enterprise_brief(*, enterprise_id: int) -> dict | None:
    """{"district_id", "state_id", "nic_prefix"} of one unit (two-digit NIC division)."""
    row = (
        Enterprise.objects.filter(pk=enterprise_id)
        .values("district_id", "state_id", "primary_nic")
        .first()
    )
    if row is None:
        return None
    nic = row["primary_nic"] or ""
    return {"district_id": row["district_id"], "state_id": row["state_id"], "nic_prefix": nic[:2]}


def enterprise_representatives(*, enterprise_ids: list[int]) -> dict[int, list]:
    """enterprise id → the active users who represent it (to alert them)."""
    through = Enterprise.representatives.through
    rows = through.objects.filter(
        enterprise_id__in=enterprise_ids, user__is_active=True
    ).select_related("user")
    found: dict[int, list] = {}
    for row in rows:
        found.setdefault(row.enterprise_id, []).append(row.user)
    return found


def category_history_by_enterprise(
    *, enterprise_ids: list[int]
) -> dict[int, list[tuple[str, int]]]:
    """enterprise id → [(category, turnover)] from its category history, oldest first."""
    rows = (
        CategoryChange.objects.filter(enterprise_id__in=enterprise_ids)
        .order_by("changed_at", "id")
        .values_list("enterprise_id", "category", "turnover_inr")
    )
    history: dict[int, list[tuple[str, int]]] = {}
    for enterprise_id, category, turnover in rows:
        history.setdefault(enterprise_id, []).append((category, turnover))
    return history


@dataclass(frozen=True)
class EnterpriseIdentity:
    id: int
    udyam_number: str
    name: str
    category: str


def enterprise_identities(
    *, ids: list[int] | None = None, after_id: int = 0, limit: int = 500
) -> list[EnterpriseIdentity]:
    """Indian units with a Udyam number, in id order (for the Udyam verification)."""
    qs = Enterprise.objects.filter(udyam_number__isnull=False, pk__gt=after_id)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    rows = qs.order_by("pk").values_list("pk", "udyam_number", "name", "category")[:limit]
    return [
        EnterpriseIdentity(pk, udyam or "", name, category) for pk, udyam, name, category in rows
    ]


def enterprise_personal_data(*, user) -> list[dict]:
    """The enterprises the user represents, whole, for the DPDP "download my data" file."""
    rows = (
        Enterprise.objects.filter(representatives=user)
        .order_by("pk")
        .values(
            "udyam_number",
            "name",
            "owner_name",
            "owner_gender",
            "owner_social_category",
            "owner_specially_abled",
            "organisation_type",
            "major_activity",
            "address",
            "pincode",
            "state__name",
            "district__name",
            "nic_codes",
            "commenced_on",
            "investment_inr",
            "turnover_inr",
            "employees",
            "category",
            "created_at",
        )
    )
    return [dict(row) for row in rows]
