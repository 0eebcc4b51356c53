"""Service requests: a unit asks with a drawing, the centre quotes, schedules, completes, the
unit rates; centre staff see only their centre's queue; the hub sees demand per centre."""

from datetime import timedelta

import pytest
from django.utils import timezone

from champions.clusters import selectors, services
from champions.clusters.errors import PermissionDenied
from champions.clusters.models import ServiceRequest, TechnologyCentre
from champions.core.errors import NotFound, ValidationFailed
from champions.notifications.models import Notification

from .factories import (
    aurangabad,
    cnc_service,
    pdf_upload,
    request_input,
    staff_user,
    text_file,
    unit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre():
    return aurangabad()


@pytest.fixture
def staff(centre):
    return staff_user(centre)


@pytest.fixture
def asked(entrepreneur, centre):
    enterprise = unit(entrepreneur)
    return services.service_request_create(
        actor=entrepreneur, data=request_input(cnc_service(centre), enterprise), upload=pdf_upload()
    )


def test_centres_load_is_idempotent_and_keeps_sources():
    first = services.centres_load()
    second = services.centres_load()
    assert first == {"centres": 34, "services": 159}
    assert second == {"centres": 0, "services": 0}
    igtr = TechnologyCentre.objects.get(source_id=5)
    assert (igtr.city, igtr.state.udyam_code, igtr.source) == (
        "Aurangabad",
        "MH",
        "PIB list 2016; smetimes 2011",
    )
    unknown = TechnologyCentre.objects.get(source_id=33)
    assert (unknown.state, unknown.services.count()) == (None, 0)


def test_request_stores_the_drawing_checked_by_content(asked):
    assert asked.status == "requested"
    assert (asked.attachment_name, asked.attachment_type, asked.kind) == (
        "drawing.pdf",
        "application/pdf",
        "job",
    )
    assert asked.attachment.name.endswith(".pdf")


def test_request_refuses_a_file_that_is_not_a_pdf_jpg_or_png(entrepreneur, centre):
    enterprise = unit(entrepreneur)
    with pytest.raises(ValidationFailed) as caught:
        services.service_request_create(
            actor=entrepreneur,
            data=request_input(cnc_service(centre), enterprise),
            upload=text_file(),
        )
    assert caught.value.errors == {"attachment": ["notes.txt is not a PDF, JPG or PNG file."]}
    assert ServiceRequest.objects.count() == 0


def test_request_refuses_a_file_over_5_mb(entrepreneur, centre):
    enterprise = unit(entrepreneur)
    big = pdf_upload(content=b"%PDF-" + b"0" * (5 * 1024 * 1024))
    with pytest.raises(ValidationFailed) as caught:
        services.service_request_create(
            actor=entrepreneur, data=request_input(cnc_service(centre), enterprise), upload=big
        )
    assert caught.value.errors == {"attachment": ["drawing.pdf is larger than 5 MB."]}


def test_request_for_someone_elses_unit_is_not_found(entrepreneur, other_entrepreneur, centre):
    enterprise = unit(entrepreneur)
    with pytest.raises(NotFound):
        services.service_request_create(
            actor=other_entrepreneur, data=request_input(cnc_service(centre), enterprise)
        )
    assert ServiceRequest.objects.count() == 0


def test_whole_flow_quote_schedule_complete_rate(asked, staff, entrepreneur):
    day = timezone.localdate() + timedelta(days=3)
    services.service_request_quote(actor=staff, request_id=asked.pk, quote_inr=18000, note="VMC")
    services.service_request_schedule(actor=staff, request_id=asked.pk, scheduled_for=day)
    services.service_request_complete(actor=staff, request_id=asked.pk, note="Inspected")
    services.service_request_rate(actor=entrepreneur, request_id=asked.pk, rating=4, note="Good")
    asked.refresh_from_db()
    assert (asked.status, asked.quote_inr, asked.scheduled_for, asked.rating) == (
        "completed",
        18000,
        day,
        4,
    )
    titles = list(
        Notification.objects.filter(recipient=entrepreneur)
        .order_by("pk")
        .values_list("title", flat=True)
    )
    assert titles == [
        "Your request has a quote",
        "Your request is scheduled",
        "Your request is completed",
    ]


def test_steps_out_of_order_are_refused(asked, staff):
    with pytest.raises(ValidationFailed):
        services.service_request_complete(actor=staff, request_id=asked.pk)
    asked.refresh_from_db()
    assert asked.status == "requested"


def test_staff_of_another_centre_cannot_see_or_quote(asked):
    other = staff_user(TechnologyCentre.objects.get(source_id=8), email="ludhiana@example.com")
    with pytest.raises(NotFound):
        services.service_request_quote(actor=other, request_id=asked.pk, quote_inr=100)
    assert list(selectors.service_request_queryset_for_user(user=other)) == []
    asked.refresh_from_db()
    assert (asked.status, asked.quote_inr) == ("requested", None)


def test_the_unit_cannot_quote_its_own_request(asked, entrepreneur):
    with pytest.raises(PermissionDenied):
        services.service_request_quote(actor=entrepreneur, request_id=asked.pk, quote_inr=1)


def test_only_the_requester_rates_and_only_once(asked, staff, entrepreneur):
    services.service_request_quote(actor=staff, request_id=asked.pk, quote_inr=100)
    services.service_request_schedule(
        actor=staff, request_id=asked.pk, scheduled_for=timezone.localdate()
    )
    services.service_request_complete(actor=staff, request_id=asked.pk)
    with pytest.raises(PermissionDenied):
        services.service_request_rate(actor=staff, request_id=asked.pk, rating=5)
    services.service_request_rate(actor=entrepreneur, request_id=asked.pk, rating=5)
    with pytest.raises(ValidationFailed):
        services.service_request_rate(actor=entrepreneur, request_id=asked.pk, rating=1)
    asked.refresh_from_db()
    assert asked.rating == 5


def test_hub_sees_demand_and_turnaround(asked, staff):
    services.service_request_quote(actor=staff, request_id=asked.pk, quote_inr=100)
    services.service_request_schedule(
        actor=staff, request_id=asked.pk, scheduled_for=timezone.localdate()
    )
    services.service_request_complete(actor=staff, request_id=asked.pk)
    ServiceRequest.objects.filter(pk=asked.pk).update(
        created_at=timezone.now() - timedelta(days=4),
        completed_at=timezone.now() - timedelta(days=1),
    )
    [row] = selectors.centre_demand_summary()
    assert (row.centre.source_id, row.total, row.open, row.completed, row.turnaround_days) == (
        5,
        1,
        0,
        1,
        3.0,
    )


def test_directory_groups_by_state_home_state_first(entrepreneur):
    aurangabad()
    directory = selectors.centre_directory(home_state_codes={"MH"})
    assert directory.groups[0].code == "MH"
    assert [c.short_name for c in directory.groups[0].centres] == ["IGTR", "IDEMI", "TC Sindhudurg"]
    assert [c.source_id for c in directory.unplaced] == [33]
    assert sum(t.count for t in directory.tiles) == 33
    cnc_only = selectors.centre_directory(service_kind="cnc")
    assert (
        sum(len(g.centres) for g in cnc_only.groups) == 21
    )  # 29 working centres less the 8 development centres
