"""An officer accepts or overrides an AI triage prediction."""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from champions.accounts.policy import Action as Can
from champions.accounts.policy import require
from champions.core.errors import ValidationFailed

from ..choices import (
    Category,
    FieldSource,
    Priority,
    TriageField,
)
from ..errors import NothingToReview
from ..models import (
    Grievance,
    TriageOverride,
)
from ..records import event_write, grievance_lock
from ..scope import grievance_get_for_user
from ..workflow.selectors import referral_organisation_list
from .predictions import current_triage

# The Triage column each reviewed field compares with (priority is predicted as urgency).
PREDICTED_COLUMN = {
    TriageField.CATEGORY: "category",
    TriageField.DEPARTMENT: "department",
    TriageField.PRIORITY: "urgency",
}


def _triage_choice_errors(field: str, chosen: str) -> dict[str, list[str]]:
    if field not in TriageField.values:
        return {"field": [_("Choose the category, the department or the priority.")]}
    allowed = {
        TriageField.CATEGORY: Category.values,
        TriageField.PRIORITY: Priority.values,
        TriageField.DEPARTMENT: referral_organisation_list(),
    }[TriageField(field)]
    if chosen not in allowed:
        return {"chosen": [_("Choose one of the values in the list.")]}
    return {}


def triage_value_label(field: str, value: str) -> str:
    """How a category, priority or department value reads to a person."""
    if field == TriageField.CATEGORY and value in Category.values:
        return str(Category(value).label)
    if field == TriageField.PRIORITY and value in Priority.values:
        return str(Priority(value).label)
    return value


def _model_version(versions, column: str) -> str:
    if isinstance(versions, dict):
        return str(versions.get(column) or versions.get("version") or "")[:100]
    return str(versions or "")[:100]


@transaction.atomic
def grievance_triage_decide(*, grievance_id: int, actor, field: str, chosen: str) -> TriageOverride:
    """An officer accepts a prediction (`chosen` is the predicted value) or overrides it.

    The grievance takes the chosen value, the decision is kept with the prediction and the
    model version (it is a training example for the next `champions triage train`), and the
    internal timeline records it. Officers in scope only; anyone else gets a 404.
    """
    seen = grievance_get_for_user(user=actor, grievance_id=grievance_id)  # scope: 404
    require(actor, Can.TRIAGE_DECIDE, seen)
    errors = _triage_choice_errors(field, chosen)
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    triage = current_triage(grievance_id)
    if triage is None:
        raise NothingToReview(_("There is no AI prediction for this grievance yet."))
    grievance = grievance_lock(grievance_id)
    column = PREDICTED_COLUMN[TriageField(field)]
    predicted = getattr(triage, column)
    setattr(grievance, field, chosen)
    setattr(grievance, f"{field}_source", FieldSource.OFFICER)
    grievance.save(update_fields=[field, f"{field}_source", "updated_at"])
    decision = TriageOverride.objects.create(
        grievance=grievance,
        triage=triage,
        field=field,
        predicted=predicted,
        chosen=chosen,
        officer=actor,
        model_version=_model_version(triage.model_versions, column),
    )
    _decision_record(grievance, decision, actor=actor)
    return decision


def _decision_record(grievance: Grievance, decision: TriageOverride, *, actor) -> None:
    """The internal timeline entry of an officer's triage decision."""
    field, chosen, predicted = decision.field, decision.chosen, decision.predicted
    with translation.override("en"):
        values = {
            "field": str(TriageField(field).label),
            "chosen": triage_value_label(field, chosen),
            "predicted": triage_value_label(field, predicted),
        }
    if decision.is_override:
        msgid = gettext_noop("%(field)s set to %(chosen)s; the AI had suggested %(predicted)s.")
    else:
        msgid = gettext_noop("AI suggestion accepted for the %(field)s: %(chosen)s.")
    action = "triage_override" if decision.is_override else "triage_accept"
    event_write(grievance, actor=actor, action=action, message=(msgid, values), is_internal=True)
