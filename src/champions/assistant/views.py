"""Pages of the assistant: the chat (full page and the panel on every page), the sources
(help pages citations link to), the hub's review of weak answers and the call-back queue."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods, require_POST

from champions.core.errors import DomainError, NotFound
from champions.core.http import client_address, not_found_as_404

from . import selectors, services
from .choices import CallbackStatus
from .conf import setting
from .forms import AskForm, RateForm
from .retrieval import index_get

SESSION_KEY = "assistant_conversation"
PAGE_SIZE = 25


def _turns(request: HttpRequest) -> list:
    conversation_id = request.session.get(SESSION_KEY)
    if not conversation_id:
        return []
    try:
        conversation = selectors.conversation_get(
            conversation_id=conversation_id, user=request.user
        )
    except NotFound:
        return []
    return selectors.conversation_turns(conversation=conversation)


def assistant_page_view(request: HttpRequest) -> HttpResponse:
    context = {
        "turns": _turns(request),
        "form": AskForm(),
        "chat_id": "chat-page",
        "retention_days": setting("ASSISTANT_TRANSCRIPT_DAYS"),
    }
    return render(request, "assistant/page.html", context)


@require_POST
def ask_view(request: HttpRequest) -> HttpResponse:
    question = AskForm(request.POST).data.get("question", "")
    try:
        result = _ask(request, question)
    except DomainError as error:
        context = {"error": error.message}
        return render(request, "assistant/partials/_error.html", context, status=200)
    request.session[SESSION_KEY] = str(result.conversation.pk)
    if not request.htmx:
        return redirect("web:assistant:page")
    context = {"question": result.question, "answer": result.answer, "reply": result.reply}
    return render(request, "assistant/partials/_exchange.html", context)


def _ask(request: HttpRequest, question: str):
    services.rate_limit_check(client_key=client_address(request))
    conversation_id = request.session.get(SESSION_KEY)
    return services.assistant_ask(
        question=question, user=request.user, conversation_id=conversation_id
    )


@require_POST
@not_found_as_404
def rate_view(request: HttpRequest, turn_id: int) -> HttpResponse:
    form = RateForm(request.POST)
    conversation_id = request.session.get(SESSION_KEY)
    if not form.is_valid() or not conversation_id:
        raise Http404
    rating = form.cleaned_data["rating"]
    services.turn_rate(
        conversation_id=conversation_id, turn_id=turn_id, rating=rating, user=request.user
    )
    if not request.htmx:
        return redirect("web:assistant:page")
    return render(request, "assistant/partials/_rated.html", {"rating": rating})


def source_list_view(request: HttpRequest) -> HttpResponse:
    return render(request, "assistant/sources.html", {"sources": index_get().sources})


def source_view(request: HttpRequest, source_id: str) -> HttpResponse:
    source = next((s for s in index_get().sources if s.id == source_id), None)
    if source is None:
        raise Http404
    hindi = (translation.get_language() or "en").startswith("hi")
    return render(request, "assistant/source.html", {"source": source, "hindi": hindi})


@login_required
def review_view(request: HttpRequest) -> HttpResponse:
    if not selectors.user_reviews_answers(request.user):
        return HttpResponseForbidden()
    page = Paginator(selectors.review_queryset(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "assistant/review.html", {"page": page})


@login_required
def callback_list_view(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", CallbackStatus.OPEN)
    if status not in CallbackStatus.values:
        status = CallbackStatus.OPEN
    qs = selectors.callback_list_for_user(user=request.user, status=status)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "assistant/callbacks.html", {"page": page, "status": status})


@login_required
@require_http_methods(["POST"])
def callback_done_view(request: HttpRequest, callback_id: int) -> HttpResponse:
    try:
        services.callback_mark_done(user=request.user, callback_id=callback_id)
    except NotFound as error:
        raise Http404 from error
    return redirect("web:assistant:callbacks")
