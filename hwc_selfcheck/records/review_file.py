"""A health coaching supervisor's review of a coach's portfolio file, kept as a file of its own.

No accounts and no server: the coach saves their portfolio file and gives it
to their supervisor; the supervisor opens it on the site's page for
supervisors, gives their view beside the coach's and saves a review file;
the coach opens that on their own device. The package reads the same file
(``validate``, ``report --review``, ``tier --review``). The framework puts the
health coaching supervisor at the centre of assessing a coach's portfolio
(section 9); the portfolio stays a supportive toolkit, not a formal
assessment (section 9.2).

The file::

    {"format": "hwc-selfcheck/review", "schema_version": 1,
     "reviewer": "Alex Morgan", "date": "2026-04-20",
     "coach": "Sam (example)", "fingerprint": "<64 hex digits>",
     "comment": "",
     "items": {"PC-01": {"coach_level": 2, "level": 3, "comment": "", "evidence_confirmed": true,
                         "seen": "<64 hex digits>"}},
     "approvals": [{"tier": 2, "date": "2026-04-20", "name": "Alex Morgan", "own_tier": 3,
                    "independent": true, "evidence": [1, 2], "note": ""}]}

``fingerprint`` is that of the coach's record reviewed
(:func:`hwc_selfcheck.records.portfolio_file.record_fingerprint`); ``seen``
that of one item's rating (:func:`hwc_selfcheck.assessment.review_views.rating_fingerprint`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, Optional, Union

from pydantic import ConfigDict, Field, ValidationError, field_validator

from hwc_selfcheck.assessment.record import ITEM_ID_PATTERN, NOTE_MAX, PSEUDONYM_MAX, PSEUDONYM_PATTERN, Assessment
from hwc_selfcheck.assessment.review_views import ItemView
from hwc_selfcheck.core.errors import InputError, located_validation_error, refuse_future
from hwc_selfcheck.core.files import read_text_file
from hwc_selfcheck.core.fingerprint import FINGERPRINT_PATTERN, whole_numbers
from hwc_selfcheck.core.json_records import parse_json
from hwc_selfcheck.core.json_types import DATE_PATTERN, JsonDate, StrictText
from hwc_selfcheck.core.wording import join_words, plural
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import Strict as StrictModel
from hwc_selfcheck.practice.review_approvals import ApprovalView

FORMAT = "hwc-selfcheck/review"
SCHEMA_VERSION = 1
_ITEM_ID, _VISIBLE = re.compile(ITEM_ID_PATTERN[1:-1]), re.compile(PSEUDONYM_PATTERN)


class Review(StrictModel):
    """A review file as written."""

    model_config = ConfigDict(str_strip_whitespace=False)

    format: Literal["hwc-selfcheck/review"]
    schema_version: Literal[1]
    reviewer: StrictText = Field(min_length=1, max_length=PSEUDONYM_MAX, description="The supervisor's name.")
    date: JsonDate
    coach: StrictText = Field(min_length=1, max_length=PSEUDONYM_MAX,
                              description="The pseudonym of the coach whose record was reviewed.")
    fingerprint: StrictText = Field(pattern=FINGERPRINT_PATTERN,
                                    description="Fingerprint of the coach's record as reviewed.")
    comment: StrictText = Field(default="", max_length=NOTE_MAX)
    items: dict[str, ItemView] = Field(default_factory=dict)
    approvals: list[ApprovalView] = Field(default_factory=list)

    @field_validator("reviewer", "coach")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not _VISIBLE.search(value):
            raise ValueError("must not be blank")
        return value

    @field_validator("items")
    @classmethod
    def _id_shape(cls, value: dict[str, ItemView]) -> dict[str, ItemView]:
        for key in value:
            if not _ITEM_ID.fullmatch(key):
                raise ValueError(f"{key!r} is not an item ID like PC-01")
        return value


def json_schema() -> dict[str, Any]:
    """The published JSON Schema (``hwc-selfcheck schema review``)."""
    schema = Review.model_json_schema()
    props = schema["properties"]
    props["date"]["pattern"] = DATE_PATTERN
    for name in ("reviewer", "coach"):
        props[name]["pattern"] = PSEUDONYM_PATTERN
    props["items"]["propertyNames"] = {"pattern": ITEM_ID_PATTERN, "maxLength": 5}
    schema["$defs"]["ApprovalView"]["properties"]["date"]["pattern"] = DATE_PATTERN
    schema["$defs"]["ApprovalView"]["properties"]["evidence"]["items"]["minimum"] = 1
    schema["$defs"]["ApprovalView"]["properties"]["evidence"]["uniqueItems"] = True
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": (
            "Also checked by hwc-selfcheck and its site: at most 5 MB of UTF-8; every item ID is an item of the "
            "framework; no date after today, and no approval dated after the review; a whole number may be "
            "written 2.0. The fingerprints are SHA-256 of the canonical form README describes."
        ),
        **schema,
        "title": f"hwc-selfcheck review (schema version {SCHEMA_VERSION})",
    }


def parse_review(raw: Any, path: Union[str, Path], fw: Optional[Framework] = None,
                 today: Optional[date] = None) -> Review:
    """Check already-parsed JSON as a review file; raise InputError naming the file and field."""
    path = Path(path)
    fw = fw or load_framework()
    if not isinstance(raw, dict):
        raise InputError(path, None, "must hold a JSON object (a review)")
    if raw.get("format") != FORMAT:
        found = "missing" if "format" not in raw else repr(raw["format"])
        raise InputError(path, "field format", f"is {found}; this is not a hwc-selfcheck review")
    version = raw.get("schema_version")
    if isinstance(version, (int, float)) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise InputError(path, "field schema_version",
                         f"is {version:g}, made by a newer hwc-selfcheck; this one reads up to {SCHEMA_VERSION}. "
                         "Please update.")
    try:
        review = Review.model_validate(whole_numbers(raw))
    except ValidationError as exc:
        raise located_validation_error(exc, path, None) from None
    except ValueError as exc:  # a number with a fraction where a whole number goes
        raise InputError(path, None, str(exc)) from None
    refuse_future(path, "date", review.date, today)
    for item_id in review.items:
        if fw.get(item_id) is None:
            near = fw.suggest(item_id)
            hint = f"; did you mean {join_words(near, 'or')}?" if near else ""
            raise InputError(path, f"item {item_id}", f"is not an item of the framework{hint}")
    for number, approval in enumerate(review.approvals, start=1):
        if approval.date > review.date:
            raise InputError(path, f"approvals, entry {number}, field date",
                             f"{approval.date.isoformat()} is after the review's date, {review.date.isoformat()}")
    return review


def read_review(path: Union[str, Path], fw: Optional[Framework] = None, today: Optional[date] = None) -> Review:
    """Read a review file (JSON) as saved by the site's page for supervisors."""
    path = Path(path)
    return parse_review(parse_json(path, read_text_file(path)), path, fw, today)


def review_as_json(review: Review) -> str:
    """The review as a file: fields in a fixed order, text as typed."""
    return json.dumps(review.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


SAME, CHANGED, DIFFERENT = "same", "changed", "different"


@dataclass(frozen=True)
class ReviewMatch:
    """Whether a review is of this record: the same, changed since, or a different record."""

    state: str
    text: str


def match_review(review: Review, record_fingerprint: Optional[str], pseudonym: str,
                 assessment: Optional[Assessment]) -> ReviewMatch:
    """The review against the coach's record now, said plainly.

    A review names the record by its fingerprint and the coach's pseudonym:
    the same fingerprint is the same record; another fingerprint under the
    same pseudonym is the record changed since; another pseudonym as well is a
    different record (or one renamed since). A self-assessment file on its own
    (``record_fingerprint`` None) is matched by its pseudonym and its items.
    """
    from hwc_selfcheck.assessment.review_views import rating_fingerprint

    when = review.date.isoformat()
    by = f"the review by {review.reviewer} ({when})"
    if record_fingerprint is not None and review.fingerprint == record_fingerprint:
        return ReviewMatch(SAME, f"This record is the one {by} looked at, unchanged since.")
    if review.coach != pseudonym:
        return ReviewMatch(DIFFERENT, f"This is not the record {by} looked at: that was {review.coach!r}'s record, "
                                      f"this is {pseudonym!r}'s. Check you have the right files.")
    ratings = assessment.ratings if assessment else {}
    changed = [i for i, v in review.items.items() if i not in ratings or rating_fingerprint(i, ratings[i]) != v.seen]
    if changed:
        return ReviewMatch(CHANGED, f"This record has changed since {by}: {plural(len(changed), 'item')} it "
                                    f"looked at changed since ({', '.join(changed)}).")
    if record_fingerprint is None:
        return ReviewMatch(SAME, f"No item {by} looked at has changed since.")
    return ReviewMatch(CHANGED, f"This record has changed since {by}, but no item it looked at has changed.")
