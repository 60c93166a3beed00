"""The consultant's side: consultancies, their clients, and live workshops with participants."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from assessment.domain.questionnaire import CURRENT_VERSION, Questionnaire, load_questionnaire
from assessment.models import Assessment

# Join codes avoid characters that read alike on a projector or a phone (0/O, 1/I/L, 5/S, 2/Z).
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789"
JOIN_CODE_LENGTH = 6

ROLES = ("management", "marketing", "sales", "other")

# A closed workshop's code still tells a late participant it is closed for a day; after that it
# leads nowhere, as an unknown code, and cannot be found by trying codes.
CLOSED_CODE_LIFETIME = timedelta(days=1)
# An invitation to join a consultancy works once, and for this long after it was made.
INVITATION_LIFETIME = timedelta(days=7)


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def default_roles() -> list[str]:
    return list(ROLES)


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class Consultancy(models.Model):
    name = models.CharField(max_length=120)
    # The brand on its reports and join pages: a logo re-encoded as PNG (see brand.py), named in
    # its public address by a hash of its bytes, and an accent colour as #rrggbb.
    logo = models.BinaryField(null=True, blank=True, editable=False)
    logo_key = models.CharField(max_length=64, blank=True, db_index=True)
    logo_width = models.PositiveIntegerField(null=True, blank=True)
    logo_height = models.PositiveIntegerField(null=True, blank=True)
    accent_colour = models.CharField(max_length=7, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "consultancies"

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A consultant belongs to one consultancy and sees all of its clients."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    consultancy = models.ForeignKey(Consultancy, on_delete=models.CASCADE, related_name="members")

    def __str__(self) -> str:
        return f"{self.user} @ {self.consultancy}"


class Invitation(models.Model):
    consultancy = models.ForeignKey(
        Consultancy, on_delete=models.CASCADE, related_name="invitations"
    )
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"invitation to {self.consultancy}"

    @property
    def expires_at(self):
        return self.created_at + INVITATION_LIFETIME


class Client(models.Model):
    consultancy = models.ForeignKey(Consultancy, on_delete=models.CASCADE, related_name="clients")
    name = models.CharField(max_length=120)
    headcount = models.CharField(max_length=20, blank=True)
    turnover = models.CharField(max_length=20, blank=True)
    sector = models.CharField(max_length=20, blank=True)
    notes = models.TextField(blank=True, max_length=5000)
    # The client's choice: may its agreed answers count, anonymously, in peer comparisons?
    peer_benchmarks_consent = models.BooleanField(default=False)
    # dimension -> the score the consultant and the client aim at for the next assessment
    targets = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Workshop(models.Model):
    # None for a company's own team, which runs without a consultant (assessment.teams).
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="workshops", null=True, blank=True
    )
    code = models.CharField(max_length=12, unique=True, default=new_join_code)
    title = models.CharField(max_length=120, blank=True)
    # Named mode shows answers under first names; participants are told so before they join.
    named_mode = models.BooleanField(default=False)
    # Pre-work: participants answer on their own, days before; the meeting opens on where their
    # answers differ. `prework_until` is the date they are asked to answer by.
    prework = models.BooleanField(default=False)
    prework_until = models.DateField(null=True, blank=True)
    # The roles participants choose from, as the consultant set them for this client.
    roles = models.JSONField(default=default_roles)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revealed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    agreed_assessment = models.OneToOneField(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="workshop"
    )
    # question id -> the dissent recorded with the agreed answer
    dissent_notes = models.JSONField(default=dict, blank=True)
    # The questionnaire its phones answer, fixed when it is created: a version released while it
    # runs would otherwise split the room across two questionnaires, whose answers can be neither
    # compared nor agreed on.
    questionnaire_version = models.CharField(max_length=20, default=CURRENT_VERSION)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.client} — {timezone.localtime(self.created_at):%Y-%m-%d} ({self.code})"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def is_revealed(self) -> bool:
        return self.revealed_at is not None

    @property
    def questionnaire(self) -> Questionnaire:
        return load_questionnaire(self.questionnaire_version)


class Participant(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, related_name="participant"
    )
    # One of the proposed roles (a key) or one of the client's own (its name).
    role = models.CharField(max_length=40)
    first_name = models.CharField(max_length=40, blank=True)
    # The phone's own random id (a signed cookie): joining again from it resumes.
    device_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    # Answers lock when the group's results are shown, so that nobody answers after seeing them;
    # the facilitator may still let one phone in (a late arrival), and records when.
    let_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "device_key"], name="one_per_device")
        ]

    def __str__(self) -> str:
        return f"{self.role} in {self.workshop}"

    @property
    def can_answer(self) -> bool:
        return may_answer(self.workshop, self.let_in_at)


def may_answer(workshop: Workshop, let_in_at) -> bool:
    """Before the reveal, anyone who joined; after it, only those the facilitator let in."""
    return workshop.is_open and (not workshop.is_revealed or let_in_at is not None)


class Revote(models.Model):
    """One question voted again after the discussion: the phones show that question alone.

    The participants' first answers stay as they were; the second round is kept beside them, so
    the before and after can be shown side by side, on the screen and in the report.
    """

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="revotes")
    question_id = models.CharField(max_length=40)
    before = models.JSONField(default=dict)  # option value -> count, when the re-vote opened
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["opened_at", "pk"]

    def __str__(self) -> str:
        return f"{self.question_id} in {self.workshop}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class RevoteAnswer(models.Model):
    revote = models.ForeignKey(Revote, on_delete=models.CASCADE, related_name="answers")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    answer = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["revote", "participant"], name="one_revote_each")
        ]

    def __str__(self) -> str:
        return f"{self.answer} in {self.revote}"


class WorkshopNote(models.Model):
    """A note or an action captured while the room discusses a question.

    An action has an owner (a name or a role, as the room said it) and, often, a due date; it
    goes to the agreed answers, the client's page and the workshop's report.
    """

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="notes")
    question_id = models.CharField(max_length=40, blank=True)  # blank: about the whole workshop
    text = models.CharField(max_length=500)
    owner = models.CharField(max_length=120, blank=True)
    due = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_action(self) -> bool:
        return bool(self.owner)


class AttachedAssessment(models.Model):
    """A self-serve assessment the client made on its own, put on its timeline by a consultant.

    From then on it is the client's: it shows in its progress and exports, follows its consent for
    the peer comparisons, and goes when the client is deleted.
    """

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="attachments")
    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, related_name="attachment"
    )
    attached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    attached_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.assessment_id} on {self.client}"


# A campaign link names its campaign by 24 random bytes (192 bits): it is passed around in the
# open, so it must not be guessable, and it is not shown on any public page.
CAMPAIGN_TOKEN_BYTES = 24


def new_campaign_token() -> str:
    return secrets.token_urlsafe(CAMPAIGN_TOKEN_BYTES)


class Campaign(models.Model):
    """A consultancy's link for companies to assess themselves under its brand.

    The consultancy sees how many started and finished; of a company's answers it sees nothing
    until that company chooses to share them (CampaignEntry.shared_at).
    """

    consultancy = models.ForeignKey(Consultancy, on_delete=models.CASCADE, related_name="campaigns")
    name = models.CharField(max_length=120)
    token = models.CharField(max_length=64, unique=True, default=new_campaign_token)
    is_open = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.consultancy})"


class CampaignEntry(models.Model):
    """A company's assessment started from a campaign link, and its choice to share it."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="entries")
    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, related_name="campaign_entry"
    )
    # The company's choice, made on its results page: None until it shares, and again once it
    # withdraws. The consultancy sees the results only while it is set.
    shared_at = models.DateTimeField(null=True, blank=True)
    # The name the company gives when it shares: the consultancy knows it by this name alone.
    shared_name = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-shared_at", "-created_at"]
        verbose_name_plural = "campaign entries"

    def __str__(self) -> str:
        return f"{self.assessment_id} in {self.campaign}"

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None
