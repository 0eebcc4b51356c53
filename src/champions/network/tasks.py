"""Background tasks of the network app: thin wrappers that call one function."""

from django_tasks import task

from . import indexing, posts


@task()
def embed_profiles_task(profile_ids: list[int]) -> None:
    indexing.profiles_embed(profile_ids=profile_ids)


@task()
def post_alerts_task(post_id: int) -> None:
    posts.post_alerts_create(post_id=post_id)


@task()
def expire_posts_task() -> None:
    posts.posts_expire()


@task()
def alerts_digest_task() -> None:
    posts.alerts_digest_send()
