"""`{% load numbers %}{{ amount|inr }}` -> ₹1,25,000; `{{ amount|inr_paise }}` -> ₹1,08,727.11;
`{{ amount|inr_words }}` -> ₹1.25 crore."""

from decimal import InvalidOperation

from django import template

from champions.core import numbers

register = template.Library()


@register.filter
def inr(value) -> str:
    try:
        return numbers.format_inr(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""


@register.filter
def inr_paise(value) -> str:
    try:
        return numbers.format_inr(value, paise=True)
    except (InvalidOperation, TypeError, ValueError):
        return ""


@register.filter
def inr_words(value) -> str:
    try:
        return numbers.inr_words(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
