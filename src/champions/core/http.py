"""Small HTTP helpers every app's views share: domain errors to 404, cursor parameters."""

from functools import wraps

from django.http import Http404

from .errors import NotFound


def not_found_as_404(view):
    """Answer 404 when a selector or service says the object is missing or out of scope."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from exc

    return wrapper


def cursor_param(request, name: str) -> int | None:
    """A keyset cursor from the query string; anything but digits means no cursor."""
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) <= 18 else None
