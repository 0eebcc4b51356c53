"""System-written words reach each reader in their language: the timeline is rendered when
read (message id + values), and what the MSME is told (inbox, e-mail, SMS) is written in the
language of the MSME, whoever triggered it."""

import pytest
from django.core import mail
from django.utils import translation

from champions.grievances.audit_chain import timeline_chain_verify
from champions.grievances.models import Grievance, TimelineEntry
from champions.grievances.notifications import recipient_language
from champions.grievances.services import (
    grievance_assign_to,
    grievance_transfer,
    grievance_transition,
    grievances_reroute,
)
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def hindi_grievance(entrepreneur):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    # The language the MSME wrote in (set by triage at intake; fixed here, models aside).
    Grievance.objects.filter(pk=grievance.pk).update(language="hi")
    return grievance


def test_the_timeline_is_rendered_in_the_readers_language(entrepreneur, hindi_grievance):
    entry = TimelineEntry.objects.get(grievance=hindi_grievance, action="lodged")
    room = hindi_grievance.room.name

    with translation.override("hi"):
        hindi = entry.text
    with translation.override("en"):
        english = entry.text

    assert entry.message == {
        "id": "Lodged by %(channel)s, routed to %(room)s.",
        "params": {"channel": "Web", "room": room},
    }
    assert english == f"Lodged by Web, routed to {room}."
    assert hindi == "वेब द्वारा दर्ज, चैंपियंस नियंत्रण कक्ष, मुंबई को भेजी गई।"


def test_a_hindi_page_shows_hindi_timeline_words(client, entrepreneur, hindi_grievance):
    client.force_login(entrepreneur)
    client.cookies["django_language"] = "hi"

    with translation.override("en"):  # undoes the middleware's activation afterwards
        html = client.get(f"/grievances/{hindi_grievance.pk}/").content.decode()

    assert "वेब द्वारा दर्ज" in html
    assert "Lodged by" not in html


def test_an_old_row_without_a_message_id_shows_its_text(hindi_grievance):
    entry = TimelineEntry.objects.create(
        grievance=hindi_grievance, action="note", note="As written"
    )

    with translation.override("hi"):
        assert entry.text == "As written"


def test_a_hindi_msme_is_told_in_hindi_when_an_english_officer_acts(
    entrepreneur, spoke_officer, hindi_grievance, django_capture_on_commit_callbacks
):
    # given: the officer works in English
    mail.outbox.clear()
    Notification.objects.all().delete()

    # when
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        grievance_transition(grievance_id=hindi_grievance.pk, action="assign", actor=spoke_officer)

    # then: the inbox and the e-mail are Hindi
    notification = Notification.objects.get(recipient=entrepreneur)
    number = hindi_grievance.registration_number
    assert notification.title == f"शिकायत {number}: सौंपी गई"
    assert notification.body == "आपकी शिकायत की स्थिति अब है: सौंपी गई।"
    assert [(m.subject, m.to) for m in mail.outbox] == [
        (f"शिकायत {number}: सौंपी गई", ["owner@example.com"])
    ]


def test_a_transfer_reads_in_hindi_with_the_rooms_hindi_names_and_the_reason_as_written(
    spoke_officer, hindi_grievance
):
    from champions.controlrooms.selectors import room_get_by_code

    delhi = room_get_by_code(code="spoke-dl")
    grievance_transfer(
        grievance_id=hindi_grievance.pk, room_id=delhi.pk, actor=spoke_officer, reason="Branch"
    )
    entry = TimelineEntry.objects.get(grievance=hindi_grievance, action="transferred")

    with translation.override("hi"):
        assert entry.text == "चैंपियंस नियंत्रण कक्ष, मुंबई → चैंपियंस नियंत्रण कक्ष, नई दिल्ली: Branch"
    with translation.override("en"):
        assert entry.text == (
            "Champions Control Room, Mumbai → Champions Control Room, New Delhi: Branch"
        )


@pytest.mark.parametrize(
    ("preferred", "written_in", "expected"),
    [
        ("", "hi", "hi"),
        ("", "hinglish", "hi"),
        ("", "en", "en"),
        ("", "", "en"),
        ("en", "hi", "en"),
    ],
)
def test_the_recipients_language(entrepreneur, preferred, written_in, expected):
    entrepreneur.preferred_language = preferred  # the profile's field (kept when present)

    assert recipient_language(entrepreneur, written_in=written_in) == expected


def test_a_hinglish_grievances_own_words_are_tagged_hi_latn_not_an_invalid_lang(
    client, entrepreneur, hindi_grievance
):
    Grievance.objects.filter(pk=hindi_grievance.pk).update(language="hinglish")
    TimelineEntry.objects.create(grievance=hindi_grievance, action="note", note="Paisa nahi mila")
    client.force_login(entrepreneur)

    html = client.get(f"/grievances/{hindi_grievance.pk}/").content.decode()

    assert 'lang="hinglish"' not in html  # axe: valid-lang, serious
    assert '<p lang="hi-Latn">Paisa nahi mila</p>' in html


def test_an_assignment_is_a_message_id_read_in_each_language_and_the_chain_holds(
    hub_officer, spoke_officer, hindi_grievance
):
    grievance_assign_to(
        grievance_id=hindi_grievance.pk, assignee_id=spoke_officer.pk, actor=hub_officer
    )
    grievance_transition(grievance_id=hindi_grievance.pk, action="start", actor=spoke_officer)
    grievance_assign_to(
        grievance_id=hindi_grievance.pk, assignee_id=hub_officer.pk, actor=hub_officer
    )

    assigned = TimelineEntry.objects.get(grievance=hindi_grievance, action="assign")
    reassigned = TimelineEntry.objects.get(grievance=hindi_grievance, action="reassigned")
    assert assigned.message == {
        "id": "Assigned to %(name)s.",
        "params": {"name": "spoke.mh@example.com"},
    }
    assert reassigned.message["params"] == {"name": "hub@example.com"}
    with translation.override("hi"):
        assert assigned.text == "spoke.mh@example.com को सौंपी गई।"
    with translation.override("en"):
        assert reassigned.text == "Assigned to hub@example.com."
    assert timeline_chain_verify().ok


def test_a_network_change_reads_in_hindi_with_the_rooms_hindi_names(hub_officer, hindi_grievance):
    from champions.controlrooms.selectors import room_get_by_code

    delhi = room_get_by_code(code="spoke-dl")
    grievances_reroute(
        from_room_id=hindi_grievance.room_id,
        to_room_id=delhi.pk,
        district_ids=None,
        actor=hub_officer,
        reason="Ministry list",
    )

    entry = TimelineEntry.objects.get(grievance=hindi_grievance, action="rerouted")
    with translation.override("hi"):
        assert entry.text == (
            "नियंत्रण कक्ष चैंपियंस नियंत्रण कक्ष, मुंबई से बदलकर चैंपियंस नियंत्रण कक्ष, नई दिल्ली हुआ: Ministry list"
        )
    assert entry.note == (
        "Control room changed from Champions Control Room, Mumbai to "
        "Champions Control Room, New Delhi: Ministry list"
    )
    assert timeline_chain_verify().ok


@pytest.mark.parametrize(("language", "tag"), [("en", "en"), ("hinglish", "hi-Latn")])
def test_the_subject_is_marked_with_the_language_it_was_written_in(
    client, entrepreneur, language, tag
):
    """WCAG 3.1.2: an English or Hinglish subject on a Hindi page carries its own `lang`, in
    the owner's list and the grievance's heading, as the queue already did."""
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    Grievance.objects.filter(pk=grievance.pk).update(language=language)
    client.force_login(entrepreneur)
    client.cookies["django_language"] = "hi"

    with translation.override("en"):
        listed = client.get("/grievances/").content.decode()
        page = client.get(f"/grievances/{grievance.pk}/").content.decode()

    assert f'<td lang="{tag}">{grievance.subject}</td>' in listed
    assert f': <span lang="{tag}">{grievance.subject}</span></h1>' in page
