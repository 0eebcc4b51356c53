"""The work queue's bulk operations: assign to me, transfer; refusals are reported."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from champions.controlrooms.selectors import control_room_get
from champions.core.errors import DomainError, NotFound, ValidationFailed

from ..models import (
    Grievance,
)
from ..routing.services import grievance_transfer
from ..workflow.services import grievance_assign_to

BULK_LIMIT = 100


@dataclass(frozen=True)
class BulkResult:
    done: list[Grievance]
    refused: list[tuple[int, str]]  # (grievance id, the service's message)


def _bulk(grievance_ids: list[int], operation) -> BulkResult:
    if len(grievance_ids) > BULK_LIMIT:
        message = _("Choose at most %(count)s grievances at a time.") % {"count": BULK_LIMIT}
        raise ValidationFailed(message, errors={"ids": [message]})
    done: list[Grievance] = []
    refused: list[tuple[int, str]] = []
    for grievance_id in dict.fromkeys(grievance_ids):
        # Each service runs in its own savepoint, so a refusal undoes only its own changes.
        try:
            done.append(operation(grievance_id))
        except DomainError as exc:
            refused.append((grievance_id, exc.message))
    return BulkResult(done=done, refused=refused)


@transaction.atomic
def grievances_bulk_assign_to_me(*, grievance_ids: list[int], actor) -> BulkResult:
    """Assign each grievance to the acting officer; those that cannot be are reported."""
    return _bulk(
        grievance_ids,
        lambda grievance_id: grievance_assign_to(
            grievance_id=grievance_id, assignee_id=actor.pk, actor=actor
        ),
    )


@transaction.atomic
def grievances_bulk_transfer(
    *, grievance_ids: list[int], room_id: int, actor, reason: str
) -> BulkResult:
    """Transfer each grievance to one room with one reason; refusals are reported."""
    if not reason.strip():
        raise ValidationFailed(_("Give a reason."), errors={"reason": [_("Give a reason.")]})
    try:
        control_room_get(room_id=room_id)
    except NotFound as exc:
        raise ValidationFailed(exc.message, errors={"room": [_("Choose a control room.")]}) from exc
    return _bulk(
        grievance_ids,
        lambda grievance_id: grievance_transfer(
            grievance_id=grievance_id, room_id=room_id, actor=actor, reason=reason
        ),
    )
