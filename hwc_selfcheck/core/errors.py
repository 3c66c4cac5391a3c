"""The one error type users see, and plain English for what a record's checks find.

Every problem with a file a person can edit (the framework data, or their own
records) is raised as :class:`InputError` with the file, the place in it and
what is wrong, so the command line can print one clear line and exit 2. A
file with several problems raises :class:`InputProblems`, which lists them
all (up to :data:`MAX_PROBLEMS_SHOWN`), so a person fixes the whole file in
one go instead of meeting its mistakes one run at a time.

pydantic checks the JSON records; its messages are written for programmers
("Input should be a valid date or datetime, day value is outside expected
range"), so :func:`plain_message` says the same thing the way a person would,
with what to write instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence, Union

from hwc_selfcheck.core.dates import missing_day
from hwc_selfcheck.core.wording import plural

if TYPE_CHECKING:
    from datetime import date

MAX_PROBLEMS_SHOWN = 20
Problem = tuple[Optional[str], str]  # (where in the file, what is wrong)


class InputError(Exception):
    """A problem in a file, located precisely enough for a person to fix it."""

    def __init__(self, path: Union[str, Path], where: Optional[str], problem: str) -> None:
        self.path = str(path)
        self.where = where
        self.problem = problem
        location = f"{self.path}: {where}" if where else self.path
        super().__init__(f"{location}: {problem}")


class InputProblems(InputError):
    """Every problem found in a file: one line each, so all can be fixed at once.

    With one problem it reads exactly like an :class:`InputError`; with more,
    the first line says how many and each problem follows on its own line.
    """

    def __init__(self, path: Union[str, Path], problems: Sequence[Problem]) -> None:
        where, problem = problems[0]
        super().__init__(path, where, problem)
        self.problems = list(problems)
        if len(problems) > 1:
            shown = [f"  {w}: {p}" if w else f"  {p}" for w, p in problems[:MAX_PROBLEMS_SHOWN]]
            if len(problems) > MAX_PROBLEMS_SHOWN:
                shown.append(f"  ... and {len(problems) - MAX_PROBLEMS_SHOWN} more")
            self.args = (f"{self.path}: {plural(len(problems), 'problem')}; fix them and run again:\n"
                         + "\n".join(shown),)


def refuse_future(path: Union[str, Path], field: str, day: "date", today: "Optional[date]" = None) -> None:
    """Records describe what has happened, so a date after today is a typing slip to report."""
    from datetime import date as _date

    if day > (today or _date.today()):
        raise InputError(path, f"field {field}", f"{day.isoformat()} is in the future")


_ISO_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_EXAMPLE = "write it like 2026-03-31 (year, month, day)"


def _shown(value: Any) -> str:
    """A value as it appears in the file: text in quotes, numbers as they are, long text cut short."""
    text = repr(value) if isinstance(value, str) else "null" if value is None else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _date_problem(value: Any) -> str:
    missing = missing_day(value) if isinstance(value, str) and _ISO_SHAPE.match(value.strip()) else None
    if missing:
        return f"{missing} does not exist"
    if isinstance(value, str) and _ISO_SHAPE.match(value.strip()):
        return f"{_shown(value)} is not a date on the calendar; check the day and month"
    return f"{_shown(value)} is not a date; {DATE_EXAMPLE}, in quotes"


def plain_message(err: dict[str, Any]) -> str:
    """One pydantic error (an entry of ``ValidationError.errors()``) as plain English, with what to do."""
    kind = err.get("type", "")
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "is missing; add it"
    if kind == "extra_forbidden":
        return "is not a known field; check the spelling, or remove it"
    if kind.startswith(("date_", "datetime_")):
        return _date_problem(value)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{_shown(value)} is not a whole number; write it without quotes, like 2"
    if kind in ("decimal_parsing", "decimal_type", "float_parsing", "float_type", "finite_number"):
        return f"{_shown(value)} is not a number; write it without quotes, like 1.5"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        words = {"greater_than_equal": ("ge", "at least"), "greater_than": ("gt", "more than"),
                 "less_than_equal": ("le", "at most"), "less_than": ("lt", "less than")}[kind]
        return f"{_shown(value)} is too {'small' if kind.startswith('greater') else 'big'}; it must be {words[1]} {ctx.get(words[0])}"
    if kind == "string_too_short":
        low = ctx.get("min_length", 1)
        return "is empty; fill it in" if low == 1 else f"must be at least {plural(low, 'character')} long"
    if kind == "string_too_long":
        return (f"is {plural(len(value), 'character')} long; the most is {ctx.get('max_length')}"
                if isinstance(value, str) else f"is too long; the most is {ctx.get('max_length')} characters")
    if kind == "string_type":
        return f"{_shown(value)} should be text, in quotes"
    if kind in ("literal_error", "enum"):
        return f"{_shown(value)} is not allowed; use {ctx.get('expected', 'one of the allowed values')}"
    if kind in ("bool_parsing", "bool_type"):
        return f"{_shown(value)} should be true or false"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"{_shown(value)} should be a group of fields in curly brackets {{ }}"
    if kind in ("list_type", "tuple_type"):
        return f"{_shown(value)} should be a list in square brackets [ ]"
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    message = str(err.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")


def field_name(loc: Sequence[Any]) -> str:
    """Where a field is, as a person reads it: 'ratings.PC-01.level', or 'evidence, entry 2, type'."""
    text, after_entry = "", False
    for part in loc:
        if isinstance(part, int):
            text, after_entry = f"{text}, entry {part + 1}", True
        else:
            text += (", " if after_entry else "." if text else "") + str(part)
            after_entry = False
    return text or "(whole record)"


def describe_pydantic_errors(exc: "Exception") -> list[tuple[str, str]]:
    """Turn a pydantic ValidationError into (field, message) pairs a person can read."""
    return [(field_name(err.get("loc", ())), plain_message(err)) for err in exc.errors()]  # type: ignore[attr-defined]


def located_validation_error(exc: "Exception", path: Union[str, Path], where: Optional[str]) -> InputError:
    """An error naming each bad field: one line for one field, a line each for more."""
    pairs = describe_pydantic_errors(exc)
    problems: list[Problem] = [(f"{where}, field {field}" if where else f"field {field}", message)
                               for field, message in pairs]
    return InputProblems(path, problems)
