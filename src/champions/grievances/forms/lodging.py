"""Lodging forms: the MSME's (with files) and the officers' intake of a phone call or letter."""

import uuid

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from champions.core.forms import ServiceErrorsMixin
from champions.core.models import District, State
from champions.registry.selectors import enterprise_queryset_for_user

from ..choices import (
    OFFICER_INTAKE_CHANNELS,
    Category,
    Channel,
    ComplainantType,
    Kind,
)
from ..services import MAX_DESCRIPTION, GrievanceInput

DESCRIPTION_HELP = _("Up to 10,000 characters, in English, Hindi or Hinglish.")


ATTACHMENTS_HELP = _("Up to 5 files: PDF, JPG or PNG, each at most 5 MB.")


ASPIRING, ASSOCIATION = ComplainantType.ASPIRING.value, ComplainantType.ASSOCIATION.value


def blank_choices(choices) -> list[tuple[str, str]]:
    return [("", "---------"), *choices]


def new_token() -> str:
    """A one-time token for a rendered form: a second POST with it is a double submission."""
    return uuid.uuid4().hex


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one <input type=file multiple>; the service checks their content."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png", "multiple": True})
        )
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def _description_field() -> forms.CharField:
    return forms.CharField(
        label=_("Description"),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=DESCRIPTION_HELP,
    )


class LodgeForm(ServiceErrorsMixin, forms.Form):
    """An entrepreneur lodges a grievance or a suggestion."""

    service_field_names = {"enterprise": "on_behalf_of", "complainant_type": "on_behalf_of"}

    on_behalf_of = forms.ChoiceField(label=_("On behalf of"))
    kind = forms.ChoiceField(
        label=_("This is a"), choices=Kind.choices, initial=Kind.GRIEVANCE, widget=forms.RadioSelect
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = _description_field()
    category = forms.ChoiceField(
        label=_("Category"),
        choices=blank_choices(Category.choices),
        required=False,
        help_text=_("Leave blank and we will suggest one."),
    )
    attachments = MultipleFileField(label=_("Attachments"), help_text=ATTACHMENTS_HELP)
    token = forms.CharField(widget=forms.HiddenInput, max_length=100)

    def __init__(self, *args, user, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault("token", new_token())
        super().__init__(*args, **kwargs)
        enterprises = enterprise_queryset_for_user(user=user).order_by("name")
        self.fields["on_behalf_of"].choices = [
            *[(str(e.pk), e.name) for e in enterprises],
            (ASPIRING, _("I am an aspiring entrepreneur")),
            (ASSOCIATION, _("An industry association")),
        ]

    def to_input(self) -> GrievanceInput:
        data = self.cleaned_data
        on_behalf_of = data["on_behalf_of"]
        is_enterprise = on_behalf_of not in {ASPIRING, ASSOCIATION}
        return GrievanceInput(
            subject=data["subject"],
            description=data["description"],
            kind=data["kind"],
            complainant_type=ComplainantType.ENTERPRISE if is_enterprise else on_behalf_of,
            enterprise_id=int(on_behalf_of) if is_enterprise else None,
            category=data["category"],
        )


class IntakeForm(ServiceErrorsMixin, forms.Form):
    """An officer records a grievance received by phone, video call, e-mail or letter."""

    service_field_names = {"enterprise": "udyam_number", "district_id": "district"}

    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[(c.value, c.label) for c in OFFICER_INTAKE_CHANNELS],
        initial=Channel.PHONE,
    )
    contact_name = forms.CharField(label=_("Name of the MSME contact"), max_length=150)
    contact_phone = forms.CharField(
        label=_("Mobile number"),
        max_length=10,
        required=False,
        help_text=_("10 digits. A mobile number or an e-mail address is needed."),
    )
    contact_email = forms.EmailField(label=_("E-mail"), required=False)
    complainant_type = forms.ChoiceField(
        label=_("The complainant is"),
        choices=ComplainantType.choices,
        initial=ComplainantType.ENTERPRISE,
    )
    udyam_number = forms.CharField(
        label=_("Udyam number of the enterprise"),
        max_length=19,
        required=False,
        help_text=_("Optional: an enterprise in your scope, e.g. UDYAM-MH-26-0012345."),
    )
    state = forms.ModelChoiceField(label=_("State"), queryset=State.objects.all(), required=False)
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.none(),
        required=False,
        help_text=_("Decides the control room when no enterprise is given; else the hub."),
    )
    kind = forms.ChoiceField(
        label=_("This is a"), choices=Kind.choices, initial=Kind.GRIEVANCE, widget=forms.RadioSelect
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = _description_field()
    category = forms.ChoiceField(
        label=_("Category"),
        choices=blank_choices(Category.choices),
        required=False,
        help_text=_("Leave blank and we will suggest one."),
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=100)

    def __init__(self, *args, user, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault("token", new_token())
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["state"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("web:registry:district_options"),
                "hx-target": f"#{self['district'].auto_id}",
                "hx-trigger": "change",
            }
        )
        state = self.data.get("state", "") if self.is_bound else ""
        if state.isdigit():
            self.fields["district"].queryset = District.objects.filter(state_id=int(state))

    def clean_udyam_number(self) -> int | None:
        """The id of the enterprise with this Udyam number in the officer's scope."""
        number = self.cleaned_data["udyam_number"].strip().upper()
        if not number:
            return None
        enterprise_id = (
            enterprise_queryset_for_user(user=self.user)
            .filter(udyam_number=number)
            .values_list("pk", flat=True)
            .first()
        )
        if enterprise_id is None:
            raise forms.ValidationError(_("No enterprise with this Udyam number in your scope."))
        return enterprise_id

    def to_input(self) -> GrievanceInput:
        data = self.cleaned_data
        district = data.get("district")
        return GrievanceInput(
            subject=data["subject"],
            description=data["description"],
            kind=data["kind"],
            complainant_type=data["complainant_type"],
            enterprise_id=data.get("udyam_number"),
            category=data["category"],
            contact_name=data["contact_name"],
            contact_email=data.get("contact_email", ""),
            contact_phone=data.get("contact_phone", "").strip(),
            district_id=district.pk if district else None,
        )
