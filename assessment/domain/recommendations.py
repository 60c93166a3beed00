"""Recommendations: rules over answers and scores, each saying why it was chosen.

A rule applies when the company's answers show the gap it closes. Applicable rules are ordered
by the value of acting (impact, less effort, more when the company named the barrier the rule
removes) and the first few are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .questionnaire import Questionnaire, Text
from .scoring import Scores, knowledge_gaps, strongest_dimensions
from .segments import MEASURED_ACTIVE_FREQUENCIES, SegmentResult

MIN_RECOMMENDATIONS = 3
MAX_RECOMMENDATIONS = 5

# Ranking: impact counts twice as much as effort, so a high-impact heavy task still outranks a
# low-impact easy one; naming a barrier the rule removes counts like one level of impact, because
# a company acts first on what it already feels as a problem.
IMPACT_WEIGHT = 2
EFFORT_WEIGHT = 1
BARRIER_BONUS = 2

# The action plan's two horizons. Light actions (naming an owner, writing one page, a monthly
# table) fit in the first quarter; the others need a budget cycle, a training session or a tool.
FIRST_90_DAYS = "first_90_days"
NEXT_12_MONTHS = "next_12_months"

# A dimension under this score is named as a reason: below half, it is the weak side of the
# company's practice.
WEAK_DIMENSION_THRESHOLD = 50

HIGH, MEDIUM, LOW = 3, 2, 1

# Objectives that serve the business beyond being seen.
BUSINESS_OBJECTIVES = frozenset(
    {"leads", "customer_service", "monitoring", "recruitment", "e_reputation", "social_selling"}
)


@dataclass(frozen=True)
class Context:
    questionnaire: Questionnaire
    answers: Mapping[str, object]
    scores: Scores
    segment: SegmentResult

    def answer(self, question_id: str) -> object:
        return self.answers.get(question_id)

    def chosen(self, question_id: str) -> frozenset[str]:
        value = self.answers.get(question_id)
        return frozenset(value) if isinstance(value, list) else frozenset()

    def has_accounts(self) -> bool:
        return bool(self.chosen("networks") - {"none"})


@dataclass(frozen=True)
class Rule:
    id: str
    title: Text
    body: Text
    dimension: str
    impact: int
    effort: int
    owner: str  # "management", "marketing" or "sales": who should carry it
    applies: Callable[[Context], bool]
    # The answers that triggered the rule, shown as its evidence.
    evidence: tuple[str, ...] = ()
    barriers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Reason:
    kind: str  # "answer", "dimension", "barrier", "segment" or "knowledge_gap"
    subject: str  # a question id, a dimension, a barrier value or a segment
    value: object = None


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: Text
    body: Text
    dimension: str
    impact: int
    effort: int
    owner: str
    reasons: tuple[Reason, ...]

    @property
    def horizon(self) -> str:
        return FIRST_90_DAYS if self.effort == LOW else NEXT_12_MONTHS


RULES: tuple[Rule, ...] = (
    Rule(
        id="name_an_owner",
        title=Text(
            fr="Confier les réseaux sociaux à une personne nommée",
            en="Give social networks to a named person",
        ),
        body=Text(
            fr="Désignez une personne responsable et inscrivez 2 à 5 heures par semaine dans son "
            "poste. Sans responsable, l'activité dépend des bonnes volontés et s'arrête à la "
            "première période chargée.",
            en="Name one person in charge and write 2 to 5 hours a week into their job. Without "
            "an owner, the activity depends on goodwill and stops at the first busy period.",
        ),
        dimension="team",
        impact=HIGH,
        effort=LOW,
        owner="management",
        applies=lambda c: c.answer("who_runs") in {"nobody", "head_alone"},
        evidence=("who_runs", "hours_week"),
        barriers=frozenset({"time"}),
    ),
    Rule(
        id="involve_the_head",
        title=Text(
            fr="Impliquer personnellement le dirigeant",
            en="Get the head of the company personally involved",
        ),
        body=Text(
            fr="Un profil LinkedIn à jour et une publication par mois du dirigeant suffisent à "
            "donner le ton. L'étude Bpifrance Le Lab fait de l'appétence du dirigeant le premier "
            "facteur d'engagement d'une entreprise, devant son secteur.",
            en="An up-to-date LinkedIn profile and one post a month from the head are enough to "
            "set the tone. The Bpifrance Le Lab study makes the head's own appetite the first "
            "driver of a company's engagement, ahead of its sector.",
        ),
        dimension="team",
        impact=HIGH,
        effort=LOW,
        owner="management",
        applies=lambda c: c.answer("head_involvement") in {"absent", "present"},
        evidence=("head_involvement",),
        barriers=frozenset({"not_priority"}),
    ),
    Rule(
        id="write_a_strategy",
        title=Text(
            fr="Écrire une stratégie d'une page",
            en="Write a one-page strategy",
        ),
        body=Text(
            fr="Deux ou trois objectifs liés à votre activité (contacts commerciaux, recrutement, "
            "service client), les publics visés, les réseaux retenus et le rythme de publication. "
            "Une page suffit, pourvu qu'elle soit écrite et partagée.",
            en="Two or three objectives tied to your business (sales leads, recruitment, customer "
            "service), the audiences you target, the networks you keep and how often you publish. "
            "One page is enough, as long as it is written down and shared.",
        ),
        dimension="objectives",
        impact=HIGH,
        effort=LOW,
        owner="management",
        applies=lambda c: c.answer("strategy") in {"none", "informal"},
        evidence=("strategy",),
        barriers=frozenset({"no_strategy", "not_priority"}),
    ),
    Rule(
        id="choose_business_objectives",
        title=Text(
            fr="Choisir des objectifs qui servent le chiffre d'affaires",
            en="Choose objectives that serve the business",
        ),
        body=Text(
            fr="Être vu ne suffit pas. En B2B, les réseaux rapportent par la prospection, le "
            "recrutement, le service client et la veille : retenez-en un ou deux et jugez vos "
            "actions à leur aune.",
            en="Being seen is not enough. In B2B, networks pay through prospecting, recruitment, "
            "customer service and monitoring: pick one or two and judge your actions by them.",
        ),
        dimension="objectives",
        impact=HIGH,
        effort=LOW,
        owner="marketing",
        applies=lambda c: not (c.chosen("objectives") & BUSINESS_OBJECTIVES),
        evidence=("objectives",),
        barriers=frozenset({"roi_unclear", "no_strategy"}),
    ),
    Rule(
        id="set_a_first_budget",
        title=Text(
            fr="Fixer un premier budget d'environ 10 k€ par an",
            en="Set a first budget of about €10k a year",
        ),
        body=Text(
            fr="Temps de salarié compris. C'est le minimum que les experts interrogés par "
            "Bpifrance Le Lab jugent nécessaire pour un premier pas vers une présence active.",
            en="Staff time included. It is the minimum the experts interviewed by Bpifrance "
            "Le Lab consider necessary for a first step towards an active presence.",
        ),
        dimension="budget",
        impact=HIGH,
        effort=MEDIUM,
        owner="management",
        applies=lambda c: c.answer("budget") in {"zero", "lt10k"},
        evidence=("budget",),
        barriers=frozenset({"cost"}),
    ),
    Rule(
        id="measure_every_month",
        title=Text(
            fr="Suivre trois indicateurs chaque mois",
            en="Track three indicators every month",
        ),
        body=Text(
            fr="Le trafic venu des réseaux vers votre site, les contacts qualifiés et les "
            "ventes qui ont commencé sur un réseau. Un tableau mensuel d'une page suffit à "
            "savoir ce qui marche.",
            en="Traffic from networks to your website, qualified leads, and sales that began on "
            "a network. A one-page monthly table is enough to know what works.",
        ),
        dimension="roi",
        impact=HIGH,
        effort=LOW,
        owner="marketing",
        applies=lambda c: c.answer("measures_results") in {"never", "occasionally"},
        evidence=("measures_results", "indicators"),
        barriers=frozenset({"roi_unclear"}),
    ),
    Rule(
        id="record_the_source_in_the_crm",
        title=Text(
            fr="Noter la source « réseaux sociaux » dans votre CRM",
            en='Record "social networks" as a source in your CRM',
        ),
        body=Text(
            fr="Chaque contact et chaque affaire venus d'un réseau doivent porter leur source. "
            "C'est ce qui permet, au bout de six mois, de chiffrer ce que les réseaux rapportent.",
            en="Every lead and every deal that came from a network should carry its source. "
            "That is what lets you put a figure, after six months, on what networks bring in.",
        ),
        dimension="roi",
        impact=MEDIUM,
        effort=MEDIUM,
        owner="sales",
        applies=lambda c: (
            c.answer("crm_link") in {"no_crm", "not_recorded", "dont_know"}
            and c.answer("market") in {"b2b", "both"}
        ),
        evidence=("crm_link",),
        barriers=frozenset({"roi_unclear"}),
    ),
    Rule(
        id="report_to_management",
        title=Text(
            fr="Présenter les résultats à la direction chaque trimestre",
            en="Report results to management every quarter",
        ),
        body=Text(
            fr="Vous mesurez déjà : partagez-le. Un point trimestriel met les réseaux sociaux à "
            "l'agenda de la direction et protège le budget.",
            en="You already measure: share it. A quarterly review puts social networks on "
            "management's agenda and protects the budget.",
        ),
        dimension="roi",
        impact=MEDIUM,
        effort=LOW,
        owner="marketing",
        applies=lambda c: (
            c.answer("reporting") in {"never", "yearly", "dont_know"}
            and c.answer("measures_results") in {"regularly", "against_targets"}
        ),
        evidence=("reporting",),
    ),
    Rule(
        id="quantify_objectives",
        title=Text(
            fr="Chiffrer vos objectifs",
            en="Put figures on your objectives",
        ),
        body=Text(
            fr="Une cible et une échéance pour chaque objectif (par exemple 20 contacts "
            "qualifiés par trimestre). Sans chiffre, impossible de dire si l'effort paie.",
            en="A target and a deadline for each objective (for example 20 qualified leads a "
            "quarter). Without a figure, nobody can tell whether the effort pays.",
        ),
        dimension="objectives",
        impact=MEDIUM,
        effort=LOW,
        owner="marketing",
        applies=lambda c: (
            c.answer("objectives_quantified") == "no"
            and bool(c.chosen("objectives") & BUSINESS_OBJECTIVES)
        ),
        evidence=("objectives_quantified",),
        barriers=frozenset({"roi_unclear"}),
    ),
    Rule(
        id="train_the_publishers",
        title=Text(
            fr="Former les personnes qui publient",
            en="Train the people who publish",
        ),
        body=Text(
            fr="Une journée de formation sur l'écriture pour LinkedIn, les règles de l'entreprise "
            "et la frontière entre vie privée et vie professionnelle. La formation est le deuxième "
            "facteur d'engagement relevé par Bpifrance Le Lab.",
            en="One day of training on writing for LinkedIn, the company's rules, and the line "
            "between private and professional life. Training is the second driver of engagement "
            "found by Bpifrance Le Lab.",
        ),
        dimension="team",
        impact=MEDIUM,
        effort=MEDIUM,
        owner="management",
        applies=lambda c: c.answer("staff_trained") in {"no", "dont_know"},
        evidence=("staff_trained",),
        barriers=frozenset({"skills", "privacy"}),
    ),
    Rule(
        id="open_a_linkedin_page",
        title=Text(
            fr="Ouvrir une page entreprise LinkedIn",
            en="Open a LinkedIn company page",
        ),
        body=Text(
            fr="C'est là que se trouvent vos clients professionnels, vos futurs salariés et vos "
            "partenaires. Une page complète avant toute publication.",
            en="That is where your business customers, future staff and partners are. A complete "
            "page comes before any post.",
        ),
        dimension="presence",
        impact=MEDIUM,
        effort=LOW,
        owner="marketing",
        applies=lambda c: (
            "linkedin" not in c.chosen("networks") and c.answer("market") in {"b2b", "both"}
        ),
        evidence=("networks",),
    ),
    Rule(
        id="publish_every_week",
        title=Text(
            fr="Publier au moins une fois par semaine",
            en="Publish at least once a week",
        ),
        body=Text(
            fr="Un rendez-vous hebdomadaire, préparé un mois à l'avance, vaut mieux que des "
            "rafales suivies de silences. En dessous, un compte paraît en sommeil.",
            en="A weekly slot, prepared a month ahead, is worth more than bursts followed by "
            "silence. Below that, an account looks dormant.",
        ),
        dimension="presence",
        impact=MEDIUM,
        effort=MEDIUM,
        owner="marketing",
        applies=lambda c: (
            c.has_accounts() and c.answer("frequency") not in MEASURED_ACTIVE_FREQUENCIES
        ),
        evidence=("frequency",),
        barriers=frozenset({"time"}),
    ),
    Rule(
        id="plan_an_editorial_calendar",
        title=Text(
            fr="Tenir un calendrier éditorial",
            en="Keep an editorial calendar",
        ),
        body=Text(
            fr="Une heure par mois pour planifier les publications du mois suivant autour de vos "
            "temps forts (salons, lancements, recrutements) : c'est ce qui rend le rythme tenable.",
            en="One hour a month to plan next month's posts around your key moments (trade "
            "fairs, launches, hiring): that is what makes the rhythm sustainable.",
        ),
        dimension="objectives",
        impact=MEDIUM,
        effort=LOW,
        owner="marketing",
        applies=lambda c: c.answer("editorial_calendar") in {"none", "occasional"},
        evidence=("editorial_calendar",),
        barriers=frozenset({"time", "no_strategy"}),
    ),
    Rule(
        id="answer_within_the_week",
        title=Text(
            fr="Répondre à chaque commentaire et message dans la semaine",
            en="Answer every comment and message within the week",
        ),
        body=Text(
            fr="Un message sans réponse est un contact perdu. Nommez qui répond, et en combien "
            "de temps.",
            en="An unanswered message is a lost lead. Name who answers, and how fast.",
        ),
        dimension="presence",
        impact=MEDIUM,
        effort=LOW,
        owner="marketing",
        applies=lambda c: c.has_accounts() and c.answer("responsiveness") in {"never", "sometimes"},
        evidence=("responsiveness",),
    ),
    Rule(
        id="close_the_knowledge_gaps",
        title=Text(
            fr="Aller chercher les chiffres qui manquent",
            en="Find out the figures nobody knows",
        ),
        body=Text(
            fr="Vous avez répondu « je ne sais pas » à certaines questions de fait. Ces chiffres "
            "existent dans l'entreprise : les connaître est le premier pas pour piloter.",
            en='You answered "I don\'t know" to some factual questions. These figures exist in '
            "the company: knowing them is the first step to steering.",
        ),
        dimension="roi",
        impact=MEDIUM,
        effort=LOW,
        owner="management",
        applies=lambda c: bool(knowledge_gaps(c.questionnaire, c.answers)),
    ),
    Rule(
        id="share_expert_content",
        title=Text(
            fr="Publier de l'expertise et des cas clients",
            en="Publish expertise and customer cases",
        ),
        body=Text(
            fr="Vos actualités intéressent surtout vous-mêmes. Un conseil, une analyse ou un cas "
            "client montre à un acheteur ce que vous savez faire pour lui.",
            en="Your news mostly interests yourselves. Advice, an analysis or a customer case "
            "shows a buyer what you can do for them.",
        ),
        dimension="presence",
        impact=MEDIUM,
        effort=MEDIUM,
        owner="marketing",
        applies=lambda c: (
            c.has_accounts() and not (c.chosen("content") & {"expertise", "customer_cases"})
        ),
        evidence=("content",),
    ),
    Rule(
        id="employee_advocacy_programme",
        title=Text(
            fr="Lancer un programme d'ambassadeurs salariés",
            en="Start an employee advocacy programme",
        ),
        body=Text(
            fr="Une charte courte et une sélection hebdomadaire de contenus à relayer : les "
            "réseaux de vos salariés touchent bien plus de monde que la page de l'entreprise.",
            en="A short charter and a weekly pick of content to share: your employees' networks "
            "reach far more people than the company page.",
        ),
        dimension="team",
        impact=LOW,
        effort=MEDIUM,
        owner="marketing",
        applies=lambda c: c.answer("employee_advocacy") != "encouraged",
        evidence=("employee_advocacy",),
        barriers=frozenset({"privacy"}),
    ),
    Rule(
        id="try_social_selling",
        title=Text(
            fr="Équiper les commerciaux pour la vente sociale",
            en="Equip the sales team for social selling",
        ),
        body=Text(
            fr="Profils soignés, veille des comptes clés, prise de contact par LinkedIn : "
            "l'étape suivante quand la présence de l'entreprise est installée.",
            en="Polished profiles, watching key accounts, first contact through LinkedIn: the "
            "next step once the company's presence is established.",
        ),
        dimension="objectives",
        impact=LOW,
        effort=MEDIUM,
        owner="sales",
        applies=lambda c: "social_selling" not in c.chosen("objectives"),
        evidence=("objectives",),
    ),
    # The last three rules always apply: they are what a mature company still gains, and they
    # guarantee the minimum number of recommendations. Their low impact keeps them below every
    # rule that closes a real gap.
    Rule(
        id="compare_views_across_teams",
        title=Text(
            fr="Confronter les regards de la direction, du marketing et des ventes",
            en="Compare the views of management, marketing and sales",
        ),
        body=Text(
            fr="Faites passer ce diagnostic à plusieurs personnes de l'entreprise : là où les "
            "réponses divergent se trouvent les sujets à clarifier ensemble.",
            en="Have several people in the company take this assessment: where their answers "
            "diverge lie the topics to settle together.",
        ),
        dimension="objectives",
        impact=LOW,
        effort=LOW,
        owner="management",
        applies=lambda c: True,
    ),
    Rule(
        id="yearly_results_review",
        title=Text(
            fr="Faire chaque année le bilan de ce que les réseaux ont rapporté",
            en="Review every year what social networks brought in",
        ),
        body=Text(
            fr="Contacts, recrutements, ventes : un bilan annuel, présenté avec le budget de "
            "l'année suivante, ancre les réseaux sociaux dans les décisions de la direction.",
            en="Leads, hires, sales: a yearly review, presented with next year's budget, anchors "
            "social networks in management's decisions.",
        ),
        dimension="roi",
        impact=LOW,
        effort=LOW,
        owner="marketing",
        applies=lambda c: True,
    ),
    Rule(
        id="reassess_in_six_months",
        title=Text(
            fr="Refaire ce diagnostic dans six mois",
            en="Take this assessment again in six months",
        ),
        body=Text(
            fr="Comparer deux diagnostics montre ce qui a bougé et garde le sujet à l'agenda.",
            en="Comparing two assessments shows what moved and keeps the topic on the agenda.",
        ),
        dimension="objectives",
        impact=LOW,
        effort=LOW,
        owner="management",
        applies=lambda c: True,
    ),
)


def _reasons(rule: Rule, context: Context) -> tuple[Reason, ...]:
    reasons = [
        Reason("answer", question_id, context.answer(question_id))
        for question_id in rule.evidence
        if context.answer(question_id) not in (None, [], "")
    ]
    dimension_score = context.scores.dimensions[rule.dimension]
    if dimension_score < WEAK_DIMENSION_THRESHOLD:
        reasons.append(Reason("dimension", rule.dimension, dimension_score))
    for barrier in sorted(rule.barriers & context.chosen("barriers")):
        reasons.append(Reason("barrier", barrier))
    # For the segments that say they are little or not active, acting is the way up.
    if rule.dimension == "presence" and not context.segment.study.active:
        reasons.append(Reason("segment", context.segment.study.segment))
    if rule.id == "close_the_knowledge_gaps":
        reasons += [
            Reason("knowledge_gap", question.id)
            for question in knowledge_gaps(context.questionnaire, context.answers)
        ]
    return tuple(reasons)


def _priority(rule: Rule, context: Context) -> int:
    barrier_named = bool(rule.barriers & context.chosen("barriers"))
    return IMPACT_WEIGHT * rule.impact - EFFORT_WEIGHT * rule.effort + BARRIER_BONUS * barrier_named


def strengths(scores: Scores) -> list[str]:
    """The strongest dimensions, to keep, unless even the strongest are weak."""
    return [
        name
        for name in strongest_dimensions(scores)
        if scores.dimensions[name] >= WEAK_DIMENSION_THRESHOLD
    ]


def recommend(
    questionnaire: Questionnaire,
    answers: Mapping[str, object],
    scores: Scores,
    segment: SegmentResult,
    limit: int | None = MAX_RECOMMENDATIONS,
) -> tuple[Recommendation, ...]:
    """The applicable recommendations, best first; `limit=None` keeps them all (the report's
    per-dimension advice)."""
    context = Context(questionnaire=questionnaire, answers=answers, scores=scores, segment=segment)
    applicable = [rule for rule in RULES if rule.applies(context)]
    # Python's sort is stable: equal priorities keep the catalogue's order, which lists the rules
    # from the foundations (an owner, a strategy) to refinements.
    ranked = sorted(applicable, key=lambda rule: -_priority(rule, context))
    return tuple(
        Recommendation(
            id=rule.id,
            title=rule.title,
            body=rule.body,
            dimension=rule.dimension,
            impact=rule.impact,
            effort=rule.effort,
            owner=rule.owner,
            reasons=_reasons(rule, context),
        )
        for rule in ranked[:limit]
    )
