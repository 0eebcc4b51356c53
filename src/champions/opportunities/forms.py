"""Web forms of the opportunities app: input shaping only."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from champions.core.forms import ServiceErrorsMixin, code_list
from champions.core.selectors import state_list

from .choices import SECTORS, ActionKind, FactKind, OpportunityKind, OpportunityStatus, Outcome
from .services import OpportunityInput, ResponseInput

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _state_choices() -> list[tuple[str, str]]:
    return [(s.udyam_code, str(s)) for s in state_list()]  # Hindi names on Hindi pages


class BoardFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *OpportunityKind.choices]
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=OpportunityStatus.choices)


class OpportunityForm(ServiceErrorsMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=OpportunityKind.choices)
    product = forms.CharField(label=_("Product"), max_length=200, required=False)
    text = forms.CharField(label=_("What is needed"), widget=forms.Textarea(attrs={"rows": 4}))
    hs_codes = forms.CharField(
        label=_("HS codes"),
        required=False,
        help_text=_("2, 4 or 6 digits, separated by spaces, e.g. 630790 621010."),
    )
    nic_codes = forms.CharField(
        label=_("NIC codes"),
        required=False,
        help_text=_("NIC-2008 codes of the makers, e.g. 14101 32502."),
    )
    quantity = forms.CharField(label=_("Quantity"), max_length=100, required=False)
    specification = forms.CharField(
        label=_("Specification"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    states = forms.MultipleChoiceField(
        label=_("Preferred states"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for the whole country."),
    )
    closes_on = forms.DateField(label=_("Responses close on"), widget=DATE_WIDGET)
    buyer_name = forms.CharField(label=_("Buyer"), max_length=200, required=False)
    prefer_mse = forms.BooleanField(
        label=_("Preference to micro and small enterprises (Public Procurement Policy)"),
        required=False,
    )
    prefer_sc_st = forms.BooleanField(
        label=_("Preference to SC/ST-owned enterprises"), required=False
    )
    prefer_women = forms.BooleanField(
        label=_("Preference to women-owned enterprises"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["states"].choices = _state_choices()
        self.fields["closes_on"].initial = timezone.localdate() + timedelta(days=14)

    def to_input(self) -> OpportunityInput:
        data = dict(self.cleaned_data)
        data["hs_codes"] = code_list(data["hs_codes"])
        data["nic_codes"] = code_list(data["nic_codes"])
        return OpportunityInput(**data)


class ResponseForm(ServiceErrorsMixin, forms.Form):
    enterprise = forms.TypedChoiceField(label=_("Your unit"), coerce=int)
    quantity = forms.CharField(
        label=_("Quantity you can supply"),
        max_length=100,
        help_text=_("With the time you need, e.g. 50,000 a week."),
    )
    price_min_inr = forms.IntegerField(label=_("Lowest price (₹ per unit)"), min_value=1)
    price_max_inr = forms.IntegerField(label=_("Highest price (₹ per unit)"), min_value=1)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, enterprises, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].choices = [(e.pk, e.name) for e in enterprises]

    def to_input(self) -> ResponseInput:
        data = self.cleaned_data
        return ResponseInput(
            enterprise_id=data["enterprise"],
            quantity=data["quantity"],
            price_min_inr=data["price_min_inr"],
            price_max_inr=data["price_max_inr"],
            note=data["note"],
        )


class CloseForm(ServiceErrorsMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SparksFilterForm(forms.Form):
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[(k, v[0]) for k, v in SECTORS.items()]
    )
    state = forms.ChoiceField(label=_("State"), required=False)
    shortlist = forms.BooleanField(label=_("My shortlist only"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("All states")), *_state_choices()]


class ActionForm(ServiceErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Help given"), choices=ActionKind.choices)
    note = forms.CharField(
        label=_("What was done, what comes next"), widget=forms.Textarea(attrs={"rows": 3})
    )


class FactForm(ServiceErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Fact"), choices=FactKind.choices)
    detail = forms.CharField(
        label=_("Detail"), max_length=200, required=False, help_text=_("e.g. ZED Silver, 2025.")
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=200,
        help_text=_("Certificate number, sanction letter or portal."),
    )
