"""Import jobs: an uploaded file, a row in ImportJob with progress, and a task that runs it."""

import io
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.policy import Action as Can
from champions.accounts.policy import require
from champions.accounts.selectors import user_sees_whole_country
from champions.accounts.types import User
from champions.core import spreadsheets
from champions.core.errors import ValidationFailed

from . import selectors
from .choices import ImportStatus
from .importing import ImportFileError, count_rows, import_rows, read_rows
from .models import ImportJob

MAX_STORED_ERRORS = 20000
ALLOWED_SUFFIXES = {".csv", ".xlsx"}


def _import_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


@transaction.atomic
def import_job_create(*, user: User, uploaded_file) -> ImportJob:
    """Store an uploaded file outside the web root and queue its import."""
    require(user, Can.REGISTRY_IMPORT)
    suffix = Path(uploaded_file.name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise ValidationFailed(
            _("Upload a .csv or .xlsx file."), errors={"file": [_("Upload a .csv or .xlsx file.")]}
        )
    if uploaded_file.size > settings.IMPORT_MAX_UPLOAD_BYTES:
        raise ValidationFailed(
            _("The file is too large."), errors={"file": [_("The file is too large.")]}
        )
    path = _import_dir() / f"{uuid.uuid4().hex}{suffix}"
    with open(path, "wb") as out:
        for chunk in uploaded_file.chunks():
            out.write(chunk)
    job = ImportJob.objects.create(
        created_by=user,
        file_name=Path(uploaded_file.name).name[:255],
        stored_path=str(path),
        total_rows=count_rows(path),
    )
    from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    transaction.on_commit(lambda: tasks.import_enterprises_task.enqueue(job.pk))
    return job


def import_job_run(*, job_id: int) -> ImportJob:
    """Run an import job to the end; a finished job is left as it is (safe to run twice)."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.is_finished:
        return job
    user = job.created_by
    allowed = None
    if user is not None and not user_sees_whole_country(user):
        allowed = selectors.district_ids_in_scope(user=user)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.VALIDATING)

    def progress(done: int) -> None:
        status = ImportStatus.SAVING if done >= job.total_rows else ImportStatus.VALIDATING
        ImportJob.objects.filter(pk=job.pk).update(processed_rows=done, status=status)

    try:
        result = import_rows(
            read_rows(Path(job.stored_path)),
            allowed_district_ids=allowed,
            progress=progress,
            actor=user,
        )
    except ImportFileError as exc:
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED, message=str(exc), finished_at=timezone.now()
        )
        job.refresh_from_db()
        return job
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.DONE,
        total_rows=result.total_rows,
        processed_rows=result.total_rows,
        created_count=result.created,
        updated_count=result.updated,
        error_count=len(result.errors),
        errors=[[e.row, e.column, e.message] for e in result.errors[:MAX_STORED_ERRORS]],
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def import_report_csv(*, job: ImportJob) -> str:
    """The row-level report of a job as CSV text (row, column, problem)."""
    out = io.StringIO()
    writer = spreadsheets.csv_writer(out)
    writer.writerow(["row", "column", "problem"])
    writer.writerows(job.errors)
    return out.getvalue()
