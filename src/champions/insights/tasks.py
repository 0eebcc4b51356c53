"""Insights tasks: thin wrappers for the periodic jobs."""

from django_tasks import task

from . import services


@task()
def systemic_clusters_task() -> None:
    services.systemic_clusters_refresh()


@task()
def rollups_catch_up_task() -> None:
    services.rollups_catch_up_all()


@task()
def rollups_rebuild_task() -> None:
    services.rollups_rebuild()


@task()
def weekly_summary_task() -> None:
    services.weekly_summary_send()
