"""Reads of the udyam app: the latest check of enterprises (the profile's badge)."""

from champions.registry.hooks import VerificationStatus

from .choices import Field, Outcome
from .models import UdyamCheck


def latest_check(*, enterprise_id: int) -> UdyamCheck | None:
    return (
        UdyamCheck.objects.filter(enterprise_id=enterprise_id)
        .order_by("-checked_at", "-id")
        .first()
    )


def latest_checks(*, enterprise_ids: list[int]) -> dict[int, UdyamCheck]:
    found: dict[int, UdyamCheck] = {}
    for check in UdyamCheck.objects.filter(enterprise_id__in=enterprise_ids).order_by(
        "enterprise_id", "-checked_at", "-id"
    ):
        found.setdefault(check.enterprise_id, check)
    return found


def verification_status_get(enterprise_id: int) -> VerificationStatus | None:
    """The last check as the pages show it (the registry's hook and the overview use it)."""
    check = latest_check(enterprise_id=enterprise_id)
    if check is None:
        return None
    differences = [
        (str(Field.NAME.label), check.remote_name)
        if field == Field.NAME
        else (str(Field.CATEGORY.label), check.remote_category)
        for field in check.mismatches
    ]
    return VerificationStatus(
        verified=check.outcome == Outcome.VERIFIED,
        label=check.get_outcome_display(),
        checked_at=check.checked_at,
        differences=differences,
    )
