"""The campaign an assessment was started from, for the pages of that assessment."""

from django import template

from assessment.models import Assessment

from ..campaigns import campaign_entry_of, consultant_results_url
from ..models import Campaign

register = template.Library()


@register.simple_tag
def campaign_entry(assessment):
    """The assessment's campaign entry, or None: read with the assessment, no query of its own."""
    if not isinstance(assessment, Assessment):
        return None
    return campaign_entry_of(assessment)


@register.simple_tag(takes_context=True)
def campaign_brand(context):
    """The consultancy whose campaign link the page belongs to: the link's own page names its
    campaign (`brand_campaign`), the pages of an assessment started from it their `assessment`."""
    campaign = context.get("brand_campaign")
    if isinstance(campaign, Campaign):
        return campaign.consultancy
    entry = campaign_entry(context.get("assessment"))
    return entry.campaign.consultancy if entry else None


@register.simple_tag
def results_url(assessment):
    """Where a consultant opens one of a client's assessments (campaigns.consultant_results_url)."""
    return consultant_results_url(assessment)
