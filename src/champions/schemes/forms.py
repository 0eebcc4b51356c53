"""Web forms of the schemes app: one question at a time, the hub's editor, the finance picker."""

import json

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from champions.core.forms import NameSelect, ServiceErrorsMixin

from .catalogue import Fact, localized
from .choices import Agency, Kind, TargetGroup

YES, NO = "yes", "no"
# Choice questions with more options than this use a drop-down instead of radio buttons.
RADIO_LIMIT = 8


class QuestionForm(forms.Form):
    """The form for one fact; `value()` gives the answer as the engine reads it."""

    def __init__(self, *args, fact: Fact, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fact = fact
        self.fields["answer"] = self._field(fact)

    @staticmethod
    def _field(fact: Fact) -> forms.Field:
        common = {"label": fact.question, "help_text": fact.help}
        if fact.type == "bool":
            return forms.ChoiceField(
                choices=[(YES, _("Yes")), (NO, _("No"))], widget=forms.RadioSelect, **common
            )
        if fact.type == "choice":
            choices = [(c["value"], localized(c, "label")) for c in fact.choices]
            if len(choices) > RADIO_LIMIT:
                return forms.ChoiceField(choices=[("", "---------"), *choices], **common)
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        if fact.type == "int":
            return forms.IntegerField(min_value=fact.minimum, max_value=fact.maximum, **common)
        return forms.CharField(
            max_length=fact.max_length,
            validators=[RegexValidator(r"^\d{2,5}$", _("Enter 2 to 5 digits."))],
            **common,
        )

    def value(self):
        answer = self.cleaned_data["answer"]
        if self.fact.type == "bool":
            return answer == YES
        return answer


def _lines(items: list[dict], language: str) -> str:
    return "\n".join(item.get(language, "") for item in items)


def _pairs(english: str, hindi: str) -> list[dict]:
    en_lines = [line.strip() for line in english.splitlines() if line.strip()]
    hi_lines = [line.strip() for line in hindi.splitlines() if line.strip()]
    return [
        {"en": en, "hi": hi_lines[i] if i < len(hi_lines) else ""} for i, en in enumerate(en_lines)
    ]


class SchemeEditForm(ServiceErrorsMixin, forms.Form):
    """The hub's editor of a catalogue entry; rules are edited as JSON and checked on save."""

    service_field_names = {"data": "rules"}

    TEXT_FIELDS = (
        "name_en",
        "name_hi",
        "short_name",
        "purpose_en",
        "purpose_hi",
        "how_to_apply_en",
        "how_to_apply_hi",
        "apply_url",
        "status_note_en",
        "status_note_hi",
        "verification_note_en",
        "verification_note_hi",
    )
    DATE_FIELDS = ("valid_from", "valid_to", "approved_until", "last_verified")

    name_en = forms.CharField(label=_("Name in English"), max_length=250)
    name_hi = forms.CharField(label=_("Name in Hindi"), max_length=250)
    short_name = forms.CharField(label=_("Short name"), max_length=60)
    agency = forms.ChoiceField(label=_("Agency"), choices=Agency.choices)
    kind = forms.ChoiceField(label=_("Kind of support"), choices=Kind.choices)
    target_groups = forms.MultipleChoiceField(
        label=_("For whom"),
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    is_finance = forms.BooleanField(label=_("Credit or guarantee product"), required=False)
    purpose_en = forms.CharField(label=_("Purpose in English"), widget=forms.Textarea)
    purpose_hi = forms.CharField(label=_("Purpose in Hindi"), widget=forms.Textarea)
    documents_en = forms.CharField(
        label=_("Documents in English"),
        widget=forms.Textarea,
        required=False,
        help_text=_("One document a line."),
    )
    documents_hi = forms.CharField(
        label=_("Documents in Hindi"),
        widget=forms.Textarea,
        required=False,
        help_text=_("One document a line, in the same order."),
    )
    apply_url = forms.URLField(label=_("Official link to apply"), assume_scheme="https")
    how_to_apply_en = forms.CharField(label=_("How to apply, in English"), widget=forms.Textarea)
    how_to_apply_hi = forms.CharField(label=_("How to apply, in Hindi"), widget=forms.Textarea)
    valid_from = forms.DateField(label=_("Valid from"), required=False)
    valid_to = forms.DateField(label=_("Valid to"), required=False)
    approved_until = forms.DateField(label=_("Approved until"), required=False)
    status_note_en = forms.CharField(label=_("Status note in English"), required=False)
    status_note_hi = forms.CharField(label=_("Status note in Hindi"), required=False)
    last_verified = forms.DateField(label=_("Last verified on"))
    needs_verification = forms.BooleanField(label=_("To be verified"), required=False)
    verification_note_en = forms.CharField(label=_("What to verify, in English"), required=False)
    verification_note_hi = forms.CharField(label=_("What to verify, in Hindi"), required=False)
    rules = forms.CharField(
        label=_("Eligibility rules (JSON)"),
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false"}),
        help_text=_(
            "A list of rules: field, op, value, and optionally when, effective_from"
            " and effective_to."
        ),
    )
    summary = forms.CharField(
        label=_("What changed and why"),
        max_length=300,
        help_text=_("Kept in the version history."),
    )

    @classmethod
    def initial_from(cls, data: dict) -> dict:
        initial = {name: data.get(name) or "" for name in cls.TEXT_FIELDS + cls.DATE_FIELDS}
        initial.update(
            agency=data.get("agency"),
            kind=data.get("kind"),
            target_groups=data.get("target_groups", []),
            is_finance=bool(data.get("is_finance")),
            needs_verification=bool(data.get("needs_verification")),
            documents_en=_lines(data.get("documents", []), "en"),
            documents_hi=_lines(data.get("documents", []), "hi"),
            rules=json.dumps(data.get("rules", []), ensure_ascii=False, indent=1),
        )
        return initial

    def clean_rules(self):
        try:
            rules = json.loads(self.cleaned_data["rules"])
        except json.JSONDecodeError as exc:
            message = _("This is not valid JSON: %(error)s") % {"error": exc}
            raise forms.ValidationError(message) from exc
        if not isinstance(rules, list):
            raise forms.ValidationError(_("The rules must be a JSON list."))
        return rules

    def to_data(self, base: dict) -> dict:
        """The entry with this form's changes; the rest (sources, benefits...) is kept."""
        cleaned = self.cleaned_data
        data = dict(base)
        for name in self.TEXT_FIELDS:
            data[name] = cleaned[name]
        for name in self.DATE_FIELDS:
            data[name] = cleaned[name].isoformat() if cleaned[name] else None
        data.update(
            agency=cleaned["agency"],
            kind=cleaned["kind"],
            target_groups=list(cleaned["target_groups"]),
            is_finance=cleaned["is_finance"],
            needs_verification=cleaned["needs_verification"],
            documents=_pairs(cleaned["documents_en"], cleaned["documents_hi"]),
            rules=cleaned["rules"],
        )
        return data


class FinanceForm(forms.Form):
    enterprise = forms.TypedChoiceField(label=_("Enterprise"), coerce=int, widget=NameSelect)
    loan_amount_inr = forms.IntegerField(
        label=_("Loan you need (₹)"),
        min_value=0,
        max_value=100_000_000_000,
        required=False,
        help_text=_("Whole rupees, e.g. 1000000 for ₹10 lakh."),
    )
    project_cost_inr = forms.IntegerField(
        label=_("Project cost (₹)"),
        min_value=0,
        max_value=100_000_000_000,
        required=False,
        help_text=_("Whole rupees, without land."),
    )

    def __init__(self, *args, enterprises: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].choices = [(e.pk, e.name) for e in enterprises]

    def extra_facts(self) -> dict:
        return {
            k: self.cleaned_data[k]
            for k in ("loan_amount_inr", "project_cost_inr")
            if self.cleaned_data.get(k) is not None
        }
