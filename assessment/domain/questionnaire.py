"""The questionnaire as plain data: sections, questions and options, loaded from a versioned file.

Nothing here knows about Django. An assessment stores the version it was answered with, so its
scores can always be recomputed with the very questions it saw.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Mapping, Set
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

QUESTIONNAIRES_DIR = Path(__file__).resolve().parent.parent / "questionnaires"
# The version new assessments are answered with; older versions stay loadable, so that an
# assessment is always scored and shown with the questions it saw.
CURRENT_VERSION = "2027-1"
LANGUAGES = ("fr", "en")

# The longest free text we accept: a company name. Anything longer is refused, not truncated.
TEXT_MAX_LENGTH = 120

SINGLE, MULTI, TEXT = "single", "multi", "text"
DIMENSIONS = ("presence", "team", "budget", "objectives", "roi")


@dataclass(frozen=True)
class Text:
    """One string in every language of the product."""

    fr: str
    en: str

    def in_language(self, language: str) -> str:
        return self.en if language == "en" else self.fr

    def format(self, **values: object) -> Text:
        return Text(fr=self.fr.format(**values), en=self.en.format(**values))


@dataclass(frozen=True)
class Option:
    value: str
    label: Text
    points: int = 0
    dont_know: bool = False
    exclusive: bool = False
    # Points by the answer to the question named by the question's `scaled_by` (the headcount
    # band, for a budget read against the company's size).
    points_by: Mapping[str, int] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    label: Text
    help: Text | None = None
    dimension: str | None = None
    role: str | None = None
    required: bool = True
    max_points: int | None = None
    options: tuple[Option, ...] = ()
    # A question about what a company does on its accounts: without an account it earns nothing.
    needs_account: bool = False
    # The question whose answer picks each option's points from its `points_by` table.
    scaled_by: str | None = None

    @property
    def is_scored(self) -> bool:
        return self.dimension is not None

    @property
    def attainable_points(self) -> int:
        """The most a question can add to its dimension (a scaled option's table tops out at its
        plain points' ceiling, so the most is the same for every size)."""
        if self.kind == MULTI:
            total = sum(option.points for option in self.options)
            return min(total, self.max_points) if self.max_points is not None else total
        return max(
            (max(option.points, *option.points_by.values(), 0) for option in self.options),
            default=0,
        )

    def option_points(self, option: Option, answers: Mapping[str, object]) -> int:
        """What an option earns for this company: scaled options read the answer they depend on,
        and fall back on their plain points when it is missing."""
        if self.scaled_by is None:
            return option.points
        return option.points_by.get(answers.get(self.scaled_by), option.points)

    def option(self, value: str) -> Option | None:
        return next((option for option in self.options if option.value == value), None)

    def option_values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    intro: Text
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Questionnaire:
    version: str
    sections: tuple[Section, ...]
    _by_id: Mapping[str, Question] = field(default_factory=dict, repr=False, compare=False)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(question for section in self.sections for question in section.questions)

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._by_id

    def question_with_role(self, role: str) -> Question:
        return next(question for question in self.questions if question.role == role)

    def only(self, question_ids: Set[str]) -> Questionnaire:
        """The same questionnaire asking only these questions: two versions are compared on the
        questions both ask."""
        sections = tuple(
            replace(section, questions=kept)
            for section in self.sections
            if (kept := tuple(q for q in section.questions if q.id in question_ids))
        )
        by_id = {q.id: q for section in sections for q in section.questions}
        return Questionnaire(version=self.version, sections=sections, _by_id=by_id)


def has_accounts(answers: Mapping[str, object]) -> bool:
    """An account on at least one network: without one, a company is inactive on every count."""
    networks = answers.get("networks") or []
    return bool(networks) and "none" not in networks


def has_control_characters(text: str) -> bool:
    """Tabs, line feeds, NUL (which PostgreSQL refuses) and the like, C0, DEL and C1 alike (the
    Unicode category Cc): no name holds them."""
    return any(unicodedata.category(c) == "Cc" for c in text)


class InvalidAnswer(ValueError):
    """An answer that the question cannot take. `code` names the reason for the message shown."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def clean_answer(question: Question, raw: object) -> str | list[str] | None:
    """Return the answer in its stored form, or raise InvalidAnswer.

    `None` (or an empty text or selection) means "not answered". The rules here are the only
    ones: the web form and any other entry point call this function.
    """
    # An empty box ticked by a hand-made request is no answer, not a wrong one.
    nothing_chosen = isinstance(raw, list | tuple) and all(value == "" for value in raw)
    if raw is None or raw == "" or nothing_chosen:
        if question.required:
            raise InvalidAnswer("required")
        return None
    if question.kind == TEXT:
        # Control characters (a NUL byte above all, which PostgreSQL refuses) are no name.
        if not isinstance(raw, str) or has_control_characters(raw):
            raise InvalidAnswer("invalid_type")
        text = raw.strip()
        if len(text) > TEXT_MAX_LENGTH:
            raise InvalidAnswer("too_long")
        if not text and question.required:
            raise InvalidAnswer("required")
        return text or None
    if question.kind == SINGLE:
        if not isinstance(raw, str) or question.option(raw) is None:
            raise InvalidAnswer("unknown_option")
        return raw
    if not isinstance(raw, list | tuple) or not all(isinstance(value, str) for value in raw):
        raise InvalidAnswer("invalid_type")
    chosen = [value for value in question.option_values() if value in raw]
    if len(chosen) != len(set(raw)):
        raise InvalidAnswer("unknown_option")
    if len(chosen) > 1 and any(question.option(value).exclusive for value in chosen):
        raise InvalidAnswer("exclusive_option")
    return chosen


def missing_answers(questionnaire: Questionnaire, answers: Mapping[str, object]) -> list[Question]:
    """The required questions still without a valid answer, in questionnaire order."""
    missing = []
    for question in questionnaire.questions:
        if not question.required:
            continue
        try:
            # A required question never cleans to "not answered": it is refused instead.
            clean_answer(question, answers.get(question.id))
        except InvalidAnswer:
            missing.append(question)
    return missing


def first_step_missing(questionnaire: Questionnaire, answers: Mapping[str, object]) -> int | None:
    """The 1-based step holding the first required question without an answer, if any."""
    missing = {question.id for question in missing_answers(questionnaire, answers)}
    for number, section in enumerate(questionnaire.sections, start=1):
        if any(question.id in missing for question in section.questions):
            return number
    return None


def _text(data: Mapping[str, str] | None) -> Text | None:
    if data is None:
        return None
    return Text(fr=data["fr"], en=data["en"])


def _question(data: Mapping) -> Question:
    return Question(
        id=data["id"],
        kind=data["kind"],
        label=_text(data["label"]),
        help=_text(data.get("help")),
        dimension=data.get("dimension"),
        role=data.get("role"),
        required=data.get("required", True),
        max_points=data.get("max_points"),
        needs_account=data.get("needs_account", False),
        scaled_by=data.get("scaled_by"),
        options=tuple(
            Option(
                value=option["value"],
                label=_text(option["label"]),
                points=option.get("points", 0),
                dont_know=option.get("dont_know", False),
                exclusive=option.get("exclusive", False),
                points_by=option.get("points_by", {}),
            )
            for option in data.get("options", ())
        ),
    )


def parse_questionnaire(data: Mapping) -> Questionnaire:
    sections = tuple(
        Section(
            id=section["id"],
            title=_text(section["title"]),
            intro=_text(section["intro"]),
            questions=tuple(_question(question) for question in section["questions"]),
        )
        for section in data["sections"]
    )
    by_id = {question.id: question for section in sections for question in section.questions}
    return Questionnaire(version=data["version"], sections=sections, _by_id=by_id)


def available_versions() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in QUESTIONNAIRES_DIR.glob("*.toml")))


@cache
def load_questionnaire(version: str = CURRENT_VERSION) -> Questionnaire:
    if version not in available_versions():
        raise LookupError(f"no questionnaire version {version!r}")
    with (QUESTIONNAIRES_DIR / f"{version}.toml").open("rb") as file:
        return parse_questionnaire(tomllib.load(file))
