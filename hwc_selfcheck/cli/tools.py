"""Commands for the practice tools: tiers, supervision, supervisors, caseloads, portfolios, checklists.

Registered on the main ``hwc-selfcheck`` app when :mod:`hwc_selfcheck.cli`
imports this module. Like every command, they print one line naming the
file, row and column of any bad input and exit with status 2; they read and
check everything before writing anything, so an existing output file is never
touched when the input is wrong. Findings are not errors: a check that finds
something still exits 0.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from fractions import Fraction
from typing import TYPE_CHECKING, Callable, Optional, TypeVar

import typer

from hwc_selfcheck.cli.app import Output, app, fail, framework_or_exit, write_or_fail, write_outputs
from hwc_selfcheck.cli.record_help import (
    JSON_NOTE,
    checklist_names,
    csv_section,
    epilog,
    framework_list,
    json_section,
    portfolio_types,
    supervisor_evidence,
)
from hwc_selfcheck.core.csv_records import to_date
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.findings import cite, findings_text
from hwc_selfcheck.core.wording import join_words
from hwc_selfcheck.practice.caseload import SESSION_DIARY
from hwc_selfcheck.practice.portfolio import PORTFOLIO
from hwc_selfcheck.practice.supervision import SUPERVISION_LOG
from hwc_selfcheck.practice.tiers import APPROVALS, HOURS_LOG, TRAINING_RECORD
from hwc_selfcheck.render.charts import CHART_SUFFIXES

if TYPE_CHECKING:
    from hwc_selfcheck.framework.loader import Framework
    from hwc_selfcheck.practice.tiers import Approval
    from hwc_selfcheck.records.portfolio_file import Portfolio

T = TypeVar("T")


def _run(action: Callable[[], T]) -> T:
    """Run ``action``; turn an InputError into the one-line message and exit status 2."""
    try:
        return action()
    except InputError as exc:
        raise fail(str(exc)) from None


def _portfolio_or_none(path: Path, fw: Framework) -> Optional[Portfolio]:
    """The portfolio file at ``path``, read and checked; None when it is another kind of record."""
    from hwc_selfcheck.records.portfolio_file import is_portfolio_file, read_portfolio_file

    return _run(lambda: read_portfolio_file(path, fw)) if is_portfolio_file(path) else None


def _date_option(value: str, option: str) -> date:
    """A date option written 2026-03-31 or 31/03/2026; never in the future."""
    try:
        day = to_date(value)
    except ValueError:
        raise fail(f"{option}: {value!r} is not a date; write it like 2026-03-31 or 31/03/2026") from None
    if day > date.today():
        raise fail(f"{option}: {day.isoformat()} is in the future")
    return day


@app.command("tier", epilog=epilog(lambda: csv_section("HOURS.csv", HOURS_LOG),
                                   lambda: csv_section("The --training FILE", TRAINING_RECORD),
                                   lambda: csv_section("The --approvals FILE", APPROVALS)))
def tier(
    hours: Path = typer.Argument(..., metavar="HOURS.csv",
                                 help="Your hours log, or a portfolio file saved by the site (which holds training "
                                      "and approvals too)."),
    training: Optional[Path] = typer.Option(None, "--training", metavar="FILE", help="Your training record (CSV)."),
    approvals: Optional[Path] = typer.Option(None, "--approvals", metavar="FILE", help="Progression approvals (CSV)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE",
                                        help="Check as on this date, like 2026-03-31 or 31/03/2026 (default today)."),
    chart: Optional[Path] = typer.Option(None, "--chart", metavar="FILE",
                                         help=f"Also save the hours chart here: a file ending in "
                                              f"{join_words(CHART_SUFFIXES, 'or')}."),
    reviews: Optional[list[Path]] = typer.Option(None, "--review", metavar="REVIEW.json",
                                                 help="A supervisor's review of this portfolio file, whose approvals "
                                                      "count too (give --review once for each)."),
) -> None:
    """Which tier your records support, what the next tier still needs, and when you might reach it."""
    from hwc_selfcheck.practice.tiers import (
        APPROVALS,
        TRAINING_RECORD,
        read_approvals,
        read_hours_log,
        read_training,
        tier_progress,
    )
    from hwc_selfcheck.render.charts import hours_chart

    if chart and chart.suffix.lower() not in CHART_SUFFIXES:
        raise fail(f"--chart: {chart} should end in {join_words(CHART_SUFFIXES, 'or')} "
                   "(a PNG picture, or an SVG drawing that stays sharp at any size)")
    fw = framework_or_exit()
    when = _date_option(as_of, "--as-of") if as_of else date.today()
    held = _portfolio_or_none(hours, fw)
    if held is not None:
        if training or approvals:
            raise fail(f"{hours}: a portfolio file holds its own training and approvals; "
                       "leave out --training and --approvals")
        entries, courses, agreed = held.hours, held.training, held.approvals
        review_notes: list[str] = []
        for path in reviews or []:
            agreed, said = _review_approvals(fw, held, path, agreed)
            review_notes += said
    elif reviews:
        raise fail(f"--review: a review is of a portfolio file; give the portfolio file saved by the site, not {hours}")
    else:
        entries = _run(lambda: read_hours_log(hours))
        courses = _run(lambda: read_training(training)) if training else None
        agreed = _run(lambda: read_approvals(approvals)) if approvals else None
    result = tier_progress(fw, entries, courses, agreed, when)
    lines = [result.summary(), ""]
    for t in range(1, (result.next_tier or result.tier) + 1):
        lines.append(f"Tier {t}:")
        lines += [f"  [{'x' if r.met else ' ' if r.checked else '?'}] {r.text} ({cite(r.source_section)})"
                  for r in result.requirements[t]]
    if result.next_tier:
        lines += ["", f"Still needed for Tier {result.next_tier}:"]
        lines += [f"  - {r.text}" for r in result.missing]
    if result.projection:
        lines += ["", result.projection.text]
    lines += [f"\nNote: {n}" for n in result.notes]
    lines += [f"\nReview: {n}" for n in (review_notes if held is not None else [])]
    # A record that was not given: say which option would give it, once per record.
    options = {"training": ("--training", TRAINING_RECORD.name), "competency": ("--approvals", APPROVALS.name),
               "approval": ("--approvals", APPROVALS.name)}
    for option, name in dict.fromkeys(options[r.what] for r in result.unchecked):
        lines.append(f"\nNote: no {name} was given, so the lines marked [?] that depend on it cannot be checked. "
                     f"Give one with {option} FILE.")
    if chart:
        read = {hours: "the hours log (HOURS.csv)"}
        read.update({training: "the training record (--training)"} if training else {})
        read.update({approvals: "the approvals record (--approvals)"} if approvals else {})
        drawn = hours_chart(fw, entries, when, image=chart.suffix.lower())
        image = drawn.svg if chart.suffix.lower() == ".svg" and drawn.svg is not None else drawn.png
        write_outputs([Output(chart, image, "--chart")], read)
        lines += ["", f"Chart saved to {chart}."]
    typer.echo("\n".join(lines))


def _review_approvals(fw: Framework, held: Portfolio, path: Path, agreed: list[Approval]) -> tuple[list[Approval], list[str]]:
    """The approvals with those of a review added, and what to say about the review.

    A review of a different record stops the command; a review of the record
    as it was before a change still counts (an approval stands for the record
    it looked at), with a note. An approval the framework's conditions did not
    allow on its date does not count, and the note says what was missing.
    """
    from hwc_selfcheck.practice.review_approvals import approval_conditions, as_approval, condition_text
    from hwc_selfcheck.records.review_file import DIFFERENT, match_review, read_review

    review = _run(lambda: read_review(path, fw))
    match = match_review(review, held.fingerprint, held.pseudonym, held.assessment)
    if match.state == DIFFERENT:
        raise fail(f"{path}: {match.text}")
    notes = [] if match.state != "changed" else [match.text]
    out = list(agreed)
    for n, view in enumerate(review.approvals, start=1):
        missing = approval_conditions(fw, view, held.hours, held.training, out, len(held.evidence))
        if missing:
            notes.append(f"the approval of Tier {view.tier} by {view.name} ({view.date.isoformat()}) does not count: "
                         + " ".join(condition_text(c) for c in missing))
            continue
        out.append(as_approval(view, len(out) + 1))
        notes.append(f"the approval of Tier {view.tier} by {view.name} ({view.date.isoformat()}) counts.")
    return out, notes


@app.command("supervision", epilog=epilog(lambda: csv_section("LOG.csv", SUPERVISION_LOG)))
def supervision(
    log: Path = typer.Argument(..., metavar="LOG.csv", help="The supervision log, or a portfolio file saved by the site."),
    start: str = typer.Option(..., "--from", metavar="DATE",
                              help="First day of the period checked, like 2025-10-01 or 01/10/2025."),
    end: str = typer.Option(..., "--to", metavar="DATE", help="Last day of the period checked; not in the future."),
    fte: Optional[str] = typer.Option(None, "--fte", metavar="F",
                                      help="Working pattern as a fraction of full time (1, 0.8, 0.6...); "
                                           "default 1, or the portfolio file's own."),
) -> None:
    """Check supervision over a period against the framework's recommended frequencies (section 4.2.2)."""
    from hwc_selfcheck.core.dates import long_date
    from hwc_selfcheck.practice.supervision import check_supervision, fte_words, parse_fte, read_supervision_log

    fw = framework_or_exit()
    first, last = _date_option(start, "--from"), _date_option(end, "--to")
    held = _portfolio_or_none(log, fw)
    share = _run(lambda: parse_fte(fte)) if fte is not None else held.fte if held else Fraction(1)
    sessions = held.supervision if held else _run(lambda: read_supervision_log(log))
    result = _run(lambda: check_supervision(fw, sessions, first, last, share))
    head = f"Supervision from {long_date(first)} to {long_date(last)}, for {fte_words(share)}:"
    due = ["", f"Next due, seen from {long_date(last)}:", *[f"- {d.text}" for d in result.due]]
    typer.echo("\n".join([head, repr(result.summary_table()), "", findings_text(result.findings), *result.notes, *due]))


@app.command("supervisor-check", epilog=epilog(
    lambda: json_section("FILE", "supervisor"),
    lambda: framework_list("Kinds of evidence (evidence[ ].type):", supervisor_evidence), note=JSON_NOTE))
def supervisor_check(
    file: Path = typer.Argument(..., metavar="FILE", help="A supervisor record (JSON)."),
) -> None:
    """Check a health coaching supervisor against every minimum standard (appendix 2, section 6)."""
    from hwc_selfcheck.practice.supervisor_standards import check_supervisor, read_supervisor

    fw = framework_or_exit()
    result = check_supervisor(fw, _run(lambda: read_supervisor(file, fw)))
    lines = [result.summary(), ""]
    for r in result.results:
        lines.append(f"[{'x' if r.met else ' '}] {r.item.id} {r.item.title}: {r.item.standard}")
        lines += [f"      shows: {s}" for s in r.shown] + [f"      still needed: {m}" for m in r.missing]
    lines += ["", *result.reminders]
    typer.echo("\n".join(lines))


@app.command("caseload", epilog=epilog(lambda: csv_section("DIARY.csv", SESSION_DIARY)))
def caseload(
    diary: Path = typer.Argument(..., metavar="DIARY.csv", help="A plan or diary of sessions."),
) -> None:
    """Compare a plan or diary of sessions with the framework's guidance on caseloads (section 5.1)."""
    from hwc_selfcheck.practice.caseload import check_caseload, read_session_diary

    fw = framework_or_exit()
    result = check_caseload(fw, _run(lambda: read_session_diary(diary)))
    typer.echo("\n".join([result.summary(), "", findings_text(result.findings),
                          "", "The framework gives guidance here, not limits (section 5.1)."]))


@app.command("portfolio", epilog=epilog(lambda: csv_section("PORTFOLIO.csv", PORTFOLIO),
                                        lambda: framework_list("Portfolio entry types (the type column):",
                                                               portfolio_types)))
def portfolio(
    file: Path = typer.Argument(..., metavar="PORTFOLIO.csv",
                                help="Your portfolio of evidence (CSV), or a portfolio file saved by the site."),
    tier: Optional[int] = typer.Option(None, "--tier", min=1, max=4, help="Only the items your tier expects."),
    gaps_only: bool = typer.Option(False, "--gaps-only", help="Only items with evidence still to collect."),
) -> None:
    """For every competency, the evidence your portfolio holds and what is still to collect."""
    from hwc_selfcheck.practice.portfolio import (
        coverage_summary,
        coverage_text,
        evidence_coverage,
        items_for_tier,
        read_portfolio,
    )

    fw = framework_or_exit()
    held = _portfolio_or_none(file, fw)
    entries = held.evidence if held else _run(lambda: read_portfolio(file, fw))
    coverage = evidence_coverage(fw, entries, items_for_tier(fw, tier))
    typer.echo("\n".join([coverage_summary(coverage), "", coverage_text(fw, coverage, gaps_only)]))


@app.command("checklist", epilog=epilog(lambda: json_section("The --ticks FILE", "checklists"),
                                        lambda: framework_list("Checklists (NAME, and the names in done):",
                                                               checklist_names), note=JSON_NOTE))
def checklist(
    name: str = typer.Argument(..., metavar="NAME", help="induction or employer-readiness."),
    ticks: Optional[Path] = typer.Option(None, "--ticks", metavar="FILE", help="Ticks saved by the checklists notebook."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="FILE.html", help="Write a page to print on A4."),
) -> None:
    """Print a checklist, with your ticks if you have saved some, or write it as a page to print."""
    from hwc_selfcheck.practice.checklists import checklist_text, progress, read_ticks
    from hwc_selfcheck.render.checklist_page import checklist_html

    fw = framework_or_exit()
    saved = _run(lambda: read_ticks(ticks, fw)) if ticks else None
    state = _run(lambda: progress(fw, name, saved))
    if out is None:
        typer.echo(checklist_text(fw, state) + "\n\n" + state.summary())
        return
    write_or_fail(out, checklist_html(fw, state), {ticks: "the checklist ticks (--ticks)"} if ticks else {})
    typer.echo(f"Wrote {out}. {state.summary()}", err=True)
