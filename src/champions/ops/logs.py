"""A request id for every log line: taken from the proxy's `X-Request-ID` when it is a
plausible id, else made here; echoed in the response so a user's report can be matched."""

import contextvars
import logging
import re
import uuid

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_PLAUSIBLE = re.compile(r"[A-Za-z0-9._-]{8,64}")


def request_id_start(incoming: str | None) -> str:
    """Binds the request id for this thread of work and returns it."""
    value = incoming if incoming and _PLAUSIBLE.fullmatch(incoming) else uuid.uuid4().hex
    _request_id.set(value)
    return value


def request_id_end(**signal_kwargs) -> None:
    _request_id.set("-")


def request_id_current() -> str:
    return _request_id.get()


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (a dash outside a request: workers, the scheduler)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        return True
