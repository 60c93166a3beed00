"""A company's own team: colleagues invited by a link answer alone, without a consultant.

A team is a workshop without a client: its colleagues are the workshop's participants, so they
answer blind under the same rules, and the team's spread is the workshop's group. What a team
adds is its owner, the holder of the private link it was started from, who alone sees the
spread and records the agreed answers.
"""

import secrets

from django.db import models

from assessment.models import Assessment
from assessment.workshops.models import Workshop

# A team link is as unguessable as a private link: 256 random bits.
TEAM_TOKEN_BYTES = 32


def new_team_token() -> str:
    return secrets.token_urlsafe(TEAM_TOKEN_BYTES)


class Team(models.Model):
    owner = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="team")
    # The owner's own role: their answers count in the spread beside their colleagues'.
    owner_role = models.CharField(max_length=40)
    company_name = models.CharField(max_length=120)
    token = models.CharField(max_length=64, unique=True, default=new_team_token, editable=False)
    workshop = models.OneToOneField(Workshop, on_delete=models.CASCADE, related_name="team")
    created_at = models.DateTimeField(auto_now_add=True)
    # The company's assessment made of the answers the team agreed on.
    agreed_assessment = models.OneToOneField(
        Assessment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreed_by_team",
    )

    def __str__(self) -> str:
        return f"team of {self.company_name}"

    @property
    def is_open(self) -> bool:
        return self.workshop.is_open
