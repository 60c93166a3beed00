"""A consultancy's campaigns: a link for companies to assess themselves under its brand, and the
results that a company chooses to share with it.

Nothing of a company's answers reaches the consultancy without that company's choice, made on its
results page: every read here that the consultancy's pages use asks for `shared_at` to be set, so
withdrawing the choice removes the consultancy's access at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from assessment import services as assessment_services
from assessment.models import Assessment
from assessment.refusals import CampaignClosed, IncompleteAssessment, NotSelfServe, NotShared

from . import services
from .models import AttachedAssessment, Campaign, CampaignEntry, Client, Consultancy

# A campaign's token is 32 characters (24 random bytes); anything longer is not worth a query.
CAMPAIGN_TOKEN_MAX_LENGTH = 64
SHARED_NAME_MAX_LENGTH = 120


# The consultancy's side


def campaign_create(*, consultancy: Consultancy, name: str, created_by) -> Campaign:
    return Campaign.objects.create(consultancy=consultancy, name=name, created_by=created_by)


def campaign_set_open(*, consultancy: Consultancy, campaign_id: int, is_open: bool) -> None:
    """A closed link starts no new assessment; those already started go on, and their choice to
    share stays theirs to make."""
    Campaign.objects.filter(pk=campaign_id, consultancy=consultancy).update(is_open=is_open)


@dataclass(frozen=True)
class CampaignSummary:
    campaign: Campaign
    started: int
    finished: int
    shared: list[CampaignEntry]  # the entries shared with the consultancy, latest first


def campaign_overview(consultancy: Consultancy) -> list[CampaignSummary]:
    """Each campaign of the consultancy, latest first, with how many companies started and
    finished from its link, and the results shared with it. Two queries, whatever the count."""
    shared = CampaignEntry.objects.filter(shared_at__isnull=False).select_related(
        "assessment", "assessment__attachment__client"
    )
    campaigns = (
        Campaign.objects.filter(consultancy=consultancy)
        .annotate(
            started=Count("entries"),
            finished=Count("entries", filter=Q(entries__assessment__completed_at__isnull=False)),
        )
        .prefetch_related(Prefetch("entries", queryset=shared, to_attr="shared_entries"))
    )
    return [
        CampaignSummary(
            campaign=campaign,
            started=campaign.started,
            finished=campaign.finished,
            shared=campaign.shared_entries,
        )
        for campaign in campaigns
    ]


def shared_entry(consultancy: Consultancy, entry_id: int) -> CampaignEntry:
    """A result shared with this consultancy; NotShared for any other, whoever's it is."""
    entry = (
        CampaignEntry.objects.select_related("campaign", "assessment")
        .filter(
            pk=entry_id,
            campaign__consultancy=consultancy,
            shared_at__isnull=False,
            assessment__completed_at__isnull=False,
        )
        .first()
    )
    if entry is None:
        raise NotShared
    return entry


def attached_client(entry: CampaignEntry) -> Client | None:
    """The client whose timeline holds the shared assessment, if any."""
    try:
        return entry.assessment.attachment.client
    except ObjectDoesNotExist:
        return None


@transaction.atomic
def shared_entry_make_client(
    *, consultancy: Consultancy, entry_id: int, client: Client | None, name: str, attached_by
) -> Client:
    """One action: the shared assessment joins a client's timeline, a new client named as the
    company named itself (with its size and sector as it answered them) or an existing one."""
    entry = (
        CampaignEntry.objects.select_for_update()
        .filter(pk=entry_id, campaign__consultancy=consultancy, shared_at__isnull=False)
        .first()
    )
    if entry is None:
        raise NotShared
    assessment = Assessment.objects.select_for_update().get(pk=entry.assessment_id)
    if client is None:
        answers = assessment.answers
        client = services.client_create(
            consultancy=consultancy,
            name=(name or entry.shared_name)[:120],
            headcount=str(answers.get("headcount", ""))[:20],
            turnover=str(answers.get("turnover", ""))[:20],
            sector=str(answers.get("sector", ""))[:20],
        )
    elif client.consultancy_id != consultancy.pk:
        raise NotShared
    services.client_attach(client=client, assessment=assessment, attached_by=attached_by)
    return client


def consultant_results_url(assessment: Assessment) -> str:
    """Where a consultant opens a client's assessment. One from a campaign opens on the shared
    page, never on the company's private link: a link once seen would outlive a withdrawal."""
    entry = campaign_entry_of(assessment)
    if entry is not None:
        return reverse("workshops:shared_result", kwargs={"pk": entry.pk})
    return reverse("assessment:results", kwargs={"token": assessment.token})


# The company's side


def campaign_by_token(token: str) -> Campaign | None:
    """The campaign a link names, with its consultancy's brand (not the logo's bytes)."""
    if not token or len(token) > CAMPAIGN_TOKEN_MAX_LENGTH:
        return None
    return (
        Campaign.objects.select_related("consultancy")
        .defer("consultancy__logo")
        .filter(token=token)
        .first()
    )


@transaction.atomic
def campaign_start(*, campaign: Campaign, language: str, respondent_key: str) -> Assessment:
    if not Campaign.objects.filter(pk=campaign.pk, is_open=True).exists():
        raise CampaignClosed
    assessment = assessment_services.assessment_start(
        language=language, respondent_key=respondent_key
    )
    CampaignEntry.objects.create(campaign=campaign, assessment=assessment)
    return assessment


def campaign_entry_of(assessment: Assessment) -> CampaignEntry | None:
    """The campaign an assessment was started from, read with the assessment when it can be
    (selectors.assessments_with_context)."""
    try:
        return assessment.campaign_entry
    except ObjectDoesNotExist:
        return None


def _own_entry(assessment: Assessment) -> CampaignEntry:
    if not assessment.is_self_serve:
        raise NotSelfServe
    entry = CampaignEntry.objects.select_for_update().filter(assessment=assessment).first()
    if entry is None:
        raise NotShared
    return entry


@transaction.atomic
def entry_share(*, assessment: Assessment, name: str) -> CampaignEntry:
    """The company's choice: its answers, scores and report are shared with the consultancy,
    under the name it gives."""
    entry = _own_entry(assessment)
    if not assessment.is_complete:
        raise IncompleteAssessment([])
    entry.shared_name = name.strip()[:SHARED_NAME_MAX_LENGTH]
    entry.shared_at = timezone.now()
    entry.save(update_fields=["shared_name", "shared_at"])
    return entry


@transaction.atomic
def entry_withdraw(*, assessment: Assessment) -> None:
    """The consultancy no longer sees the results, from now on: if it had put the assessment on
    one of its clients' timelines, it comes off it too. What it downloaded before is beyond
    recall, and the page says so."""
    entry = _own_entry(assessment)
    entry.shared_at = None
    entry.save(update_fields=["shared_at"])
    attachment = AttachedAssessment.objects.filter(
        assessment=assessment, client__consultancy_id=entry.campaign.consultancy_id
    ).first()
    if attachment is not None:
        services.client_detach_assessment(client=attachment.client, attachment_id=attachment.pk)
