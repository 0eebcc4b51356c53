"""Web pages of the schemes app: thin interfaces over the selectors, services and the engine."""

import hashlib
import io
import json
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.core import spreadsheets
from champions.core.forms import form_done
from champions.core.http import not_found_as_404

from . import selectors, services
from .catalogue import load_facts, localized, localized_pair
from .convergence import heat_map_page, pairs_table
from .eligibility import (
    ELIGIBLE,
    NEEDS_INFO,
    NOT_ELIGIBLE,
    OPENING_QUESTIONS,
    next_question,
    remaining_questions,
)
from .filters import SchemeFilterSet
from .forms import FinanceForm, QuestionForm, SchemeEditForm

SESSION_KEY = "schemes_check"
COUNTED_KEY = "schemes_check_counted"  # the answers last counted (a hash)
PAGE_SIZE = 10


@require_GET
def scheme_list_view(request):
    filterset = SchemeFilterSet(request.GET, queryset=selectors.scheme_queryset())
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"filterset": filterset, "page": page}
    if request.htmx and not request.htmx.boosted:
        return render(request, "schemes/partials/_scheme_results.html", context)
    return render(request, "schemes/scheme_list.html", context)


def _entry_texts(data: dict) -> dict:
    return {
        "name": localized(data, "name"),
        "purpose": localized(data, "purpose"),
        "components": [localized_pair(c) for c in data.get("components", [])],
        "benefits": [localized_pair(b) for b in data.get("benefits", [])],
        "documents": [localized_pair(d) for d in data.get("documents", [])],
        "how_to_apply": localized(data, "how_to_apply"),
        "status_note": localized(data, "status_note"),
        "verification_note": localized(data, "verification_note"),
        "rules": [localized(rule, "label") for rule in data.get("rules", [])],
    }


@require_GET
@not_found_as_404
def scheme_detail_view(request, slug: str):
    scheme = selectors.scheme_get(slug=slug)
    context = {
        "scheme": scheme,
        "texts": _entry_texts(scheme.data),
        "can_edit": selectors.user_edits_catalogue(request.user),
        "versions": selectors.scheme_versions(scheme=scheme)
        if selectors.user_sees_versions(request.user)
        else None,
    }
    return render(request, "schemes/scheme_detail.html", context)


def _scheme_save(request, scheme, form: SchemeEditForm) -> None:
    services.scheme_update(
        actor=request.user,
        slug=scheme.slug,
        data=form.to_data(scheme.data),
        summary=form.cleaned_data["summary"],
    )


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def scheme_edit_view(request, slug: str):
    if not selectors.user_edits_catalogue(request.user):
        raise Http404
    scheme = selectors.scheme_get(slug=slug)
    form = SchemeEditForm(request.POST or None, initial=SchemeEditForm.initial_from(scheme.data))
    if form.is_bound and form_done(form, partial(_scheme_save, request, scheme)):
        messages.success(request, _("The scheme was saved as a new version."))
        return redirect("web:schemes:detail", slug=slug)
    return render(request, "schemes/scheme_edit.html", {"form": form, "scheme": scheme})


# --- The questionnaire: one question a screen, answers kept in the session -----------------------


def _state(request) -> dict:
    state = request.session.get(SESSION_KEY) or {}
    return {
        "answers": dict(state.get("answers", {})),
        "skipped": list(state.get("skipped", [])),
        "history": list(state.get("history", [])),
    }


def _save_state(request, state: dict) -> None:
    request.session[SESSION_KEY] = state


def _check(state: dict):
    check = selectors.eligibility_check(profile=state["answers"])
    question = next_question(
        check.results,
        answered=check.facts,
        skipped=state["skipped"],
        opening=OPENING_QUESTIONS,
    )
    return check, question


@require_http_methods(["GET", "POST"])
def check_view(request):
    state = _state(request)
    facts = load_facts()
    if request.method == "POST":
        return _check_post(request, state, facts)
    check, question = _check(state)
    if question is None:
        return redirect("web:schemes:check_results")
    return _question_page(request, state, check, QuestionForm(fact=facts[question]))


def _question_page(request, state, check, form, status=200):
    done = len(state["history"])
    remaining = remaining_questions(
        check.results, answered=check.facts, skipped=state["skipped"], opening=OPENING_QUESTIONS
    )
    context = {
        "form": form,
        "fact": form.fact,
        "step": done + 1,
        "total": done + max(remaining, 1),
        "can_go_back": bool(state["history"]),
    }
    return render(request, "schemes/check_question.html", context, status=status)


def _check_post(request, state: dict, facts: dict):
    action = request.POST.get("action", "answer")
    if action == "back":
        if state["history"]:
            name = state["history"].pop()
            state["answers"].pop(name, None)
            state["skipped"] = [s for s in state["skipped"] if s != name]
        _save_state(request, state)
        return redirect("web:schemes:check")
    name = request.POST.get("fact", "")
    if name not in facts:
        return redirect("web:schemes:check")
    if action == "skip":
        state["skipped"].append(name)
    else:
        form = QuestionForm(request.POST, fact=facts[name])
        if not form.is_valid():
            check, _question = _check(state)
            return _question_page(request, state, check, form, status=422)
        state["answers"][name] = form.value()
        state["skipped"] = [s for s in state["skipped"] if s != name]
    state["history"].append(name)
    _save_state(request, state)
    return redirect("web:schemes:check")


@require_POST
def check_restart_view(request):
    request.session.pop(SESSION_KEY, None)
    return redirect("web:schemes:check")


def _answers_shown(answers: dict) -> list[tuple[str, str]]:
    facts, shown = load_facts(), []
    for name, value in answers.items():
        fact = facts[name]
        if fact.type == "bool":
            text = _("Yes") if value else _("No")
        elif fact.type == "choice":
            text = fact.choice_label(value)
        else:
            text = str(value)
        shown.append((fact.question, text))
    return shown


def _grouped(results) -> dict:
    return {
        "eligible": [r for r in results if r.status == ELIGIBLE],
        "needs_info": [r for r in results if r.status == NEEDS_INFO],
        "not_eligible": [r for r in results if r.status == NOT_ELIGIBLE],
    }


@require_GET
def check_results_view(request):
    state = _state(request)
    check, question = _check(state)
    _count_once(request, check)
    context = {
        "check": check,
        "results": check.results,
        "groups": _grouped(check.results),
        "answers": _answers_shown(state["answers"]),
        "more_questions": question is not None,
        "facts": load_facts(),
    }
    return render(request, "schemes/check_results.html", context)


def _count_once(request, check) -> None:
    """Count the check for the MIS dashboard once per set of answers (a reload adds nothing)."""
    answers = hashlib.sha256(json.dumps(check.facts, sort_keys=True, default=str).encode())
    if request.session.get(COUNTED_KEY) != answers.hexdigest():
        services.eligibility_check_record(check=check)
        request.session[COUNTED_KEY] = answers.hexdigest()


# --- For a registered enterprise -----------------------------------------------------------------


@login_required
@require_GET
@not_found_as_404
def recommendations_view(request, enterprise_id: int):
    found = selectors.recommendations_for_enterprise(user=request.user, enterprise_id=enterprise_id)
    context = {"found": found, "facts": load_facts()}
    return render(request, "schemes/recommendations.html", context)


@login_required
@require_GET
@not_found_as_404
def finance_view(request):
    enterprises = selectors.enterprises_for_user(user=request.user)
    form = FinanceForm(request.GET or None, enterprises=enterprises)
    context = {"form": form, "enterprises": enterprises, "options": None}
    if form.is_bound and form.is_valid():
        enterprise, check, options = selectors.finance_options_for_enterprise(
            user=request.user,
            enterprise_id=form.cleaned_data["enterprise"],
            extra=form.extra_facts(),
        )
        context.update(enterprise=enterprise, check=check, options=options, facts=load_facts())
    return render(request, "schemes/finance.html", context)


# --- Convergence (NITI Aayog 2026) ---------------------------------------------------------------

TOP_PAIRS_SHOWN = 10


@require_GET
def convergence_view(request):
    report = selectors.convergence_report()
    context = heat_map_page(report, request.GET.get("dimension", ""), top=TOP_PAIRS_SHOWN)
    if request.htmx and not request.htmx.boosted:
        return render(request, "schemes/partials/_heat_map.html", context)
    return render(request, "schemes/convergence.html", context)


@require_GET
def convergence_csv_view(request):
    report = selectors.convergence_report()
    out = io.StringIO()
    spreadsheets.csv_writer(out).writerows(pairs_table(report))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"scheme-convergence-{report.on.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
