"""`{% udyam_badge enterprise_id %}`: verified / not verified / mismatch, with the date."""

from django import template

from ..selectors import latest_check

register = template.Library()


@register.inclusion_tag("udyam/_badge.html")
def udyam_badge(enterprise_id: int) -> dict:
    return {"check": latest_check(enterprise_id=enterprise_id)}
