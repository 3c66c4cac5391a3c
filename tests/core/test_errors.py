"""pydantic's findings in plain English, and every problem of a file listed at once."""

from __future__ import annotations

from datetime import date
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hwc_selfcheck.core.errors import (
    MAX_PROBLEMS_SHOWN,
    InputError,
    InputProblems,
    field_name,
    located_validation_error,
    plain_message,
)


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str = Field(min_length=1)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=5)
    date: date
    tier: int = Field(ge=1, le=4)
    evidence: Literal["none", "planned"] = "none"
    entries: list[Entry] = []


GOOD = {"name": "Kit", "date": "2026-01-05", "tier": 1}


def errors(**changes: object) -> list[dict]:
    with pytest.raises(ValidationError) as caught:
        Record.model_validate({**GOOD, **changes})
    return caught.value.errors()


@pytest.mark.parametrize("changes, expected", [
    ({"date": "2026-02-30"}, "30 February 2026 does not exist"),
    ({"date": "30/02/2026"}, "'30/02/2026' is not a date; write it like 2026-03-31 (year, month, day), in quotes"),
    ({"date": "tomorrow"}, "'tomorrow' is not a date; write it like 2026-03-31 (year, month, day), in quotes"),
    ({"tier": 5}, "5 is too big; it must be at most 4"),
    ({"tier": 0}, "0 is too small; it must be at least 1"),
    ({"tier": "one"}, "'one' is not a whole number; write it without quotes, like 2"),
    ({"tier": 1.5}, "1.5 is not a whole number; write it without quotes, like 2"),
    ({"name": ""}, "is empty; fill it in"),
    ({"name": "Kit Marlowe"}, "is 11 characters long; the most is 5"),
    ({"name": 7}, "7 should be text, in quotes"),
    ({"evidence": "lots"}, "'lots' is not allowed; use 'none' or 'planned'"),
    ({"entries": {"type": "x"}}, "should be a list in square brackets [ ]"),
    ({"colour": "red"}, "is not a known field; check the spelling, or remove it"),
])
def test_each_finding_reads_as_plain_english(changes: dict, expected: str) -> None:
    message = plain_message(errors(**changes)[0])
    assert message.endswith(expected)
    assert "Input should" not in message and "pydantic" not in message


def test_a_missing_field_says_to_add_it() -> None:
    with pytest.raises(ValidationError) as caught:
        Record.model_validate({"name": "Kit", "date": "2026-01-05"})
    assert plain_message(caught.value.errors()[0]) == "is missing; add it"


@pytest.mark.parametrize("loc, expected", [
    (("tier",), "tier"), (("ratings", "PC-01", "level"), "ratings.PC-01.level"),
    (("entries", 0, "type"), "entries, entry 1, type"), (("entries", 2), "entries, entry 3"), ((), "(whole record)"),
])
def test_field_names_count_entries_from_one(loc: tuple, expected: str) -> None:
    assert field_name(loc) == expected


def test_one_bad_field_is_one_line_and_several_are_one_line_each() -> None:
    with pytest.raises(ValidationError) as one:
        Record.model_validate({**GOOD, "tier": 9})
    single = located_validation_error(one.value, "kit.json", None)
    assert str(single) == "kit.json: field tier: 9 is too big; it must be at most 4"
    with pytest.raises(ValidationError) as many:
        Record.model_validate({**GOOD, "tier": 9, "date": "2026-02-30", "entries": [{"type": ""}]})
    listed = located_validation_error(many.value, "kit.json", "item PC-01")
    lines = str(listed).splitlines()
    assert lines[0] == "kit.json: 3 problems; fix them and run again:"
    assert "  item PC-01, field date: 30 February 2026 does not exist" in lines
    assert "  item PC-01, field entries, entry 1, type: is empty; fill it in" in lines
    assert listed.where == "item PC-01, field date" and isinstance(listed, InputError)


def test_problems_beyond_the_limit_are_counted_not_shown() -> None:
    problems = [(f"row {n}", "is empty") for n in range(2, MAX_PROBLEMS_SHOWN + 7)]
    text = str(InputProblems("log.csv", problems))
    assert text.splitlines()[0] == f"log.csv: {len(problems)} problems; fix them and run again:"
    assert len(text.splitlines()) == 1 + MAX_PROBLEMS_SHOWN + 1 and text.endswith("  ... and 5 more")
