"""The preferences form: one checkbox per kind and channel, posted as "kind:channel" values."""

from django import forms

from .choices import ChannelName, NotificationKind

PREFERENCE_CHOICES = [
    (f"{kind}:{channel}", f"{kind}:{channel}")
    for kind in NotificationKind.values
    for channel in ChannelName.values
]


class PreferencesForm(forms.Form):
    enabled = forms.MultipleChoiceField(choices=PREFERENCE_CHOICES, required=False)

    def enabled_pairs(self) -> set[tuple[str, str]]:
        return {tuple(value.split(":", 1)) for value in self.cleaned_data["enabled"]}
