"""Background tasks of the network app: thin wrappers that call one function."""

from django_tasks import task

from .indexing import profiles_embed


@task()
def embed_profiles_task(profile_ids: list[int]) -> None:
    profiles_embed(profile_ids=profile_ids)
