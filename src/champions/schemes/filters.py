"""The one FilterSet for the scheme list, used by the HTML page and by the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import Agency, Kind, TargetGroup
from .models import Scheme


class SchemeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q",
        label=_("Search"),
        help_text=_("Words from the name, in English or Hindi."),
    )
    agency = django_filters.ChoiceFilter(choices=Agency.choices, label=_("Agency"))
    kind = django_filters.ChoiceFilter(choices=Kind.choices, label=_("Kind of support"))
    target_group = django_filters.ChoiceFilter(
        choices=TargetGroup.choices, method="filter_target_group", label=_("For whom")
    )

    class Meta:
        model = Scheme
        fields = ["q", "agency", "kind", "target_group"]

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name_en__icontains=value)
            | Q(name_hi__icontains=value)
            | Q(short_name__icontains=value)
        )

    def filter_target_group(self, queryset, name, value):
        return queryset.filter(target_group_tags__contains=f",{value},")
