"""An enterprise's compliance situation and the log of reminders sent for its due dates."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import GstFiling

MAX_REMIND_DAYS_BEFORE = 30


class ComplianceProfile(models.Model):
    """The facts about an enterprise that decide its compliance calendar, as last saved.

    Before anyone saves one, the calendar uses facts prefilled from the registry.
    """

    enterprise = models.OneToOneField(
        "registry.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    is_gst_registered = models.BooleanField(_("registered for GST"), default=False)
    gst_filing = models.CharField(
        _("GST return filing"), max_length=10, choices=GstFiling.choices, default=GstFiling.MONTHLY
    )
    turnover_inr = models.PositiveBigIntegerField(_("turnover (₹)"), default=0)
    state_code = models.CharField(_("state of GST registration"), max_length=2, blank=True)
    employees = models.PositiveIntegerField(_("employees"), default=0)
    is_company = models.BooleanField(_("a company"), default=False)
    is_tds_deductor = models.BooleanField(_("deducts tax at source (TDS)"), default=False)
    pays_advance_tax = models.BooleanField(_("pays advance tax"), default=False)
    is_presumptive_taxpayer = models.BooleanField(_("taxed on presumptive income"), default=False)
    owes_mse_suppliers_over_45_days = models.BooleanField(
        _("owes micro or small suppliers beyond 45 days"), default=False
    )
    reminders_enabled = models.BooleanField(_("send reminders"), default=True)
    remind_days_before = models.PositiveSmallIntegerField(
        _("days before a due date to remind"), default=3
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(remind_days_before__lte=MAX_REMIND_DAYS_BEFORE),
                name="compliance_remind_at_most_30_days_before",
            ),
        ]
        indexes = [models.Index(fields=["reminders_enabled"], name="compliance_reminders_on")]

    def __str__(self) -> str:
        return f"Compliance profile of enterprise {self.enterprise_id}"


class Reminder(models.Model):
    """A reminder sent for one due date of one obligation of one enterprise.

    The unique constraint is what makes the daily job idempotent: a due date is reminded once.
    """

    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    obligation_code = models.CharField(max_length=40)
    due_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-due_on", "obligation_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "obligation_code", "due_on"],
                name="one_reminder_per_due_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.obligation_code} {self.due_on}"
