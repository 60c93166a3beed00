from django import template
from django.utils.translation import get_language

from assessment.comparison_presenters import figure_age
from assessment.domain.questionnaire import Text
from assessment.words import format_percent

register = template.Library()


@register.filter
def tr(value, field: str = ""):
    """The current language's version of a bilingual value.

    `{{ text|tr }}` for a domain Text; `{{ study|tr:"population" }}` for an object that carries
    `population_fr` and `population_en`.
    """
    language = "en" if get_language() == "en" else "fr"
    if isinstance(value, Text):
        return value.in_language(language)
    if field:
        return getattr(value, f"{field}_{language}", "")
    return value


@register.filter
def percent(value) -> str:
    return format_percent(value, get_language())


@register.filter
def number(value) -> str:
    """A whole number with the language's thousands separator: "1 657" or "1,657"."""
    try:
        whole = int(value)
    except (TypeError, ValueError):
        return value
    grouped = f"{whole:,}"
    return grouped if get_language() == "en" else grouped.replace(",", "\u00a0")


@register.filter
def ordinal(value) -> str:
    """A percentile rank as each language writes it: "72e" or "72nd"."""
    number = int(value)
    if get_language() != "en":
        return "1er" if number == 1 else f"{number}e"
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


@register.filter
def age(study) -> str:
    """When the study surveyed and how long ago, from today: "surveyed in 2018, 8 years ago"."""
    return figure_age(study)
