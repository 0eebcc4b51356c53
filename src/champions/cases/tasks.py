"""Cases tasks: thin wrappers that call one service each."""

from django_tasks import task

from . import notices


@task()
def case_followups_task() -> None:
    """Periodic (daily): tell owners of steps due or overdue and officers of overdue cases."""
    notices.followups_notify()
