"""Every published figure is a row with its provenance, and every row can be reached."""

import re
from pathlib import Path

import pytest

from assessment.domain.questionnaire import load_questionnaire
from assessment.domain.segments import SEGMENTS
from benchmarks.compare import parse_target
from benchmarks.figures import (
    COMPARABILITY_ORDER,
    UNKNOWN,
    load_figures,
    load_sector_tendencies,
    load_studies,
)
from benchmarks.quotes import value_is_quoted

STUDY_FIELDS = (
    "title",
    "publisher_fr",
    "publisher_en",
    "fieldwork_year",
    "publication_year",
    "country_fr",
    "country_en",
    "population_fr",
    "population_en",
    "sample_size",
    "method_fr",
    "method_en",
    "comparability",
    "where_read",
)
FIGURE_FIELDS = (
    "speaks_to",
    "unit",
    "statement_fr",
    "statement_en",
    "where_read",
    "quote",
    "quoted_from",
)
# The seeds the figures were first read in, beside the project (../shared/seeds/).
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def test_the_five_studies_are_there():
    assert set(load_studies()) == {
        "bpifrance_2018",
        "hootsuite_2017",
        "siia_2012",
        "mashable_2010",
        "hslu_2015",
    }


@pytest.mark.parametrize("study", load_studies().values(), ids=lambda s: s.id)
def test_every_study_carries_its_whole_provenance(study):
    for field in STUDY_FIELDS:
        assert getattr(study, field).strip(), f"{study.id}: {field} is empty (write unknown)"
    assert study.comparability in COMPARABILITY_ORDER
    for field in ("fieldwork_year", "publication_year", "sample_size"):
        value = getattr(study, field)
        assert value == UNKNOWN or value.isdigit(), f"{study.id}: {field}={value!r}"


def test_unknown_provenance_is_said_never_guessed():
    mashable = load_studies()["mashable_2010"]
    assert mashable.sample_size == UNKNOWN
    assert mashable.publication_year == UNKNOWN
    assert mashable.comparability == "context"


def test_only_french_smes_are_peers_and_foreign_or_old_studies_are_context():
    studies = load_studies()
    assert studies["bpifrance_2018"].comparability == "peers"
    assert studies["hootsuite_2017"].comparability == "professionals"
    for study_id in ("siia_2012", "mashable_2010", "hslu_2015"):
        assert studies[study_id].comparability == "context"


@pytest.mark.parametrize("figure", load_figures().values(), ids=lambda f: f.id)
def test_every_figure_carries_its_provenance_in_both_languages(figure):
    for field in FIGURE_FIELDS:
        assert getattr(figure, field).strip(), f"{figure.id}: {field} is empty"
    assert figure.study.id in load_studies()


@pytest.mark.parametrize("figure", load_figures().values(), ids=lambda f: f.id)
def test_every_percentage_is_between_0_and_100(figure):
    assert figure.unit == "percent"
    assert 0 <= figure.value <= 100


@pytest.mark.parametrize("figure", load_figures().values(), ids=lambda f: f.id)
def test_every_figure_speaks_to_something_that_exists(figure):
    # A figure may speak to a question one version asks and the other does not (the budget
    # figures count staff costs, as 2026-1 did; 2027-1 asks for external spend).
    target = parse_target(figure.speaks_to)
    version = "2027-1"
    if target is not None and not load_questionnaire(version).has_question(target.question_id):
        version = "2026-1"
    questionnaire = load_questionnaire(version)
    kind, _, rest = figure.speaks_to.partition(":")
    assert kind in {"question", "segment", "context"}, figure.speaks_to
    if kind == "segment":
        assert rest in SEGMENTS
    elif kind == "question":
        target = parse_target(figure.speaks_to)
        assert target is not None, f"{figure.id}: name the options, question:<id>=<v1>|<v2>"
        question = questionnaire.question(target.question_id)
        assert set(target.values) <= set(question.option_values()), figure.id
        assert set(target.unplaced) <= set(question.option_values()), figure.id
        assert not set(target.unplaced) & set(target.values), figure.id
    else:
        assert rest.strip()


def test_figure_ids_are_unique_and_stable_in_form():
    for figure_id in load_figures():
        assert figure_id == figure_id.lower() and " " not in figure_id


def test_a_north_american_figure_never_reads_as_french():
    for figure in load_figures().values():
        if figure.study.country_en in {"North America", "United States", "Switzerland"}:
            assert "français" not in figure.statement_fr.lower()
            assert "french" not in figure.statement_en.lower()


def test_the_segment_shares_add_up_to_the_whole_study():
    shares = [load_figures()[f"segment_{segment}"].value for segment in SEGMENTS]
    assert shares == [44, 19, 9, 28]
    assert sum(shares) == 100


def test_sector_tendencies_name_sectors_of_the_questionnaire():
    sectors = set(load_questionnaire().question("sector").option_values())
    for tendency in load_sector_tendencies().values():
        assert tendency.sector in sectors
        assert tendency.statement_fr and tendency.statement_en


def test_the_sources_page_lists_each_figure_under_its_own_study_once():
    from benchmarks.figures import figures_by_study

    groups = figures_by_study()
    assert all(f.study.id == group["study"].id for group in groups for f in group["figures"])
    listed = [f.id for group in groups for f in group["figures"]]
    assert sorted(listed) == sorted(load_figures())


def test_studies_come_from_the_most_comparable_then_the_most_recent():
    from benchmarks.figures import studies_in_order

    # French SMEs (2018), then professionals (2017), then context from the newest (2015, 2012)
    # to the one of unknown date.
    assert [study.id for study in studies_in_order()] == [
        "bpifrance_2018",
        "hootsuite_2017",
        "hslu_2015",
        "siia_2012",
        "mashable_2010",
    ]


def test_every_field_is_read_as_written_an_empty_one_as_empty_text():
    studies = load_studies()
    assert studies["bpifrance_2018"].publication_year == "2018"
    assert studies["mashable_2010"].publication_year == "unknown"
    assert load_figures()["segment_silent_mass"].relay_note_en == ""


def test_a_data_file_is_read_as_text_whatever_its_columns_hold(tmp_path, monkeypatch):
    from benchmarks import figures

    (tmp_path / "numbers.csv").write_text("id,year,note\na,2018,\n", encoding="utf-8")
    monkeypatch.setattr(figures, "DATA_DIR", tmp_path)
    [row] = figures._read("numbers.csv").to_dict("records")
    assert row == {"id": "a", "year": "2018", "note": ""}


def test_each_segment_has_its_share_in_the_study():
    from benchmarks.figures import figure_for

    shares = {key: figure_for(f"segment:{key}").value for key in ("silent_mass", "pioneers")}
    assert shares == {"silent_mass": 44, "pioneers": 28}
    assert figure_for("segment:nobody") is None


@pytest.mark.parametrize("figure", load_figures().values(), ids=lambda f: f.id)
def test_every_value_is_in_the_words_it_was_read_from(figure):
    assert value_is_quoted(figure.value, figure.quote), (
        f"{figure.id}: {figure.value} is not in « {figure.quote} »: justify the value or change it"
    )


def _words(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are not beside the project")
@pytest.mark.parametrize(
    "figure",
    [f for f in load_figures().values() if f.quoted_from.startswith("seed ")],
    ids=lambda f: f.id,
)
def test_a_quote_from_a_seed_is_word_for_word_in_that_seed(figure):
    seed = SEEDS / figure.quoted_from.removeprefix("seed ")
    assert seed.is_file(), f"{figure.id}: no seed named {seed.name}"
    assert _words(figure.quote) in _words(seed.read_text(encoding="utf-8"))


def test_where_relays_disagree_on_lack_of_time_the_statement_says_both_figures():
    barrier = load_figures()["bpifrance_barrier_time"]
    assert "84\u00a0%" in barrier.statement_fr and "85\u00a0%" in barrier.statement_fr
    assert "84%" in barrier.statement_en and "85%" in barrier.statement_en


def _french_fields(row):
    return {name: value for name, value in vars(row).items() if name.endswith("_fr")}


@pytest.mark.parametrize("figure", load_figures().values(), ids=lambda f: f.id)
def test_french_text_keeps_french_typography(figure):
    # A no-break space before % : ; ? ! and inside « », so that no line starts with a sign.
    for name, value in _french_fields(figure).items():
        assert not re.search(r" [%:;?!»]|« ", value), f"{figure.id}: {name}"


@pytest.mark.parametrize("figure", load_figures().values(), ids=lambda f: f.id)
def test_english_text_writes_a_percentage_without_a_space(figure):
    for name in ("statement_en", "relay_note_en"):
        assert not re.search(r"\d %", getattr(figure, name)), f"{figure.id}: {name}"


@pytest.mark.parametrize("study", load_studies().values(), ids=lambda s: s.id)
def test_a_studys_french_text_keeps_french_typography(study):
    for name, value in _french_fields(study).items():
        assert not re.search(r" [%:;?!»]|« ", value), f"{study.id}: {name}"
