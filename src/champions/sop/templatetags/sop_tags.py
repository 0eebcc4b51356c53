"""`{% sop_link "hand-holding" %}`: a link to the SOP page for the step done on a screen.

`{% sop_link "grievance-handling" step=3 %}` links to one step of the page (its `#step-3`
anchor) and reads "How to handle this"; without `step`, it names the whole page."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .. import content

register = template.Library()


@register.simple_tag
def sop_link(slug: str, step: int | None = None) -> str:
    page = content.page(slug=slug)
    if page is None:
        return ""
    if step is not None and 1 <= step <= len(page.steps):
        return format_html(
            '<a class="sop-link" href="/help/sop/{}/#step-{}">{}</a> <span class="muted">'
            "({}, {})</span>",
            slug,
            step,
            _("How to handle this"),
            page.title,
            _("step %(n)s") % {"n": step},
        )
    return format_html(
        '<a class="sop-link" href="/help/sop/{}/">{}: {}</a>', slug, _("How to (SOP)"), page.title
    )
