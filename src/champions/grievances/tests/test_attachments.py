"""Attachments: type by content, size and count limits, all-or-nothing storage, scoped reads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from champions.core.errors import NotFound, ValidationFailed
from champions.grievances.attachments.selectors import attachment_get_for_user
from champions.grievances.attachments.services import MAX_BYTES, attachment_check, attachments_add
from champions.grievances.models import Attachment, TimelineEntry
from champions.grievances.services import grievance_message_add
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"0" * 64


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def grievance(entrepreneur):
    return lodge(entrepreneur, pune_enterprise(entrepreneur))


def upload(name: str, content: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("_case", "name", "content", "expected"),
    [
        ("pdf", "invoice.pdf", PDF, "application/pdf"),
        ("jpg", "photo.jpg", JPG, "image/jpeg"),
        ("png", "scan.png", PNG, "image/png"),
        ("png bytes named .pdf", "scan.pdf", PNG, "image/png"),
        ("pdf bytes named .txt", "invoice.txt", PDF, "application/pdf"),
    ],
)
def test_type_is_read_from_the_content(_case, name, content, expected):
    assert attachment_check(upload(name, content)) == (expected, len(content))


@pytest.mark.parametrize(
    ("_case", "name", "content"),
    [
        ("text named .pdf", "invoice.pdf", b"Dear sir, the buyer has not paid."),
        ("html named .png", "scan.png", b"<html><script>alert(1)</script></html>"),
        ("empty", "empty.pdf", b""),
        ("gif", "anim.gif", b"GIF89a" + b"\x00" * 16),
    ],
)
def test_other_content_is_refused(_case, name, content):
    with pytest.raises(ValidationFailed) as info:
        attachment_check(upload(name, content))

    assert info.value.errors == {"attachments": [f"{name} is not a PDF, JPG or PNG file."]}


def test_five_megabytes_is_the_limit():
    at_limit = PDF + b"0" * (MAX_BYTES - len(PDF))

    assert attachment_check(upload("big.pdf", at_limit)) == ("application/pdf", MAX_BYTES)
    with pytest.raises(ValidationFailed) as info:
        attachment_check(upload("bigger.pdf", at_limit + b"0"))
    assert info.value.errors == {"attachments": ["bigger.pdf is larger than 5 MB."]}


def test_files_are_stored_with_a_random_name(grievance, entrepreneur, media_root):
    (attachment,) = attachments_add(
        grievance=grievance, files=[upload("C:\\Users\\me\\scan.pdf", PNG)], actor=entrepreneur
    )

    attachment.refresh_from_db()
    assert (attachment.original_name, attachment.content_type, attachment.size) == (
        "scan.pdf",
        "image/png",
        len(PNG),
    )
    assert attachment.file.name.startswith("grievances/")
    assert attachment.file.name.endswith(".png")
    assert "scan" not in attachment.file.name
    assert stored_files(media_root) == [media_root / attachment.file.name]
    entry = TimelineEntry.objects.get(grievance=grievance, action="attachment")
    assert (entry.note, entry.is_internal, entry.actor) == ("scan.pdf", False, entrepreneur)


def test_one_bad_file_stores_none(grievance, entrepreneur, media_root):
    files = [upload("a.pdf", PDF), upload("b.pdf", b"plain text")]

    with pytest.raises(ValidationFailed):
        attachments_add(grievance=grievance, files=files, actor=entrepreneur)

    assert Attachment.objects.count() == 0
    assert stored_files(media_root) == []


def test_at_most_five_files_per_grievance(grievance, entrepreneur, media_root):
    with pytest.raises(ValidationFailed) as info:
        attachments_add(
            grievance=grievance,
            files=[upload(f"{n}.png", PNG) for n in range(6)],
            actor=entrepreneur,
        )
    assert info.value.errors == {"attachments": ["At most 5 files may be attached."]}
    attachments_add(
        grievance=grievance, files=[upload(f"{n}.png", PNG) for n in range(4)], actor=entrepreneur
    )

    with pytest.raises(ValidationFailed):
        attachments_add(
            grievance=grievance,
            files=[upload("5.png", PNG), upload("6.png", PNG)],
            actor=entrepreneur,
        )

    assert Attachment.objects.filter(grievance=grievance).count() == 4
    assert len(stored_files(media_root)) == 4


def test_a_message_has_its_own_five(grievance, entrepreneur):
    attachments_add(
        grievance=grievance, files=[upload(f"{n}.png", PNG) for n in range(5)], actor=entrepreneur
    )
    message = grievance_message_add(grievance_id=grievance.pk, actor=entrepreneur, body="Proof.")

    stored = attachments_add(
        grievance=grievance,
        files=[upload(f"m{n}.pdf", PDF) for n in range(5)],
        actor=entrepreneur,
        message=message,
    )

    assert [a.message_id for a in stored] == [message.pk] * 5


def test_no_files_is_refused(grievance, entrepreneur):
    with pytest.raises(ValidationFailed):
        attachments_add(grievance=grievance, files=[], actor=entrepreneur)


def test_out_of_scope_upload_is_not_found(grievance, other_entrepreneur, media_root):
    with pytest.raises(NotFound):
        attachments_add(grievance=grievance, files=[upload("a.png", PNG)], actor=other_entrepreneur)

    assert Attachment.objects.count() == 0
    assert stored_files(media_root) == []


def test_message_of_another_grievance_is_not_found(grievance, entrepreneur):
    other = lodge(entrepreneur, grievance.enterprise)
    message = grievance_message_add(grievance_id=other.pk, actor=entrepreneur, body="Hello")

    with pytest.raises(NotFound):
        attachments_add(
            grievance=grievance, files=[upload("a.png", PNG)], actor=entrepreneur, message=message
        )


@pytest.fixture
def internal_attachment(grievance, spoke_officer):
    note = grievance_message_add(
        grievance_id=grievance.pk, actor=spoke_officer, body="PSU ledger.", is_internal=True
    )
    (attachment,) = attachments_add(
        grievance=grievance, files=[upload("ledger.pdf", PDF)], actor=spoke_officer, message=note
    )
    return attachment


@pytest.fixture
def public_attachment(grievance, entrepreneur):
    (attachment,) = attachments_add(
        grievance=grievance, files=[upload("invoice.pdf", PDF)], actor=entrepreneur
    )
    return attachment


def test_reads_are_scoped(
    public_attachment, internal_attachment, entrepreneur, other_entrepreneur, spoke_officer
):
    assert attachment_get_for_user(user=entrepreneur, attachment_id=public_attachment.pk) == (
        public_attachment
    )
    assert attachment_get_for_user(user=spoke_officer, attachment_id=internal_attachment.pk) == (
        internal_attachment
    )
    for user, attachment_id in (
        (other_entrepreneur, public_attachment.pk),
        (entrepreneur, internal_attachment.pk),
        (entrepreneur, -1),
    ):
        with pytest.raises(NotFound):
            attachment_get_for_user(user=user, attachment_id=attachment_id)


def test_attaching_to_an_internal_note_is_an_internal_event(internal_attachment):
    entry = TimelineEntry.objects.get(grievance=internal_attachment.grievance, action="attachment")

    assert (entry.note, entry.is_internal) == ("ledger.pdf", True)
