"""The profile (accounts, with the SMS channel of notifications): name, mobile number,
language and channel; the mobile proved by an SMS code."""

import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from champions.accounts.models import PhoneVerification, User
from champions.accounts.profile import (
    ProfileInput,
    TooManyRequests,
    mobile_clean,
    phone_verification_confirm,
    phone_verification_start,
    profile_update,
)
from champions.core.errors import ValidationFailed
from champions.notifications import sms
from champions.notifications.selectors import preference_channels

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    settings.SMS_BACKEND = "locmem"
    sms.outbox.clear()
    return sms.outbox


def _code(outbox) -> str:
    return re.search(r"\b(\d{6})\b", outbox[-1].text).group(1)


def _with_phone(user, phone="98765 43210"):
    return profile_update(
        user=user,
        data=ProfileInput(
            full_name="Asha Patil", phone=phone, preferred_language="hi", preferred_channel=""
        ),
    )


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("9876543210", "9876543210"),
        ("+91 98765-43210", "9876543210"),
        ("09876543210", "9876543210"),
        ("919876543210", "9876543210"),
        ("", ""),
    ],
)
def test_indian_mobile_numbers_are_normalised(raw, clean):
    assert mobile_clean(raw) == clean


@pytest.mark.parametrize("raw", ["5876543210", "98765", "98765432101", "abcdefghij"])
def test_other_numbers_are_refused(raw):
    with pytest.raises(ValidationFailed) as caught:
        mobile_clean(raw)

    assert list(caught.value.errors) == ["phone"]


def test_the_profile_saves_name_mobile_and_language(entrepreneur):
    _with_phone(entrepreneur)

    saved = User.objects.get(pk=entrepreneur.pk)
    assert (saved.full_name, saved.phone, saved.preferred_language) == (
        "Asha Patil",
        "9876543210",
        "hi",
    )
    assert saved.phone_verified_at is None


def test_the_code_is_sent_by_sms_hashed_and_verifies_the_number(entrepreneur, sms_outbox):
    _with_phone(entrepreneur)

    verification = phone_verification_start(user=entrepreneur)
    code = _code(sms_outbox)
    phone_verification_confirm(user=entrepreneur, code=code)

    assert [m.to for m in sms_outbox] == ["9876543210"]
    assert "सत्यापित" in sms_outbox[0].text  # in the user's preferred language (Hindi)
    assert code not in verification.code_hash
    assert len(verification.code_hash) == 64
    assert User.objects.get(pk=entrepreneur.pk).phone_verified_at is not None


def test_a_wrong_code_uses_a_try_and_five_spend_the_code(entrepreneur, sms_outbox):
    _with_phone(entrepreneur)
    phone_verification_start(user=entrepreneur)
    code = _code(sms_outbox)
    wrong = "000000" if code != "000000" else "111111"

    for _ in range(5):
        with pytest.raises(ValidationFailed):
            phone_verification_confirm(user=entrepreneur, code=wrong)
    with pytest.raises(ValidationFailed) as caught:
        phone_verification_confirm(user=entrepreneur, code=code)

    assert PhoneVerification.objects.get(user=entrepreneur).attempts == 5
    assert caught.value.errors["code"] == [
        "This code has expired or was tried too often. Ask for a new one."
    ]
    assert User.objects.get(pk=entrepreneur.pk).phone_verified_at is None


def test_a_code_expires_after_ten_minutes(entrepreneur, sms_outbox):
    _with_phone(entrepreneur)
    phone_verification_start(user=entrepreneur)
    code = _code(sms_outbox)

    later = timezone.now() + timezone.timedelta(minutes=10, seconds=1)
    with time_machine.travel(later), pytest.raises(ValidationFailed):
        phone_verification_confirm(user=entrepreneur, code=code)

    assert User.objects.get(pk=entrepreneur.pk).phone_verified_at is None


def test_at_most_three_codes_an_hour(entrepreneur, sms_outbox):
    _with_phone(entrepreneur)
    for _ in range(3):
        phone_verification_start(user=entrepreneur)

    with pytest.raises(TooManyRequests):
        phone_verification_start(user=entrepreneur)

    assert len(sms_outbox) == 3
    assert PhoneVerification.objects.filter(user=entrepreneur).count() == 3


def test_a_new_number_must_be_verified_again(entrepreneur, sms_outbox):
    _with_phone(entrepreneur)
    phone_verification_start(user=entrepreneur)
    phone_verification_confirm(user=entrepreneur, code=_code(sms_outbox))

    _with_phone(entrepreneur, phone="9123456789")

    assert User.objects.get(pk=entrepreneur.pk).phone_verified_at is None


def test_sms_as_preferred_channel_needs_a_verified_number(entrepreneur, sms_outbox):
    _with_phone(entrepreneur)
    sms_choice = ProfileInput(
        full_name="Asha", phone="9876543210", preferred_language="", preferred_channel="sms"
    )

    with pytest.raises(ValidationFailed) as caught:
        profile_update(user=entrepreneur, data=sms_choice)
    phone_verification_start(user=entrepreneur)
    phone_verification_confirm(user=entrepreneur, code=_code(sms_outbox))
    profile_update(user=entrepreneur, data=sms_choice)

    assert list(caught.value.errors) == ["preferred_channel"]
    assert preference_channels(user=entrepreneur, kind="grievance_message") == {"in_app", "sms"}


def test_the_profile_page_saves_and_sets_the_language_cookie(client, entrepreneur):
    client.force_login(entrepreneur)

    response = client.post(
        reverse("web:accounts:details"),
        {"full_name": "Asha", "phone": "+91 98765 43210", "preferred_language": "hi"},
    )

    assert response.status_code == 302
    assert response.cookies["django_language"].value == "hi"
    assert User.objects.get(pk=entrepreneur.pk).phone == "9876543210"


def test_a_bad_mobile_on_the_page_is_a_field_error(client, entrepreneur):
    client.force_login(entrepreneur)

    response = client.post(reverse("web:accounts:details"), {"phone": "12345"})

    assert response.status_code == 422
    assert "Enter a 10-digit Indian mobile number starting with 6, 7, 8 or 9." in response.text
    assert User.objects.get(pk=entrepreneur.pk).phone == ""


def test_the_page_sends_and_checks_the_code(client, entrepreneur, sms_outbox):
    _with_phone(entrepreneur)
    client.force_login(entrepreneur)

    sent = client.post(reverse("web:accounts:phone_send"))
    verified = client.post(reverse("web:accounts:phone_verify"), {"code": _code(sms_outbox)})

    assert sent.status_code == 200
    assert "A code was sent. Type it below." in sent.text
    assert verified.status_code == 302
    assert User.objects.get(pk=entrepreneur.pk).phone_verified_at is not None


def test_the_fourth_send_in_an_hour_answers_429(client, entrepreneur):
    _with_phone(entrepreneur)
    client.force_login(entrepreneur)

    statuses = [client.post(reverse("web:accounts:phone_send")).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]


def test_anonymous_cannot_change_a_profile(client):
    response = client.post(reverse("web:accounts:details"), {"full_name": "X"})

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
