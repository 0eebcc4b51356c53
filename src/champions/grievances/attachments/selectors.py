"""Handing out an attachment: only to someone who sees its grievance (and its message)."""

from django.utils.translation import gettext as _

from champions.accounts.selectors import user_is_officer
from champions.core.errors import NotFound

from ..models import Attachment
from ..scope import grievance_get_for_user


def attachment_get_for_user(*, user, attachment_id: int) -> Attachment:
    """An attachment of a grievance the user may see; internal notes' files only for officers."""
    attachment = (
        Attachment.objects.select_related("message").filter(pk=attachment_id).first()
        if user.is_authenticated
        else None
    )
    if attachment is None:
        raise NotFound(_("No such attachment."))
    try:
        grievance_get_for_user(user=user, grievance_id=attachment.grievance_id)
    except NotFound as exc:
        raise NotFound(_("No such attachment.")) from exc
    if attachment.message and attachment.message.is_internal and not user_is_officer(user):
        raise NotFound(_("No such attachment."))
    return attachment
