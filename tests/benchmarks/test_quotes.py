"""A figure's value is what its quote says, in digits or in the usual words for a share."""

import pytest

from benchmarks.quotes import value_is_quoted


@pytest.mark.parametrize(
    "quote",
    [
        "44% forment la « masse silencieuse »",
        "44 % forment",
        "44\u00a0% forment",
        "44\u202f% forment",
        "44 pour cent forment",
        "44 percent of firms",
        "44 per cent of firms",
    ],
)
def test_a_value_is_quoted_in_any_usual_spelling_of_a_percentage(quote):
    assert value_is_quoted(44, quote)


def test_a_value_inside_a_larger_number_is_not_quoted():
    assert not value_is_quoted(44, "144 % des entreprises")
    assert not value_is_quoted(44, "1,44 % des entreprises")


def test_a_number_that_is_not_a_percentage_is_not_the_value():
    # « 5 % de leurs ventes » is there, but 60 is the share that says it: 44 is nowhere.
    assert not value_is_quoted(44, "44 dirigeants interrogés")


def test_a_decimal_value_is_quoted_with_a_comma_or_a_point():
    assert value_is_quoted(5.5, "un taux de retour de 5,5%")
    assert value_is_quoted(5.5, "a 5.5 % response rate")


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (80, "huit répondants sur dix disposent d’un site internet"),
        (10, "Une entreprise sur dix est absente d’internet."),
        (40, "Pire, deux patrons sur cinq estiment"),
        (10, "one firm in ten"),
        (20, "n’est marchand que pour une entreprise sur cinq"),
        (33, "environ un tiers des personnes interrogées"),
        (67, "Si, aux deux tiers, ils ne considèrent pas"),
        (50, "Over half of those polled"),
    ],
)
def test_a_share_in_words_quotes_its_value(value, quote):
    assert value_is_quoted(value, quote)


def test_a_share_in_words_quotes_no_other_value():
    assert not value_is_quoted(81, "huit répondants sur dix")
    assert not value_is_quoted(30, "environ un tiers")


def test_a_share_in_words_is_found_after_other_words():
    assert value_is_quoted(80, "alors huit répondants sur dix disposent d’un site")


def test_nearly_half_is_no_number():
    # The relay that writes « près de la moitié » gives no value: 48 (19 + 28 + 1) or 50 would be
    # ours, not the study's.
    assert not value_is_quoted(
        48, "Près de la moitié des entreprises pensent être dans le bon tempo"
    )
    assert not value_is_quoted(
        50, "Près de la moitié des entreprises pensent être dans le bon tempo"
    )


def test_a_whole_value_read_as_a_decimal_is_quoted_as_a_whole_number():
    # The data file's values are read as numbers: 44 may arrive as 44.0.
    assert value_is_quoted(44.0, "44 % forment")


def test_a_decimal_point_stands_for_itself_not_for_any_character():
    assert not value_is_quoted(5.5, "535 % des entreprises")
