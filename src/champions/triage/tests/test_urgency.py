import pytest

from champions.triage.urgency import amounts_inr, urgency_decide, urgency_signals


@pytest.mark.parametrize(
    ("_case", "text", "signals"),
    [
        ("closure", "We will have to shut down the unit next week.", ["unit_closure"]),
        ("closure hi", "भुगतान न मिलने से इकाई बंद होने की कगार पर है", ["unit_closure", "distress"]),
        ("wages", "Workers' wages have not been paid for two months.", ["unpaid_wages"]),
        ("wages hinglish", "workers ko salary nahi di 2 mahine se", ["unpaid_wages"]),
        ("amount", "Rs 38 lakh stuck with the PSU", ["large_amount"]),
        ("small amount", "Rs 40,000 pending", []),
        ("safety", "A boiler explosion injured three workers", ["health_safety"]),
        ("safety hinglish", "gas leak ho rahi hai, workers ghayal hain", ["health_safety"]),
        ("follow-up", "This is my third reminder.", ["repeated_followup"]),
        ("follow-up hi", "बार-बार पत्र लिखने पर भी जवाब नहीं", ["repeated_followup"]),
        ("self-harm", "I feel like ending my life", ["self_harm"]),
        ("nothing", "Please tell me the office hours.", []),
    ],
)
def test_urgency_signals(_case, text, signals):
    assert urgency_signals(text) == signals


def test_amounts_inr_reads_units_and_indian_grouping():
    assert amounts_inr("Rs 17,40,000 and 1.2 crore and 26 लाख") == [
        1_740_000,
        12_000_000,
        2_600_000,
    ]


@pytest.mark.parametrize(
    ("_case", "model_label", "signals", "expected", "raised"),
    [
        ("no signal", "normal", [], "normal", False),
        ("floor", "low", ["large_amount"], "high", True),
        ("model already higher", "critical", ["large_amount"], "critical", False),
        ("safety", "normal", ["health_safety"], "critical", True),
        ("closure and wages", "normal", ["unit_closure", "unpaid_wages"], "critical", True),
        ("follow-up one step", "low", ["repeated_followup"], "normal", True),
        ("follow-up stops at high", "high", ["repeated_followup"], "high", False),
    ],
)
def test_urgency_decide(_case, model_label, signals, expected, raised):
    decision = urgency_decide(model_label, signals)
    assert (decision.label, decision.raised) == (expected, raised)
