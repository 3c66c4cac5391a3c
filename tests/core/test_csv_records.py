"""CSV records are read as a spreadsheet shows them, and every problem names its row and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hwc_selfcheck.core.csv_records import CsvFormat, read_rows, sniff_format
from hwc_selfcheck.core.errors import InputError

FMT = CsvFormat("test log", ("date", "hours", "nhs", "note"))
OTHER = CsvFormat("other log", ("date", "kind", "minutes"))


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "log.csv"
    path.write_text(text, encoding=encoding)
    return path


def error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        list(read_rows(path, FMT))
    return caught.value


def test_rows_are_numbered_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    path = write(tmp_path, 'Date,Hours,NHS,Note\n2026-01-05,1,yes,"two\nlines"\n,,,\n2026-01-07,2,no,\n')
    rows = list(read_rows(path, FMT))
    assert [r.number for r in rows] == [2, 4]  # the quoted note is one row; the empty row is skipped
    assert rows[0].cells["note"] == "two\nlines"


def test_byte_order_mark_and_headings_in_any_case(tmp_path: Path) -> None:
    path = write(tmp_path, "date,HOURS,Nhs\n05/01/2026,1.5,Y\n", encoding="utf-8-sig")
    row = next(read_rows(path, FMT))
    assert row.date("date") == date(2026, 1, 5)  # UK day-first
    assert row.yes_no("nhs") is True


def test_missing_column_names_it_and_lists_the_columns(tmp_path: Path) -> None:
    err = error(write(tmp_path, "date,nhs\n2026-01-05,yes\n"))
    assert err.where == "row 1" and "'hours' is missing" in err.problem and "date, hours, nhs, note" in err.problem


def test_unknown_column_suggests_the_right_one(tmp_path: Path) -> None:
    err = error(write(tmp_path, "date,hours,nhs,notes\n"))
    assert "notes is not a column" in err.problem and "did you mean note" in err.problem


def test_too_many_cells(tmp_path: Path) -> None:
    err = error(write(tmp_path, "date,hours,nhs\n2026-01-05,1,yes,extra\n"))
    assert err.where == "row 2" and "4 cells" in err.problem


@pytest.mark.parametrize("cell, words", [
    ("2026-02-30", "is not a date"), ("31/13/2025", "is not a date"), ("2999-01-01", "is in the future"),
])
def test_bad_dates(tmp_path: Path, cell: str, words: str) -> None:
    row = next(read_rows(write(tmp_path, f"date,hours,nhs\n{cell},1,yes\n"), FMT))
    with pytest.raises(InputError, match=words) as caught:
        row.date("date")
    assert caught.value.where == "row 2, column date"


def test_a_plan_may_look_ahead(tmp_path: Path) -> None:
    row = next(read_rows(write(tmp_path, "date,hours,nhs\n2999-01-01,1,yes\n"), FMT))
    assert row.date("date", allow_future=True) == date(2999, 1, 1)


@pytest.mark.parametrize("cell, words", [("-1", "must be more than 0"), ("0", "must be more than 0"),
                                         ("two", "is not a number"), ("nan", "is not a number"), ("", "is empty")])
def test_bad_numbers(tmp_path: Path, cell: str, words: str) -> None:
    row = next(read_rows(write(tmp_path, f"date,hours,nhs\n2026-01-05,{cell},yes\n"), FMT))
    with pytest.raises(InputError, match=words) as caught:
        row.decimal("hours")
    assert caught.value.where == "row 2, column hours"


def test_choices_suggest_the_nearest(tmp_path: Path) -> None:
    row = next(read_rows(write(tmp_path, "date,hours,nhs\n2026-01-05,1,Line Managment\n"), FMT))
    with pytest.raises(InputError, match="did you mean line_management"):
        row.choice("nhs", ["line_management", "clinical"])
    assert next(read_rows(write(tmp_path, "date,hours,nhs\n2026-01-05,1,Line management\n"), FMT)).choice(
        "nhs", ["line_management", "clinical"]) == "line_management"


def test_not_utf8_and_empty_files(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes("date,hours,nhs\n2026-01-05,1,caf\xe9\n".encode("latin-1"))
    assert "CSV UTF-8" in error(path).problem
    assert error(write(tmp_path, "")).problem == "the file is empty"


def test_sniff_tells_formats_apart(tmp_path: Path) -> None:
    assert sniff_format(write(tmp_path, "date,kind,minutes\n"), [FMT, OTHER]) is OTHER
    assert sniff_format(write(tmp_path, "date,hours\n"), [FMT, OTHER]) is FMT  # then the reader names 'nhs'
    with pytest.raises(InputError, match="do not match any record"):
        sniff_format(write(tmp_path, "name,colour\n"), [FMT, OTHER])


@pytest.mark.parametrize("name, article", [("hours log", "an hours log"), ("training record", "a training record")])
def test_header_messages_use_a_or_an_by_sound(tmp_path: Path, name: str, article: str) -> None:
    fmt = CsvFormat(name, ("date", "hours"))
    for text, words in (("date\n2026-01-05\n", f"is missing; {article} has the columns date, hours"),
                        ("date,hours,extra\n2026-01-05,1,x\n", f"is not a column of {article};")):
        with pytest.raises(InputError) as caught:
            list(read_rows(write(tmp_path, text), fmt))
        assert words in caught.value.problem
