"""The hub's forms: a service-level policy, a holiday."""

from django import forms
from django.utils.translation import gettext_lazy as _

from champions.core.forms import ServiceErrorsMixin
from champions.core.models import State

from ..choices import (
    Category,
    Priority,
)
from ..models import MAX_SLA_DAYS
from ..services import SlaPolicyInput

FROM_LODGING_HELP = _("Working days from lodging, 1 to 365.")


def _days_field(label, help_text=FROM_LODGING_HELP) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=1, max_value=MAX_SLA_DAYS, help_text=help_text)


class SlaPolicyForm(ServiceErrorsMixin, forms.Form):
    """The hub sets the working days allowed for a category and priority."""

    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", _("Any category")), *Category.choices],
        required=False,
    )
    priority = forms.ChoiceField(
        label=_("Priority"),
        choices=[("", _("Any priority")), *Priority.choices],
        required=False,
    )
    assign_days = _days_field(_("Days to assign"))
    escalate_days = _days_field(_("Days before escalation"))
    resolve_days = _days_field(_("Days to resolve"))
    appeal_days = _days_field(
        _("Days to decide an appeal"), _("Working days from the appeal, 1 to 365.")
    )

    def __init__(self, *args, is_default: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if is_default:
            # The default applies to any category and priority; only its days change.
            for name in ("category", "priority"):
                self.fields[name].disabled = True

    def to_input(self) -> SlaPolicyInput:
        return SlaPolicyInput(**self.cleaned_data)


class HolidayForm(ServiceErrorsMixin, forms.Form):
    """The hub adds a national or state holiday to the calendar."""

    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    name = forms.CharField(label=_("Name"), max_length=100)
    state = forms.ModelChoiceField(
        label=_("State"),
        queryset=State.objects.order_by("name"),
        required=False,
        empty_label=_("National (all states)"),
        help_text=_("Leave as national for a holiday of the Government of India."),
    )
