from django import forms
from django.utils.translation import gettext_lazy as _

from champions.core.forms import ServiceErrorsMixin
from champions.core.names import local_name


def _choices(items, label) -> list[tuple[str, str]]:
    return [("", _("Choose…")), *((str(i.pk), label(i)) for i in items)]


class ReviewForm(ServiceErrorsMixin, forms.Form):
    scheduled_for = forms.DateTimeField(
        label=_("Date and time"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    video_link = forms.CharField(label=_("Video-conference link"), required=False, max_length=200)


class MinutesForm(ServiceErrorsMixin, forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 6}))
    video_link = forms.CharField(label=_("Video-conference link"), required=False, max_length=200)


class DecisionForm(ServiceErrorsMixin, forms.Form):
    text = forms.CharField(label=_("Decision"), max_length=500)
    owner = forms.TypedChoiceField(
        label=_("Who acts on it"), coerce=int, empty_value=None, required=False
    )
    due_on = forms.DateField(
        label=_("By"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, officers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = _choices(officers, lambda o: o.full_name or o.email)


class ConsultForm(ServiceErrorsMixin, forms.Form):
    to_room = forms.TypedChoiceField(
        label=_("Control room to consult"), coerce=int, empty_value=None
    )
    body = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, rooms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_room"].choices = _choices(rooms, lambda r: local_name(r.name, r.name_hi))


class ReplyForm(ServiceErrorsMixin, forms.Form):
    body = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 3}))
