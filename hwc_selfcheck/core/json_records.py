"""Reading the JSON records the practice tools keep (supervisor records, checklist ticks).

Each problem a person can meet (a missing file, an empty one, broken JSON or
somebody else's file) becomes one :class:`InputError` naming the file and the
place, before any field is checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError

from hwc_selfcheck.core.errors import InputError, located_validation_error
from hwc_selfcheck.core.files import read_text_file


def read_json_record(path: Union[str, Path], fmt: str, what: str) -> dict[str, Any]:
    """The JSON object in ``path``, whose ``format`` field must be ``fmt`` (``what`` names it for people)."""
    path = Path(path)
    text = read_text_file(path)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"line {exc.lineno} column {exc.colno}", f"not valid JSON ({exc.msg})") from None
    found = raw.get("format") if isinstance(raw, dict) else None
    if found != fmt:
        raise InputError(path, "field format", f"is {found!r}; this is not a hwc-selfcheck {what}")
    return raw


Record = TypeVar("Record", bound=BaseModel)


def read_json_model(path: Union[str, Path], fmt: str, what: str, model: type[Record]) -> Record:
    """``read_json_record``, then the record checked against its model, naming any bad field."""
    raw = read_json_record(path, fmt, what)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise located_validation_error(exc, path, None) from None
