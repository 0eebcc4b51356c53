"""Referring a grievance to another department or ministry: the service, the page, the API."""

import re
from html import unescape as html_unescape

import pytest
from django.core import mail
from django.urls import reverse

from champions.controlrooms.selectors import room_get_by_code
from champions.core.errors import NotFound, ValidationFailed
from champions.grievances import hooks
from champions.grievances.models import Grievance, TimelineEntry
from champions.grievances.selectors import organisation_hindi_name, referral_organisation_list
from champions.grievances.services import (
    TransitionRefused,
    grievance_refer,
    grievance_transition,
)
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db

REASON = "The loan was refused by the bank; its nodal officer decides."


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


@pytest.fixture
def grievance(entrepreneur, unit):
    return lodge(entrepreneur, unit, category="credit")


@pytest.fixture
def in_progress(grievance, spoke_officer):
    for action in ("assign", "start"):
        grievance_transition(grievance_id=grievance.pk, action=action, actor=spoke_officer)
    return grievance


@pytest.fixture
def hook_events(monkeypatch):
    events = []
    monkeypatch.setattr(hooks, "GRIEVANCE_EVENT_HOOKS", [events.append])
    return events


def _state(grievance) -> tuple:
    row = Grievance.objects.get(pk=grievance.pk)
    return row.status, row.referred_to, row.resolved_at, TimelineEntry.objects.count()


def test_the_list_is_the_cpgrams_organisations_once_each_with_the_state_government():
    names = referral_organisation_list()

    assert len(names) == len(set(names)) == 92
    assert {"Banking", "Labour and Employment", "State Government"} <= set(names)
    assert "Central Board of Direct Taxes (Income Tax)" in names
    assert "Other" not in names


def test_every_organisation_has_a_hindi_name_in_devanagari():
    names = {name: organisation_hindi_name(name) for name in referral_organisation_list()}

    assert names["Ministry of Micro Small and Medium Enterprises"] == (
        "सूक्ष्म, लघु और मध्यम उद्यम मंत्रालय"
    )
    assert [n for n, hindi in names.items() if not re.search("[\u0900-\u097f]", hindi)] == []


# --- The service -------------------------------------------------------------------------------


def test_officer_refers_a_grievance_in_progress(
    in_progress, spoke_officer, hook_events, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        referred = grievance_refer(
            grievance_id=in_progress.pk,
            actor=spoke_officer,
            organisation="Banking",
            reason=f"  {REASON} ",
        )

    # then
    row = Grievance.objects.get(pk=in_progress.pk)
    assert referred.pk == row.pk
    assert (row.status, row.referred_to) == ("resolved", "Banking")
    assert row.resolved_at is not None
    entry = TimelineEntry.objects.filter(grievance=row).latest("id")
    assert (entry.action, entry.from_status, entry.to_status, entry.actor) == (
        "refer",
        "in_progress",
        "resolved",
        spoke_officer,
    )
    assert entry.note == f"Referred to Banking: {REASON}"
    assert [(e.action, e.status, e.note) for e in hook_events][-1] == (
        "refer",
        "resolved",
        f"Referred to Banking: {REASON}",
    )
    assert [m.to for m in mail.outbox][-1] == ["owner@example.com"]
    assert mail.outbox[-1].subject == (f"Grievance {row.registration_number} referred to Banking")
    assert f"Referred to Banking: {REASON}" in mail.outbox[-1].body


def test_the_msme_can_reopen_a_referred_grievance(in_progress, spoke_officer, entrepreneur):
    # given
    grievance_refer(
        grievance_id=in_progress.pk, actor=spoke_officer, organisation="Banking", reason=REASON
    )

    # when
    grievance_transition(
        grievance_id=in_progress.pk,
        action="reopen",
        actor=entrepreneur,
        note="The bank sent me back to you.",
    )

    # then
    row = Grievance.objects.get(pk=in_progress.pk)
    assert (row.status, row.referred_to, row.resolved_at) == ("reopened", "", None)


def test_a_referral_while_awaiting_the_msme_ends_the_pause(in_progress, spoke_officer):
    grievance_transition(
        grievance_id=in_progress.pk, action="ask_msme", actor=spoke_officer, note="Which bank?"
    )

    grievance_refer(
        grievance_id=in_progress.pk,
        actor=spoke_officer,
        organisation="State Government",
        reason="A state scheme.",
    )

    row = Grievance.objects.get(pk=in_progress.pk)
    assert (row.status, row.referred_to, row.paused_at) == ("resolved", "State Government", None)


@pytest.mark.parametrize(
    ("_case", "user_fixture"),
    [("the MSME", "entrepreneur"), ("an officer of another room", "other_spoke_officer")],
)
def test_referral_is_not_found_for_others_and_changes_nothing(
    request, in_progress, _case, user_fixture
):
    # given
    before = _state(in_progress)

    # when
    with pytest.raises(NotFound):
        grievance_refer(
            grievance_id=in_progress.pk,
            actor=request.getfixturevalue(user_fixture),
            organisation="Banking",
            reason=REASON,
        )

    # then
    assert _state(in_progress) == before


@pytest.mark.parametrize(
    ("_case", "organisation", "reason", "field"),
    [
        ("unknown organisation", "Ministry of Magic", REASON, "organisation"),
        ("the CPGRAMS 'Other' rows are left out", "Other", REASON, "organisation"),
        ("no reason", "Banking", "   ", "reason"),
    ],
)
def test_referral_input_is_checked_and_changes_nothing(
    in_progress, spoke_officer, _case, organisation, reason, field
):
    # given
    before = _state(in_progress)

    # when
    with pytest.raises(ValidationFailed) as info:
        grievance_refer(
            grievance_id=in_progress.pk,
            actor=spoke_officer,
            organisation=organisation,
            reason=reason,
        )

    # then
    assert info.value.status == 422
    assert list(info.value.errors) == [field]
    assert _state(in_progress) == before


def test_a_new_grievance_cannot_be_referred_before_it_is_assigned(grievance, spoke_officer):
    before = _state(grievance)

    with pytest.raises(TransitionRefused) as info:
        grievance_refer(
            grievance_id=grievance.pk, actor=spoke_officer, organisation="Banking", reason=REASON
        )

    assert info.value.status == 409
    assert _state(grievance) == before


def test_the_plain_workflow_action_cannot_refer_without_an_organisation(in_progress, spoke_officer):
    before = _state(in_progress)

    with pytest.raises(TransitionRefused):
        grievance_transition(
            grievance_id=in_progress.pk, action="refer", actor=spoke_officer, note=REASON
        )

    assert _state(in_progress) == before


# --- The grievance page ------------------------------------------------------------------------


def _detail(grievance) -> str:
    return reverse("web:grievances:detail", args=[grievance.pk])


def test_officer_refers_from_the_grievance_page(client, in_progress, spoke_officer):
    # given
    client.force_login(spoke_officer)
    page = client.get(_detail(in_progress)).content.decode()

    # when
    response = client.post(
        reverse("web:grievances:refer", args=[in_progress.pk]),
        {"organisation": "Labour and Employment", "reason": "EPF dues: a matter for EPFO."},
        follow=True,
    )

    # then
    assert 'action="{}"'.format(reverse("web:grievances:refer", args=[in_progress.pk])) in page
    assert '<option value="State Government">State Government</option>' in page
    assert "refer" not in [a["value"] for a in client.get(_detail(in_progress)).context["actions"]]
    assert response.redirect_chain[-1][0] == _detail(in_progress)
    assert [str(m) for m in response.context["messages"]] == [
        "The grievance was referred to Labour and Employment."
    ]
    html = response.content.decode()
    assert "Referred to Labour and Employment: EPF dues: a matter for EPFO." in html
    row = Grievance.objects.get(pk=in_progress.pk)
    assert (row.status, row.referred_to) == ("resolved", "Labour and Employment")


def test_the_referral_form_needs_an_organisation_and_changes_nothing(
    client, in_progress, spoke_officer
):
    client.force_login(spoke_officer)
    before = _state(in_progress)

    response = client.post(
        reverse("web:grievances:refer", args=[in_progress.pk]),
        {"organisation": "Ministry of Magic", "reason": "Wands."},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "Choose a department or ministry and give a reason."
    ]
    assert _state(in_progress) == before


@pytest.mark.parametrize("user_fixture", ["entrepreneur", "other_spoke_officer", "analyst"])
def test_the_referral_page_is_not_found_for_others(
    client, request, in_progress, spoke_officer, user_fixture
):
    client.force_login(request.getfixturevalue(user_fixture))
    before = _state(in_progress)

    response = client.post(
        reverse("web:grievances:refer", args=[in_progress.pk]),
        {"organisation": "Banking", "reason": REASON},
    )

    assert response.status_code == 404
    assert _state(in_progress) == before


def test_no_referral_form_before_assignment_nor_for_the_msme(
    client, grievance, entrepreneur, spoke_officer
):
    client.force_login(spoke_officer)
    officer_page = client.get(_detail(grievance))
    client.force_login(entrepreneur)
    msme_page = client.get(_detail(grievance))

    assert officer_page.context["referral_form"] is None
    assert msme_page.context["referral_form"] is None


# --- The API -----------------------------------------------------------------------------------


def test_api_refers_and_answers_422_for_an_unknown_organisation(client, in_progress, spoke_officer):
    client.force_login(spoke_officer)
    url = f"/api/v1/grievances/{in_progress.pk}/referral"

    refused = client.post(
        url,
        {"organisation": "Ministry of Magic", "reason": REASON},
        content_type="application/json",
    )
    referred = client.post(
        url, {"organisation": "Banking", "reason": REASON}, content_type="application/json"
    )

    assert refused.status_code == 422
    assert refused.json()["errors"] == {
        "organisation": ["Choose a department or ministry from the list."]
    }
    assert referred.status_code == 200
    assert (referred.json()["status"], referred.json()["actions"]) == ("resolved", [])
    detail = client.get(f"/api/v1/grievances/{in_progress.pk}").json()
    assert detail["referred_to"] == "Banking"


# --- The pickers: the page offers only the matches of `org_q` / `room_q` --------------------------


def _options(html: str, select_id: str) -> list[str]:
    select = re.search(rf'<select[^>]*id="{select_id}".*?</select>', html, re.S).group(0)
    return [html_unescape(value) for value in re.findall(r'<option value="([^"]*)"', select)]


@pytest.mark.parametrize(
    ("_case", "language", "query", "organisations"),
    [
        ("English words", "en", "?org_q=textiles", ["", "Ministry of Textiles"]),
        ("Hindi words on a Hindi page", "hi", "?org_q=वाणिज्य", ["", "Department of Commerce"]),
        ("nothing typed", "en", "", ["", *referral_organisation_list()]),
    ],
)
def test_the_page_offers_the_departments_matching_the_search(
    client, in_progress, spoke_officer, _case, language, query, organisations
):
    client.force_login(spoke_officer)
    client.cookies["django_language"] = language

    page = client.get(_detail(in_progress) + query).content.decode()

    assert _options(page, "id_referral_organisation") == organisations


def test_the_page_offers_the_rooms_matching_the_search_in_hindi(client, in_progress, spoke_officer):
    client.force_login(spoke_officer)
    client.cookies["django_language"] = "hi"

    page = client.get(_detail(in_progress) + "?room_q=कानपुर").content.decode()

    kanpur = room_get_by_code(code="spoke-up")
    assert _options(page, "id_room") == ["", str(kanpur.pk)]
    assert "चैंपियंस नियंत्रण कक्ष, कानपुर</option>" in page
