"""GeM tasks: thin wrappers, safe to run twice (a refresh just asks again)."""

from django_tasks import task

from . import services


@task()
def refresh_seller_task(seller_pk: int) -> None:
    services.gem_seller_refresh(seller_pk=seller_pk)


@task()
def refresh_bid_task(bid_pk: int) -> None:
    services.gem_bid_refresh(bid_pk=bid_pk)


@task()
def refresh_gem_task() -> int:
    return services.gem_refresh_all()
