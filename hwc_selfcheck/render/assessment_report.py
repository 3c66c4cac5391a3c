"""A printable self-assessment report to take into a supervision conversation.

One data structure (:class:`Report`) feeds two Jinja2 templates
(``templates/assessment.html``, in the frame every report shares, and
``templates/assessment.md``): a self-contained HTML page that prints cleanly
on A4 and loads nothing from anywhere else, and Markdown. Both escape what a person wrote. Areas are named
as the book names them (the general capabilities as "General capabilities").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Optional

from hwc_selfcheck import __version__
from hwc_selfcheck.assessment.analysis import (
    AreaSummary,
    Comparison,
    PlanStep,
    coming_next,
    compare,
    development_plan,
    not_yet_rated,
    summarise,
)
from hwc_selfcheck.assessment.record import Assessment
from hwc_selfcheck.framework.item_groups import group_title
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import Item
from hwc_selfcheck.framework.scales import Scales, load_scales
from hwc_selfcheck.render.charts import Chart, area_profile, progress
from hwc_selfcheck.render.page import frame
from hwc_selfcheck.render.templates import render
from hwc_selfcheck.render.templates import render_markdown as render_markdown_template

if TYPE_CHECKING:
    from hwc_selfcheck.practice.portfolio import ItemCoverage
    from hwc_selfcheck.render.review_sections import ReviewPart

PRIVACY = "Made on your own device by hwc-selfcheck. Nothing was sent anywhere."


@dataclass
class Report:
    record: Assessment
    scales: Scales
    summary: list[AreaSummary]
    plan: list[PlanStep]
    unrated: list[Item]
    next_tier: list[Item]
    comparison: Optional[Comparison]
    charts: list[Chart]
    areas: dict[str, str] = field(default_factory=dict)  # item ID -> the title of its area, as the book shows it
    titles: dict[str, str] = field(default_factory=dict)  # item ID -> item title, for the notes
    review: Optional["ReviewPart"] = None  # a supervisor's review, shown beside the coach's ratings


def build_report(
    fw: Framework, record: Assessment, previous: Optional[Assessment] = None, charts: bool = True,
    coverage: Optional[Mapping[str, "ItemCoverage"]] = None,
) -> Report:
    """The report's content; with ``coverage`` (a portfolio's), the plan also shows the evidence already held."""
    comparison = compare(fw, previous, record) if previous else None
    drawn: list[Chart] = []
    if charts:
        drawn.append(area_profile(fw, record))
        if comparison:
            drawn.append(progress(fw, [comparison.earlier, comparison.later]))
    unrated, next_tier = not_yet_rated(fw, record), coming_next(fw, record)
    return Report(
        record=record,
        scales=load_scales(),
        summary=[s for s in summarise(fw, record) if s.expected],
        plan=development_plan(fw, record, coverage=coverage),
        unrated=unrated,
        next_tier=next_tier,
        comparison=comparison,
        charts=drawn,
        areas={i.id: group_title(fw, i) for i in [*unrated, *next_tier]},
        titles={i.id: i.title for i in fw.items},
    )


def _level(report: Report, level: Optional[int]) -> str:
    return "not rated" if level is None else f"{level} {report.scales.rating.label(level)}"


def _mean(value: Optional[float]) -> str:
    return "—" if value is None else f"{value:.1f}"


def _change_rows(report: Report) -> list[list[str]]:
    assert report.comparison
    rows = []
    for c in report.comparison.changes:
        if c.delta == 0:
            continue
        word = "new" if c.before is None else "no longer rated" if c.after is None else ("up" if c.delta > 0 else "down")
        rows.append([c.item.id, c.item.title, _level(report, c.before), _level(report, c.after), word])
    return rows


@dataclass(frozen=True)
class Section:
    """One part of the report: a heading, a sentence, a table (header and rows) and, perhaps, a chart."""

    anchor: str
    heading: str
    intro: str
    header: list[str]
    rows: list[list[str]]
    chart: Optional[Chart] = None


@dataclass(frozen=True)
class Note:
    item: str  # "PC-01 Contracting"
    note: str
    next_step: str


def _sections(report: Report) -> list[Section]:
    """Every table in the report, shared by both formats."""
    r = report.record
    target = report.scales.rating
    with_portfolio = any(p.in_portfolio is not None for p in report.plan)
    out = [
        Section(
            "where-you-stand",
            "Where you stand",
            f"Items your tier expects, rated on a scale of 0 to {target.top}. The target is {target.target} "
            f"({target.label(target.target)}).",
            ["Area", "Items expected", "Rated", f"At {target.target} or above", "Average"],
            [[s.title, str(s.expected), str(s.rated), str(s.at_target), _mean(s.mean_level)] for s in report.summary],
            report.charts[0] if report.charts else None,
        ),
        Section(
            "development-plan",
            "Development plan",
            "Your gaps, most pressing first: lowest rating, then essential before desirable, then least evidence. "
            "Each shows how the framework says it is gained and what evidence it expects.",
            ["#", "Item", "Rating", "Evidence now", "How it is gained", "Evidence expected", "Next step"]
            + (["In your portfolio", "Still to collect"] if with_portfolio else []),
            [
                [
                    str(p.gap.rank),
                    f"{p.gap.item.id} {p.gap.item.title}",
                    _level(report, p.gap.rating.level),
                    report.scales.evidence_label(p.gap.rating.evidence),
                    "; ".join(p.routes) or "—",
                    "; ".join(p.evidence_expected),
                    p.next_step,
                ]
                + (["; ".join(p.in_portfolio or []) or "—", "; ".join(p.to_collect or []) or "—"]
                   if with_portfolio else [])
                for p in report.plan
            ],
        ),
    ]
    if report.unrated:
        out.append(Section("not-rated-yet", "Not rated yet", "Items your tier expects that you have not rated.",
                           ["Item", "Area"], [[f"{i.id} {i.title}", report.areas[i.id]] for i in report.unrated]))
    if report.next_tier:
        out.append(Section(
            "coming-next",
            f"Coming next at Tier {r.tier + 1}",
            "Not expected of you yet, and not counted as gaps: what the next tier brings.",
            ["Item", "Area", "Essential or desirable"],
            [[f"{i.id} {i.title}", report.areas[i.id], "essential" if i.essential else "desirable"]
             for i in report.next_tier],
        ))
    if report.comparison:
        c = report.comparison
        out.append(Section(
            "changes",
            f"Changes since {c.earlier.date.isoformat()}",
            f"{c.count('improved')} up, {c.count('declined')} down, {c.count('unchanged')} the same, "
            f"{c.count('newly_rated')} newly rated.",
            ["ID", "Item", "Before", "Now", "Change"],
            _change_rows(report),
            report.charts[1] if len(report.charts) > 1 else None,
        ))
    if report.review:
        from hwc_selfcheck.render.review_sections import review_tables

        out += [Section(*parts) for parts in review_tables(report.review, report.scales)]
    return out


def _notes(report: Report) -> list[Note]:
    return [Note(f"{item_id} {report.titles.get(item_id, '')}".strip(), rating.note, rating.next_step)
            for item_id, rating in report.record.ratings.items() if rating.note or rating.next_step]


def render_markdown(report: Report) -> str:
    """The report as Markdown; everything a person wrote is escaped, so it shows as written."""
    return render_markdown_template("assessment.md", record=report.record, sections=_sections(report),
                                    charts=report.charts, notes=_notes(report), privacy=PRIVACY, version=__version__)


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page that prints on A4."""
    r = report.record
    page = frame(f"Self-assessment: {r.pseudonym}, {r.date.isoformat()}",
                 f"Date: {r.date.isoformat()} · Current tier: {r.tier}", f"{PRIVACY} (hwc-selfcheck {__version__})",
                 heading=f"Self-assessment: {r.pseudonym}")
    return render("assessment.html", **page, sections=_sections(report), notes=_notes(report))
