import re
from html import escape

import pytest

from benchmarks.figures import load_studies

pytestmark = pytest.mark.django_db


def test_it_lists_every_study_with_its_provenance_in_french(client):
    content = client.get("/sources/").content.decode()
    for study in load_studies().values():
        assert escape(study.title, quote=False) in content
        assert study.country_fr in content
    assert "1\u00a0657" in content


def test_it_lists_every_study_in_english(client):
    content = client.get("/en/sources/").content.decode()
    for study in load_studies().values():
        assert study.population_en in content
    assert "1,657" in content


def test_context_only_studies_are_said_to_be_context_only(client):
    content = client.get("/en/sources/").content.decode()
    assert content.count("Context only") == 3


def test_every_figure_can_be_reached_on_the_sources_page(client):
    from benchmarks.figures import load_figures

    content = client.get("/sources/").content.decode()
    for figure_id in load_figures():
        assert f'id="{figure_id}"' in content, figure_id


@pytest.mark.parametrize(
    ("prefix", "opening", "closing"), [("", "«\u00a0", "\u00a0»"), ("/en", "“", "”")]
)
def test_every_figure_and_finding_shows_the_words_it_was_read_from(
    client, prefix, opening, closing
):
    from html import unescape

    from benchmarks.figures import load_figures, load_findings

    html = client.get(f"{prefix}/sources/").content.decode()
    content = unescape(re.sub(r"<[^>]+>", "", html))
    for row in [*load_figures().values(), *load_findings().values()]:
        assert f"{opening}{row.quote}{closing} ({row.quoted_from})" in content, row.id
