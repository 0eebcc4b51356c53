"""enqueue_on_commit: a task exists only if the transaction that started it commits."""

import pytest
from django.db import transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from champions.core.enqueue import enqueue_on_commit
from champions.core.tasks import reclaim_abandoned_tasks_task

pytestmark = pytest.mark.django_db

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMMEDIATE_BACKEND = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Refused(Exception):
    pass


@override_settings(TASKS=DATABASE_BACKEND)
def test_the_database_backend_writes_the_row_inside_the_transaction():
    with transaction.atomic():
        enqueue_on_commit(reclaim_abandoned_tasks_task)
        # No on-commit callback needed: the row is part of this transaction's work.
        assert DBTaskResult.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


@override_settings(TASKS=DATABASE_BACKEND)
def test_a_rolled_back_transaction_leaves_no_task_row():
    def start_then_fail():
        with transaction.atomic():
            enqueue_on_commit(reclaim_abandoned_tasks_task)
            raise Refused

    with pytest.raises(Refused):
        start_then_fail()
    assert DBTaskResult.objects.count() == 0


@override_settings(TASKS=IMMEDIATE_BACKEND)
def test_another_backend_is_called_only_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enqueue_on_commit(reclaim_abandoned_tasks_task)
    assert len(callbacks) == 1
