"""Small bar charts drawn as SVG on the server (no script, no inline style: the CSP allows
neither). Each chart sits next to a table of the same numbers, which is what screen readers
read; the SVG itself is marked decorative."""

from dataclasses import dataclass

WIDTH, HEIGHT, GAP = 240, 48, 2


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int


def bars(values: list[int], *, maximum: int | None = None) -> dict:
    """Bar geometry for `values` in a WIDTH x HEIGHT box (a zero still shows a 1-pixel bar)."""
    top = max([*values, maximum or 0, 1])
    width = (WIDTH - GAP * max(len(values) - 1, 0)) / max(len(values), 1)
    shapes = []
    for index, value in enumerate(values):
        height = max(HEIGHT * value / top, 1)
        shapes.append(
            Bar(
                x=round(index * (width + GAP), 2),
                y=round(HEIGHT - height, 2),
                width=round(width, 2),
                height=round(height, 2),
                value=value,
            )
        )
    return {"bars": shapes, "width": WIDTH, "height": HEIGHT}
