"""Hostile uploads through the API as an attacker would send them: each is refused with a
message naming the field, or stored harmlessly (random name inside MEDIA_ROOT, served as a
download of its real type with nosniff). Nothing is ever written outside MEDIA_ROOT."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from champions.grievances.models import Attachment
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n" + b"0" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64
OVERSIZED = b"%PDF-1.7\n" + b"0" * (5 * 1024 * 1024)

REFUSED = [
    ("oversized pdf", "big.pdf", OVERSIZED, "application/pdf", "is larger than 5 MB"),
    ("html named .pdf", "invoice.pdf", HTML, "application/pdf", "is not a PDF, JPG or PNG"),
    ("html as itself", "page.html", HTML, "text/html", "is not a PDF, JPG or PNG"),
    ("svg with script named .png", "logo.png", SVG, "image/png", "is not a PDF, JPG or PNG"),
    ("svg as itself", "logo.svg", SVG, "image/svg+xml", "is not a PDF, JPG or PNG"),
    ("executable named .jpg", "photo.jpg", ELF, "image/jpeg", "is not a PDF, JPG or PNG"),
    ("zero bytes", "empty.pdf", b"", "application/pdf", "is not a PDF, JPG or PNG"),
]
STORED = [
    ("traversal name", "../../../../etc/cron.d/evil.pdf", PDF, "evil.pdf", "application/pdf"),
    ("windows traversal", "..\\..\\boot.ini.png", PNG, "boot.ini.png", "image/png"),
    ("absolute path", "/etc/passwd.pdf", PDF, "passwd.pdf", "application/pdf"),
    ("pdf that is also html", "polyglot.html", PDF + HTML, "polyglot.html", "application/pdf"),
    ("script in the name", "<script>alert(1)</script>.pdf", PDF, None, "application/pdf"),
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def grievance(entrepreneur):
    return lodge(entrepreneur, pune_enterprise(entrepreneur))


def _post(client, grievance, name: str, content: bytes, content_type: str):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(f"/api/v1/grievances/{grievance.pk}/attachments", {"files": [upload]})


def _files_under(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.mark.parametrize(("_case", "name", "content", "content_type", "message"), REFUSED)
def test_a_hostile_file_is_refused_and_nothing_is_stored(
    client,
    entrepreneur,
    grievance,
    media_root,
    tmp_path,
    _case,
    name,
    content,
    content_type,
    message,
):
    client.force_login(entrepreneur)

    response = _post(client, grievance, name, content, content_type)

    assert response.status_code == 422
    assert message in response.json()["errors"]["attachments"][0]
    assert Attachment.objects.count() == 0
    assert _files_under(tmp_path) == []


@pytest.mark.parametrize(("_case", "name", "content", "kept_name", "content_type"), STORED)
def test_a_dangerous_name_is_stored_under_a_random_name_and_served_as_a_download(
    client,
    entrepreneur,
    grievance,
    media_root,
    tmp_path,
    _case,
    name,
    content,
    kept_name,
    content_type,
):
    client.force_login(entrepreneur)

    response = _post(client, grievance, name, content, content_type)

    assert response.status_code == 201
    attachment = Attachment.objects.get()
    stored = Path(attachment.file.path).resolve()
    assert stored.is_relative_to(media_root.resolve())
    assert _files_under(tmp_path) == [stored]
    assert ".." not in attachment.file.name
    assert Path(attachment.file.name).stem != Path(kept_name or name).stem  # a random name
    assert "/" not in attachment.original_name
    assert "\\" not in attachment.original_name
    if kept_name:
        assert attachment.original_name == kept_name
    download = client.get(f"/api/v1/grievances/attachments/{attachment.pk}")
    assert download.status_code == 200
    assert download["Content-Type"] == content_type
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content) == content


def test_a_stranger_cannot_fetch_a_stored_file(client, entrepreneur, other_entrepreneur, grievance):
    client.force_login(entrepreneur)
    _post(client, grievance, "invoice.pdf", PDF, "application/pdf")
    attachment = Attachment.objects.get()
    client.force_login(other_entrepreneur)

    response = client.get(f"/api/v1/grievances/attachments/{attachment.pk}")

    assert response.status_code == 404
