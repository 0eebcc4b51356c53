"""The officers' triage panel on the grievance page, and its one-click accept and override."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from champions.accounts import policy
from champions.accounts.policy import Action as Can
from champions.accounts.selectors import user_is_officer
from champions.core.errors import DomainError, Forbidden, NotFound
from champions.core.names import local_name, name_text
from champions.triage.choices import Emotion, Language, Sentiment, UrgencySignal
from champions.triage.services import PastOutcome, explanation_summary

from .. import selectors, services
from ..choices import Category, FieldSource, Priority, Status, TriageField
from ..forms.actions import TriageDecisionForm
from ..models import Grievance, Triage
from ..triage_link.services import PREDICTED_COLUMN, triage_value_label

PENDING_FOR = timedelta(minutes=10)  # how long a page polls for a missing prediction


def _confidence_words(confidence: float) -> str:
    if confidence >= 0.85:
        return gettext_lazy("high confidence")
    if confidence >= 0.6:
        return gettext_lazy("medium confidence")
    return gettext_lazy("low confidence: please check")


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


def _prediction(triage: Triage, column: str, choices=None) -> dict:
    value = getattr(triage, column)
    confidence = getattr(triage, f"{column}_confidence")
    return {
        "value": value,
        "label": _label(choices, value) if choices else name_text(value),
        "percent": round(confidence * 100),
        "words": _confidence_words(confidence),
    }


def _options(field: str) -> list[tuple[str, str]]:
    if field == TriageField.CATEGORY:
        return list(Category.choices)
    if field == TriageField.PRIORITY:
        return list(Priority.choices)
    return [
        (name, local_name(name, selectors.organisation_hindi_name(name)))
        for name in selectors.referral_organisation_list()
    ]


def _field_rows(grievance: Grievance, panel: selectors.TriagePanel) -> list[dict]:
    rows = []
    choices = {TriageField.CATEGORY: Category, TriageField.PRIORITY: Priority}
    for field, label in TriageField.choices:
        column = PREDICTED_COLUMN[TriageField(field)]
        prediction = _prediction(panel.grievance, column, choices.get(field))
        current = getattr(grievance, field)
        source = getattr(grievance, f"{field}_source")
        rows.append(
            {
                "field": field,
                "label": label,
                "prediction": prediction,
                "current": current,
                "current_label": name_text(triage_value_label(field, current)),
                "source": FieldSource(source).label if source in FieldSource.values else "",
                "decided_by_officer": source == FieldSource.OFFICER,
                "decision": panel.decisions.get(field),
                "options": _options(field),
            }
        )
    return rows


def _mood(triage: Triage | None) -> dict | None:
    """Language, sentiment and emotion of one prediction, labelled."""
    if triage is None:
        return None
    return {
        "language": _prediction(triage, "language", Language),
        "sentiment": _prediction(triage, "sentiment", Sentiment),
        "emotion": _prediction(triage, "emotion", Emotion),
    }


def _outcome(grievance: Grievance) -> str:
    """What became of a past grievance, in the reader's language."""
    if grievance.referred_to:
        text = _("referred to %(organisation)s") % {"organisation": grievance.referred_to}
    elif grievance.resolved_at:
        days = max((grievance.resolved_at - grievance.lodged_at).days, 0)
        text = ngettext("resolved in %(days)d day", "resolved in %(days)d days", days) % {
            "days": days
        }
    else:
        text = str(Status(grievance.status).label).lower()
    if grievance.rating:
        text += _(", rated %(rating)d of 5") % {"rating": grievance.rating}
    return text


def _past(panel: selectors.TriagePanel) -> list[dict]:
    return [
        {
            "id": grievance.pk,
            "number": grievance.registration_number,
            "subject": grievance.subject,
            "outcome": _outcome(grievance),
            "percent": round(similarity * 100),
            "similarity": similarity,
        }
        for grievance, similarity in panel.past
    ]


def _summary(triage: Triage, explanation: dict, past: list[dict]) -> str:
    """The stored explanation's sentence again, in the officer's language, naming the
    nearest past grievance and its outcome."""
    first = past[0] if past else None
    return explanation_summary(
        category=triage.category,
        category_terms=[str(t) for t in explanation.get("category_terms") or []],
        department=triage.department,
        department_terms=[str(t) for t in explanation.get("department_terms") or []],
        signals=[str(s) for s in triage.urgency_signals or []],
        past=PastOutcome(first["number"], first["outcome"], first["similarity"]) if first else None,
    )


def _cpgrams_path(explanation: dict) -> str:
    found = explanation.get("cpgrams_category") or {}
    if not isinstance(found, dict):
        return ""
    hindi = get_language() == "hi" and found.get("path_hindi")
    return str(hindi or found.get("path") or "")


def _explanation(triage: Triage, panel: selectors.TriagePanel) -> dict:
    """The readable parts of the stored explanation: the words that weighed most for the
    category and the department, the CPGRAMS category path, the nearest past grievances the
    officer may see with their outcome (else the nearest hand-written examples), and the
    summary sentence in the officer's language."""
    explanation = triage.explanation if isinstance(triage.explanation, dict) else {}
    past = _past(panel)
    return {
        "past": past,
        "cpgrams_path": _cpgrams_path(explanation),
        "terms": [str(term) for term in explanation.get("category_terms") or []][:8],
        "department_terms": [str(t) for t in explanation.get("department_terms") or []][:8],
        "neighbours": [
            {
                "text": str(item.get("text", ""))[:300],
                "label": _label(Category, str(item.get("category", ""))),
                "percent": round(float(item.get("similarity", 0)) * 100),
            }
            for item in (explanation.get("nearest_examples") or [])[:3]
            if isinstance(item, dict)
        ],
        "summary": _summary(triage, explanation, past),
        "language_reason": str(explanation.get("language_reason", "")),
    }


def triage_context(grievance: Grievance, panel: selectors.TriagePanel | None) -> dict | None:
    """Everything the triage panel shows; None for people who are not officers."""
    if panel is None:
        return None
    if panel.grievance is None:
        # Just lodged: the after-commit task is on it, so the panel asks again shortly.
        pending = timezone.now() - grievance.lodged_at < PENDING_FOR
        return {"panel": panel, "grievance": grievance, "missing": True, "pending": pending}
    signals = [_label(UrgencySignal, signal) for signal in panel.grievance.urgency_signals]
    return {
        "panel": panel,
        "grievance": grievance,
        "missing": False,
        "fields": _field_rows(grievance, panel),
        "signals": signals,
        "explanation": _explanation(panel.grievance, panel),
        "moods": [
            (gettext_lazy("The grievance"), _mood(panel.grievance)),
            (gettext_lazy("The whole thread"), _mood(panel.thread)),
        ],
        "messages": {message_id: _mood(triage) for message_id, triage in panel.messages.items()},
        "version_rows": _version_rows(panel.grievance.model_versions),
    }


def _version_rows(versions) -> list[tuple[str, str]]:
    if isinstance(versions, dict):
        return [(str(name), str(version)) for name, version in sorted(versions.items())]
    return [("models", str(versions))]


def _panel_response(request, grievance_id: int, *, outcome: str, is_error: bool):
    detail = selectors.grievance_detail_get_for_user(user=request.user, grievance_id=grievance_id)
    context = {
        "grievance": detail.grievance,
        "triage": triage_context(detail.grievance, detail.triage),
        "outcome": outcome,
        "outcome_is_error": is_error,
    }
    # 200 even for a refusal: htmx swaps only successful responses, and the refusal is read
    # out from the panel's live region.
    return render(request, "grievances/partials/_triage_panel.html", context)


def _decide(request, grievance_id: int) -> tuple[str, bool]:
    """Run the decision; the outcome to show and whether it was refused."""
    form = TriageDecisionForm(request.POST)
    if not form.is_valid():
        selectors.grievance_get_for_user(user=request.user, grievance_id=grievance_id)  # 404
        return _("Choose a value from the list."), True
    try:
        decision = services.grievance_triage_decide(
            grievance_id=grievance_id,
            actor=request.user,
            field=form.cleaned_data["field"],
            chosen=form.cleaned_data["chosen"],
        )
    except (NotFound, Forbidden):
        raise
    except DomainError as exc:
        return " ".join([exc.message, *(m for ms in exc.errors.values() for m in ms)]), True
    outcome = _("Saved: the %(field)s is %(value)s.") % {
        "field": str(TriageField(decision.field).label).lower(),
        "value": triage_value_label(decision.field, decision.chosen),
    }
    return outcome, False


@login_required
@require_POST
def grievance_triage_view(request, grievance_id: int):
    """Accept or override one prediction. htmx gets the panel back with the outcome read out
    (aria-live); a plain form post returns to the grievance page with a message."""
    if not user_is_officer(request.user):
        raise Http404
    policy.require(request.user, Can.TRIAGE_DECIDE)
    try:
        outcome, is_error = _decide(request, grievance_id)
        if request.htmx:
            return _panel_response(request, grievance_id, outcome=outcome, is_error=is_error)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    (messages.error if is_error else messages.success)(request, outcome)
    return redirect("web:grievances:detail", grievance_id=grievance_id)


@login_required
@require_GET
def grievance_triage_panel_view(request, grievance_id: int):
    """The triage panel alone: what the grievance page polls (htmx) until the prediction the
    after-commit task makes is there."""
    if not user_is_officer(request.user):
        raise Http404
    try:
        return _panel_response(request, grievance_id, outcome="", is_error=False)
    except NotFound as exc:
        raise Http404(exc.message) from exc
