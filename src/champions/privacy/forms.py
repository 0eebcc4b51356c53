from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from . import services


class SignupForm(AllauthSignupForm):
    """allauth's sign-up with the consent the DPDP Act asks for: the notice is linked beside
    the box, and the consent is recorded with the notice's version and the language shown."""

    privacy_consent = forms.BooleanField(
        required=True,
        error_messages={"required": gettext_lazy("Please read and accept the privacy notice.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["privacy_consent"].label = format_html(
            '{} <a href="{}" target="_blank" rel="noopener">{}</a>',
            _("I have read and agree to the"),
            reverse("web:privacy:notice"),
            _("privacy notice"),
        )

    def save(self, request):
        user = super().save(request)
        if user is not None:
            services.consent_record(user=user, language=get_language() or "en")
        return user


class ErasureRequestForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ErasureDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("erase", gettext_lazy("Erase")), ("refuse", gettext_lazy("Refuse"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("Note to the requester"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
