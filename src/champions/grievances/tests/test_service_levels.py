"""The hub keeps the SLA policies and the holiday calendar: the services and the pages."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from champions.core.errors import DomainError, Forbidden, NotFound, ValidationFailed
from champions.core.models import State
from champions.grievances.models import Holiday, SlaPolicy
from champions.grievances.services import (
    SlaPolicyInput,
    holiday_add,
    holiday_delete,
    sla_policy_delete,
    sla_policy_save,
)
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db

SLA_URL = reverse("web:grievances:sla")
HOLIDAYS_URL = reverse("web:grievances:holidays")
QUEUE_URL = reverse("web:grievances:queue")
# A Monday in a week without fixed national holidays.
MONDAY = "2027-03-01 09:00 +0000"
OTHERS = ["spoke_officer", "leadership", "entrepreneur", "analyst"]
# Officers who are not the hub see a 403; to the others the hub's pages do not exist (404).
REFUSAL = {
    "spoke_officer": Forbidden,
    "leadership": Forbidden,
    "entrepreneur": NotFound,
    "analyst": NotFound,
}
PAGE_STATUS = {"spoke_officer": 403, "leadership": 403, "entrepreneur": 404, "analyst": 404}


def _policy(**overrides) -> SlaPolicyInput:
    values = {
        "category": "delayed_payment",
        "priority": "",
        "assign_days": 1,
        "escalate_days": 5,
        "resolve_days": 10,
        "appeal_days": 20,
    }
    values.update(overrides)
    return SlaPolicyInput(**values)


def _policies() -> list[tuple]:
    return list(
        SlaPolicy.objects.order_by("category", "priority").values_list(
            "category", "priority", "assign_days", "escalate_days", "resolve_days", "appeal_days"
        )
    )


def _default() -> SlaPolicy:
    return SlaPolicy.objects.get(category="", priority="")


def _state(code: str) -> State:
    return State.objects.get(udyam_code=code)


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)  # in Maharashtra


# --- SLA policies: the services ----------------------------------------------------------------


@time_machine.travel(MONDAY, tick=False)
def test_a_new_policy_sets_the_due_dates_of_the_next_grievance_lodged(
    hub_officer, entrepreneur, unit
):
    # given: lodged under the default (3, 7, 21 working days)
    before = lodge(entrepreneur, unit)

    # when
    sla_policy_save(actor=hub_officer, data=_policy())
    after = lodge(entrepreneur, unit)
    other_category = lodge(entrepreneur, unit, category="labour")

    # then
    assert [d.date().isoformat() for d in (after.assign_due_at, after.resolution_due_at)] == [
        "2027-03-02",
        "2027-03-15",
    ]
    assert after.escalate_due_at.date().isoformat() == "2027-03-08"
    before.refresh_from_db()
    assert before.resolution_due_at.date().isoformat() == "2027-03-30"  # stays as it was
    assert other_category.resolution_due_at.date().isoformat() == "2027-03-30"


def test_administrator_changes_a_policy(administrator, hub_officer):
    policy = sla_policy_save(actor=hub_officer, data=_policy())

    changed = sla_policy_save(
        actor=administrator,
        data=_policy(priority="high", resolve_days=15),
        policy_id=policy.pk,
    )

    assert changed.pk == policy.pk
    assert ("delayed_payment", "high", 1, 5, 15, 20) in _policies()
    assert ("delayed_payment", "", 1, 5, 10, 20) not in _policies()


def test_the_default_policy_changes_its_days(hub_officer):
    default = _default()

    sla_policy_save(
        actor=hub_officer, data=_policy(category="", resolve_days=30), policy_id=default.pk
    )

    assert _policies() == [("", "", 1, 5, 30, 20)]


@pytest.mark.parametrize(
    ("_case", "data", "field"),
    [
        ("no days", _policy(assign_days=0), "assign_days"),
        ("more than a year", _policy(appeal_days=366), "appeal_days"),
        ("not a number", _policy(resolve_days="ten"), "resolve_days"),
        ("unknown category", _policy(category="weather"), "category"),
        ("unknown priority", _policy(priority="urgent"), "priority"),
        ("assigned after the resolution", _policy(assign_days=11), "assign_days"),
        ("escalated after the resolution", _policy(escalate_days=12), "escalate_days"),
        ("a second default", _policy(category=""), "category"),
    ],
)
def test_policy_input_is_checked_and_changes_nothing(hub_officer, _case, data, field):
    before = _policies()

    with pytest.raises(ValidationFailed) as info:
        sla_policy_save(actor=hub_officer, data=data)

    assert list(info.value.errors) == [field]
    assert _policies() == before


def test_the_default_keeps_applying_to_any_category_and_priority(hub_officer):
    before = _policies()

    with pytest.raises(ValidationFailed) as info:
        sla_policy_save(actor=hub_officer, data=_policy(), policy_id=_default().pk)

    assert list(info.value.errors) == ["category"]
    assert _policies() == before


def test_a_second_policy_for_the_same_category_and_priority_is_refused(hub_officer):
    sla_policy_save(actor=hub_officer, data=_policy())

    with pytest.raises(ValidationFailed) as info:
        sla_policy_save(actor=hub_officer, data=_policy(resolve_days=12))

    assert info.value.errors == {
        "category": ["There is a policy for this category and priority already."]
    }
    assert SlaPolicy.objects.filter(category="delayed_payment").count() == 1


def test_a_policy_is_deleted_but_the_default_stays(hub_officer):
    policy = sla_policy_save(actor=hub_officer, data=_policy())

    sla_policy_delete(actor=hub_officer, policy_id=policy.pk)
    with pytest.raises(DomainError) as info:
        sla_policy_delete(actor=hub_officer, policy_id=_default().pk)

    assert (info.value.status, info.value.code) == (409, "default_policy")
    assert _policies() == [("", "", 3, 7, 21, 30)]
    with pytest.raises(NotFound):
        sla_policy_delete(actor=hub_officer, policy_id=-1)


@pytest.mark.parametrize("user_fixture", OTHERS)
def test_only_the_hub_keeps_service_levels(request, hub_officer, user_fixture):
    # given
    actor = request.getfixturevalue(user_fixture)
    policy = sla_policy_save(actor=hub_officer, data=_policy())
    holiday = holiday_add(actor=hub_officer, day=date(2027, 3, 22), name="Holi")
    policies, holidays = _policies(), Holiday.objects.count()

    # when / then
    with pytest.raises(REFUSAL[user_fixture]):
        sla_policy_save(actor=actor, data=_policy(priority="high"))
    with pytest.raises(REFUSAL[user_fixture]):
        sla_policy_save(actor=actor, data=_policy(resolve_days=2), policy_id=policy.pk)
    with pytest.raises(REFUSAL[user_fixture]):
        sla_policy_delete(actor=actor, policy_id=policy.pk)
    with pytest.raises(REFUSAL[user_fixture]):
        holiday_add(actor=actor, day=date(2027, 3, 23), name="Holi (second day)")
    with pytest.raises(REFUSAL[user_fixture]):
        holiday_delete(actor=actor, holiday_id=holiday.pk)
    assert (_policies(), Holiday.objects.count()) == (policies, holidays)


# --- Holidays: the services --------------------------------------------------------------------


@time_machine.travel(MONDAY, tick=False)
def test_a_state_holiday_moves_due_dates_only_in_that_state(hub_officer, entrepreneur, unit):
    # given: 3 working days to assign, from Monday 1 March 2027
    holiday_add(
        actor=hub_officer, day=date(2027, 3, 2), name="Delhi holiday", state_id=_state("DL").pk
    )
    in_delhi_only = lodge(entrepreneur, unit)

    # when
    holiday = holiday_add(
        actor=hub_officer,
        day=date(2027, 3, 3),
        name="Maharashtra holiday",
        state_id=_state("MH").pk,
    )
    in_maharashtra = lodge(entrepreneur, unit)

    # then
    assert (holiday.state, holiday.name) == (_state("MH"), "Maharashtra holiday")
    assert in_delhi_only.assign_due_at.date().isoformat() == "2027-03-04"
    assert in_maharashtra.assign_due_at.date().isoformat() == "2027-03-05"


def test_a_national_holiday_is_added_and_deleted(hub_officer):
    holiday = holiday_add(actor=hub_officer, day=date(2027, 3, 22), name="  Holi  ")

    assert (holiday.day, holiday.name, holiday.state) == (date(2027, 3, 22), "Holi", None)
    holiday_delete(actor=hub_officer, holiday_id=holiday.pk)
    assert not Holiday.objects.filter(day=date(2027, 3, 22)).exists()
    with pytest.raises(NotFound):
        holiday_delete(actor=hub_officer, holiday_id=holiday.pk)


@pytest.mark.parametrize(
    ("_case", "day", "name", "state_code", "field", "message"),
    [
        ("no date", None, "Holi", None, "day", "Give the date."),
        ("no name", date(2027, 3, 22), "  ", None, "name", "This field is required."),
        ("long name", date(2027, 3, 22), "x" * 101, None, "name", "At most 100 characters."),
        (
            "a second national holiday on a day",
            date(2027, 1, 26),
            "Republic Day again",
            None,
            "day",
            "This day is a national holiday already.",
        ),
        (
            "a state holiday on a national holiday",
            date(2027, 1, 26),
            "Local fair",
            "MH",
            "day",
            "This day is a national holiday already.",
        ),
        (
            "the same state holiday twice",
            date(2027, 5, 1),
            "Maharashtra Day (again)",
            "MH",
            "day",
            "This day is a holiday in this state already.",
        ),
    ],
)
def test_holiday_input_is_checked_and_changes_nothing(
    hub_officer, _case, day, name, state_code, field, message
):
    # given: Republic Day comes with the reference data; Maharashtra Day is added here
    holiday_add(
        actor=hub_officer, day=date(2027, 5, 1), name="Maharashtra Day", state_id=_state("MH").pk
    )
    before = Holiday.objects.count()

    # when
    with pytest.raises(ValidationFailed) as info:
        holiday_add(
            actor=hub_officer,
            day=day,
            name=name,
            state_id=_state(state_code).pk if state_code else None,
        )

    # then
    assert info.value.errors == {field: [message]}
    assert Holiday.objects.count() == before


def test_a_holiday_for_an_unknown_state_is_refused(hub_officer):
    with pytest.raises(ValidationFailed) as info:
        holiday_add(actor=hub_officer, day=date(2027, 3, 22), name="Holi", state_id=-1)

    assert info.value.errors == {"state": ["Unknown state."]}


# --- The pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [SLA_URL, HOLIDAYS_URL])
@pytest.mark.parametrize(
    ("_case", "user_fixture", "status"),
    [
        ("hub officer", "hub_officer", 200),
        ("administrator", "administrator", 200),
        *[(name, name, PAGE_STATUS[name]) for name in OTHERS],
    ],
)
def test_service_level_pages_are_the_hubs(client, request, url, _case, user_fixture, status):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(url)

    assert response.status_code == status


@pytest.mark.parametrize("url", [SLA_URL, HOLIDAYS_URL])
def test_service_level_pages_send_anonymous_visitors_to_login(client, url):
    response = client.get(url)

    assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize(
    ("_case", "user_fixture", "linked"),
    [("hub officer", "hub_officer", True), ("spoke officer", "spoke_officer", False)],
)
def test_the_queue_links_the_hub_to_its_pages(client, request, _case, user_fixture, linked):
    client.force_login(request.getfixturevalue(user_fixture))

    html = client.get(QUEUE_URL).content.decode()

    assert (f'href="{SLA_URL}"' in html, f'href="{HOLIDAYS_URL}"' in html) == (linked, linked)


def _policy_form(**overrides) -> dict:
    data = {
        "category": "credit",
        "priority": "high",
        "assign_days": "2",
        "escalate_days": "5",
        "resolve_days": "14",
        "appeal_days": "30",
    }
    data.update(overrides)
    return data


def test_the_hub_adds_a_policy_on_the_page(client, hub_officer):
    client.force_login(hub_officer)

    response = client.post(SLA_URL, _policy_form(), follow=True)

    assert response.redirect_chain == [(SLA_URL, 302)]
    assert [str(m) for m in response.context["messages"]] == ["The service level policy was saved."]
    assert ("credit", "high", 2, 5, 14, 30) in _policies()
    html = response.content.decode()
    assert "Credit and loans" in html
    assert "Any category" in html  # the default row


def test_a_refused_policy_shows_the_error_by_its_field(client, hub_officer):
    client.force_login(hub_officer)
    before = _policies()

    response = client.post(SLA_URL, _policy_form(resolve_days="0"))
    duplicate = client.post(SLA_URL, _policy_form(category="", priority=""))

    assert response.status_code == 422
    html = response.content.decode()
    assert 'aria-describedby="id_resolve_days_helptext id_resolve_days_error"' in html
    assert '<ul class="field-error" id="id_resolve_days_error">' in html
    assert duplicate.status_code == 422
    assert "There is a policy for this category and priority already." in (
        duplicate.content.decode()
    )
    assert _policies() == before


def test_the_hub_changes_the_default_days_but_not_its_scope(client, hub_officer):
    client.force_login(hub_officer)
    url = reverse("web:grievances:sla_edit", args=[_default().pk])
    page = client.get(url)

    response = client.post(url, _policy_form(resolve_days="25"))

    assert page.context["form"].fields["category"].disabled
    assert response["Location"] == SLA_URL
    assert _policies() == [("", "", 2, 5, 25, 30)]


def test_the_hub_deletes_a_policy_on_the_page_and_not_the_default(client, hub_officer):
    client.force_login(hub_officer)
    policy = sla_policy_save(actor=hub_officer, data=_policy())
    page = client.get(SLA_URL).content.decode()

    deleted = client.post(reverse("web:grievances:sla_delete", args=[policy.pk]), follow=True)
    refused = client.post(reverse("web:grievances:sla_delete", args=[_default().pk]), follow=True)

    delete_default = 'action="{}"'.format(
        reverse("web:grievances:sla_delete", args=[_default().pk])
    )
    assert delete_default not in page
    assert [str(m) for m in deleted.context["messages"]] == [
        "The service level policy was deleted."
    ]
    assert [str(m) for m in refused.context["messages"]] == [
        "The default policy cannot be deleted; change its days instead."
    ]
    assert _policies() == [("", "", 3, 7, 21, 30)]


@pytest.mark.parametrize("user_fixture", ["spoke_officer", "leadership"])
def test_posts_to_the_hubs_pages_are_403_for_other_officers(
    client, request, hub_officer, user_fixture
):
    policy = sla_policy_save(actor=hub_officer, data=_policy())
    holiday = holiday_add(actor=hub_officer, day=date(2027, 3, 22), name="Holi")
    client.force_login(request.getfixturevalue(user_fixture))
    before = (_policies(), Holiday.objects.count())

    responses = [
        client.post(SLA_URL, _policy_form()),
        client.post(reverse("web:grievances:sla_edit", args=[policy.pk]), _policy_form()),
        client.post(reverse("web:grievances:sla_delete", args=[policy.pk])),
        client.post(HOLIDAYS_URL, {"day": "2027-03-23", "name": "Holi"}),
        client.post(reverse("web:grievances:holiday_delete", args=[holiday.pk])),
    ]

    assert [r.status_code for r in responses] == [403] * 5
    assert (_policies(), Holiday.objects.count()) == before


def test_the_holiday_page_lists_a_year_and_adds_a_state_holiday(client, hub_officer):
    client.force_login(hub_officer)
    maharashtra = _state("MH")

    page = client.get(HOLIDAYS_URL, {"year": "2027"})
    response = client.post(
        HOLIDAYS_URL,
        {"day": "2027-05-01", "name": "Maharashtra Day", "state": maharashtra.pk},
        follow=True,
    )

    assert [h.name for h in page.context["holidays"]] == [
        "Republic Day",
        "Independence Day",
        "Gandhi Jayanti",
    ]
    assert 2027 in page.context["years"]
    assert response.redirect_chain == [(f"{HOLIDAYS_URL}?year=2027", 302)]
    assert Holiday.objects.get(name="Maharashtra Day").state == maharashtra
    assert "Maharashtra Day" in response.content.decode()


def test_a_refused_holiday_shows_the_error_by_its_field(client, hub_officer):
    client.force_login(hub_officer)
    before = Holiday.objects.count()

    response = client.post(HOLIDAYS_URL, {"day": "2027-01-26", "name": "Republic Day again"})

    assert response.status_code == 422
    html = response.content.decode()
    assert '<ul class="field-error" id="id_day_error"><li>This day is a national holiday' in html
    assert 'aria-describedby="id_day_error"' in html
    assert Holiday.objects.count() == before


def test_the_hub_deletes_a_holiday_on_the_page(client, hub_officer):
    client.force_login(hub_officer)
    holiday = holiday_add(actor=hub_officer, day=date(2027, 3, 22), name="Holi")

    response = client.post(
        reverse("web:grievances:holiday_delete", args=[holiday.pk]) + "?year=2027"
    )

    assert response["Location"] == f"{HOLIDAYS_URL}?year=2027"
    assert not Holiday.objects.filter(pk=holiday.pk).exists()
