"""What only the report adds to the results page, in words: the answers and advice per
dimension, the action plan by horizon, the strengths, the method and the appendix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import override

from ..comparison_presenters import comparison_items
from ..domain.recommendations import (
    FIRST_THINGS,
    NEXT_12_MONTHS,
    PLAN_COMPLETE_FROM,
    WEAK_DIMENSION_THRESHOLD,
    action_plan,
)
from ..domain.segments import means_in_step_threshold
from ..presenters import dimension_weights, recommendation_item, results_context
from ..words import answer_label, dimension_names

if TYPE_CHECKING:
    from ..selectors import AssessmentReport


def report_context(report: AssessmentReport, language: str) -> dict:
    """Everything the results page shows, and what only the report adds."""
    with override(language):
        context = results_context(report.results, language)
        context.update(_report_additions(report, context, language))
        return context


def _report_additions(report: AssessmentReport, context: dict, language: str) -> dict:
    results = report.results
    questionnaire, answers, result = (
        results.questionnaire,
        results.assessment.answers,
        results.result,
    )
    names = dimension_names()
    comparisons = comparison_items(results, language)
    plan = action_plan(result.recommendations, report.every_recommendation, result.scores.overall)
    # Numbered in reading order: the verdict's first three are the plan's 1, 2 and 3.
    numbered = (*plan.first_90_days, *plan.next_12_months)
    ranks = {rec.id: rank for rank, rec in enumerate(numbered, start=1)}
    dimensions = []
    for dimension in context["dimensions"]:
        questions = [q for q in questionnaire.questions if q.dimension == dimension["key"]]
        question_ids = {q.id for q in questions}
        dimensions.append(
            {
                **dimension,
                "answers": [
                    {
                        "question": q.label.in_language(language),
                        "answer": answer_label(questionnaire, q.id, answers.get(q.id), language),
                    }
                    for q in questions
                ],
                "comparisons": [
                    c for c in comparisons if c["comparison"].question_id in question_ids
                ][:3],
                # The plan's actions on this dimension first, with their number in the plan;
                # then what else applies, said to be outside the plan: a board reads "what to
                # do" as the plan otherwise.
                "actions": sorted(
                    (
                        {"title": rec.title.in_language(language), "rank": ranks.get(rec.id)}
                        for rec in report.every_recommendation
                        if rec.dimension == dimension["key"]
                    ),
                    key=lambda action: action["rank"] is None,
                )[:3],
            }
        )

    def items(recommendations):
        return [
            {
                **recommendation_item(rec, ranks[rec.id], questionnaire, language),
                # A heavier action among the first things is started in the quarter, not done.
                "started_now": rec.horizon == NEXT_12_MONTHS and rec in plan.first_90_days,
            }
            for rec in recommendations
        ]

    return {
        # The verdict's first things to do: the ones the plan starts in the first 90 days.
        "first_things": context["recommendations"][:FIRST_THINGS],
        "strengths": [
            {"name": names[key], "score": result.scores.dimensions[key]} for key in report.strengths
        ],
        "weak_threshold": WEAK_DIMENSION_THRESHOLD,
        "best_dimension_score": max(result.scores.dimensions.values()),
        "report_dimensions": dimensions,
        "plan_first_90_days": items(plan.first_90_days),
        "plan_next_12_months": items(plan.next_12_months),
        "plan_complete": result.scores.overall >= PLAN_COMPLETE_FROM,
        "studies": results.studies,
        "weights": dimension_weights(),
        "in_step_threshold": means_in_step_threshold(questionnaire.version),
        "appendix": [
            {
                "title": section.title.in_language(language),
                "answers": [
                    {
                        "question": q.label.in_language(language),
                        "answer": answer_label(questionnaire, q.id, answers.get(q.id), language)
                        if answers.get(q.id) not in (None, "", [])
                        else "—",
                    }
                    for q in section.questions
                ],
            }
            for section in questionnaire.sections
        ],
    }
