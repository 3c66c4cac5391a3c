"""The self-assessment record: a coach's ratings, saved as JSON on their device.

Reading is strict and forgiving in the right places: an older schema version
is upgraded, a newer or unknown one is refused, and every other problem is an
:class:`InputError` naming the file, the item and the field. Writing is atomic.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Literal, Optional, Union

from pydantic import Field, ValidationError, field_validator

from hwc_selfcheck.core.errors import InputError, located_validation_error, refuse_future
from hwc_selfcheck.core.files import atomic_write_text, read_text_file
from hwc_selfcheck.core.json_records import parse_json
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import MAX_TIER, MIN_TIER, Strict
from hwc_selfcheck.framework.scales import EvidenceState

FORMAT = "hwc-selfcheck/assessment"
SCHEMA_VERSION = 2
NOTE_MAX = 2000


class Rating(Strict):
    """One item's self-rating, with the state of its evidence and the coach's own words."""

    level: int = Field(ge=0, le=4, description="0 Not yet ... 4 Can support others (see data/scales.yml).")
    evidence: EvidenceState = "none"
    note: str = Field(default="", max_length=NOTE_MAX)
    next_step: str = Field(default="", max_length=NOTE_MAX)


class Assessment(Strict):
    """A whole self-assessment. The pseudonym need not be, and should not have to be, a real name."""

    format: Literal["hwc-selfcheck/assessment"] = FORMAT
    schema_version: Literal[2] = SCHEMA_VERSION
    pseudonym: str = Field(min_length=1, max_length=80)
    date: date
    tier: int = Field(ge=MIN_TIER, le=MAX_TIER, description="The coach's current tier.")
    ratings: dict[str, Rating] = Field(default_factory=dict)

    @field_validator("ratings")
    @classmethod
    def _id_shape(cls, value: dict[str, Rating]) -> dict[str, Rating]:
        for key in value:
            if not (len(key) == 5 and key[:2].isupper() and key[2] == "-" and key[3:].isdigit()):
                raise ValueError(f"{key!r} is not an item ID like PC-01")
        return value


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of the current record format."""
    schema = Assessment.model_json_schema()
    schema["properties"]["ratings"]["propertyNames"] = {"pattern": r"^[A-Z]{2}-\d{2}$"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
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


def parse_assessment(
    raw: Any, path: Union[str, Path], fw: Optional[Framework] = None, today: Optional[date] = None
) -> Assessment:
    """Check and upgrade already-parsed JSON; raise InputError naming file, item and field."""
    fw = fw or load_framework()
    if not isinstance(raw, dict):
        raise InputError(path, None, "must hold a JSON object (the self-assessment)")
    if raw.get("format") != FORMAT:
        raise InputError(path, "field format", f"is {raw.get('format')!r}; this is not a hwc-selfcheck self-assessment")
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(path, "field schema_version", f"{version!r} is not a schema version this tool knows")
    if version > SCHEMA_VERSION:
        raise InputError(
            path,
            "field schema_version",
            f"is {version}, made by a newer hwc-selfcheck; this one reads up to {SCHEMA_VERSION}. Please update.",
        )
    while version < SCHEMA_VERSION:
        raw = UPGRADES[version](raw)
        version = raw["schema_version"]
    try:
        record = Assessment.model_validate(raw)
    except ValidationError as exc:
        raise located_validation_error(exc, path, None) from None
    return _check_date_and_items(record, path, fw, today)


def _check_date_and_items(record: Assessment, path: Union[str, Path], fw: Framework, today: Optional[date]) -> Assessment:
    """The checks the model cannot make alone: no date in the future, every item in the framework."""
    refuse_future(path, "date", record.date, today)
    for item_id in record.ratings:
        if fw.get(item_id) is None:
            near = fw.suggest(item_id)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise InputError(path, f"item {item_id}", f"is not an item of the framework{hint}")
    return record


def read_assessment(path: Union[str, Path], fw: Optional[Framework] = None, today: Optional[date] = None) -> Assessment:
    """Read a self-assessment file."""
    path = Path(path)
    text = read_text_file(path)
    try:
        # Fast path for a current file: pydantic parses and checks the JSON in one step (about twice
        # as fast, which counts when a team's folder holds thousands). Any failure, including an
        # older version that needs upgrading, takes the full path below for its exact message.
        record = Assessment.model_validate_json(text)
    except ValidationError:
        pass
    else:
        return _check_date_and_items(record, path, fw or load_framework(), today)
    return parse_assessment(parse_json(path, text), path, fw, today)


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
