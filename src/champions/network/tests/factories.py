"""Profiles for tests, indexed as the services index them (declared codes at once)."""

import factory

from champions.network import indexing
from champions.network.choices import ProfileKind, ReviewStatus
from champions.network.models import Profile


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        skip_postgeneration_save = True

    kind = ProfileKind.FOREIGN
    name = factory.Sequence(lambda n: f"Partner {n}")
    country = "DE"
    description = "We make knitted garments."
    review_status = ReviewStatus.APPROVED

    @factory.post_generation
    def index(obj, create, extracted, **kwargs):
        if create:
            indexing.declared_tags_write(obj)
