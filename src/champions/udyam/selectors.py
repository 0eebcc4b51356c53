"""Reads of the udyam app: the latest check of enterprises (the profile's badge)."""

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
