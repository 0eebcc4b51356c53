"""Attachments to grievances and messages: PDF, JPG or PNG, checked by content, served scoped.

Files are stored under MEDIA_ROOT (outside the web root) with a random name; only
`attachment_get_for_user` hands them out, so a guessed URL leads nowhere.
"""

import uuid
from pathlib import PurePath

from django.db import transaction
from django.utils.translation import gettext as _

from champions.accounts.policy import Action as Can
from champions.accounts.policy import require
from champions.core.errors import NotFound, ValidationFailed

from ..models import Attachment, Grievance, Message, TimelineEntry
from ..scope import grievance_get_for_user

MAX_BYTES = 5 * 1024 * 1024
MAX_FILES = 5  # per grievance (files not tied to a message) and per message

# The type is read from the first bytes, never from the name or the client's Content-Type.
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
EXTENSIONS = {content_type: extension for _magic, content_type, extension in SIGNATURES}


def _refuse(message: str) -> ValidationFailed:
    return ValidationFailed(message, errors={"attachments": [message]})


def attachment_check(uploaded_file) -> tuple[str, int]:
    """The file's real content type and size, or ValidationFailed on `attachments`."""
    name = uploaded_file.name or ""
    size = uploaded_file.size or 0
    if size > MAX_BYTES:
        raise _refuse(_("%(name)s is larger than 5 MB.") % {"name": name})
    uploaded_file.seek(0)
    head = uploaded_file.read(8)
    uploaded_file.seek(0)
    for magic, content_type, _extension in SIGNATURES:
        if head.startswith(magic):
            return content_type, size
    raise _refuse(_("%(name)s is not a PDF, JPG or PNG file.") % {"name": name})


def _already_attached(*, grievance: Grievance, message: Message | None) -> int:
    if message is not None:
        return message.attachments.count()
    return grievance.attachments.filter(message__isnull=True).count()


def _original_name(name: str | None) -> str:
    # Browsers on Windows may send a full path; keep the last part only.
    return PurePath((name or "file").replace("\\", "/")).name[:255] or "file"


@transaction.atomic
def attachments_add(
    *, grievance: Grievance, files: list, actor, message: Message | None = None
) -> list[Attachment]:
    """Attach up to five files; every file is checked before any is stored."""
    seen = grievance_get_for_user(user=actor, grievance_id=grievance.pk)  # scope: 404
    require(actor, Can.GRIEVANCE_MESSAGE, seen)
    if message is not None and message.grievance_id != grievance.pk:
        raise NotFound(_("No such message."))
    if not files:
        raise _refuse(_("Choose at least one file."))
    if _already_attached(grievance=grievance, message=message) + len(files) > MAX_FILES:
        raise _refuse(_("At most %(count)s files may be attached.") % {"count": MAX_FILES})
    checked = [(upload, *attachment_check(upload)) for upload in files]
    stored = _store(checked, grievance=grievance, message=message, actor=actor)
    TimelineEntry.objects.create(
        grievance=grievance,
        actor=actor,
        action="attachment",
        note=", ".join(a.original_name for a in stored),
        is_internal=bool(message and message.is_internal),
    )
    return stored


def _store(checked: list, *, grievance: Grievance, message: Message | None, actor) -> list:
    """Save the checked files under random names; on a failure remove those already saved."""
    stored: list[Attachment] = []
    try:
        for upload, content_type, size in checked:
            attachment = Attachment(
                grievance=grievance,
                message=message,
                original_name=_original_name(upload.name),
                content_type=content_type,
                size=size,
                uploaded_by=actor,
            )
            attachment.file.save(
                f"{uuid.uuid4().hex}{EXTENSIONS[content_type]}", upload, save=False
            )
            stored.append(attachment)
            attachment.save()
    except Exception:
        for attachment in stored:  # the transaction rolls back the rows, not the files
            attachment.file.delete(save=False)
        raise
    return stored
