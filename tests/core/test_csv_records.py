"""CSV records are read as a spreadsheet shows them, and every problem names its row and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from decimal import Decimal

from hwc_selfcheck.core.csv_records import CsvFormat, Row, most_in_a_day, read_records, read_rows, sniff_format
from hwc_selfcheck.core.errors import MAX_PROBLEMS_SHOWN, InputError, InputProblems

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
    row = next(read_rows(write(tmp_path, "date,hours,nhs\n2026-01-05,1,yes,extra\n"), FMT))
    with pytest.raises(InputError) as caught:
        row.check_shape()
    assert caught.value.where == "row 2" and "4 cells" in caught.value.problem


@pytest.mark.parametrize("cell, words", [
    ("2026-02-30", "30 February 2026 does not exist"), ("31/13/2025", "is not a date"), ("2999-01-01", "1 January 2999 is after today"),
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
    assert "is not UTF-8 text" in error(path).problem and "CSV UTF-8" in error(path).problem
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


@pytest.mark.parametrize("cell, value", [("yes", True), ("Y", True), ("true", True), ("1", True),
                                         ("no", False), ("N", False), ("FALSE", False), ("0", False)])
def test_yes_no_takes_the_usual_spellings(tmp_path: Path, cell: str, value: bool) -> None:
    row = next(read_rows(write(tmp_path, f"date,hours,nhs\n2026-01-05,1,{cell}\n"), FMT))
    assert row.yes_no("nhs") is value


def test_yes_no_says_what_it_takes(tmp_path: Path) -> None:
    row = next(read_rows(write(tmp_path, "date,hours,nhs\n2026-01-05,1,maybe\n"), FMT))
    with pytest.raises(InputError) as caught:
        row.yes_no("nhs")
    assert caught.value.problem == "'maybe' should be yes or no"  # as the site says it; the help lists the other spellings


def parse(row: Row) -> tuple:
    return row.number, row.date("date"), row.decimal("hours"), row.yes_no("nhs")


def test_every_bad_row_is_reported_in_one_run(tmp_path: Path) -> None:
    text = ("date,hours,nhs\n2026-01-05,1,yes\n2026-01-06,x,yes\n2026-01-07,1,yes\n"
            "2026-02-30,1,yes\n2026-01-08,1,maybe\n2026-01-09,1,yes,extra\n")
    with pytest.raises(InputProblems) as caught:
        read_records(write(tmp_path, text), FMT, parse)
    assert [where for where, _ in caught.value.problems] == [
        "row 3, column hours", "row 5, column date", "row 6, column nhs", "row 7"]
    assert str(caught.value).splitlines()[0].endswith("log.csv: 4 problems; fix them and run again:")


def test_one_bad_row_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_records(write(tmp_path, "date,hours,nhs\n2026-01-06,x,yes\n"), FMT, parse)
    assert len(str(caught.value).splitlines()) == 1 and str(caught.value).endswith(
        "log.csv: row 2, column hours: 'x' is not a number; write it like 1.5")


def test_a_long_list_of_bad_rows_stops_at_the_limit(tmp_path: Path) -> None:
    rows = "".join(f"2026-01-05,x{n},yes\n" for n in range(MAX_PROBLEMS_SHOWN + 10))
    with pytest.raises(InputProblems) as caught:
        read_records(write(tmp_path, "date,hours,nhs\n" + rows), FMT, parse)
    assert len(caught.value.problems) == MAX_PROBLEMS_SHOWN + 10
    assert str(caught.value).endswith("  ... and 10 more")


def hours_in_a_day():  # type: ignore[no-untyped-def]
    from dataclasses import dataclass
    from datetime import date as day

    @dataclass
    class Logged:
        row: int
        date: day
        hours: Decimal

    def parse_logged(row: Row) -> Logged:
        return Logged(row.number, row.date("date"), row.decimal("hours"))

    return parse_logged, most_in_a_day(lambda e: e.hours, Decimal(24), "hours")


def test_rows_of_one_day_may_not_add_up_to_more_than_a_day(tmp_path: Path) -> None:
    parse_logged, check = hours_in_a_day()
    ok = "date,hours,nhs\n2026-01-05,8,yes\n2026-01-05,8,yes\n2026-01-05,8,yes\n2026-01-06,9,yes\n"
    assert len(read_records(write(tmp_path, ok), FMT, parse_logged, [check])) == 4  # exactly 24 is possible
    over = "date,hours,nhs\n2026-01-05,8,yes\n2026-01-06,9,yes\n2026-01-05,9,yes\n2026-01-05,9,yes\n"
    with pytest.raises(InputError) as caught:
        read_records(write(tmp_path, over), FMT, parse_logged, [check])
    assert caught.value.where == "rows 2, 4 and 5"
    assert caught.value.problem == ("26 hours on 5 January 2026 add up to more than the 24 hours in a day; "
                                    "is a row there twice, or one dated wrongly?")


def test_the_columns_describe_themselves() -> None:
    fmt = CsvFormat("test log", ("date", "nhs", "note"), meanings={"date": "the date", "nhs": "yes or no"})
    assert fmt.describe() == [("date", "the date"), ("nhs", "yes or no"),
                              ("note", "(this column may be left out)")]
