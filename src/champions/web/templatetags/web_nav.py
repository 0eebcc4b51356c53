"""Template helpers for the site layout."""

from django import template
from django.utils.html import format_html

register = template.Library()


def _prefixes(value: str) -> list[str]:
    return [prefix.strip() for prefix in value.split(",") if prefix.strip()]


@register.simple_tag(takes_context=True)
def nav_current(context, path: str, exact: bool = False, exclude: str = "") -> str:
    """`aria-current="page"` for the navigation link whose section the request is in.

    `path` and `exclude` take comma-separated prefixes: a section can live under two URLs
    (`/track/` and `/grievances/track/`), and a sub-page can have its own link.
    """
    request = context.get("request")
    if request is None:
        return ""
    current = request.path
    if any(current.startswith(prefix) for prefix in _prefixes(exclude)):
        return ""
    paths = _prefixes(path)
    matches = current in paths if exact else any(current.startswith(p) for p in paths)
    return format_html('{}="{}"', "aria-current", "page") if matches else ""
