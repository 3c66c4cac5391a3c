"""The one error type users see.

Every problem with a file a person can edit (the framework data, or their own
records) is raised as :class:`InputError` with the file, the place in it and
what is wrong, so the command line can print one clear line and exit 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Union


class InputError(Exception):
    """A problem in a file, located precisely enough for a person to fix it."""

    def __init__(self, path: Union[str, Path], where: Optional[str], problem: str) -> None:
        self.path = str(path)
        self.where = where
        self.problem = problem
        location = f"{self.path}: {where}" if where else self.path
        super().__init__(f"{location}: {problem}")


def describe_pydantic_errors(exc: "Exception") -> list[tuple[str, str]]:
    """Turn a pydantic ValidationError into (field, message) pairs a person can read."""
    pairs = []
    for err in exc.errors():  # type: ignore[attr-defined]
        field = ".".join(str(part) for part in err.get("loc", ())) or "(whole record)"
        message = err.get("msg", "is not valid")
        message = message.removeprefix("Value error, ")
        pairs.append((field, message))
    return pairs
