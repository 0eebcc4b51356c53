"""Assistant endpoint under /api/v1/assistant/."""

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from champions.core.http import client_address
from champions.core.schemas import ErrorOut

from . import services
from .compose import answer_language

router = Router()


class AskIn(Schema):
    question: str = Field(
        ..., description="The question, in English, Hindi or Hinglish (1-1000 characters)."
    )
    conversation_id: str | None = Field(
        None, description="Continue a conversation: the id an earlier answer returned."
    )


class CitationOut(Schema):
    source_id: str
    title: str
    url: str


class AskOut(Schema):
    answer: str
    language: str = Field(..., description='"en", "hi" or "hinglish": the question\'s language.')
    citations: list[CitationOut] = Field(..., description="The sources used, best first.")
    confidence: float
    follow_up: list[str]
    conversation_id: str
    handoff: bool = Field(..., description="True when a call-back request was created.")


@router.post(
    "/ask",
    auth=None,
    response={200: AskOut, 422: ErrorOut, 429: ErrorOut},
    summary="Ask the assistant",
    description="No login needed; rate-limited per client (429 when exceeded). Answers only "
    "from the portal's sources and cites them; empty or oversized questions get 422.",
)
def ask(request: HttpRequest, payload: AskIn):
    services.rate_limit_check(client_key=client_address(request))
    result = services.assistant_ask(
        question=payload.question, conversation_id=payload.conversation_id, user=request.user
    )
    return Status(200, _answer_out(result))


def _answer_out(result) -> dict:
    reply = result.reply
    language = answer_language(reply.language)
    return {
        "answer": reply.text,
        "language": reply.language,
        "citations": [
            {"source_id": s.id, "title": s.title(language), "url": s.url} for s in reply.citations
        ],
        "confidence": round(reply.confidence, 4),
        "follow_up": reply.follow_up,
        "conversation_id": str(result.conversation.pk),
        "handoff": reply.handoff,
    }
