"""Charts as SVG markup, built on the server from one source for the web page and the PDF.

No JavaScript is needed to see a chart, and the PDF renderer draws the very same markup. Every
text that goes into the markup is escaped here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

# The palette is the product's: one accent for the company, greys for the frame.
ACCENT = "#1f5fbf"
ACCENT_FILL = "rgba(31, 95, 191, 0.22)"
GRID = "#c9d1dc"
INK = "#1d2733"
MUTED = "#5b6775"


@dataclass(frozen=True)
class RadarAxis:
    label: str
    value: int  # 0 to 100


def _point(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    # The first axis points straight up; the others follow clockwise.
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def _anchor(x: float, cx: float) -> str:
    if abs(x - cx) < 1:
        return "middle"
    return "start" if x > cx else "end"


def radar_svg(axes: list[RadarAxis], *, title: str, size: int = 360) -> str:
    count = len(axes)
    cx, cy = size / 2, size / 2 + 4
    radius = size * 0.30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size + 8}" '
        f'class="chart chart-radar" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for ring in (25, 50, 75, 100):
        points = " ".join(
            f"{x:.1f},{y:.1f}"
            for x, y in (_point(cx, cy, radius * ring / 100, i, count) for i in range(count))
        )
        parts.append(f'<polygon points="{points}" fill="none" stroke="{GRID}" stroke-width="1"/>')
    for i in range(count):
        x, y = _point(cx, cy, radius, i, count)
        parts.append(
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
    shape = " ".join(
        f"{x:.1f},{y:.1f}"
        for x, y in (
            _point(cx, cy, radius * max(axis.value, 2) / 100, i, count)
            for i, axis in enumerate(axes)
        )
    )
    parts.append(
        f'<polygon points="{shape}" fill="{ACCENT_FILL}" stroke="{ACCENT}" stroke-width="2.5" '
        'stroke-linejoin="round"/>'
    )
    for i, axis in enumerate(axes):
        x, y = _point(cx, cy, radius * max(axis.value, 2) / 100, i, count)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{ACCENT}"/>')
        lx, ly = _point(cx, cy, radius + 18, i, count)
        anchor = _anchor(lx, cx)
        dy = -8 if ly < cy - 1 else 14 if ly > cy + radius * 0.5 else 4
        parts.append(
            f'<text x="{lx:.1f}" y="{ly + dy:.1f}" text-anchor="{anchor}" font-size="13" '
            f'fill="{INK}" font-weight="600">{escape(axis.label)}</text>'
        )
        parts.append(
            f'<text x="{lx:.1f}" y="{ly + dy + 16:.1f}" text-anchor="{anchor}" font-size="13" '
            f'fill="{ACCENT}" font-weight="700">{axis.value}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Quadrant:
    key: str
    name: str
    share: str  # already formatted, e.g. "44 %"
    column: int  # 0: little or not active, 1: active
    row: int  # 0: in step or ahead (top), 1: late (bottom)


def segment_map_svg(
    quadrants: list[Quadrant],
    *,
    title: str,
    x_labels: tuple[str, str],
    y_labels: tuple[str, str],
    said: str,
    shown: str | None,
    said_label: str,
    shown_label: str,
) -> str:
    """The study's two axes as a 2x2 map, the company marked where it places itself and, when it
    differs, where its answers place it."""
    left, top, cell_w, cell_h = 70, 10, 190, 120
    width, height = left + 2 * cell_w + 10, top + 2 * cell_h + 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="chart chart-segments" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for quadrant in quadrants:
        x = left + quadrant.column * cell_w
        y = top + quadrant.row * cell_h
        mine = quadrant.key == said
        fill = "#e6eefb" if mine else "#f4f6f9"
        stroke = ACCENT if mine else GRID
        parts.append(
            f'<rect x="{x + 3}" y="{y + 3}" width="{cell_w - 6}" height="{cell_h - 6}" rx="8" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{2.5 if mine else 1}"/>'
        )
        parts.append(
            f'<text x="{x + 16}" y="{y + 32}" font-size="15" font-weight="700" '
            f'fill="{INK}">{escape(quadrant.name)}</text>'
        )
        parts.append(
            f'<text x="{x + 16}" y="{y + 64}" font-size="26" font-weight="700" '
            f'fill="{MUTED}">{escape(quadrant.share)}</text>'
        )
        marker = None
        if mine:
            marker = (said_label, True)
        elif shown is not None and quadrant.key == shown:
            marker = (shown_label, False)
        if marker is not None:
            label, solid = marker
            mx, my = x + 16, y + 92
            if solid:
                parts.append(f'<circle cx="{mx + 6}" cy="{my - 4}" r="6" fill="{ACCENT}"/>')
            else:
                parts.append(
                    f'<circle cx="{mx + 6}" cy="{my - 4}" r="5.5" fill="none" '
                    f'stroke="{ACCENT}" stroke-width="2" stroke-dasharray="3 2"/>'
                )
            parts.append(
                f'<text x="{mx + 18}" y="{my + 1}" font-size="13" font-weight="600" '
                f'fill="{ACCENT}">{escape(label)}</text>'
            )
    # Axes: activity left to right, tempo bottom (late) to top (in step or ahead).
    for column, label in enumerate(x_labels):
        parts.append(
            f'<text x="{left + column * cell_w + cell_w / 2}" y="{top + 2 * cell_h + 22}" '
            f'text-anchor="middle" font-size="12" fill="{MUTED}">{escape(label)}</text>'
        )
    for row, label in enumerate(y_labels):
        cy = top + row * cell_h + cell_h / 2
        parts.append(
            f'<text x="{left - 10}" y="{cy}" text-anchor="end" font-size="12" '
            f'fill="{MUTED}">{_wrap_tspans(label, left - 10)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _wrap_tspans(label: str, x: float) -> str:
    """Axis labels in the margin are short; split on a space into at most two lines."""
    words = label.split(" ")
    if len(words) == 1:
        return escape(label)
    middle = (len(words) + 1) // 2
    first, second = " ".join(words[:middle]), " ".join(words[middle:])
    return (
        f'<tspan x="{x}" dy="-0.3em">{escape(first)}</tspan>'
        f'<tspan x="{x}" dy="1.2em">{escape(second)}</tspan>'
    )
