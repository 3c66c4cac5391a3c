"""A coach's whole portfolio in one file: self-assessment, hours, supervision, training, approvals, evidence.

The site's "My portfolio" saves this file, and the package reads it wherever
it reads the separate records (``validate``, ``report``, ``tier``,
``supervision``, ``portfolio``), so a coach who never opens a spreadsheet and
one who keeps CSV files are checked by the same rules.

Each list holds entries with the same fields as the columns of its CSV
record, and each value is the text a spreadsheet cell would hold ("yes",
"1.5", "2026-03-31"). So one reader per record checks both a CSV row and a
file's entry, and a problem is named the same way: "hours entry 3, field
date" instead of "row 4, column date". The rule across rows holds too: the
hours (or supervision minutes) of one day add up to at most a day.

The file::

    {"format": "hwc-selfcheck/portfolio", "schema_version": 1,
     "pseudonym": "Sam (example)", "date": "2026-03-31", "fte": "1",
     "assessment": {... a self-assessment record, or null ...},
     "hours": [{"date": "2026-03-02", "hours": "1.5", "setting": "GP practice",
                "nhs": "yes", "supervised": "yes", "note": ""}],
     "supervision": [...], "training": [...], "approvals": [...], "evidence": [...]}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Literal, Optional, TypeVar, Union

from pydantic import Field, ValidationError

from hwc_selfcheck.assessment.record import Assessment, parse_assessment
from hwc_selfcheck.core.csv_records import CsvFormat, Row, most_in_a_day
from hwc_selfcheck.core.errors import InputError, InputProblems, located_validation_error, refuse_future
from hwc_selfcheck.core.fingerprint import fingerprint
from hwc_selfcheck.core.files import read_text_file
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import Strict
from hwc_selfcheck.practice.portfolio import PORTFOLIO, PortfolioEntry, portfolio_entry
from hwc_selfcheck.practice.supervision import MINUTES_IN_A_DAY, SUPERVISION_LOG, Session, parse_fte, supervision_entry
from hwc_selfcheck.practice.tiers import (
    APPROVALS,
    HOURS_LOG,
    MAX_HOURS_PER_DAY,
    TRAINING_RECORD,
    Approval,
    HoursEntry,
    TrainingRecord,
    approval_entry,
    hours_entry,
    training_entry,
)

FORMAT = "hwc-selfcheck/portfolio"
SCHEMA_VERSION = 1
# The lists of a portfolio file and the CSV record whose columns each entry has.
LISTS: dict[str, CsvFormat] = {
    "hours": HOURS_LOG,
    "supervision": SUPERVISION_LOG,
    "training": TRAINING_RECORD,
    "approvals": APPROVALS,
    "evidence": PORTFOLIO,
}
Entry = dict[str, str]


class PortfolioRecord(Strict):
    """The file as written: every list entry is text, checked by its record's reader afterwards."""

    format: Literal["hwc-selfcheck/portfolio"] = FORMAT
    schema_version: Literal[1] = SCHEMA_VERSION
    pseudonym: str = Field(min_length=1, max_length=80)
    date: date
    fte: str = Field(default="1", description="Working pattern as a fraction of full time: 1, 0.8, 4/5 ...")
    assessment: Optional[dict[str, Any]] = Field(default=None, description="A self-assessment record.")
    hours: list[Entry] = Field(default_factory=list)
    supervision: list[Entry] = Field(default_factory=list)
    training: list[Entry] = Field(default_factory=list)
    approvals: list[Entry] = Field(default_factory=list)
    evidence: list[Entry] = Field(default_factory=list)


@dataclass(frozen=True)
class Portfolio:
    """A portfolio file, read and checked: the same records the separate files give."""

    path: Path
    pseudonym: str
    date: date
    fte: Fraction
    assessment: Optional[Assessment]
    hours: list[HoursEntry]
    supervision: list[Session]
    training: list[TrainingRecord]
    approvals: list[Approval]
    evidence: list[PortfolioEntry]
    fingerprint: str = ""  # of the record's canonical form (record_fingerprint), for a supervisor's review


T = TypeVar("T")

# The rules across rows of the hours and supervision logs hold for a file's lists as well, so a
# list kept on the site is one its own CSV export would never make the package refuse.
HOURS_IN_A_DAY = most_in_a_day(lambda e: e.hours, MAX_HOURS_PER_DAY, "hours", "hours entries")
MINUTES_OF_SUPERVISION_IN_A_DAY = most_in_a_day(lambda s: Decimal(s.minutes), Decimal(MINUTES_IN_A_DAY), "minutes",
                                                "supervision entries")


def _rows(path: Path, name: str, entries: list[Entry]) -> list[Row]:
    """Each entry as a row of its CSV record, after checking its fields are that record's columns."""
    fmt = LISTS[name]
    rows = []
    for number, cells in enumerate(entries, start=1):
        for column in cells:
            if column not in fmt.columns:
                raise InputError(path, f"{name} entry {number}, field {column}",
                                 f"is not a field of {name} entries; the fields are {', '.join(fmt.columns)}")
        for column in fmt.required:
            if column not in cells:
                raise InputError(path, f"{name} entry {number}, field {column}", "is missing")
        rows.append(Row(path, number, dict(cells), list_name=name))
    return rows


def _parse(path: Path, name: str, entries: list[Entry], parse: Callable[[Row], T]) -> list[T]:
    return [parse(row) for row in _rows(path, name, entries)]


def json_schema() -> dict[str, Any]:
    """The published JSON Schema: each list's entries have exactly its CSV record's columns, as text."""
    schema = PortfolioRecord.model_json_schema()
    for name, fmt in LISTS.items():
        schema["properties"][name]["items"] = {
            "type": "object",
            "properties": {column: {"type": "string"} for column in fmt.columns},
            "required": list(fmt.required),
            "additionalProperties": False,
        }
    schema["properties"]["assessment"] = {
        "anyOf": [{"$ref": "assessment.schema.json"}, {"type": "null"}],
        "default": None,
        "description": "A self-assessment record (see assessment.schema.json).",
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": f"hwc-selfcheck portfolio (schema version {SCHEMA_VERSION})",
    }


def record_fingerprint(record: PortfolioRecord, assessment: Optional[Assessment]) -> str:
    """The fingerprint a supervisor's review names the record by (``core/fingerprint.py`` gives the text form).

    What it covers: the pseudonym, the working pattern, the self-assessment's
    pseudonym, tier and every rating (level, evidence, note, next step), and
    every entry of every list with all its record's fields (an absent field is
    empty text), each value as the reader keeps it (spaces at the ends of text
    removed, except in a rating's note and next step, which are kept as typed).
    The dates the file and the self-assessment were saved are left out, so
    saving the same records again on another day is not a change.
    """
    value: dict[str, Any] = {
        "pseudonym": record.pseudonym,
        "fte": record.fte,
        "assessment": None if assessment is None else {
            "pseudonym": assessment.pseudonym,
            "tier": assessment.tier,
            "ratings": {item_id: {"level": r.level, "evidence": r.evidence, "note": r.note, "next_step": r.next_step}
                        for item_id, r in assessment.ratings.items()},
        },
    }
    for name, fmt in LISTS.items():
        value[name] = [{column: entry.get(column, "") for column in fmt.columns} for entry in getattr(record, name)]
    return fingerprint(value)


def parse_portfolio(raw: Any, path: Union[str, Path], fw: Optional[Framework] = None,
                    today: Optional[date] = None) -> Portfolio:
    """Check already-parsed JSON as a portfolio file; raise InputError naming the file, entry and field."""
    path = Path(path)
    fw = fw or load_framework()
    if not isinstance(raw, dict):
        raise InputError(path, None, "must hold a JSON object (a portfolio)")
    if raw.get("format") != FORMAT:
        raise InputError(path, "field format", f"is {raw.get('format')!r}; this is not a hwc-selfcheck portfolio")
    version = raw.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise InputError(path, "field schema_version",
                         f"is {version}, made by a newer hwc-selfcheck; this one reads up to {SCHEMA_VERSION}. "
                         "Please update.")
    try:
        record = PortfolioRecord.model_validate(raw)
    except ValidationError as exc:
        raise located_validation_error(exc, path, None) from None
    refuse_future(path, "date", record.date, today)
    try:
        fte = parse_fte(record.fte)
    except InputError as exc:
        raise InputError(path, "field fte", exc.problem) from None
    assessment = None
    if record.assessment is not None:
        try:
            assessment = parse_assessment(record.assessment, path, fw, today)
        except InputError as exc:
            raise InputError(path, f"assessment, {exc.where}" if exc.where else "assessment", exc.problem) from None
    hours = _parse(path, "hours", record.hours, lambda row: hours_entry(row, today))
    supervision = _parse(path, "supervision", record.supervision, lambda row: supervision_entry(row, today))
    too_long = HOURS_IN_A_DAY(hours) + MINUTES_OF_SUPERVISION_IN_A_DAY(supervision)
    if too_long:
        raise InputProblems(path, too_long)
    return Portfolio(
        path=path,
        pseudonym=record.pseudonym,
        date=record.date,
        fte=fte,
        assessment=assessment,
        hours=hours,
        supervision=supervision,
        training=_parse(path, "training", record.training, lambda row: training_entry(row, today)),
        approvals=_parse(path, "approvals", record.approvals, lambda row: approval_entry(row, today)),
        evidence=_parse(path, "evidence", record.evidence, lambda row: portfolio_entry(row, fw, today)),
        fingerprint=record_fingerprint(record, assessment),
    )


def read_portfolio_file(path: Union[str, Path], fw: Optional[Framework] = None,
                        today: Optional[date] = None) -> Portfolio:
    """Read a portfolio file (JSON) as saved by the site's "My portfolio"."""
    path = Path(path)
    text = read_text_file(path)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"line {exc.lineno} column {exc.colno}",
                         f"not valid JSON ({exc.msg}); is the file cut short?") from None
    return parse_portfolio(raw, path, fw, today)


def is_portfolio_file(path: Union[str, Path]) -> bool:
    """Whether a JSON file says it is a portfolio (its ``format``), for commands that take either kind."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        return False
    try:
        raw = json.loads(read_text_file(path))
    except (InputError, ValueError):
        return False
    return isinstance(raw, dict) and raw.get("format") == FORMAT


def assessment_and_evidence(path: Union[str, Path], fw: Optional[Framework] = None,
                            today: Optional[date] = None) -> tuple[Assessment, Optional[list[PortfolioEntry]]]:
    """A self-assessment from either kind of file, with the portfolio's evidence when it is a portfolio file.

    ``report`` takes either; from a portfolio file the plan also shows the evidence already held.
    """
    from hwc_selfcheck.assessment.record import read_assessment

    if not is_portfolio_file(path):
        return read_assessment(path, fw, today), None
    held = read_portfolio_file(path, fw, today)
    if held.assessment is None:
        raise InputError(path, "field assessment", "is empty; rate yourself on the site first, then save the file again")
    return held.assessment, held.evidence
