"""A supervisor's review in the self-assessment report: their column beside the coach's, and what to talk about.

``hwc-selfcheck report ASSESSMENT --review REVIEW.json`` adds three parts to
the report (both HTML and Markdown, through the same sections): every item
the supervisor gave a view of, both views side by side; the items to talk
about in supervision, largest differences first; and any approvals. The
wording keeps to the framework: the portfolio is a supportive toolkit, not a
formal assessment (section 9.2).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from hwc_selfcheck.assessment.record import Assessment
from hwc_selfcheck.assessment.review_views import ViewRow, difference_words, talk_about, view_rows
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.scales import Scales
from hwc_selfcheck.records.review_file import Review, ReviewMatch

SUPPORTIVE = ("The portfolio is a supportive toolkit for your reflective practice, not a formal assessment "
              "(section 9.2): a difference is something to talk about, not a mark.")
CHANGED_MARK = "changed since review"


@dataclass(frozen=True)
class ReviewPart:
    """What the report shows of one review."""

    review: Review
    match: ReviewMatch
    rows: list[ViewRow]
    talk: list[ViewRow]


def review_part(fw: Framework, record: Assessment, review: Review, match: ReviewMatch) -> ReviewPart:
    rows = view_rows(fw, record, review.items)
    return ReviewPart(review, match, rows, talk_about(rows))


def _level(scales: Scales, level: Optional[int]) -> str:
    return "—" if level is None else f"{level} {scales.rating.label(level)}"


def _difference(row: ViewRow) -> str:
    words = difference_words(row)
    return f"{words} ({CHANGED_MARK})" if row.changed else words


def review_tables(part: ReviewPart, scales: Scales) -> list[tuple[str, str, str, list[str], list[list[str]]]]:
    """(anchor, heading, intro, header, rows) of each part, for the report's sections."""
    r = part.review
    intro = f"{part.match.text} {SUPPORTIVE}"
    if r.comment.strip():
        intro += f" Their comment: {r.comment}"
    both = [[f"{x.item.id} {x.item.title}", _level(scales, x.coach_level), _level(scales, x.supervisor_level),
             _difference(x), "yes" if x.evidence_confirmed else "no", x.comment or "—"] for x in part.rows]
    talk = [[str(n), f"{x.item.id} {x.item.title}", _level(scales, x.coach_level),
             _level(scales, x.supervisor_level), _difference(x), x.comment or "—"]
            for n, x in enumerate(part.talk, start=1)]
    out = [
        ("supervisor-view", "Your supervisor's view", intro,
         ["Item", "Your rating", "Supervisor's view", "Difference", "Evidence confirmed in supervision", "Comment"],
         both),
        ("talk-about", "Talk about in supervision",
         "Where your views differ, the largest differences first, then items your supervisor commented on.",
         ["#", "Item", "Your rating", "Supervisor's view", "Difference", "Comment"], talk),
    ]
    if r.approvals:
        out.append(("approvals", "Approvals in this review",
                    "Each approval to move up a tier, as your supervisor recorded it (sections 8.2 and 8.2.1).",
                    ["Tier", "Date", "Approved by", "Their own tier", "Independent of your organisation",
                     "Evidence relied on (your evidence entries)"],
                    [[str(a.tier), a.date.isoformat(), a.name, str(a.own_tier), "yes" if a.independent else "no",
                      ", ".join(str(n) for n in a.evidence) or "—"] for a in r.approvals]))
    return out


def reviewed_part(fw: Framework, record_path: Path, record: Assessment, review_path: Path) -> ReviewPart:
    """Read a review and match it against the coach's record (a portfolio file or a self-assessment file)."""
    from hwc_selfcheck.records.portfolio_file import is_portfolio_file, read_portfolio_file
    from hwc_selfcheck.records.review_file import match_review, read_review

    review = read_review(review_path, fw)
    held = read_portfolio_file(record_path, fw) if is_portfolio_file(record_path) else None
    match = (match_review(review, held.fingerprint, held.pseudonym, record) if held
             else match_review(review, None, record.pseudonym, record))
    return review_part(fw, record, review, match)
