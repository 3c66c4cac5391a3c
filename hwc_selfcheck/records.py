"""Recognise any record file this project defines and validate it.

Each record kind has a reader; ``validate_record`` picks it from the file's
extension (CSV logs) or its ``format`` field (JSON records), so
``hwc-selfcheck validate`` checks every format through one command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Union

from .assessment import FORMAT as ASSESSMENT_FORMAT
from .assessment import read_assessment
from .errors import InputError


def validate_record(path: Union[str, Path]) -> str:
    """Validate a record file; return a one-line description, or raise InputError."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        raise InputError(path, None, "is not a record this tool knows (expected a .json self-assessment)")
    try:
        kind = json.loads(path.read_text(encoding="utf-8")).get("format")
    except (OSError, ValueError, AttributeError):
        kind = ASSESSMENT_FORMAT  # let the reader give the precise complaint
    if kind == ASSESSMENT_FORMAT:
        record = read_assessment(path)
        return (
            f"{path} is a valid self-assessment (schema version {record.schema_version}) "
            f"for {record.pseudonym!r}, Tier {record.tier}, {len(record.ratings)} item(s) rated."
        )
    raise InputError(path, "field format", f"{kind!r} is not a record format this tool knows")
