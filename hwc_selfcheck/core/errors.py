"""The one error type users see.

Every problem with a file a person can edit (the framework data, or their own
records) is raised as :class:`InputError` with the file, the place in it and
what is wrong, so the command line can print one clear line and exit 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional, Union

if TYPE_CHECKING:
    from datetime import date


class InputError(Exception):
    """A problem in a file, located precisely enough for a person to fix it."""

    def __init__(self, path: Union[str, Path], where: Optional[str], problem: str) -> None:
        self.path = str(path)
        self.where = where
        self.problem = problem
        location = f"{self.path}: {where}" if where else self.path
        super().__init__(f"{location}: {problem}")


def refuse_future(path: Union[str, Path], field: str, day: "date", today: "Optional[date]" = None) -> None:
    """Records describe what has happened, so a date after today is a typing slip to report."""
    from datetime import date as _date

    if day > (today or _date.today()):
        raise InputError(path, f"field {field}", f"{day.isoformat()} is in the future")


PLAIN_MESSAGES = {
    "missing": "is missing",
    "extra_forbidden": "is not a known field (check the spelling)",
}


def describe_pydantic_errors(exc: "Exception") -> list[tuple[str, str]]:
    """Turn a pydantic ValidationError into (field, message) pairs a person can read."""
    pairs = []
    for err in exc.errors():  # type: ignore[attr-defined]
        field = ".".join(str(part) for part in err.get("loc", ())) or "(whole record)"
        message = PLAIN_MESSAGES.get(err.get("type", ""), err.get("msg", "is not valid"))
        pairs.append((field, message.removeprefix("Value error, ")))
    return pairs


def located_validation_error(exc: "Exception", path: Union[str, Path], where: Optional[str]) -> InputError:
    """One InputError naming the first bad field, with any others listed on the same line."""
    pairs = describe_pydantic_errors(exc)
    field, message = pairs[0]
    place = f"{where}, field {field}" if where else f"field {field}"
    others = "; ".join(f"field {f} {m}" if m.startswith(("is ", "must ")) else f"field {f}: {m}" for f, m in pairs[1:])
    return InputError(path, place, message + (f" (also {others})" if others else ""))
