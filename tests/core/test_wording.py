"""Counts with the right form of the noun, and "a" or "an" by sound."""

from __future__ import annotations

import pytest

from hwc_selfcheck.core.wording import a_or_an, noun, plural


@pytest.mark.parametrize("count, expected", [(0, "0 gaps"), (1, "1 gap"), (2, "2 gaps")])
def test_plural_at_its_boundaries(count: int, expected: str) -> None:
    assert plural(count, "gap") == expected


def test_plural_with_an_irregular_form() -> None:
    assert plural(1, "person", "people") == "1 person" and plural(5, "person", "people") == "5 people"
    assert plural(2, "piece of evidence", "pieces of evidence") == "2 pieces of evidence"


@pytest.mark.parametrize("phrase, expected", [
    ("hours log", "an hours log"), ("training record", "a training record"), ("e-learning course", "an e-learning course"),
    ("portfolio", "a portfolio"), ("Honest mistake", "an Honest mistake"), ("health coach", "a health coach"),
])
def test_a_or_an_by_sound(phrase: str, expected: str) -> None:
    assert a_or_an(phrase) == expected


def test_noun_alone_for_lists_and_verbs() -> None:
    assert noun(1, "key") == "key" and noun(2, "key") == "keys" and noun(0, "key") == "keys"
    assert noun(1, "is", "are") == "is" and noun(3, "is", "are") == "are"
