"""Web forms for grievances: they shape input for the services and carry their errors back."""

import uuid

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from champions.core.forms import ServiceErrorsMixin
from champions.core.models import District, State
from champions.registry.selectors import enterprise_queryset_for_user

from .choices import (
    OFFICER_INTAKE_CHANNELS,
    Category,
    Channel,
    ComplainantType,
    Kind,
    Priority,
    TriageField,
)
from .models import MAX_SLA_DAYS
from .selectors import referral_organisation_list
from .services import MAX_DESCRIPTION, GrievanceInput, SlaPolicyInput
from .workflow import Action

ACTION_LABELS = {
    Action.ASSIGN: _("Assign to me"),
    Action.START: _("Start work"),
    Action.ASK_MSME: _("Ask the MSME for information"),
    Action.MSME_REPLY: _("I have replied"),
    Action.RESOLVE: _("Mark resolved"),
    Action.REOPEN: _("Reopen"),
    Action.CLOSE: _("Close"),
    Action.APPEAL: _("Appeal"),
    Action.DECIDE_APPEAL: _("Decide the appeal"),
    Action.REFER: _("Refer to another department"),
}
DESCRIPTION_HELP = _("Up to 10,000 characters, in English, Hindi or Hinglish.")
ATTACHMENTS_HELP = _("Up to 5 files: PDF, JPG or PNG, each at most 5 MB.")
ASPIRING, ASSOCIATION = ComplainantType.ASPIRING.value, ComplainantType.ASSOCIATION.value


def _blank(choices) -> list[tuple[str, str]]:
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
        choices=_blank(Category.choices),
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
        choices=_blank(Category.choices),
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


class TransitionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a.value, a.value) for a in Action])
    note = forms.CharField(
        label=_("Note"), max_length=MAX_DESCRIPTION, required=False, widget=forms.Textarea
    )


class MessageForm(ServiceErrorsMixin, forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 5, "accesskey": "r"}),
    )
    is_internal = forms.BooleanField(
        label=_("Internal note (only officers see it)"), required=False
    )
    attachments = MultipleFileField(label=_("Attachments"), help_text=ATTACHMENTS_HELP)

    def __init__(self, *args, is_officer: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not is_officer:
            del self.fields["is_internal"]


class RatingForm(ServiceErrorsMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How well was your grievance resolved?"),
        choices=[
            ("5", _("5 — very well")),
            ("4", _("4 — well")),
            ("3", _("3 — acceptably")),
            ("2", _("2 — poorly")),
            ("1", _("1 — not at all")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_(
            "Rating closes the grievance. After a rating of 1 or 2 you are offered an appeal "
            "to the hub."
        ),
    )
    comment = forms.CharField(
        label=_("Comment"), max_length=MAX_DESCRIPTION, required=False, widget=forms.Textarea
    )


def _room_choices(rooms) -> list[tuple[str, str]]:
    return _blank([(str(room.pk), room.name) for room in rooms])


class TransferForm(ServiceErrorsMixin, forms.Form):
    room = forms.TypedChoiceField(label=_("Transfer to"), coerce=int)
    reason = forms.CharField(
        label=_("Reason for the transfer"), max_length=1000, widget=forms.Textarea
    )

    def __init__(self, *args, rooms, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["room"].choices = _room_choices(rooms)


class ReferralForm(ServiceErrorsMixin, forms.Form):
    """An officer refers the matter to another department or ministry, which resolves it here."""

    organisation = forms.ChoiceField(
        label=_("Refer to"),
        help_text=_(
            "A department or ministry of the Government of India, or the State Government."
        ),
    )
    reason = forms.CharField(
        label=_("Reason for the referral"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The MSME sees this reason; the grievance is marked resolved here."),
    )

    def __init__(self, *args, **kwargs) -> None:
        # Its own ids: the transfer form on the same page has a "reason" too.
        kwargs.setdefault("auto_id", "id_referral_%s")
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = _blank(
            [(name, name) for name in referral_organisation_list()]
        )


class TriageDecisionForm(forms.Form):
    """An officer's one-click answer to a prediction: the field and the value to keep (the
    predicted one to accept it). The service checks the value against the field's list."""

    field = forms.ChoiceField(choices=TriageField.choices)
    chosen = forms.CharField(max_length=200)


class AssignForm(ServiceErrorsMixin, forms.Form):
    # The choices only help the officer; the service checks who may hold the grievance.
    assignee = forms.IntegerField(label=_("Assign to"), widget=forms.Select)

    def __init__(self, *args, officers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].widget.choices = _blank(
            [(str(officer.pk), str(officer)) for officer in officers]
        )


class MergeForm(ServiceErrorsMixin, forms.Form):
    primary = forms.CharField(
        label=_("Registration number of the grievance to keep"),
        max_length=24,
        help_text=_("This grievance is closed as its duplicate."),
    )


class IdListField(forms.Field):
    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        if not value:
            return []
        try:
            return [int(item) for item in value]
        except (TypeError, ValueError) as exc:
            raise forms.ValidationError(_("Choose grievances from the list.")) from exc


class BulkForm(ServiceErrorsMixin, forms.Form):
    """Bulk work on the queue: shown once to confirm, then applied."""

    ASSIGN_TO_ME, TRANSFER = "assign_to_me", "transfer"

    ids = IdListField(
        label=_("Grievances"),
        error_messages={"required": _("Choose at least one grievance.")},
    )
    operation = forms.ChoiceField(
        label=_("Action"),
        choices=[(ASSIGN_TO_ME, _("Assign to me")), (TRANSFER, _("Transfer"))],
    )
    room = forms.TypedChoiceField(
        label=_("Transfer to"), coerce=int, required=False, empty_value=None
    )
    reason = forms.CharField(label=_("Reason for the transfer"), max_length=1000, required=False)
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, rooms, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["room"].choices = _room_choices(rooms)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("operation") == self.TRANSFER:
            if not data.get("room"):
                self.add_error("room", _("Choose a control room."))
            if not (data.get("reason") or "").strip():
                self.add_error("reason", _("Give a reason."))
        return data


class TrackForm(forms.Form):
    registration_number = forms.CharField(
        label=_("Registration number"),
        max_length=24,
        help_text=_("As in the acknowledgement, e.g. CHMP/2026/MH/0001234."),
    )
    contact = forms.CharField(
        label=_("Registered mobile number or e-mail"),
        max_length=254,
        help_text=_("The one given when the grievance was lodged."),
    )


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
