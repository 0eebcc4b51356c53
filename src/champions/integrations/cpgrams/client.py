"""The CPGRAMS connector: a small interface and its HTTP implementation (standard library only).

The real CPGRAMS API is not public. `CpgramsClient` is everything Champions needs from it;
`HttpCpgramsClient` speaks the JSON-over-HTTP contract in docs/CPGRAMS.md, which the sandbox
(`champions cpgrams-sandbox`) implements. Pointing Champions at the real service means
setting `CPGRAMS_BASE_URL` and `CPGRAMS_TOKEN`, or, if its contract differs, writing another
class with these four methods and returning it from `cpgrams_client()`.
"""

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings


class CpgramsError(Exception):
    """CPGRAMS did not accept a request; `retryable` says whether trying again may help."""

    retryable = False

    def __init__(self, message: str, *, status: int | None = None, retry_after: float = 0):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class CpgramsUnavailable(CpgramsError):
    """A timeout, a refused connection, a 5xx or a 429: worth retrying later."""

    retryable = True


class CpgramsRejected(CpgramsError):
    """A 4xx other than 429: the request itself is wrong, so retrying cannot help."""


@dataclass(frozen=True)
class RoutedPage:
    records: list[dict]
    next_since: str  # an opaque cursor: pass it back as `since` for the next page
    has_more: bool


class CpgramsClient(Protocol):
    def grievance_create(self, *, payload: dict, idempotency_key: str) -> str:
        """Create a grievance on CPGRAMS; returns its CPGRAMS registration number.
        A repeated idempotency key returns the number of the first creation."""
        ...

    def grievance_status_update(self, *, number: str, payload: dict, idempotency_key: str) -> None:
        """Record a status change (action taken) on the CPGRAMS grievance `number`."""
        ...

    def grievances_routed(self, *, org: str, since: str, limit: int) -> RoutedPage:
        """Grievances routed to the organisation `org`, after the cursor `since` ("" = start)."""
        ...

    def grievance_updates(self, *, org: str, since: str, limit: int) -> RoutedPage:
        """Status changes, remarks and closures made on CPGRAMS to `org`'s grievances, after
        the cursor `since`: records with `event_id`, `registration_number`,
        `source_reference`, `status`, `remarks`, `changed_at`."""
        ...


class HttpCpgramsClient:
    """JSON over HTTP(S) with a bearer token; every failure becomes a `CpgramsError`."""

    def __init__(self, *, base_url: str, token: str, timeout: float) -> None:
        if urllib.parse.urlsplit(base_url).scheme not in {"http", "https"}:
            raise ValueError(f"CPGRAMS_BASE_URL must be http(s): {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    @classmethod
    def from_settings(cls) -> "HttpCpgramsClient":
        return cls(
            base_url=settings.CPGRAMS_BASE_URL,
            token=settings.CPGRAMS_TOKEN,
            timeout=settings.CPGRAMS_TIMEOUT,
        )

    def grievance_create(self, *, payload: dict, idempotency_key: str) -> str:
        body = self._request("POST", "/grievances", body=payload, idempotency_key=idempotency_key)
        number = body.get("registration_number")
        if not isinstance(number, str) or not number:
            raise CpgramsUnavailable(f"CPGRAMS answered without a registration number: {body!r}")
        return number

    def grievance_status_update(self, *, number: str, payload: dict, idempotency_key: str) -> None:
        path = f"/grievances/{urllib.parse.quote(number, safe='')}/status"
        self._request("POST", path, body=payload, idempotency_key=idempotency_key)

    def grievances_routed(self, *, org: str, since: str, limit: int) -> RoutedPage:
        query = urllib.parse.urlencode({"org": org, "since": since, "limit": limit})
        body = self._request("GET", f"/grievances?{query}")
        return RoutedPage(
            records=list(body.get("results", [])),
            next_since=str(body.get("next_since", since)),
            has_more=bool(body.get("has_more", False)),
        )

    def grievance_updates(self, *, org: str, since: str, limit: int) -> RoutedPage:
        query = urllib.parse.urlencode({"org": org, "since": since, "limit": limit})
        body = self._request("GET", f"/grievances/updates?{query}")
        return RoutedPage(
            records=list(body.get("results", [])),
            next_since=str(body.get("next_since", since)),
            has_more=bool(body.get("has_more", False)),
        )

    def _request(
        self, method: str, path: str, *, body: dict | None = None, idempotency_key: str = ""
    ) -> dict:
        headers = {"Accept": "application/json", "Authorization": f"Bearer {self.token}"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        # S310: the scheme was checked in __init__ (http or https only).
        request = urllib.request.Request(  # noqa: S310
            self.base_url + path, data=data, headers=headers, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            raise _http_error(exc) from exc
        except (OSError, http.client.HTTPException, ValueError) as exc:
            # OSError covers refused connections, URLError and timeouts; ValueError a bad body.
            raise CpgramsUnavailable(f"{type(exc).__name__}: {exc}") from exc


def _http_error(exc: urllib.error.HTTPError) -> CpgramsError:
    detail = exc.read(500).decode(errors="replace")
    message = f"HTTP {exc.code}: {detail}".strip()
    if exc.code == 429 or exc.code >= 500:
        return CpgramsUnavailable(
            message, status=exc.code, retry_after=_seconds(exc.headers.get("Retry-After"))
        )
    return CpgramsRejected(message, status=exc.code)


def _seconds(value: str | None) -> float:
    try:
        return max(0.0, float(value or 0))
    except ValueError:
        return 0.0  # an HTTP date: ignored, the backoff decides


def cpgrams_client() -> CpgramsClient:
    return HttpCpgramsClient.from_settings()
