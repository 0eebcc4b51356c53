"""An MSME Samadhaan stand-in for the demo and the tests, in-process, its records in
`SandboxApplication`. A repeated idempotency key returns the first reference and files nothing.
Each status request moves an application one stage on (submitted → council → hearing → award),
so a demo shows the whole path in a few clicks.

Faults are injected per client: `SandboxSamadhaanClient(faults=["timeout", "lost_answer"])`
fails the next calls in that order: "timeout" (nothing reaches the portal), "lost_answer" (the
portal files it, the answer is lost on the way back), "5xx", "429", "400".
"""

from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction

from .choices import STATUS_ORDER, RemoteStatus
from .client import ApplicationStatus, SamadhaanRejected, SamadhaanUnavailable
from .models import SandboxApplication

FAULTS = frozenset({"timeout", "lost_answer", "5xx", "429", "400"})


class SandboxSamadhaanClient:
    def __init__(self, *, faults: list[str] | None = None) -> None:
        unknown = set(faults or ()) - FAULTS
        if unknown:
            raise ValueError(f"unknown sandbox faults: {sorted(unknown)}")
        self.faults = list(faults or ())
        self.calls = 0

    def _fault(self) -> str:
        self.calls += 1
        fault = self.faults.pop(0) if self.faults else ""
        if fault == "timeout":
            raise SamadhaanUnavailable("timed out (sandbox)")
        if fault in {"5xx", "429"}:
            raise SamadhaanUnavailable(f"HTTP {503 if fault == '5xx' else 429} (sandbox)")
        if fault == "400":
            raise SamadhaanRejected("HTTP 400: the buyer's details are incomplete (sandbox)")
        return fault

    def application_file(self, *, payload: dict, idempotency_key: str) -> str:
        fault = self._fault()
        reference = self._store(payload, idempotency_key)
        if fault == "lost_answer":
            raise SamadhaanUnavailable("the answer was lost after filing (sandbox)")
        return reference

    def _store(self, payload: dict, key: str) -> str:
        if found := SandboxApplication.objects.filter(idempotency_key=key).first():
            return found.reference
        try:
            with transaction.atomic():
                row = SandboxApplication.objects.create(
                    idempotency_key=key, reference=f"pending-{key}"[:40], payload=payload
                )
                row.reference = f"MSEFC/SBX/{row.created_at:%Y}/{row.pk:06d}"
                row.save(update_fields=["reference"])
        except IntegrityError:  # the same key, filed concurrently
            return SandboxApplication.objects.get(idempotency_key=key).reference
        return row.reference

    def application_status(self, *, reference: str) -> ApplicationStatus:
        self._fault()
        row = SandboxApplication.objects.filter(reference=reference).first()
        if row is None:
            raise SamadhaanRejected(f"HTTP 404: no application {reference}")
        row.polls += 1
        row.save(update_fields=["polls"])
        stage = STATUS_ORDER[min(row.polls, STATUS_ORDER.index(RemoteStatus.AWARD))]
        state = row.payload.get("buyer", {}).get("state") or "Maharashtra"
        due = Decimal(row.payload.get("principal_inr", "0")) + Decimal(
            row.payload.get("interest_inr", "0")
        )
        return ApplicationStatus(
            status=stage,
            council="" if stage == RemoteStatus.SUBMITTED else f"MSEFC, {state} (sandbox)",
            hearing_on=(row.created_at + timedelta(days=21)).date()
            if stage in (RemoteStatus.HEARING, RemoteStatus.AWARD)
            else None,
            award_inr=due if stage == RemoteStatus.AWARD else None,
        )
