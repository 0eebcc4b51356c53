"""Moving grievances between control rooms: transfers, one by one or in bulk."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from champions.accounts.policy import Action as Can
from champions.accounts.policy import require
from champions.accounts.selectors import user_sees_whole_country
from champions.controlrooms.selectors import control_room_get
from champions.core.errors import ValidationFailed
from champions.core.names import local_name

from .. import hooks
from ..choices import (
    Status,
)
from ..errors import TransitionRefused
from ..models import (
    Grievance,
)
from ..queue.tallies import tally_key, tally_moved
from ..records import event_write, grievance_lock
from ..scope import grievance_get_for_user
from ..workflow.table import MAX_TRANSFERS


@transaction.atomic
def grievance_transfer(
    *, grievance_id: int, room_id: int, actor, reason: str, from_room_id: int | None = None
) -> Grievance:
    """Send a grievance to another control room, at most three times (the CPGRAMS rule).

    `from_room_id`: the room the officer saw it in (the page's form sends it). Two officers
    moving the same grievance at once do not both win: under the row lock, a grievance no
    longer in that room (else, in the room the actor's read found) is refused with a 409."""
    seen = grievance_get_for_user(user=actor, grievance_id=grievance_id)
    require(actor, Can.GRIEVANCE_TRANSFER, seen)
    if not reason.strip():
        raise ValidationFailed(_("Give a reason."), errors={"reason": [_("Give a reason.")]})
    grievance = grievance_lock(grievance_id)
    _refuse_if_moved(grievance, expected_room_id=from_room_id or seen.room_id)
    target = control_room_get(room_id=room_id)
    if grievance.transfer_count >= MAX_TRANSFERS and not user_sees_whole_country(actor):
        raise TransitionRefused(
            _("This grievance has been transferred three times; the hub decides where it goes.")
        )
    previous, counted = grievance.room, tally_key(grievance)
    grievance.room = target
    grievance.assignee = None
    grievance.transfer_count += 1
    if grievance.status not in {Status.SUBMITTED, Status.RESOLVED, Status.CLOSED}:
        grievance.status = (
            Status.SUBMITTED if grievance.status == Status.ASSIGNED else grievance.status
        )
    grievance.save()
    tally_moved(before=counted, after=tally_key(grievance))
    event_write(
        grievance,
        actor=actor,
        action="transferred",
        message=(
            gettext_noop("%(from)s → %(to)s: %(reason)s"),
            {"from": previous.name, "to": target.name, "reason": reason.strip()},
        ),
    )
    hooks.grievance_event_emit(grievance, "transferred", note=reason.strip())
    return grievance


def _refuse_if_moved(grievance: Grievance, *, expected_room_id: int) -> None:
    if grievance.room_id != expected_room_id:
        raise TransitionRefused(
            _(
                "Someone else has just moved this grievance to %(room)s. Reload the page to "
                "see where it is now."
            )
            % {"room": local_name(grievance.room.name, grievance.room.name_hi)}
        )
