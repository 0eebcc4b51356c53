"""Web forms of compliance: they shape input for the engines and services and carry errors back."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from champions.core.forms import ServiceErrorsMixin
from champions.core.selectors import state_list

from .calendar import Situation
from .choices import BuyerType, GstFiling
from .delayed_payment import bank_rate_latest
from .models import MAX_REMIND_DAYS_BEFORE
from .services import DelayedPaymentFacts, ProfileInput

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _bank_rate_help() -> str:
    latest = bank_rate_latest()
    return _(
        "Leave empty to use the RBI bank rate in force on the first day of interest (latest: "
        "%(rate)s %% from %(day)s)."
    ) % {"rate": latest.rate_pct, "day": date_format(latest.effective_from, "j F Y")}


class DelayedPaymentForm(ServiceErrorsMixin, forms.Form):
    principal_inr = forms.DecimalField(
        label=_("Amount due (₹)"),
        max_digits=15,
        decimal_places=2,
        help_text=_("The unpaid amount of the invoice, in rupees, e.g. 100000."),
    )
    invoice_accepted_on = forms.DateField(
        label=_("Day the buyer accepted the goods or services"),
        widget=DATE_WIDGET,
        help_text=_(
            "Or the day of deemed acceptance: the day of delivery when the buyer raised no "
            "objection within 15 days."
        ),
    )
    agreed_credit_days = forms.IntegerField(
        label=_("Credit days agreed in writing"),
        required=False,
        help_text=_("Leave empty if nothing was agreed in writing. The Act allows at most 45."),
    )
    paid_on = forms.DateField(
        label=_("Day of payment"),
        widget=DATE_WIDGET,
        help_text=_("If the buyer has not paid yet, the day you expect payment, or today."),
    )
    bank_rate_pct = forms.DecimalField(
        label=_("RBI bank rate (%)"), required=False, max_digits=5, decimal_places=2
    )
    buyer_name = forms.CharField(label=_("Buyer's name"), max_length=200, required=False)
    buyer_type = forms.ChoiceField(
        label=_("Type of buyer"),
        choices=BuyerType.choices,
        initial=BuyerType.PRIVATE,
        required=False,
    )
    invoice_number = forms.CharField(label=_("Invoice number"), max_length=60, required=False)
    invoice_date = forms.DateField(label=_("Invoice date"), widget=DATE_WIDGET, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bank_rate_pct"].help_text = _bank_rate_help()

    def to_facts(self) -> DelayedPaymentFacts:
        data = self.cleaned_data
        return DelayedPaymentFacts(
            principal_inr=data["principal_inr"],
            invoice_accepted_on=data["invoice_accepted_on"],
            paid_on=data["paid_on"],
            agreed_credit_days=data.get("agreed_credit_days"),
            bank_rate_pct=data.get("bank_rate_pct"),
            buyer_name=data.get("buyer_name", "").strip(),
            buyer_type=data.get("buyer_type") or BuyerType.PRIVATE,
            invoice_number=data.get("invoice_number", "").strip(),
            invoice_date=data.get("invoice_date"),
        )


class GrievanceConfirmForm(ServiceErrorsMixin, forms.Form):
    enterprise = forms.TypedChoiceField(label=_("Your enterprise (the supplier)"), coerce=int)
    token = forms.CharField(widget=forms.HiddenInput, max_length=100)

    def __init__(self, *args, enterprises: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].choices = [(e.pk, e.name) for e in enterprises]


class SituationForm(ServiceErrorsMixin, forms.Form):
    is_gst_registered = forms.BooleanField(label=_("Registered for GST"), required=False)
    gst_filing = forms.ChoiceField(
        label=_("GST returns"),
        choices=GstFiling.choices,
        widget=forms.RadioSelect,
        initial=GstFiling.MONTHLY,
        help_text=_("Quarterly filing (QRMP) is open up to ₹5 crore of turnover."),
    )
    turnover_inr = forms.IntegerField(
        label=_("Turnover of the last financial year (₹)"), min_value=0
    )
    state_code = forms.ChoiceField(
        label=_("State of GST registration"),
        required=False,
        help_text=_("Quarterly GSTR-3B is due on the 22nd or the 24th depending on the state."),
    )
    employees = forms.IntegerField(label=_("Employees"), min_value=0)
    is_company = forms.BooleanField(label=_("The enterprise is a company"), required=False)
    owes_mse_suppliers_over_45_days = forms.BooleanField(
        label=_("We owe micro or small suppliers for more than 45 days after acceptance"),
        required=False,
    )
    is_tds_deductor = forms.BooleanField(
        label=_("We deduct tax at source (TDS) on payments"), required=False
    )
    pays_advance_tax = forms.BooleanField(
        label=_("Our income tax for the year is ₹10,000 or more (advance tax)"), required=False
    )
    is_presumptive_taxpayer = forms.BooleanField(
        label=_("We are taxed on presumptive income (sections 44AD or 44ADA)"), required=False
    )
    reminders_enabled = forms.BooleanField(
        label=_("Remind us before each due date"), required=False
    )
    remind_days_before = forms.IntegerField(
        label=pgettext_lazy("reminder", "Days before"),
        min_value=0,
        max_value=MAX_REMIND_DAYS_BEFORE,
        initial=3,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        in_hindi = (get_language() or "").startswith("hi")
        self.fields["state_code"].choices = [("", "---------")] + [
            (state.udyam_code, state.name_hi if in_hindi and state.name_hi else state.name)
            for state in state_list()
        ]

    def situation(self) -> Situation:
        data = self.cleaned_data
        return Situation(
            is_gst_registered=data["is_gst_registered"],
            gst_filing=data["gst_filing"],
            turnover_inr=data["turnover_inr"],
            state_code=data.get("state_code", ""),
            employees=data["employees"],
            is_company=data["is_company"],
            is_tds_deductor=data["is_tds_deductor"],
            pays_advance_tax=data["pays_advance_tax"],
            is_presumptive_taxpayer=data["is_presumptive_taxpayer"],
            owes_mse_suppliers_over_45_days=data["owes_mse_suppliers_over_45_days"],
        )

    def to_input(self) -> ProfileInput:
        return ProfileInput(
            situation=self.situation(),
            reminders_enabled=self.cleaned_data["reminders_enabled"],
            remind_days_before=self.cleaned_data["remind_days_before"],
        )


def situation_form_initial(*, situation: Situation, profile) -> dict:
    initial = {
        name: getattr(situation, name)
        for name in SituationForm.base_fields
        if name in Situation.__dataclass_fields__
    }
    initial["reminders_enabled"] = profile.reminders_enabled if profile else True
    initial["remind_days_before"] = profile.remind_days_before if profile else 3
    return initial
