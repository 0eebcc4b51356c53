"""`champions assistant evaluate --data FILE.json`: citation accuracy, must-say rate, refusal
accuracy and latency over a set of questions (format in docs/AI.md)."""

import json
import statistics
import time
from pathlib import Path

from django.db import transaction

from .choices import Outcome
from .engine import respond
from .retrieval import index_get
from .text import normalise

REFUSALS = {Outcome.REFUSED, Outcome.UNKNOWN}


def load_items(path: Path) -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = data["items"] if isinstance(data, dict) else data
    for i, item in enumerate(items):
        if not isinstance(item.get("question"), str) or not item["question"].strip():
            raise ValueError(f"item {i}: a non-empty 'question' is required")
    return items


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _said(answer: str, fact: str) -> bool:
    return normalise(fact).replace(",", "") in normalise(answer).replace(",", "")


def evaluate(items: list[dict]) -> dict:
    index = index_get()
    respond(index=index, question="warm up", state={})
    on_topic = [i for i in items if not i.get("off_topic")]
    off_topic = [i for i in items if i.get("off_topic")]
    top1 = top3 = must_total = must_said = refused = false_refusals = 0
    latencies, misses = [], []
    for item in items:
        with transaction.atomic():  # read-only: nothing is stored
            started = time.perf_counter()
            reply = respond(index=index, question=item["question"], state={})
            latencies.append((time.perf_counter() - started) * 1000)
        cited = [s.id for s in reply.citations]
        if item.get("off_topic"):
            refused += reply.outcome in REFUSALS
            continue
        false_refusals += reply.outcome in REFUSALS
        acceptable = set(item.get("sources", []))
        top1 += bool(cited[:1]) and cited[0] in acceptable
        hit3 = bool(acceptable & set(cited[:3]))
        top3 += hit3
        for fact in item.get("must_say", []):
            must_total += 1
            must_said += _said(reply.text, fact)
        if not hit3:
            misses.append(
                {
                    "question": item["question"],
                    "expected": sorted(acceptable),
                    "cited": cited,
                    "outcome": str(reply.outcome),
                }
            )
    n = max(1, len(on_topic))
    return {
        "questions": len(items),
        "on_topic": len(on_topic),
        "off_topic": len(off_topic),
        "top1_citation_accuracy": round(top1 / n, 4),
        "top3_citation_accuracy": round(top3 / n, 4),
        "must_say_rate": round(must_said / must_total, 4) if must_total else None,
        "refusal_accuracy_off_topic": round(refused / len(off_topic), 4) if off_topic else None,
        "false_refusal_rate_on_topic": round(false_refusals / n, 4),
        "latency_ms_p50": round(statistics.median(latencies), 1),
        "latency_ms_p95": round(_percentile(latencies, 0.95), 1),
        "model_version": index.version,
        "misses": misses,
    }
