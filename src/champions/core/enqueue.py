"""Start a task only if the current transaction commits, in as few commits as the backend allows."""

from django.db import DEFAULT_DB_ALIAS, router, transaction


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Enqueue `task(*args, **kwargs)` so that it exists only if the current transaction commits.

    With the database backend storing its rows in the default database, the task row is written
    inside the transaction: the worker cannot see it before the commit, a rollback takes it
    away, and no commit of its own is spent (docs/PERFORMANCE.md, "Lodging profile"). Any other
    backend (RQ, immediate, dummy) is called after the commit, as before.
    """
    if transaction.get_connection().in_atomic_block and _rows_in_default_database(task):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))


def _rows_in_default_database(task) -> bool:
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    return (
        isinstance(task.get_backend(), DatabaseBackend)
        and router.db_for_write(DBTaskResult) == DEFAULT_DB_ALIAS
    )
