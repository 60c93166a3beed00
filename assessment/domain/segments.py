"""The four segments of the Bpifrance Le Lab study *PME-ETI et réseaux sociaux* (2018).

The study crossed two self-reported answers: how active the company says it is on social
networks, and whether it feels late or in step with its sector. We place a company twice:

- as the study would, from those same two answers, so that the study's shares (44 / 19 / 9 / 28 %)
  can honestly be shown beside the result;
- from what its other answers show (how often it publishes and answers, how well equipped it is),
  so that a gap between how a company sees itself and what it does can be named.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .questionnaire import SINGLE, Question, Questionnaire, Text, has_accounts
from .scoring import MEANS_DIMENSIONS, means_score

SILENT_MASS = "silent_mass"
CASUAL = "casual"
COMBATIVE = "combative"
PIONEERS = "pioneers"
SEGMENTS = (SILENT_MASS, CASUAL, COMBATIVE, PIONEERS)

# The study's axes, exactly as it drew them: "active" or "very active" against "inactive" or
# "not very active"; "late" against "in step" or "ahead". No account counts as inactive.
STUDY_ACTIVE_ANSWERS = frozenset({"active", "very_active"})
STUDY_LATE_ANSWERS = frozenset({"late"})

# Measured activity. A weekly post is the slowest rhythm at which a company's followers see it in
# their feed week after week; below that an account reads as dormant. Answering comments and
# messages within the week is what turns a noticeboard into a presence.
MEASURED_ACTIVE_FREQUENCIES = frozenset({"weekly", "several_weekly", "daily"})
# A company that gets almost no messages (an answer 2027-1 offers) has nothing left unanswered.
MEASURED_ACTIVE_RESPONSIVENESS = frozenset({"usually", "always", "few_messages"})
# The answers the path proposes when activity must rise: the lowest that count as active.
FIRST_ACTIVE_FREQUENCY = "weekly"
FIRST_ACTIVE_RESPONSIVENESS = "usually"
# And the self-assessments that go with them, in the study's words.
FIRST_ACTIVE_RATING = "active"
FIRST_IN_STEP_RATING = "in_step"

# Measured tempo: a company is equipped to keep pace when its means (team, budget, objectives,
# ROI measurement) reach the score of the profile the study describes as engaged, by version.
#
# 2026-1: 50, kept so that its assessments are placed as they were. Its comment named a profile
# (someone part-time a few hours a week, 10 to 50 k€, a written strategy, results measured
# regularly) that scores well under 50 (22.9 with every other answer at its weakest): what 50
# asks for is about half of every means question, not that profile.
#
# 2027-1: 56, the score of the engaged profile written out in full (tests/profiles_2027.py,
# equipped_to_keep_pace): an employee runs it alongside other duties, 2 to under 5 hours a week,
# some publishers trained, a head who shares now and then, a few employees relaying on their own,
# under a quarter of the sales people active on LinkedIn, two admins per page (team 11/26 =
# 42.3); 2 to under 10 k€ of external spend for a 20 to 49 staff firm, stable next year (budget
# 3/6 = 50.0); a written strategy, prospecting and awareness as objectives, some of them
# quantified, partly in the marketing plan, posts planned a month ahead, leads passed on with no
# agreed delay (objectives 12/18 = 66.7); results measured regularly, traffic and qualified leads
# tracked, web analytics with tagged links, a quarterly report, a CRM, the source of leads
# sometimes noted (ROI 14/23 = 60.9). Weighted 20/15/25/25 over 85:
# (0.20 x 42.3 + 0.15 x 50.0 + 0.25 x 66.7 + 0.25 x 60.9) / 0.85 = 56.3, floored to 56, so that
# the profile is in step and any one of its answers a rung lower is not.
MEANS_IN_STEP_THRESHOLDS: Mapping[str, int] = {"2026-1": 50, "2027-1": 56}
# The threshold of a version this table does not name yet: the latest one's.
MEANS_IN_STEP_THRESHOLD = MEANS_IN_STEP_THRESHOLDS["2027-1"]


def means_in_step_threshold(version: str) -> int:
    return MEANS_IN_STEP_THRESHOLDS.get(version, MEANS_IN_STEP_THRESHOLD)


# The next segment up on the road to pioneers. Acting comes first: a silent firm that starts
# publishing becomes combative; a casual one that acts becomes a pioneer.
NEXT_SEGMENT_UP: Mapping[str, str | None] = {
    SILENT_MASS: COMBATIVE,
    CASUAL: PIONEERS,
    COMBATIVE: PIONEERS,
    PIONEERS: None,
}

SEGMENT_NAMES: Mapping[str, Text] = {
    SILENT_MASS: Text(fr="Masse silencieuse", en="Silent mass"),
    CASUAL: Text(fr="Désinvoltes", en="Casual"),
    COMBATIVE: Text(fr="Combatives", en="Combative"),
    PIONEERS: Text(fr="Pionnières", en="Pioneers"),
}

SEGMENT_PORTRAITS: Mapping[str, Text] = {
    SILENT_MASS: Text(
        fr="Peu ou pas actives, et conscientes d'être en retard\u00a0: les réseaux sociaux restent "
        "en dehors du quotidien de l'entreprise, faute de temps ou de priorité.",
        en="Little or not active, and aware of being behind: social networks stay outside the "
        "company's daily life, for lack of time or priority.",
    ),
    CASUAL: Text(
        fr="Peu ou pas actives, sans se sentir en retard\u00a0: les réseaux sociaux ne paraissent "
        "pas un enjeu pour l'entreprise.",
        en="Little or not active, without feeling behind: social networks do not look like an "
        "issue for the company.",
    ),
    COMBATIVE: Text(
        fr="Actives, tout en se sentant encore en retard\u00a0: l'entreprise s'est lancée et "
        "travaille à rattraper son secteur.",
        en="Active, while still feeling behind: the company has started and is working to "
        "catch up with its sector.",
    ),
    PIONEERS: Text(
        fr="Actives, et dans le bon tempo ou en avance\u00a0: les réseaux sociaux font partie "
        "de la façon de travailler de l'entreprise.",
        en="Active, and in step with the times or ahead: social networks are part of how the "
        "company works.",
    ),
}


@dataclass(frozen=True)
class Placement:
    segment: str
    active: bool
    in_step: bool


@dataclass(frozen=True)
class Change:
    """One answer to move: the path to the next segment is a list of these."""

    question_id: str
    from_value: object
    to_value: object


@dataclass(frozen=True)
class Mismatch:
    axis: str  # "activity" or "tempo"
    direction: str  # "overrates" or "underrates"


@dataclass(frozen=True)
class SegmentResult:
    study: Placement
    measured: Placement
    means_score: float
    mismatches: tuple[Mismatch, ...]
    target: str | None
    # Changes of practice: what the company would do differently.
    path: tuple[Change, ...]
    # The study's own two answers as the company would then give them: a consequence of the
    # path, never a step of it (rating oneself higher is a click, not a change of practice).
    rating_follows: tuple[Change, ...] = ()


def segment_for(*, active: bool, in_step: bool) -> str:
    if active:
        return PIONEERS if in_step else COMBATIVE
    return CASUAL if in_step else SILENT_MASS


def study_placement(answers: Mapping[str, object]) -> Placement:
    """Where the study itself would put the company: its two answers, and whether it has an
    account at all (a company with none is inactive, whatever it rates itself)."""
    active = has_accounts(answers) and answers.get("self_activity") in STUDY_ACTIVE_ANSWERS
    in_step = answers.get("tempo") not in STUDY_LATE_ANSWERS
    return Placement(segment_for(active=active, in_step=in_step), active, in_step)


def is_measured_active(answers: Mapping[str, object]) -> bool:
    return (
        has_accounts(answers)
        and answers.get("frequency") in MEASURED_ACTIVE_FREQUENCIES
        and answers.get("responsiveness") in MEASURED_ACTIVE_RESPONSIVENESS
    )


def is_measured_in_step(means: float, version: str) -> bool:
    return means >= means_in_step_threshold(version)


def measured_placement(questionnaire: Questionnaire, answers: Mapping[str, object]) -> Placement:
    active = is_measured_active(answers)
    in_step = is_measured_in_step(means_score(questionnaire, answers), questionnaire.version)
    return Placement(segment_for(active=active, in_step=in_step), active, in_step)


def _mismatches(study: Placement, measured: Placement) -> tuple[Mismatch, ...]:
    found = []
    for axis, said, shown in (
        ("activity", study.active, measured.active),
        ("tempo", study.in_step, measured.in_step),
    ):
        if said and not shown:
            found.append(Mismatch(axis, "overrates"))
        elif shown and not said:
            found.append(Mismatch(axis, "underrates"))
    return tuple(found)


def _activity_changes(answers: Mapping[str, object]) -> list[Change]:
    changes = []
    if not has_accounts(answers):
        changes.append(Change("networks", answers.get("networks") or [], ["linkedin"]))
    if answers.get("frequency") not in MEASURED_ACTIVE_FREQUENCIES:
        changes.append(Change("frequency", answers.get("frequency"), FIRST_ACTIVE_FREQUENCY))
    if answers.get("responsiveness") not in MEASURED_ACTIVE_RESPONSIVENESS:
        changes.append(
            Change("responsiveness", answers.get("responsiveness"), FIRST_ACTIVE_RESPONSIVENESS)
        )
    return changes


# A change the path proposes moves one answer at most this many options up: what a company can
# do between two assessments, six to twelve months apart (from no strategy to a written one, from
# no budget to the experts' first 10 k€), rather than a leap from nothing to the top.
MAX_STEPS_PER_CHANGE = 2
# Spend moves one band at most: each band is several times the one below (2 to 10 k€, then 10 to
# 50 k€, then 50 to 200 k€), so two bands up is a tenfold budget, a board's decision rather than a
# change of practice between two assessments.
MAX_STEPS_PER_SPEND_CHANGE = 1
# (2027-1; the paths of 2026-1 assessments stay as they were shown.)
SPEND_QUESTIONS = frozenset({"external_budget"})


def _max_steps(question: Question) -> int:
    return MAX_STEPS_PER_SPEND_CHANGE if question.id in SPEND_QUESTIONS else MAX_STEPS_PER_CHANGE


def _steps_up(question: Question, answers: Mapping[str, object], steps: int) -> str | None:
    """The answer `steps` rungs up the question's ladder, each rung earning more points."""
    # Options are listed weakest to strongest, so the rungs above an answer are the options after
    # it worth more points; unanswered and "I don't know" start from nothing.
    current = question.option(answers.get(question.id))
    reached, points = None, question.option_points(current, answers) if current else 0
    for option in question.options:
        earns = question.option_points(option, answers)
        if not option.dont_know and earns > points:
            reached, points, steps = option.value, earns, steps - 1
            if steps == 0:
                break
    return reached


def _means_changes(questionnaire: Questionnaire, answers: Mapping[str, object]) -> list[Change]:
    """The fewest answers to change so that the means score reaches the in-step threshold.

    Greedy on the largest gain, each question changed once: the gains add up independently, so
    taking the biggest first needs the fewest changes. A last pass brings each change back one
    rung when the threshold is still reached without it, so no change asks more than needed.
    """
    candidates = [
        question
        for question in questionnaire.questions
        if question.kind == SINGLE and question.dimension in MEANS_DIMENSIONS
    ]
    moved = dict(answers)
    changed: list[Question] = []
    version = questionnaire.version
    while not is_measured_in_step(means_score(questionnaire, moved), version):
        best = None
        for question in candidates:
            if question in changed:
                continue
            target = _steps_up(question, answers, _max_steps(question))
            if target is None:
                continue
            reached = means_score(questionnaire, {**moved, question.id: target})
            if best is None or reached > best[0]:
                best = (reached, question, target)
        if best is None:
            break
        moved[best[1].id] = best[2]
        changed.append(best[1])
    for question in reversed(changed):
        smaller = _steps_up(question, answers, 1)
        if smaller != moved[question.id] and is_measured_in_step(
            means_score(questionnaire, {**moved, question.id: smaller}), version
        ):
            moved[question.id] = smaller
    return [
        Change(question.id, answers.get(question.id), moved[question.id])
        for question in candidates
        if question in changed
    ]


def place(questionnaire: Questionnaire, answers: Mapping[str, object]) -> SegmentResult:
    study = study_placement(answers)
    measured = measured_placement(questionnaire, answers)
    # A pioneer by its own account still has a path when its answers do not bear it out.
    target = NEXT_SEGMENT_UP[study.segment] or PIONEERS
    # Both the combative and the pioneers are active: either target asks for activity first.
    path = [] if measured.active else _activity_changes(answers)
    if target == PIONEERS and not measured.in_step:
        path += _means_changes(questionnaire, answers)
    # The segment shown is the study's, from the two self-assessments: once the practice bears
    # out the next segment, the company's own rating follows (and when it already does, that is
    # all that separates the company from it).
    # A rating that already qualifies is never lowered: a company with no account that says it
    # is very active lacks the account (on the path), not the rating.
    rating: list[Change] = []
    if answers.get("self_activity") not in STUDY_ACTIVE_ANSWERS:
        rating.append(Change("self_activity", answers.get("self_activity"), FIRST_ACTIVE_RATING))
    if target == PIONEERS and not study.in_step:
        rating.append(Change("tempo", answers.get("tempo"), FIRST_IN_STEP_RATING))
    return SegmentResult(
        study=study,
        measured=measured,
        means_score=means_score(questionnaire, answers),
        mismatches=_mismatches(study, measured),
        target=NEXT_SEGMENT_UP[study.segment],
        path=tuple(path),
        rating_follows=tuple(rating),
    )
