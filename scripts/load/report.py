"""After a load run (scripts/load/run): Locust's per-endpoint figures and the machine's load
during the run, written into the `load` section of docs/PERFORMANCE.md (benchlib.section_write).

    python scripts/load/report.py --users 500 --time 10m --database bench_big \
        --redis --uptime-log var/bench-big/load-uptime.log [--note "..."]

Reads <CHAMPIONS_VAR_DIR>/load/result_stats.csv and result_failures.csv; the uptime log is
`uptime` sampled during the run (one line each), from which the 1-minute load averages are taken.
"""

import argparse
import csv
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchlib import code_version, cpu_name, memory_gib, ms, section_write, table


def rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_averages(path: Path | None) -> list[float]:
    if path is None or not path.exists():
        return []
    found = re.findall(r"load average: ([\d.]+)", path.read_text(encoding="utf-8"))
    return [float(value) for value in found]


def render(args, stats: list[dict], failures: list[dict], loads: list[float]) -> str:
    endpoints = [r for r in stats if r["Name"] != "Aggregated"]
    total = next((r for r in stats if r["Name"] == "Aggregated"), None)
    body = [
        [
            f"{r['Type']} {r['Name']}",
            f"{int(r['Request Count']):,}",
            f"{int(r['Failure Count']):,}",
            f"{float(r['Requests/s']):.1f}",
            ms(float(r["50%"])),
            ms(float(r["95%"])),
            ms(float(r["Max Response Time"])),
        ]
        for r in sorted(endpoints, key=lambda r: -int(r["Request Count"]))
    ]
    if total:
        body.append(
            [
                "**All**",
                f"{int(total['Request Count']):,}",
                f"{int(total['Failure Count']):,}",
                f"{float(total['Requests/s']):.1f}",
                ms(float(total["50%"])),
                ms(float(total["95%"])),
                ms(float(total["Max Response Time"])),
            ]
        )
    code = code_version()
    load_line = (
        f"1-minute load average sampled every 30 s during the run: min {min(loads):.1f}, "
        f"mean {sum(loads) / len(loads):.1f}, max {max(loads):.1f} ({len(loads)} samples)"
        if loads
        else "load average not sampled"
    )
    failure_lines = [
        f"- {f['Method']} {f['Name']}: {f['Occurrences']} times: {f['Error'][:160]}"
        for f in failures
    ] or ["- none"]
    return "\n".join(
        [
            f"## Load: {args.users} simulated users for {args.time}",
            "",
            f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC (the end of the run) at commit "
            f"`{code['commit']}` by `{args.command}` on {cpu_name()} ({os.cpu_count()} cores, "
            f"{memory_gib():.0f} GiB), **shared with other work**: {load_line}. Locust, the "
            "server (granian, 2 web processes), the task workers, the scheduler, PostgreSQL "
            "and Redis all ran on these two cores, so the figures are what this machine gave "
            "under that load, not a capacity figure.",
            "",
            f"- Database: PostgreSQL `{args.database}`"
            + (f" ({args.data})" if args.data else "")
            + "; tasks through "
            + ("Redis (django-tasks-rq workers)" if args.redis else "the database backend")
            + ".",
            "- Scenario: `scripts/load/locustfile.py` (owners lodging, tracking and reading "
            "their grievances; officers working their queues through the API; anonymous "
            "scheme pages and eligibility checks; assistant questions), on loopback, settings "
            "`champions.config.settings.load` (per-client limits lifted: every user is "
            "127.0.0.1)." + (f" {args.note}" if args.note else ""),
            "",
            *table(
                ["Endpoint", "Requests", "Failures", "Req/s", "p50 ms", "p95 ms", "max ms"],
                body,
            ),
            "",
            "Failures:",
            "",
            *failure_lines,
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--time", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--data", default="", help="what the database holds")
    parser.add_argument("--redis", action="store_true")
    parser.add_argument("--uptime-log", type=Path)
    parser.add_argument("--note", default="")
    parser.add_argument("--command", default="scripts/load/run")
    args = parser.parse_args()
    var = Path(os.environ.get("CHAMPIONS_VAR_DIR", "var")) / "load"
    stats = rows(var / "result_stats.csv")
    if not stats:
        raise SystemExit(f"no figures in {var}: run scripts/load/run first")
    text = render(args, stats, rows(var / "result_failures.csv"), load_averages(args.uptime_log))
    print(text)
    section_write("load", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
