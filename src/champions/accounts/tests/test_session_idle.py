"""Sessions end after inactivity: officers' after OFFICER_SESSION_IDLE_SECONDS (30 min),
everyone else's after SESSION_IDLE_SECONDS (8 hours); activity keeps a session alive."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize(
    ("_case", "role", "idle", "still_signed_in"),
    [
        ("officer, 29 min", "spoke_officer", timedelta(minutes=29), True),
        ("officer, 31 min", "spoke_officer", timedelta(minutes=31), False),
        ("owner, 31 min", "entrepreneur", timedelta(minutes=31), True),
        ("owner, 7 h 59", "entrepreneur", timedelta(hours=7, minutes=59), True),
        ("owner, 8 h 1", "entrepreneur", timedelta(hours=8, minutes=1), False),
    ],
)
def test_a_session_ends_after_its_roles_idle_limit(
    client, request, _case, role, idle, still_signed_in
):
    client.force_login(request.getfixturevalue(role))
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get("/profile/")

    with time_machine.travel(start + idle, tick=False):
        client.get("/profile/")

    assert _signed_in(client) is still_signed_in


def test_activity_keeps_an_officers_session_alive(client, spoke_officer):
    client.force_login(spoke_officer)
    start = timezone.now()
    for minutes in (0, 20, 40, 60):  # never 30 minutes apart
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            client.get("/profile/")

    assert _signed_in(client)
