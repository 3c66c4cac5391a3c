"""The course map as tables, a printable HTML report and a CSV a provider can sort and filter.

The tables are built once and shown three ways: in the notebook, in the
HTML report and (one row per item) in the CSV, so the three never disagree.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Optional, Union

from hwc_selfcheck import __version__
from hwc_selfcheck.core.files import atomic_write_text
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.providers.course import DELIVERY_MODES, Course
from hwc_selfcheck.providers.course_map import CourseMap, ItemCoverage, training_ways
from hwc_selfcheck.render.page import frame
from hwc_selfcheck.render.templates import render

PRIVACY = "Made on your own computer by hwc-selfcheck. Nothing was sent anywhere."
RANKING_RULE = (
    "Gaps are ranked by how much the framework relies on training for each item. We count the ways the framework "
    "names for gaining the item (for example face-to-face training, e-learning, practice with clients or supervision) "
    "and work out how many of them are training. Items gained only through training come first, then items where "
    "training is most of the ways named, then half, then fewer. Items with the same share keep the framework's order."
)
EXPECTED_RULE = (
    "A competency counts as expected through training when the framework expects it from Tier 1 and names at least "
    "one kind of training among the ways it is gained (appendix 2)."
)
EMPLOYER_RULE = (
    "The general capabilities, such as safeguarding and health and safety, are not counted as gaps. The framework "
    "says the employer or the law usually sets them, and coaches gain them through the employer's mandatory "
    "training (appendix 2, section 1), not through a coaching course."
)
OUTSIDE_RULE = (
    "The framework says these items are gained in practice with clients, in supervision or through the coach's own "
    "study, not in training. A course can prepare for them but cannot give them; say so in your course materials, "
    "or move the claim to an item the course does give."
)
CSV_COLUMNS = [
    "id", "title", "min_tier", "status", "gap_rank", "training_share", "gained_through",
    "days", "sessions", "course_rows", "delivery_modes",
]


def _routes(fw: Framework, row: ItemCoverage) -> str:
    labels = "; ".join(fw.label("gained_through", t) for t in row.item.gained_through) or "Not stated"
    return f"{labels}. {row.item.gained_note}" if row.item.gained_note else labels


def _share(fw: Framework, row: ItemCoverage) -> str:
    training, ways = training_ways(fw, row.item)
    return f"{training} of {ways}" if training else "none"


def _where(row: ItemCoverage) -> str:
    return "; ".join(f"{s.label} (row {s.row})" for s in row.sessions)


def _status(cmap: CourseMap, row: ItemCoverage) -> str:
    """The matrix's status column, in words."""
    status = cmap.status(row)
    if status == "gap":
        return f"Gap, rank {next(g.rank for g in cmap.gaps if g.coverage is row)}"
    if status == "later_tier":
        return f"Covered (expected from Tier {row.item.min_tier})"
    if status == "employer_training":
        return "Employer's mandatory training (not counted)"
    return "Claimed, but gained outside training" if status == "outside_training" else "Covered"


def coverage_text(cmap: CourseMap) -> str:
    """The headline: how many of the competencies expected through training the course covers."""
    return (f"The course covers {cmap.covered_expected} of the {plural(len(cmap.expected), 'competency', 'competencies')} a Tier 1 coach is "
            "expected to gain through training.")


def sessions_table(course: Course, limit: Optional[int] = None) -> HtmlTable:
    """The course file as read: row number, day, session, outcome, items and delivery mode."""
    return HtmlTable(
        ["Row", "Day", "Session", "Learning outcome", "Items", "Delivery"],
        [[s.row, s.day, s.session, s.learning_outcome, ", ".join(s.item_ids) or "—", DELIVERY_MODES[s.delivery_mode]]
         for s in course.sessions[:limit]],
    )


def coverage_table(cmap: CourseMap) -> HtmlTable:
    rows: list[list[object]] = [[a.title, a.expected, a.covered, a.expected - a.covered] for a in cmap.areas]
    total = len(cmap.expected)
    rows.append(["All areas", total, cmap.covered_expected, total - cmap.covered_expected])
    return HtmlTable(["Area", "Expected through training", "Covered by the course", "Not covered"], rows)


def gaps_table(fw: Framework, cmap: CourseMap) -> HtmlTable:
    return HtmlTable(
        ["#", "Item", "How central training is", "Training among the ways named", "How the framework says it is gained"],
        [[g.rank, f"{g.coverage.item.id} {g.coverage.item.title}", g.band, _share(fw, g.coverage), _routes(fw, g.coverage)]
         for g in cmap.gaps],
    )


def outside_training_table(fw: Framework, cmap: CourseMap) -> HtmlTable:
    return HtmlTable(
        ["Item", "How the framework says it is gained", "Where the course claims it"],
        [[f"{r.item.id} {r.item.title}", _routes(fw, r), _where(r)] for r in cmap.outside_training],
    )


def employer_training_table(cmap: CourseMap) -> HtmlTable:
    """The general capabilities the course touches: useful, but the employer's mandatory training gives them."""
    return HtmlTable(
        ["Item", "Where the course touches it"],
        [[f"{r.item.id} {r.item.title}", _where(r)] for r in cmap.employer_touched],
    )


def employer_training_text(cmap: CourseMap) -> str:
    """One sentence: how many general capabilities the course touches, and that none of them counts."""
    touched, total = len(cmap.employer_touched), cmap.employer_total
    if not touched:
        return f"The course does not touch any of the {total} general capabilities, and it does not need to."
    return (f"The course touches {touched} of the {total} general capabilities. That is useful, but it does not "
            "replace the employer's mandatory training, and the others are not gaps.")


def later_tiers_table(cmap: CourseMap) -> HtmlTable:
    return HtmlTable(
        ["Item", "Expected from", "Where the course covers it"],
        [[f"{r.item.id} {r.item.title}", f"Tier {r.item.min_tier}", _where(r)] for r in cmap.later_tiers],
    )


def matrix_table(cmap: CourseMap) -> HtmlTable:
    """Items down the side, course days across; each cell names the sessions that day."""
    days = cmap.course.days
    return HtmlTable(
        ["Item", "Status", *(f"Day {d}" for d in days)],
        [
            [f"{r.item.id} {r.item.title}", _status(cmap, r),
             *("; ".join(s.session for s in r.on_day(d)) or "—" for d in days)]
            for r in cmap.rows
        ],
    )


def course_map_csv(fw: Framework, cmap: CourseMap) -> str:
    """One row per item in the map; the columns are CSV_COLUMNS, lists joined by '; '."""
    ranks = {g.coverage.item.id: g.rank for g in cmap.gaps}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in cmap.rows:
        writer.writerow([
            r.item.id, r.item.title, r.item.min_tier, cmap.status(r), ranks.get(r.item.id, ""), _share(fw, r),
            "; ".join(r.item.gained_through),
            "; ".join(str(d) for d in sorted({s.day for s in r.sessions})),
            "; ".join(s.label for s in r.sessions),
            "; ".join(str(s.row) for s in r.sessions),
            "; ".join(sorted({s.delivery_mode for s in r.sessions})),
        ])
    return buffer.getvalue()


def render_html(fw: Framework, cmap: CourseMap, csv_name: str) -> str:
    course = cmap.course
    minimum = fw.rules.minimum_training
    days = len(course.days)
    modes = sorted({s.delivery_mode for s in course.sessions}, key=list(DELIVERY_MODES).index)
    title = f"Course map: {course.name}"
    meta = (f"{plural(len(course.sessions), 'session')} over {plural(days, 'day')}, mapped against NHS England's "
            "framework for health and wellbeing coaches (B1570).")
    return render(
        "course-map.html", **frame(title, meta, f"{PRIVACY} (hwc-selfcheck {__version__})"),
        coverage=coverage_text(cmap), expected_rule=EXPECTED_RULE, coverage_table=coverage_table(cmap),
        minimum_course=minimum.course[0].lower() + minimum.course[1:], minimum_source=minimum.source_section,
        minimum_days=minimum.days, days=plural(days, "day"),
        modes=", ".join(DELIVERY_MODES[m].lower() for m in modes),
        ranking_rule=RANKING_RULE, gaps=gaps_table(fw, cmap), outside_rule=OUTSIDE_RULE,
        outside=outside_training_table(fw, cmap), employer_rule=EMPLOYER_RULE,
        employer_text=employer_training_text(cmap),
        employer=employer_training_table(cmap) if cmap.employer_touched else None,
        later=later_tiers_table(cmap) if cmap.later_tiers else None, matrix=matrix_table(cmap),
        without_items=cmap.without_items, csv_name=csv_name,
    )


def course_map_files(fw: Framework, cmap: CourseMap, out: Union[str, Path]) -> tuple[tuple[Path, str], tuple[Path, str]]:
    """The HTML report at ``out`` and the CSV beside it with the same name: (path, text) for each.

    The command checks both paths against its inputs before it writes either,
    so it needs to know the CSV's name before anything is saved.
    """
    out = Path(out)
    csv_path = out.with_suffix(".csv")
    return (out, render_html(fw, cmap, csv_path.name)), (csv_path, course_map_csv(fw, cmap))


def write_course_map(fw: Framework, cmap: CourseMap, out: Union[str, Path]) -> tuple[Path, Path]:
    """Write the HTML report and, beside it with the same name, the CSV; both atomically."""
    (html_path, html_text), (csv_path, csv_text) = course_map_files(fw, cmap, out)
    atomic_write_text(csv_path, csv_text)
    atomic_write_text(html_path, html_text)
    return html_path, csv_path
