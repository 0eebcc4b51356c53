"""Script payloads typed into every free-text field a user can fill that other people read:
each page that shows the text renders it escaped, never as markup. Fields: a grievance's
subject, description and contact name, the owner's message, the officer's internal note, an
enterprise's name, an assistant question (the answer panel and the officers' call-back queue),
a partnership post's title and text and its author's name (the board and the post's page), a
hand-holding case's goal, step and note (the case's page and the unit's overview), and an
erasure request's reason and the officer's note on it (the requests page)."""

import pytest
from django.utils.html import escape

from champions.assistant.services import assistant_ask, callback_create
from champions.cases.services import case_note_add
from champions.cases.tests.factories import opened_case, step_for
from champions.grievances.services import grievance_message_add
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.network.services import post_create, post_review
from champions.network.tests.factories import ProfileFactory
from champions.privacy.services import erasure_request_create, erasure_request_decide
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "<svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "</textarea><script>alert(1)</script>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<style>@import 'http://evil.example/x.css';</style>",
]


def _page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def _assert_escaped(html: str, text: str, *, shown: bool = True) -> None:
    assert text not in html  # never as markup
    if shown:
        assert escape(text) in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_grievance_texts_render_escaped_to_the_owner_and_the_officer(
    client, entrepreneur, hub_officer, payload
):
    texts = {field: f"{field} {payload}" for field in ("subject", "description", "contact")}
    grievance = lodge(
        entrepreneur,
        pune_enterprise(entrepreneur),
        subject=texts["subject"],
        description=texts["description"],
        contact_name=texts["contact"],
    )
    message = f"message {payload}"
    note = f"note {payload}"
    grievance_message_add(grievance_id=grievance.pk, actor=entrepreneur, body=message)
    grievance_message_add(grievance_id=grievance.pk, actor=hub_officer, body=note, is_internal=True)
    detail = f"/grievances/{grievance.pk}/"

    client.force_login(entrepreneur)
    owner_page = _page(client, detail)
    owner_list = _page(client, "/grievances/")
    client.force_login(hub_officer)
    officer_page = _page(client, detail)
    queue = _page(client, "/grievances/queue/")

    for html in (owner_page, officer_page):
        _assert_escaped(html, texts["subject"])
        _assert_escaped(html, texts["description"])
        _assert_escaped(html, message)
    _assert_escaped(officer_page, note)
    _assert_escaped(owner_page, note, shown=False)  # internal: the owner never sees it
    _assert_escaped(officer_page, texts["contact"], shown=False)
    for html in (owner_list, queue):
        _assert_escaped(html, texts["subject"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_enterprise_name_renders_escaped(client, entrepreneur, payload):
    name = f"Unit {payload}"[:150]
    enterprise = enterprise_create(data=enterprise_input(name=name), actor=entrepreneur)
    client.force_login(entrepreneur)

    for path in ("/enterprises/", f"/enterprises/{enterprise.pk}/"):
        _assert_escaped(_page(client, path), name)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_assistant_question_renders_escaped_in_the_panel_and_the_callback_queue(
    client, hub_officer, payload
):
    question = f"Help with a loan {payload}"
    answered = client.post(
        "/assistant/ask/", {"question": question}, headers={"HX-Request": "true"}
    )
    asked = assistant_ask(question=question)
    callback_create(conversation=asked.conversation, phone="9876543210", text=question)
    client.force_login(hub_officer)

    _assert_escaped(answered.content.decode(), question)
    _assert_escaped(_page(client, "/assistant/callbacks/"), question)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_partnership_post_renders_escaped_on_the_board_and_its_page(
    client, entrepreneur, hub_officer, payload
):
    profile = ProfileFactory(owner=entrepreneur, name=f"Partner {payload}"[:200])
    title = f"title {payload}"
    text = f"text {payload}"
    post = post_create(
        user=entrepreneur,
        profile_id=profile.pk,
        kind="business_request",
        title=title,
        text=text,
        hs_codes=["520524"],
        countries=["in"],
    )
    post_review(user=hub_officer, post_id=post.pk, approve=True)
    client.force_login(hub_officer)

    page = _page(client, f"/network/posts/{post.pk}/")
    board = _page(client, "/network/")

    _assert_escaped(page, title)
    _assert_escaped(page, text)
    _assert_escaped(page, profile.name)
    _assert_escaped(board, title)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_hand_holding_case_renders_escaped(client, spoke_officer, entrepreneur, payload):
    unit = pune_enterprise(entrepreneur)
    texts = {field: f"{field} {payload}" for field in ("goal", "step", "note")}
    case = opened_case(spoke_officer, unit, goal=texts["goal"])
    step_for(spoke_officer, case, spoke_officer, title=texts["step"])
    case_note_add(actor=spoke_officer, case_id=case.pk, body=texts["note"])

    client.force_login(spoke_officer)
    detail = _page(client, f"/cases/{case.pk}/")
    overview = _page(client, f"/enterprises/{unit.pk}/overview/")

    for text in texts.values():
        _assert_escaped(detail, text)
    _assert_escaped(overview, texts["goal"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_erasure_request_renders_escaped_to_the_officer(
    client, entrepreneur, other_entrepreneur, hub_officer, payload
):
    reason, note = f"reason {payload}", f"note {payload}"
    erasure_request_create(user=entrepreneur, reason=reason)
    refused = erasure_request_create(user=other_entrepreneur, reason="other")
    erasure_request_decide(actor=hub_officer, request_id=refused.pk, erase=False, note=note)

    client.force_login(hub_officer)
    page = _page(client, "/privacy/erasure-requests/")

    _assert_escaped(page, reason)
    _assert_escaped(page, note)
