"""Realistic companies, one per segment of the Bpifrance Le Lab study, answered with
questionnaire 2026-1 (the version earlier assessments keep).

Plain functions returning answers, as the questionnaire stores them; tests change what they need.
"""


def silent_mass_industrial() -> dict:
    """A 35-person manufacturer: a LinkedIn page the head rarely feeds, no budget, no plan."""
    return {
        "company_name": "Usinage Martin",
        "headcount": "20_49",
        "turnover": "10_50m",
        "sector": "industry",
        "market": "b2b",
        "country": "fr",
        "website": "showcase",
        "networks": ["linkedin"],
        "frequency": "rarely",
        "responsiveness": "sometimes",
        "content": ["news"],
        "self_activity": "not_very_active",
        "who_runs": "head_alone",
        "hours_week": "lt2",
        "staff_trained": "no",
        "head_involvement": "present",
        "employee_advocacy": "never",
        "budget": "lt10k",
        "budget_next_year": "stable",
        "strategy": "none",
        "objectives": ["awareness"],
        "objectives_quantified": "no",
        "marketing_plan": "separate",
        "editorial_calendar": "none",
        "measures_results": "never",
        "indicators": ["none"],
        "tools": "none",
        "reporting": "never",
        "crm_link": "not_recorded",
        "tempo": "late",
        "priority": "low",
        "barriers": ["time", "not_priority"],
    }


def casual_builder() -> dict:
    """A small building firm with a dormant Facebook page, which sees no issue in it."""
    return {
        "company_name": "Bâtir Sud",
        "headcount": "10_19",
        "turnover": "2_10m",
        "sector": "construction",
        "market": "both",
        "country": "fr",
        "website": "showcase",
        "networks": ["facebook"],
        "frequency": "monthly",
        "responsiveness": "sometimes",
        "content": ["news", "offers"],
        "self_activity": "not_very_active",
        "who_runs": "nobody",
        "hours_week": "lt2",
        "staff_trained": "no",
        "head_involvement": "absent",
        "employee_advocacy": "never",
        "budget": "zero",
        "budget_next_year": "stable",
        "strategy": "none",
        "objectives": ["like_others"],
        "objectives_quantified": "no",
        "marketing_plan": "no_plan",
        "editorial_calendar": "none",
        "measures_results": "never",
        "indicators": ["followers"],
        "tools": "native",
        "reporting": "never",
        "crm_link": "no_crm",
        "tempo": "in_step",
        "priority": "none",
        "barriers": ["not_priority"],
    }


def combative_retailer() -> dict:
    """A regional retailer posting several times a week, still feeling behind its sector."""
    return {
        "company_name": "Maison Lefèvre",
        "headcount": "50_249",
        "turnover": "10_50m",
        "sector": "retail",
        "market": "both",
        "country": "fr",
        "website": "ecommerce",
        "networks": ["linkedin", "facebook", "instagram"],
        "frequency": "several_weekly",
        "responsiveness": "usually",
        "content": ["news", "offers", "video"],
        "self_activity": "active",
        "who_runs": "employee_part_time",
        "hours_week": "2_5",
        "staff_trained": "some",
        "head_involvement": "occasional",
        "employee_advocacy": "some",
        "budget": "lt10k",
        "budget_next_year": "increase",
        "strategy": "informal",
        "objectives": ["awareness", "leads"],
        "objectives_quantified": "no",
        "marketing_plan": "partly",
        "editorial_calendar": "monthly",
        "measures_results": "occasionally",
        "indicators": ["engagement", "reach"],
        "tools": "native",
        "reporting": "yearly",
        "crm_link": "not_recorded",
        "tempo": "late",
        "priority": "high",
        "barriers": ["skills", "roi_unclear"],
    }


def pioneer_consultancy() -> dict:
    """A mid-sized consultancy with a dedicated team, a reviewed strategy and a linked CRM."""
    return {
        "company_name": "Conseil Horizon",
        "headcount": "eti",
        "turnover": "50_250m",
        "sector": "services",
        "market": "b2b",
        "country": "fr",
        "website": "showcase",
        "networks": ["linkedin", "x", "youtube"],
        "frequency": "daily",
        "responsiveness": "always",
        "content": ["expertise", "customer_cases", "employees", "video"],
        "self_activity": "very_active",
        "who_runs": "dedicated",
        "hours_week": "gt10",
        "staff_trained": "all",
        "head_involvement": "regular",
        "employee_advocacy": "encouraged",
        "budget": "50_150k",
        "budget_next_year": "increase",
        "strategy": "reviewed",
        "objectives": ["leads", "recruitment", "social_selling"],
        "objectives_quantified": "all",
        "marketing_plan": "fully",
        "editorial_calendar": "calendar",
        "measures_results": "against_targets",
        "indicators": ["traffic", "qualified_leads", "sales"],
        "tools": "platform",
        "reporting": "monthly",
        "crm_link": "integrated",
        "tempo": "ahead",
        "priority": "high",
        "barriers": ["none"],
    }


PROFILES_2026 = {
    "silent_mass": silent_mass_industrial,
    "casual": casual_builder,
    "combative": combative_retailer,
    "pioneers": pioneer_consultancy,
}
