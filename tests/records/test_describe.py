"""A record's fields in words, made from its JSON Schema."""

from __future__ import annotations

from hwc_selfcheck.records.describe import describe_fields
from hwc_selfcheck.records.validate import record_schemas


def fields(name: str) -> dict[str, str]:
    return dict(describe_fields(record_schemas()[name][1]()))


def test_the_self_assessment_fields() -> None:
    found = fields("assessment")
    assert found["format"] == 'always "hwc-selfcheck/assessment"'
    assert found["pseudonym"] == "text in quotes, 1 to 80 characters"
    assert found["date"] == 'a date in quotes, like "2026-03-31"; not in the future'
    assert found["tier"].startswith("a whole number from 1 to 4")
    assert found["ratings"].startswith("a group in curly brackets, by item ID (like PC-01)")
    assert found["ratings.ID.level"].startswith("a whole number from 0 to 4")
    assert found["ratings.ID.evidence"] == 'one of none, planned, collected or confirmed (may be left out; "none" if it is)'
    assert found["ratings.ID.note"] == "text in quotes, up to 2000 characters (may be left out)"


def test_lists_of_entries_and_numbers() -> None:
    found = fields("supervisor")
    assert found["caseload_hours"].startswith("a list of entries in square brackets, each with the fields below")
    assert found["caseload_hours[ ].hours"] == "a number more than 0 and at most 1000"
    assert found["evidence[ ].type"] == "text in quotes, not empty"
    assert fields("checklists")["done"].startswith("a group in curly brackets: by name, a list in square brackets of text")
