"""Commands for training providers and employers: ``course-map``, ``cohort`` and ``schema course``.

Registered on the main ``hwc-selfcheck`` app when :mod:`hwc_selfcheck.cli`
imports this module. Like every command, bad input gives clear lines on
stderr and exit status 2, and nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from hwc_selfcheck.cli.app import Output, app, fail, framework_or_exit, schema_app, write_or_fail, write_outputs
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.cli.record_help import JSON_NOTE, csv_section, epilog, json_section
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.providers.course import COURSE

HTML_SUFFIXES = (".html", ".htm")


def _html_out(out: Path) -> None:
    if out.suffix.lower() not in HTML_SUFFIXES:
        raise fail(f"--out: {out} should end in .html (the report is a web page you can print)")


@app.command("course-map", epilog=epilog(lambda: csv_section("COURSE.csv", COURSE)))
def course_map(
    course: Path = typer.Argument(..., metavar="COURSE.csv", help="Your course plan: one row per session."),
    out: Path = typer.Option(..., "--out", metavar="REPORT.html", help="Where to write the report; the CSV goes beside it."),
) -> None:
    """Map a course against the framework: coverage, items by day, gaps and claims to check."""
    from hwc_selfcheck.providers.course import read_course
    from hwc_selfcheck.providers.course_map import map_course
    from hwc_selfcheck.render.course_report import course_map_files

    _html_out(out)
    fw = framework_or_exit()
    try:
        cmap = map_course(fw, read_course(course, fw))
    except InputError as exc:
        raise fail(str(exc)) from None
    (html_path, html_text), (csv_path, csv_text) = course_map_files(fw, cmap, out)
    write_outputs(
        [Output(html_path, html_text), Output(csv_path, csv_text, label=f"--out {out}: the CSV written beside it, {csv_path},")],
        {course: "the course plan (COURSE.csv)"},
    )
    typer.echo(
        f"Wrote {html_path} and {csv_path}: {cmap.covered_expected} of {len(cmap.expected)} Tier 1 competencies "
        f"covered, {plural(len(cmap.gaps), 'gap')}, {plural(len(cmap.outside_training), 'claim')} to check. "
        "General capabilities are left to the employer's mandatory training and are not counted.",
        err=True,
    )


@app.command("cohort", epilog=epilog(lambda: json_section("Each file in DIR", "assessment"), note=JSON_NOTE))
def cohort(
    folder: Path = typer.Argument(..., metavar="DIR", help="A folder of self-assessment files (.json), one per coach."),
    previous: Optional[Path] = typer.Option(None, "--previous", metavar="DIR", help="A folder from an earlier round, to show change."),
    out: Path = typer.Option(..., "--out", metavar="REPORT.html", help="Where to write the report."),
) -> None:
    """A team's training needs, with no names and no group smaller than five people."""
    from hwc_selfcheck.providers.cohort import cohort_files, load_cohort
    from hwc_selfcheck.render.cohort_report import render_html

    _html_out(out)
    fw = framework_or_exit()
    try:
        now = load_cohort(folder, fw)
        earlier = load_cohort(previous, fw) if previous else None
    except InputError as exc:
        raise fail(str(exc)) from None
    inputs = {path: f"a self-assessment in the folder {folder}" for path in cohort_files(folder)}
    if previous:
        inputs.update({path: f"a self-assessment in the earlier round's folder {previous}" for path in cohort_files(previous)})
    write_or_fail(out, render_html(fw, now, earlier), inputs)
    for name, rnd in (("", now), ("earlier round: ", earlier)):
        for skipped in rnd.left_out if rnd else ():
            typer.echo(f"left out: {name}{skipped.name}: {skipped.reason}", err=True)
    repeats = f", {plural(now.repeats, 'repeated file')} counted once" if now.repeats else ""
    typer.echo(f"Wrote {out}: {plural(now.people, 'self-assessment')} counted, {len(now.left_out)} left out{repeats}.",
               err=True)


@schema_app.command("course")
def schema_course() -> None:
    """The JSON Schema of one row of a course CSV."""
    from hwc_selfcheck.providers.course import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))
