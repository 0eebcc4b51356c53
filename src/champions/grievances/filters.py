"""The one FilterSet for the officers' work queue, used by the HTML page (and the API list)."""

from datetime import timedelta

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Category, Channel, Kind, Priority, SlaState, Status
from .models import Grievance

# The languages triage detects; Hinglish is Hindi written in the Latin script.
LANGUAGES = [("en", _("English")), ("hi", _("Hindi")), ("hinglish", _("Hinglish"))]
SORTS = [("newest", _("Newest first")), ("oldest", _("Oldest first")), ("due", _("Due soonest"))]


class GrievanceQueueFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Status.choices, label=_("Status"))
    category = django_filters.ChoiceFilter(choices=Category.choices, label=_("Category"))
    priority = django_filters.ChoiceFilter(choices=Priority.choices, label=_("Priority"))
    sla_state = django_filters.ChoiceFilter(choices=SlaState.choices, label=_("Service level"))
    channel = django_filters.ChoiceFilter(choices=Channel.choices, label=_("Channel"))
    language = django_filters.ChoiceFilter(choices=LANGUAGES, label=_("Language"))
    kind = django_filters.ChoiceFilter(choices=Kind.choices, label=_("Kind"))
    min_age = django_filters.NumberFilter(
        method="filter_min_age",
        label=_("At least this many days old"),
        min_value=0,
        max_value=3650,
    )
    max_age = django_filters.NumberFilter(
        method="filter_max_age",
        label=_("At most this many days old"),
        min_value=0,
        max_value=3650,
    )
    # Sorting is applied by the keyset pager (selectors.grievance_queue_page), which needs to
    # know the order to build its cursors; the filter only validates the choice.
    sort = django_filters.ChoiceFilter(
        choices=SORTS, method="filter_sort", label=_("Sort"), empty_label=None
    )

    class Meta:
        model = Grievance
        fields = [
            "status",
            "category",
            "priority",
            "sla_state",
            "channel",
            "language",
            "kind",
            "min_age",
            "max_age",
            "sort",
        ]

    def filter_min_age(self, queryset, name, value):
        return queryset.filter(lodged_at__lte=timezone.now() - timedelta(days=int(value)))

    def filter_max_age(self, queryset, name, value):
        return queryset.filter(lodged_at__gt=timezone.now() - timedelta(days=int(value) + 1))

    def filter_sort(self, queryset, name, value):
        return queryset

    @property
    def narrows(self) -> bool:
        """Whether a filter other than the status (and the sort) is in force."""
        if not self.form.is_valid():
            return True
        return any(
            value not in (None, "")
            for name, value in self.form.cleaned_data.items()
            if name not in {"status", "sort"}
        )

    @property
    def chosen_sort(self) -> str:
        if self.form.is_valid():
            return self.form.cleaned_data.get("sort") or "newest"
        return "newest"
