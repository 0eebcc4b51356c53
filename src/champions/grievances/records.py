"""What every write of a grievance shares: the row lock and the timeline entry."""

from django.db import connection
from django.utils import translation

from .models import Grievance, TimelineEntry


def event_write(
    grievance: Grievance,
    *,
    actor,
    action: str,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
    is_internal: bool = False,
    message: tuple[str, dict] | None = None,
    starts_chain: bool = False,
) -> None:
    """One timeline entry. System-written words come as `message`: an English message id
    (marked with gettext_noop) and its values, rendered in each reader's language.
    `starts_chain`: the first entry of a grievance inserted in this transaction (lodging)."""
    message_id, params = message or ("", {})
    TimelineEntry(
        grievance=grievance,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=(message_id % params) if message_id else note,
        message={"id": message_id, "params": params} if message_id else {},
        is_internal=is_internal,
    ).save(starts_chain=starts_chain)


def english_text(message: tuple[str, dict]) -> str:
    """A message's English words (for what leaves the timeline: the CPGRAMS hook's note)."""
    message_id, params = message
    return message_id % params


def english(label) -> str:
    """A label's English words (a message parameter, translated again when read)."""
    with translation.override("en"):
        return str(label)


def grievance_lock(grievance_id: int) -> Grievance:
    qs = Grievance.objects.filter(pk=grievance_id)
    if connection.vendor == "postgresql":
        qs = qs.select_for_update()
    return qs.get()
