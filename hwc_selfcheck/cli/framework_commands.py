"""Commands on the framework itself and on self-assessment files.

``framework list|show|export``, ``validate``, ``report`` and
``schema assessment``: what a provider or coach uses to read the framework as
data and to check or report on a record.
"""

from __future__ import annotations

import shutil
import textwrap
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from hwc_selfcheck.cli.app import app, fail, framework_app, framework_or_exit, schema_app, write_or_fail
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.export import framework_as_csv, framework_as_json
from hwc_selfcheck.framework.models import KINDS


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    case = "case"  # 1EdTech CASE 1.0 JSON package


@framework_app.command("list")
def list_items(
    area: Optional[str] = typer.Option(None, help="Only this area, e.g. professional."),
    tier: Optional[int] = typer.Option(None, min=1, max=4, help="Only items expected by this tier (1-4)."),
    kind: Optional[str] = typer.Option(None, help=f"Only this kind: {', '.join(KINDS)}."),
) -> None:
    """Show the items as a readable table."""
    fw = framework_or_exit()
    areas = [a.key for a in fw.areas]
    if area is not None and area not in areas:
        raise fail(f"--area: unknown area {area!r}; choose from {', '.join(areas)}")
    if kind is not None and kind not in KINDS:
        raise fail(f"--kind: unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    items = fw.select(area=area, kind=kind, tier=tier)
    width = max(60, min(shutil.get_terminal_size((100, 20)).columns, 120))
    title_width = width - 6 - 2 - 24 - 2 - 6
    typer.echo(f"{'ID':<6}  {'Area':<24}  {'Tier':<4}  Title")
    for item in items:
        lines = textwrap.wrap(item.title, title_width) or [""]
        typer.echo(f"{item.id:<6}  {item.area:<24}  {item.min_tier:<4}  {lines[0]}")
        for more in lines[1:]:
            typer.echo(f"{'':<6}  {'':<24}  {'':<4}  {more}")
    typer.echo(f"\n{plural(len(items), 'item')}.")


@framework_app.command("show")
def show_item(item_id: str = typer.Argument(..., metavar="ID", help="An item ID such as PC-01.")) -> None:
    """Show one item in full."""
    fw = framework_or_exit()
    item = fw.get(item_id)
    if item is None:
        near = fw.suggest(item_id)
        hint = f" Did you mean {', '.join(near)}?" if near else ""
        raise fail(f"no item with ID {item_id!r}.{hint} Try 'hwc-selfcheck framework list'.")
    area = fw.area(item.area)
    wrap = lambda text: textwrap.fill(" ".join(text.split()), 78, initial_indent="  ", subsequent_indent="  ")  # noqa: E731
    out = [
        f"{item.id}  {item.title}",
        f"Area: {area.title}   Kind: {item.kind.replace('_', ' ')}   From: Tier {item.min_tier}"
        + ("" if item.essential else "   (desirable)"),
        "",
        wrap(item.statement),
    ]
    if item.standard:
        out += ["", "Minimum standard:", wrap(item.standard)]
    if item.gained_through or item.gained_note:
        out += ["", "How it is gained:"]
        out += [f"  - {fw.label('gained_through', t)}" for t in item.gained_through]
        out += [wrap(item.gained_note)] if item.gained_note else []
    out += ["", "How it is evidenced:"]
    out += [f"  - {fw.label('evidenced_by', t)}" for t in item.evidenced_by]
    out += [wrap(item.evidence_note)] if item.evidence_note else []
    out += ["", f"Source: {item.source_section}"]
    typer.echo("\n".join(out))


@framework_app.command("export")
def export(
    fmt: ExportFormat = typer.Option(..., "--format", help="json, csv or case (a 1EdTech CASE 1.0 JSON package)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write here instead of standard output."),
) -> None:
    """Export the whole framework as JSON, CSV or a CASE package."""
    from hwc_selfcheck.framework.case_export import framework_as_case_json

    fw = framework_or_exit()
    writers = {ExportFormat.json: framework_as_json, ExportFormat.csv: framework_as_csv, ExportFormat.case: framework_as_case_json}
    text = writers[fmt](fw)
    if out is None:
        typer.echo(text, nl=False)
        return
    write_or_fail(out, text, inputs={})
    typer.echo(f"Wrote {len(fw.items)} items to {out}", err=True)


class ReportFormat(str, Enum):
    html = "html"
    md = "md"


@app.command("report")
def report(
    assessment: Path = typer.Argument(..., metavar="ASSESSMENT.json",
                                      help="A self-assessment file, or a portfolio file saved by the site."),
    previous: Optional[Path] = typer.Option(None, "--previous", metavar="OLD.json", help="An earlier assessment, to show progress."),
    fmt: ReportFormat = typer.Option(ReportFormat.html, "--format", help="html (prints on A4) or md."),
    out: Path = typer.Option(..., "--out", help="Where to write the report."),
) -> None:
    """Write a printable report for a supervision conversation."""
    from hwc_selfcheck.assessment.record import read_assessment
    from hwc_selfcheck.practice.portfolio import evidence_coverage
    from hwc_selfcheck.records.portfolio_file import assessment_and_evidence
    from hwc_selfcheck.render.assessment_report import build_report, render_html, render_markdown

    fw = framework_or_exit()
    try:
        record, evidence = assessment_and_evidence(assessment, fw)
        earlier = read_assessment(previous, fw) if previous else None
        coverage = evidence_coverage(fw, evidence) if evidence is not None else None
        built = build_report(fw, record, earlier, coverage=coverage)
    except InputError as exc:
        raise fail(str(exc)) from None
    inputs = {assessment: "the self-assessment (ASSESSMENT.json)"}
    if previous:
        inputs[previous] = "the earlier self-assessment (--previous)"
    write_or_fail(out, render_html(built) if fmt is ReportFormat.html else render_markdown(built), inputs)
    typer.echo(f"Wrote {out} ({plural(len(built.plan), 'gap')} in the plan).", err=True)


@app.command("validate")
def validate(file: Path = typer.Argument(..., metavar="FILE", help="A record file made for or by hwc-selfcheck.")) -> None:
    """Check a record file and say what is wrong, if anything."""
    from hwc_selfcheck.records.validate import validate_record

    framework_or_exit()
    try:
        message = validate_record(file)
    except InputError as exc:
        raise fail(str(exc)) from None
    typer.echo(f"OK: {message}")


@schema_app.command("assessment")
def schema_assessment() -> None:
    """The JSON Schema of self-assessment files."""
    import json

    from hwc_selfcheck.assessment.record import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


@schema_app.command("portfolio")
def schema_portfolio() -> None:
    """The JSON Schema of portfolio files (what the site's "My portfolio" saves)."""
    import json

    from hwc_selfcheck.records.portfolio_file import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))
