"""AI triage speed: the request path, embeddings, and duplicate lookup over a million vectors.

    python scripts/bench_triage.py [--texts 300] [--store 1000000]

Runs on one core: the process pins itself to CPU 0 (os.sched_setaffinity) and BLAS/OpenMP are
limited to one thread before numpy loads. Needs the models (`champions triage train`).
Prints the figures and writes the triage section of docs/PERFORMANCE.md.
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

import numpy as np  # noqa: E402
from benchlib import (  # noqa: E402
    machine_info,
    measured_line,
    percentile,
    section_write,
    timed,
)

from champions.triage.datasets import examples  # noqa: E402
from champions.triage.embeddings import DIMENSION, duplicates_find, embed_texts  # noqa: E402
from champions.triage.services import triage_model_versions, triage_text  # noqa: E402


def bench_request_path(texts: list[str], *, explain: bool = True) -> dict:
    triage_text(text=texts[0])  # load the models outside the timing
    timings = []
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in texts:
        timings.append(timed(lambda t=text: triage_text(text=t, explain=explain)))
    total = time.perf_counter() - started
    # CPU time of this process: what one core delivers while the machine's other work
    # pre-empts it (wall time then counts the waiting too).
    cpu = time.process_time() - cpu_started
    return {
        "texts": len(texts),
        "texts_per_second": len(texts) / total,
        "texts_per_cpu_second": len(texts) / cpu,
        "p50_ms": percentile(timings, 50),
        "p95_ms": percentile(timings, 95),
    }


def bench_embeddings(texts: list[str]) -> dict:
    embed_texts(texts[:4])  # load the model
    started = time.perf_counter()
    embed_texts(texts)
    batch = time.perf_counter() - started
    single = []
    for text in texts[:50]:
        single.append(timed(lambda t=text: embed_texts([t])))
    return {
        "texts": len(texts),
        "batch_texts_per_second": len(texts) / batch,
        "single_p50_ms": percentile(single, 50),
    }


def bench_duplicates(rows: int, queries: np.ndarray) -> dict:
    rng = np.random.default_rng(7)
    store = np.empty((rows, DIMENSION), dtype=np.float32)
    for start in range(0, rows, 100_000):  # built in slices to bound the temporary memory
        block = rng.standard_normal((min(100_000, rows - start), DIMENSION), dtype=np.float32)
        store[start : start + len(block)] = block / np.linalg.norm(block, axis=1, keepdims=True)
    allowed = np.ones(rows, dtype=bool)
    allowed[::1000] = False  # a caller's filter (the complainant's own grievances), applied too
    duplicates_find(queries[0], store, allowed=allowed)
    timings = []
    for query in queries:
        timings.append(timed(lambda q=query: duplicates_find(q, store, allowed=allowed)))
    return {
        "stored": rows,
        "megabytes": store.nbytes / 1e6,
        "queries": len(queries),
        "p50_ms": percentile(timings, 50),
        "p95_ms": percentile(timings, 95),
    }


def _request_row(what: str, request: dict) -> str:
    return (
        f"| {what} | {request['texts_per_second']:.0f} texts/s of wall time, "
        f"{request['texts_per_cpu_second']:.0f} per CPU second; p50 "
        f"{request['p50_ms']:.1f} ms, p95 {request['p95_ms']:.1f} ms "
        f"({request['texts']} hand-written examples) |"
    )


def write_doc(machine: dict, request: dict, bare: dict, embedding: dict, duplicates: dict) -> None:
    versions = triage_model_versions()
    text = "\n".join(
        [
            "## AI triage",
            "",
            measured_line(machine, command="python scripts/bench_triage.py")
            + " One core: the process is pinned with `sched_setaffinity`, BLAS/OpenMP at one "
            f"thread; models `{versions['category'].split('-', 1)[1]}`, embeddings "
            f"`{versions['embeddings']}`.",
            "",
            "| what | figure |",
            "|---|---|",
            _request_row(
                "fast triage, one text at a time (all six predictions, CPGRAMS category, "
                "explanation; no embeddings; runs in the after-commit task, not in the request)",
                request,
            ),
            _request_row(
                "the same without the explanation's words, nearest examples and summary "
                "(`explain=False`, as the assistant's mood task asks)",
                bare,
            ),
            f"| embeddings, batches of 64 | {embedding['batch_texts_per_second']:.0f} texts/s "
            f"({embedding['texts']} texts) |",
            f"| embedding one text | p50 {embedding['single_p50_ms']:.1f} ms |",
            f"| duplicate lookup over {duplicates['stored']:,} stored vectors "
            f"| p50 {duplicates['p50_ms']:.0f} ms, p95 {duplicates['p95_ms']:.0f} ms "
            f"({duplicates['queries']} queries) |",
            "",
            f"The duplicate store is {duplicates['stored']:,} random unit vectors of the model's "
            f"{DIMENSION} dimensions (float32, {duplicates['megabytes']:.0f} MB), searched by "
            "brute force (blockwise dot product, top-k by `argpartition`) with a caller's filter "
            "applied; random vectors cost the same to scan as real ones. The queries are real "
            "embeddings of hand-written grievances.",
            "",
        ]
    )
    section_write("triage", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=300)
    parser.add_argument("--store", type=int, default=1_000_000)
    args = parser.parse_args()
    machine = machine_info()
    texts = [row["text"] for row in examples()][: args.texts]
    request = bench_request_path(texts)
    bare = bench_request_path(texts, explain=False)
    for name, figures in (("request path", request), ("without explanation", bare)):
        print(
            f"{name}: {figures['texts_per_second']:.0f} texts/s "
            f"({figures['texts_per_cpu_second']:.0f} per CPU second), "
            f"p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms"
        )
    embedding = bench_embeddings(texts)
    print(
        f"embeddings: {embedding['batch_texts_per_second']:.0f} texts/s in batches, "
        f"one text p50 {embedding['single_p50_ms']:.1f} ms"
    )
    queries = embed_texts(texts[:20])
    duplicates = bench_duplicates(args.store, queries)
    print(
        f"duplicates over {duplicates['stored']:,}: p50 {duplicates['p50_ms']:.0f} ms, "
        f"p95 {duplicates['p95_ms']:.0f} ms"
    )
    write_doc(machine, request, bare, embedding, duplicates)


if __name__ == "__main__":
    main()
