from datetime import timedelta

import pytest
from django.utils import timezone

from champions.cases import selectors, services
from champions.cases.errors import CaseClosed
from champions.cases.models import Case, CaseNote, CaseStep
from champions.core.errors import Forbidden, NotFound, ValidationFailed

from .factories import opened_case, pune_unit, step_for

pytestmark = pytest.mark.django_db


def test_officer_opens_a_case_in_the_units_room_with_the_sla(spoke_officer, entrepreneur, settings):
    unit = pune_unit(entrepreneur)
    case = opened_case(spoke_officer, unit)
    assert case.room_id == spoke_officer.control_room_id
    assert case.assignee == spoke_officer
    assert case.due_on == timezone.localdate() + timedelta(days=settings.CASES_SLA_DAYS)
    assert case.status == "open"


def test_blank_goal_is_a_field_error_and_nothing_is_saved(spoke_officer, entrepreneur):
    unit = pune_unit(entrepreneur)
    with pytest.raises(ValidationFailed) as caught:
        services.case_open(actor=spoke_officer, enterprise_id=unit.pk, goal="  ")
    assert list(caught.value.errors) == ["goal"]
    assert Case.objects.count() == 0


def test_other_room_and_overseers_cannot_open(other_spoke_officer, leadership, entrepreneur):
    unit = pune_unit(entrepreneur)
    with pytest.raises(NotFound):  # outside the Delhi room's districts: not even seen
        opened_case(other_spoke_officer, unit)
    with pytest.raises(Forbidden):  # leadership sees the unit but only reads
        opened_case(leadership, unit)
    with pytest.raises(NotFound):  # officers' work: for a unit it does not exist
        opened_case(entrepreneur, unit)
    assert Case.objects.count() == 0


def test_assign_only_within_the_room(spoke_officer, other_spoke_officer, hub_officer, entrepreneur):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    with pytest.raises(ValidationFailed) as caught:
        services.case_assign(
            actor=spoke_officer, case_id=case.pk, assignee_id=other_spoke_officer.pk
        )
    assert list(caught.value.errors) == ["assignee"]
    assigned = services.case_assign(
        actor=spoke_officer, case_id=case.pk, assignee_id=hub_officer.pk
    )
    assert assigned.assignee == hub_officer


def test_steps_owned_by_the_unit_appear_for_the_owner_who_marks_them_done(
    spoke_officer, entrepreneur, other_entrepreneur
):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    step = step_for(spoke_officer, case, entrepreneur)
    assert selectors.steps_for_owner(user=entrepreneur) == [step]
    assert selectors.steps_for_owner(user=other_entrepreneur) == []
    with pytest.raises(NotFound):
        services.case_step_done(actor=other_entrepreneur, step_id=step.pk)
    done = services.case_step_done(actor=entrepreneur, step_id=step.pk)
    assert done.done_by == entrepreneur
    assert done.done_at is not None
    assert selectors.steps_for_owner(user=entrepreneur) == []


def test_a_step_needs_an_owner_from_the_room_or_the_unit_and_a_date_not_past(
    spoke_officer, other_spoke_officer, entrepreneur
):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    yesterday = timezone.localdate() - timedelta(days=1)
    cases = [
        ({"owner_id": other_spoke_officer.pk, "due_on": timezone.localdate()}, "owner"),
        ({"owner_id": None, "due_on": timezone.localdate()}, "owner"),
        ({"owner_id": entrepreneur.pk, "due_on": yesterday}, "due_on"),
        ({"owner_id": entrepreneur.pk, "due_on": None}, "due_on"),
    ]
    for values, field in cases:
        with pytest.raises(ValidationFailed) as caught:
            services.case_step_add(actor=spoke_officer, case_id=case.pk, title="Visit", **values)
        assert list(caught.value.errors) == [field]
    assert CaseStep.objects.count() == 0


def test_close_with_outcome_then_nothing_more_is_added(spoke_officer, entrepreneur):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    step = step_for(spoke_officer, case, entrepreneur)
    services.case_note_add(actor=spoke_officer, case_id=case.pk, body="Called the bank.")
    with pytest.raises(ValidationFailed):
        services.case_close(actor=spoke_officer, case_id=case.pk, outcome="maybe")
    closed = services.case_close(
        actor=spoke_officer,
        case_id=case.pk,
        outcome="achieved",
        note="Loan of ₹20 lakh sanctioned.",
    )
    assert (closed.status, closed.outcome) == ("closed", "achieved")
    with pytest.raises(CaseClosed):
        services.case_note_add(actor=spoke_officer, case_id=case.pk, body="Late note")
    with pytest.raises(CaseClosed):
        services.case_step_done(actor=entrepreneur, step_id=step.pk)
    assert CaseNote.objects.count() == 1


def test_queue_counts_and_views(spoke_officer, hub_officer, other_spoke_officer, entrepreneur):
    unit = pune_unit(entrepreneur)
    late = opened_case(spoke_officer, unit, goal="ZED certification")
    Case.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    other = opened_case(spoke_officer, unit, goal="Export order")
    services.case_assign(actor=spoke_officer, case_id=other.pk, assignee_id=hub_officer.pk)
    done = opened_case(spoke_officer, unit, goal="GeM registration")
    services.case_close(actor=spoke_officer, case_id=done.pk, outcome="achieved")

    rows, counts = selectors.case_queue(user=spoke_officer)
    assert [r.goal for r in rows] == ["ZED certification", "Export order"]
    assert (counts.open, counts.overdue, counts.mine, counts.closed_30_days) == (2, 1, 1, 1)
    assert [r.goal for r in selectors.case_queue(user=spoke_officer, view="overdue")[0]] == [
        "ZED certification"
    ]
    assert [r.goal for r in selectors.case_queue(user=hub_officer, view="mine")[0]] == [
        "Export order"
    ]
    assert selectors.case_queue(user=other_spoke_officer)[1].open == 0
    panel = selectors.cases_dashboard_panel(user=hub_officer)
    assert [value for _label, value in panel.rows] == ["2", "1", "1"]
    assert panel.warning


def test_dashboard_panel_keeps_a_spoke_officer_to_their_room(
    spoke_officer, other_spoke_officer, hub_officer, leadership, entrepreneur
):
    unit = pune_unit(entrepreneur)
    opened_case(spoke_officer, unit, goal="ZED certification")
    elsewhere = opened_case(hub_officer, unit, goal="Export order")
    Case.objects.filter(pk=elsewhere.pk).update(room_id=other_spoke_officer.control_room_id)

    def open_count(user):
        return selectors.cases_dashboard_panel(user=user).rows[0][1]

    assert open_count(spoke_officer) == "1"
    assert open_count(other_spoke_officer) == "1"
    assert open_count(hub_officer) == "2"
    assert open_count(leadership) == "2"


def test_cached_dashboard_panels_are_kept_per_room(spoke_officer, hub_officer, entrepreneur):
    # The dashboard caches panels; a spoke officer's count must not be served to the hub (or
    # the other way round) from that cache.
    from django.core.cache import cache

    from champions.insights.hooks import dashboard_panels

    cache.clear()
    unit = pune_unit(entrepreneur)
    opened_case(spoke_officer, unit, goal="ZED certification")
    elsewhere = opened_case(hub_officer, unit, goal="Export order")
    Case.objects.filter(pk=elsewhere.pk).update(room_id=hub_officer.control_room_id)

    def open_count(user):
        panel = next(p for p in dashboard_panels(user=user) if p.title == "Hand-holding cases")
        return panel.rows[0][1]

    assert open_count(spoke_officer) == "1"
    assert open_count(hub_officer) == "2"
    assert open_count(spoke_officer) == "1"
