"""Helpers shared by the clusters app's views."""

from functools import wraps

from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import FileResponse, Http404

from champions.accounts.selectors import user_is_entrepreneur
from champions.core.errors import NotFound
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
    """The units a signed-in entrepreneur represents (others act for no unit here)."""
    return list(enterprise_list_for_user(user=user)[:50]) if user_is_entrepreneur(user) else []


def file_download(field, *, name: str, content_type: str) -> FileResponse:
    response = FileResponse(
        field.open("rb"), content_type=content_type, as_attachment=True, filename=name
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
