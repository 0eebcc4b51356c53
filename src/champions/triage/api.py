"""Triage endpoint under /api/v1/triage."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from champions.core.errors import ValidationFailed
from champions.core.fields import NOT_BLANK
from champions.core.schemas import ErrorOut
from champions.core.throttles import triage_throttles

from . import services
from .errors import TextTooLong

router = Router()


class TriageIn(Schema):
    text: str = Field(
        ...,
        json_schema_extra=NOT_BLANK,
        description="The grievance or message, up to 10,000 characters.",
    )


class PredictionOut(Schema):
    label: str
    confidence: float = Field(..., ge=0, le=1)


class NearestExampleOut(Schema):
    text: str
    category: str
    similarity: float


class ExplanationOut(Schema):
    summary: str
    category_terms: list[str]
    department_terms: list[str]
    nearest_examples: list[NearestExampleOut]
    urgency_raised_by_signals: bool
    language_reason: str


class TriageOut(Schema):
    category: PredictionOut
    department: PredictionOut = Field(
        ..., description="A CPGRAMS organisation name, or State Government."
    )
    urgency: PredictionOut
    language: PredictionOut
    sentiment: PredictionOut
    emotion: PredictionOut
    urgency_signals: list[str]
    explanation: ExplanationOut
    model_versions: dict[str, str]


@router.post(
    "",
    response={
        200: TriageOut,
        401: ErrorOut,
        413: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
        503: ErrorOut,
    },
    throttle=triage_throttles(),
    summary="Predict category, department, urgency, language, sentiment and emotion",
)
def triage(request: HttpRequest, payload: TriageIn):
    if len(payload.text) > services.MAX_TEXT_LENGTH:
        raise TextTooLong(
            _("The text is longer than %(limit)s characters.")
            % {"limit": f"{services.MAX_TEXT_LENGTH:,}"}
        )
    if not payload.text.strip():
        raise ValidationFailed(
            _("Invalid input."), errors={"text": [_("Write the text to triage.")]}
        )
    return services.triage_text(text=payload.text).as_dict()
