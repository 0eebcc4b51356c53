"""The filing form: the buyer and up to three invoices (input shaping only)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from champions.compliance.choices import BuyerType
from champions.core.forms import ServiceErrorsMixin

from .services import InvoiceInput

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
INVOICE_ROWS = 3
INVOICE_FIELDS = {
    "number": "number",
    "invoice_date": "invoice_date",
    "principal_inr": "amount",
    "invoice_accepted_on": "accepted_on",
    "paid_on": "paid_on",
    "agreed_credit_days": "credit_days",
}


class FilingForm(ServiceErrorsMixin, forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    buyer_name = forms.CharField(label=_("Buyer"), max_length=200)
    buyer_type = forms.ChoiceField(label=_("Kind of buyer"), choices=BuyerType.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for row in range(1, INVOICE_ROWS + 1):
            required = row == 1
            self.fields[f"number_{row}"] = forms.CharField(
                label=_("Invoice %(n)s: number") % {"n": row}, max_length=60, required=required
            )
            self.fields[f"invoice_date_{row}"] = forms.DateField(
                label=_("Invoice %(n)s: date") % {"n": row}, widget=DATE_WIDGET, required=False
            )
            self.fields[f"amount_{row}"] = forms.DecimalField(
                label=_("Invoice %(n)s: amount due (₹)") % {"n": row},
                min_value=0,
                max_digits=14,
                decimal_places=2,
                required=required,
            )
            self.fields[f"accepted_on_{row}"] = forms.DateField(
                label=_("Invoice %(n)s: goods or services accepted on") % {"n": row},
                widget=DATE_WIDGET,
                required=required,
            )
            self.fields[f"paid_on_{row}"] = forms.DateField(
                label=_("Invoice %(n)s: paid on (empty: not yet paid)") % {"n": row},
                widget=DATE_WIDGET,
                required=False,
            )
            self.fields[f"credit_days_{row}"] = forms.IntegerField(
                label=_("Invoice %(n)s: credit days agreed in writing") % {"n": row},
                min_value=0,
                max_value=365,
                required=False,
            )

    def invoices(self) -> list[InvoiceInput]:
        data, found = self.cleaned_data, []
        for row in range(1, INVOICE_ROWS + 1):
            if not data.get(f"number_{row}") and data.get(f"amount_{row}") is None:
                continue
            found.append(
                InvoiceInput(
                    number=data.get(f"number_{row}", ""),
                    invoice_date=data.get(f"invoice_date_{row}"),
                    amount_inr=data.get(f"amount_{row}"),
                    accepted_on=data.get(f"accepted_on_{row}"),
                    paid_on=data.get(f"paid_on_{row}") or timezone.localdate(),
                    agreed_credit_days=data.get(f"credit_days_{row}"),
                )
            )
        return found

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        """`invoices.0.paid_on` from the service goes on the form's `paid_on_1`."""
        for name, messages in errors.items():
            parts = name.split(".")
            if len(parts) == 3 and parts[0] == "invoices":
                field = f"{INVOICE_FIELDS.get(parts[2], '')}_{int(parts[1]) + 1}"
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
            else:
                super().add_service_errors({name: messages})
