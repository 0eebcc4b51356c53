"""The one FilterSet for the work queue: the officers' page and the API list both filter,
search and order through it (`queue.selectors.grievance_queue`)."""

from datetime import timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from champions.core.pagination import prefix_q

from .choices import OPEN_STATUSES, Category, Channel, Kind, Priority, SlaState, Status
from .models import Grievance

# The languages triage detects; Hinglish is Hindi written in the Latin script.
LANGUAGES = [("en", _("English")), ("hi", _("Hindi")), ("hinglish", _("Hinglish"))]
VIEWS = [
    ("mine", _("Assigned to me")),
    ("unassigned", _("Unassigned")),
    ("due_soon", _("Due in 2 days")),
    ("overdue", _("Overdue")),
    ("awaiting_owner", _("Awaiting the MSME")),
]
SORTS = [("newest", _("Newest first")), ("oldest", _("Oldest first")), ("due", _("Due soonest"))]


class GrievanceQueueFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_search",
        label=_("Search"),
        help_text=_("A registration number, the MSME's name or words of the complaint."),
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "accesskey": "s"}),
    )
    view = django_filters.ChoiceFilter(
        choices=VIEWS, method="filter_view", label=_("Saved view"), empty_label=_("All")
    )
    room = django_filters.NumberFilter(field_name="room_id", label=_("Control room"), min_value=1)
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
            "q",
            "view",
            "room",
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

    def __init__(self, data=None, queryset=None, *, user=None, **kwargs) -> None:
        super().__init__(data, queryset, **kwargs)
        # "mine" is the user's: given directly (a selector) or through the request (a page).
        self.user = user if user is not None else getattr(self.request, "user", None)

    def filter_min_age(self, queryset, name, value):
        return queryset.filter(lodged_at__lte=timezone.now() - timedelta(days=int(value)))

    def filter_max_age(self, queryset, name, value):
        return queryset.filter(lodged_at__gt=timezone.now() - timedelta(days=int(value) + 1))

    def filter_search(self, queryset, name, value):
        text = value.strip()
        if not text:
            return queryset
        if text.upper().startswith("CHMP/"):
            return queryset.filter(prefix_q("registration_number", text.upper()))
        return queryset.filter(
            Q(contact_name__icontains=text)
            | Q(enterprise__name__icontains=text)
            | Q(subject__icontains=text)
            | Q(description__icontains=text)
        )

    def filter_view(self, queryset, name, value):
        now = timezone.now()
        if value == "mine":
            return queryset.filter(assignee_id=getattr(self.user, "pk", None))
        if value == "unassigned":
            return queryset.filter(assignee__isnull=True, status__in=OPEN_STATUSES)
        if value == "due_soon":
            return queryset.filter(
                status__in=OPEN_STATUSES,
                resolution_due_at__gte=now,
                resolution_due_at__lt=now + timedelta(days=2),
            )
        if value == "overdue":
            return queryset.filter(status__in=OPEN_STATUSES, resolution_due_at__lt=now)
        return queryset.filter(status=Status.AWAITING_MSME)

    def filter_sort(self, queryset, name, value):
        return queryset

    @property
    def narrows(self) -> bool:
        """Whether a filter other than the status, the room (and the sort) is in force."""
        if not self.form.is_valid():
            return True
        return any(
            value not in (None, "")
            for name, value in self.form.cleaned_data.items()
            if name not in {"status", "sort", "room"}
        )

    @property
    def chosen_room(self) -> int | None:
        """The room asked for, if any: a whole room's counts still come from the tallies."""
        room = self.form.cleaned_data.get("room") if self.form.is_valid() else None
        return int(room) if room is not None else None

    @property
    def chosen_sort(self) -> str:
        if self.form.is_valid():
            return self.form.cleaned_data.get("sort") or "newest"
        return "newest"
