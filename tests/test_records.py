"""One validate command for every record format."""

from pathlib import Path

import pytest

from hwc_selfcheck.errors import InputError
from hwc_selfcheck.examples import EXAMPLE_ASSESSMENT
from hwc_selfcheck.records import validate_record


def test_valid_assessment() -> None:
    assert "valid self-assessment (schema version 2) for 'Sam (example)', Tier 1, 47 item(s)" in validate_record(EXAMPLE_ASSESSMENT)


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
