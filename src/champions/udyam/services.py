"""Udyam verification: format, existence, name and classification, at registration (after
commit, from the registry's hook) and again every UDYAM_RECHECK_DAYS (the `udyam-recheck` job).
A portal that does not answer records nothing: the enterprise stays "not checked yet" and the
next run asks again."""

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from difflib import SequenceMatcher

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from champions.registry.selectors import EnterpriseIdentity, enterprise_identities

from .choices import Field, Outcome
from .client import UdyamClient, UdyamUnavailable, udyam_client
from .models import UdyamCheck

log = logging.getLogger(__name__)

UDYAM_RE = re.compile(r"^UDYAM-[A-Z]{2}-\d{2}-\d{7}$")
LEGAL_WORDS = {"m/s", "ms", "pvt", "private", "ltd", "limited", "llp", "the", "and", "&", "co"}
NAME_SIMILARITY = 0.85  # difflib ratio over the normalised names


def normalised_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    words = re.findall(r"[\w&/]+", text)
    return " ".join(w for w in words if w not in LEGAL_WORDS)


def names_match(ours: str, theirs: str) -> bool:
    a, b = normalised_name(ours), normalised_name(theirs)
    return bool(a) and (a == b or SequenceMatcher(None, a, b).ratio() >= NAME_SIMILARITY)


def verification_schedule(enterprise_id: int) -> None:
    """The registry's hook: verify a new enterprise after its transaction commits."""
    from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    transaction.on_commit(lambda: tasks.verify_enterprise_task.enqueue(enterprise_id))


@dataclass(frozen=True)
class Verdict:
    outcome: str
    mismatches: list[str]
    remote_name: str = ""
    remote_category: str = ""


def _verdict(unit: EnterpriseIdentity, client: UdyamClient) -> Verdict:
    if not UDYAM_RE.match(unit.udyam_number):
        return Verdict(Outcome.BAD_FORMAT, [])
    record = client.lookup(udyam_number=unit.udyam_number)
    if record is None:
        return Verdict(Outcome.NOT_FOUND, [])
    mismatches = []
    if not names_match(unit.name, record.name):
        mismatches.append(Field.NAME)
    if record.category != unit.category:
        mismatches.append(Field.CATEGORY)
    outcome = Outcome.MISMATCH if mismatches else Outcome.VERIFIED
    return Verdict(outcome, [str(m) for m in mismatches], record.name[:200], record.category[:10])


def udyam_verify(*, enterprise_id: int, client: UdyamClient | None = None) -> UdyamCheck | None:
    """Check one enterprise's number; None if it has none or the portal did not answer."""
    units = enterprise_identities(ids=[enterprise_id], limit=1)
    if not units:
        return None
    try:
        verdict = _verdict(units[0], client or udyam_client())
    except UdyamUnavailable as exc:
        log.info("Udyam check of enterprise %s left for later: %s", enterprise_id, exc)
        return None
    return UdyamCheck.objects.create(
        enterprise_id=enterprise_id,
        udyam_number=units[0].udyam_number,
        outcome=verdict.outcome,
        mismatches=verdict.mismatches,
        remote_name=verdict.remote_name,
        remote_category=verdict.remote_category,
    )


def udyam_verify_due(*, client: UdyamClient | None = None, limit: int = 500) -> int:
    """The periodic recheck: units never checked or checked more than UDYAM_RECHECK_DAYS ago,
    at most `limit` a run; an outage ends the run (the rest wait for the next)."""
    client = client or udyam_client()
    cutoff = timezone.now() - timedelta(days=settings.UDYAM_RECHECK_DAYS)
    done, after_id = 0, 0
    while done < limit and (page := enterprise_identities(after_id=after_id, limit=500)):
        after_id = page[-1].id
        recent = set(
            UdyamCheck.objects.filter(
                enterprise_id__in=[u.id for u in page], checked_at__gte=cutoff
            ).values_list("enterprise_id", flat=True)
        )
        for unit in (u for u in page if u.id not in recent):
            if done >= limit:
                break
            if udyam_verify(enterprise_id=unit.id, client=client) is None:
                return done
            done += 1
    return done
