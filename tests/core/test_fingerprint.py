"""The canonical text and fingerprint a review names a record by (the browser must make the same)."""

from __future__ import annotations

import hashlib

import pytest

from hwc_selfcheck.core.fingerprint import canonical_text, fingerprint, whole_numbers


def test_keys_are_sorted_by_code_point_with_no_spaces() -> None:
    assert canonical_text({"b": 1, "a": [True, None], "B": "x", "é": 2}) == '{"B":"x","a":[true,null],"b":1,"\\u00e9":2}'


def test_text_outside_printable_ascii_is_escaped_and_astral_characters_as_two_halves() -> None:
    assert canonical_text('q"\\\t\n\x07\x7f café 🙂') == '"q\\"\\\\\\t\\n\\u0007\\u007f caf\\u00e9 \\ud83d\\ude42"'
    assert canonical_text("emoji 🙂").isascii()


def test_a_whole_number_written_2_0_is_the_number_2_and_a_fraction_is_refused() -> None:
    assert canonical_text({"level": 2.0}) == '{"level":2}'
    assert whole_numbers([1.0, {"x": 3.0}]) == [1, {"x": 3}]
    with pytest.raises(ValueError, match="2.5 is not a whole number"):
        canonical_text({"level": 2.5})


def test_the_fingerprint_is_sha256_of_the_ascii_text_in_lower_case_hex() -> None:
    value = {"pseudonym": "Sam", "ratings": {}}
    assert fingerprint(value) == hashlib.sha256(b'{"pseudonym":"Sam","ratings":{}}').hexdigest()
    assert fingerprint({"a": 1, "b": 2}) == fingerprint({"b": 2, "a": 1})
    assert fingerprint({"a": 1}) != fingerprint({"a": "1"})
