"""Web forms of the clusters app: input shaping only; errors from the services come back here."""

from django import forms
from django.utils.translation import gettext_lazy as _

from champions.core.forms import ServiceErrorsMixin

from .choices import NeedKind, PostKind, ServiceKind
from .services import PostInput, RequestInput

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FILE_HELP = _("A PDF, JPG or PNG file of at most 5 MB.")


def _enterprise_choices(enterprises) -> list[tuple[int, str]]:
    return [(e.pk, e.name) for e in enterprises]


class DirectoryFilterForm(forms.Form):
    service = forms.ChoiceField(
        label=_("Service"), required=False, choices=[("", _("Any service")), *ServiceKind.choices]
    )


class ServiceRequestForm(ServiceErrorsMixin, forms.Form):
    service = forms.TypedChoiceField(label=_("Service"), coerce=int)
    enterprise = forms.TypedChoiceField(label=_("For which unit"), coerce=int)
    quantity = forms.IntegerField(
        label=_("Quantity or seats"),
        min_value=1,
        max_value=10_000,
        initial=1,
        help_text=_("Pieces for a job, people for a training course."),
    )
    note = forms.CharField(
        label=_("What you need"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Material, tolerances, finish and when you need it; or who will attend."),
    )
    attachment = forms.FileField(
        label=_("Drawing or note (optional)"), required=False, help_text=FILE_HELP
    )

    def __init__(self, *args, services, enterprises, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [
            (s.pk, f"{s.get_kind_display()}: {s.name}") for s in services
        ]
        self.fields["enterprise"].choices = _enterprise_choices(enterprises)

    def to_input(self) -> RequestInput:
        data = self.cleaned_data
        return RequestInput(
            service_id=data["service"],
            enterprise_id=data["enterprise"],
            note=data["note"],
            quantity=data["quantity"],
        )


class QuoteForm(ServiceErrorsMixin, forms.Form):
    quote_inr = forms.IntegerField(
        label=_("Price (₹)"), min_value=1, help_text=_("The whole price, taxes included.")
    )
    note = forms.CharField(
        label=_("Note to the unit"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ScheduleForm(ServiceErrorsMixin, forms.Form):
    scheduled_for = forms.DateField(label=_("Day the work or course starts"), widget=DATE_WIDGET)


class StaffNoteForm(ServiceErrorsMixin, forms.Form):
    note = forms.CharField(
        label=_("Note to the unit"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RateForm(ServiceErrorsMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was it?"),
        coerce=int,
        widget=forms.RadioSelect,
        choices=[(5, _("5 - excellent")), (4, "4"), (3, "3"), (2, "2"), (1, _("1 - poor"))],
    )
    note = forms.CharField(
        label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class EnterpriseForm(ServiceErrorsMixin, forms.Form):
    enterprise = forms.TypedChoiceField(label=_("Your unit"), coerce=int)

    def __init__(self, *args, enterprises, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].choices = _enterprise_choices(enterprises)


class NeedForm(EnterpriseForm):
    kind = forms.ChoiceField(label=_("The unit needs"), choices=NeedKind.choices)


class PostForm(ServiceErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PostKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    event_on = forms.DateField(label=_("Date of the event"), required=False, widget=DATE_WIDGET)
    document = forms.FileField(label=_("Document"), required=False, help_text=FILE_HELP)
    is_private = forms.BooleanField(
        label=_("Members only"),
        required=False,
        help_text=_("Only the cluster's members will see it."),
    )

    def to_input(self) -> PostInput:
        data = self.cleaned_data
        return PostInput(
            kind=data["kind"],
            title=data["title"],
            body=data["body"],
            event_on=data["event_on"],
            is_private=data["is_private"],
        )
