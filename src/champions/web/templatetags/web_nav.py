"""Template helpers for the site layout."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_current(context, path: str, exact: bool = False, exclude: str = "") -> str:
    """`aria-current="page"` for the navigation link whose section the request is in."""
    request = context.get("request")
    if request is None:
        return ""
    current = request.path
    if exclude and current.startswith(exclude):
        return ""
    matches = current == path if exact else current.startswith(path)
    return format_html('{}="{}"', "aria-current", "page") if matches else ""
