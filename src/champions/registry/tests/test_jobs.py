"""Import jobs: upload, run by the task (immediate backend in tests), progress and report."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from champions.core.errors import DomainError, ValidationFailed
from champions.registry.jobs import import_job_create, import_job_run
from champions.registry.models import Enterprise, ImportJob

pytestmark = pytest.mark.django_db

HEADER = (
    "udyam_number,name,organisation_type,major_activity,state,district,pincode,"
    "nic_codes,investment_inr,turnover_inr\n"
)
ROWS = (
    "UDYAM-MH-26-0000201,Nashik Agro,proprietary,manufacturing,MH,Pune,411001,10712,"
    "100000,200000\n"
    "UDYAM-MH-26-0000202,Bad Row,proprietary,manufacturing,MH,Pune,411001,10712,x,1\n"
)


def _upload(name="units.csv", content=HEADER + ROWS):
    return SimpleUploadedFile(name, content.encode(), content_type="text/csv")


def test_upload_runs_the_import_and_keeps_a_report(django_capture_on_commit_callbacks, hub_officer):
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(user=hub_officer, uploaded_file=_upload())

    job.refresh_from_db()
    assert (job.status, job.total_rows, job.created_count, job.error_count) == ("done", 2, 1, 1)
    assert job.errors == [[3, "investment_inr", "Must be a whole number."]]
    assert job.percent == 100
    assert Enterprise.objects.filter(udyam_number="UDYAM-MH-26-0000201").exists()


def test_running_a_finished_job_again_changes_nothing(
    django_capture_on_commit_callbacks, hub_officer
):
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(user=hub_officer, uploaded_file=_upload())

    again = import_job_run(job_id=job.pk)

    assert (again.created_count, again.updated_count) == (1, 0)
    assert Enterprise.objects.count() == 1


def test_wrong_file_type_is_refused_and_nothing_stored(hub_officer):
    with pytest.raises(ValidationFailed) as info:
        import_job_create(user=hub_officer, uploaded_file=_upload("units.pdf"))

    assert list(info.value.errors) == ["file"]
    assert ImportJob.objects.count() == 0


def test_entrepreneur_may_not_import(entrepreneur):
    with pytest.raises(DomainError) as info:
        import_job_create(user=entrepreneur, uploaded_file=_upload())

    assert info.value.status == 404  # for those who are not officers the import does not exist
    assert ImportJob.objects.count() == 0


def test_unreadable_file_marks_the_job_failed(django_capture_on_commit_callbacks, hub_officer):
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(user=hub_officer, uploaded_file=_upload(content="name,x\n1,2\n"))

    job.refresh_from_db()
    assert job.status == "failed"
    assert "Missing columns" in job.message
