"""The enterprise registry: Udyam-style records, their category history and bulk imports."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Left
from django.utils.translation import gettext_lazy as _

from .choices import Activity, Category, Gender, ImportStatus, OrganisationType, SocialCategory

UDYAM_DISTRICT_PREFIX = len("UDYAM-XX-00")  # the state and district part of a Udyam number


class Enterprise(models.Model):
    """An enterprise: an Indian MSME with a Udyam number, or a foreign profile for networking.

    `category` is derived by the classification engine from the figures and kept in step by
    the services; `category_changes` keeps its history.
    """

    udyam_number = models.CharField(
        _("Udyam registration number"), max_length=19, unique=True, null=True, blank=True
    )
    name = models.CharField(_("name"), max_length=200)
    # Lower-cased name, indexed for fast prefix search at national scale.
    name_key = models.CharField(max_length=200, db_index=True, editable=False)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=20, choices=OrganisationType.choices
    )
    country = models.CharField(
        _("country"), max_length=2, default="IN", help_text=_("ISO 3166 two-letter code.")
    )
    owner_name = models.CharField(_("owner's name"), max_length=150, blank=True)
    owner_gender = models.CharField(
        _("owner's gender"), max_length=12, choices=Gender.choices, blank=True
    )
    owner_social_category = models.CharField(
        _("owner's social category"), max_length=8, choices=SocialCategory.choices, blank=True
    )
    owner_specially_abled = models.BooleanField(_("owner is specially-abled"), default=False)
    address = models.CharField(_("address"), max_length=300, blank=True)
    state = models.ForeignKey(
        "core.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("state"),
        db_index=False,  # (state, category) below leads with it: one index less per insert
    )
    district = models.ForeignKey(
        "core.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
        db_index=False,  # (district, category) below leads with it: one index less per insert
    )
    pincode = models.CharField(_("pincode"), max_length=6, blank=True)
    nic_codes = models.JSONField(_("NIC codes"), default=list)
    primary_nic = models.CharField(_("main NIC code"), max_length=5, blank=True, db_index=True)
    major_activity = models.CharField(_("major activity"), max_length=15, choices=Activity.choices)
    commenced_on = models.DateField(_("date of commencement"), null=True, blank=True)
    investment_inr = models.PositiveBigIntegerField(
        _("investment in plant & machinery or equipment (₹)")
    )
    turnover_inr = models.PositiveBigIntegerField(_("turnover (₹)"))
    export_turnover_inr = models.PositiveBigIntegerField(_("export turnover (₹)"), default=0)
    employees = models.PositiveIntegerField(_("employees"), default=0)
    category = models.CharField(_("category"), max_length=6, choices=Category.choices)
    classification_rule = models.CharField(max_length=40)
    classified_on = models.DateField()
    representatives = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="enterprises"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["state", "category"]),
            models.Index(fields=["district", "category"]),
            models.Index(fields=["category", "major_activity"]),
            # "UDYAM-XX-00" (state and district), then id: a Udyam prefix search reads its
            # newest page straight from this index, however few numbers match (at 10 M rows a
            # rare prefix made PostgreSQL walk the id index backwards through every row).
            models.Index(
                Left("udyam_number", UDYAM_DISTRICT_PREFIX), "id", name="enterprise_udyam_district"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(country="IN", udyam_number__isnull=False)
                | ~models.Q(country="IN"),
                name="indian_enterprise_has_udyam",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_foreign(self) -> bool:
        return self.country != "IN"


class CategoryChange(models.Model):
    """One entry in an enterprise's category history, written when its category changes."""

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="category_changes"
    )
    category = models.CharField(max_length=6, choices=Category.choices)
    previous_category = models.CharField(max_length=6, choices=Category.choices, blank=True)
    rule = models.CharField(max_length=40)
    investment_inr = models.PositiveBigIntegerField()
    turnover_inr = models.PositiveBigIntegerField()
    export_turnover_inr = models.PositiveBigIntegerField()
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.enterprise_id}: {self.previous_category or '-'} → {self.category}"


class ImportJob(models.Model):
    """A bulk import of enterprises from a CSV or XLSX file, with its progress and row report."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    stored_path = models.CharField(max_length=500)
    status = models.CharField(
        max_length=12, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, help_text="[[row number, column, message], ...]")
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import {self.pk}: {self.file_name}"

    @property
    def percent(self) -> int:
        if self.status == ImportStatus.DONE:
            return 100
        if not self.total_rows:
            return 0
        # Checking rows is most of the work; saving is the last 10 %.
        return min(90, int(90 * self.processed_rows / self.total_rows))

    @property
    def is_finished(self) -> bool:
        return self.status in {ImportStatus.DONE, ImportStatus.FAILED}
