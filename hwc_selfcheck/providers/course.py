"""A training provider's course plan, read from a CSV file they keep in a spreadsheet.

One row is one session: its day, its name, the learning outcome, the framework
items it addresses and how it is delivered. Reading checks every row and
collects every problem before stopping, so a provider fixes the whole file in
one go instead of meeting its mistakes one at a time.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Optional, Union

from pydantic import Field, ValidationError

from hwc_selfcheck.core.csv_records import CsvFormat, Row, heading_key, read_rows
from hwc_selfcheck.core.errors import InputError, InputProblems, Problem, describe_pydantic_errors
from hwc_selfcheck.core.wording import join_words
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import Strict

COLUMNS = ("day", "session", "learning_outcome", "item_ids", "delivery_mode")
DeliveryMode = Literal["face_to_face", "online_live", "e_learning", "self_directed"]
DELIVERY_MODES: dict[str, str] = {
    "face_to_face": "Face to face",
    "online_live": "Live online",
    "e_learning": "E-learning",
    "self_directed": "Self-directed study",
}
COURSE = CsvFormat("course plan", COLUMNS, optional=(), meanings={
    "day": "the course day, counting from 1 (Day 2 is read as 2)",
    "session": "the session's name or number within the day",
    "learning_outcome": "what learners can do after the session",
    "item_ids": "the framework item IDs the session addresses, such as PC-01; CE-03, separated by ; or , "
                "(may be empty for a session, such as an introduction, that addresses no item)",
    "delivery_mode": f"how the session is delivered: {', '.join(DELIVERY_MODES)}",
})
_DAY = re.compile(r"^(?:day\s*)?(\d+)$", re.IGNORECASE)
_ID_SEPARATORS = re.compile(r"[;,]")


class CourseRow(Strict):
    """One session of a course, as one row of the course CSV (its published JSON Schema)."""

    day: int = Field(ge=1, description="The course day, counting from 1. 'Day 2' is read as 2.")
    session: str = Field(min_length=1, max_length=200, description="The session's name or number within the day.")
    learning_outcome: str = Field(min_length=1, max_length=2000, description="What learners can do after the session.")
    item_ids: list[str] = Field(
        default_factory=list,
        description="Framework item IDs the session addresses, such as PC-01; in the CSV separated by ';' or ','. "
        "May be empty for sessions, such as introductions, that address no item.",
    )
    delivery_mode: DeliveryMode = Field(description="How the session is delivered.")


@dataclass(frozen=True)
class Session:
    """A checked row: item IDs are the framework's own spelling, in the order the row gave them."""

    row: int  # as a spreadsheet shows it: the header is row 1
    day: int
    session: str
    learning_outcome: str
    item_ids: tuple[str, ...]
    delivery_mode: str

    @property
    def label(self) -> str:
        return f"Day {self.day}, {self.session}"


@dataclass(frozen=True)
class Course:
    name: str
    sessions: tuple[Session, ...]

    @property
    def days(self) -> list[int]:
        return sorted({s.day for s in self.sessions})


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of one course row (the CSV's columns, typed)."""
    schema = CourseRow.model_json_schema()
    schema["properties"]["item_ids"]["items"] = {"type": "string", "pattern": r"^[A-Z]{2}-\d{2}$"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "hwc-selfcheck course plan: one row (session) of the course CSV",
        "description": "A course CSV has a header row with the columns " + ", ".join(COLUMNS) + " and one row per session.",
    }


def _did_you_mean(text: str, choices: list[str]) -> str:
    near = difflib.get_close_matches(heading_key(text), choices, n=1, cutoff=0.6)
    return f"; did you mean {near[0]}?" if near else ""


def _item_ids(cell: str, fw: Framework) -> tuple[list[str], list[str]]:
    """The cell's IDs in the framework's spelling (pc1 is PC-01), each once; a problem for each unknown one."""
    ids: list[str] = []
    problems: list[str] = []
    for raw in (part.strip() for part in _ID_SEPARATORS.split(cell)):
        if not raw:
            continue
        item = fw.get(raw)
        if item is None:
            near = fw.suggest(raw)
            hint = f"; did you mean {join_words(near, 'or')}?" if near else ""
            problems.append(f"{raw!r} is not an item of the framework{hint}")
        elif item.id not in ids:
            ids.append(item.id)
    return ids, problems


def _check_row(row: Row, fw: Framework) -> tuple[Optional[Session], list[Problem]]:
    """Check one session, collecting every problem in it (not only the first)."""
    cells = {c: row.text(c) for c in COLUMNS}
    data: dict[str, Any] = dict(cells)
    explained: dict[str, str] = {}
    day = _DAY.match(cells["day"])
    if day:
        data["day"] = int(day[1])
        if data["day"] < 1:
            explained["day"] = f"{cells['day']!r} is not a course day; days count from 1"
    elif cells["day"]:
        explained["day"] = f"{cells['day']!r} is not a day number such as 1 or 'Day 1'"
    data["delivery_mode"] = heading_key(cells["delivery_mode"])
    if cells["delivery_mode"] and data["delivery_mode"] not in DELIVERY_MODES:
        hint = _did_you_mean(cells["delivery_mode"], list(DELIVERY_MODES)) or f"; use one of: {', '.join(DELIVERY_MODES)}"
        explained["delivery_mode"] = f"{cells['delivery_mode']!r} is not a delivery mode{hint}"
    data["item_ids"], unknown_ids = _item_ids(cells["item_ids"], fw)
    try:
        checked = CourseRow.model_validate(data)
    except ValidationError as exc:
        for field, message in describe_pydantic_errors(exc):
            column = field.split(".")[0]
            if column not in explained:
                explained[column] = "is empty" if column in cells and not cells[column] else message
        checked = None
    found = list(explained.items()) + [("item_ids", message) for message in unknown_ids]
    problems: list[Problem] = [(row.where(c), m) for c, m in sorted(found, key=lambda cm: COLUMNS.index(cm[0]))]
    if checked is None or problems:
        return None, problems
    return Session(row.number, checked.day, checked.session, checked.learning_outcome, tuple(checked.item_ids),
                   checked.delivery_mode), []


def read_course(path: Union[str, Path], fw: Optional[Framework] = None) -> Course:
    """Read a course CSV; raise :class:`InputProblems` listing every problem in its rows.

    The header is checked first (by the shared CSV reader, which also numbers
    rows as a spreadsheet does); a problem there stops reading at once,
    because every row would then be misread.
    """
    fw = fw or load_framework()
    path = Path(path)
    sessions: list[Session] = []
    problems: list[Problem] = []
    try:
        for row in read_rows(path, COURSE):
            try:
                row.check_shape()
            except InputError as exc:
                problems.append((exc.where, exc.problem))
                continue
            session, found = _check_row(row, fw)
            problems += found
            if session:
                sessions.append(session)
    except InputError as exc:
        if not problems:
            raise
        problems.append((exc.where, exc.problem))  # the file cannot be read further: report what was found so far
    if problems:
        raise InputProblems(path, problems)
    if not sessions:
        raise InputError(path, "row 2", "the course has no sessions; add one row per session below the header")
    return Course(path.stem, tuple(sessions))
