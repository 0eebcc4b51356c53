"""The sources the assistant answers from, each with a stable id: every scheme of the catalogue
(its id as in /api/v1/schemes) and five topic help pages (`data/topics/<id>.json`).

Every figure in a source comes from a rule table or the catalogue, never from this app: the
classification limits from the registry's rules, the 45/15 days and the bank rate from the
compliance delayed-payment engine, the grievance service levels from the hub's SLA policy, the
due dates from the compliance obligations, and the scheme benefits from the catalogue entries.
Topic pages are templates with `{placeholders}` filled from those figures.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from champions.compliance import delayed_payment
from champions.compliance.calendar import obligations
from champions.grievances.selectors import sla_policy_for
from champions.registry.classification import load_rules
from champions.schemes.selectors import catalogue_entries

DATA_DIR = Path(__file__).resolve().parent / "data"
TOPIC_IDS = ("classification", "delayed_payment", "compliance_calendar", "grievance_help", "udyam")
SAMADHAAN_URL = "https://samadhaan.msme.gov.in"
UDYAM_URL = "https://udyamregistration.gov.in"


@dataclass(frozen=True)
class Section:
    heading_en: str
    heading_hi: str
    body_en: str
    body_hi: str


@dataclass(frozen=True)
class Source:
    id: str
    kind: str  # "scheme" | "topic"
    title_en: str
    title_hi: str
    answer_en: str  # the composed answer: every figure filled in from the rule tables
    answer_hi: str
    sections: tuple[Section, ...]
    keywords_en: str = ""
    keywords_hi: str = ""
    keywords_hinglish: str = ""
    aliases: tuple[str, ...] = ()
    links: tuple[dict, ...] = ()
    references: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return reverse("web:assistant:source", kwargs={"source_id": self.id})

    def title(self, language: str) -> str:
        return self.title_hi if language == "hi" else self.title_en

    def answer(self, language: str) -> str:
        return self.answer_hi if language == "hi" else self.answer_en

    def full_text(self) -> str:
        """Everything the page shows, in both languages (the facts a rephrasing may use)."""
        parts = [self.title_en, self.title_hi, self.answer_en, self.answer_hi]
        for s in self.sections:
            parts += [s.heading_en, s.heading_hi, s.body_en, s.body_hi]
        return "\n".join(parts)


@cache
def _json(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def crore(amount: int, language: str = "en") -> str:
    """₹2,50,00,000 -> '₹2.5 crore' (the way the notifications state the limits)."""
    value = Decimal(amount) / Decimal(10_000_000)
    text = f"{value.normalize():f}"
    return f"₹{text} करोड़" if language == "hi" else f"₹{text} crore"


def _day(value: date | None, language: str) -> str:
    if value is None:
        return "—"
    return value.strftime("%d.%m.%Y") if language == "hi" else value.strftime("%d %B %Y")


def classification_figures(language: str) -> dict:
    rules = sorted(load_rules(), key=lambda r: r.effective_from)
    old, new = rules[-2], rules[-1]
    figures = {
        "new_from": _day(new.effective_from, language),
        "old_from": _day(old.effective_from, language),
        "old_to": _day(old.effective_to, language),
        "new_instrument": new.instrument,
        "old_instrument": old.instrument,
    }
    for tag, rule in (("new", new), ("old", old)):
        for category in ("micro", "small", "medium"):
            limits = rule.limits[category]
            figures[f"{category}_inv_{tag}"] = crore(limits.investment, language)
            figures[f"{category}_turn_{tag}"] = crore(limits.turnover, language)
    return figures


def delayed_payment_figures(language: str, today: date) -> dict:
    rate = delayed_payment.bank_rate_on(today)
    bank_rate = rate.rate_pct if rate else Decimal(0)
    return {
        "max_days": delayed_payment.MAX_AGREED_DAYS,
        "appointed_days": delayed_payment.APPOINTED_DAYS,
        "bank_rate": f"{bank_rate.normalize():f}",
        "annual_rate": f"{(bank_rate * 3).normalize():f}",
        "bank_rate_from": _day(rate.effective_from if rate else None, language),
        "samadhaan_url": SAMADHAAN_URL,
    }


def grievance_figures() -> dict:
    policy = sla_policy_for(category="", priority="")
    return {
        "assign_days": policy.assign_days,
        "escalate_days": policy.escalate_days,
        "resolve_days": policy.resolve_days,
        "appeal_days": policy.appeal_days,
    }


def calendar_figures(language: str) -> dict:
    monthly, yearly = [], []
    for item in obligations():
        title = item.title.get(language if language == "hi" else "en") or item.title["en"]
        day = item.schedule.get("day")
        if item.schedule.get("kind") == "monthly" and day:
            monthly.append(f"{title}: {day}" if language == "hi" else f"{title} by the {day}th")
        else:
            yearly.append(title)
    join = "; ".join
    return {f"monthly_{language}": join(monthly), f"yearly_{language}": join(yearly)}


def figures(today: date) -> dict[str, dict]:
    """Every placeholder of the topic pages, per language."""
    out = {}
    for language in ("en", "hi"):
        out[language] = {
            **classification_figures(language),
            **delayed_payment_figures(language, today),
            **grievance_figures(),
            **calendar_figures(language),
            "udyam_url": UDYAM_URL,
        }
    return out


def _fill(text: str, values: dict) -> str:
    return text.format(**values)


def topic_source(topic_id: str, values: dict[str, dict]) -> Source:
    raw = _json(f"topics/{topic_id}.json")
    en, hi = values["en"], values["hi"]
    sections = tuple(
        Section(
            _fill(s["heading_en"], en),
            _fill(s["heading_hi"], hi),
            _fill(s["body_en"], en),
            _fill(s["body_hi"], hi),
        )
        for s in raw["sections"]
    )
    return Source(
        id=topic_id,
        kind="topic",
        title_en=raw["title_en"],
        title_hi=raw["title_hi"],
        answer_en=_fill(raw["answer_en"], en),
        answer_hi=_fill(raw["answer_hi"], hi),
        sections=sections,
        keywords_en=raw["keywords_en"],
        keywords_hi=raw["keywords_hi"],
        keywords_hinglish=raw["keywords_hinglish"],
        links=tuple(raw.get("links", ())),
        references=tuple(raw.get("references", ())),
    )


def _pairs(items: list[dict], key_en: str = "en", key_hi: str = "hi") -> tuple[str, str]:
    return (
        " ".join(i.get(key_en, "") for i in items),
        " ".join(i.get(key_hi) or i.get(key_en, "") for i in items),
    )


def _scheme_answer(entry: dict, language: str) -> str:
    suffix = "hi" if language == "hi" else "en"
    name = entry.get(f"name_{suffix}") or entry["name_en"]
    purpose = entry.get(f"purpose_{suffix}") or entry["purpose_en"]
    calculation = entry.get("benefit_calculation") or {}
    benefit = calculation.get(f"summary_{suffix}") or " ".join(
        b.get(suffix) or b["en"] for b in entry.get("benefits", [])
    )
    how = entry.get(f"how_to_apply_{suffix}") or entry.get("how_to_apply_en", "")
    if language == "hi":
        return f"{name}: {purpose} लाभ: {benefit} आवेदन: {how}".strip()
    return f"{name}: {purpose} Benefits: {benefit} How to apply: {how}".strip()


def _scheme_sections(entry: dict) -> tuple[Section, ...]:
    """A scheme's help page, section by section, in both languages (empty ones left out)."""
    benefits_en, benefits_hi = _pairs(entry.get("benefits", []))
    rules_en, rules_hi = _pairs(entry.get("rules", []), "label_en", "label_hi")
    documents_en, documents_hi = _pairs(entry.get("documents", []))
    calc = entry.get("benefit_calculation") or {}
    sections = (
        Section("What it does", "यह क्या करती है", entry["purpose_en"], entry.get("purpose_hi", "")),
        Section(
            "Benefits",
            "लाभ",
            " ".join(filter(None, [calc.get("summary_en", ""), benefits_en])),
            " ".join(filter(None, [calc.get("summary_hi", ""), benefits_hi])),
        ),
        Section("Who can apply", "कौन आवेदन कर सकता है", rules_en, rules_hi),
        Section("Documents", "दस्तावेज़", documents_en, documents_hi),
        Section(
            "How to apply",
            "आवेदन कैसे करें",
            entry.get("how_to_apply_en", ""),
            entry.get("how_to_apply_hi", ""),
        ),
        Section(
            "Status", "स्थिति", entry.get("status_note_en", ""), entry.get("status_note_hi", "")
        ),
    )
    return tuple(s for s in sections if s.body_en or s.body_hi)


def scheme_source(entry: dict, keywords: dict) -> Source:
    components_en, components_hi = _pairs(entry.get("components", []))
    return Source(
        id=entry["id"],
        kind="scheme",
        title_en=entry["name_en"],
        title_hi=entry.get("name_hi") or entry["name_en"],
        answer_en=_scheme_answer(entry, "en"),
        answer_hi=_scheme_answer(entry, "hi"),
        sections=_scheme_sections(entry),
        keywords_en=" ".join([components_en, keywords.get("en", "")]),
        keywords_hi=" ".join([components_hi, keywords.get("hi", "")]),
        keywords_hinglish=keywords.get("hinglish", ""),
        aliases=tuple(
            filter(
                None, [entry.get("short_name"), entry.get("name_hi"), *keywords.get("aliases", [])]
            )
        ),
        links=(
            {"title_en": "Scheme page", "title_hi": "योजना पृष्ठ", "url": f"/schemes/{entry['id']}/"},
        ),
        references=tuple(s.get("title", s.get("url", "")) for s in entry.get("sources", [])),
        extra={"apply_url": entry.get("apply_url", "")},
    )


def catalogue_version(entries: list[dict], today: date) -> str:
    """Changes whenever a scheme entry, a topic file or a figure changes: the index is rebuilt."""
    digest = hashlib.sha256()
    digest.update(json.dumps(entries, sort_keys=True, default=str).encode())
    digest.update(json.dumps(figures(today), sort_keys=True, default=str).encode())
    for topic_id in TOPIC_IDS:
        digest.update((DATA_DIR / "topics" / f"{topic_id}.json").read_bytes())
    digest.update((DATA_DIR / "scheme_keywords.json").read_bytes())
    return digest.hexdigest()[:16]


def sources_build(today: date | None = None) -> tuple[str, tuple[Source, ...]]:
    """(catalogue version, every source): the schemes by id, then the topics."""
    today = today or timezone.localdate()
    entries = catalogue_entries()
    keywords = _json("scheme_keywords.json")["schemes"]
    values = figures(today)
    schemes = [scheme_source(e, keywords.get(e["id"], {})) for e in entries]
    topics = [topic_source(t, values) for t in TOPIC_IDS]
    return catalogue_version(entries, today), (*schemes, *topics)
