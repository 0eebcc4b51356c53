from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import PostKind


class PostSearchForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *PostKind.choices]
    )
    hs = forms.CharField(
        label=_("HS code starts with"),
        required=False,
        max_length=6,
        help_text=_("For example 5205 for cotton yarn."),
    )
    country = forms.CharField(label=_("Country (ISO code)"), required=False, max_length=2)


class MatchForm(forms.Form):
    text = forms.CharField(
        label=_("What are you looking for?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In English or Hindi, in your own words."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *PostKind.choices]
    )
    hs_codes = forms.CharField(
        label=_("HS codes"),
        required=False,
        max_length=200,
        help_text=_("Separated by spaces, 4 or 6 digits."),
    )
    nic_codes = forms.CharField(
        label=_("Your industry (NIC codes)"),
        required=False,
        max_length=200,
        help_text=_("Finds the units that make what your industry uses."),
    )
    countries = forms.CharField(
        label=_("Countries (ISO codes)"),
        required=False,
        max_length=200,
        help_text=_("For example IN DE; empty for any country."),
    )


class InterestForm(forms.Form):
    profile_id = forms.IntegerField(widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The author sees your message and your profile; "
            "contact details are shared only if they accept."
        ),
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReviewForm(forms.Form):
    approve = forms.BooleanField(required=False)
    reason = forms.CharField(label=_("Reason (when rejecting)"), required=False, max_length=500)
