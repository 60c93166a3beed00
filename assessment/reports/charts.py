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
# The product's font, self-hosted: the PDF embeds it, the web page has it loaded.
FONT_FAMILY = "Inter, sans-serif"


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


def _lines(label: str, max_chars: int) -> list[str]:
    """Split a label on spaces into lines of at most about `max_chars` characters."""
    lines: list[str] = []
    for word in label.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _text_block(lines: list[str], x: float, y: float, **attributes: str) -> str:
    """Lines of text stacked from `y` down, each an escaped <tspan>."""
    attrs = " ".join(f'{name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else 1.15}em">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text x="{x:.1f}" y="{y:.1f}" {attrs}>{spans}</text>'


# Radar geometry, in SVG units: wide enough for a two-line label on each side of the web.
# The font is large because the chart shrinks to a third of its size on a phone.
RADAR_WIDTH, RADAR_HEIGHT, RADAR_RADIUS = 500, 420, 112
RADAR_FONT_SIZE = 17
RADAR_LINE_HEIGHT = 1.15 * RADAR_FONT_SIZE
RADAR_LABEL_CHARS = 12


def radar_svg(axes: list[RadarAxis], *, title: str) -> str:
    count = len(axes)
    cx, cy, radius = RADAR_WIDTH / 2, RADAR_HEIGHT / 2 + 10, RADAR_RADIUS
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {RADAR_WIDTH} {RADAR_HEIGHT}" '
        f'class="chart chart-radar" role="img" aria-label="{escape(title)}" '
        f'font-family="{FONT_FAMILY}">',
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
    # A zero still shows as a dot just off the centre, so every axis has a visible point.
    corners = [
        _point(cx, cy, radius * max(axis.value, 2) / 100, i, count) for i, axis in enumerate(axes)
    ]
    shape = " ".join(f"{x:.1f},{y:.1f}" for x, y in corners)
    parts.append(
        f'<polygon points="{shape}" fill="{ACCENT_FILL}" stroke="{ACCENT}" stroke-width="2.5" '
        'stroke-linejoin="round"/>'
    )
    for x, y in corners:
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{ACCENT}"/>')
    for i, axis in enumerate(axes):
        lx, ly = _point(cx, cy, radius + 16, i, count)
        anchor = _anchor(lx, cx)
        lines = _lines(axis.label, RADAR_LABEL_CHARS) + [str(axis.value)]
        # Labels above the centre grow upwards, the others downwards, away from the web.
        if ly < cy - radius * 0.5:
            top = ly - 16 * (len(lines) - 1) - 4
        elif ly > cy + radius * 0.5:
            top = ly + 14
        else:
            top = ly - 8 * (len(lines) - 1) + 4
        parts.append(
            _text_block(
                lines[:-1],
                lx,
                top,
                text_anchor=anchor,
                font_size="15",
                fill=INK,
                font_weight="600",
            )
        )
        parts.append(
            f'<text x="{lx:.1f}" y="{top + 17.25 * (len(lines) - 1):.1f}" '
            f'text-anchor="{anchor}" font-size="15" fill="{ACCENT}" font-weight="700">'
            f"{axis.value}</text>"
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


# Segment map geometry: a narrow band on the left for the vertical axis, two rows of two cells.
MAP_LEFT, MAP_TOP, MAP_CELL_WIDTH, MAP_CELL_HEIGHT = 44, 4, 200, 150


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
    accent: str = ACCENT,
    caption: str = "",
) -> str:
    """The study's two axes as a 2x2 map, the company marked where it places itself and, when it
    differs, where its answers place it. `accent`: a consultancy's colour, on its deck's map;
    `caption`: lines under the map, for a map that leaves the page its source is written on."""
    said_fill = "#e6eefb" if accent == ACCENT else "#ffffff"
    left, top, cell_w, cell_h = MAP_LEFT, MAP_TOP, MAP_CELL_WIDTH, MAP_CELL_HEIGHT
    caption_lines = _lines(caption, 64) if caption else []
    width = left + 2 * cell_w + 4
    caption_top = top + 2 * cell_h + 58
    height = caption_top + 15 * len(caption_lines) + 4 if caption_lines else top + 2 * cell_h + 34
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="chart chart-segments" role="img" aria-label="{escape(title)}" '
        f'font-family="{FONT_FAMILY}">',
        f"<title>{escape(title)}</title>",
    ]
    for quadrant in quadrants:
        x = left + quadrant.column * cell_w
        y = top + quadrant.row * cell_h
        mine = quadrant.key == said
        parts.append(
            f'<rect x="{x + 3}" y="{y + 3}" width="{cell_w - 6}" height="{cell_h - 6}" rx="10" '
            f'fill="{said_fill if mine else "#f4f6f9"}" stroke="{accent if mine else GRID}" '
            f'stroke-width="{2.5 if mine else 1}"/>'
        )
        parts.append(
            f'<text x="{x + 16}" y="{y + 32}" font-size="17" font-weight="700" '
            f'fill="{INK}">{escape(quadrant.name)}</text>'
        )
        parts.append(
            f'<text x="{x + 16}" y="{y + 68}" font-size="30" font-weight="700" '
            f'fill="{MUTED}">{escape(quadrant.share)}</text>'
        )
        marker = None
        if mine:
            marker = (said_label, True)
        elif shown is not None and quadrant.key == shown:
            marker = (shown_label, False)
        if marker is not None:
            label, solid = marker
            mx, my = x + 16, y + 100
            if solid:
                parts.append(f'<circle cx="{mx + 7}" cy="{my - 5}" r="7" fill="{accent}"/>')
            else:
                parts.append(
                    f'<circle cx="{mx + 7}" cy="{my - 5}" r="6.5" fill="#fff" '
                    f'stroke="{accent}" stroke-width="2.5" stroke-dasharray="3 2"/>'
                )
            parts.append(
                _text_block(
                    _lines(label, 16),
                    mx + 22,
                    my,
                    font_size="14",
                    font_weight="600",
                    fill=accent,
                )
            )
    # Axes: activity from left to right; tempo from bottom (behind) to top (in step or ahead),
    # written upwards along the left edge.
    for column, label in enumerate(x_labels):
        parts.append(
            f'<text x="{left + column * cell_w + cell_w / 2}" y="{top + 2 * cell_h + 22}" '
            f'text-anchor="middle" font-size="14" fill="{MUTED}">{escape(label)}</text>'
        )
    for row, label in enumerate(y_labels):
        cy = top + row * cell_h + cell_h / 2
        lines = _lines(label, 18)
        block = _text_block(lines, 0, 0, text_anchor="middle", font_size="14", fill=MUTED)
        # Rotated a quarter turn: the lines stack towards the map, so the block starts further out.
        parts.append(
            f'<g transform="translate({left - 8 - 16 * (len(lines) - 1)} {cy}) rotate(-90)">'
            f"{block}</g>"
        )
    if caption_lines:
        parts.append(_text_block(caption_lines, 4, caption_top, font_size="13", fill=MUTED))
    parts.append("</svg>")
    return "".join(parts)


# Colours of the progress lines: the overall score in the accent, dimensions in quieter tones.
SERIES_COLOURS = ("#1f5fbf", "#6b8fc9", "#2f8f6a", "#b7791f", "#8a4fbf", "#c0392b")
PROGRESS_WIDTH, PROGRESS_HEIGHT = 700, 300
PROGRESS_LABEL_WIDTH = 64
PROGRESS_LEFT, PROGRESS_RIGHT, PROGRESS_TOP, PROGRESS_BOTTOM = 40, 215, 16, 40


def progress_svg(
    dates: list[str],
    series: list[tuple[str, list[int]]],
    *,
    title: str,
    targets: list[int | None] | None = None,
    target_label: str = "",
) -> str:
    """Scores (0-100) over successive assessments: one line per series, labelled at its end.

    With targets, one more column shows where each series aims next: a dashed line from its last
    score to a hollow point at its target.
    """
    targets = targets or [None] * len(series)
    has_targets = any(target is not None for target in targets)
    columns = len(dates) + (1 if has_targets else 0)
    plot_w = PROGRESS_WIDTH - PROGRESS_LEFT - PROGRESS_RIGHT
    plot_h = PROGRESS_HEIGHT - PROGRESS_TOP - PROGRESS_BOTTOM
    step = plot_w / max(columns - 1, 1)

    def x(i):
        return PROGRESS_LEFT + i * step

    def y(value):
        return PROGRESS_TOP + plot_h * (1 - value / 100)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {PROGRESS_WIDTH} {PROGRESS_HEIGHT}"'
        f' class="chart chart-progress" role="img" aria-label="{escape(title)}"'
        f' font-family="{FONT_FAMILY}">',
        f"<title>{escape(title)}</title>",
    ]
    for value in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{PROGRESS_LEFT}" x2="{PROGRESS_LEFT + plot_w}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}" stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{PROGRESS_LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" '
            f'font-size="11" fill="{MUTED}">{value}</text>'
        )
    # Dates need about 64 units each: with many assessments, every n-th is labelled, and the last.
    every = math.ceil(PROGRESS_LABEL_WIDTH / step) if len(dates) > 1 else 1
    labels = [
        (i, label)
        for i, label in enumerate(dates)
        if i % every == 0 or i == len(dates) - 1
        if i == len(dates) - 1 or len(dates) - 1 - i >= every
    ]
    if has_targets:
        labels.append((len(dates), target_label))
    for i, label in labels:
        parts.append(
            f'<text x="{x(i):.1f}" y="{PROGRESS_HEIGHT - 14}" text-anchor="middle" '
            f'font-size="11" fill="{MUTED}">{escape(label)}</text>'
        )

    def end(index):
        # A series ends at its target when it has one, at its last score otherwise.
        target = targets[index]
        values = series[index][1]
        return (len(values), target) if target is not None else (len(values) - 1, values[-1])

    # End labels sit beside the last points, pushed apart when they are close.
    label_y = {}
    previous = None
    for index in sorted(range(len(series)), key=lambda i: -end(i)[1]):
        wanted = y(end(index)[1]) + 4
        label_y[index] = wanted if previous is None else max(wanted, previous + 14)
        previous = label_y[index]
    for index, (name, values) in enumerate(series):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        width = 3 if index == 0 else 1.8
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="{width}"/>'
        )
        for i, value in enumerate(values):
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="3" fill="{colour}"/>')
        label = f"{escape(name)} {values[-1]}"
        target = targets[index]
        if target is not None:
            last = len(values) - 1
            parts.append(
                f'<line x1="{x(last):.1f}" y1="{y(values[-1]):.1f}" x2="{x(last + 1):.1f}" '
                f'y2="{y(target):.1f}" stroke="{colour}" stroke-width="1.5" '
                f'stroke-dasharray="5 4"/>'
                f'<circle cx="{x(last + 1):.1f}" cy="{y(target):.1f}" r="4" fill="#fff" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
            label += f" → {target}"
        # With targets, every label stands past the target column, like a legend in score order.
        end_x = x(columns - 1) if has_targets else x(end(index)[0])
        parts.append(
            f'<text x="{end_x + 8:.1f}" y="{label_y[index]:.1f}" font-size="12" '
            f'fill="{colour}">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
