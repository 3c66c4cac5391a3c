"""The self-assessment record: a coach's ratings, saved as JSON on their device.

One definition of a valid file, for the package and the site alike: the JSON
Schema that :func:`json_schema` publishes (``hwc-selfcheck schema assessment``),
which the model here enforces exactly, plus the few rules a schema cannot
state (listed in its ``$comment``): at most 5 MB of UTF-8 text, with or
without a byte-order mark; every item ID in the framework (an ID renamed in a
later edition is moved to its new one); no date after today; a file of an
older schema version upgraded first, a newer one refused. The shared corpus in
``tests/corpus/assessment/`` holds a file for each rule, with its verdict.

Reading is strict and every problem is one :class:`InputError` naming the
file, the item and the field. Writing is atomic.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    field_validator,
)

from hwc_selfcheck.core.errors import InputError, located_validation_error, refuse_future
from hwc_selfcheck.core.files import MAX_RECORD_BYTES, atomic_write_text, read_text_file
from hwc_selfcheck.core.json_records import parse_json
from hwc_selfcheck.core.wording import join_words
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import MAX_TIER, MIN_TIER
from hwc_selfcheck.framework.models import Strict as StrictModel
from hwc_selfcheck.framework.scales import EvidenceState

FORMAT = "hwc-selfcheck/assessment"
SCHEMA_VERSION = 2
NOTE_MAX = 2000
PSEUDONYM_MAX = 80
ITEM_ID_PATTERN = r"^[A-Z]{2}-[0-9]{2}$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# A pseudonym needs one character that is not a space. The spaces are written out because "\S" means something
# slightly different in Python, in JavaScript and in the Rust engine pydantic uses; this reads the same in all.
SPACES = r"\t\n\x0b\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
PSEUDONYM_PATTERN = f"[^{SPACES}]"
# Items whose ID changed in a later edition of the framework: old ID -> new ID. A rating stored under an old ID
# is read as a rating of the new one, by the package and by the site (which is sent this table).
RENAMED_ITEMS: dict[str, str] = {}
_ITEM_ID, _DATE, _VISIBLE = (re.compile(p) for p in (ITEM_ID_PATTERN[1:-1], DATE_PATTERN[1:-1], PSEUDONYM_PATTERN))
# A file must say what it is; a record made in Python gets these two fields by default.
REQUIRED_IN_FILES = frozenset({"format", "schema_version"})


def _json_date(value: Any) -> Any:
    """A date written as JSON text, exactly YYYY-MM-DD (a date object when made in Python)."""
    if isinstance(value, date) or (isinstance(value, str) and _DATE.fullmatch(value)):
        return value
    raise ValueError("must be a date written like 2026-03-02")


# A whole number, never "3" or true. JSON's 3.0 is the same number as 3: the full path of the reader turns such
# numbers into ints before it checks them (see _whole_numbers), so the fast path needs no Python call per rating.
WholeNumber = Annotated[int, Strict()]
JsonDate = Annotated[date, BeforeValidator(_json_date)]


class Rating(StrictModel):
    """One item's self-rating, with the state of its evidence and the coach's own words, kept as typed."""

    model_config = ConfigDict(str_strip_whitespace=False)

    level: WholeNumber = Field(ge=0, le=4, description="0 Not yet ... 4 Can support others (see data/scales.yml).")
    evidence: EvidenceState = "none"
    note: str = Field(default="", max_length=NOTE_MAX)
    next_step: str = Field(default="", max_length=NOTE_MAX)


class Assessment(StrictModel):
    """A whole self-assessment. The pseudonym need not be, and should not have to be, a real name."""

    model_config = ConfigDict(str_strip_whitespace=False)

    format: Literal["hwc-selfcheck/assessment"] = FORMAT
    schema_version: Literal[2] = SCHEMA_VERSION
    pseudonym: str = Field(min_length=1, max_length=PSEUDONYM_MAX)
    date: JsonDate
    tier: WholeNumber = Field(ge=MIN_TIER, le=MAX_TIER, description="The coach's current tier.")
    ratings: dict[str, Rating] = Field(default_factory=dict)

    @field_validator("pseudonym")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not _VISIBLE.search(value):
            raise ValueError("must not be blank: give any name, real or made up")
        return value

    @field_validator("ratings")
    @classmethod
    def _id_shape(cls, value: dict[str, Rating]) -> dict[str, Rating]:
        for key in value:
            if not _ITEM_ID.fullmatch(key):
                raise ValueError(f"{key!r} is not an item ID like PC-01")
        return value


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of the current record format: what the reader enforces, field by field."""
    schema = Assessment.model_json_schema()
    props = schema["properties"]
    for field in ("format", "schema_version"):
        props[field].pop("default", None)
    props["pseudonym"]["pattern"] = PSEUDONYM_PATTERN
    props["date"]["pattern"] = DATE_PATTERN
    props["ratings"]["propertyNames"] = {"pattern": ITEM_ID_PATTERN, "maxLength": 5}
    schema["required"] = ["format", "schema_version", *schema["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": (
            f"Also checked by hwc-selfcheck and its site: the file is at most {MAX_RECORD_BYTES} bytes of UTF-8 "
            "(a byte-order mark is allowed); text lengths count Unicode characters (code points); every item ID "
            "is an item of the framework, or an ID it renamed; the date is not after today; a file with an older "
            "schema_version is upgraded first, and a newer one is refused. Version 1 stored a level (0 to 4) "
            "in place of each rating object."
        ),
        **schema,
        "title": f"hwc-selfcheck self-assessment (schema version {SCHEMA_VERSION})",
    }


def _upgrade_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 1 stored just a level per item; version 2 adds evidence, note and next step."""
    ratings = raw.get("ratings")
    if isinstance(ratings, dict):
        raw = {**raw, "ratings": {k: v if isinstance(v, dict) else {"level": v} for k, v in ratings.items()}}
    return {**raw, "schema_version": 2}


UPGRADES = {1: _upgrade_v1}


def _whole(value: Any) -> Any:
    """A JSON number with no fraction as an int (2.0 is 2 in JSON); anything else unchanged."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _whole_numbers(raw: dict[str, Any]) -> dict[str, Any]:
    """The record with its whole numbers written 2.0 as ints, as JSON (and the schema) counts them."""
    raw = {**raw, "tier": _whole(raw["tier"])} if "tier" in raw else dict(raw)
    if isinstance(raw.get("ratings"), dict):
        raw["ratings"] = {k: {**v, "level": _whole(v["level"])} if isinstance(v, dict) and "level" in v else v
                          for k, v in raw["ratings"].items()}
    return raw


def parse_assessment(
    raw: Any, path: Union[str, Path], fw: Optional[Framework] = None, today: Optional[date] = None,
    renamed: Optional[dict[str, str]] = None,
) -> Assessment:
    """Check and upgrade already-parsed JSON; raise InputError naming file, item and field."""
    fw = fw or load_framework()
    if not isinstance(raw, dict):
        raise InputError(path, None, "must hold a JSON object (the self-assessment)")
    if raw.get("format") != FORMAT:
        found = "missing" if "format" not in raw else f"{raw['format']!r}"
        raise InputError(path, "field format", f"is {found}; this is not a hwc-selfcheck self-assessment")
    version = _whole(raw.get("schema_version"))
    if "schema_version" not in raw:
        raise InputError(path, "field schema_version", "is missing; every self-assessment file says its version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(path, "field schema_version", f"{raw['schema_version']!r} is not a schema version this tool knows")
    if version > SCHEMA_VERSION:
        raise InputError(
            path,
            "field schema_version",
            f"is {version}, made by a newer hwc-selfcheck; this one reads up to {SCHEMA_VERSION}. Please update.",
        )
    raw = {**raw, "schema_version": version}
    while version < SCHEMA_VERSION:
        raw = UPGRADES[version](raw)
        version = raw["schema_version"]
    try:
        record = Assessment.model_validate(_whole_numbers(raw))
    except ValidationError as exc:
        raise located_validation_error(exc, path, None) from None
    return _check_date_and_items(record, path, fw, today, renamed)


def _check_date_and_items(
    record: Assessment, path: Union[str, Path], fw: Framework, today: Optional[date],
    renamed: Optional[dict[str, str]] = None,
) -> Assessment:
    """The checks the schema cannot make: no date in the future, every item in the framework (or renamed)."""
    refuse_future(path, "date", record.date, today)
    renamed = RENAMED_ITEMS if renamed is None else renamed
    moved = {}
    for item_id in record.ratings:
        if item_id in renamed:
            new_id = renamed[item_id]
            if new_id in record.ratings:
                raise InputError(path, f"item {item_id}", f"is the old ID of {new_id}, which the file also rates; "
                                                          "keep one of the two")
            moved[item_id] = new_id
        elif fw.get(item_id) is None:
            near = fw.suggest(item_id)
            hint = f"; did you mean {join_words(near, 'or')}?" if near else ""
            raise InputError(path, f"item {item_id}", f"is not an item of the framework{hint}")
    if moved:
        ratings = {moved.get(k, k): v for k, v in record.ratings.items()}
        record = record.model_copy(update={"ratings": ratings})
    return record


def read_assessment(
    path: Union[str, Path], fw: Optional[Framework] = None, today: Optional[date] = None,
    renamed: Optional[dict[str, str]] = None,
) -> Assessment:
    """Read a self-assessment file (``renamed``: old item ID -> new, by default :data:`RENAMED_ITEMS`)."""
    path = Path(path)
    text = read_text_file(path)
    try:
        # Fast path for a current file: pydantic parses and checks the JSON in one step (about twice
        # as fast, which counts when a team's folder holds thousands). Any failure, including an
        # older version that needs upgrading, or a file that leaves out its format, takes the full path
        # below for its exact message.
        record = Assessment.model_validate_json(text)
    except ValidationError:
        pass
    else:
        if REQUIRED_IN_FILES <= record.model_fields_set:  # given in the file, not filled in by default
            return _check_date_and_items(record, path, fw or load_framework(), today, renamed)
    return parse_assessment(parse_json(path, text), path, fw, today, renamed)


def assessment_as_json(record: Assessment, fw: Optional[Framework] = None) -> str:
    """Serialise with ratings in framework order, so saved files diff cleanly."""
    fw = fw or load_framework()
    order = {item.id: n for n, item in enumerate(fw.items)}
    data = record.model_dump(mode="json")
    data["ratings"] = dict(sorted(data["ratings"].items(), key=lambda kv: order.get(kv[0], len(order))))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_assessment(path: Union[str, Path], record: Assessment, fw: Optional[Framework] = None) -> Path:
    """Save atomically: the old file stays whole until the new one is complete."""
    return atomic_write_text(path, assessment_as_json(record, fw))
