from django import forms
from django.utils.translation import gettext_lazy as _

from champions.core.forms import ServiceErrorsMixin


class SellerForm(ServiceErrorsMixin, forms.Form):
    seller_id = forms.CharField(label=_("GeM seller ID"), max_length=30)


class BidForm(ServiceErrorsMixin, forms.Form):
    bid_number = forms.CharField(
        label=_("GeM bid number"), max_length=30, help_text=_("For example GEM/2026/B/5123456.")
    )
