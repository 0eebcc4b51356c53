"""Prometheus metrics: requests by route and status with their latency, measured in every
web process; task queue depth and oldest age, and the CPGRAMS outbox lag, read from the
database (or Redis) when scraped, so every process reports the same figures.

With several web processes (granian's workers), set `PROMETHEUS_MULTIPROC_DIR` to an empty
directory shared by them (`scripts/serve` does): each process writes its counters there and a
scrape adds them up.
"""

import os

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from . import selectors

# registry=None: the metrics are gathered per scrape into a fresh registry (see `render`).
REQUESTS = Counter(
    "champions_http_requests",
    "HTTP requests answered, by route pattern, method and status",
    ["route", "method", "status"],
    registry=None,
)
LATENCY = Histogram(
    "champions_http_request_duration_seconds",
    "Time to answer an HTTP request, by route pattern",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10),
    registry=None,
)


def request_observe(*, route: str, method: str, status: int, seconds: float) -> None:
    REQUESTS.labels(route=route, method=method, status=str(status)).inc()
    LATENCY.labels(route=route).observe(seconds)


class BacklogCollector:
    """Task queues and the CPGRAMS outbox, read at scrape time (a few indexed queries)."""

    def collect(self):
        depth = GaugeMetricFamily(
            "champions_task_queue_depth", "Tasks waiting to run, by queue", labels=["queue"]
        )
        age = GaugeMetricFamily(
            "champions_task_queue_oldest_age_seconds",
            "Age of the oldest task waiting to run, by queue (0 when none waits)",
            labels=["queue"],
        )
        for queue in selectors.task_queues():
            depth.add_metric([queue.name], queue.depth)
            age.add_metric([queue.name], queue.oldest_age_seconds)
        yield depth
        yield age
        outbox = selectors.outbox_lag()
        yield GaugeMetricFamily(
            "champions_cpgrams_outbox_pending", "CPGRAMS messages waiting", value=outbox.pending
        )
        yield GaugeMetricFamily(
            "champions_cpgrams_outbox_dead",
            "CPGRAMS messages given up on (dead letters)",
            value=outbox.dead,
        )
        yield GaugeMetricFamily(
            "champions_cpgrams_outbox_lag_seconds",
            "Age of the oldest CPGRAMS message waiting (0 when none waits)",
            value=outbox.oldest_age_seconds,
        )


def render() -> bytes:
    """The text exposition format of every metric."""
    registry = CollectorRegistry(auto_describe=True)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)
    else:
        registry.register(REQUESTS)
        registry.register(LATENCY)
    registry.register(BacklogCollector())
    return generate_latest(registry)
