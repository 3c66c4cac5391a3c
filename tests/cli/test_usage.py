"""Mistakes in how a command is typed: one line, the option, what was wrong, the allowed values, status 2.

Every command is found from the application itself, so a command added later
is covered without touching this file. Help is checked the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from hwc_selfcheck.cli import app

runner = CliRunner()
SCRIPT = Path(sys.executable).with_name("hwc-selfcheck")


def commands(group=None, path=()):  # type: ignore[no-untyped-def]
    """(path, command) of every command a person can run, e.g. (('framework', 'export'), <command>)."""
    group = group or get_command(app)
    for name, command in group.commands.items():
        if getattr(command, "commands", None):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name), command


ALL = sorted(commands())
PATHS = [" ".join(p) for p, _ in ALL]


def one_line(result, *words: str) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and "Traceback" not in result.output and "╭" not in result.output
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_every_command_is_found() -> None:
    assert {"report", "validate", "tier", "course-map", "framework export", "questions export", "schema course"} <= set(PATHS)


@pytest.mark.parametrize("path", PATHS)
def test_an_unknown_option_is_one_line_for_every_command(path: str) -> None:
    line = one_line(runner.invoke(app, [*path.split(), "--colour", "red"]), "there is no option --colour")
    assert line.endswith(f"See 'hwc-selfcheck {path} --help'.")


@pytest.mark.parametrize("path", [p for p, (_, c) in zip(PATHS, ALL) if any(x.required for x in c.params)])
def test_a_missing_argument_or_option_is_one_line_for_every_command_that_needs_one(path: str) -> None:
    command = dict(zip(PATHS, (c for _, c in ALL)))[path]
    missing = next(p for p in command.params if p.required)
    word = missing.metavar or max(missing.opts, key=len)
    line = one_line(runner.invoke(app, path.split()), f"{word} is missing")
    assert f"'hwc-selfcheck {path} --help'" in line


@pytest.mark.parametrize("args, words", [
    (["framework", "export", "--format", "xml"], ["--format: 'xml' is not one of the choices; choose json, csv, case or moodle."]),
    (["questions", "export", "--format", "pdf"], ["--format: 'pdf' is not one of the choices; choose json, csv or sheet."]),
    (["report", "a.json", "--out", "r.html", "--format", "pdf"], ["--format: 'pdf'", "choose html or md"]),
    (["portfolio", "p.csv", "--tier", "5"], ["--tier: 5 is not allowed; give a whole number from 1 to 4."]),
    (["framework", "list", "--tier", "0"], ["--tier: 0 is not allowed; give a whole number from 1 to 4."]),
    (["portfolio", "p.csv", "--tier", "two"], ["--tier: 'two' is not allowed; give a whole number from 1 to 4."]),
    (["report", "a.json"], ["--out is missing (where to write the report): add --out FILE."]),
    (["supervision", "log.csv", "--from", "2026-01-01"], ["--to is missing (last day of the period checked", "add --to DATE"]),
    (["course-map", "c.csv"], ["--out is missing", "add --out REPORT.html"]),
    (["report"], ["ASSESSMENT.json is missing (a self-assessment file, or a portfolio file saved by the site): "
                  "give it after 'hwc-selfcheck report'."]),
    (["tier", "--as-o", "2026-01-01"], ["there is no option --as-o; did you mean --as-of?"]),
    (["framework", "list", "--area"], ["--area needs a value after it"]),
    (["portfolio", "p.csv", "--gaps-only=yes"], ["--gaps-only takes no value"]),
    (["tier", "a.csv", "b.csv"], ["too many arguments: b.csv was not expected."]),
    (["frame"], ["no such command 'frame'. Did you mean 'framework'?"]),
])
def test_usage_errors_name_the_option_what_is_wrong_and_what_is_allowed(args: list[str], words: list[str]) -> None:
    one_line(runner.invoke(app, args), *words)


@pytest.mark.parametrize("entry", ["script", "module"])
def test_the_console_script_and_python_m_behave_the_same(entry: str, tmp_path: Path) -> None:
    if entry == "script" and not SCRIPT.exists():
        pytest.skip("the console script is not installed in this environment")
    command = [str(SCRIPT)] if entry == "script" else [sys.executable, "-m", "hwc_selfcheck"]
    done = subprocess.run([*command, "framework", "export", "--format", "xml"], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "COLUMNS": "80"})
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == ("error: --format: 'xml' is not one of the choices; choose json, csv, case or moodle. "
                           "See 'hwc-selfcheck framework export --help'.\n")
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("hwc-selfcheck ")


def test_no_command_shows_the_help() -> None:
    result = runner.invoke(app, [])
    assert "Usage: hwc-selfcheck [OPTIONS] COMMAND [ARGS]..." in result.output and "Commands:" in result.output


@pytest.mark.parametrize("path", ["", *PATHS])
def test_help_reads_as_a_person_expects(path: str) -> None:
    result = runner.invoke(app, [*path.split(), "--help"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith(f"Usage: hwc-selfcheck {path}".rstrip() + " [OPTIONS]")
    for machine in ("<bool>", "<int", "<path>", "<text>", "{", "╭", "[required]", "x<="):
        assert machine not in text, f"{machine!r} in the help of {path!r}:\n{text}"
    assert "  --help  " in text or "--help " in text


def test_help_gives_flags_alone_and_options_a_word_for_their_value() -> None:
    text = runner.invoke(app, ["portfolio", "--help"]).stdout
    assert "  --gaps-only  Only items with evidence still to collect." in text
    assert "  --tier N     Only the items your tier expects. A whole number from 1 to 4." in text
    assert "Usage: hwc-selfcheck portfolio [OPTIONS] PORTFOLIO.csv" in text
    report = runner.invoke(app, ["report", "--help"]).stdout
    assert "--format html|md" in report and "Default: html." in report and "Required." in report
