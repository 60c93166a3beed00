"""A realistic synthetic population of completed assessments, to see and measure peer benchmarks.

Seeded, so the same seed gives the same population; every assessment it makes is marked
`is_synthetic` and stays out of real benchmarks unless the operator asks for it.

The mix follows the Bpifrance Le Lab study (2018): its segment shares and its respondents' sizes
and markets. Within a segment, each company gets a latent maturity and answers every scored
question at that level, with noise, so scores spread as real ones would.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterator

from django.db import transaction
from django.utils import timezone

from .domain.questionnaire import MULTI, SINGLE, Questionnaire, load_questionnaire
from .domain.scoring import score
from .domain.segments import study_placement
from .models import Assessment, PeerDataVersion, PeerScore

# Bpifrance Le Lab 2018: segment shares, respondents by size, by market.
SEGMENT_SHARES = {"silent_mass": 44, "casual": 19, "combative": 9, "pioneers": 28}
HEADCOUNT_SHARES = {"lt10": 16, "10_19": 23, "20_49": 38, "50_249": 18, "eti": 5}
MARKET_SHARES = {"b2b": 53, "b2c": 11, "both": 36}
SECTORS = (
    "industry",
    "construction",
    "agrifood",
    "services",
    "retail",
    "tourism",
    "tech",
    "transport",
    "health",
    "other",
)
TURNOVER_BANDS = ("2_10m", "10_50m", "50_250m", "250m_1500m")

# Latent maturity (0 to 1) by segment: the means of the segment's companies, and its spread.
SEGMENT_MATURITY = {
    "silent_mass": (0.15, 0.10),
    "casual": (0.12, 0.10),
    "combative": (0.45, 0.15),
    "pioneers": (0.70, 0.15),
}
SEGMENT_ANSWERS = {
    "silent_mass": ({"inactive", "not_very_active"}, "late"),
    "casual": ({"inactive", "not_very_active"}, "in_step"),
    "combative": ({"active", "very_active"}, "late"),
    "pioneers": ({"active", "very_active"}, "in_step"),
}


def _pick(rng: random.Random, shares: dict[str, int]) -> str:
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def synthetic_answers(rng: random.Random, questionnaire: Questionnaire) -> dict[str, object]:
    segment = _pick(rng, SEGMENT_SHARES)
    mean, spread = SEGMENT_MATURITY[segment]
    activities, tempo = SEGMENT_ANSWERS[segment]
    answers: dict[str, object] = {
        "headcount": _pick(rng, HEADCOUNT_SHARES),
        "turnover": rng.choice(TURNOVER_BANDS),
        "sector": rng.choice(SECTORS),
        "market": _pick(rng, MARKET_SHARES),
        "country": "fr",
        "website": rng.choice(("showcase", "showcase", "ecommerce", "none")),
        "self_activity": rng.choice(sorted(activities)),
        "tempo": tempo if tempo == "late" else rng.choice(("in_step", "ahead")),
        "priority": rng.choice(("none", "low", "medium", "high")),
        "barriers": rng.sample(["time", "not_priority", "skills", "roi_unclear", "cost"], 2),
    }
    for question in questionnaire.questions:
        if not question.is_scored:
            continue
        level = min(max(rng.gauss(mean, spread), 0.0), 0.999)
        options = [o for o in question.options if not o.dont_know and not o.exclusive]
        if question.kind == SINGLE:
            answers[question.id] = options[int(level * len(options))].value
        elif question.kind == MULTI:
            count = max(1, round(level * len(options)))
            answers[question.id] = [o.value for o in options if o in rng.sample(options, count)]
    return answers


def synthetic_assessments(count: int, seed: int) -> Iterator[Assessment]:
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not a secret
    questionnaire = load_questionnaire()
    now = timezone.now()
    for _ in range(count):
        answers = synthetic_answers(rng, questionnaire)
        assessment = Assessment(
            token=secrets.token_urlsafe(32),
            answers=answers,
            completed_at=now,
            segment=study_placement(answers).segment,
            is_synthetic=True,
            # Generated to be counted: the setting, not a person, decides whether they are.
            peer_benchmarks_consent=True,
        )
        assessment.set_scores(score(questionnaire, answers))
        yield assessment


def _peer_score(assessment: Assessment) -> PeerScore:
    return PeerScore(
        assessment=assessment,
        is_synthetic=True,
        headcount=assessment.answers["headcount"],
        sector=assessment.answers["sector"],
        **assessment.score_values(),
    )


@transaction.atomic
def load_synthetic_population(*, count: int, seed: int, batch_size: int = 2000) -> int:
    batch: list[Assessment] = []

    def flush():
        created = Assessment.objects.bulk_create(batch)
        PeerScore.objects.bulk_create([_peer_score(assessment) for assessment in created])
        batch.clear()

    for assessment in synthetic_assessments(count, seed):
        batch.append(assessment)
        if len(batch) == batch_size:
            flush()
    flush()
    PeerDataVersion.bump()
    return count


@transaction.atomic
def remove_synthetic_population() -> int:
    _, per_model = Assessment.objects.filter(is_synthetic=True).delete()
    PeerDataVersion.bump()
    return per_model.get(Assessment._meta.label, 0)
