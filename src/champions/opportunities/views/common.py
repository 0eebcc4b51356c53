"""Helpers shared by the opportunities app's views."""

from functools import wraps

from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import Http404

from champions.accounts.selectors import user_is_entrepreneur
from champions.core.errors import NotFound, ValidationFailed
from champions.registry.selectors import enterprise_list_for_user

from ..errors import PermissionDenied


def domain_errors_as_http(view):
    """NotFound → 404, PermissionDenied → 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from exc
        except PermissionDenied as exc:
            raise HttpForbidden(exc.message) from exc

    return wrapper


def own_enterprises(user) -> list:
    return list(enterprise_list_for_user(user=user)[:50]) if user_is_entrepreneur(user) else []


def form_done(form, do) -> bool:
    """Run `do(form)` on a valid form; put a service's field errors back on the form."""
    if not form.is_valid():
        return False
    try:
        do(form)
    except ValidationFailed as exc:
        form.add_service_errors(exc.errors)
        return False
    return True
