"""The barometer's chart: the study's share and ours on one scale, ours with its interval."""

import re

from assessment.reports.barometer_chart import (
    SHARES_LEFT,
    SHARES_RIGHT,
    SHARES_WIDTH,
    ShareBar,
    shares_svg,
)

PLOT = SHARES_WIDTH - SHARES_LEFT - SHARES_RIGHT


def bar(**changes):
    values = dict(
        name="Pioneers",
        study=28,
        study_label="28%",
        ours=40,
        ours_low=25,
        ours_high=58,
        ours_label="40%",
    )
    return ShareBar(**{**values, **changes})


def widths(svg: str) -> list[float]:
    return [float(w) for w in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg)]


def test_both_shares_are_drawn_on_one_scale_from_0_to_100():
    svg = shares_svg([bar()], title="t", study_name="Study", ours_name="Ours")
    # The two legend squares, then the study's bar and ours.
    assert widths(svg)[2:] == [round(PLOT * 0.28, 1), round(PLOT * 0.40, 1)]


def test_our_share_carries_its_interval_as_a_whisker_from_low_to_high():
    svg = shares_svg([bar()], title="t", study_name="Study", ours_name="Ours")
    low, high = SHARES_LEFT + PLOT * 0.25, SHARES_LEFT + PLOT * 0.58
    assert f'<line x1="{low:.1f}" x2="{high:.1f}"' in svg


def test_every_text_is_escaped():
    svg = shares_svg([bar(name="<b>")], title="<t>", study_name="A & B", ours_name="Ours")
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "A &amp; B" in svg
