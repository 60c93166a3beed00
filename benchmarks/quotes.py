"""Whether a figure's value is what its quote says: the number itself, or the fraction in words.

A relay writes "44 %", "44%", "44 pour cent" or "two in five"; a value that none of these spells
was computed or guessed by someone, and must be justified in the data or changed.
"""

from __future__ import annotations

import re

# Words that stand for a share, and the share they stand for. "Près de la moitié" is not here on
# purpose: "nearly half" is no number, and no row may turn it into one.
FRACTIONS = {
    "un tiers": 33,
    "a third": 33,
    "deux tiers": 67,
    "two thirds": 67,
    "plus de la moitié": 50,  # a floor, said so in the row's note
    "over half": 50,
}
NUMERATORS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6}
NUMERATORS |= {"sept": 7, "huit": 8, "neuf": 9, "one": 1, "two": 2, "three": 3, "four": 4}
NUMERATORS |= {"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
DENOMINATORS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10}
DENOMINATORS |= {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}

# "huit répondants sur dix", "two in five": a numerator, at most two words, then the denominator.
IN_WORDS = re.compile(
    rf"\b(?P<num>{'|'.join(NUMERATORS)})\s+(?:[\w’'-]+\s+){{0,2}}?(?:sur|in|out of)\s+"
    rf"(?P<den>{'|'.join(DENOMINATORS)})\b"
)


def _normalised(text: str) -> str:
    # \s takes in the no-break spaces French typography puts before %.
    return re.sub(r"\s+", " ", text).lower()


def _number(value: float) -> str:
    # 44.0 is written 44, and 5.5 may be written 5,5.
    return re.escape(f"{value:g}").replace(r"\.", "[.,]")


def value_is_quoted(value: float, quote: str) -> bool:
    text = _normalised(quote)
    number = _number(value)
    as_percent = rf"(?<![\d.,]){number} ?(?:%|pour ?cent|per ?cent|percent)"
    if re.search(as_percent, text):
        return True
    if any(share == value and words in text for words, share in FRACTIONS.items()):
        return True
    return any(
        round(100 * NUMERATORS[match["num"]] / DENOMINATORS[match["den"]]) == value
        for match in IN_WORDS.finditer(text)
    )
