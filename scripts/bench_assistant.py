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
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import django  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
django.setup()

from benchlib import machine_info, measured_line, section_write, summary, timed  # noqa: E402
from django.db import transaction  # noqa: E402

from champions.assistant.engine import respond  # noqa: E402
from champions.assistant.evaluation import load_items  # noqa: E402
from champions.assistant.retrieval import _query_vector, index_get, model_version  # noqa: E402
from champions.assistant.services import assistant_ask  # noqa: E402

DATA = ROOT / "src" / "champions" / "assistant" / "data" / "eval"


def _figures(latencies: list[float], seconds: float) -> dict:
    return {"per_second": len(latencies) / seconds, **summary(latencies)}


def bench_answers(index, questions: list[str]) -> dict:
    _query_vector.cache_clear()  # every question embedded: no repeated-question cache
    latencies = []
    started = time.perf_counter()
    for question in questions:
        latencies.append(timed(lambda q=question: respond(index=index, question=q, state={})))
    return _figures(latencies, time.perf_counter() - started)


def bench_service(questions: list[str]) -> dict:
    _query_vector.cache_clear()
    latencies = []
    started = time.perf_counter()
    with transaction.atomic():
        for question in questions:
            latencies.append(timed(lambda q=question: assistant_ask(question=q)))
        transaction.set_rollback(True)
    return _figures(latencies, time.perf_counter() - started)


def write_doc(machine: dict, answers: dict, service: dict, version: str) -> None:
    text = (
        "## Assistant\n\n"
        + measured_line(machine, command="python scripts/bench_assistant.py")
        + " One core: the process is pinned with `sched_setaffinity`, BLAS/OpenMP at one "
        f"thread; {version}. The questions are the "
        f"{answers['n']} of the evaluation sets (English, Hindi, Hinglish), each embedded "
        "afresh (the cache of repeated questions is cleared before each run).\n\n"
        "| what | answers/s | p50 | p95 |\n|---|---|---|---|\n"
        f"| answer path (language, intents, e5 + BM25 + names, composition; no LLM) | "
        f"{answers['per_second']:.1f} | {answers['p50']:.1f} ms | {answers['p95']:.1f} ms |\n"
        "| whole service (+ conversation and turns stored; sentiment/emotion in a task "
        "after commit, not timed) | "
        f"{service['per_second']:.1f} | {service['p50']:.1f} ms | {service['p95']:.1f} ms |\n\n"
    )
    section_write("assistant", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--no-doc", action="store_true", help="print only")
    args = parser.parse_args()
    machine = machine_info()
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
        write_doc(machine, answers, service, model_version(index))


if __name__ == "__main__":
    main()
