"""Comparing a fact with a rule's value, and effective dates (pure, shared by the engine)."""

from datetime import date

from .catalogue import constants


def day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def in_force(item: dict, on: date) -> bool:
    """Whether a rule, a cover row or a ceiling with effective_from/_to applies on `on`."""
    start, end = day(item.get("effective_from")), day(item.get("effective_to"))
    return (start is None or start <= on) and (end is None or on <= end)


def _resolve(value):
    if isinstance(value, str) and value.startswith("$"):
        return constants()[value[1:]]
    return value


def compare(op: str, actual, expected) -> bool:
    expected = _resolve(expected)
    if op == "is_true":
        return actual is True
    if op == "is_false":
        return actual is False
    if op == "==":
        return actual == expected
    if op == "!=":
        return actual != expected
    if op == "in":
        return actual in expected
    if op == "not_in":
        return actual not in expected
    if isinstance(actual, bool) or not isinstance(actual, int | float):
        return False
    return {
        "<=": actual <= expected,
        ">=": actual >= expected,
        "<": actual < expected,
        ">": actual > expected,
    }[op]


def condition_holds(condition: dict, facts: dict) -> bool | None:
    """True or False, or None when the fact it reads is unknown."""
    actual = facts.get(condition["field"])
    if actual is None:
        return None
    return compare(condition["op"], actual, condition.get("value"))
