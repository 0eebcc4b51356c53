"""A Udyam portal stand-in for the demo and the tests: it knows the registrations in
`SandboxUdyamRecord` (the demo loads its units there, a few on purpose with another name or
class) and no others. `SandboxUdyamClient(unavailable=True)` answers nothing, as a portal that
is down."""

from .client import UdyamRecord, UdyamUnavailable
from .models import SandboxUdyamRecord


class SandboxUdyamClient:
    def __init__(self, *, unavailable: bool = False) -> None:
        self.unavailable = unavailable

    def lookup(self, *, udyam_number: str) -> UdyamRecord | None:
        if self.unavailable:
            raise UdyamUnavailable("the Udyam portal did not answer (sandbox)")
        row = SandboxUdyamRecord.objects.filter(udyam_number=udyam_number).first()
        if row is None:
            return None
        return UdyamRecord(udyam_number=row.udyam_number, name=row.name, category=row.category)


def sandbox_record_put(*, udyam_number: str, name: str, category: str) -> None:
    """Put a registration in the sandbox (demo and tests)."""
    SandboxUdyamRecord.objects.update_or_create(
        udyam_number=udyam_number, defaults={"name": name, "category": category}
    )
