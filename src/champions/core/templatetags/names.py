"""`{% load names %}{{ room|local_name }}`: a room, state, scheme or department name in the
page's language; `{{ enterprise.name|proper_name }}`: a name people wrote, marked as a name
(see `champions.core.names`)."""

from django import template
from django.utils.safestring import SafeString

from champions.core.names import html_lang, name_html, proper_name_html

register = template.Library()


@register.filter
def local_name(thing) -> SafeString:
    return name_html(thing)


@register.filter
def proper_name(text: str) -> SafeString:
    """`{{ enterprise.name|proper_name }}`: the name marked `translate="no"`."""
    return proper_name_html(text)


@register.filter
def lang_tag(label: str) -> str:
    """`{{ grievance.language|lang_tag }}`: "hinglish" -> "hi-Latn" (a valid `lang`)."""
    return html_lang(label)
