"""Web pages of the network: thin interfaces over the services and selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from champions.core.errors import DomainError, NotFound
from champions.core.http import not_found_as_404

from . import market, searches, selectors, services, trustcard
from .downloads import market_csv_response
from .forms import (
    InterestForm,
    MatchForm,
    MessageForm,
    PostForm,
    PostSearchForm,
    ProfileForm,
    ReviewForm,
)


def _page_number(request) -> int:
    value = request.GET.get("page", "1")
    return max(1, int(value or 1)) if value.isdigit() else 1


def _posts_found(form: PostSearchForm, page: int):
    data = form.cleaned_data if form.is_valid() else {}
    return selectors.posts_published(
        text=data.get("q", ""),
        kind=data.get("kind", ""),
        hs=data.get("hs", ""),
        country=data.get("country", ""),
        page=page,
    )


def _home_panels(user) -> dict:
    return {
        "profiles": selectors.profiles_of_user(user=user),
        "alerts": selectors.alerts_for_user(user=user),
        "officer_introductions": selectors.introductions_for_officer(user=user),
    }


@require_GET
def network_home_view(request):
    form = PostSearchForm(request.GET or None)
    page = _page_number(request)
    posts, more = _posts_found(form, page)
    context = {"form": form, "posts": posts, "page": page, "more": more}
    context |= _home_panels(request.user)
    template = "network/partials/_posts.html" if request.htmx else "network/home.html"
    return render(request, template, context)


@login_required
@require_GET
def match_view(request):
    form = MatchForm(request.GET or None)
    results, error = [], None
    if form.is_valid() and any(form.cleaned_data.values()):
        try:
            results = services.match_and_record(user=request.user, query=form.match_query())
        except DomainError as exc:
            error = exc
    return render(request, "network/match.html", {"form": form, "results": results, "error": error})


@not_found_as_404
@require_GET
def post_detail_view(request, post_id: int):
    post = selectors.post_get_for_user(user=request.user, post_id=post_id)
    context = {
        "post": post,
        "introductions": selectors.introductions_for_post(user=request.user, post=post),
        "my_profiles": selectors.profiles_of_user(user=request.user),
        "form": InterestForm(),
    }
    return render(request, "network/post_detail.html", context)


def _introduction_request(user, post_id: int, data: dict):
    """(introduction, "") or (None, why not); a post out of reach stays a 404."""
    try:
        intro = services.introduction_request(
            user=user,
            post_id=post_id,
            from_profile_id=data["profile_id"],
            message=data["message"],
        )
    except NotFound:
        raise
    except DomainError as exc:
        return None, exc.message
    return intro, ""


@login_required
@not_found_as_404
@require_POST
def interest_view(request, post_id: int):
    form = InterestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a short message."))
        return redirect("web:network:post", post_id=post_id)
    intro, refusal = _introduction_request(request.user, post_id, form.cleaned_data)
    if refusal:
        messages.error(request, refusal)
        return redirect("web:network:post", post_id=post_id)
    messages.success(request, _("Your interest was sent to the author."))
    return redirect("web:network:introduction", introduction_id=intro.pk)


@login_required
@not_found_as_404
def introduction_view(request, introduction_id: int):
    intro = selectors.introduction_get_for_user(user=request.user, introduction_id=introduction_id)
    if request.method == "POST":
        return _introduction_post(request, intro)
    context = {
        "intro": intro,
        "contact_visible": selectors.contact_visible(user=request.user, introduction=intro),
        "is_author": intro.post.profile.owner_id == request.user.pk,
        "form": MessageForm(),
    }
    return render(request, "network/introduction.html", context)


def _introduction_post(request, intro):
    answer = request.POST.get("answer")
    try:
        if answer:
            services.introduction_answer(user=request.user, introduction_id=intro.pk, answer=answer)
        else:
            services.introduction_message_add(
                user=request.user, introduction_id=intro.pk, body=request.POST.get("body", "")
            )
    except DomainError as exc:
        if isinstance(exc, NotFound):
            raise
        messages.error(request, exc.message)
    return redirect("web:network:introduction", introduction_id=intro.pk)


@not_found_as_404
@require_GET
def trust_card_view(request, profile_id: int):
    profile = selectors.profile_get_for_user(user=request.user, profile_id=profile_id)
    url = request.build_absolute_uri(reverse("web:network:trust", args=[profile.pk]))
    card = trustcard.trust_card(profile, page_url=url)
    if request.GET.get("format") == "json":
        return JsonResponse(card, json_dumps_params={"ensure_ascii": False, "indent": 1})
    context = {"profile": profile, "card": card, "qr": trustcard.qr_svg(url)}
    return render(request, "network/trust_card.html", context)


@require_GET
def trust_key_view(request):
    return HttpResponse(trustcard.public_key_pem(), content_type="application/x-pem-file")


def _posted_id(request, name: str) -> int:
    """A row id from the form; anything but digits is 0, which no row has (a 404 message)."""
    value = request.POST.get(name, "")
    return int(value) if value.isdigit() and len(value) <= 18 else 0


def _review(request) -> None:
    """The hub's decision on one post or profile, told back as a message."""
    form = ReviewForm(request.POST)
    form.is_valid()
    approve = form.cleaned_data.get("approve", False)
    reason = form.cleaned_data.get("reason", "")
    try:
        if request.POST.get("post_id"):
            post_id = _posted_id(request, "post_id")
            services.post_review(user=request.user, post_id=post_id, approve=approve, reason=reason)
        else:
            profile_id = _posted_id(request, "profile_id")
            services.profile_review(
                user=request.user, profile_id=profile_id, approve=approve, note=reason
            )
        messages.success(request, _("Saved."))
    except DomainError as exc:
        messages.error(request, exc.message)


@login_required
@not_found_as_404
def review_view(request):
    profiles, posts = selectors.review_queue(user=request.user)
    if request.method == "POST":
        _review(request)
        return redirect("web:network:review")
    return render(request, "network/review.html", {"profiles": profiles, "posts": posts})


@require_GET
def market_view(request):
    days = int(request.GET["days"]) if request.GET.get("days", "").isdigit() else 90
    summary = market.market_summary(days=min(max(days, 1), 730))
    searched = searches.searches_summary(days=summary.days)
    if request.GET.get("format") == "csv":
        return market_csv_response(summary, searched, table=request.GET.get("table", ""))
    bars = market.chart_bars(summary)
    context = {"summary": summary, "bars": bars, "chart_height": 10 * len(bars) + 10}
    context["searched"] = searched
    return render(request, "network/market.html", context)


def _form_errors(form, exc: DomainError) -> None:
    for field, msgs in exc.errors.items():
        for msg in msgs:
            form.add_error(field if field in form.fields else None, msg)
    if not exc.errors:
        form.add_error(None, exc.message)


@login_required
def profile_new_view(request):
    enterprises = selectors.enterprises_for_profile(user=request.user)
    form = ProfileForm(request.POST or None, enterprises=enterprises)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_save_from_form(
                user=request.user,
                enterprise_id=form.cleaned_data["enterprise"],
                data=form.profile_input(),
            )
            messages.success(request, _("Your profile is saved."))
            return redirect("web:network:home")
        except DomainError as exc:
            _form_errors(form, exc)
    return render(request, "network/form.html", {"form": form, "heading": _("Your profile")})


@login_required
def post_new_view(request):
    form = PostForm(request.POST or None, profiles=selectors.profiles_of_user(user=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.post_create(user=request.user, **form.post_kwargs())
            messages.success(request, _("Your post was sent to the hub for review."))
            return redirect("web:network:home")
        except DomainError as exc:
            _form_errors(form, exc)
    return render(request, "network/form.html", {"form": form, "heading": _("New post")})


@login_required
@not_found_as_404
@require_POST
def abuse_report_view(request, post_id: int):
    try:
        services.abuse_report(
            user=request.user, post_id=post_id, reason=request.POST.get("reason", "")
        )
        messages.success(request, _("Thank you. The hub will look at this post."))
    except DomainError as exc:
        if isinstance(exc, NotFound):
            raise
        messages.error(request, exc.message)
    return redirect("web:network:post", post_id=post_id)
