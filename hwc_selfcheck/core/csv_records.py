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
- yes/no cells take yes or no (y, n, true, false, 1 and 0 work too);
- rows that are wholly empty are skipped (spreadsheets often leave some);
- every bad row is reported in one run (up to
  :data:`~hwc_selfcheck.core.errors.MAX_PROBLEMS_SHOWN`), not only the first,
  and so are rules that span rows, such as more than 24 hours logged on one day.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Iterator, Mapping, Optional, Protocol, Sequence, TypeVar, Union

from hwc_selfcheck.core.dates import long_date
from hwc_selfcheck.core.errors import InputError, InputProblems, Problem
from hwc_selfcheck.core.files import read_text_file
from hwc_selfcheck.core.wording import a_or_an, join_words, plural

YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}
YES_NO = "yes or no (y/n, true/false and 1/0 work too)"
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def heading_key(text: str) -> str:
    """How headings and choices are matched: lower case, spaces and hyphens as underscores.

    So "Supervisor tier" is ``supervisor_tier`` and "Follow-up" is ``follow_up``.
    """
    return re.sub(r"[\s-]+", "_", text.strip().lower())


@dataclass(frozen=True)
class CsvFormat:
    """A CSV record format: its name, its columns (in order) and what each column holds.

    ``meanings`` says, for a person, what goes in each column and which values
    are allowed; ``--help`` and the error messages show it, so the reader and
    its description cannot drift apart.
    """

    name: str
    columns: tuple[str, ...]
    optional: tuple[str, ...] = ("note",)
    meanings: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c not in self.optional)

    def describe(self) -> list[tuple[str, str]]:
        """(column, what it holds) for every column, saying which may be left out."""
        rows = []
        for column in self.columns:
            words = [self.meanings.get(column, "")] + ["(this column may be left out)"] * (column in self.optional)
            rows.append((column, " ".join(w for w in words if w)))
        return rows


@dataclass(frozen=True)
class Row:
    """One data row: its spreadsheet row number and its cells by column."""

    path: Path
    number: int
    cells: dict[str, str]
    # Set for an entry of a list in a JSON record (``hours`` of a portfolio file):
    # then places read "hours entry 3, field date" rather than a spreadsheet's row and column.
    list_name: Optional[str] = None
    width: int = 0  # how many cells the row has, when it has more than the header

    def check_shape(self) -> None:
        """A row with more cells than the header would be misread: refuse it, saying why."""
        if self.width > len(self.cells):
            raise InputError(self.path, f"row {self.number}", f"has {self.width} cells but the header has "
                             f"{plural(len(self.cells), 'column')}; is there a comma that should be inside quotes?")

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
        raise self.error(column, f"{raw!r} should be yes or no")  # word for word as the site's portfolio says it

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


def read_header(path: Union[str, Path]) -> list[str]:
    """The file's headings (matched form), for telling formats apart."""
    path = Path(path)
    text = read_text_file(path)
    first = next(csv.reader(text.splitlines()[:1]), [])
    return [heading_key(h) for h in first]


def read_rows(path: Union[str, Path], fmt: CsvFormat) -> Iterator[Row]:
    """Every non-empty data row, after checking the header against the format."""
    path = Path(path)
    text = read_text_file(path)
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
            yield Row(path, number, dict(zip(header, cells)), width=len(cells) if len(cells) > len(header) else 0)
    except csv.Error as exc:
        raise InputError(path, f"row {number}", f"is not valid CSV ({exc})") from None


class Dated(Protocol):
    """A parsed row that knows its spreadsheet row number and its date."""

    row: int
    date: date


Record = TypeVar("Record")
RowCheck = Callable[[list], list[Problem]]


def read_records(path: Union[str, Path], fmt: CsvFormat, parse: Callable[[Row], Record],
                 checks: Sequence[RowCheck] = ()) -> list[Record]:
    """Parse every row with ``parse``, then run ``checks`` across the rows.

    Every bad row is reported, not only the first: each row's first problem
    (row and column) is collected, then the checks that span rows, and all of
    them are raised together as :class:`InputProblems`. A broken header stops
    reading at once, because every row would be misread.
    """
    path = Path(path)
    records: list[Record] = []
    problems: list[Problem] = []
    complete = True
    try:
        for row in read_rows(path, fmt):
            try:
                row.check_shape()
                records.append(parse(row))
            except InputError as exc:
                problems.append((exc.where, exc.problem))
    except InputError as exc:
        if not problems:
            raise
        problems.append((exc.where, exc.problem))  # the file cannot be read further: report what was found so far
        complete = False
    if complete:
        for check in checks:
            problems += check(records)
    if problems:
        raise InputProblems(path, problems)
    return records


def most_in_a_day(amount: Callable[[Dated], Decimal], limit: Decimal, unit: str, label: str = "rows") -> RowCheck:
    """A check across rows: the rows of one day may not add up to more than ``limit`` (a day has 24 hours).

    Each row on its own may be fine (three rows of 8, 9 and 9 hours), while
    together they cannot be true; the problem names every row of that day
    ("rows 2, 3 and 4", or with ``label="hours entries"`` a portfolio file's entries).
    """

    one = "a row" if label == "rows" else "an entry"

    def check(records: list) -> list[Problem]:
        by_day: dict[date, list[Dated]] = defaultdict(list)
        for record in records:
            by_day[record.date].append(record)
        problems: list[Problem] = []
        for day, rows in sorted(by_day.items()):
            total = sum((amount(r) for r in rows), Decimal(0))
            if total > limit and len(rows) > 1:
                numbers = join_words([str(r.row) for r in sorted(rows, key=lambda r: r.row)])
                problems.append((f"{label} {numbers}", f"{total.normalize():f} {unit} on {long_date(day)} add up to more "
                                 f"than the {limit} {unit} in a day; is {one} there twice, or one dated wrongly?"))
        return problems

    return check


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
