"""Background tasks of the network app: thin wrappers that call one function."""

from django_tasks import task

from .indexing import profiles_embed
from .posts import alerts_digest_send, post_alerts_create, posts_expire


@task()
def embed_profiles_task(profile_ids: list[int]) -> None:
    profiles_embed(profile_ids=profile_ids)


@task()
def post_alerts_task(post_id: int) -> None:
    post_alerts_create(post_id=post_id)


@task()
def expire_posts_task() -> None:
    posts_expire()


@task()
def alerts_digest_task() -> None:
    alerts_digest_send()
