"""The Udyam connector: a lookup by number, its HTTP version and the choice between them.

The Udyam registration portal (udyamregistration.gov.in) offers a public "verify Udyam" page
but no documented API. `UdyamClient` is the one call Champions needs; the sandbox (the default,
`sandbox.py`) and `HttpUdyamClient` (a small JSON contract, docs/UDYAM.md) implement it.
"""

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings


class UdyamUnavailable(Exception):
    """No answer now (timeout, 5xx, 429): the check is left for the next run."""


@dataclass(frozen=True)
class UdyamRecord:
    udyam_number: str
    name: str
    category: str  # micro, small or medium


class UdyamClient(Protocol):
    def lookup(self, *, udyam_number: str) -> UdyamRecord | None:
        """The registration, or None when the number does not exist."""
        ...


class HttpUdyamClient:
    def __init__(self, *, base_url: str, token: str, timeout: float) -> None:
        if urllib.parse.urlsplit(base_url).scheme not in {"http", "https"}:
            raise ValueError(f"UDYAM_BASE_URL must be http(s): {base_url!r}")
        self.base_url, self.token, self.timeout = base_url.rstrip("/"), token, timeout

    def lookup(self, *, udyam_number: str) -> UdyamRecord | None:
        url = f"{self.base_url}/registrations/{urllib.parse.quote(udyam_number, safe='')}"
        headers = {"Accept": "application/json", "Authorization": f"Bearer {self.token}"}
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 - scheme checked
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            raise UdyamUnavailable(f"HTTP {exc.code}") from exc
        except (OSError, ValueError) as exc:
            raise UdyamUnavailable(f"{type(exc).__name__}: {exc}") from exc
        return UdyamRecord(
            udyam_number=udyam_number,
            name=str(body.get("name", "")),
            category=str(body.get("category", "")).lower(),
        )


def udyam_client() -> UdyamClient:
    if settings.UDYAM_BACKEND == "http":
        return HttpUdyamClient(
            base_url=settings.UDYAM_BASE_URL,
            token=settings.UDYAM_TOKEN,
            timeout=settings.UDYAM_TIMEOUT,
        )
    from .sandbox import SandboxUdyamClient  # the default: no remote service needed

    return SandboxUdyamClient()
