"""Field types for JSON records read the same way by the package and the browser.

A browser's JSON reader cannot tell 3 from 3.0, and it never turns "3" or true
into a number: so a whole number is an int given as a number (the readers turn
a JSON 3.0 into 3 first, with :func:`hwc_selfcheck.core.fingerprint.whole_numbers`),
and a date is text written exactly YYYY-MM-DD.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, Strict

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_DATE = re.compile(DATE_PATTERN)


def _json_date(value: Any) -> Any:
    if isinstance(value, date) or (isinstance(value, str) and _DATE.fullmatch(value)):
        return value
    raise ValueError("must be a date written like 2026-03-02")


WholeNumber = Annotated[int, Strict()]
StrictBool = Annotated[bool, Strict()]
StrictText = Annotated[str, Strict()]
JsonDate = Annotated[date, BeforeValidator(_json_date)]
