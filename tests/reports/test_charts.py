"""The progress chart: readable however many assessments a client has, targets drawn apart."""

import itertools
import re

import pytest

from assessment.reports.charts import PROGRESS_LABEL_WIDTH, progress_svg


def date_labels(svg: str) -> list[tuple[float, str]]:
    found = re.findall(r'<text x="([\d.]+)" y="\d+" text-anchor="middle"[^>]*>([^<]+)</text>', svg)
    return [(float(x), label) for x, label in found]


@pytest.mark.parametrize("count", [2, 3, 6, 12, 30])
def test_date_labels_never_overlap_and_the_latest_is_always_named(count):
    dates = [f"{day:02d}/03/2026" for day in range(1, count + 1)]
    svg = progress_svg(dates, [("Score", list(range(count)))], title="t")
    labels = date_labels(svg)
    positions = [x for x, _label in labels]
    assert all(b - a >= PROGRESS_LABEL_WIDTH for a, b in itertools.pairwise(positions))
    assert labels[0][1] == dates[0] and labels[-1][1] == dates[-1]


def test_a_target_gets_its_own_column_and_a_dashed_way_to_it():
    svg = progress_svg(
        ["01/03/2026", "01/09/2026"],
        [("Overall", [20, 30]), ("Team", [10, 40])],
        title="t",
        targets=[None, 60],
        target_label="Target",
    )
    assert [label for _x, label in date_labels(svg)] == ["01/03/2026", "01/09/2026", "Target"]
    assert svg.count("stroke-dasharray") == 1
    assert "Team 40 → 60" in svg and "Overall 30</text>" in svg


def test_texts_in_the_chart_are_escaped():
    svg = progress_svg(["<b>"], [("<script>", [5])], title="<t>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
