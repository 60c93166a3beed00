"""Horizontal bars as SVG: a workshop's charts one by one, for a consultant's own deck.

Built on the server like the other charts; every text is escaped here. One or two series (a
distribution, or the answers before and after a re-vote), each bar labelled with its count.
"""

from __future__ import annotations

from html import escape

from .charts import ACCENT, FONT_FAMILY, GRID, INK, MUTED, _lines, _text_block

SECOND_SERIES = "#9ab3d8"
WIDTH = 760
LABEL_WIDTH = 260
BAR_HEIGHT = 26
GAP = 10
FONT_SIZE = 16
TITLE_SIZE = 19
LABEL_CHARS = 28


def bars_svg(
    labels: list[str],
    series: list[tuple[str, list[int]]],
    *,
    title: str,
    maximum: int | None = None,
    colour: str = ACCENT,
) -> str:
    """`series`: (name, one value per label); bars share one scale, from 0 to `maximum`."""
    top = 20 + TITLE_SIZE * 1.15 * len(_lines(title, 60)) + (28 if len(series) > 1 else 8)
    group = BAR_HEIGHT * len(series) + GAP * 2
    height = top + group * len(labels) + 16
    scale_max = maximum or max([v for _, values in series for v in values] + [1])
    bar_space = WIDTH - LABEL_WIDTH - 70
    colours = [colour, SECOND_SERIES]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'role="img" aria-label="{escape(title)}" font-family="{FONT_FAMILY}">',
        f"<title>{escape(title)}</title>",
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        _text_block(
            _lines(title, 60),
            16,
            20 + TITLE_SIZE,
            font_size=str(TITLE_SIZE),
            font_weight="700",
            fill=INK,
        ),
    ]
    if len(series) > 1:
        x = LABEL_WIDTH
        for number, (name, _values) in enumerate(series):
            parts.append(
                f'<rect x="{x}" y="{top - 24}" width="14" height="14" fill="{colours[number]}"/>'
                f'<text x="{x + 20}" y="{top - 12}" font-size="{FONT_SIZE - 2}" fill="{MUTED}">'
                f"{escape(name)}</text>"
            )
            x += 30 + 9 * len(name)
    for row, label in enumerate(labels):
        y = top + row * group + GAP
        parts.append(
            _text_block(
                _lines(label, LABEL_CHARS),
                LABEL_WIDTH - 12,
                y + FONT_SIZE,
                font_size=str(FONT_SIZE),
                text_anchor="end",
                fill=INK,
            )
        )
        for number, (_name, values) in enumerate(series):
            value = values[row]
            width = bar_space * value / scale_max if scale_max else 0
            bar_y = y + number * BAR_HEIGHT
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{bar_space}" '
                f'height="{BAR_HEIGHT - 4}" fill="{GRID}" opacity="0.35"/>'
                f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{width:.1f}" '
                f'height="{BAR_HEIGHT - 4}" fill="{colours[number]}"/>'
                f'<text x="{LABEL_WIDTH + bar_space + 10}" y="{bar_y + BAR_HEIGHT - 9}" '
                f'font-size="{FONT_SIZE}" font-weight="700" fill="{INK}">{value}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
