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
from hwc_selfcheck.cli.record_help import JSON_NOTE, epilog, json_section
from hwc_selfcheck.cli.usage import HelpSection
from hwc_selfcheck.core.wording import join_words, plural
from hwc_selfcheck.framework.export import framework_as_csv, framework_as_json
from hwc_selfcheck.framework.models import KINDS


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    case = "case"  # 1EdTech CASE 1.0 JSON package
    moodle = "moodle"  # a CSV file for Moodle's "Import competency framework" tool


def _areas_help() -> list[HelpSection]:
    from hwc_selfcheck.framework.item_groups import item_groups
    from hwc_selfcheck.framework.loader import load_framework

    try:
        rows = [(g.code, f"{g.title} ({g.key})") for g in item_groups(load_framework())]
    except InputError as exc:
        return [HelpSection("Areas", f"(cannot be listed: the framework data is broken: {exc})")]
    return [HelpSection("Areas: give --area the name as the book shows it, its key or its ID prefix "
                        "(capitals do not matter):", rows=rows)]


@framework_app.command("list", epilog=_areas_help)
def list_items(
    area: Optional[str] = typer.Option(None, metavar="AREA",
                                       help="Only this area, by name, key or ID prefix: 'General capabilities', "
                                            "professional or PC (see the list below)."),
    tier: Optional[int] = typer.Option(None, min=1, max=4, help="Only items expected by this tier."),
    kind: Optional[str] = typer.Option(None, metavar="KIND", help=f"Only this kind: {join_words(KINDS, 'or')}."),
) -> None:
    """Show the items as a readable table."""
    from hwc_selfcheck.framework.item_groups import find_group, group_title, item_groups, suggest_group

    fw = framework_or_exit()
    items = list(fw.items)
    if area is not None:
        group = find_group(fw, area)
        if group is None:
            near = suggest_group(fw, area)
            hint = f" Did you mean {near.title}?" if near else ""
            choices = join_words([f"{g.title} ({g.code})" for g in item_groups(fw)], "or")
            raise fail(f"--area: {area!r} is not an area; choose {choices}.{hint}")
        items = list(group.items)
    if kind is not None:
        kind = kind.strip().lower().replace(" ", "_").replace("-", "_")
        if kind not in KINDS:
            raise fail(f"--kind: {kind!r} is not a kind of item; choose {join_words(KINDS, 'or')}")
    items = [i for i in items if (kind is None or i.kind == kind) and (tier is None or i.min_tier <= tier)]
    groups = {item.id: group_title(fw, item) for item in items}
    area_width = max([len("Area"), *(len(t) for t in groups.values())])
    width = max(60, min(shutil.get_terminal_size((100, 20)).columns, 140))
    title_width = max(20, width - 6 - 2 - area_width - 2 - 6)
    typer.echo(f"{'ID':<6}  {'Area':<{area_width}}  {'Tier':<4}  Title")
    for item in items:
        lines = textwrap.wrap(item.title, title_width) or [""]
        typer.echo(f"{item.id:<6}  {groups[item.id]:<{area_width}}  {item.min_tier:<4}  {lines[0]}")
        for more in lines[1:]:
            typer.echo(f"{'':<6}  {'':<{area_width}}  {'':<4}  {more}")
    typer.echo(f"\n{plural(len(items), 'item')}.")


@framework_app.command("show")
def show_item(item_id: str = typer.Argument(..., metavar="ID", help="An item ID such as PC-01.")) -> None:
    """Show one item in full."""
    fw = framework_or_exit()
    item = fw.get(item_id)
    if item is None:
        near = fw.suggest(item_id)
        hint = f" Did you mean {join_words(near, 'or')}?" if near else ""
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
    fmt: ExportFormat = typer.Option(..., "--format", help="json, csv, case (a 1EdTech CASE 1.0 JSON package) or moodle "
                                "(a CSV file for Moodle's 'Import competency framework' tool)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write here instead of standard output."),
) -> None:
    """Export the whole framework as JSON, CSV, a CASE package or a Moodle competency framework."""
    from hwc_selfcheck.framework.case_export import framework_as_case_json
    from hwc_selfcheck.framework.moodle_export import framework_as_moodle_csv

    fw = framework_or_exit()
    writers = {ExportFormat.json: framework_as_json, ExportFormat.csv: framework_as_csv, ExportFormat.case: framework_as_case_json,
               ExportFormat.moodle: framework_as_moodle_csv}
    text = writers[fmt](fw)
    if out is None:
        typer.echo(text, nl=False)
        return
    write_or_fail(out, text, inputs={})
    typer.echo(f"Wrote {plural(len(fw.items), 'item')} to {out}", err=True)


class ReportFormat(str, Enum):
    html = "html"
    md = "md"


@app.command("report", epilog=epilog(lambda: json_section("ASSESSMENT.json and OLD.json", "assessment"),
                                     note=JSON_NOTE))
def report(
    assessment: Path = typer.Argument(..., metavar="ASSESSMENT.json",
                                      help="A self-assessment file, or a portfolio file saved by the site."),
    previous: Optional[Path] = typer.Option(None, "--previous", metavar="OLD.json", help="An earlier assessment, to show progress."),
    fmt: ReportFormat = typer.Option(ReportFormat.html, "--format", help="html (a page that prints on A4) or md (Markdown)."),
    out: Path = typer.Option(..., "--out", help="Where to write the report."),
    review: Optional[Path] = typer.Option(None, "--review", metavar="REVIEW.json",
                                          help="A supervisor's review (saved on the site's page for supervisors): "
                                               "adds their view beside yours and what to talk about."),
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
        if review:
            from hwc_selfcheck.render.review_sections import reviewed_part

            built.review = reviewed_part(fw, assessment, record, review)
    except InputError as exc:
        raise fail(str(exc)) from None
    inputs = {assessment: "the self-assessment (ASSESSMENT.json)"}
    if previous:
        inputs[previous] = "the earlier self-assessment (--previous)"
    if review:
        inputs[review] = "the supervisor's review (--review)"
    write_or_fail(out, render_html(built) if fmt is ReportFormat.html else render_markdown(built), inputs)
    typer.echo(f"Wrote {out} ({plural(len(built.plan), 'gap')} in the plan).", err=True)
    if built.review:
        typer.echo(f"{built.review.match.text} {plural(len(built.review.talk), 'item')} to talk about in "
                   "supervision.", err=True)


def _every_record() -> list[HelpSection]:
    from hwc_selfcheck.practice.record_files import CSV_READERS
    from hwc_selfcheck.providers.course import COURSE
    from hwc_selfcheck.records.validate import record_schemas

    csv_rows = [(fmt.name, ", ".join(fmt.columns)) for fmt in [*CSV_READERS, COURSE]]
    schemas = [(what, make()) for what, make in record_schemas().values()]
    json_rows = [(schema["properties"]["format"]["const"], what) for what, schema in schemas
                 if "format" in schema.get("properties", {})]
    return [
        HelpSection("FILE may be any record this tool reads. A .csv file is known by its columns:", rows=csv_rows),
        HelpSection("A .json file is known by its format field:", rows=json_rows),
        HelpSection("", "The help of the command that reads a record (tier, supervision, caseload, portfolio, "
                        "course-map, supervisor-check, checklist, report) says what each column or field holds."),
    ]


@app.command("validate", epilog=_every_record)
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


@schema_app.command("review")
def schema_review() -> None:
    """The JSON Schema of review files (what the site's page for supervisors saves)."""
    import json

    from hwc_selfcheck.records.review_file import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))
