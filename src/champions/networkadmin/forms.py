"""Forms of the hub's network pages: input shaping only."""

from django import forms
from django.utils.translation import gettext_lazy as _

from champions.controlrooms.choices import HOST_TYPE_CHOICES
from champions.controlrooms.selectors import open_spokes
from champions.core.forms import ServiceErrorsMixin
from champions.core.names import local_name
from champions.core.selectors import state_list

MAX_IMPORT_BYTES = 1_000_000


def _room_choices(*, exclude: int | None = None) -> list[tuple[str, str]]:
    return [("", "—")] + [
        (
            str(r.pk),
            f"{local_name(r.name, r.name_hi)} ({local_name(r.state.name, r.state.name_hi)})",
        )
        for r in open_spokes()
        if r.pk != exclude
    ]


class RoomForm(ServiceErrorsMixin, forms.Form):
    code = forms.SlugField(
        label=_("Code"),
        max_length=40,
        help_text=_("Short and permanent, e.g. dfo-ludhiana. It cannot be changed later."),
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    name_hi = forms.CharField(
        label=_("Name in Hindi"),
        max_length=200,
        required=False,
        help_text=_("Shown on Hindi pages; when blank, the name above is shown."),
        widget=forms.TextInput(attrs={"lang": "hi"}),
    )
    host_office = forms.CharField(
        label=_("Host office"),
        max_length=200,
        help_text=_("The field office the room sits in, e.g. MSME-DFO Ludhiana."),
    )
    host_type = forms.ChoiceField(label=_("Kind of host office"), choices=HOST_TYPE_CHOICES)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    state = forms.TypedChoiceField(label=_("State or union territory"), coerce=int)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", "—")] + [
            (s.pk, local_name(s.name, s.name_hi)) for s in state_list()
        ]
        if editing:
            del self.fields["code"]
            del self.fields["state"]


class DistrictsMoveForm(ServiceErrorsMixin, forms.Form):
    districts = forms.TypedMultipleChoiceField(
        label=_("Districts"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    to_room = forms.TypedChoiceField(label=_("Move them to"), coerce=int)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        help_text=_("Written in the change log and in the timeline of every grievance that moves."),
    )

    def __init__(self, *args, district_rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["districts"].choices = [
            (d.pk, f"{d.name} — {room or _('no room')}") for d, room in district_rows
        ]
        self.fields["to_room"].choices = _room_choices()


class RoomCloseForm(ServiceErrorsMixin, forms.Form):
    MERGE, CLOSE = "merge", "close"
    action = forms.ChoiceField(
        label=_("What happens to this room"),
        choices=[
            (MERGE, _("Merge it into another room (its officers join that room)")),
            (CLOSE, _("Close it (its districts and officers go to another room)")),
        ],
        widget=forms.RadioSelect,
        initial=MERGE,
    )
    to_room = forms.TypedChoiceField(label=_("Room that takes over"), coerce=int)
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, *args, room_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_room"].choices = _room_choices(exclude=room_id)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        required=False,
        help_text=_(
            "Columns: room_code, room_name, host_office, state, district_lgd_code, and "
            "optionally room_name_hi (the name in Hindi). One row per district a room "
            "serves. Up to 1 MB."
        ),
    )
    text = forms.CharField(required=False, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        required=False,
        help_text=_("Written in the change log and in the timeline of every grievance that moves."),
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_IMPORT_BYTES:
                self.add_error("file", _("The file is larger than 1 MB."))
                return data
            try:
                data["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                self.add_error("file", _("Save the file as CSV in UTF-8."))
        if not data.get("text") and not self.errors:
            self.add_error("file", _("Choose a CSV file."))
        return data
