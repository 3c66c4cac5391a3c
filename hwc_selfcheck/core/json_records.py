"""Reading the JSON records a person keeps (self-assessments, supervisor records, checklist ticks).

Each problem a person can meet (a missing file, an empty one, text that is
not UTF-8, broken JSON or somebody else's file) becomes one
:class:`InputError` naming the file and the place, before any field is
checked; then every bad field is named in plain English (see
:func:`hwc_selfcheck.core.errors.plain_message`). A byte-order mark at the
start, which spreadsheet tools and some editors write, is accepted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError

from hwc_selfcheck.core.errors import InputError, located_validation_error
from hwc_selfcheck.core.files import read_text_file

# What Python's JSON reader says, and what it means for a person editing the file by hand.
JSON_PROBLEMS = (
    ("Expecting property name enclosed in double quotes",
     "a field name must be in double quotes, and the last field has no comma after it"),
    ("Expecting ',' delimiter", "a comma is missing between two entries"),
    ("Expecting ':' delimiter", "a colon is missing after a field name"),
    ("Unterminated string", "some text has no closing double quote"),
    ("Invalid control character", "text in quotes holds a line break or tab; write a line break as \\n"),
    ("Invalid \\escape", "a backslash in text must be written twice (\\\\)"),
    ("Extra data", "there is more after the end of the record; a file holds one record"),
    ("Expecting value", "a value is missing or is not JSON: text goes in double quotes, and true, false "
                        "and null are written in lower case"),
)


def json_problem(exc: json.JSONDecodeError) -> str:
    """What is wrong with broken JSON, in plain words."""
    if not exc.doc[exc.pos:].strip():
        return "not valid JSON: the file ends too soon; is it cut short? Save it again from the tool that made it"
    meaning = next((words for start, words in JSON_PROBLEMS if exc.msg.startswith(start)), exc.msg)
    return f"not valid JSON: {meaning}"


def parse_json(path: Union[str, Path], text: str) -> Any:
    """The JSON value in ``text`` (read from ``path``), or an InputError naming the line and column.

    Read as the browser reads it: NaN and Infinity are not JSON numbers, and
    nesting too deep for Python is refused rather than crashing.
    """
    def refuse(constant: str) -> Any:
        raise ValueError(f"{constant} is not a JSON number")

    try:
        return json.loads(text, parse_constant=refuse)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"line {exc.lineno} column {exc.colno}", json_problem(exc)) from None
    except (ValueError, RecursionError) as exc:
        problem = "it is nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise InputError(path, None, f"not valid JSON ({problem})") from None


def read_json_record(path: Union[str, Path], fmt: str, what: str) -> dict[str, Any]:
    """The JSON object in ``path``, whose ``format`` field must be ``fmt`` (``what`` names it for people)."""
    path = Path(path)
    raw = parse_json(path, read_text_file(path))
    found = raw.get("format") if isinstance(raw, dict) else None
    if found != fmt:
        raise InputError(path, "field format", f"is {found!r}; this is not a hwc-selfcheck {what}")
    return raw


Record = TypeVar("Record", bound=BaseModel)


def read_json_model(path: Union[str, Path], fmt: str, what: str, model: type[Record]) -> Record:
    """``read_json_record``, then the record checked against its model, naming every bad field."""
    raw = read_json_record(path, fmt, what)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise located_validation_error(exc, path, None) from None
