"""Self-assessment records: upgrade old, refuse new, locate every mistake."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT
from hwc_selfcheck.assessment.record import (
    SCHEMA_VERSION,
    Assessment,
    Rating,
    json_schema,
    parse_assessment,
    read_assessment,
    write_assessment,
)
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework

TODAY = date(2026, 11, 24)


def record(**changes) -> dict:
    base = {"format": "hwc-selfcheck/assessment", "schema_version": 2, "pseudonym": "Kit", "date": "2026-01-05",
            "tier": 1, "ratings": {"PC-01": {"level": 2, "evidence": "planned", "note": "n", "next_step": ""}}}
    base.update(changes)
    return base


def error(raw, today: date = TODAY) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_assessment(raw, "kit.json", today=today)
    return caught.value


def test_valid_record_reads() -> None:
    a = parse_assessment(record(), "kit.json", today=TODAY)
    assert a.ratings["PC-01"] == Rating(level=2, evidence="planned", note="n")


def test_version_1_is_upgraded() -> None:
    a = parse_assessment(record(schema_version=1, ratings={"PC-01": 3, "CE-02": 0}), "kit.json", today=TODAY)
    assert a.schema_version == SCHEMA_VERSION
    assert a.ratings["PC-01"].level == 3 and a.ratings["CE-02"].evidence == "none"


@pytest.mark.parametrize("version, words", [(3, "newer hwc-selfcheck"), ("2", "not a schema version"), (0, "not a schema version"), (None, "not a schema version")])
def test_newer_or_unknown_versions_are_refused(version, words) -> None:
    err = error(record(schema_version=version))
    assert err.where == "field schema_version" and words in err.problem


def test_foreign_json_is_refused() -> None:
    assert "not a hwc-selfcheck self-assessment" in error({"hello": 1}).problem
    assert "JSON object" in error([1, 2]).problem


def test_unknown_item_suggests() -> None:
    err = error(record(ratings={"PC-11": {"level": 1}}))
    assert err.where == "item PC-11" and "did you mean PC-01" in err.problem or "PC-10" in err.problem


@pytest.mark.parametrize("rating, field, words", [
    ({"level": 5}, "ratings.PC-01.level", "must be at most 4"),
    ({"level": -1}, "ratings.PC-01.level", "must be at least 0"),
    ({"level": "high"}, "ratings.PC-01.level", "is not a whole number"),
    ({"level": 2, "evidence": "lots"}, "ratings.PC-01.evidence", "'none', 'planned', 'collected' or 'confirmed'"),
    ({"level": 2, "colour": "red"}, "ratings.PC-01.colour", "not a known field"),
])
def test_bad_ratings_name_item_and_field(rating, field, words) -> None:
    err = error(record(ratings={"PC-01": rating}))
    assert err.where == f"field {field}" and words in err.problem


def test_date_in_future_is_refused() -> None:
    err = error(record(date="2026-11-25"))
    assert err.where == "field date" and "in the future" in err.problem


@pytest.mark.parametrize("field, value", [("tier", 5), ("tier", "one"), ("pseudonym", ""), ("date", "05/01/2026")])
def test_bad_header_fields(field, value) -> None:
    assert error(record(**{field: value})).where == f"field {field}"


def test_files_missing_empty_truncated(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_assessment(tmp_path / "nope.json")
    empty = tmp_path / "empty.json"
    empty.write_text("  \n")
    with pytest.raises(InputError, match="the file is empty"):
        read_assessment(empty)
    cut = tmp_path / "cut.json"
    cut.write_text(EXAMPLE_ASSESSMENT.read_text()[:300])
    with pytest.raises(InputError) as caught:
        read_assessment(cut)
    assert caught.value.where.startswith("line ") and "cut short" in caught.value.problem


def test_round_trip_is_stable_and_in_framework_order(tmp_path: Path) -> None:
    a = read_assessment(EXAMPLE_ASSESSMENT)
    out = write_assessment(tmp_path / "a.json", a)
    again = read_assessment(out)
    assert again == a
    assert out.read_text() == EXAMPLE_ASSESSMENT.read_text()


def test_schema_matches_the_model() -> None:
    schema = json_schema()
    assert schema["title"].endswith(f"(schema version {SCHEMA_VERSION})")
    assert set(schema["required"]) >= {"pseudonym", "date", "tier"}
    assert schema["properties"]["ratings"]["propertyNames"]["pattern"] == r"^[A-Z]{2}-\d{2}$"
    json.dumps(schema)


def test_pseudonym_need_not_be_a_real_name() -> None:
    assert Assessment(pseudonym="🦊", date=date(2026, 1, 1), tier=1).pseudonym == "🦊"


def test_fast_and_full_reading_agree(fw: Framework, tmp_path: Path) -> None:
    """read_assessment's one-step fast path gives exactly what the full path gives."""
    from hwc_selfcheck.assessment.examples import EXAMPLES_DIR

    files = sorted(EXAMPLES_DIR.glob("assessment-*.json")) + sorted((EXAMPLES_DIR / "cohort").glob("*/coach-0*.json"))
    assert len(files) > 2
    for path in files:
        assert read_assessment(path, fw) == parse_assessment(json.loads(path.read_text()), path, fw)
    old = tmp_path / "v1.json"
    old.write_text('{"format": "hwc-selfcheck/assessment", "schema_version": 1, "pseudonym": "K", '
                   '"date": "2026-01-01", "tier": 1, "ratings": {"PC-01": 2}}')
    assert read_assessment(old, fw).ratings["PC-01"].level == 2  # not valid for the fast path: upgraded on the full one
