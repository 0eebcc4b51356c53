"""Views of a report for people: the heat map's rows and shades, the CSV table."""

from dataclasses import dataclass

from .model import (
    COMBINED,
    DIMENSION_LABELS,
    DIMENSIONS,
    ConvergenceReport,
    SchemeRef,
)

# --- Views of the report: heat map rows and the CSV table ---------------------------------------

# The heat map's shades: the lower bound of each band. Each cell also prints its score.
BANDS = (0.0, 0.10, 0.25, 0.40, 0.55)


def heat_map_page(report: ConvergenceReport, dimension: str, *, top: int) -> dict:
    """What the convergence page shows for one dimension (an unknown one means the combined
    score): the heat map's rows, the legend's bands and the `top` pairs."""
    if dimension not in DIMENSION_LABELS:
        dimension = COMBINED
    return {
        "report": report,
        "dimension": dimension,
        "dimension_label": DIMENSION_LABELS[dimension],
        "dimension_choices": list(DIMENSION_LABELS.items()),
        "rows": heat_map(report, dimension),
        "bands": list(zip(BANDS, [*BANDS[1:], None], strict=True)),
        "top_pairs": report.pairs[:top],
    }


def band(score: float) -> int:
    return max(i for i, lower in enumerate(BANDS) if score >= lower)


@dataclass(frozen=True)
class HeatCell:
    column: SchemeRef
    score: float
    band: int
    is_self: bool
    merge_group: str | None


@dataclass(frozen=True)
class HeatRow:
    scheme: SchemeRef
    is_independent: bool
    cells: tuple[HeatCell, ...]


def heat_map(report: ConvergenceReport, dimension: str = COMBINED) -> tuple[HeatRow, ...]:
    matrix = report.matrix_for(dimension)
    merge_pairs = report.merge_pairs()
    independent = {i.scheme_id for i in report.keep_independent}
    return tuple(
        HeatRow(
            scheme=row,
            is_independent=row.id in independent,
            cells=tuple(
                HeatCell(
                    column=column,
                    score=matrix[i][j],
                    band=band(matrix[i][j]),
                    is_self=i == j,
                    merge_group=merge_pairs.get(tuple(sorted((row.id, column.id)))),
                )
                for j, column in enumerate(report.schemes)
            ),
        )
        for i, row in enumerate(report.schemes)
    )


# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def pairs_table(report: ConvergenceReport) -> list[list[str]]:
    """One row per pair of schemes (a header first): each dimension's score and shared items."""
    names = {s.id: s.name for s in report.schemes}
    merge_pairs = report.merge_pairs()
    header = ["rank", "scheme_a", "scheme_a_name", "scheme_b", "scheme_b_name", "score"]
    header += [f"{d}_score" for d in DIMENSIONS] + [f"{d}_shared" for d in DIMENSIONS]
    rows = [[*header, "niti_2026_merge_group"]]
    for pair in report.pairs:
        row = [pair.rank, pair.a, names[pair.a], pair.b, names[pair.b], f"{pair.score:.3f}"]
        row += [f"{pair.overlap(d).score:.3f}" for d in DIMENSIONS]
        row += ["; ".join(i.label for i in pair.overlap(d).shared) for d in DIMENSIONS]
        rows.append([_cell(v) for v in [*row, merge_pairs.get((pair.a, pair.b), "")]])
    return rows
