"""Uploaded drawings and documents: PDF, JPG or PNG up to 5 MB, the type read from the content."""

import uuid
from pathlib import PurePath

from django.utils.translation import gettext as _

from champions.core.errors import ValidationFailed

MAX_BYTES = 5 * 1024 * 1024
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)


def upload_check(uploaded_file, *, field: str) -> tuple[str, str]:
    """(content type, stored file name) of an acceptable file, else ValidationFailed on `field`."""
    name = PurePath((uploaded_file.name or "file").replace("\\", "/")).name[:255] or "file"
    if (uploaded_file.size or 0) > MAX_BYTES:
        message = _("%(name)s is larger than 5 MB.") % {"name": name}
        raise ValidationFailed(message, errors={field: [message]})
    uploaded_file.seek(0)
    head = uploaded_file.read(8)
    uploaded_file.seek(0)
    for magic, content_type, extension in SIGNATURES:
        if head.startswith(magic):
            return content_type, f"{uuid.uuid4().hex}{extension}"
    message = _("%(name)s is not a PDF, JPG or PNG file.") % {"name": name}
    raise ValidationFailed(message, errors={field: [message]})


def original_name(uploaded_file) -> str:
    return PurePath((uploaded_file.name or "file").replace("\\", "/")).name[:255] or "file"
