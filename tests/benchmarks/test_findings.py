"""What a study found without publishing a share is quoted and dated beside the answer it is
about, and never turned into a number or a reading."""

import re

import pytest

from assessment.domain.questionnaire import load_questionnaire
from assessment.selectors import ladders
from benchmarks.compare import findings_for
from benchmarks.figures import figures_by_study, load_findings, load_studies


def found(answers):
    return [f.id for f in findings_for(answers, ladders(load_questionnaire()))]


@pytest.mark.parametrize("finding", load_findings().values(), ids=lambda f: f.id)
def test_every_finding_is_quoted_and_names_where(finding):
    for field in ("statement_fr", "statement_en", "quote", "quoted_from"):
        assert getattr(finding, field).strip(), f"{finding.id}: {field} is empty"
    assert finding.study.id in load_studies()


@pytest.mark.parametrize("finding", load_findings().values(), ids=lambda f: f.id)
def test_a_finding_speaks_to_a_question_of_the_questionnaire(finding):
    assert finding.speaks_to.startswith("question:")
    assert load_questionnaire().question(finding.question_id) is not None


@pytest.mark.parametrize("finding", load_findings().values(), ids=lambda f: f.id)
def test_a_finding_without_a_share_never_says_one(finding):
    for statement in (finding.statement_fr, finding.statement_en):
        assert not re.search(r"\d\s?%", statement), finding.id


def test_the_seeds_findings_that_the_figures_lack_are_there():
    assert set(load_findings()) == {
        "bpifrance_three_main_actions",
        "bpifrance_fear_of_data_theft",
        "hootsuite_customer_relation_first",
    }


def test_a_finding_stands_beside_an_answered_question():
    assert found({"barriers": ["privacy"]}) == ["bpifrance_fear_of_data_theft"]
    assert found({"barriers": ["none"]}) == ["bpifrance_fear_of_data_theft"]


@pytest.mark.parametrize("answer", [None, "", []])
def test_a_question_left_unanswered_gets_no_finding(answer):
    assert found({"barriers": answer}) == []


def test_a_finding_needs_its_question_in_the_questionnaire():
    assert findings_for({"barriers": ["time"]}, {}) == []


def test_findings_come_from_the_most_comparable_study_then_in_questionnaire_order():
    answers = {"objectives": ["awareness"], "barriers": ["time"], "content": ["news"]}
    assert found(answers) == [
        "bpifrance_three_main_actions",
        "bpifrance_fear_of_data_theft",
        "hootsuite_customer_relation_first",
    ]


def test_the_sources_page_lists_each_finding_under_its_study():
    listed = {f.id: group["study"].id for group in figures_by_study() for f in group["findings"]}
    assert listed == {f.id: f.study.id for f in load_findings().values()}
