"""Urgency signals: named, explainable rules that raise the model's urgency.

Each signal is a pattern in English, Hindi or Hinglish. A signal sets a floor (the urgency can
be no lower than it); `repeated_followup` instead raises the level by one step. The model's own
prediction stands when it is already higher.
"""

import re
from dataclasses import dataclass

from .choices import Urgency, UrgencySignal

LEVELS = [Urgency.LOW, Urgency.NORMAL, Urgency.HIGH, Urgency.CRITICAL]
LAKH = 100_000
LARGE_AMOUNT_INR = 10 * LAKH


def _any(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


SIGNAL_PATTERNS: dict[str, re.Pattern] = {
    UrgencySignal.UNIT_CLOSURE: _any(
        r"\b(?:shut(?:ting)? down|close down|closure|closing (?:the|our) (?:unit|factory))",
        r"\b(?:sealed|seal(?:ed)? (?:our|the) unit|lock-?out|production (?:has )?stopped)",
        r"\bunit will (?:have to )?(?:stop|close|shut)",
        r"\b(?:band|bandh) (?:ho|kar|karni|karna|hone|pad)",
        r"\b(?:seal kar|kaam band|factory band|unit band)",
        r"बंद (?:हो|कर|होने)|सील कर|तालाबंदी|उत्पादन ठप",
    ),
    UrgencySignal.UNPAID_WAGES: _any(
        r"\b(?:wages?|salar(?:y|ies))\b[^.]{0,40}\b(?:not|unpaid|pending|due|nahi|nahin)\b",
        r"\b(?:unable to|cannot|can't|could not) pay (?:the )?(?:wages|salar|workers)",
        r"\bunpaid wages\b",
        r"\b(?:salary|tankhwah|tankha|wages?|majduri|mazdoori)\b[^.]{0,30}\b(?:nahi|nahin|nhi)\b",
        r"(?:वेतन|तनख्वाह|मजदूरी)[^।]{0,30}(?:नहीं|बकाया)",
    ),
    UrgencySignal.HEALTH_SAFETY: _any(
        r"\b(?:injur(?:ed|y|ies)|accident|explosion|exploded|gas leak|leak(?:ing|age)? of gas)",
        r"\b(?:fire broke|caught fire|electrocut|died|death|dizzy|falling sick|unsafe)\b",
        r"\b(?:ghayal|ghaayal|maut|mar gaya|aag lag|leak ho|bimaar|chakkar aa)",
        r"घायल|दुर्घटना|विस्फोट|फट(?:ने|ा)|मौत|बीमार|रिसाव|असुरक्षित|आग लग",
    ),
    UrgencySignal.REPEATED_FOLLOWUP: _any(
        r"\b(?:reminder|follow(?:ed)?[- ]up|again and again|repeatedly|several times|many times)",
        r"\b(?:third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) (?:time|reminder|letter|request)",
        r"\b(?:twice|thrice|(?:two|three|four|five|\d+) times)\b",
        r"\b(?:baar baar|kai baar|(?:teen|char|chaar|paanch|\d+) baar)\b",
        r"बार-बार|बार बार|अनुस्मारक|कई बार|(?:तीन|चार|पांच|\d+) बार",
    ),
    UrgencySignal.DISTRESS: _any(
        r"\b(?:ruined|lost everything|helpless|desperate|starv|on the verge|begging|beg you)",
        r"\b(?:barbaad|barbad|bhookhe|bhukhe|majboor|sab kuch khatam|tabaah)\b",
        r"बर्बाद|भूखे|मजबूर|तबाह|कगार पर|सब कुछ खत्म",
    ),
    UrgencySignal.SELF_HARM: _any(
        r"\b(?:suicide|end(?:ing)? my life|kill myself|take my (?:own )?life)",
        r"\b(?:jeene ka mann nahi|aatmahatya|atmahatya|jaan de dunga|mar jaunga)",
        r"आत्महत्या|जीने की इच्छा नहीं|जान दे दूंगा",
    ),
}

FLOORS = {
    UrgencySignal.UNIT_CLOSURE: Urgency.HIGH,
    UrgencySignal.UNPAID_WAGES: Urgency.HIGH,
    UrgencySignal.LARGE_AMOUNT: Urgency.HIGH,
    UrgencySignal.DISTRESS: Urgency.HIGH,
    UrgencySignal.HEALTH_SAFETY: Urgency.CRITICAL,
    UrgencySignal.SELF_HARM: Urgency.CRITICAL,
}

_AMOUNT = re.compile(
    r"(?:rs\.?|inr|₹|रु\.?|रुपये)?\s*(\d[\d,]*(?:\.\d+)?)\s*"
    r"(lakhs?|lacs?|lac|crores?|cr\b|करोड़|करोड|लाख)?",
    re.IGNORECASE,
)
_UNITS = {"lakh": LAKH, "lac": LAKH, "लाख": LAKH, "crore": 100 * LAKH, "cr": 100 * LAKH}


def amounts_inr(text: str) -> list[float]:
    """Rupee amounts written with a unit (18 lakh, 1.2 crore, 26 लाख) or a currency mark with
    Indian digit grouping (Rs 17,40,000)."""
    found = []
    for match in _AMOUNT.finditer(text):
        number, unit = match.group(1), (match.group(2) or "").lower()
        has_currency = not match.group(0).strip()[:1].isdigit()
        try:
            value = float(number.replace(",", ""))
        except ValueError:
            continue
        if unit:
            scale = next((v for k, v in _UNITS.items() if unit.startswith(k)), 100 * LAKH)
            found.append(value * scale)
        elif has_currency and value >= 1000:
            found.append(value)
    return found


_SIGNAL_ORDER = {str(value): i for i, value in enumerate(UrgencySignal.values)}


def urgency_signals(text: str) -> list[str]:
    """The named signals present in `text`, in a fixed order."""
    signals = [str(name) for name, pattern in SIGNAL_PATTERNS.items() if pattern.search(text)]
    if any(amount >= LARGE_AMOUNT_INR for amount in amounts_inr(text)):
        signals.append(str(UrgencySignal.LARGE_AMOUNT))
    return sorted(signals, key=_SIGNAL_ORDER.__getitem__)


@dataclass(frozen=True)
class UrgencyDecision:
    label: str
    signals: list[str]
    raised: bool


def urgency_decide(model_label: str, signals: list[str]) -> UrgencyDecision:
    """Combine the model's label with the signals: floors first, then one step for follow-ups."""
    level = LEVELS.index(Urgency(model_label))
    for signal in signals:
        if signal in FLOORS:
            level = max(level, LEVELS.index(FLOORS[signal]))
    both = {UrgencySignal.UNIT_CLOSURE, UrgencySignal.UNPAID_WAGES} <= set(signals)
    if both:  # a closing unit that cannot pay its workers
        level = LEVELS.index(Urgency.CRITICAL)
    if UrgencySignal.REPEATED_FOLLOWUP in signals:  # one step, but a reminder alone stops at high
        level = max(level, min(level + 1, LEVELS.index(Urgency.HIGH)))
    label = str(LEVELS[level])
    return UrgencyDecision(label, signals, label != model_label)
