"""A printable self-assessment report to take into a supervision conversation.

One data structure (:class:`Report`) feeds two renderers, Markdown and a
self-contained HTML page that prints cleanly on A4 and loads nothing from
anywhere else.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
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
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import Item
from hwc_selfcheck.framework.scales import Scales, load_scales
from hwc_selfcheck.render.charts import Chart, area_profile, progress
from hwc_selfcheck.render.page import document

if TYPE_CHECKING:
    from hwc_selfcheck.practice.portfolio import ItemCoverage

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
    return Report(
        record=record,
        scales=load_scales(),
        summary=[s for s in summarise(fw, record) if s.expected],
        plan=development_plan(fw, record, coverage=coverage),
        unrated=not_yet_rated(fw, record),
        next_tier=coming_next(fw, record),
        comparison=comparison,
        charts=drawn,
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


def _sections(report: Report) -> list[tuple[str, str, list[str], list[list[str]]]]:
    """(heading, intro, table header, rows) for every table in the report, shared by both formats."""
    r = report.record
    target = report.scales.rating
    with_portfolio = any(p.in_portfolio is not None for p in report.plan)
    out = [
        (
            "Where you stand",
            f"Items your tier expects, rated on a scale of 0 to {target.top}. The target is {target.target} "
            f"({target.label(target.target)}).",
            ["Area", "Items expected", "Rated", f"At {target.target} or above", "Average"],
            [[s.title, str(s.expected), str(s.rated), str(s.at_target), _mean(s.mean_level)] for s in report.summary],
        ),
        (
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
        out.append(
            ("Not rated yet", "Items your tier expects that you have not rated.", ["Item", "Area"],
             [[f"{i.id} {i.title}", i.area.replace("_", " ")] for i in report.unrated])
        )
    if report.next_tier:
        out.append(
            (
                f"Coming next at Tier {r.tier + 1}",
                "Not expected of you yet, and not counted as gaps: what the next tier brings.",
                ["Item", "Kind"],
                [[f"{i.id} {i.title}", "desirable" if not i.essential else "essential"] for i in report.next_tier],
            )
        )
    if report.comparison:
        c = report.comparison
        out.append(
            (
                f"Changes since {c.earlier.date.isoformat()}",
                f"{c.count('improved')} up, {c.count('declined')} down, {c.count('unchanged')} the same, "
                f"{c.count('newly_rated')} newly rated.",
                ["ID", "Item", "Before", "Now", "Change"],
                _change_rows(report),
            )
        )
    return out


def render_markdown(report: Report) -> str:
    r = report.record
    lines = [
        f"# Self-assessment: {r.pseudonym}",
        "",
        f"Date: {r.date.isoformat()} · Current tier: {r.tier} · Schema version {r.schema_version}",
        "",
    ]
    for heading, intro, header, rows in _sections(report):
        lines += [f"## {heading}", "", intro, ""]
        if rows:
            lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        else:
            lines += ["Nothing here."]
        lines.append("")
    for chart in report.charts:
        lines += [f"**{chart.caption}.** {chart.alt}", ""]
    lines += ["## Notes and next steps you wrote", ""]
    notes = [(i, x) for i, x in r.ratings.items() if x.note or x.next_step]
    lines += [f"- **{i}**: {x.note} {('Next step: ' + x.next_step) if x.next_step else ''}".rstrip() for i, x in notes] or ["None."]
    lines += ["", f"*{PRIVACY}* (hwc-selfcheck {__version__})", ""]
    return "\n".join(lines)


def render_html(report: Report) -> str:
    r = report.record
    e = html.escape
    parts: list[str] = []
    sections = _sections(report)
    for n, (heading, intro, header, rows) in enumerate(sections):
        parts += [f"<h2>{e(heading)}</h2>", f"<p>{e(intro)}</p>"]
        if rows:
            parts.append("<table><thead><tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in header) + "</tr></thead><tbody>")
            parts += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows]
            parts.append("</tbody></table>")
        else:
            parts.append("<p>Nothing here.</p>")
        if n == 0 and report.charts:
            parts.append(report.charts[0].html())
        if heading.startswith("Changes since") and len(report.charts) > 1:
            parts.append(report.charts[1].html())
    notes = [(i, x) for i, x in r.ratings.items() if x.note or x.next_step]
    parts.append("<h2>Notes and next steps you wrote</h2>")
    if notes:
        parts.append("<ul>" + "".join(
            f"<li><strong>{e(i)}</strong>: {e(x.note)}" + (f" <em>Next step:</em> {e(x.next_step)}" if x.next_step else "") + "</li>"
            for i, x in notes) + "</ul>")
    else:
        parts.append("<p>None.</p>")
    return document(
        f"Self-assessment: {r.pseudonym}, {r.date.isoformat()}", f"Self-assessment: {r.pseudonym}",
        f"Date: {r.date.isoformat()} · Current tier: {r.tier}", parts, f"{PRIVACY} (hwc-selfcheck {__version__})",
    )
