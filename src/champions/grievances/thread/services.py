"""The grievance's thread: messages and internal notes, with their files."""

from django.db import transaction
from django.utils.translation import gettext as _

from champions.accounts.policy import Action as Can
from champions.accounts.policy import can, require
from champions.core.errors import ValidationFailed

from ..attachments.services import attachments_add
from ..choices import (
    Status,
)
from ..intake.services import MAX_DESCRIPTION
from ..models import (
    Grievance,
    Message,
)
from ..records import event_write
from ..scope import grievance_get_for_user
from ..workflow.services import grievance_move
from ..workflow.table import Action


@transaction.atomic
def grievance_message_add(
    *, grievance_id: int, actor, body: str, is_internal: bool = False
) -> Message:
    """Add to the thread; only officers may write internal notes."""
    grievance = grievance_get_for_user(user=actor, grievance_id=grievance_id)
    require(actor, Can.GRIEVANCE_MESSAGE, grievance)
    if not body.strip():
        raise ValidationFailed(_("Write a message."), errors={"body": [_("Write a message.")]})
    if len(body) > MAX_DESCRIPTION:
        raise ValidationFailed(
            _("At most 10,000 characters."), errors={"body": [_("At most 10,000 characters.")]}
        )
    if is_internal and not can(actor, Can.GRIEVANCE_NOTE_INTERNAL, grievance):
        is_internal = False
    message = Message.objects.create(
        grievance=grievance, author=actor, body=body.strip(), is_internal=is_internal
    )
    if grievance.status == Status.AWAITING_MSME and can(actor, Can.GRIEVANCE_RESPOND, grievance):
        # The MSME's answer to the officer's question is the reply: the clock starts again.
        grievance = grievance_move(
            grievance_id=grievance.pk, action=Action.MSME_REPLY, actor=actor, note=""
        )
    event_write(
        grievance, actor=actor, action="note" if is_internal else "message", is_internal=is_internal
    )
    if not is_internal:
        from .. import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

        transaction.on_commit(lambda: tasks.message_triage_task.enqueue(message.pk))
        transaction.on_commit(lambda: tasks.notify_message_task.enqueue(message.pk))
    return message


@transaction.atomic
def grievance_message_add_with_attachments(
    *, grievance_id: int, actor, body: str, is_internal: bool = False, files: list
) -> Message:
    """A message and its files (up to five), stored together or not at all."""
    message = grievance_message_add(
        grievance_id=grievance_id, actor=actor, body=body, is_internal=is_internal
    )
    if files:
        attachments_add(grievance=message.grievance, files=files, actor=actor, message=message)
    return message


@transaction.atomic
def grievance_contacts_erase(*, user) -> int:
    """DPDP erasure of a complainant: their grievances stay (a public record the law requires
    us to keep) but the name, e-mail and mobile typed on them are removed. Returns how many."""
    return Grievance.objects.filter(complainant=user).update(
        contact_name=_("(erased)"), contact_email="", contact_phone=""
    )
