import secrets

from django.db import models
from django.db.models import F
from django.utils import timezone

from .domain.questionnaire import CURRENT_VERSION, DIMENSIONS, Questionnaire, load_questionnaire
from .domain.scoring import Scores

# 32 random bytes: 256 bits, well past the 128 bits that make a private link unguessable.
TOKEN_BYTES = 32


# The overall score and one per dimension: stored as `<name>_score` on an assessment and as
# `<name>` on its peer row.
SCORE_NAMES = ("overall", *DIMENSIONS)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class Origin(models.TextChoices):
    """Where an assessment's answers come from."""

    SELF_SERVE = "self_serve"  # a company on its own, from the home page
    PARTICIPANT = "participant"  # one person in a consultant's workshop
    CONSENSUS = "consensus"  # a workshop's agreed answers


class Assessment(models.Model):
    """One company's answers to one version of the questionnaire.

    Answers are saved at every step, so nothing lives only in the browser. The scores written at
    completion are a copy for listing and peer comparison; the answers and the questionnaire
    version remain the source of truth and the scores can always be recomputed from them.
    """

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    questionnaire_version = models.CharField(max_length=20, default=CURRENT_VERSION)
    language = models.CharField(max_length=5, default="fr")
    answers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    overall_score = models.PositiveSmallIntegerField(null=True, blank=True)
    presence_score = models.PositiveSmallIntegerField(null=True, blank=True)
    team_score = models.PositiveSmallIntegerField(null=True, blank=True)
    budget_score = models.PositiveSmallIntegerField(null=True, blank=True)
    objectives_score = models.PositiveSmallIntegerField(null=True, blank=True)
    roi_score = models.PositiveSmallIntegerField(null=True, blank=True)
    segment = models.CharField(max_length=20, blank=True)

    # Who answered, as far as an anonymous visitor can be told apart: a random id kept in a
    # long-lived cookie. Peer benchmarks count each respondent once, with their latest answers.
    respondent_key = models.CharField(max_length=64, blank=True, db_index=True)
    # Generated for demonstration and measurement: never mixed into real benchmarks unless asked.
    is_synthetic = models.BooleanField(default=False)
    # Where the answers come from. Only a company's own self-serve answers count in peer
    # benchmarks, once its respondent agrees; a workshop participant is one voice among several,
    # and a client's agreed answers count only once the client consents.
    origin = models.CharField(max_length=20, default=Origin.SELF_SERVE, choices=Origin.choices)
    # One company's successive self-assessments share a random key: any one private link finds
    # them all again. Empty until the company assesses itself a second time.
    company_key = models.CharField(max_length=64, blank=True, db_index=True)
    # The assessment this one retakes: its answers pre-fill the steps until they are confirmed.
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="retakes"
    )
    # Given by the company to receive its private link and report; used for nothing else, and
    # forgotten on request.
    email = models.EmailField(blank=True)
    # The respondent's own answer, asked once on the results page: may these answers count,
    # anonymously, among the companies compared and in the barometer? Unasked (None) counts as no:
    # nobody is counted without saying yes. A consultant's client answers for its own (Client).
    peer_benchmarks_consent = models.BooleanField(null=True, blank=True)
    # False when it was finished past the per-address limit of finished questionnaires
    # (throttling.PEER_COMPLETIONS_PER_ADDRESS): its respondent has their results, but a script
    # finishing fake questionnaires never tilts what other companies are compared with.
    peer_eligible = models.BooleanField(default=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["completed_at"])]

    def __str__(self) -> str:
        name = self.answers.get("company_name") or "—"
        return (
            f"{name} ({self.questionnaire_version}, {timezone.localtime(self.created_at):%Y-%m-%d})"
        )

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    def questionnaire(self) -> Questionnaire:
        """The version it was answered with: its scores always recompute from it."""
        return load_questionnaire(self.questionnaire_version)

    @property
    def is_self_serve(self) -> bool:
        return self.origin == Origin.SELF_SERVE

    def score_values(self) -> dict[str, int | None]:
        """The stored scores by name, as the peer table and the progress pages read them."""
        return {name: getattr(self, f"{name}_score") for name in SCORE_NAMES}

    def set_scores(self, scores: Scores) -> None:
        """Copy what listing and peer comparison need out of the scores; the caller saves."""
        for name, value in scores.by_name().items():
            setattr(self, f"{name}_score", value)


class PeerScore(models.Model):
    """The scores of an assessment that counts in peer benchmarks, in a narrow table of its own.

    Peer groups are read from here, never from the assessments: a row is a few dozen bytes, where
    an assessment carries all its answers, so a group of tens of thousands is read in milliseconds.
    A respondent has at most one row: their latest completed assessment.
    """

    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, primary_key=True, related_name="peer_score"
    )
    is_synthetic = models.BooleanField(default=False)
    headcount = models.CharField(max_length=20)
    sector = models.CharField(max_length=20)
    overall = models.PositiveSmallIntegerField()
    presence = models.PositiveSmallIntegerField()
    team = models.PositiveSmallIntegerField()
    budget = models.PositiveSmallIntegerField()
    objectives = models.PositiveSmallIntegerField()
    roi = models.PositiveSmallIntegerField()
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["is_synthetic", "headcount"], name="peer_by_size"),
            models.Index(fields=["is_synthetic", "sector"], name="peer_by_sector"),
        ]

    def __str__(self) -> str:
        return f"{self.headcount} · {self.sector} · {self.overall}"


class PeerDataVersion(models.Model):
    """One row, one number: raised in the same transaction as any change to the peer rows.

    Cached peer histograms and reports are keyed by it. Reading it is one primary-key lookup,
    where a count and a latest date over the whole peer table grew with the table.
    """

    number = models.PositiveBigIntegerField(default=0)

    ROW = 1

    def __str__(self) -> str:
        return str(self.number)

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=cls.ROW).values_list("number", flat=True).first() or 0

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=cls.ROW).update(number=F("number") + 1):
            cls.objects.get_or_create(pk=cls.ROW, defaults={"number": 1})
