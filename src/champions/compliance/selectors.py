"""Reads for compliance: an enterprise's situation and its calendar, scoped to the user."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from champions.core.errors import ValidationFailed
from champions.registry.selectors import (
    enterprise_can_edit,
    enterprise_get_for_user,
    enterprise_list_for_user,
)

from .calendar import MAX_SPAN_DAYS, Occurrence, Situation, occurrences_between, period_label
from .choices import GstFiling
from .ics import IcsEvent, calendar_ics
from .models import ComplianceProfile

COMPANY_TYPES = frozenset({"private_limited", "public_limited"})
# Bodies that deduct tax at source on most of their payments (contractors, rent, fees).
USUAL_TDS_DEDUCTORS = frozenset({"partnership", "llp", "cooperative", *COMPANY_TYPES})
# GST registration becomes compulsory above these (CGST Act s.22; Notification 10/2019-Central
# Tax for goods); a prefill only: special-category states have lower limits.
GST_THRESHOLD_GOODS_INR = 4_000_000
GST_THRESHOLD_SERVICES_INR = 2_000_000
DEFAULT_WINDOW_DAYS = 120


def situation_prefilled(*, enterprise) -> Situation:
    """What the registry already tells about an enterprise; the rest are guesses to check."""
    threshold = (
        GST_THRESHOLD_SERVICES_INR
        if enterprise.major_activity == "services"
        else GST_THRESHOLD_GOODS_INR
    )
    return Situation(
        is_gst_registered=enterprise.turnover_inr > threshold,
        gst_filing=GstFiling.MONTHLY,
        turnover_inr=enterprise.turnover_inr,
        state_code=enterprise.state.udyam_code if enterprise.state_id else "",
        employees=enterprise.employees,
        is_company=enterprise.organisation_type in COMPANY_TYPES,
        is_tds_deductor=enterprise.organisation_type in USUAL_TDS_DEDUCTORS,
        pays_advance_tax=True,
        has_udyam_registration=bool(enterprise.udyam_number),
    )


def situation_from_profile(*, enterprise, profile: ComplianceProfile) -> Situation:
    return Situation(
        is_gst_registered=profile.is_gst_registered,
        gst_filing=profile.gst_filing,
        turnover_inr=profile.turnover_inr,
        state_code=profile.state_code,
        employees=profile.employees,
        is_company=profile.is_company,
        is_tds_deductor=profile.is_tds_deductor,
        pays_advance_tax=profile.pays_advance_tax,
        is_presumptive_taxpayer=profile.is_presumptive_taxpayer,
        has_udyam_registration=bool(enterprise.udyam_number),
        owes_mse_suppliers_over_45_days=profile.owes_mse_suppliers_over_45_days,
    )


def profile_get(*, enterprise_id: int) -> ComplianceProfile | None:
    return ComplianceProfile.objects.filter(enterprise_id=enterprise_id).first()


@dataclass(frozen=True)
class CalendarPage:
    enterprise: Any  # registry Enterprise, read through registry.selectors
    profile: ComplianceProfile | None
    situation: Situation
    occurrences: list[Occurrence]
    start: date
    end: date
    can_edit: bool

    @property
    def is_prefilled(self) -> bool:
        return self.profile is None

    @property
    def remind_days_before(self) -> int:
        return self.profile.remind_days_before if self.profile else 3


def calendar_range(*, start: date | None, end: date | None, today: date) -> tuple[date, date]:
    """The dates asked for, or the next 120 days; raises ValidationFailed for a bad range."""
    start = start or today
    end = end or start + timedelta(days=DEFAULT_WINDOW_DAYS)
    if end < start:
        message = _("The end of the range must not be before its start.")
        raise ValidationFailed(message, errors={"to": [message]})
    if (end - start).days > MAX_SPAN_DAYS:
        message = _("Ask for at most three years at a time.")
        raise ValidationFailed(message, errors={"to": [message]})
    return start, end


def calendar_get_for_user(*, user, enterprise_id: int, start: date, end: date) -> CalendarPage:
    """An enterprise's due dates in [start, end]; NotFound outside the user's scope."""
    enterprise = enterprise_get_for_user(user=user, enterprise_id=enterprise_id)
    profile = profile_get(enterprise_id=enterprise.pk)
    situation = (
        situation_from_profile(enterprise=enterprise, profile=profile)
        if profile
        else situation_prefilled(enterprise=enterprise)
    )
    return CalendarPage(
        enterprise=enterprise,
        profile=profile,
        situation=situation,
        occurrences=occurrences_between(situation, start, end),
        start=start,
        end=end,
        can_edit=enterprise_can_edit(user=user, enterprise=enterprise),
    )


def enterprises_for_hub(*, user, limit: int = 20) -> list:
    """The first enterprises a signed-in user may see, for links to their calendars."""
    if not user.is_authenticated:
        return []
    return list(enterprise_list_for_user(user=user)[:limit])


ICS_PAST_DAYS = 31
ICS_FUTURE_DAYS = 400


@dataclass(frozen=True)
class IcsFile:
    filename: str
    text: str


def calendar_ics_get_for_user(*, user, enterprise_id: int, today: date) -> IcsFile:
    """The enterprise's due dates from a month ago to a year ahead, as an .ics file."""
    page = calendar_get_for_user(
        user=user,
        enterprise_id=enterprise_id,
        start=today - timedelta(days=ICS_PAST_DAYS),
        end=today + timedelta(days=ICS_FUTURE_DAYS),
    )
    enterprise_pk = page.enterprise.pk
    events = [
        IcsEvent(
            uid=f"{o.code}-{o.due_on:%Y%m%d}-enterprise-{enterprise_pk}@champions",
            day=o.due_on,
            summary=f"{o.title} ({period_label(o)})",
            description=_ics_description(o),
            url=o.obligation.url,
            remind_days_before=page.remind_days_before or None,
        )
        for o in page.occurrences
    ]
    name = _("Compliance calendar: %(name)s") % {"name": page.enterprise.name}
    return IcsFile(
        filename=f"compliance-{enterprise_pk}.ics",
        text=calendar_ics(name=name, events=events, now=timezone.now()),
    )


def _ics_description(occurrence: Occurrence) -> str:
    lines = [occurrence.part_text, occurrence.note]
    if occurrence.is_suggested_date:
        lines.append(_("A suggested date: the law sets none."))
    lines.append(_("Source: %(source)s.") % {"source": occurrence.obligation.source})
    return "\n".join(line for line in lines if line)
