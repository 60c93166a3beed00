"""The barometer's chart: each segment's share in the study beside ours, with our 95 % interval.

Built like the other charts (charts.py): SVG markup on the server, every text escaped here.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .charts import ACCENT, FONT_FAMILY, GRID, INK, MUTED

STUDY_GREY = "#8a96a3"

# Geometry in SVG units. The chart shrinks to about 0.6 of its size on a phone, so the type is
# large; the bars leave room on the right for a value such as "100 %".
SHARES_WIDTH = 420
SHARES_LEFT, SHARES_RIGHT = 4, 64
SHARES_LEGEND_HEIGHT = 70
SHARES_GROUP_HEIGHT = 110
SHARES_BAR_HEIGHT = 22
SHARES_FONT_SIZE = 19
SHARES_LABEL_SIZE = 17


@dataclass(frozen=True)
class ShareBar:
    name: str  # the segment
    study: float  # percent
    study_label: str  # already formatted, e.g. "44 %"
    ours: float  # percent
    ours_low: float
    ours_high: float
    ours_label: str


def shares_svg(bars: list[ShareBar], *, title: str, study_name: str, ours_name: str) -> str:
    plot_width = SHARES_WIDTH - SHARES_LEFT - SHARES_RIGHT
    height = SHARES_LEGEND_HEIGHT + SHARES_GROUP_HEIGHT * len(bars)

    def x(percent: float) -> float:
        return SHARES_LEFT + plot_width * min(max(percent, 0), 100) / 100

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SHARES_WIDTH} {height}" '
        f'class="chart chart-shares" role="img" aria-label="{escape(title)}" '
        f'font-family="{FONT_FAMILY}">',
        f"<title>{escape(title)}</title>",
    ]
    for row, (name, colour) in enumerate(((study_name, STUDY_GREY), (ours_name, ACCENT))):
        y = 4 + row * 30
        parts.append(
            f'<rect x="{SHARES_LEFT}" y="{y}" width="20" height="20" rx="3" fill="{colour}"/>'
            f'<text x="{SHARES_LEFT + 28}" y="{y + 16}" font-size="{SHARES_LABEL_SIZE}" '
            f'fill="{INK}">{escape(name)}</text>'
        )
    for index, bar in enumerate(bars):
        top = SHARES_LEGEND_HEIGHT + index * SHARES_GROUP_HEIGHT
        parts.append(
            f'<text x="{SHARES_LEFT}" y="{top + 20}" font-size="{SHARES_FONT_SIZE}" '
            f'font-weight="700" fill="{INK}">{escape(bar.name)}</text>'
            f'<line x1="{SHARES_LEFT}" x2="{SHARES_LEFT}" y1="{top + 28}" y2="{top + 90}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        for row, (value, label, colour) in enumerate(
            ((bar.study, bar.study_label, STUDY_GREY), (bar.ours, bar.ours_label, ACCENT))
        ):
            y = top + 32 + row * (SHARES_BAR_HEIGHT + 8)
            end = x(value)
            parts.append(
                f'<rect x="{SHARES_LEFT}" y="{y}" width="{end - SHARES_LEFT:.1f}" '
                f'height="{SHARES_BAR_HEIGHT}" fill="{colour}"/>'
            )
            label_x = end + 6
            if row == 1:
                # Our share is an estimate: its 95 % interval drawn as a whisker across the bar.
                low, high = x(bar.ours_low), x(bar.ours_high)
                mid = y + SHARES_BAR_HEIGHT / 2
                parts.append(
                    f'<line x1="{low:.1f}" x2="{high:.1f}" y1="{mid:.1f}" y2="{mid:.1f}" '
                    f'stroke="{INK}" stroke-width="2"/>'
                    f'<line x1="{low:.1f}" x2="{low:.1f}" y1="{y + 3}" '
                    f'y2="{y + SHARES_BAR_HEIGHT - 3}" stroke="{INK}" stroke-width="2"/>'
                    f'<line x1="{high:.1f}" x2="{high:.1f}" y1="{y + 3}" '
                    f'y2="{y + SHARES_BAR_HEIGHT - 3}" stroke="{INK}" stroke-width="2"/>'
                )
                label_x = max(end, high) + 6
            parts.append(
                f'<text x="{label_x:.1f}" y="{y + 17}" font-size="{SHARES_LABEL_SIZE}" '
                f'font-weight="600" '
                f'fill="{MUTED if row == 0 else ACCENT}">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
