"""The predicted resolution date: a range from how long similar grievances took, shown at
intake beside the SLA deadline; the SLA deadline without history; its error measurable."""

from datetime import timedelta

import pytest
from django.utils import timezone

from champions.grievances.demo import DemoEnterprise, demo_grievances_load
from champions.grievances.models import Grievance
from champions.grievances.sla.forecast import MIN_HISTORY, resolution_forecast
from champions.grievances.sla.forecast_evaluation import forecast_evaluate
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


def _history(unit, count=300):
    places = [DemoEnterprise(unit.pk, unit.district_id, unit.state_id, "MH")]
    demo_grievances_load(count=count, enterprises=places)


def test_without_history_the_forecast_is_the_sla_deadline(entrepreneur, unit):
    grievance = lodge(entrepreneur, unit)

    forecast = resolution_forecast(grievance)

    assert (forecast.basis, forecast.examples) == ("sla", 0)
    assert forecast.low == forecast.high == grievance.resolution_due_at.date()


def test_with_history_the_forecast_is_a_range_from_similar_grievances(entrepreneur, unit, mh_room):
    _history(unit)
    grievance = lodge(entrepreneur, unit, category="delayed_payment")

    forecast = resolution_forecast(grievance)

    similar = Grievance.objects.filter(
        category="delayed_payment", room=mh_room, resolved_at__isnull=False
    ).exclude(pk=grievance.pk)
    assert similar.count() >= MIN_HISTORY  # the demo gives the room enough history
    assert forecast.basis == "category_room"
    assert (
        forecast.examples
        == similar.filter(
            resolved_at__lt=timezone.now(), lodged_at__gte=timezone.now() - timedelta(days=365)
        ).count()
    )
    assert 0 <= forecast.low_days <= forecast.high_days
    assert grievance.lodged_at.date() <= forecast.low <= forecast.high


def test_the_acknowledgement_shows_the_likely_range_beside_the_deadline(
    client, entrepreneur, unit, mh_room
):
    _history(unit)
    grievance = lodge(entrepreneur, unit, category="delayed_payment")
    forecast = resolution_forecast(grievance)
    client.force_login(entrepreneur)

    html = client.get(f"/grievances/{grievance.pk}/lodged/").content.decode()

    assert "Expected resolution by" in html
    assert f"likely {forecast.low_days}\u2013{forecast.high_days} working days" in html


def test_a_suggestion_has_no_forecast(entrepreneur, unit):
    suggestion = lodge(entrepreneur, unit, kind="suggestion", category="")

    assert resolution_forecast(suggestion) is None


def test_the_error_is_measured_on_history_against_the_sla_deadline(entrepreneur, unit, mh_room):
    _history(unit)
    now = timezone.now()

    report = forecast_evaluate(since=now - timedelta(days=120), until=now, limit=100)

    assert report["grievances"] > 0
    assert 0 <= report["inside_range_percent"] <= 100
    assert report["midpoint_mae_working_days"] >= 0
    assert report["sla_deadline_mae_working_days"] >= 0
    assert sum(report["bases"].values()) == report["grievances"]
