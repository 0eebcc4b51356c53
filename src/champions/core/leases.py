"""Leases in the database: one holder at a time, lost when not renewed in time.

`champions scheduler` takes the `scheduler` lease before it enqueues anything and renews it
every tick, so two supervisors (or two machines) that each start a scheduler still run every
periodic job from one process only; when that process dies its lease runs out and a waiting
scheduler takes over. The conditional UPDATE is atomic on PostgreSQL (row lock) and SQLite
(database lock), so two contenders can never both win; the database is used (not Redis)
because every deployment has one.
"""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .models import Lease


def lease_acquire(*, name: str, holder: str, ttl: timedelta, now: datetime | None = None) -> bool:
    """Take or renew the lease for `ttl`; False while someone else holds it unexpired."""
    now = now or timezone.now()
    with transaction.atomic():
        taken = (
            Lease.objects.filter(name=name)
            .filter(Q(holder=holder) | Q(expires_at__lte=now))
            .update(holder=holder, expires_at=now + ttl)
        )
        if taken:
            return True
        try:
            with transaction.atomic():
                Lease.objects.create(name=name, holder=holder, expires_at=now + ttl)
        except IntegrityError:  # it exists and is someone else's
            return False
        return True


def lease_release(*, name: str, holder: str) -> None:
    """Give the lease up at once (a clean exit), so a waiting holder need not wait it out."""
    Lease.objects.filter(name=name, holder=holder).delete()


def lease_holder(*, name: str, now: datetime | None = None) -> str | None:
    now = now or timezone.now()
    lease = Lease.objects.filter(name=name, expires_at__gt=now).first()
    return lease.holder if lease else None
