import pytest

from assessment.domain.questionnaire import (
    CURRENT_VERSION,
    DIMENSIONS,
    MULTI,
    SINGLE,
    TEXT,
    TEXT_MAX_LENGTH,
    InvalidAnswer,
    available_versions,
    clean_answer,
    load_questionnaire,
    missing_answers,
)
from tests.profiles_2026 import PROFILES_2026 as PROFILES

# What the product promises on its home page: about ten minutes in about six steps.
MIN_QUESTIONS, MAX_QUESTIONS = 25, 35


def test_current_version_is_on_disk():
    assert CURRENT_VERSION in available_versions()
    assert load_questionnaire().version == CURRENT_VERSION


def test_an_unknown_version_is_refused():
    with pytest.raises(LookupError):
        load_questionnaire("1999-1")


def test_it_asks_between_25_and_35_questions_in_about_six_steps(questionnaire):
    assert MIN_QUESTIONS <= len(questionnaire.questions) <= MAX_QUESTIONS
    assert 5 <= len(questionnaire.sections) <= 7


def test_question_and_option_ids_are_unique(questionnaire):
    ids = [question.id for question in questionnaire.questions]
    assert len(ids) == len(set(ids))
    for question in questionnaire.questions:
        values = question.option_values()
        assert len(values) == len(set(values)), question.id


def test_every_text_exists_in_both_languages(questionnaire):
    for section in questionnaire.sections:
        for text in (section.title, section.intro):
            assert text.fr.strip() and text.en.strip()
        for question in section.questions:
            assert question.label.fr.strip() and question.label.en.strip(), question.id
            if question.help:
                assert question.help.fr.strip() and question.help.en.strip(), question.id
            for option in question.options:
                assert option.label.fr.strip() and option.label.en.strip(), option.value


def test_every_dimension_is_fed_by_questions_worth_points(questionnaire):
    for dimension in DIMENSIONS:
        questions = [q for q in questionnaire.questions if q.dimension == dimension]
        assert questions, dimension
        assert all(q.attainable_points > 0 for q in questions), dimension


def test_the_study_questions_are_asked_with_the_study_answers(questionnaire):
    activity = questionnaire.question_with_role("study_activity")
    tempo = questionnaire.question_with_role("study_tempo")
    assert activity.option_values() == ("inactive", "not_very_active", "active", "very_active")
    assert tempo.option_values() == ("late", "in_step", "ahead")
    # The self-assessments are not scored: the results hold them against what the answers show.
    assert not activity.is_scored and not tempo.is_scored


def test_headcount_bands_are_the_study_bands(questionnaire):
    assert questionnaire.question("headcount").option_values() == (
        "lt10",
        "10_19",
        "20_49",
        "50_249",
        "eti",
        "ge5000",
    )


def test_budget_bands_hit_the_study_thresholds(questionnaire):
    assert questionnaire.question("budget").option_values() == (
        "zero",
        "lt10k",
        "10_50k",
        "50_150k",
        "gt150k",
        "dont_know",
    )


def test_factual_questions_offer_i_dont_know(questionnaire):
    for question_id in ("budget", "hours_week", "indicators"):
        assert any(o.dont_know for o in questionnaire.question(question_id).options), question_id


def test_a_single_choice_takes_one_known_option(questionnaire):
    question = questionnaire.question("frequency")
    assert question.kind == SINGLE
    assert clean_answer(question, "weekly") == "weekly"
    with pytest.raises(InvalidAnswer) as refusal:
        clean_answer(question, "hourly")
    assert refusal.value.code == "unknown_option"


def test_a_single_choice_refuses_a_list(questionnaire):
    with pytest.raises(InvalidAnswer) as refusal:
        clean_answer(questionnaire.question("frequency"), ["weekly"])
    assert refusal.value.code == "unknown_option"


def test_a_multiple_choice_keeps_the_questionnaire_order(questionnaire):
    question = questionnaire.question("networks")
    assert question.kind == MULTI
    assert clean_answer(question, ["youtube", "linkedin"]) == ["linkedin", "youtube"]


def test_a_multiple_choice_refuses_an_unknown_option(questionnaire):
    with pytest.raises(InvalidAnswer) as refusal:
        clean_answer(questionnaire.question("networks"), ["linkedin", "myspace"])
    assert refusal.value.code == "unknown_option"


def test_none_cannot_be_combined_with_other_choices(questionnaire):
    with pytest.raises(InvalidAnswer) as refusal:
        clean_answer(questionnaire.question("networks"), ["none", "linkedin"])
    assert refusal.value.code == "exclusive_option"


def test_a_required_question_left_blank_is_refused(questionnaire):
    for blank in (None, "", []):
        with pytest.raises(InvalidAnswer) as refusal:
            clean_answer(questionnaire.question("sector"), blank)
        assert refusal.value.code == "required"


def test_a_multiple_choice_with_only_empty_values_is_unanswered_not_unknown(questionnaire):
    for blank in ([], [""], ["", ""]):
        with pytest.raises(InvalidAnswer) as refusal:
            clean_answer(questionnaire.question("objectives"), blank)
        assert refusal.value.code == "required"


def test_the_company_name_is_optional(questionnaire):
    question = questionnaire.question("company_name")
    assert question.kind == TEXT
    assert clean_answer(question, "") is None
    assert clean_answer(question, "  Acme  ") == "Acme"


def test_text_at_the_length_limit_is_kept_and_beyond_it_refused(questionnaire):
    question = questionnaire.question("company_name")
    assert clean_answer(question, "x" * TEXT_MAX_LENGTH) == "x" * TEXT_MAX_LENGTH
    with pytest.raises(InvalidAnswer) as refusal:
        clean_answer(question, "x" * (TEXT_MAX_LENGTH + 1))
    assert refusal.value.code == "too_long"


def test_every_profile_answers_every_required_question(questionnaire):
    for name, profile in PROFILES.items():
        assert missing_answers(questionnaire, profile()) == [], name


def test_missing_answers_are_listed_in_questionnaire_order(questionnaire):
    answers = PROFILES["pioneers"]()
    del answers["tempo"], answers["networks"]
    assert [q.id for q in missing_answers(questionnaire, answers)] == ["networks", "tempo"]


def test_a_questionnaire_asking_fewer_questions_keeps_its_version_and_finds_them(questionnaire):
    shared = questionnaire.only({"budget", "networks"})
    assert shared.version == questionnaire.version
    assert [q.id for q in shared.questions] == ["networks", "budget"]
    assert shared.question("budget") == questionnaire.question("budget")
    assert shared.has_question("networks") and not shared.has_question("strategy")


def test_a_text_is_filled_in_in_both_languages():
    from assessment.domain.questionnaire import Text

    filled = Text(fr="{count} actions", en="{count} actions to take").format(count=3)
    assert filled == Text(fr="3 actions", en="3 actions to take")


def test_a_refusal_names_its_reason_where_it_is_logged():
    assert str(InvalidAnswer("too_long")) == "too_long"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("Maison\tLefèvre", "invalid_type"),  # a tab, as pasted from a spreadsheet
        ("Nul\x00", "invalid_type"),  # NUL, which PostgreSQL refuses
        ("Del\x7f", "invalid_type"),
        ("C1\x85", "invalid_type"),  # a next-line control, as some old systems write
        (["Acme"], "invalid_type"),
        ("x" * (TEXT_MAX_LENGTH + 1), "too_long"),
    ],
)
def test_a_name_is_refused_for_control_characters_a_wrong_type_or_its_length(
    questionnaire, raw, code
):
    with pytest.raises(InvalidAnswer) as refusal:
        clean_answer(questionnaire.question("company_name"), raw)
    assert refusal.value.code == code


def test_the_characters_around_the_control_ones_are_accepted(questionnaire):
    # 31, 127 and 128 to 159 are control characters; 32 (space), 126 (~) and 160 onwards
    # (no-break space, accents) are text.
    name = "Café ~ Été\u00a0SA"
    assert clean_answer(questionnaire.question("company_name"), name) == name


@pytest.mark.parametrize("raw", ["linkedin", ["linkedin", 3], [None]])
def test_a_multiple_choice_must_be_a_list_of_option_values(questionnaire, raw):
    with pytest.raises(InvalidAnswer) as refusal:
        clean_answer(questionnaire.question("networks"), raw)
    assert refusal.value.code == "invalid_type"


def test_a_required_text_left_blank_is_refused_and_a_filled_one_kept():
    from assessment.domain.questionnaire import Question, Text

    required = Question(id="name", kind=TEXT, label=Text(fr="Nom", en="Name"), required=True)
    with pytest.raises(InvalidAnswer) as refusal:
        clean_answer(required, "   ")
    assert refusal.value.code == "required"
    assert clean_answer(required, " Acme ") == "Acme"


def test_options_read_from_the_file_default_to_no_points_and_no_flag(questionnaire):
    headcount = questionnaire.question("headcount")
    assert headcount.help.fr == "Les tranches de l'étude Bpifrance Le Lab."
    assert (
        questionnaire.question("objectives").help is None
        or questionnaire.question("objectives").help.fr
    )
    first = headcount.options[0]
    assert (first.points, first.dont_know, first.exclusive) == (0, False, False)
    assert first.dont_know is False and first.exclusive is False
    assert questionnaire.question("budget").option("dont_know").dont_know is True
    assert questionnaire.question("networks").option("none").exclusive is True


def test_sections_keep_their_ids_from_the_file(questionnaire):
    assert [section.id for section in questionnaire.sections][0] == "company"
    assert all(section.id for section in questionnaire.sections)


def test_missing_answers_name_the_questions(questionnaire):
    answers = PROFILES["combative"]()
    del answers["budget"]
    assert missing_answers(questionnaire, answers) == [questionnaire.question("budget")]


@pytest.mark.parametrize(("language", "text"), [("fr", "Oui"), ("en", "Yes"), ("de", "Oui")])
def test_a_text_is_read_in_english_only_when_asked_and_in_french_otherwise(language, text):
    from assessment.domain.questionnaire import Text

    assert Text(fr="Oui", en="Yes").in_language(language) == text
