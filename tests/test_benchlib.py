"""The benchmark harness (scripts/benchlib.py): the parts every benchmark's figures rest on."""

import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import benchlib

sys.path.pop(0)


@pytest.mark.parametrize("p", [0, 50, 90, 95, 99, 100])
def test_percentiles_are_numpys_linear_ones(p):
    values = [12.0, 3.5, 7.25, 40.0, 1.0, 9.0, 9.0, 15.5]

    assert benchlib.percentile(values, p) == pytest.approx(float(np.percentile(values, p)))


def test_a_window_of_a_fixed_count_times_each_call_after_the_warmup():
    calls = []

    timings = benchlib.window(lambda: calls.append(1), count=5, warmup=2)

    assert len(timings) == 5
    assert len(calls) == 7
    assert all(t >= 0 for t in timings)


def test_the_summary_names_n_p50_p95_and_max():
    assert benchlib.summary([1.0, 2.0, 3.0, 4.0, 5.0]) == {
        "n": 5,
        "p50": 3.0,
        "p95": pytest.approx(4.8),
        "max": 5.0,
    }


def test_a_section_replaces_only_what_lies_between_its_markers(tmp_path):
    doc = tmp_path / "PERFORMANCE.md"
    doc.write_text(
        "# Performance\n\n<!-- a:start -->\nold a\n<!-- a:end -->\n\n"
        "<!-- b:start -->\nb stays\n<!-- b:end -->\n"
    )

    benchlib.section_write("a", "new a\n", doc=doc)
    benchlib.section_write("c", "c is added\n", doc=doc)

    assert doc.read_text() == (
        "# Performance\n\n<!-- a:start -->\nnew a\n<!-- a:end -->\n\n"
        "<!-- b:start -->\nb stays\n<!-- b:end -->\n\n"
        "<!-- c:start -->\nc is added\n<!-- c:end -->\n"
    )


def test_the_header_names_the_date_commit_machine_and_load():
    machine = benchlib.machine_info()
    machine["started"] = datetime(2026, 12, 4, 8, 30, tzinfo=UTC)

    line = benchlib.measured_line(machine, command="python scripts/bench_x.py")

    assert line.startswith("Measured 2026-12-04 08:30 UTC at commit `")
    assert "by `python scripts/bench_x.py` on " in line
    assert f"({machine['cores']} cores, " in line
    assert f"load average {machine['load_before']} before, " in line


def test_tables_align_the_figures_right():
    assert benchlib.table(["case", "p50"], [["queue", benchlib.ms(1234.5)]]) == [
        "| case | p50 |",
        "| --- | ---: |",
        "| queue | 1,234 |",
    ]


def test_a_new_section_can_follow_another_one(tmp_path):
    doc = tmp_path / "PERFORMANCE.md"
    doc.write_text("<!-- a:start -->\na\n<!-- a:end -->\n\n<!-- b:start -->\nb\n<!-- b:end -->\n")

    benchlib.section_write("a-big", "a at scale\n", doc=doc, after="a")

    assert doc.read_text() == (
        "<!-- a:start -->\na\n<!-- a:end -->\n<!-- a-big:start -->\na at scale\n"
        "<!-- a-big:end -->\n\n<!-- b:start -->\nb\n<!-- b:end -->\n"
    )
