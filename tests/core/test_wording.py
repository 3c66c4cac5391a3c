"""Counts with the right form of the noun, and "a" or "an" by sound."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hwc_selfcheck.core.wording import a_or_an, join_words, noun, plural


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


@pytest.mark.parametrize("words, last, expected", [
    ([], "and", ""), (["a"], "and", "a"), (["a", "b"], "and", "a and b"),
    (["a", "b", "c", "d"], "and", "a, b, c and d"), (["json", "csv", "case"], "or", "json, csv or case"),
])
def test_join_words_as_people_write_lists(words: list, last: str, expected: str) -> None:
    assert join_words(words, last) == expected


# A count printed straight before a plural noun ("{len(gaps)} gaps") reads "1 gaps" when the count is one.
# Every such sentence goes through plural() or noun(); this finds any that does not.
BARE_COUNT = re.compile(r"\{(?:len\([^{}]*\)|[\w.]*count\([^{}]*\))\}\s+(?:[a-z]+ )?[a-z]+s\b")
SOURCES = Path(__file__).resolve().parents[2]


def _notebook_code(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def test_no_count_is_printed_without_its_noun_form() -> None:
    texts = {p: p.read_text(encoding="utf-8") for p in (SOURCES / "hwc_selfcheck").rglob("*.py")}
    texts.update({p: _notebook_code(p) for p in (SOURCES / "notebooks").glob("*.ipynb")})
    found = [f"{p.relative_to(SOURCES)}: {m[0]}" for p, text in texts.items() for m in BARE_COUNT.finditer(text)]
    assert not found, "use plural() or noun() from hwc_selfcheck.core.wording:\n" + "\n".join(found)


def test_the_scan_would_catch_the_old_wording() -> None:
    assert BARE_COUNT.search('print(f"{len(gaps(fw, record))} gaps in all")')
    assert BARE_COUNT.search("f\"{change.count('improved')} items up\"")
    assert not BARE_COUNT.search("f\"{plural(len(gaps), 'gap')} in all\"")
