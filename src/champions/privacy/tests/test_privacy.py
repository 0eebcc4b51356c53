"""DPDP Act 2023: a notice in English and Hindi, consent recorded at sign-up, "download my
data" with the user's own data only, and erasure requests that an officer decides."""

import json

import pytest
from django.urls import reverse

from champions.accounts.models import User
from champions.assistant.models import Conversation, Turn
from champions.grievances.models import Grievance
from champions.grievances.services import grievance_message_add
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.privacy.checks import privacy_contact_check
from champions.privacy.choices import NOTICE_VERSION
from champions.privacy.models import Consent, ErasureRequest
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db

NOTICE = reverse("web:privacy:notice")
DOWNLOAD = reverse("web:privacy:download")
ERASE = reverse("web:privacy:erase")
REQUESTS = reverse("web:privacy:requests")


def _chat(user, text: str) -> Conversation:
    chat = Conversation.objects.create(user=user)
    Turn.objects.create(conversation=chat, role="user", text=text)
    return chat


@pytest.fixture
def owners_data(entrepreneur, other_entrepreneur, hub_officer):
    mine = lodge(entrepreneur, pune_enterprise(entrepreneur), subject="My unpaid invoice 4711")
    grievance_message_add(grievance_id=mine.pk, actor=entrepreneur, body="Copy attached, mine")
    grievance_message_add(
        grievance_id=mine.pk, actor=hub_officer, body="SECRET internal note", is_internal=True
    )
    _chat(entrepreneur, "Which scheme for my looms?")
    unit = enterprise_create(
        data=enterprise_input(udyam_number="UDYAM-MH-26-0099999", name="Other Looms"),
        actor=other_entrepreneur,
    )
    theirs = lodge(other_entrepreneur, unit, subject="Their own dispute 9999")
    _chat(other_entrepreneur, "Other owner's private question")
    return mine, theirs


@pytest.mark.parametrize(("language", "heading"), [("en", "Your rights"), ("hi", "आपके अधिकार")])
def test_the_notice_is_shown_in_english_and_hindi(client, language, heading):
    client.cookies["django_language"] = language

    response = client.get(NOTICE, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 200
    assert heading in response.content.decode()


def test_sign_up_links_the_notice_and_needs_consent(client):
    page = client.get(reverse("account_signup"))
    refused = client.post(
        reverse("account_signup"),
        {
            "email": "a@example.com",
            "password1": "kal ki chai thandi",
            "password2": "kal ki chai thandi",
        },
    )

    assert f'href="{NOTICE}"' in page.content.decode()
    assert refused.status_code == 200
    assert refused.context["form"].errors["privacy_consent"]
    assert not User.objects.filter(email="a@example.com").exists()


def test_sign_up_with_consent_records_the_version_and_language(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "b@example.com",
            "password1": "kal ki chai thandi",
            "password2": "kal ki chai thandi",
            "privacy_consent": "on",
        },
        HTTP_ACCEPT_LANGUAGE="hi",
    )

    assert response.status_code == 302
    consent = Consent.objects.get(user__email="b@example.com")
    assert (consent.notice_version, consent.language) == (NOTICE_VERSION, "hi")


def test_download_holds_the_users_own_data_and_nobody_elses(client, entrepreneur, owners_data):
    client.force_login(entrepreneur)

    response = client.get(DOWNLOAD)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    text = response.content.decode()
    data = json.loads(text)
    assert data["account"]["email"] == entrepreneur.email
    assert [g["subject"] for g in data["grievances"]] == ["My unpaid invoice 4711"]
    assert [m["body"] for m in data["grievances"][0]["messages"]] == ["Copy attached, mine"]
    assert len(data["enterprises"]) == 1
    texts = [m["text"] for c in data["assistant"]["conversations"] for m in c["messages"]]
    assert texts == ["Which scheme for my looms?"]
    for foreign in ("Their own dispute 9999", "Other owner's private question", "SECRET internal"):
        assert foreign not in text


def test_download_needs_sign_in(client):
    response = client.get(DOWNLOAD)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_erasure_request_is_decided_by_an_officer_and_erases(
    client, entrepreneur, other_entrepreneur, hub_officer, owners_data
):
    mine, theirs = owners_data
    client.force_login(entrepreneur)
    client.post(ERASE, {"reason": "Closing my business"})
    client.post(ERASE, {"reason": "again"})  # one open request at a time
    request = ErasureRequest.objects.get(user=entrepreneur)
    client.force_login(other_entrepreneur)
    assert client.get(REQUESTS).status_code == 404
    client.force_login(hub_officer)

    listed = client.get(REQUESTS)
    decided = client.post(
        REQUESTS, {"request_id": request.pk, "decision": "erase", "note": "Done under s.12"}
    )

    assert "Closing my business" in listed.content.decode()
    assert decided.status_code == 302
    request.refresh_from_db()
    entrepreneur.refresh_from_db()
    assert (request.status, request.decided_by) == ("done", hub_officer)
    assert not entrepreneur.is_active
    assert entrepreneur.email.endswith("@erased.invalid")
    assert not Conversation.objects.filter(user=entrepreneur).exists()
    mine = Grievance.objects.get(pk=mine.pk)
    assert (mine.contact_email, mine.contact_phone) == ("", "")
    assert Conversation.objects.filter(user=other_entrepreneur).count() == 1  # untouched
    assert Grievance.objects.get(pk=theirs.pk).contact_email == theirs.contact_email


def test_a_refusal_needs_a_reason_and_changes_nothing(client, entrepreneur, hub_officer):
    request = ErasureRequest.objects.create(user=entrepreneur)
    client.force_login(hub_officer)

    refused = client.post(REQUESTS, {"request_id": request.pk, "decision": "refuse", "note": ""})

    request.refresh_from_db()
    entrepreneur.refresh_from_db()
    assert refused.status_code == 422
    assert "Say why" in refused.content.decode()
    assert request.status == "open"
    assert entrepreneur.is_active


@pytest.mark.parametrize(
    ("language", "heading", "label"),
    [
        ("en", "Questions and complaints about your data", "Grievance officer"),
        ("hi", "आपके डेटा के बारे में प्रश्न और शिकायतें", "शिकायत अधिकारी"),
    ],
)
def test_the_notice_names_the_grievance_officer_from_settings(
    client, settings, language, heading, label
):
    settings.PRIVACY_OFFICER_NAME = "Smt. Meera Iyer"
    settings.PRIVACY_OFFICER_EMAIL = "dpo@msme.example"
    settings.PRIVACY_RESPONSE_DAYS = 15
    client.cookies["django_language"] = language

    page = client.get(NOTICE, HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert heading in page
    assert label in page
    assert "Smt. Meera Iyer" in page
    assert 'href="mailto:dpo@msme.example"' in page
    assert "15" in page


def test_my_data_shows_the_contact_and_where_to_correct_each_part(client, settings, entrepreneur):
    client.force_login(entrepreneur)

    page = client.get(reverse("web:privacy:my_data")).content.decode()

    assert f'href="mailto:{settings.PRIVACY_OFFICER_EMAIL}"' in page
    for target in (
        reverse("web:accounts:profile"),
        reverse("account_email"),
        reverse("web:registry:enterprise_list"),
    ):
        assert f'href="{target}' in page


def test_a_corrected_name_and_mobile_are_in_the_next_download(client, entrepreneur):
    client.force_login(entrepreneur)

    saved = client.post(
        reverse("web:accounts:details"),
        {"full_name": "Corrected Name", "phone": "+91 98765 43210", "preferred_language": "hi"},
    )
    data = json.loads(client.get(DOWNLOAD).content)

    assert saved.status_code == 302
    assert (data["account"]["full_name"], data["account"]["mobile"]) == (
        "Corrected Name",
        "9876543210",
    )


def test_an_owner_corrects_their_enterprise_and_the_download_shows_it(client, entrepreneur):
    unit = pune_enterprise(entrepreneur)
    client.force_login(entrepreneur)
    page = client.get(reverse("web:registry:enterprise_update", args=[unit.pk]))
    data = {
        key: value
        for key, value in page.context["form"].initial.items()
        if value is not None and not isinstance(value, list | tuple)
    }
    data["name"] = "Corrected Looms Pvt"

    saved = client.post(reverse("web:registry:enterprise_update", args=[unit.pk]), data)
    download = json.loads(client.get(DOWNLOAD).content)

    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert [e["name"] for e in download["enterprises"]] == ["Corrected Looms Pvt"]


def test_deploy_check_warns_while_the_contact_is_the_demo(settings):
    assert [w.id for w in privacy_contact_check(None)] == ["privacy.W001"]
    settings.PRIVACY_OFFICER_EMAIL = "dpo@msme.gov.in"
    assert privacy_contact_check(None) == []


@pytest.mark.parametrize("role", ["leadership", "analyst", "appellate_officer"])
def test_anyone_may_ask_to_erase_their_own_data_whatever_their_role(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)

    response = client.post(ERASE, {"reason": "Leaving the ministry"})

    assert response.status_code == 302
    assert ErasureRequest.objects.filter(user=user, status="open").count() == 1


@pytest.mark.parametrize(
    ("role", "status", "decides"),
    [
        ("hub_officer", 200, True),
        ("administrator", 200, True),
        ("leadership", 200, False),  # oversight reads, never decides
        ("appellate_officer", 404, False),
        ("spoke_officer", 404, False),
    ],
)
def test_who_sees_and_who_decides_erasure_requests(
    client, request, entrepreneur, role, status, decides
):
    ErasureRequest.objects.create(user=entrepreneur, reason="Closing")
    client.force_login(request.getfixturevalue(role))

    page = client.get(REQUESTS)

    assert page.status_code == status
    assert ('name="decision"' in page.content.decode()) is decides


@pytest.mark.parametrize(
    ("language", "days", "said"),
    [("en", 1095, "removed 3 years after it is closed"), ("hi", 730, "बंद होने के 2 वर्ष")],
)
def test_the_notice_says_when_a_grievances_contacts_are_removed(
    client, settings, language, days, said
):
    settings.GRIEVANCE_CONTACT_RETENTION_DAYS = days
    client.cookies["django_language"] = language

    assert said in client.get(NOTICE, HTTP_ACCEPT_LANGUAGE=language).content.decode()
