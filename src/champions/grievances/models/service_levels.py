"""Service levels and the holiday calendar the due dates are computed from."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from ..choices import (
    Category,
    Priority,
)
from ..sla.clock import Policy  # the default service levels, written once

MAX_SLA_DAYS = 365


DAYS_VALIDATORS = [MinValueValidator(1), MaxValueValidator(MAX_SLA_DAYS)]


class SlaPolicy(models.Model):
    """Working days allowed per step, for a category and priority (blank means any).

    The most specific row wins: (category, priority), then (category, any), (any, priority),
    (any, any). The hub edits these on the service-levels page; the (any, any) row is the
    default and always exists.
    """

    category = models.CharField(max_length=20, choices=Category.choices, blank=True)
    priority = models.CharField(max_length=10, choices=Priority.choices, blank=True)
    assign_days = models.PositiveSmallIntegerField(
        default=Policy.assign_days, validators=DAYS_VALIDATORS
    )
    escalate_days = models.PositiveSmallIntegerField(
        default=Policy.escalate_days, validators=DAYS_VALIDATORS
    )
    resolve_days = models.PositiveSmallIntegerField(
        default=Policy.resolve_days, validators=DAYS_VALIDATORS
    )
    appeal_days = models.PositiveSmallIntegerField(
        default=Policy.appeal_days, validators=DAYS_VALIDATORS
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "priority"], name="one_policy_per_category_priority"
            )
        ]
        verbose_name_plural = "SLA policies"

    def __str__(self) -> str:
        return f"{self.category or 'any'} / {self.priority or 'any'}: {self.resolve_days} days"


class Holiday(models.Model):
    """A non-working day: national when `state` is empty, otherwise for that state only."""

    day = models.DateField()
    name = models.CharField(max_length=100)
    state = models.ForeignKey(
        "core.State", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["day", "state"], name="one_holiday_a_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.name}"
