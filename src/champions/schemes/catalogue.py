"""The scheme catalogue as data: the files in data/, read and checked without the database.

`data/facts.json` describes every fact of an applicant-and-enterprise profile (its type, its
choices and the question that asks for it, in English and Hindi). `data/schemes/<id>.json` holds
one scheme each: texts in both languages, rules with effective dates, the benefit calculation,
documents, validity and sources. The loader copies the files into the database, where the hub
edits them; the engine reads the same dictionaries from either place.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from champions.core.names import local_name

DATA_DIR = Path(__file__).resolve().parent / "data"
SCHEMES_DIR = DATA_DIR / "schemes"
FACTS_FILE = DATA_DIR / "facts.json"

FACT_TYPES = ("bool", "int", "choice", "text")
OPS = ("==", "!=", "in", "not_in", "<=", ">=", "<", ">", "is_true", "is_false")
UNARY_OPS = ("is_true", "is_false")
KINDS = (
    "subsidy",
    "credit",
    "guarantee",
    "grant",
    "training",
    "market_access",
    "certification",
    "infrastructure",
    "policy",
    "programme",
)
AGENCIES = ("momsme", "dc_msme", "kvic", "cgtmse", "ncgtc", "nsic", "coir_board", "sidbi", "mof")
TARGET_GROUPS = (
    "new_entrepreneurs",
    "existing_msme",
    "women",
    "sc_st",
    "artisans",
    "exporters",
    "clusters",
    "institutions",
    "state_agencies",
    "north_east",
    "manufacturing",
    "traditional_industries",
)
REQUIRED_KEYS = (
    "id",
    "version",
    "last_verified",
    "name_en",
    "name_hi",
    "short_name",
    "agency",
    "kind",
    "target_groups",
    "purpose_en",
    "purpose_hi",
    "rules",
    "documents",
    "apply_url",
    "sources",
)
DATE_KEYS = ("last_verified", "valid_from", "valid_to", "approved_until")


def localized(item: dict, key: str) -> str:
    """item[key_hi] when the page is in Hindi and it is filled in, else item[key_en]."""
    return local_name(item.get(f"{key}_en", "") or "", item.get(f"{key}_hi", "") or "")


def localized_pair(pair: dict) -> str:
    """A {"en": ..., "hi": ...} text in the page's language."""
    return local_name(pair.get("en", ""), pair.get("hi", "") or "")


@dataclass(frozen=True)
class Fact:
    """One fact of a profile, and how to ask for it."""

    name: str
    type: str
    group: str
    question_en: str
    question_hi: str
    help_en: str = ""
    help_hi: str = ""
    choices: tuple[dict, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    ask: tuple[str, ...] = ()

    @property
    def question(self) -> str:
        return localized(self.__dict__, "question")

    @property
    def help(self) -> str:
        return localized(self.__dict__, "help")

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c["value"] for c in self.choices)

    def choice_label(self, value) -> str:
        for choice in self.choices:
            if choice["value"] == value:
                return localized(choice, "label")
        return str(value)


@cache
def facts_document(path: Path = FACTS_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def load_facts() -> dict[str, Fact]:
    """Every profile fact by name, in the file's order (which breaks ties between questions)."""
    facts = {}
    for raw in facts_document()["facts"]:
        facts[raw["name"]] = Fact(
            name=raw["name"],
            type=raw["type"],
            group=raw.get("group", ""),
            question_en=raw["question_en"],
            question_hi=raw.get("question_hi", ""),
            help_en=raw.get("help_en", ""),
            help_hi=raw.get("help_hi", ""),
            choices=tuple(raw.get("choices", ())),
            minimum=raw.get("min"),
            maximum=raw.get("max"),
            max_length=raw.get("max_length"),
            ask=tuple(raw.get("ask", (raw["name"],))),
        )
    return facts


def constants() -> dict[str, list]:
    return facts_document()["constants"]


def scheme_files(directory: Path = SCHEMES_DIR) -> list[Path]:
    return sorted(directory.glob("*.json"))


def load_scheme_files(directory: Path = SCHEMES_DIR) -> list[dict]:
    """The scheme entries shipped in the repository, sorted by id."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in scheme_files(directory)]


def fingerprint(data: dict) -> str:
    """A stable hash of an entry, so the loader can skip entries that did not change."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _date_error(value) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return f"{value!r} is not a date (YYYY-MM-DD)."
    return None


def rule_errors(rule: dict, *, where: str = "rule") -> list[str]:
    """What is wrong with one rule (or any_of group), as messages; [] when it is well formed."""
    if not isinstance(rule, dict):
        return [f"{where}: each rule must be an object."]
    errors = []
    if not rule.get("id"):
        errors.append(f"{where}: a rule needs an id.")
    for key in ("effective_from", "effective_to"):
        message = _date_error(rule.get(key))
        if message:
            errors.append(f"{where} {rule.get('id', '')}: {key} {message}")
    if "any_of" in rule:
        children = rule["any_of"]
        if not isinstance(children, list) or not children:
            return [*errors, f"{where} {rule.get('id', '')}: any_of needs a list of rules."]
        for child in children:
            errors += rule_errors(child, where=f"{where} {rule.get('id', '')} > any_of")
        return errors
    errors += condition_errors(rule, where=f"{where} {rule.get('id', '')}")
    for condition in rule.get("when", []) or []:
        errors += condition_errors(condition, where=f"{where} {rule.get('id', '')} when")
    if not rule.get("label_en"):
        errors.append(f"{where} {rule.get('id', '')}: label_en is required.")
    return errors


def condition_errors(condition: dict, *, where: str) -> list[str]:
    facts = load_facts()
    field, op = condition.get("field"), condition.get("op")
    if field not in facts:
        return [f"{where}: unknown fact {field!r}."]
    if op not in OPS:
        return [f"{where}: unknown operator {op!r}."]
    if op in UNARY_OPS:
        return [] if facts[field].type == "bool" else [f"{where}: {op} needs a yes/no fact."]
    if "value" not in condition:
        return [f"{where}: operator {op} needs a value."]
    value = condition["value"]
    if isinstance(value, str) and value.startswith("$"):
        return [] if value[1:] in constants() else [f"{where}: unknown constant {value}."]
    if op in ("in", "not_in") and not isinstance(value, list):
        return [f"{where}: {op} needs a list."]
    if op in ("<=", ">=", "<", ">") and (
        isinstance(value, bool) or not isinstance(value, int | float)
    ):
        return [f"{where}: {op} needs a number."]
    fact = facts[field]
    if fact.type == "choice":
        wanted = value if isinstance(value, list) else [value]
        unknown = [v for v in wanted if v not in fact.values]
        if unknown:
            return [f"{where}: {unknown!r} not among the choices of {field}."]
    return []


def scheme_errors(data: dict) -> list[str]:
    """Everything wrong with a scheme entry; the loader and the edit form refuse bad entries."""
    if not isinstance(data, dict):
        return ["The entry must be a JSON object."]
    errors = [f"{key} is required." for key in REQUIRED_KEYS if key not in data]
    for key in DATE_KEYS:
        message = _date_error(data.get(key))
        if message:
            errors.append(f"{key}: {message}")
    if data.get("kind") not in KINDS:
        errors.append(f"kind must be one of {', '.join(KINDS)}.")
    if data.get("agency") not in AGENCIES:
        errors.append(f"agency must be one of {', '.join(AGENCIES)}.")
    groups = data.get("target_groups", [])
    if not isinstance(groups, list) or any(g not in TARGET_GROUPS for g in groups):
        errors.append(f"target_groups must be a list among {', '.join(TARGET_GROUPS)}.")
    rules = data.get("rules", [])
    if not isinstance(rules, list):
        errors.append("rules must be a list.")
    else:
        ids = [rule.get("id") for rule in rules if isinstance(rule, dict)]
        if len(ids) != len(set(ids)):
            errors.append("rule ids must be unique within a scheme.")
        for rule in rules:
            errors += rule_errors(rule)
    if not data.get("sources"):
        errors.append("sources: name at least one source.")
    return errors
