"""One holder of a lease at a time; an unrenewed lease passes to the next contender."""

from datetime import timedelta

import pytest
from django.utils import timezone

from champions.core.leases import lease_acquire, lease_holder, lease_release

pytestmark = pytest.mark.django_db

TTL = timedelta(seconds=30)


def test_the_first_contender_wins_and_the_second_waits():
    now = timezone.now()

    first = lease_acquire(name="scheduler", holder="a", ttl=TTL, now=now)
    second = lease_acquire(name="scheduler", holder="b", ttl=TTL, now=now)

    assert (first, second) == (True, False)
    assert lease_holder(name="scheduler", now=now) == "a"


def test_renewing_keeps_it_and_a_lapsed_lease_passes_on():
    start = timezone.now()
    lease_acquire(name="scheduler", holder="a", ttl=TTL, now=start)

    renewed = lease_acquire(
        name="scheduler", holder="a", ttl=TTL, now=start + timedelta(seconds=20)
    )
    early = lease_acquire(name="scheduler", holder="b", ttl=TTL, now=start + timedelta(seconds=45))
    late = lease_acquire(name="scheduler", holder="b", ttl=TTL, now=start + timedelta(seconds=51))
    back = lease_acquire(name="scheduler", holder="a", ttl=TTL, now=start + timedelta(seconds=52))

    assert (renewed, early, late, back) == (True, False, True, False)


def test_a_released_lease_is_free_at_once_and_only_its_holder_can_release_it():
    now = timezone.now()
    lease_acquire(name="scheduler", holder="a", ttl=TTL, now=now)

    lease_release(name="scheduler", holder="b")
    refused = lease_acquire(name="scheduler", holder="b", ttl=TTL, now=now)
    lease_release(name="scheduler", holder="a")
    taken = lease_acquire(name="scheduler", holder="b", ttl=TTL, now=now)

    assert (refused, taken) == (False, True)
