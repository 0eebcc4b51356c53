"""Small HTTP helpers every app's views share: domain errors to 404, cursor parameters,
file downloads. (`Forbidden` needs no helper: it is Django's `PermissionDenied`, the 403 page.)"""

from functools import wraps

from django.http import FileResponse, Http404

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


def client_address(request) -> str:
    """The client's address (the proxy-aware middleware has already set REMOTE_ADDR)."""
    return request.META.get("REMOTE_ADDR", "unknown")


def cursor_param(request, name: str) -> int | None:
    """A keyset cursor from the query string; anything but digits means no cursor."""
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) <= 18 else None


def file_download(field, *, name: str, content_type: str) -> FileResponse:
    """A stored file as an attachment, never sniffed into another type by the browser."""
    response = FileResponse(
        field.open("rb"), content_type=content_type, as_attachment=True, filename=name
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
