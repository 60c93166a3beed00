"""What the rules do not allow, as named exceptions.

Services (and the few reads that guard what they hand out) raise them; views only translate them
into a page, a message or a 404. Both sides of the app raise them, so they live below both.
"""


class Refused(Exception):
    """Something the rules do not allow."""


class IncompleteAssessment(Refused):
    def __init__(self, missing_question_ids: list[str]):
        super().__init__(", ".join(missing_question_ids))
        self.missing_question_ids = missing_question_ids


class AnswersFrozen(Refused):
    """A workshop's agreed answers (the consultant's form changes them) and an assessment on a
    client's timeline no longer change through the questionnaire."""


class NotSelfServe(Refused):
    """Only a company's own assessment is exported or deleted from its private link: a
    participant's and a workshop's agreed answers are the consultant's client's."""


class WorkshopClosed(Refused):
    """The workshop no longer takes participants or answers."""

    def __init__(self, workshop=None):
        super().__init__("the workshop is closed")
        self.workshop = workshop


class WorkshopInDiscussion(Refused):
    """The group's results are shown: answers are locked unless the facilitator lets one in."""

    def __init__(self, workshop=None):
        super().__init__("the workshop has moved to discussion")
        self.workshop = workshop


class WorkshopFull(Refused):
    """The workshop has as many participants as one takes."""

    def __init__(self, workshop=None):
        super().__init__("the workshop is full")
        self.workshop = workshop


class WorkshopStillOpen(Refused):
    """The agreed answers come after the group's: never while people still answer blind."""


class InvitationUsed(Refused):
    """The invitation was accepted already, revoked, or has expired."""


class CannotAttach(Refused):
    """This assessment cannot join the client's timeline; the message says why."""


class CannotRemoveColleague(Refused):
    """A consultant does not remove their own account from the consultancy's colleagues."""


class CampaignClosed(Refused):
    """The consultancy has closed its campaign: its link starts no new assessment."""


class NotShared(Refused):
    """The company has not shared these results with the consultancy, or has withdrawn them."""
