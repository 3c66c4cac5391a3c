"""Self-assessment records: upgrade old, refuse new, locate every mistake."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from hwc_selfcheck.framework.loader import Framework, load_framework

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


@pytest.mark.parametrize("version, words", [(3, "newer hwc-selfcheck"), ("2", "not a schema version"), (0, "not a schema version"), (None, "not a schema version"), (True, "not a schema version")])
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
    ({"level": 2.5}, "ratings.PC-01.level", "is not a whole number"),
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
    assert schema["required"] == ["format", "schema_version", "pseudonym", "date", "tier"]
    assert schema["properties"]["ratings"]["propertyNames"]["pattern"] == r"^[A-Z]{2}-[0-9]{2}$"
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


# --- the reader enforces exactly the published schema --------------------------------------------------------------

ANY_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 6), st.sampled_from([0.0, 1.0, 2.0, 3.0, 4.0, 2.5, -0.0, 1e20]),
    st.text(max_size=4), st.sampled_from(["2026-01-05", "2026-02-30", "2026-1-5", "2026-01-05T00:00:00", "2999-01-01",
                                          "2", "3", "none", "planned", "hwc-selfcheck/assessment", " ", "\u3000",
                                          "x" * 80, "x" * 81, "x" * 2000, "x" * 2001, "\U0001F98A" * 2000]),
    st.lists(st.integers(0, 4), max_size=2), st.fixed_dictionaries({"level": st.integers(0, 4)}),
)
IDS = st.sampled_from(["PC-01", "CE-02", "AM-05", "GC-16", "pc-01", "PC-1", "PC-O1", "PC-01 ", "PC-99"]) | st.text(max_size=6)
TOP_FIELDS = ["format", "schema_version", "pseudonym", "date", "tier", "ratings"]
RATING_FIELDS = ["level", "evidence", "note", "next_step"]


@st.composite
def stored_record(draw: st.DrawFn) -> dict:
    """A valid record with up to three changes: a field set to any JSON value, dropped, added, or an item ID changed."""
    raw = {"format": "hwc-selfcheck/assessment", "schema_version": 2, "pseudonym": draw(st.text(min_size=1, max_size=5)),
           "date": str(draw(st.dates(date(2020, 1, 1), TODAY))), "tier": draw(st.integers(1, 4)),
           "ratings": {i: {"level": draw(st.integers(0, 4)), "evidence": "planned", "note": draw(st.text(max_size=3))}
                       for i in draw(st.lists(st.sampled_from(["PC-01", "CE-02", "AM-05"]), max_size=3, unique=True))}}
    for _ in range(draw(st.integers(0, 3))):
        ratings = raw.get("ratings") if isinstance(raw.get("ratings"), dict) else {}
        rated = [k for k, v in ratings.items() if isinstance(v, dict)]
        place = draw(st.sampled_from(["top", "rating", "id"] if rated else ["top"]))
        target, fields = (raw, TOP_FIELDS) if place == "top" else (ratings[draw(st.sampled_from(rated))], RATING_FIELDS)
        change = draw(st.sampled_from(["set", "drop", "add"]))
        if place == "id":
            old = draw(st.sampled_from(rated))
            ratings[draw(IDS)] = ratings.pop(old)
        elif change == "set":
            target[draw(st.sampled_from(fields))] = draw(ANY_VALUE)
        elif change == "drop":
            target.pop(draw(st.sampled_from(fields)), None)
        else:
            target[draw(st.sampled_from(["colour", "Pseudonym", "levle", "notes"]))] = "x"
    return raw


SCHEMA = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def upgraded(raw: dict) -> dict:
    """Version 1, as the schema's $comment describes it: a bare level in place of each rating object."""
    version = raw.get("schema_version")
    if version == 1 and not isinstance(version, bool) and isinstance(raw.get("ratings"), dict):
        ratings = {k: {"level": v} if isinstance(v, (int, float)) and not isinstance(v, bool) else v
                   for k, v in raw["ratings"].items()}
        return {**raw, "schema_version": 2, "ratings": ratings}
    return {**raw, "schema_version": 2} if version == 1 and not isinstance(version, bool) else raw


@settings(max_examples=500)
@given(raw=stored_record())
def test_the_reader_accepts_exactly_what_the_schema_accepts(tmp_path_factory: pytest.TempPathFactory, raw: dict) -> None:
    """Random records near the format: the reader's verdict is the schema's, plus the rules it cannot state."""
    fw = load_framework()
    path = tmp_path_factory.mktemp("record") / "a.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    current = upgraded(raw)
    expected = (SCHEMA.is_valid(current) and all(fw.get(i) is not None for i in current.get("ratings", {}))
                and current["date"] <= TODAY.isoformat())
    try:
        read_assessment(path, fw, today=TODAY)
        accepted = True
    except InputError:
        accepted = False
    assert accepted is expected, [e.message for e in SCHEMA.iter_errors(current)]
