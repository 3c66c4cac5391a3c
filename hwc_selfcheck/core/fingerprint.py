"""A fingerprint of a record: SHA-256 of one exact text form of it, the same in Python and in the browser.

A supervisor's review names the coach's record it reviewed by its
fingerprint, so the coach's page and ``hwc-selfcheck report`` can tell when
the record has changed since. The browser (``site/static/hwc-portfolio-fingerprint.js``)
must make the same text from the same values, byte for byte, so the form is
kept small and exact (README, "The review file"; CONTRIBUTING):

- the values are JSON objects, lists, text, whole numbers, true, false and null
  (no fractions: a whole number written 2.0 is written 2);
- object keys are sorted by Unicode code point; no spaces anywhere;
- text is written as JSON text with every character outside printable ASCII
  (space to ``~``) escaped: ``\\"``, ``\\\\``, ``\\b``, ``\\f``, ``\\n``, ``\\r``,
  ``\\t``, and ``\\u`` with four lower-case hex digits for the rest (a
  character beyond U+FFFF as its two UTF-16 halves), so the form is pure ASCII;
- the fingerprint is the SHA-256 of that ASCII text, in 64 lower-case hex digits.

This is Python's ``json.dumps(value, sort_keys=True, separators=(",", ":"),
ensure_ascii=True)``, which JavaScript's ``JSON.stringify`` matches once the
non-ASCII characters are escaped the same way.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

FINGERPRINT_PATTERN = r"^[0-9a-f]{64}$"


def whole_numbers(value: Any) -> Any:
    """The value with every whole number written as a float (2.0) made an int, as JSON counts it."""
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"{value:g} is not a whole number; write it like 2")
        return int(value)
    if isinstance(value, dict):
        return {key: whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [whole_numbers(item) for item in value]
    return value


def canonical_text(value: Any) -> str:
    """The one text form of ``value`` that the fingerprint is taken of (see the module's docstring)."""
    return json.dumps(whole_numbers(value), sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False)


def fingerprint(value: Any) -> str:
    """SHA-256 of the canonical text of ``value``, as 64 lower-case hex digits."""
    return hashlib.sha256(canonical_text(value).encode("ascii")).hexdigest()
