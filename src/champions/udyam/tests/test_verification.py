"""Udyam verification against the sandbox: at registration and on the periodic recheck."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input
from champions.udyam import selectors, services
from champions.udyam.demo import udyam_demo_load
from champions.udyam.models import UdyamCheck
from champions.udyam.sandbox import SandboxUdyamClient, sandbox_record_put

pytestmark = pytest.mark.django_db

NUMBER = "UDYAM-MH-26-0012345"


def _register(entrepreneur, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return enterprise_create(data=enterprise_input(**overrides), actor=entrepreneur)


def test_a_number_the_portal_does_not_know_is_flagged_at_registration(
    client, entrepreneur, django_capture_on_commit_callbacks
):
    unit = _register(entrepreneur, django_capture_on_commit_callbacks)
    check = selectors.latest_check(enterprise_id=unit.pk)
    assert (check.outcome, check.udyam_number) == ("not_found", NUMBER)
    client.force_login(entrepreneur)
    page = client.get(reverse("web:registry:enterprise_detail", args=[unit.pk])).content.decode()
    assert "Not verified: no such Udyam registration" in page


def test_another_name_or_class_is_a_mismatch_shown_with_what_differs(
    client, entrepreneur, spoke_officer, django_capture_on_commit_callbacks
):
    sandbox_record_put(udyam_number=NUMBER, name="Konkan Agro Foods", category="medium")
    unit = _register(entrepreneur, django_capture_on_commit_callbacks)
    check = selectors.latest_check(enterprise_id=unit.pk)
    assert check.outcome == "mismatch"
    assert check.mismatches == ["name", "category"]
    client.force_login(entrepreneur)
    page = client.get(reverse("web:registry:enterprise_detail", args=[unit.pk])).content.decode()
    assert "Mismatch with the Udyam registration" in page
    assert "Konkan Agro Foods" in page
    client.force_login(spoke_officer)  # the one-page overview gets it from its selector
    page = client.get(reverse("web:cases:overview", args=[unit.pk])).content.decode()
    assert "Mismatch with the Udyam registration" in page
    assert "classification (medium)" in page


def test_the_same_unit_under_its_legal_form_is_verified(
    entrepreneur, django_capture_on_commit_callbacks
):
    sandbox_record_put(
        udyam_number=NUMBER, name="M/s Deccan Precision Tools Pvt. Ltd.", category="micro"
    )
    unit = _register(entrepreneur, django_capture_on_commit_callbacks)
    check = selectors.latest_check(enterprise_id=unit.pk)
    assert (check.outcome, check.mismatches) == ("verified", [])


def test_portal_down_records_nothing_and_the_recheck_catches_up(entrepreneur, settings):
    unit = enterprise_create(data=enterprise_input(), actor=entrepreneur)  # hook not run
    assert (
        services.udyam_verify(enterprise_id=unit.pk, client=SandboxUdyamClient(unavailable=True))
        is None
    )
    assert services.udyam_verify_due(client=SandboxUdyamClient(unavailable=True)) == 0
    assert UdyamCheck.objects.count() == 0
    sandbox_record_put(udyam_number=NUMBER, name="Deccan Precision Tools", category="micro")
    assert services.udyam_verify_due() == 1
    assert services.udyam_verify_due() == 0  # checked recently: not again
    UdyamCheck.objects.update(
        checked_at=timezone.now() - timedelta(days=settings.UDYAM_RECHECK_DAYS + 1)
    )
    assert services.udyam_verify_due() == 1
    assert [c.outcome for c in UdyamCheck.objects.all()] == ["verified", "verified"]


@pytest.mark.parametrize(
    ("ours", "theirs", "same"),
    [
        ("Deccan Precision Tools", "DECCAN PRECISION TOOLS PRIVATE LIMITED", True),
        ("Shree Ganesh Textiles", "Shri Ganesh Textiles", True),
        ("Deccan Precision Tools", "Konkan Agro Foods", False),
        ("", "Anything", False),
    ],
)
def test_names_match_ignores_legal_form_and_small_spelling_differences(ours, theirs, same):
    assert services.names_match(ours, theirs) is same


def test_demo_flags_five_units_of_the_first_twelve(entrepreneur):
    for serial in range(12):
        enterprise_create(
            data=enterprise_input(
                udyam_number=f"UDYAM-MH-26-{serial:07d}", name=f"Unit number {serial}"
            ),
            actor=entrepreneur,
        )
    udyam_demo_load()
    outcomes = [c.outcome for c in UdyamCheck.objects.order_by("enterprise_id")]
    assert outcomes.count("not_found") == 2
    assert outcomes.count("mismatch") == 3
    assert outcomes.count("verified") == 7
