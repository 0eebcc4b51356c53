from django import forms
from django.utils.translation import gettext_lazy as _

from champions.core.forms import code_list

from .choices import PostKind
from .matching import MatchQuery
from .validation import ProfileInput


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

    def match_query(self) -> MatchQuery:
        d = self.cleaned_data
        return MatchQuery(
            text=d["text"],
            kind=d["kind"] or None,
            hs_codes=tuple(code_list(d["hs_codes"])),
            nic_codes=tuple(code_list(d["nic_codes"])),
            countries=tuple(c.upper() for c in code_list(d["countries"])),
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


class ProfileForm(forms.Form):
    """A foreign SME's sign-up, or an Indian unit's profile from one of its enterprises."""

    enterprise = forms.TypedChoiceField(label=_("Enterprise"), coerce=int, required=False)
    name = forms.CharField(label=_("Company name"), max_length=200, required=False)
    country = forms.CharField(
        label=_("Country (ISO code)"),
        max_length=2,
        required=False,
        help_text=_("For example DE for Germany. Indian units start from their enterprise."),
    )
    registration_number = forms.CharField(
        label=_("Company registration number"), max_length=60, required=False
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    description = forms.CharField(
        label=_("What you make and offer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In English or Hindi."),
    )
    needs = forms.CharField(
        label=_("What you need"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    hs_codes = forms.CharField(
        label=_("HS codes"),
        required=False,
        max_length=300,
        help_text=_("Separated by spaces, 4 or 6 digits."),
    )
    nic_codes = forms.CharField(label=_("NIC codes"), required=False, max_length=200)

    def __init__(self, *args, enterprises=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].choices = [("", _("None: a foreign SME"))] + [
            (e.pk, e.name) for e in enterprises
        ]

    def profile_input(self) -> ProfileInput:
        d = self.cleaned_data
        return ProfileInput(
            name=d["name"],
            country=d["country"],
            description=d["description"],
            needs=d["needs"],
            hs_codes=code_list(d["hs_codes"]),
            nic_codes=code_list(d["nic_codes"]),
            registration_number=d["registration_number"],
            website=d["website"],
        )


class PostForm(forms.Form):
    profile = forms.TypedChoiceField(label=_("As"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind"), choices=PostKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Description"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In English or Hindi."),
    )
    hs_codes = forms.CharField(label=_("HS codes"), required=False, max_length=300)
    countries = forms.CharField(
        label=_("Countries wanted (ISO codes)"),
        required=False,
        max_length=200,
        help_text=_("For example IN DE; empty for any country."),
    )
    deadline = forms.DateField(
        label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, profiles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = [(p.pk, p.name) for p in profiles]

    def post_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "profile_id": d["profile"],
            "kind": d["kind"],
            "title": d["title"],
            "text": d["text"],
            "hs_codes": code_list(d["hs_codes"]),
            "countries": code_list(d["countries"]),
            "deadline": d["deadline"],
        }
