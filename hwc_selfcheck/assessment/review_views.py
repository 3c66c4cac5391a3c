"""A supervisor's view of each item beside the coach's own rating, and what to talk about in supervision.

The framework asks supervisors to give feedback on the portfolio of evidence
regularly (section 9), with the competency framework as a tool for the
supervision conversation; the portfolio is a supportive toolkit for reflective
practice, not a formal assessment (section 9.2). So a difference between the
two views is something to talk about, never a mark: these rules only put the
two side by side and order the differences, largest first.

One item's view, as a review file holds it (``records/review_file.py``)::

    "PC-01": {"coach_level": 2, "level": 3, "comment": "...", "evidence_confirmed": true, "seen": "<64 hex>"}

``coach_level`` is the coach's rating the supervisor saw; ``level`` is the
supervisor's own (the same number when they agree; null when they give no
view of the level, only a comment); ``seen`` is the fingerprint of the coach's
rating of that item as reviewed, so a later change to it is found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from pydantic import ConfigDict, Field

from hwc_selfcheck.assessment.record import NOTE_MAX, Assessment, Rating
from hwc_selfcheck.core.fingerprint import FINGERPRINT_PATTERN, fingerprint
from hwc_selfcheck.core.json_types import StrictBool, StrictText, WholeNumber
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import Item
from hwc_selfcheck.framework.models import Strict as StrictModel

AGREE, HIGHER, LOWER, NO_VIEW = "agree", "supervisor higher", "supervisor lower", "no view of the level"


class ItemView(StrictModel):
    """A supervisor's view of one item the coach rated."""

    model_config = ConfigDict(str_strip_whitespace=False)

    coach_level: WholeNumber = Field(ge=0, le=4, description="The coach's level as the supervisor saw it.")
    level: Optional[WholeNumber] = Field(ge=0, le=4, description="The supervisor's level: the coach's when they "
                                                                 "agree; null for a comment only.")
    comment: StrictText = Field(default="", max_length=NOTE_MAX)
    evidence_confirmed: StrictBool = Field(default=False, description="The evidence was confirmed in supervision.")
    seen: StrictText = Field(pattern=FINGERPRINT_PATTERN, description="Fingerprint of the coach's rating as reviewed.")


def rating_fingerprint(item_id: str, rating: Rating) -> str:
    """The fingerprint of one item's rating: its ID, level, evidence, note and next step."""
    return fingerprint({"id": item_id, "level": rating.level, "evidence": rating.evidence, "note": rating.note,
                        "next_step": rating.next_step})


@dataclass(frozen=True)
class ViewRow:
    """One item with both views: the coach's rating now, and the supervisor's."""

    item: Item
    coach_level: Optional[int]  # now; None when the coach no longer rates it
    supervisor_level: Optional[int]
    comment: str
    evidence_confirmed: bool
    changed: bool  # the coach's rating of it changed since the review

    @property
    def difference(self) -> Optional[int]:
        """The supervisor's level minus the coach's; None when either has no level."""
        if self.coach_level is None or self.supervisor_level is None:
            return None
        return self.supervisor_level - self.coach_level

    @property
    def state(self) -> str:
        d = self.difference
        return NO_VIEW if d is None else AGREE if d == 0 else HIGHER if d > 0 else LOWER


def view_rows(fw: Framework, record: Assessment, views: dict[str, ItemView]) -> list[ViewRow]:
    """Every item the review gives a view of, in framework order, beside the coach's rating now."""
    rows = []
    for item in fw.items:
        view = views.get(item.id)
        if view is None:
            continue
        rating = record.ratings.get(item.id)
        changed = rating is None or rating_fingerprint(item.id, rating) != view.seen
        rows.append(ViewRow(item, rating.level if rating else None, view.level, view.comment,
                            view.evidence_confirmed, changed))
    return rows


def talk_about(rows: list[ViewRow]) -> list[ViewRow]:
    """What to talk about in supervision: the largest differences first, then items with a comment only.

    Items where the views agree and the supervisor wrote nothing are left out.
    Ties keep the framework's order.
    """
    differ = [r for r in rows if r.difference]
    differ.sort(key=lambda r: -abs(r.difference or 0))
    return differ + [r for r in rows if not r.difference and r.comment.strip()]


def difference_words(row: ViewRow) -> str:
    """The difference in words, as the site says it too: 'supervisor 1 higher', 'the same'."""
    d = row.difference
    if d is None:
        return "no level given" if row.supervisor_level is None else "you no longer rate it"
    if d == 0:
        return "the same"
    return f"supervisor {abs(d)} {'higher' if d > 0 else 'lower'}"
