"""The in-app inbox and the preferences page: thin interfaces over services and selectors."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.core.errors import NotFound
from champions.core.http import cursor_param as _cursor
from champions.core.pagination import keyset_page

from . import selectors, services
from .forms import PreferencesForm


@login_required
@require_GET
def notification_list_view(request):
    page = keyset_page(
        selectors.notification_list_for_user(user=request.user),
        after=_cursor(request, "after"),
        before=_cursor(request, "before"),
        size=settings.CHAMPIONS_PAGE_SIZE,
    )
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def notification_mark_read_view(request, notification_id: int):
    try:
        services.notification_mark_read(user=request.user, notification_id=notification_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return redirect("web:notifications:list")


@login_required
@require_GET
def notification_open_view(request, notification_id: int):
    """Opening a notification marks it read and goes where it points (a page of this site)."""
    try:
        notification = services.notification_mark_read(
            user=request.user, notification_id=notification_id
        )
    except NotFound as exc:
        raise Http404(exc.message) from exc
    link = notification.link
    if link.startswith("/") and not link.startswith("//"):
        return redirect(link)
    return redirect("web:notifications:list")


@login_required
@require_POST
def notification_mark_all_read_view(request):
    count = services.notifications_mark_all_read(user=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)s notification marked as read.",
            "%(count)s notifications marked as read.",
            count,
        )
        % {"count": count},
    )
    return redirect("web:notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def notification_preferences_view(request):
    form = PreferencesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=request.user, enabled=form.enabled_pairs())
        messages.success(request, _("Your notification preferences are saved."))
        return redirect("web:notifications:preferences")
    rows = selectors.preference_grid(user=request.user)
    return render(request, "notifications/preferences.html", {"form": form, "rows": rows})
