from django import template

from champions.insights import charts
from champions.insights.dashboard import HEADLINE_LABELS
from champions.insights.formats import indian_number

register = template.Library()


@register.filter
def indian(value) -> str:
    """Digits grouped the Indian way (lakh, crore): 1234567 -> 12,34,567."""
    return indian_number(value)


@register.filter
def signed(value: int) -> str:
    """+3, -2 or 0, for a change against the previous period."""
    if value > 0:
        return f"+{indian_number(value)}"
    if value < 0:
        return f"-{indian_number(-value)}"
    return "0"


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def bars(rows) -> dict:
    """Bar geometry for a list of numbers, or of tuples whose last item is the number."""
    values = [row[-1] if isinstance(row, tuple | list) else row for row in rows]
    return charts.bars([v or 0 for v in values])


@register.filter
def state_query(code: str, filters) -> str:
    """The dashboard's query string narrowed to one state (the map's drill-down)."""
    return filters.with_state(code)


@register.filter
def negative_bars(days) -> dict:
    """Bars of the negative share per day (0-100)."""
    return charts.bars([day.negative_percent or 0 for day in days], maximum=100)


@register.filter
def sum_values(values) -> int:
    return sum(values)


@register.filter
def measure(metric: str) -> str:
    """A headline metric's name in the active language (lodged -> Lodged)."""
    return str(HEADLINE_LABELS.get(metric, metric))
