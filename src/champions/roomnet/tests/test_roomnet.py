from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.core.errors import Forbidden, NotFound, ValidationFailed
from champions.grievances.services import GrievanceInput, grievance_lodge
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input
from champions.roomnet import selectors, services
from champions.roomnet.demo import roomnet_demo_load
from champions.roomnet.models import Consultation, OnDuty, Review

pytestmark = pytest.mark.django_db


def _grievance(owner):
    unit = enterprise_create(data=enterprise_input(), actor=owner)
    data = GrievanceInput(
        subject="Power cuts every afternoon",
        description="The industrial estate loses power daily.",
        enterprise_id=unit.pk,
        category="infrastructure",
    )
    return grievance_lodge(actor=owner, data=data).grievance


def test_duty_today_shows_on_the_network(spoke_officer, mh_room, entrepreneur):
    assert services.duty_set(actor=spoke_officer, on_duty=True) is True
    assert services.duty_set(actor=spoke_officer, on_duty=True) is True  # twice: once
    rows = {r.room.pk: r for r in selectors.network_overview(user=spoke_officer)}
    assert rows[mh_room.pk].on_duty == [spoke_officer]
    services.duty_set(actor=spoke_officer, on_duty=False)
    assert OnDuty.objects.count() == 0
    with pytest.raises(NotFound):
        selectors.network_overview(user=entrepreneur)


def test_hub_schedules_a_review_with_an_agenda_from_the_rooms_overdue_items(
    hub_officer, spoke_officer, mh_room, entrepreneur, leadership
):
    grievance = _grievance(entrepreneur)
    type(grievance).objects.filter(pk=grievance.pk).update(
        resolution_due_at=timezone.now() - timedelta(days=1), escalation_level=1
    )
    when = timezone.now() + timedelta(days=3)
    review = services.review_schedule(
        actor=hub_officer,
        room_id=mh_room.pk,
        scheduled_for=when,
        video_link="https://vc.example.gov.in/r/42",
    )
    assert review.agenda["overdue_count"] == 1
    assert review.agenda["overdue"][0]["number"] == grievance.registration_number
    assert review.agenda["escalated_count"] == 1
    with pytest.raises(Forbidden):
        services.review_schedule(actor=spoke_officer, room_id=mh_room.pk, scheduled_for=when)
    with pytest.raises(ValidationFailed) as caught:
        services.review_schedule(
            actor=hub_officer, room_id=mh_room.pk, scheduled_for=when, video_link="http://x"
        )
    assert list(caught.value.errors) == ["video_link"]
    # the spoke records the minutes and a decision; leadership only reads
    services.review_minutes_save(
        actor=spoke_officer, review_id=review.pk, minutes="Both cases discussed."
    )
    decision = services.decision_add(
        actor=spoke_officer,
        review_id=review.pk,
        text="Call the DISCOM",
        owner_id=spoke_officer.pk,
        due_on=None,
    )
    review.refresh_from_db()
    assert review.held_at is not None
    assert list(review.decisions.all()) == [decision]
    with pytest.raises(Forbidden):
        services.review_minutes_save(actor=leadership, review_id=review.pk, minutes="x")
    assert Review.objects.count() == 1


def test_rooms_consult_each_other_on_a_grievance(
    spoke_officer, other_spoke_officer, hub_officer, entrepreneur, mh_room
):
    grievance = _grievance(entrepreneur)
    delhi = other_spoke_officer.control_room_id
    with pytest.raises(ValidationFailed):
        services.consultation_open(
            actor=spoke_officer, grievance_id=grievance.pk, to_room_id=mh_room.pk, body="?"
        )
    found = services.consultation_open(
        actor=spoke_officer,
        grievance_id=grievance.pk,
        to_room_id=delhi,
        body="Is the buyer in Delhi known to you?",
    )
    services.consultation_reply(
        actor=other_spoke_officer, consultation_id=found.pk, body="Yes: two cases."
    )
    assert [m.body for m in found.messages.all()] == [
        "Is the buyer in Delhi known to you?",
        "Yes: two cases.",
    ]
    assert selectors.consultations_for_user(user=other_spoke_officer) == [found]
    assert selectors.consultations_for_user(user=hub_officer) == [found]
    with pytest.raises(NotFound):  # the Delhi room does not hold the grievance itself
        services.consultation_open(
            actor=other_spoke_officer, grievance_id=grievance.pk, to_room_id=mh_room.pk, body="x"
        )
    assert Consultation.objects.count() == 1


def test_pages(client, hub_officer, spoke_officer, other_spoke_officer, entrepreneur, mh_room):
    grievance = _grievance(entrepreneur)
    client.force_login(hub_officer)
    assert client.get(reverse("web:roomnet:network")).status_code == 200
    room_url = reverse("web:roomnet:room", args=[mh_room.pk])
    when = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        room_url, {"scheduled_for": when, "video_link": "https://vc.example.gov.in/1"}
    )
    assert response.status_code == 302
    review = Review.objects.get()
    assert client.post(room_url, {"scheduled_for": "", "video_link": ""}).status_code == 400
    client.force_login(spoke_officer)
    review_url = reverse("web:roomnet:review", args=[review.pk])
    assert (
        client.post(
            review_url, {"form": "minutes", "minutes": "Held.", "video_link": ""}
        ).status_code
        == 302
    )
    assert "Held." in client.get(review_url).content.decode()
    consult_url = reverse("web:roomnet:consult", args=[grievance.pk])
    body = {"to_room": other_spoke_officer.control_room_id, "body": "Seen this buyer?"}
    assert client.post(consult_url, body).status_code == 302
    client.force_login(other_spoke_officer)
    assert client.get(review_url).status_code == 404
    assert (
        client.get(
            reverse("web:roomnet:consultation", args=[Consultation.objects.get().pk])
        ).status_code
        == 200
    )
    client.force_login(entrepreneur)
    assert client.get(reverse("web:roomnet:network")).status_code == 404


def test_demo_loads_once(hub_officer, spoke_officer, entrepreneur):
    _grievance(entrepreneur)
    assert roomnet_demo_load(hub=hub_officer, spoke=spoke_officer) == 1
    assert roomnet_demo_load(hub=hub_officer, spoke=spoke_officer) == 0
    assert (Review.objects.count(), Consultation.objects.count(), OnDuty.objects.count()) == (
        1,
        1,
        1,
    )


@pytest.mark.parametrize(
    ("role", "status", "error"),
    [
        ("entrepreneur", 404, NotFound),  # officers' pages do not exist for an entrepreneur
        ("leadership", 403, Forbidden),
        ("appellate_officer", 403, Forbidden),
    ],
)
def test_only_working_officers_get_the_consult_page(
    client, request, entrepreneur, role, status, error
):
    # given: a grievance each of these may read (its owner, the national read-only roles)
    grievance = _grievance(entrepreneur)
    client.force_login(request.getfixturevalue(role))
    url = reverse("web:roomnet:consult", args=[grievance.pk])

    # when
    page = client.get(url)

    # then: the officers' form between rooms is refused, not shown
    assert client.get(reverse("web:grievances:detail", args=[grievance.pk])).status_code == 200
    assert page.status_code == status
    with pytest.raises(error):
        services.consultation_grievance_get(
            actor=request.getfixturevalue(role), grievance_id=grievance.pk
        )
