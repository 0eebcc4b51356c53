"""Answers composed from the sources' own sentences: every figure in an answer is a figure of
a cited source (the topic pages carry the rule tables' figures, the scheme sources the
catalogue's). Nothing here invents a number; the messages without a source carry none."""

import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from .retrieval import Hit
from .sources import Source
from .text import normalise, spelling_key, words

ANSWER_THRESHOLD = 0.175  # below it the best source is weak: "I don't know" (tuned on dev)
RELATED_MARGIN = 0.12  # other sources this close to the best are cited as related
MAX_CITATIONS = 3

# Words a follow-up may focus on, mapped to the words the sources use for them.
CONCEPTS = {
    "women": "woman women womens female lady ladies mahila mahilaon aurat auraton stri "
    "महिला महिलाओं स्त्री औरत",
    "scst": "sc st dalit adivasi scheduled caste tribe अनुसूचित दलित आदिवासी",
    "rural": "rural village gaon gramin grameen ग्रामीण गाँव गांव",
    "urban": "urban city shahar shahri शहरी शहर",
    "documents": "document documents papers kagaz kagzat dastavej दस्तावेज़ कागज़",
    "apply": "apply application avedan aavedan kaise आवेदन",
    "north_east": "north east northeast purvottar पूर्वोत्तर",
    "interest": "interest byaj byaaj ब्याज",
    "loan": "loan rin karz karza ऋण लोन क़र्ज़",
    "subsidy": "subsidy anudan sabsidi सब्सिडी अनुदान",
}
_CONCEPT_OF = {spelling_key(normalise(w)): c for c, ws in CONCEPTS.items() for w in ws.split()}
_SENTENCE = re.compile(r"(?<=[.।])\s+")


@dataclass
class Composed:
    text: str
    citations: list[Source]
    confidence: float
    follow_up: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)


def answer_language(language: str) -> str:
    """The language of the reply: English questions get English, Hindi and Hinglish ones get
    Hindi in Devanagari. Hinglish is Hindi typed in Latin letters (keyboards), so its writers
    read Hindi; every fact (topic pages, catalogue, eligibility reasons, the portal's messages)
    has reviewed Hindi text, while Latin-script Hindi has no standard spelling and would need a
    third copy of all of it (docs/AI.md, "Languages of the answer")."""
    return "hi" if language in {"hi", "hinglish"} else "en"


def concepts_in(question: str) -> list[str]:
    found = []
    for word in words(question):
        concept = _CONCEPT_OF.get(spelling_key(word))
        if concept and concept not in found:
            found.append(concept)
    return found


def _sentences(source: Source, language: str) -> list[str]:
    out = []
    for section in source.sections:
        body = section.body_hi if language == "hi" and section.body_hi else section.body_en
        out += [s.strip() for s in _SENTENCE.split(body) if s.strip()]
    return out


def focus_sentences(source: Source, concepts: list[str], language: str) -> list[str]:
    """The source's sentences that speak of the concepts a follow-up asks about."""
    if not concepts:
        return []
    keys = {spelling_key(normalise(w)) for c in concepts for w in CONCEPTS[c].split() if len(w) > 2}
    picked = []
    for sentence in _sentences(source, language):
        sentence_keys = {spelling_key(w) for w in words(sentence)}
        if sentence_keys & keys and sentence not in picked:
            picked.append(sentence)
    return picked[:3]


def related(hits: list[Hit]) -> list[Hit]:
    best = hits[0].score
    chosen = [hits[0]]
    for hit in hits[1:]:
        if len(chosen) < MAX_CITATIONS and hit.score >= max(
            ANSWER_THRESHOLD, best - RELATED_MARGIN
        ):
            chosen.append(hit)
    return chosen


def compose_answer(hits: list[Hit], *, language: str, concepts: list[str]) -> Composed:
    """The best source's answer (led by the sentences a follow-up focuses on), and the close
    runners-up named as related, all cited best first."""
    out = answer_language(language)
    chosen = related(hits)
    best = chosen[0].source
    with translation.override(out):
        focused = focus_sentences(best, concepts, out)
        parts = []
        if focused:
            parts.append(" ".join(focused))
        parts.append(best.answer(out))
        if len(chosen) > 1:
            titles = "; ".join(h.source.title(out) for h in chosen[1:])
            parts.append(_("See also: %(titles)s.") % {"titles": titles})
        follow_up = [
            _("Which schemes can I get?"),
            _("Talk to a person"),
        ]
    return Composed(
        text="\n\n".join(parts),
        citations=[h.source for h in chosen],
        confidence=chosen[0].score,
        follow_up=follow_up,
        focus=focused,
    )


def compose_unknown(language: str) -> str:
    with translation.override(answer_language(language)):
        return _(
            "I don't know the answer to that from the portal's sources, and I would rather not "
            "guess. You can answer a few questions to see which schemes fit you, lodge a "
            "grievance, or ask for a call-back from your state's control room."
        )


def next_steps(language: str) -> list[str]:
    with translation.override(answer_language(language)):
        return [
            _("Which schemes can I get?"),
            _("How do I lodge a grievance?"),
            _("Talk to a person"),
        ]


def compose_refusal(language: str, *, abusive: bool) -> str:
    with translation.override(answer_language(language)):
        if abusive:
            return _(
                "I understand you may be upset. I can only help with respectful questions about "
                "schemes, payments, registration and grievances for MSMEs. If something went "
                "wrong, I can ask a person from the control room to call you."
            )
        return _(
            "Sorry, I can only help with questions about MSME schemes, classification, Udyam "
            "registration, delayed payments, compliance dates and grievances."
        )
