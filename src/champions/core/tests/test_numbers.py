from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from champions.core.numbers import format_inr, inr_words


@pytest.mark.parametrize(
    ("amount", "kwargs", "text"),
    [
        (125000, {}, "₹1,25,000"),
        (12345678, {}, "₹1,23,45,678"),
        (999, {}, "₹999"),
        (0, {}, "₹0"),
        (-125000, {}, "-₹1,25,000"),
        (Decimal("108727.105"), {"symbol": False, "paise": True}, "1,08,727.11"),
        (Decimal("5.5"), {"paise": True}, "₹5.50"),
    ],
)
def test_format_inr_groups_in_lakh_and_crore(amount, kwargs, text):
    assert format_inr(amount, **kwargs) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "₹0"),
        (999, "₹999"),
        (1000, "₹1,000"),
        (100000, "₹1,00,000"),
        (12345678, "₹1,23,45,678"),
        (5000000000, "₹5,00,00,00,000"),
    ],
)
def test_format_inr_whole_rupees(amount, text):
    """The classification engine's limits and figures."""
    assert format_inr(amount) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("0", "0.00"),
        ("999.5", "999.50"),
        ("1000", "1,000.00"),
        ("100000", "1,00,000.00"),
        ("108727.105", "1,08,727.11"),
        ("12345678901.2", "12,34,56,78,901.20"),
        ("-1500", "-1,500.00"),
    ],
)
def test_format_inr_with_paise_and_no_symbol(amount, text):
    """The delayed-payment calculator's figures (its page prints the ₹ itself)."""
    assert format_inr(Decimal(amount), symbol=False, paise=True) == text


@pytest.mark.parametrize(
    ("amount", "english", "hindi"),
    [
        (12_500_000, "₹1.25 crore", "₹1.25 करोड़"),
        (800_000, "₹8 lakh", "₹8 लाख"),
        (45_000, "₹45,000", "₹45,000"),
    ],
)
def test_inr_words_in_both_languages(amount, english, hindi):
    with translation.override("en"):
        assert inr_words(amount) == english
    with translation.override("hi"):
        assert inr_words(amount) == hindi


def test_the_template_filters():
    html = Template("{% load numbers %}{{ a|inr }} {{ b|inr_words }} {{ c|inr }}").render(
        Context({"a": 125000, "b": 25_000_000, "c": "not a number"})
    )

    assert html == "₹1,25,000 ₹2.5 crore "
