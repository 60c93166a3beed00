"""Scores from answers: one per dimension (0 to 100) and an overall weighted mean.

A dimension's score is the share of its attainable points the answers earned. "I don't know"
earns nothing, like the weakest answer: a company cannot be credited for what nobody in it knows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .questionnaire import DIMENSIONS, MULTI, Question, Questionnaire, has_accounts

# The overall score's weights. Objectives and ROI measurement weigh most: the Bpifrance study
# found that 70 % of its respondents have no strategy for their presence (« 70 % des répondants
# ont indiqué n'avoir aucune stratégie », usine-digitale.fr) and a presence "little rationalised
# around precise objectives", and how to evaluate ROI is the first question the Hootsuite
# barometer's leaders want answered. Presence weighs least: an account is cheap and
# says little about maturity (70 % have one, 65 % are little or not active).
DIMENSION_WEIGHTS: Mapping[str, float] = {
    "presence": 0.15,
    "team": 0.20,
    "budget": 0.15,
    "objectives": 0.25,
    "roi": 0.25,
}

# The means of a social-media activity, as opposed to the activity itself. Their score says
# whether a company is equipped to keep pace: the measured side of "late / in step".
MEANS_DIMENSIONS = ("team", "budget", "objectives", "roi")


# Maturity levels named on the results page, by overall score. Quarters of the scale: simple to
# explain, and a company moves up a level with a visible, not a marginal, change.
MATURITY_LEVELS: tuple[tuple[int, str], ...] = (
    (75, "advanced"),
    (50, "established"),
    (25, "developing"),
    (0, "starting"),
)


def maturity_level(overall: int) -> str:
    return next(level for floor, level in MATURITY_LEVELS if overall >= floor)


@dataclass(frozen=True)
class Scores:
    dimensions: Mapping[str, int]
    overall: int
    means: int

    def by_name(self) -> dict[str, int]:
        """The overall score, then each dimension's."""
        return {"overall": self.overall, **self.dimensions}


def question_points(
    question: Question, answer: object, answers: Mapping[str, object] | None = None
) -> int:
    """Points one answer earns, capped at what the question can give. `answers`, the company's
    other answers, decide the questions that depend on them (its accounts, its size)."""
    if answer is None:
        return 0
    if question.needs_account and answers is not None and not has_accounts(answers):
        return 0
    answers = {} if answers is None else answers
    if question.kind == MULTI:
        earned = sum(option.points for option in question.options if option.value in answer)
        return min(earned, question.attainable_points)
    option = question.option(answer)
    return question.option_points(option, answers) if option is not None else 0


def _weighted_mean(values: Mapping[str, float], dimensions: tuple[str, ...]) -> float:
    weights = {name: DIMENSION_WEIGHTS[name] for name in dimensions}
    total = sum(values[name] * weight for name, weight in weights.items())
    return total / sum(weights.values())


def raw_dimension_scores(
    questionnaire: Questionnaire, answers: Mapping[str, object]
) -> dict[str, float]:
    """Unrounded dimension scores: rounding happens once, at the end, so sums stay exact."""
    earned = dict.fromkeys(DIMENSIONS, 0)
    attainable = dict.fromkeys(DIMENSIONS, 0)
    for question in questionnaire.questions:
        if not question.is_scored:
            continue
        earned[question.dimension] += question_points(question, answers.get(question.id), answers)
        attainable[question.dimension] += question.attainable_points
    return {
        name: 100 * earned[name] / attainable[name] if attainable[name] else 0.0
        for name in DIMENSIONS
    }


def means_score(questionnaire: Questionnaire, answers: Mapping[str, object]) -> float:
    """The unrounded means score, compared with the in-step threshold."""
    return _weighted_mean(raw_dimension_scores(questionnaire, answers), MEANS_DIMENSIONS)


def score(questionnaire: Questionnaire, answers: Mapping[str, object]) -> Scores:
    raw = raw_dimension_scores(questionnaire, answers)
    return Scores(
        dimensions={name: round(value) for name, value in raw.items()},
        overall=round(_weighted_mean(raw, DIMENSIONS)),
        means=round(_weighted_mean(raw, MEANS_DIMENSIONS)),
    )


def knowledge_gaps(questionnaire: Questionnaire, answers: Mapping[str, object]) -> list[Question]:
    """Questions answered "I don't know": facts the company should find out."""
    gaps = []
    for question in questionnaire.questions:
        answer = answers.get(question.id)
        values = answer if isinstance(answer, list) else [answer]
        if any(
            (option := question.option(value)) is not None and option.dont_know
            for value in values
            if isinstance(value, str)
        ):
            gaps.append(question)
    return gaps


def strongest_dimensions(scores: Scores, count: int = 2) -> list[str]:
    """The company's best dimensions, to keep: highest score first, ties in questionnaire order."""
    return sorted(DIMENSIONS, key=lambda name: -scores.dimensions[name])[:count]
