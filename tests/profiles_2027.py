"""The study portraits and two real profiles, answered with questionnaire 2027-1.

Each portrait starts from its 2026-1 answers (tests/profiles.py) for the questions both versions
ask, and answers the questions 2027-1 asks anew.
"""

from tests.profiles_2026 import PROFILES_2026

# The 2026-1 questions 2027-1 replaced, and the options it dropped.
REPLACED_IN_2027 = ("budget", "tools", "crm_link")
DROPPED_OPTIONS = {"content": {"video"}, "networks": {"viadeo"}}


def from_2026(answers: dict, **new_answers) -> dict:
    kept = {key: value for key, value in answers.items() if key not in REPLACED_IN_2027}
    for question_id, dropped in DROPPED_OPTIONS.items():
        kept[question_id] = [v for v in kept[question_id] if v not in dropped]
    return {**kept, **new_answers}


def silent_mass() -> dict:
    return from_2026(
        PROFILES_2026["silent_mass"](),
        paid_social="none",
        sales_on_linkedin="none",
        governance=["none"],
        external_budget="lt2k",
        lead_handoff="no_rule",
        measurement_tools=["none"],
        crm="yes",
        lead_source="no",
    )


def casual() -> dict:
    return from_2026(
        PROFILES_2026["casual"](),
        paid_social="none",
        sales_on_linkedin="none",
        governance=["none"],
        external_budget="zero",
        lead_handoff="no_rule",
        measurement_tools=["native"],
        crm="no",
        lead_source="no",
    )


def combative() -> dict:
    return from_2026(
        PROFILES_2026["combative"](),
        paid_social="boosts",
        sales_on_linkedin="few",
        governance=["two_admins"],
        external_budget="2_10k",
        lead_handoff="forwarded",
        measurement_tools=["native"],
        crm="yes",
        lead_source="sometimes",
    )


def pioneers() -> dict:
    return from_2026(
        PROFILES_2026["pioneers"](),
        paid_social="targeted",
        sales_on_linkedin="some",
        governance=["charter", "two_admins"],
        external_budget="50_200k",
        lead_handoff="rule",
        measurement_tools=["suite", "web_analytics"],
        crm="yes",
        lead_source="by_hand",
    )


def industrial_subcontractor() -> dict:
    """An 80-person industrial subcontractor: a LinkedIn page fed now and then by the head's
    assistant, no budget to speak of, a CRM nobody feeds with sources."""
    return {
        "company_name": "Mécanique Durand",
        "self_activity": "not_very_active",
        "tempo": "late",
        "headcount": "50_249",
        "turnover": "10_50m",
        "sector": "industry",
        "market": "b2b",
        "country": "fr",
        "website": "showcase",
        "networks": ["linkedin", "facebook"],
        "frequency": "monthly",
        "responsiveness": "sometimes",
        "content": ["news", "offers"],
        "paid_social": "none",
        "who_runs": "employee_part_time",
        "hours_week": "lt2",
        "staff_trained": "no",
        "head_involvement": "present",
        "employee_advocacy": "some",
        "sales_on_linkedin": "few",
        "governance": ["none"],
        "external_budget": "lt2k",
        "budget_next_year": "stable",
        "strategy": "informal",
        "objectives": ["awareness", "recruitment"],
        "objectives_quantified": "no",
        "marketing_plan": "separate",
        "editorial_calendar": "occasional",
        "lead_handoff": "forwarded",
        "measures_results": "occasionally",
        "indicators": ["followers", "reach"],
        "measurement_tools": ["native"],
        "reporting": "never",
        "crm": "yes",
        "lead_source": "no",
        "priority": "medium",
        "barriers": ["time", "skills"],
    }


def software_firm() -> dict:
    """A 300-person software firm: a dedicated team, a monthly report through its CRM, employees
    who share with guidelines."""
    return {
        "company_name": "Logiciels Atlas",
        "self_activity": "very_active",
        "tempo": "ahead",
        "headcount": "eti",
        "turnover": "50_250m",
        "sector": "tech",
        "market": "b2b",
        "country": "fr",
        "website": "showcase",
        "networks": ["linkedin", "x", "youtube"],
        "frequency": "daily",
        "responsiveness": "always",
        "content": ["expertise", "customer_cases", "employees"],
        "paid_social": "targeted",
        "who_runs": "dedicated",
        "hours_week": "gt10",
        "staff_trained": "all",
        "head_involvement": "regular",
        "employee_advocacy": "encouraged",
        "sales_on_linkedin": "most",
        "governance": ["charter", "two_admins", "gdpr"],
        "external_budget": "50_200k",
        "budget_next_year": "increase",
        "strategy": "reviewed",
        "objectives": ["leads", "recruitment", "awareness"],
        "objectives_quantified": "all",
        "marketing_plan": "fully",
        "editorial_calendar": "calendar",
        "lead_handoff": "rule",
        "measures_results": "against_targets",
        "indicators": ["traffic", "qualified_leads", "engagement"],
        "measurement_tools": ["web_analytics", "crm", "suite"],
        "reporting": "monthly",
        "crm": "yes",
        "lead_source": "by_hand",
        "priority": "high",
        "barriers": ["none"],
    }


PORTRAITS_2027 = {
    "silent_mass": silent_mass,
    "casual": casual,
    "combative": combative,
    "pioneers": pioneers,
}
PROFILES_2027 = {
    "silent_mass": silent_mass,
    "casual": casual,
    "combative": combative,
    "pioneers": pioneers,
    "industrial": industrial_subcontractor,
    "software": software_firm,
}


def equipped_to_keep_pace() -> dict:
    """The profile the in-step threshold of 2027-1 is derived from (segments.py): the means of
    an engaged firm of 20 to 49 staff, every answer a middle rung."""
    return {
        **silent_mass(),
        "who_runs": "employee_part_time",
        "hours_week": "2_5",
        "staff_trained": "some",
        "head_involvement": "occasional",
        "employee_advocacy": "some",
        "sales_on_linkedin": "few",
        "governance": ["two_admins"],
        "headcount": "20_49",
        "external_budget": "2_10k",
        "budget_next_year": "stable",
        "strategy": "written",
        "objectives": ["leads", "awareness"],
        "objectives_quantified": "some",
        "marketing_plan": "partly",
        "editorial_calendar": "monthly",
        "lead_handoff": "forwarded",
        "measures_results": "regularly",
        "indicators": ["traffic", "qualified_leads"],
        "measurement_tools": ["web_analytics"],
        "reporting": "quarterly",
        "crm": "yes",
        "lead_source": "sometimes",
    }
