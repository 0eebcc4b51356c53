"""The MSME Samadhaan connector: what Champions needs from the portal, and an HTTP version.

MSME Samadhaan (samadhaan.msme.gov.in) publishes no API. `SamadhaanClient` is the whole of
what a filing needs; `HttpSamadhaanClient` speaks a small JSON contract (docs/SAMADHAAN.md)
and the sandbox (`sandbox.py`) implements the same methods in-process. Which one is used is a
setting: SAMADHAAN_BACKEND = "sandbox" (the default) or "http" with SAMADHAAN_BASE_URL and
SAMADHAAN_TOKEN.
"""

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from django.conf import settings


class SamadhaanError(Exception):
    """The remote side did not do what was asked; `retryable` says whether to try again."""

    retryable = False

    def __init__(self, message: str, *, retry_after: float = 0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SamadhaanUnavailable(SamadhaanError):
    """A timeout, a refused connection, a 5xx or a 429: the answer may come later."""

    retryable = True


class SamadhaanRejected(SamadhaanError):
    """A 4xx other than 429: the application itself is wrong; sending it again cannot help."""


@dataclass(frozen=True)
class ApplicationStatus:
    status: str  # one of choices.RemoteStatus
    council: str = ""
    hearing_on: date | None = None
    award_inr: Decimal | None = None


class SamadhaanClient(Protocol):
    def application_file(self, *, payload: dict, idempotency_key: str) -> str:
        """File an application; returns its reference. The same key returns the first one's."""
        ...

    def application_status(self, *, reference: str) -> ApplicationStatus: ...


class HttpSamadhaanClient:
    def __init__(self, *, base_url: str, token: str, timeout: float) -> None:
        if urllib.parse.urlsplit(base_url).scheme not in {"http", "https"}:
            raise ValueError(f"SAMADHAAN_BASE_URL must be http(s): {base_url!r}")
        self.base_url, self.token, self.timeout = base_url.rstrip("/"), token, timeout

    def application_file(self, *, payload: dict, idempotency_key: str) -> str:
        body = self._call("POST", "/applications", payload, idempotency_key)
        reference = body.get("reference")
        if not isinstance(reference, str) or not reference:
            raise SamadhaanUnavailable(f"answer without a reference: {body!r}")
        return reference

    def application_status(self, *, reference: str) -> ApplicationStatus:
        body = self._call("GET", f"/applications/{urllib.parse.quote(reference, safe='')}")
        hearing, award = body.get("hearing_on"), body.get("award_inr")
        return ApplicationStatus(
            status=str(body.get("status", "")),
            council=str(body.get("council", "")),
            hearing_on=date.fromisoformat(hearing) if hearing else None,
            award_inr=Decimal(str(award)) if award is not None else None,
        )

    def _call(self, method: str, path: str, body: dict | None = None, key: str = "") -> dict:
        headers = {"Accept": "application/json", "Authorization": f"Bearer {self.token}"}
        data = json.dumps(body).encode() if body is not None else None
        if data is not None:
            headers["Content-Type"] = "application/json"
        if key:
            headers["Idempotency-Key"] = key
        # S310: the scheme was checked in __init__.
        request = urllib.request.Request(  # noqa: S310
            self.base_url + path, data=data, headers=headers, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            message = f"HTTP {exc.code}: {exc.read(500).decode(errors='replace')}"
            if exc.code == 429 or exc.code >= 500:
                raise SamadhaanUnavailable(message) from exc
            raise SamadhaanRejected(message) from exc
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise SamadhaanUnavailable(f"{type(exc).__name__}: {exc}") from exc


def samadhaan_client() -> SamadhaanClient:
    if settings.SAMADHAAN_BACKEND == "http":
        return HttpSamadhaanClient(
            base_url=settings.SAMADHAAN_BASE_URL,
            token=settings.SAMADHAAN_TOKEN,
            timeout=settings.SAMADHAAN_TIMEOUT,
        )
    from .sandbox import SandboxSamadhaanClient  # the default: no remote service needed

    return SandboxSamadhaanClient()
