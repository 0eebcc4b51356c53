"""Forms of the grievance page and the queue: moves, messages, rating, transfer, referral,
assignment, merging, bulk work, triage decisions, and public tracking."""

from django import forms
from django.utils.translation import gettext_lazy as _

from champions.core.forms import ServiceErrorsMixin
from champions.core.pickers import Pick, pick_choices, picks_matching

from ..choices import (
    TriageField,
)
from ..selectors import organisation_hindi_name, referral_organisation_list
from ..services import MAX_DESCRIPTION
from ..workflow.table import Action
from .lodging import ATTACHMENTS_HELP, MultipleFileField, blank_choices

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


def _room_picks(rooms) -> list[Pick]:
    return [Pick(str(room.pk), room.name, room.name_hi) for room in rooms]


def _room_choices(rooms) -> list[tuple[str, str]]:
    return pick_choices(_room_picks(rooms))


class PickerMixin:
    """A form with one searchable picker (`core.pickers`): an unbound form offers only the
    choices matching `query`; a bound one accepts any of them."""

    def picker_set(self, name: str, picks: list[Pick], query: str) -> None:
        shown = picks if self.is_bound else picks_matching(picks, query)
        self.fields[name].choices = pick_choices(shown)
        self.picker = {"query": query.strip(), "shown": len(shown), "total": len(picks)}


class TransferForm(PickerMixin, ServiceErrorsMixin, forms.Form):
    room = forms.TypedChoiceField(label=_("Transfer to"), coerce=int)
    # The room the officer saw the grievance in: a transfer made meanwhile is not overridden.
    from_room = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    reason = forms.CharField(
        label=_("Reason for the transfer"), max_length=1000, widget=forms.Textarea
    )

    def __init__(self, *args, rooms, query: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.picker_set("room", _room_picks(rooms), query)


class ReferralForm(PickerMixin, ServiceErrorsMixin, forms.Form):
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

    def __init__(self, *args, query: str = "", **kwargs) -> None:
        # Its own ids: the transfer form on the same page has a "reason" too.
        kwargs.setdefault("auto_id", "id_referral_%s")
        super().__init__(*args, **kwargs)
        picks = [
            Pick(name, name, organisation_hindi_name(name)) for name in referral_organisation_list()
        ]
        self.picker_set("organisation", picks, query)


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
        self.fields["assignee"].widget.choices = blank_choices(
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
