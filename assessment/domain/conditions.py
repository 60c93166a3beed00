"""The conditions a recommendation catalogue names (`applies_when`): plain, named rules over a
company's answers, each reading as the gap it finds.

The catalogue itself (titles, bodies, impact, effort, owner, evidence, barriers) is data,
versioned beside the questionnaire; a condition a catalogue names must exist here, or the
catalogue does not load.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .questionnaire import Questionnaire, has_accounts
from .scoring import Scores, knowledge_gaps, question_points
from .segments import MEASURED_ACTIVE_FREQUENCIES, SegmentResult

# Objectives that serve the business beyond being seen.
BUSINESS_OBJECTIVES = frozenset(
    {"leads", "customer_service", "monitoring", "recruitment", "e_reputation", "social_selling"}
)


@dataclass(frozen=True)
class Context:
    questionnaire: Questionnaire
    answers: Mapping[str, object]
    scores: Scores
    segment: SegmentResult

    def answer(self, question_id: str) -> object:
        return self.answers.get(question_id)

    def chosen(self, question_id: str) -> frozenset[str]:
        value = self.answers.get(question_id)
        return frozenset(value) if isinstance(value, list) else frozenset()

    def has_accounts(self) -> bool:
        return has_accounts(self.answers)


# The conditions of 2026-1, most of which 2027-1 names too.


def runs_without_an_owner(c: Context) -> bool:
    return c.answer("who_runs") in {"nobody", "head_alone", "intern"}


def head_not_involved(c: Context) -> bool:
    return c.answer("head_involvement") in {"absent", "present"}


def no_written_strategy(c: Context) -> bool:
    return c.answer("strategy") in {"none", "informal"}


def no_business_objective(c: Context) -> bool:
    return not (c.chosen("objectives") & BUSINESS_OBJECTIVES)


def little_or_no_budget(c: Context) -> bool:
    return c.answer("budget") in {"zero", "lt10k"}


def results_rarely_measured(c: Context) -> bool:
    return c.answer("measures_results") in {"never", "occasionally"}


def _sells_to_businesses(c: Context) -> bool:
    return c.answer("market") in {"b2b", "both"}


def b2b_leads_not_traced(c: Context) -> bool:
    """No CRM, or nobody knows: where leads come from is written down nowhere."""
    return c.answer("crm_link") in {"no_crm", "dont_know"} and _sells_to_businesses(c)


def crm_without_lead_source(c: Context) -> bool:
    """A CRM whose leads do not say where they came from."""
    return c.answer("crm_link") == "not_recorded" and _sells_to_businesses(c)


def measured_but_not_reported(c: Context) -> bool:
    return c.answer("reporting") in {"never", "yearly", "dont_know"} and c.answer(
        "measures_results"
    ) in {"regularly", "against_targets"}


def business_objectives_unquantified(c: Context) -> bool:
    return c.answer("objectives_quantified") == "no" and bool(
        c.chosen("objectives") & BUSINESS_OBJECTIVES
    )


def publishers_untrained(c: Context) -> bool:
    return c.answer("staff_trained") in {"no", "dont_know"}


def b2b_without_linkedin(c: Context) -> bool:
    return "linkedin" not in c.chosen("networks") and _sells_to_businesses(c)


def accounts_posting_less_than_weekly(c: Context) -> bool:
    return c.has_accounts() and c.answer("frequency") not in MEASURED_ACTIVE_FREQUENCIES


def no_editorial_calendar(c: Context) -> bool:
    return c.answer("editorial_calendar") in {"none", "occasional"}


def accounts_slow_to_answer(c: Context) -> bool:
    return c.has_accounts() and c.answer("responsiveness") in {"never", "sometimes"}


def knowledge_gaps_found(c: Context) -> bool:
    return bool(knowledge_gaps(c.questionnaire, c.answers))


def accounts_without_expert_content(c: Context) -> bool:
    return c.has_accounts() and not (c.chosen("content") & {"expertise", "customer_cases"})


def advocacy_not_encouraged(c: Context) -> bool:
    return c.answer("employee_advocacy") != "encouraged"


def no_social_selling(c: Context) -> bool:
    return "social_selling" not in c.chosen("objectives")


def always(c: Context) -> bool:
    return True


# The conditions 2027-1 adds: its new questions, and the next moves of an advanced practice.

# An option worth under half of its question's points for the company's size: the Bpifrance
# experts' first step (about 10 k€, staff included, for a 20 to 49 staff firm) is half the points.
FIRST_STEP_SHARE = 0.5


def _share_of_points(c: Context, question_id: str) -> float:
    question = c.questionnaire.question(question_id)
    earned = question_points(question, c.answer(question_id), c.answers)
    return earned / question.attainable_points


def external_spend_below_first_step(c: Context) -> bool:
    """No external spend, or less than the first step for a company of its size, or unknown."""
    return _share_of_points(c, "external_budget") < FIRST_STEP_SHARE


def external_spend_short_of_its_size(c: Context) -> bool:
    """Past the first step, short of what a company of its size spends to be seen regularly."""
    return FIRST_STEP_SHARE <= _share_of_points(c, "external_budget") < 1


def full_spend_set_to_fall(c: Context) -> bool:
    return _share_of_points(c, "external_budget") == 1 and c.answer("budget_next_year") in {
        "decrease",
        "dont_know",
    }


def b2b_without_a_crm(c: Context) -> bool:
    return c.answer("crm") in {"no", "dont_know"} and _sells_to_businesses(c)


def lead_source_not_always_recorded(c: Context) -> bool:
    """A CRM (or the spreadsheet that serves as one) whose leads do not all say where they came
    from."""
    return (
        c.answer("crm") in {"yes", "spreadsheet"}
        and c.answer("lead_source") in {"no", "sometimes", "dont_know"}
        and _sells_to_businesses(c)
    )


def without_a_linkedin_page(c: Context) -> bool:
    """No LinkedIn page while selling to businesses, or no account anywhere."""
    return "linkedin" not in c.chosen("networks") and (
        _sells_to_businesses(c) or not c.has_accounts()
    )


def accounts_posting_weekly_only(c: Context) -> bool:
    return c.has_accounts() and c.answer("frequency") == "weekly"


def answers_slower_than_a_business_day(c: Context) -> bool:
    return c.has_accounts() and c.answer("responsiveness") in {"never", "sometimes", "usually"}


def accounts_drawing_few_messages(c: Context) -> bool:
    return c.has_accounts() and c.answer("responsiveness") == "few_messages"


def posts_without_expertise_and_cases(c: Context) -> bool:
    return c.has_accounts() and not {"expertise", "customer_cases"} <= c.chosen("content")


def posts_without_the_teams(c: Context) -> bool:
    return c.has_accounts() and "employees" not in c.chosen("content")


def owner_without_time(c: Context) -> bool:
    return not runs_without_an_owner(c) and c.answer("hours_week") in {"none", "lt2", "dont_know"}


def publishers_partly_trained(c: Context) -> bool:
    return c.answer("staff_trained") == "some"


def head_shares_now_and_then(c: Context) -> bool:
    return c.answer("head_involvement") == "occasional"


def advocacy_not_started(c: Context) -> bool:
    return c.answer("employee_advocacy") in {"never", "some"}


def advocacy_without_a_programme(c: Context) -> bool:
    return c.answer("employee_advocacy") == "encouraged"


def sales_people_not_on_linkedin(c: Context) -> bool:
    return c.answer("sales_on_linkedin") in {"none", "few", "dont_know"} and _sells_to_businesses(c)


def social_selling_without_targets(c: Context) -> bool:
    """Sales people active on LinkedIn, without social selling among the objectives quantified."""
    targets_set = "social_selling" in c.chosen("objectives") and (
        c.answer("objectives_quantified") == "all"
    )
    return c.answer("sales_on_linkedin") in {"some", "most"} and not targets_set


def no_targeted_paid_social(c: Context) -> bool:
    return c.has_accounts() and c.answer("paid_social") in {"none", "boosts"}


def paid_social_not_on_named_accounts(c: Context) -> bool:
    return c.answer("paid_social") == "targeted" and _sells_to_businesses(c)


def paid_social_without_conversion_tag(c: Context) -> bool:
    return c.answer("paid_social") in {"targeted", "named_accounts"} and (
        "conversion_tag" not in c.chosen("measurement_tools")
    )


def links_not_tagged(c: Context) -> bool:
    return c.has_accounts() and "web_analytics" not in c.chosen("measurement_tools")


def attribution_incomplete(c: Context) -> bool:
    """Results measured with tagged links, yet a post cannot be followed to a signed sale: the
    CRM does not receive the leads, the source is not recorded automatically, or sales are not
    among the indicators."""
    return (
        c.answer("measures_results") in {"regularly", "against_targets"}
        and "web_analytics" in c.chosen("measurement_tools")
        and not (
            "crm" in c.chosen("measurement_tools")
            and c.answer("lead_source") == "automatic"
            and "sales" in c.chosen("indicators")
        )
    )


def pages_without_two_admins(c: Context) -> bool:
    return c.has_accounts() and "two_admins" not in c.chosen("governance")


def employees_post_without_a_charter(c: Context) -> bool:
    employees_post = c.answer("employee_advocacy") in {"encouraged", "programme"} or c.answer(
        "sales_on_linkedin"
    ) in {"some", "most"}
    return employees_post and "charter" not in c.chosen("governance")


def prospecting_without_gdpr_rules(c: Context) -> bool:
    prospects = (
        bool(c.chosen("objectives") & {"leads", "social_selling"})
        or c.answer("sales_on_linkedin") in {"some", "most"}
        or c.answer("paid_social") in {"targeted", "named_accounts"}
    )
    return prospects and _sells_to_businesses(c) and "gdpr" not in c.chosen("governance")


def no_lead_handoff_rule(c: Context) -> bool:
    return (
        c.has_accounts()
        and _sells_to_businesses(c)
        and c.answer("lead_handoff") in {"no_rule", "forwarded", "dont_know"}
    )


def strategy_never_reviewed(c: Context) -> bool:
    return c.answer("strategy") == "written"


def social_outside_the_marketing_plan(c: Context) -> bool:
    return c.answer("marketing_plan") in {"no_plan", "separate"}


# The advanced band of the maturity levels (scoring.MATURITY_LEVELS).
ADVANCED_FROM = 75


def practice_already_advanced(c: Context) -> bool:
    return c.scores.overall >= ADVANCED_FROM


def business_objectives_not_all_quantified(c: Context) -> bool:
    return c.answer("objectives_quantified") in {"no", "some"} and bool(
        c.chosen("objectives") & BUSINESS_OBJECTIVES
    )


CONDITIONS: Mapping[str, Callable[[Context], bool]] = {
    condition.__name__: condition
    for condition in (
        runs_without_an_owner,
        head_not_involved,
        no_written_strategy,
        no_business_objective,
        little_or_no_budget,
        results_rarely_measured,
        b2b_leads_not_traced,
        crm_without_lead_source,
        measured_but_not_reported,
        business_objectives_unquantified,
        publishers_untrained,
        b2b_without_linkedin,
        accounts_posting_less_than_weekly,
        no_editorial_calendar,
        accounts_slow_to_answer,
        knowledge_gaps_found,
        accounts_without_expert_content,
        advocacy_not_encouraged,
        no_social_selling,
        always,
        external_spend_below_first_step,
        external_spend_short_of_its_size,
        full_spend_set_to_fall,
        b2b_without_a_crm,
        lead_source_not_always_recorded,
        without_a_linkedin_page,
        accounts_posting_weekly_only,
        answers_slower_than_a_business_day,
        accounts_drawing_few_messages,
        posts_without_expertise_and_cases,
        posts_without_the_teams,
        owner_without_time,
        publishers_partly_trained,
        head_shares_now_and_then,
        advocacy_not_started,
        advocacy_without_a_programme,
        sales_people_not_on_linkedin,
        social_selling_without_targets,
        no_targeted_paid_social,
        paid_social_not_on_named_accounts,
        paid_social_without_conversion_tag,
        links_not_tagged,
        attribution_incomplete,
        pages_without_two_admins,
        employees_post_without_a_charter,
        prospecting_without_gdpr_rules,
        no_lead_handoff_rule,
        strategy_never_reviewed,
        social_outside_the_marketing_plan,
        business_objectives_not_all_quantified,
        practice_already_advanced,
    )
}
