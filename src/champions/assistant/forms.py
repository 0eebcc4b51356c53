from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Rating
from .conf import setting


class AskForm(forms.Form):
    question = forms.CharField(
        label=_("Your question"),
        max_length=setting("ASSISTANT_MAX_QUESTION_LENGTH"),
        help_text=_("In English, Hindi or Hinglish. Do not type Aadhaar or bank numbers."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RateForm(forms.Form):
    rating = forms.ChoiceField(choices=Rating.choices)
