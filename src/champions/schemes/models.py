"""The scheme catalogue in the database: the current entry and its immutable versions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .catalogue import localized
from .choices import Agency, Kind, VersionSource


class Scheme(models.Model):
    """A scheme or instrument as it stands now. `data` is the whole catalogue entry (texts,
    rules, benefits, documents, sources); the columns copy what lists filter on."""

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=250)
    name_hi = models.CharField(_("name (Hindi)"), max_length=250)
    short_name = models.CharField(_("short name"), max_length=60)
    agency = models.CharField(_("agency"), max_length=20, choices=Agency.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    target_groups = models.JSONField(_("target groups"), default=list)
    # ",women,sc_st,": JSON containment is not available on SQLite, a LIKE on this is.
    target_group_tags = models.CharField(max_length=300, blank=True, editable=False)
    is_finance = models.BooleanField(_("credit or guarantee product"), default=False)
    needs_verification = models.BooleanField(_("to be verified"), default=False)
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    data = models.JSONField(_("catalogue entry"))
    version = models.PositiveIntegerField(_("version"), default=1)
    # The fingerprint of the data file last loaded: the loader skips files that did not change.
    file_fingerprint = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.short_name or self.name_en

    @property
    def name(self) -> str:
        return localized(self.data, "name")


class SchemeVersion(models.Model):
    """An immutable snapshot written at every change: who, when, what changed and why."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    source = models.CharField(max_length=4, choices=VersionSource.choices)
    changed_fields = models.JSONField(default=list)
    summary = models.CharField(max_length=300, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "number"], name="scheme_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.scheme_id} v{self.number}"


class EligibilityCheckCount(models.Model):
    """How many eligibility checks were made on a day, per state and sector answered, and how
    many of them matched each scheme (`scheme_id` "": the checks themselves). Counts only: no
    answer, person, enterprise or session is kept."""

    day = models.DateField()
    state = models.CharField(max_length=3, blank=True)  # as answered; "" when not answered
    sector = models.CharField(max_length=20, blank=True)
    scheme_id = models.CharField(max_length=60, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "state", "sector", "scheme_id"], name="one_check_count"
            )
        ]
        indexes = [models.Index(fields=["day", "scheme_id"], name="check_count_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.state} {self.scheme_id or '*'}: {self.count}"
