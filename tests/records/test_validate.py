"""One validate command for every record format."""

from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.records.validate import validate_record


def test_valid_assessment() -> None:
    assert "valid self-assessment (schema version 2) for 'Sam (example)', Tier 1, 47 items" in validate_record(EXAMPLE_ASSESSMENT)


def test_unknown_format_and_extension(tmp_path: Path) -> None:
    other = tmp_path / "x.json"
    other.write_text('{"format": "something-else"}')
    with pytest.raises(InputError, match="'something-else' is not a record format"):
        validate_record(other)
    with pytest.raises(InputError, match="not a record this tool knows"):
        validate_record(tmp_path / "notes.txt")


def test_broken_json_gets_the_readers_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    with pytest.raises(InputError, match="not valid JSON"):
        validate_record(bad)


# --- course plans and the published schemas -------------------------------------

from hwc_selfcheck.notebook.providers import EXAMPLE_COURSE  # noqa: E402
from hwc_selfcheck.records.validate import record_schemas  # noqa: E402


def test_validate_recognises_a_course_plan_even_with_a_bad_row(tmp_path: Path) -> None:
    assert validate_record(EXAMPLE_COURSE) == f"{EXAMPLE_COURSE} is a valid course plan with 28 sessions."
    bad = tmp_path / "course.csv"
    bad.write_text("Day,Session,Learning outcome,Item IDs,Delivery mode\n1,Intro,Welcome,PC-1O,face_to_face\n")
    with pytest.raises(InputError, match="row 2, column item_ids: 'PC-1O' is not an item of the framework; did you mean PC-10"):
        validate_record(bad)


def test_every_record_schema_is_a_valid_json_schema() -> None:
    import jsonschema

    schemas = record_schemas()
    assert {"assessment", "course"} <= set(schemas)
    for name, (holds, make) in schemas.items():
        schema = make()
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["title"] and holds.endswith("."), name
