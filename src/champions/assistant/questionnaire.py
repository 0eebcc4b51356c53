""" "Which schemes can I get?": ask only the facts the eligibility engine still needs, one at a
time (the engine chooses the fact that settles the most schemes), then answer with its result
and reasons. The facts given so far live in the conversation's state."""

import re

from django.utils import translation
from django.utils.translation import gettext as _

from champions.schemes.catalogue import load_facts
from champions.schemes.eligibility import ELIGIBLE, NEEDS_INFO, next_question
from champions.schemes.selectors import eligibility_check

from .compose import answer_language
from .text import normalise, words

MAX_QUESTIONS = 8  # then answer with what is settled: a chat is not the full questionnaire
YES = {"yes", "y", "haan", "ha", "han", "haa", "ji", "sahi", "हाँ", "हां", "जी", "true"}
NO = {"no", "n", "nahi", "nahin", "nhi", "na", "नहीं", "ना", "false"}
SKIP = {"skip", "pass", "dont know", "don't know", "pata nahi", "malum nahi", "पता नहीं", "छोड़ें"}
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(lakh|lac|lakhs|crore|cr|लाख|करोड़)?")
MULTIPLIERS = {"lakh": 100_000, "lac": 100_000, "lakhs": 100_000, "लाख": 100_000}
MULTIPLIERS |= {"crore": 10_000_000, "cr": 10_000_000, "करोड़": 10_000_000}


def _label(choice: dict, language: str) -> str:
    return (
        choice.get("label_hi")
        if language == "hi" and choice.get("label_hi")
        else choice["label_en"]
    )


def question_text(fact_name: str, language: str) -> str:
    fact = load_facts()[fact_name]
    out = answer_language(language)
    text = fact.question_hi if out == "hi" and fact.question_hi else fact.question_en
    if fact.type == "choice":
        options = [f"{i}. {_label(c, out)}" for i, c in enumerate(fact.choices, start=1)]
        text += "\n" + "\n".join(options)
    elif fact.type == "bool":
        with translation.override(out):
            text += " " + _("(yes / no)")
    with translation.override(out):
        text += "\n" + _("Say “skip” if you do not know.")
    return text


def _parse_choice(fact, answer: str):
    lowered = normalise(answer).strip()
    if lowered.isdigit() and 1 <= int(lowered) <= len(fact.choices):
        return fact.choices[int(lowered) - 1]["value"]
    for choice in fact.choices:
        labels = {choice["value"].lower(), choice["label_en"].lower(), choice.get("label_hi", "")}
        if lowered in labels or any(label and label in lowered for label in labels):
            return choice["value"]
    return None


def parse_answer(fact_name: str, answer: str):
    """The fact's value from a free answer; None when it cannot be read."""
    fact = load_facts()[fact_name]
    tokens = set(words(answer))
    if fact.type == "bool":
        if tokens & YES:
            return True
        return False if tokens & NO else None
    if fact.type == "int":
        match = _AMOUNT.search(normalise(answer))
        if not match:
            return None
        value = float(match.group(1)) * MULTIPLIERS.get(match.group(2) or "", 1)
        return int(value)
    if fact.type == "choice":
        return _parse_choice(fact, answer)
    digits = re.sub(r"\D", "", answer)
    return digits or None


def is_skip(answer: str) -> bool:
    return " ".join(words(answer)) in {" ".join(words(s)) for s in SKIP}


def _result_text(check, language: str) -> str:
    out = answer_language(language)
    eligible = [r for r in check.results if r.status == ELIGIBLE]
    needs = [r for r in check.results if r.status == NEEDS_INFO]
    with translation.override(out):
        if not eligible:
            lines = [_("From your answers, no scheme is certain yet.")]
        else:
            lines = [_("From your answers, you qualify for:")]
            for result in eligible[:6]:
                reasons = "; ".join(r.label for r in result.passed[:3]) or _("no conditions")
                lines.append(f"• {result.name}: {reasons}")
        if needs:
            lines.append(
                _(
                    "%(count)s more schemes need facts the chat did not ask; the full "
                    "questionnaire at /schemes/check/ settles them."
                )
                % {"count": len(needs)}
            )
    return "\n".join(lines)


def step(*, state: dict, answer: str | None, language: str) -> tuple[str, dict, list[str], bool]:
    """One turn of the questionnaire: records the answer to the pending fact (if any), then
    asks the next fact or gives the result. Returns (text, new state, scheme ids, finished)."""
    facts = dict(state.get("facts", {}))
    skipped = list(state.get("skipped", []))
    pending = state.get("pending")
    if pending and answer is not None:
        if is_skip(answer):
            skipped.append(pending)
        else:
            value = parse_answer(pending, answer)
            if value is None:
                with translation.override(answer_language(language)):
                    retry = _("Sorry, I could not read that answer.")
                return f"{retry}\n{question_text(pending, language)}", state, [], False
            facts[pending] = value
    with translation.override(answer_language(language)):
        check = eligibility_check(profile=facts)
    asked = len(facts) + len(skipped)
    next_fact = next_question(check.results, answered=facts.keys(), skipped=skipped)
    if next_fact and asked < MAX_QUESTIONS:
        new_state = {"facts": facts, "skipped": skipped, "pending": next_fact}
        return question_text(next_fact, language), new_state, [], False
    eligible = [r.scheme_id for r in check.results if r.status == ELIGIBLE]
    with translation.override(answer_language(language)):
        text = _result_text(check, language)
    return text, {"facts": facts, "skipped": skipped, "pending": None}, eligible, True
