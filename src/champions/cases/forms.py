"""Web forms of the cases app: input shaping only (the services check everything)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from champions.core.forms import ServiceErrorsMixin

from .choices import CaseOutcome

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _people(people) -> list[tuple[str, str]]:
    seen: dict[int, str] = {}
    for person in people:
        seen.setdefault(person.pk, person.full_name or person.email)
    return [("", _("Choose…")), *((str(pk), name) for pk, name in seen.items())]


class CaseOpenForm(ServiceErrorsMixin, forms.Form):
    goal = forms.CharField(
        label=_("Goal of the help"),
        max_length=300,
        help_text=_("What the unit should have at the end, e.g. a CGTMSE loan sanctioned."),
    )


class AssignForm(ServiceErrorsMixin, forms.Form):
    assignee = forms.TypedChoiceField(label=_("Officer"), coerce=int, empty_value=None)

    def __init__(self, *args, officers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = _people(officers)


class StepForm(ServiceErrorsMixin, forms.Form):
    title = forms.CharField(label=_("Next step"), max_length=300)
    owner = forms.TypedChoiceField(label=_("Who takes it"), coerce=int, empty_value=None)
    due_on = forms.DateField(label=_("Due on"), widget=DATE_WIDGET)
    service_field_names = {"owner": "owner"}

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = _people(owners)


class NoteForm(ServiceErrorsMixin, forms.Form):
    body = forms.CharField(
        label=_("Follow-up note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CloseForm(ServiceErrorsMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CaseOutcome.choices)
    outcome_note = forms.CharField(
        label=_("What happened"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class QueueForm(forms.Form):
    view = forms.ChoiceField(
        required=False,
        choices=[
            ("open", _("Open")),
            ("mine", pgettext_lazy("cases", "Assigned to me")),
            ("overdue", _("Past the follow-up date")),
            ("closed", _("Closed")),
        ],
    )
