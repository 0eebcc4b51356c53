from decimal import Decimal, InvalidOperation

from django import template

from ..delayed_payment import format_inr

register = template.Library()


@register.filter
def inr(value) -> str:
    """Rupees grouped the Indian way, with paise: 108727.11 -> 1,08,727.11."""
    try:
        return format_inr(Decimal(value))
    except (InvalidOperation, TypeError, ValueError):
        return ""
