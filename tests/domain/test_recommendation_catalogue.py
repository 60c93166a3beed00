"""The recommendation catalogue as data, and each condition it names at its boundary."""

import pytest

from assessment.domain import recommendations
from assessment.domain.questionnaire import load_questionnaire
from assessment.domain.recommendations import CONDITIONS, Context, load_catalogue


@pytest.mark.parametrize(("version", "size"), [("2026-1", 22), ("2027-1", 43)])
def test_each_catalogue_names_only_conditions_questions_and_barriers_that_exist(version, size):
    questionnaire = load_questionnaire(version)
    barriers = set(questionnaire.question("barriers").option_values())
    catalogue = load_catalogue(version)
    assert len({rule.id for rule in catalogue}) == len(catalogue) == size
    for rule in catalogue:
        assert rule.applies in CONDITIONS.values(), rule.id
        assert rule.dimension in {"presence", "team", "budget", "objectives", "roi"}, rule.id
        assert rule.owner in {"management", "marketing", "sales"}, rule.id
        assert all(questionnaire.has_question(question) for question in rule.evidence), rule.id
        assert rule.barriers <= barriers, rule.id


def test_every_condition_is_named_by_a_catalogue():
    named = {rule.applies for version in ("2026-1", "2027-1") for rule in load_catalogue(version)}
    assert named == set(CONDITIONS.values())


def test_a_catalogue_naming_an_unknown_condition_does_not_load():
    with pytest.raises(KeyError):
        recommendations._rule(
            {
                "id": "x",
                "applies_when": "the_moon_is_full",
                "dimension": "team",
                "impact": "high",
                "effort": "low",
                "owner": "sales",
                "title": {"fr": "x", "en": "x"},
                "body": {"fr": "x", "en": "x"},
            }
        )


def test_impact_and_effort_are_read_as_three_levels():
    rules = {rule.id: rule for rule in load_catalogue("2026-1")}
    assert (rules["name_an_owner"].impact, rules["name_an_owner"].effort) == (3, 1)
    assert (rules["set_a_first_budget"].impact, rules["set_a_first_budget"].effort) == (3, 2)
    assert rules["name_an_owner"].evidence == ("who_runs", "hours_week")
    assert rules["write_a_strategy"].barriers == {"no_strategy", "not_priority"}


def holds(questionnaire, condition, **answers):
    return CONDITIONS[condition](
        Context(questionnaire=questionnaire, answers=answers, scores=None, segment=None)
    )


# Each condition just inside and just outside the gap it names.
@pytest.mark.parametrize(
    ("condition", "inside", "outside"),
    [
        ("runs_without_an_owner", {"who_runs": "head_alone"}, {"who_runs": "employee_part_time"}),
        ("runs_without_an_owner", {"who_runs": "nobody"}, {"who_runs": "agency"}),
        ("head_not_involved", {"head_involvement": "present"}, {"head_involvement": "occasional"}),
        ("head_not_involved", {"head_involvement": "absent"}, {"head_involvement": "regular"}),
        ("no_written_strategy", {"strategy": "informal"}, {"strategy": "written"}),
        ("no_written_strategy", {"strategy": "none"}, {"strategy": "reviewed"}),
        ("no_business_objective", {"objectives": ["awareness"]}, {"objectives": ["leads"]}),
        ("no_business_objective", {}, {"objectives": ["awareness", "recruitment"]}),
        ("little_or_no_budget", {"budget": "lt10k"}, {"budget": "10_50k"}),
        ("little_or_no_budget", {"budget": "zero"}, {"budget": "dont_know"}),
        (
            "results_rarely_measured",
            {"measures_results": "occasionally"},
            {"measures_results": "regularly"},
        ),
        ("results_rarely_measured", {"measures_results": "never"}, {}),
        (
            "b2b_leads_not_traced",
            {"crm_link": "no_crm", "market": "b2b"},
            {"crm_link": "not_recorded", "market": "b2b"},
        ),
        (
            "b2b_leads_not_traced",
            {"crm_link": "dont_know", "market": "both"},
            {"crm_link": "no_crm", "market": "b2c"},
        ),
        (
            "crm_without_lead_source",
            {"crm_link": "not_recorded", "market": "b2b"},
            {"crm_link": "recorded", "market": "b2b"},
        ),
        (
            "crm_without_lead_source",
            {"crm_link": "not_recorded", "market": "both"},
            {"crm_link": "no_crm", "market": "both"},
        ),
        (
            "crm_without_lead_source",
            {"crm_link": "not_recorded", "market": "b2b"},
            {"crm_link": "not_recorded", "market": "b2c"},
        ),
        (
            "measured_but_not_reported",
            {"reporting": "yearly", "measures_results": "regularly"},
            {"reporting": "quarterly", "measures_results": "regularly"},
        ),
        (
            "measured_but_not_reported",
            {"reporting": "never", "measures_results": "against_targets"},
            {"reporting": "never", "measures_results": "occasionally"},
        ),
        (
            "measured_but_not_reported",
            {"reporting": "dont_know", "measures_results": "regularly"},
            {"reporting": "monthly", "measures_results": "against_targets"},
        ),
        (
            "business_objectives_unquantified",
            {"objectives_quantified": "no", "objectives": ["leads"]},
            {"objectives_quantified": "some", "objectives": ["leads"]},
        ),
        (
            "business_objectives_unquantified",
            {"objectives_quantified": "no", "objectives": ["awareness", "monitoring"]},
            {"objectives_quantified": "no", "objectives": ["awareness"]},
        ),
        ("publishers_untrained", {"staff_trained": "no"}, {"staff_trained": "some"}),
        ("publishers_untrained", {"staff_trained": "dont_know"}, {"staff_trained": "all"}),
        (
            "b2b_without_linkedin",
            {"networks": ["facebook"], "market": "b2b"},
            {"networks": ["linkedin", "facebook"], "market": "b2b"},
        ),
        (
            "b2b_without_linkedin",
            {"networks": ["none"], "market": "both"},
            {"networks": ["facebook"], "market": "b2c"},
        ),
        (
            "accounts_posting_less_than_weekly",
            {"networks": ["linkedin"], "frequency": "monthly"},
            {"networks": ["linkedin"], "frequency": "weekly"},
        ),
        (
            "accounts_posting_less_than_weekly",
            {"networks": ["x"], "frequency": "never"},
            {"networks": ["none"], "frequency": "never"},
        ),
        (
            "no_editorial_calendar",
            {"editorial_calendar": "occasional"},
            {"editorial_calendar": "monthly"},
        ),
        (
            "no_editorial_calendar",
            {"editorial_calendar": "none"},
            {"editorial_calendar": "calendar"},
        ),
        (
            "accounts_slow_to_answer",
            {"networks": ["linkedin"], "responsiveness": "sometimes"},
            {"networks": ["linkedin"], "responsiveness": "usually"},
        ),
        (
            "accounts_slow_to_answer",
            {"networks": ["facebook"], "responsiveness": "never"},
            {"networks": ["none"], "responsiveness": "never"},
        ),
        ("knowledge_gaps_found", {"budget": "dont_know"}, {"budget": "zero"}),
        (
            "accounts_without_expert_content",
            {"networks": ["linkedin"], "content": ["news", "offers"]},
            {"networks": ["linkedin"], "content": ["news", "customer_cases"]},
        ),
        (
            "accounts_without_expert_content",
            {"networks": ["linkedin"], "content": ["shares"]},
            {"networks": ["none"], "content": ["shares"]},
        ),
        (
            "accounts_without_expert_content",
            {"networks": ["linkedin"]},
            {"networks": ["linkedin"], "content": ["expertise"]},
        ),
        (
            "advocacy_not_encouraged",
            {"employee_advocacy": "some"},
            {"employee_advocacy": "encouraged"},
        ),
        (
            "no_social_selling",
            {"objectives": ["leads"]},
            {"objectives": ["leads", "social_selling"]},
        ),
    ],
)
def test_each_condition_holds_just_inside_the_gap_it_names_and_not_outside(
    questionnaire, condition, inside, outside
):
    assert holds(questionnaire, condition, **inside)
    assert not holds(questionnaire, condition, **outside)


def test_what_every_company_still_gains_always_applies(questionnaire):
    assert holds(questionnaire, "always")
