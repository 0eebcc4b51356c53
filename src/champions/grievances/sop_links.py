"""Which step of the SOP an officer is at on a grievance's page (the "How to handle this"
link): by the grievance's status, its category, and whether the reader decides appeals."""

from dataclasses import dataclass

from champions.accounts.choices import Role

from .choices import Category, Status


@dataclass(frozen=True)
class SopSection:
    slug: str  # an SOP page (sop/data/sop.json)
    step: int  # its step, counted from 1


GRIEVANCE_HANDLING = "grievance-handling"
APPEAL_HANDLING = "appeal-handling"

# grievance-handling v2: 1 take it, 2 check triage, 3 ask the MSME, 5 resolve or refer,
# 6 file a delayed payment on Samadhaan.
BY_STATUS = {
    Status.SUBMITTED: 1,
    Status.REOPENED: 1,
    Status.ASSIGNED: 2,
    Status.IN_PROGRESS: 5,
    Status.AWAITING_MSME: 3,
}


def sop_section_for(*, grievance, user) -> SopSection | None:
    """None for the MSME and for grievances no SOP step is about (closed, decided)."""
    if grievance.status == Status.APPEALED:
        if user.role in (Role.APPELLATE_OFFICER, Role.ADMINISTRATOR):
            return SopSection(APPEAL_HANDLING, 1)
        return None
    if user.role not in (Role.SPOKE_OFFICER, Role.HUB_OFFICER, Role.ADMINISTRATOR):
        return None
    step = BY_STATUS.get(grievance.status)
    if step is None:
        return None
    if grievance.category == Category.DELAYED_PAYMENT and step == 5:
        step = 6
    return SopSection(GRIEVANCE_HANDLING, step)


def sop_section_for_queue(*, user) -> SopSection:
    """The work queue's link: the appellate officer's page for them, else taking a grievance."""
    if user.role == Role.APPELLATE_OFFICER:
        return SopSection(APPEAL_HANDLING, 1)
    return SopSection(GRIEVANCE_HANDLING, 1)
