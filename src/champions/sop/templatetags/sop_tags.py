"""`{% sop_link "hand-holding" %}`: a link to the SOP page for the step done on a screen."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .. import content

register = template.Library()


@register.simple_tag
def sop_link(slug: str) -> str:
    page = content.page(slug=slug)
    if page is None:
        return ""
    return format_html(
        '<a class="sop-link" href="/help/sop/{}/">{}: {}</a>', slug, _("How to (SOP)"), page.title
    )
