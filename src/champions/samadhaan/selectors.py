"""Reads of the samadhaan app: filings as a user may see them (through their grievances)."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from champions.core.errors import NotFound
from champions.grievances.selectors import grievance_get_for_user, grievance_queryset_for_user

from .models import Filing


def filing_queryset_for_user(*, user) -> QuerySet[Filing]:
    seen = grievance_queryset_for_user(user=user).values("pk")
    return Filing.objects.filter(grievance_id__in=seen).select_related(
        "grievance", "enterprise", "filed_by"
    )


def filing_get_for_user(*, user, filing_id: int) -> Filing:
    filing = filing_queryset_for_user(user=user).filter(pk=filing_id).first()
    if filing is None:
        raise NotFound(_("No such filing."))
    return filing


def filing_list_for_user(*, user, limit: int = 100) -> list[Filing]:
    return list(filing_queryset_for_user(user=user)[:limit])


def filings_for_enterprise(*, user, enterprise_id: int) -> list[Filing]:
    return list(filing_queryset_for_user(user=user).filter(enterprise_id=enterprise_id)[:20])


def filings_for_grievance(*, user, grievance_id: int) -> list[Filing]:
    return list(filing_queryset_for_user(user=user).filter(grievance_id=grievance_id))


def grievance_to_file(*, user, grievance_id: int):
    """The grievance a filing would be made from (NotFound outside the user's scope)."""
    return grievance_get_for_user(user=user, grievance_id=grievance_id)
