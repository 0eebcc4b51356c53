"""`{% load names %}{{ room|local_name }}`: a room, state, scheme or department name in the
page's language (see `champions.core.names`)."""

from django import template
from django.utils.safestring import SafeString

from champions.core.names import html_lang, name_html

register = template.Library()


@register.filter
def local_name(thing) -> SafeString:
    return name_html(thing)


@register.filter
def lang_tag(label: str) -> str:
    """`{{ grievance.language|lang_tag }}`: "hinglish" -> "hi-Latn" (a valid `lang`)."""
    return html_lang(label)
