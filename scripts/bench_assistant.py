"""The assistant's speed with the full catalogue: answers per second and latency on one core.

    python scripts/bench_assistant.py [--rounds 1]

Runs on one core: the process pins itself to CPU 0 (os.sched_setaffinity) and BLAS/OpenMP are
limited to one thread before numpy loads. Asks every question of the evaluation sets (dev and
held-out, English, Hindi and Hinglish), each embedded afresh, through:
- the answer path (`engine.respond`: language, intents, retrieval with the query embedding,
  BM25 and fuzzy names, composition), no LLM;
- the whole service (`services.assistant_ask`: also the conversation and turns written; the
  sentiment/emotion task runs after commit, so it is not timed), inside a transaction rolled
  back at the end.
The index is built first (not timed). Prints the figures and writes the assistant section of
docs/PERFORMANCE.md (date, commit, load).
"""

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "champions.config.settings.base")

import argparse  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import django  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
django.setup()

from django.db import transaction  # noqa: E402

from champions.assistant.engine import respond  # noqa: E402
from champions.assistant.evaluation import load_items  # noqa: E402
from champions.assistant.retrieval import _query_vector, index_get, model_version  # noqa: E402
from champions.assistant.services import assistant_ask  # noqa: E402

DATA = ROOT / "src" / "champions" / "assistant" / "data" / "eval"
DOC = ROOT / "docs" / "PERFORMANCE.md"
START_MARKER = "<!-- assistant:start -->"
END_MARKER = "<!-- assistant:end -->"


def _figures(latencies: list[float], seconds: float) -> dict:
    ordered = sorted(latencies)
    return {
        "n": len(ordered),
        "per_second": len(ordered) / seconds,
        "p50": statistics.median(ordered),
        "p95": ordered[round(0.95 * (len(ordered) - 1))],
    }


def bench_answers(index, questions: list[str]) -> dict:
    _query_vector.cache_clear()  # every question embedded: no repeated-question cache
    latencies = []
    started = time.perf_counter()
    for question in questions:
        t = time.perf_counter()
        respond(index=index, question=question, state={})
        latencies.append((time.perf_counter() - t) * 1000)
    return _figures(latencies, time.perf_counter() - started)


def bench_service(questions: list[str]) -> dict:
    _query_vector.cache_clear()
    latencies = []
    started = time.perf_counter()
    with transaction.atomic():
        for question in questions:
            t = time.perf_counter()
            assistant_ask(question=question)
            latencies.append((time.perf_counter() - t) * 1000)
        transaction.set_rollback(True)
    return _figures(latencies, time.perf_counter() - started)


def _commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or "unknown"


def write_doc(answers: dict, service: dict, version: str) -> None:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = (
        "## Assistant\n\n"
        f"Measured {now} at commit `{_commit()}` by `python scripts/bench_assistant.py` on one "
        f"core ({platform.processor() or platform.machine()}; process pinned with "
        "`sched_setaffinity`, BLAS/OpenMP at one thread), Python "
        f"{platform.python_version()}; {version}; load average {os.getloadavg()[0]:.1f} when "
        "it finished (a shared machine: figures are lower bounds). The questions are the "
        f"{answers['n']} of the evaluation sets (English, Hindi, Hinglish), each embedded "
        "afresh (the cache of repeated questions is cleared before each run).\n\n"
        "| what | answers/s | p50 | p95 |\n|---|---|---|---|\n"
        f"| answer path (language, intents, e5 + BM25 + names, composition; no LLM) | "
        f"{answers['per_second']:.1f} | {answers['p50']:.1f} ms | {answers['p95']:.1f} ms |\n"
        "| whole service (+ conversation and turns stored; sentiment/emotion in a task "
        "after commit, not timed) | "
        f"{service['per_second']:.1f} | {service['p50']:.1f} ms | {service['p95']:.1f} ms |\n\n"
    )
    section = f"{START_MARKER}\n{text}{END_MARKER}"
    current = DOC.read_text(encoding="utf-8")
    start, end = current.find(START_MARKER), current.find(END_MARKER)
    if start >= 0 and end >= 0:
        updated = current[:start] + section + current[end + len(END_MARKER) :]
    else:
        updated = current.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(updated, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--no-doc", action="store_true", help="print only")
    args = parser.parse_args()
    questions = [
        i["question"] for name in ("dev", "heldout") for i in load_items(DATA / f"{name}.json")
    ]
    index = index_get()
    respond(index=index, question="warm up", state={})
    answers = bench_answers(index, questions * args.rounds)
    service = bench_service(questions * args.rounds)
    for name, figures in (("answer path", answers), ("whole service", service)):
        print(
            f"{name}: {figures['per_second']:.1f} answers/s, p50 {figures['p50']:.1f} ms, "
            f"p95 {figures['p95']:.1f} ms ({figures['n']} questions)"
        )
    if not args.no_doc:
        write_doc(answers, service, model_version(index))


if __name__ == "__main__":
    main()
