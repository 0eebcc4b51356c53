"""Writes to the scheme catalogue: loading the data files and the hub's edits, each versioned."""

from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from champions.core.errors import NotFound, ValidationFailed

from . import selectors
from .catalogue import SCHEMES_DIR, fingerprint, load_scheme_files, scheme_errors
from .choices import VersionSource
from .models import Scheme, SchemeVersion


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _apply(scheme: Scheme, data: dict) -> None:
    """Copy the entry, and the columns lists filter on, onto the row."""
    scheme.slug = data["id"]
    scheme.name_en = data["name_en"]
    scheme.name_hi = data["name_hi"]
    scheme.short_name = data.get("short_name", "")
    scheme.agency = data["agency"]
    scheme.kind = data["kind"]
    scheme.target_groups = list(data.get("target_groups", []))
    scheme.target_group_tags = "," + ",".join(scheme.target_groups) + ","
    scheme.is_finance = bool(data.get("is_finance"))
    scheme.needs_verification = bool(data.get("needs_verification"))
    scheme.last_verified = _day(data.get("last_verified"))
    scheme.valid_from = _day(data.get("valid_from"))
    scheme.valid_to = _day(data.get("valid_to"))
    scheme.data = data


def changed_keys(before: dict, after: dict) -> list[str]:
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def _version_write(scheme: Scheme, *, source: str, changed: list[str], summary: str, actor=None):
    return SchemeVersion.objects.create(
        scheme=scheme,
        number=scheme.version,
        data=scheme.data,
        source=source,
        changed_fields=changed,
        summary=summary[:300],
        changed_by=actor if actor is not None and actor.is_authenticated else None,
    )


@transaction.atomic
def catalogue_load(*, directory: Path = SCHEMES_DIR) -> dict[str, int]:
    """Load the scheme files; unchanged files are skipped, so a second run writes nothing.

    A changed file replaces the entry (the repository is the reference) and writes a version.
    """
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    entries = load_scheme_files(directory)
    errors = {entry.get("id", "?"): scheme_errors(entry) for entry in entries}
    errors = {k: v for k, v in errors.items() if v}
    if errors:
        raise ValidationFailed(_("Some scheme files are invalid."), errors=errors)
    for entry in entries:
        print_ = fingerprint(entry)
        scheme = Scheme.objects.filter(slug=entry["id"]).first()
        if scheme is not None and scheme.file_fingerprint == print_:
            counts["unchanged"] += 1
            continue
        if scheme is None:
            scheme, changed, key = Scheme(version=1), sorted(entry), "created"
        else:
            changed, key = changed_keys(scheme.data, entry), "updated"
            scheme.version += 1
        _apply(scheme, entry)
        scheme.file_fingerprint = print_
        scheme.full_clean()
        scheme.save()
        _version_write(
            scheme,
            source=VersionSource.FILE,
            changed=changed,
            summary=_("Loaded from the data file (version %(v)s).") % {"v": entry.get("version")},
        )
        counts[key] += 1
    return counts


@transaction.atomic
def scheme_update(*, actor, slug: str, data: dict, summary: str) -> Scheme:
    """The hub's edit of an entry: checked like a data file, saved with a new version.

    Only hub officers and administrators edit; to anyone else the scheme does not exist.
    A save that changes nothing writes no version.
    """
    if not selectors.user_edits_catalogue(actor):
        raise NotFound(_("No such scheme."))
    scheme = Scheme.objects.select_for_update().filter(slug=slug).first()
    if scheme is None:
        raise NotFound(_("No such scheme."))
    errors = scheme_errors(data)
    if data.get("id") != slug:
        errors.append(_("The identifier cannot change."))
    if not summary.strip():
        raise ValidationFailed(
            _("Please correct the errors below."),
            errors={"summary": [_("Say what changed and why.")]},
        )
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors={"data": errors})
    changed = changed_keys(scheme.data, data)
    if not changed:
        return scheme
    _apply(scheme, data)
    scheme.version += 1
    scheme.full_clean()
    scheme.save()
    _version_write(
        scheme, source=VersionSource.EDIT, changed=changed, summary=summary.strip(), actor=actor
    )
    return scheme


# Anonymous counts of eligibility checks (the MIS dashboard's schemes panel).
from .check_counts import eligibility_check_record  # noqa: E402, F401
