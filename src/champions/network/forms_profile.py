"""Forms of the owner's profile page and trust-card choice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from champions.core.forms import ServiceErrorsMixin

from .editing import LANGUAGES, ProfileEdit

FACT_LABELS = {
    "udyam_verified": _("Udyam registration verified, with its date"),
    "classification": _("MSME classification (micro, small, medium)"),
    "years_active": _("Years active, from the registry"),
    "hub_reviewed": _("Reviewed by the hub (foreign SMEs)"),
    "email_verified": _("E-mail verified"),
    "response": _("How often and how fast you answer introductions"),
    "partnerships": _("Introductions you accepted"),
}


def _list(value: str) -> list[str]:
    return [part for part in value.replace(",", " ").split() if part]


def _code_input(label, help_text) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=300,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class ProfileEditForm(ServiceErrorsMixin, forms.Form):
    description = forms.CharField(
        label=_("What you make and offer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In English or Hindi, in your own words."),
    )
    hs_codes = _code_input(
        _("Your products (HS codes)"), _("4 or 6 digits, separated by spaces. Find them below.")
    )
    nic_codes = _code_input(
        _("Your industries (NIC codes)"), _("2 to 5 digits, separated by spaces.")
    )
    needs = forms.CharField(
        label=_("What you need"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    needs_hs_codes = _code_input(
        _("Products you need (HS codes)"), _("4 or 6 digits, separated by spaces.")
    )
    capacity = forms.CharField(
        label=_("Capacity"),
        max_length=200,
        required=False,
        help_text=_("For example: 20 tonnes of yarn a month."),
    )
    certifications = forms.CharField(
        label=_("Certifications"),
        max_length=1300,
        required=False,
        help_text=_("Separated by commas, for example: ISO 9001, ZED Silver, GOTS."),
    )
    export_countries = forms.CharField(
        label=_("Countries you export to (ISO codes)"),
        max_length=300,
        required=False,
        help_text=_("Two letters each, separated by spaces, for example: DE AE US."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        required=False,
        choices=list(LANGUAGES.items()),
        widget=forms.CheckboxSelectMultiple,
    )

    def edit_input(self) -> ProfileEdit:
        d = self.cleaned_data
        return ProfileEdit(
            description=d["description"],
            needs=d["needs"],
            hs_codes=_list(d["hs_codes"]),
            needs_hs_codes=_list(d["needs_hs_codes"]),
            nic_codes=_list(d["nic_codes"]),
            capacity=d["capacity"],
            certifications=[c for c in d["certifications"].split(",") if c.strip()],
            export_countries=_list(d["export_countries"]),
            languages=d["languages"],
        )

    @staticmethod
    def initial_for(profile) -> dict:
        return {
            "description": profile.description,
            "needs": profile.needs,
            "hs_codes": " ".join(profile.hs_codes),
            "needs_hs_codes": " ".join(profile.needs_hs_codes),
            "nic_codes": " ".join(profile.nic_codes),
            "capacity": profile.capacity,
            "certifications": ", ".join(profile.certifications),
            "export_countries": " ".join(profile.export_countries),
            "languages": profile.languages,
        }


class TrustFactsForm(ServiceErrorsMixin, forms.Form):
    facts = forms.MultipleChoiceField(
        label=_("Facts your trust card shows"),
        required=False,
        choices=list(FACT_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only facts the portal has verified appear, each with its date and source."),
    )
