"""validate tells the practice tools' records apart and checks each with its own reader."""

from pathlib import Path

import pytest

from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.practice.record_files import CSV_READERS, validate_csv_record


def test_every_csv_format_has_distinct_required_columns() -> None:
    required = [frozenset(f.required) for f in CSV_READERS]
    assert len(set(required)) == len(required)


def test_a_near_miss_gets_the_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("date,kind,minutes,supervisor\n2026-01-05,clinical,60,Dr P\n")
    with pytest.raises(InputError, match="'supervisor_tier' is missing; a supervision log has"):
        validate_csv_record(path)


def test_unrelated_columns_list_every_known_record(tmp_path: Path) -> None:
    path = tmp_path / "shopping.csv"
    path.write_text("item,price\nbread,1.20\n")
    with pytest.raises(InputError, match="hours log .*supervision log .*portfolio"):
        validate_csv_record(path)
