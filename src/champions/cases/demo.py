"""Demo data for hand-holding: a case on the demo entrepreneur's first unit, opened by the hub
officer, with a step for the entrepreneur, a step for the officer and a follow-up note; and a
closed case with its outcome. Idempotent: nothing is added once a demo case exists."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from champions.registry.selectors import enterprise_list_for_user

from . import services
from .models import Case

GOAL = "Demo: a CGTMSE-backed working-capital loan sanctioned"


@transaction.atomic
def cases_demo_load(*, officer, unit_user) -> int:
    if officer is None or unit_user is None or Case.objects.filter(goal=GOAL).exists():
        return 0
    unit = enterprise_list_for_user(user=unit_user).order_by("id").first()
    if unit is None:
        return 0
    case = services.case_open(actor=officer, enterprise_id=unit.pk, goal=GOAL)
    today = timezone.localdate()
    for owner, title, days in (
        (unit_user, "Upload the last two years' balance sheets", 5),
        (officer, "Arrange a meeting with the bank's MSME branch", 10),
    ):
        services.case_step_add(
            actor=officer,
            case_id=case.pk,
            title=title,
            owner_id=owner.pk,
            due_on=today + timedelta(days=days),
        )
    services.case_note_add(
        actor=officer, case_id=case.pk, body="Called the owner: the bank needs audited accounts."
    )
    done = services.case_open(
        actor=officer, enterprise_id=unit.pk, goal="Demo: Udyam details updated"
    )
    services.case_close(
        actor=officer, case_id=done.pk, outcome="achieved", note="NIC code and turnover corrected."
    )
    return 2
