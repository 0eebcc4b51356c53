"""The seam between accounts and the notification channels layered above it.

Accounts may not import `champions.notifications` (it sits above them), so notifications
registers the sender of one-time codes here from its `AppConfig.ready()` (as integrations do
with `grievances.hooks`). The sender delivers at once and stores nothing: a code kept in an
outbox row would defeat storing only its hash.
"""

from collections.abc import Callable

from champions.core.errors import DomainError

# phone (10 digits), text → None; raises DomainError when the text cannot be sent
SmsSender = Callable[[str, str], None]
_SENDERS: list[SmsSender] = []


class NoSmsChannel(DomainError):
    status = 503
    code = "sms_unavailable"


def sms_sender_register(sender: SmsSender) -> None:
    if sender not in _SENDERS:
        _SENDERS.append(sender)


def sms_send(*, phone: str, text: str) -> None:
    if not _SENDERS:
        raise NoSmsChannel("No SMS channel is configured.")
    _SENDERS[-1](phone, text)
