"""Load the studies and their figures from the CSV files beside this module."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).resolve().parent / "data"
UNKNOWN = "unknown"

# How far a study's figures describe the company's peers. Bpifrance surveyed French SMEs and
# mid-caps: peers. Hootsuite surveyed French marketing professionals: close, but people, not
# firms. The others are another country, another decade or an unknown survey: context only.
COMPARABILITY_ORDER = ("peers", "professionals", "context")


@dataclass(frozen=True)
class Study:
    id: str
    title: str
    publisher_fr: str
    publisher_en: str
    fieldwork_year: str
    publication_year: str
    country_fr: str
    country_en: str
    population_fr: str
    population_en: str
    sample_size: str
    method_fr: str
    method_en: str
    comparability: str
    where_read: str

    @property
    def can_be_compared(self) -> bool:
        return can_be_compared(self)


def can_be_compared(study: Study) -> bool:
    """Whether the study's figures may be read against a company's answers at all.

    A survey whose year, sample or country is unknown (the Mashable infographic) describes nobody
    we can name: saying a company is "ahead of most" or "unlike" its respondents would claim more
    than anyone knows. Its figures stay on the sources page, as context only.
    """
    return UNKNOWN not in (
        study.fieldwork_year,
        study.publication_year,
        study.sample_size,
        study.country_en,
    )


def years_since_fieldwork(study: Study, today: date) -> int | None:
    """How old the study's figures are on `today`: they describe the year they were measured in.

    None when nobody knows that year: an age would then be a guess.
    """
    if not study.fieldwork_year.isdigit():
        return None
    return max(today.year - int(study.fieldwork_year), 0)


@dataclass(frozen=True)
class Figure:
    id: str
    study: Study
    speaks_to: str
    value: float
    unit: str
    statement_fr: str
    statement_en: str
    where_read: str
    quote: str  # the exact words the value was read from, in their original language
    quoted_from: str  # the seed file ("seed 004_….txt") or the named relay that holds them
    relay_note_en: str
    relay_note_fr: str


def _read(name: str) -> pd.DataFrame:
    # Everything is read as text: "unknown" is a legitimate year or sample size, never a NaN.
    return pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False)


@cache
def load_studies() -> dict[str, Study]:
    frame = _read("studies.csv")
    return {row["id"]: Study(**row) for row in frame.to_dict("records")}


@cache
def load_figures() -> dict[str, Figure]:
    studies = load_studies()
    frame = _read("figures.csv")
    frame["value"] = pd.to_numeric(frame["value"], errors="raise")
    figures = {}
    for row in frame.to_dict("records"):
        study = studies[row.pop("study_id")]
        figures[row["id"]] = Figure(study=study, **row)
    return figures


def figure_for(speaks_to: str) -> Figure | None:
    return next((f for f in load_figures().values() if f.speaks_to == speaks_to), None)


def studies_in_order() -> list[Study]:
    """Studies from the most to the least comparable, then the most recent first."""
    return sorted(
        load_studies().values(),
        key=lambda study: (
            COMPARABILITY_ORDER.index(study.comparability),
            -int(study.publication_year) if study.publication_year.isdigit() else 0,
        ),
    )


@dataclass(frozen=True)
class Finding:
    """What a study found and published without a share: quoted, dated, never a number."""

    id: str
    study: Study
    speaks_to: str  # question:<id>, the answer it is context for
    statement_fr: str
    statement_en: str
    quote: str
    quoted_from: str

    @property
    def question_id(self) -> str:
        return self.speaks_to.removeprefix("question:")


@cache
def load_findings() -> dict[str, Finding]:
    studies = load_studies()
    findings = {}
    for row in _read("findings.csv").to_dict("records"):
        study = studies[row.pop("study_id")]
        findings[row["id"]] = Finding(study=study, **row)
    return findings


@dataclass(frozen=True)
class SectorTendency:
    sector: str
    study: Study
    tendency: str  # "little_active" or "active"
    # The study drew it from firms "en contact avec le consommateur final" (seed 004).
    drawn_from_end_consumers: bool
    statement_fr: str
    statement_en: str


@cache
def load_sector_tendencies() -> dict[str, SectorTendency]:
    studies = load_studies()
    return {
        row["sector"]: SectorTendency(
            sector=row["sector"],
            study=studies[row["study_id"]],
            tendency=row["tendency"],
            drawn_from_end_consumers=row["drawn_from_end_consumers"] == "yes",
            statement_fr=row["statement_fr"],
            statement_en=row["statement_en"],
        )
        for row in _read("sector_tendencies.csv").to_dict("records")
    }


def sector_tendency_of(answers: Mapping[str, object]) -> SectorTendency | None:
    """The study's tendency for the company's sector, if it speaks to the company: one the study
    drew from contact with the end consumer says nothing of a firm that sells to businesses only
    (a wholesaler among "retail and wholesale", a business-travel agency among tourism)."""
    tendency = load_sector_tendencies().get(answers.get("sector"))
    if (
        tendency is not None
        and tendency.drawn_from_end_consumers
        and answers.get("market") == "b2b"
    ):
        return None
    return tendency


def figures_by_study() -> list[dict]:
    """Every figure and finding under its study, studies in order of comparability: the sources
    page."""
    figures = list(load_figures().values())
    findings = list(load_findings().values())
    return [
        {
            "study": study,
            "figures": [f for f in figures if f.study.id == study.id],
            "findings": [f for f in findings if f.study.id == study.id],
        }
        for study in studies_in_order()
    ]
