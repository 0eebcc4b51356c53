"""The one-sentence explanation of a triage, in the reader's language (the active Django
language: the API caller's, or the officer's when the grievance page renders it). Built from
the parts an officer can check: the words that decided the category and the department, the
urgency signals, and the most similar past grievance with its outcome."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .choices import Category, UrgencySignal


@dataclass(frozen=True)
class PastOutcome:
    """A past grievance as the summary names it (the caller has checked the reader may
    see it)."""

    number: str
    outcome: str  # already in the reader's language: "resolved in 12 days", "referred to ..."
    similarity: float


def _label(choices, value: str) -> str:
    # the enum's own value map: `choices.values` builds a new list on every call
    return str(choices(value).label) if value in choices._value2member_map_ else value


def _quoted(words: list[str]) -> str:
    return ", ".join(f"“{word}”" for word in words)


def summary_sentence(
    *,
    category: str,
    category_terms: list[str],
    department: str = "",
    department_terms: list[str] | None = None,
    signals: list[str] | None = None,
    past: PastOutcome | None = None,
) -> str:
    parts = []
    if category_terms:
        parts.append(
            _("%(category)s, decided by the words %(words)s.")
            % {"category": _label(Category, category), "words": _quoted(category_terms[:4])}
        )
    else:
        parts.append(
            _("%(category)s, from the wording as a whole.")
            % {"category": _label(Category, category)}
        )
    if department and department_terms:
        parts.append(
            _("%(department)s, pointed to by %(words)s.")
            % {"department": department, "words": _quoted(department_terms[:3])}
        )
    if signals:
        parts.append(
            _("Urgency raised by: %(signals)s.")
            % {"signals": "; ".join(_label(UrgencySignal, s).lower() for s in signals)}
        )
    if past is not None:
        parts.append(
            _("The most similar past grievance, %(number)s (%(percent)s%% alike), was %(outcome)s.")
            % {
                "number": past.number,
                "percent": round(past.similarity * 100),
                "outcome": past.outcome,
            }
        )
    return " ".join(parts)
