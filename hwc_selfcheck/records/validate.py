"""Recognise any record file this project defines and validate it.

Each record kind has a reader; ``validate_record`` picks it from the file's
extension (CSV logs) or its ``format`` field (JSON records), so
``hwc-selfcheck validate`` checks every format through one command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Union

from hwc_selfcheck.assessment.record import FORMAT as ASSESSMENT_FORMAT
from hwc_selfcheck.assessment.record import read_assessment
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.files import read_text_file
from hwc_selfcheck.core.wording import plural


def validate_record(path: Union[str, Path]) -> str:
    """Validate a record file; return a one-line description, or raise InputError."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        from hwc_selfcheck.core.csv_records import sniff_format
        from hwc_selfcheck.practice.record_files import CSV_READERS, validate_csv_record
        from hwc_selfcheck.providers.course import COURSE, read_course

        if sniff_format(path, [COURSE, *CSV_READERS]) is COURSE:
            return f"{path} is a valid course plan with {plural(len(read_course(path).sessions), 'session')}."
        return validate_csv_record(path)
    if path.suffix.lower() != ".json":
        raise InputError(path, None, "is not a record this tool knows (expected a .json or .csv record)")
    text = read_text_file(path)  # missing, too big, not UTF-8 or empty: the same complaint for every format
    try:
        kind = json.loads(text).get("format")
    except (ValueError, AttributeError, RecursionError):
        kind = ASSESSMENT_FORMAT  # let the reader give the precise complaint
    if kind == ASSESSMENT_FORMAT:
        record = read_assessment(path)
        return (
            f"{path} is a valid self-assessment (schema version {record.schema_version}) "
            f"for {record.pseudonym!r}, Tier {record.tier}, {plural(len(record.ratings), 'item')} rated."
        )
    from hwc_selfcheck.practice.record_files import JSON_FORMATS, validate_json_record
    from hwc_selfcheck.records.portfolio_file import FORMAT as PORTFOLIO_FORMAT
    from hwc_selfcheck.records.portfolio_file import read_portfolio_file

    if kind == PORTFOLIO_FORMAT:
        held = read_portfolio_file(path)
        rated = f"{plural(len(held.assessment.ratings), 'item')} rated" if held.assessment else "no self-assessment yet"
        return (
            f"{path} is a valid portfolio for {held.pseudonym!r}: {rated}, "
            f"{plural(len(held.hours), 'hours entry', 'hours entries')}, "
            f"{plural(len(held.supervision), 'supervision session')}, {plural(len(held.training), 'course')}, "
            f"{plural(len(held.approvals), 'approval')} and {plural(len(held.evidence), 'piece')} of evidence."
        )

    from hwc_selfcheck.records.review_file import FORMAT as REVIEW_FORMAT

    if kind == REVIEW_FORMAT:
        from hwc_selfcheck.records.review_file import read_review

        review = read_review(path)
        return (f"{path} is a valid review by {review.reviewer!r} of {review.coach!r}'s record, "
                f"{review.date.isoformat()}: {plural(len(review.items), 'item')} looked at and "
                f"{plural(len(review.approvals), 'approval')}.")
    if kind in JSON_FORMATS:
        return validate_json_record(path, kind)
    raise InputError(path, "field format", f"{kind!r} is not a record format this tool knows")


def _model_schema(model: Any, title: str) -> Callable[[], dict[str, Any]]:
    """A JSON Schema maker for a record model that has no hand-tuned schema of its own."""
    return lambda: {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(), "title": title}


def record_schemas() -> dict[str, tuple[str, Callable[[], dict[str, Any]]]]:
    """Every record format with a JSON Schema: name -> (what its files are, schema maker).

    The book publishes each one as ``data/schemas/NAME.schema.json``; add a
    format here and it is published and listed on the "Data and downloads" page.
    """
    from hwc_selfcheck.assessment.record import json_schema as assessment_schema
    from hwc_selfcheck.practice.checklists import ChecklistTicks
    from hwc_selfcheck.practice.supervisor_standards import SupervisorRecord
    from hwc_selfcheck.providers.course import json_schema as course_schema
    from hwc_selfcheck.records.portfolio_file import json_schema as portfolio_schema
    from hwc_selfcheck.records.review_file import json_schema as review_schema

    return {
        "assessment": ("A coach's self-assessment (JSON), as the notebooks save it.", assessment_schema),
        "course": ("One row (session) of a course plan (CSV) for the course map.", course_schema),
        "supervisor": ("A health coaching supervisor's record (JSON), checked against the minimum standards.",
                       _model_schema(SupervisorRecord, "hwc-selfcheck supervisor record")),
        "portfolio": ("A coach's whole portfolio (JSON), as the site's My portfolio saves it.", portfolio_schema),
        "review": ("A health coaching supervisor's review of a coach's portfolio (JSON), as the site's page for "
                   "supervisors saves it.", review_schema),
        "checklists": ("A person's ticks against the induction and employer-readiness checklists (JSON).",
                       _model_schema(ChecklistTicks, "hwc-selfcheck checklist ticks")),
    }
