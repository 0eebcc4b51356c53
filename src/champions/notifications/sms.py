"""SMS backends: one interface, console and file implementations, and where a gateway goes.

`settings.SMS_BACKEND` names one entry of `SMS_BACKENDS` ("console" by default, "file" to keep
each message under `settings.NOTIFICATIONS_FILE_DIR`, "locmem" for tests).

A real gateway (an Indian provider with DLT-registered sender id and templates) is one more
`SmsBackend` subclass registered in `SMS_BACKENDS`: its `send` posts to the provider's HTTP API
with a timeout, raises `DeliveryRetryable` on network errors and 5xx answers, and
`InvalidAddress` when the provider rejects the number.
"""

import re
import sys
import uuid
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.utils import timezone

from .errors import InvalidAddress

# Indian mobile numbers have 10 digits and start with 6, 7, 8 or 9 (TRAI numbering plan).
_MOBILE = re.compile(r"[6-9]\d{9}")
_SEPARATORS = re.compile(r"[\s\-().]")


def mobile_normalise(value: str) -> str:
    """The 10-digit mobile number in `value` (which may carry +91, 91 or 0 in front)."""
    digits = _SEPARATORS.sub("", value)
    if digits.startswith("+91"):
        digits = digits[3:]
    elif len(digits) == 12 and digits.startswith("91"):
        digits = digits[2:]
    elif len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    if not _MOBILE.fullmatch(digits):
        raise InvalidAddress(f"not a 10-digit Indian mobile number: {value!r}")
    return digits


@dataclass(frozen=True)
class SmsMessage:
    to: str  # 10 digits
    text: str


class SmsBackend(ABC):
    @abstractmethod
    def send(self, message: SmsMessage) -> None: ...


class ConsoleSmsBackend(SmsBackend):
    """Prints each message, like Django's console e-mail backend."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout

    def send(self, message: SmsMessage) -> None:
        self.stream.write(f"SMS to +91{message.to}\n{message.text}\n{'-' * 40}\n")
        self.stream.flush()


class FileSmsBackend(SmsBackend):
    """Writes each message to its own file under `settings.NOTIFICATIONS_FILE_DIR`."""

    def send(self, message: SmsMessage) -> None:
        directory = Path(settings.NOTIFICATIONS_FILE_DIR)
        directory.mkdir(parents=True, exist_ok=True)
        name = f"{timezone.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}.txt"
        (directory / name).write_text(f"To: +91{message.to}\n\n{message.text}\n", encoding="utf-8")


outbox: list[SmsMessage] = []


class LocmemSmsBackend(SmsBackend):
    """Keeps messages in `sms.outbox`, like Django's locmem e-mail backend (for tests)."""

    def send(self, message: SmsMessage) -> None:
        outbox.append(message)


SMS_BACKENDS: dict[str, type[SmsBackend]] = {
    "console": ConsoleSmsBackend,
    "file": FileSmsBackend,
    "locmem": LocmemSmsBackend,
}


def sms_backend_get() -> SmsBackend:
    return SMS_BACKENDS[settings.SMS_BACKEND]()
