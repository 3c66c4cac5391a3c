"""Reading the CSV records a coach or employer keeps in a spreadsheet.

Hours logs, supervision logs, session diaries, portfolios and the rest are
CSV files, because that is what a spreadsheet saves. This module reads them
strictly and explains every problem in the terms a spreadsheet shows: the row
number as the spreadsheet numbers it (the header is row 1, so the first entry
is row 2) and the column by its heading. Each record format is a
:class:`CsvFormat`; :func:`sniff_format` tells them apart by their headings,
so ``hwc-selfcheck validate`` can check any of them.

Conventions shared by every format, so a person learns them once:

- headings are matched without regard to capitals or spaces
  ("Supervisor tier" is ``supervisor_tier``); a ``note`` column may be left out;
- dates are written 2026-03-31 or, as UK spreadsheets save them, 31/03/2026;
- yes/no cells take yes, no, y, n, true or false;
- rows that are wholly empty are skipped (spreadsheets often leave some).
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence, Union

from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.wording import a_or_an

YES = {"yes", "y", "true"}
NO = {"no", "n", "false"}
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def heading_key(text: str) -> str:
    """How headings and choices are matched: lower case, spaces and hyphens as underscores.

    So "Supervisor tier" is ``supervisor_tier`` and "Follow-up" is ``follow_up``.
    """
    return re.sub(r"[\s-]+", "_", text.strip().lower())


@dataclass(frozen=True)
class CsvFormat:
    """A CSV record format: its name, its columns (in order) and how to describe a valid file."""

    name: str
    columns: tuple[str, ...]
    optional: tuple[str, ...] = ("note",)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c not in self.optional)


@dataclass(frozen=True)
class Row:
    """One data row: its spreadsheet row number and its cells by column."""

    path: Path
    number: int
    cells: dict[str, str]
    # Set for an entry of a list in a JSON record (``hours`` of a portfolio file):
    # then places read "hours entry 3, field date" rather than a spreadsheet's row and column.
    list_name: Optional[str] = None

    def where(self, column: str) -> str:
        if self.list_name:
            return f"{self.list_name} entry {self.number}, field {column}"
        return f"row {self.number}, column {column}"

    def error(self, column: str, problem: str) -> InputError:
        return InputError(self.path, self.where(column), problem)

    def text(self, column: str, required: bool = False) -> str:
        value = self.cells.get(column, "").strip()
        if required and not value:
            raise self.error(column, "is empty")
        return value

    def date(self, column: str, today: Optional[date] = None, allow_future: bool = False) -> date:
        return parse_date(self.text(column, required=True), self, column, today, allow_future)

    def decimal(self, column: str, minimum_exclusive: Decimal = Decimal(0), maximum: Optional[Decimal] = None,
               unit: str = "") -> Decimal:
        raw = self.text(column, required=True)
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise self.error(column, f"{raw!r} is not a number; write it like 1.5") from None
        if not value.is_finite():
            raise self.error(column, f"{raw!r} is not a number; write it like 1.5")
        if value <= minimum_exclusive:
            raise self.error(column, f"{raw} must be more than {minimum_exclusive}{unit}")
        if maximum is not None and value > maximum:
            raise self.error(column, f"{raw} is more than {maximum}{unit}; is it a typing mistake?")
        return value

    def whole_number(self, column: str, low: int, high: int, required: bool = True) -> Optional[int]:
        raw = self.text(column, required=required)
        if not raw:
            return None
        if not re.fullmatch(r"\d+", raw):
            raise self.error(column, f"{raw!r} is not a whole number from {low} to {high}")
        value = int(raw)
        if not low <= value <= high:
            raise self.error(column, f"{value} must be from {low} to {high}")
        return value

    def yes_no(self, column: str, required: bool = True) -> Optional[bool]:
        raw = self.text(column, required=required)
        if not raw:
            return None
        if raw.lower() in YES:
            return True
        if raw.lower() in NO:
            return False
        raise self.error(column, f"{raw!r} should be yes or no")

    def choice(self, column: str, choices: Sequence[str], aliases: Optional[dict[str, str]] = None) -> str:
        """One of ``choices`` (matched like headings), with a did-you-mean when it is not."""
        raw = self.text(column, required=True)
        key = heading_key(raw)
        key = (aliases or {}).get(key, key)
        if key in choices:
            return key
        near = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
        hint = f"; did you mean {near[0]}?" if near else ""
        raise self.error(column, f"{raw!r} is not one of: {', '.join(choices)}{hint}")

    def time(self, column: str) -> Optional[tuple[int, int]]:
        raw = self.text(column)
        if not raw:
            return None
        match = _TIME.match(raw)
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            raise self.error(column, f"{raw!r} is not a time of day; write it like 09:30")
        return int(match[1]), int(match[2])


def to_date(raw: str) -> date:
    """A date written 2026-03-31 or 31/03/2026 (day first, as in the UK); ValueError if neither."""
    uk = _UK_DATE.match(raw.strip())
    return date(int(uk[3]), int(uk[2]), int(uk[1])) if uk else datetime.strptime(raw.strip(), "%Y-%m-%d").date()


def parse_date(raw: str, row: Row, column: str, today: Optional[date] = None, allow_future: bool = False) -> date:
    """A cell's date (see :func:`to_date`); never in the future unless allowed."""
    try:
        value = to_date(raw)
    except ValueError:
        raise row.error(column, f"{raw!r} is not a date; write it like 2026-03-31 or 31/03/2026") from None
    if not allow_future and value > (today or date.today()):
        raise row.error(column, f"{value.isoformat()} is in the future")
    return value


def _read_text(path: Path) -> str:
    try:
        # utf-8-sig: spreadsheets often start a "CSV UTF-8" file with a byte-order mark.
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, None, "file not found") from None
    except UnicodeDecodeError:
        raise InputError(path, None, "is not UTF-8 text; save it from your spreadsheet as 'CSV UTF-8'") from None
    except OSError as exc:
        raise InputError(path, None, f"cannot be read ({exc.strerror})") from None


def read_header(path: Union[str, Path]) -> list[str]:
    """The file's headings (matched form), for telling formats apart."""
    path = Path(path)
    text = _read_text(path)
    first = next(csv.reader(text.splitlines()[:1]), [])
    return [heading_key(h) for h in first]


def read_rows(path: Union[str, Path], fmt: CsvFormat) -> Iterator[Row]:
    """Every non-empty data row, after checking the header against the format."""
    path = Path(path)
    text = _read_text(path)
    if not text.strip():
        raise InputError(path, None, "the file is empty")
    reader = csv.reader(text.splitlines(keepends=True))
    try:
        header = [heading_key(h) for h in next(reader)]
    except csv.Error as exc:
        raise InputError(path, "row 1", f"is not valid CSV ({exc})") from None
    for column in fmt.required:
        if column not in header:
            raise InputError(path, "row 1", f"the column {column!r} is missing; {a_or_an(fmt.name)} has the columns "
                             + ", ".join(fmt.columns))
    for position, column in enumerate(header, start=1):
        if column not in fmt.columns:
            near = difflib.get_close_matches(column, fmt.columns, n=1, cutoff=0.6)
            hint = f" (did you mean {near[0]}?)" if near else ""
            label = column or f"number {position}, which has no heading,"
            raise InputError(path, "row 1", f"column {label} is not a column of {a_or_an(fmt.name)}{hint}; "
                             f"the columns are {', '.join(fmt.columns)}")
        if header.count(column) > 1:
            raise InputError(path, "row 1", f"the column {column!r} appears more than once")
    number = 1
    try:
        for cells in reader:
            number += 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                raise InputError(path, f"row {number}", f"has {len(cells)} cells but the header has "
                                 f"{len(header)} columns; is there a comma that should be inside quotes?")
            yield Row(path, number, dict(zip(header, cells)))
    except csv.Error as exc:
        raise InputError(path, f"row {number}", f"is not valid CSV ({exc})") from None


def read_records(path: Union[str, Path], fmt: CsvFormat, parse: Callable[[Row], object]) -> list:
    """Parse every row with ``parse``; the first problem stops reading with its row and column."""
    return [parse(row) for row in read_rows(path, fmt)]


def sniff_format(path: Union[str, Path], formats: Sequence[CsvFormat]) -> CsvFormat:
    """The format whose columns the file's header matches best; raise InputError if none is close."""
    path = Path(path)
    header = set(read_header(path))
    if not header - {""}:
        raise InputError(path, None, "the file is empty")
    scored = sorted(formats, key=lambda f: (-len(header & set(f.required)) / len(f.required), f.name))
    best = scored[0]
    if len(header & set(best.required)) < 2:
        known = "; ".join(f"{f.name} ({', '.join(f.columns)})" for f in formats)
        raise InputError(path, "row 1", f"these columns do not match any record this tool knows: {known}")
    return best
