"""A Hypothesis strategy for complete answer sets, shared by the property tests."""

from hypothesis import strategies as st

from assessment.domain.questionnaire import MULTI, SINGLE, TEXT, load_questionnaire


def complete_answers(version: str | None = None):
    """Any complete set of answers the questionnaire accepts (the current one unless a version is
    named): one option of each single choice, plain options or one exclusive option of each
    multiple choice, any text."""
    questionnaire = load_questionnaire(version) if version else load_questionnaire()
    fields = {}
    for question in questionnaire.questions:
        if question.kind == SINGLE:
            fields[question.id] = st.sampled_from(question.option_values())
        elif question.kind == MULTI:
            plain = [o.value for o in question.options if not o.exclusive]
            exclusive = [[o.value] for o in question.options if o.exclusive]
            fields[question.id] = st.one_of(
                st.lists(st.sampled_from(plain), min_size=1, unique=True).map(
                    lambda chosen, q=question: [v for v in q.option_values() if v in chosen]
                ),
                *(st.just(value) for value in exclusive),
            )
        elif question.kind == TEXT:
            fields[question.id] = st.text(max_size=120)
    return st.fixed_dictionaries(fields)
