"""Indian number and currency formatting, the one helper every app uses.

`format_inr(125000)` -> '₹1,25,000' (lakh/crore digit grouping); `paise=True` keeps two
decimals; `inr_words(12500000)` -> '₹1.25 crore' (translated: '₹1.25 करोड़').
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

PAISA = Decimal("0.01")
LAKH = 100_000
CRORE = 10_000_000


def group_indian(digits: str) -> str:
    """'12345678' -> '1,23,45,678': the last three digits, then groups of two."""
    head, groups = digits[:-3], [digits[-3:]]
    while head:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join(groups)


def format_inr(amount, *, symbol: bool = True, paise: bool = False) -> str:
    """An amount of rupees grouped the Indian way: ₹1,25,000 (or 1,08,727.11 with paise)."""
    value = Decimal(amount)
    sign = "-" if value < 0 else ""
    if paise:
        whole, fraction = f"{abs(value.quantize(PAISA, rounding=ROUND_HALF_UP)):.2f}".split(".")
        text = f"{group_indian(whole)}.{fraction}"
    else:
        text = group_indian(str(abs(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))))
    return f"{sign}{'₹' if symbol else ''}{text}"


def inr_words(amount) -> str:
    """A large amount in lakh or crore: ₹1.25 crore, ₹8 lakh; smaller ones as digits."""
    value = Decimal(amount)
    for size, unit in ((CRORE, _("crore")), (LAKH, _("lakh"))):
        if abs(value) >= size:
            number = (value / size).quantize(PAISA, rounding=ROUND_HALF_UP).normalize()
            return f"₹{number:f} {unit}"
    return format_inr(value)
