"""The practice-tool commands: readable results, and bad input as one line with exit status 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.cli import app

runner = CliRunner()
EX = {name: str(example_path(f"{name}")) for name in (
    "sam-hours.csv", "sam-training.csv", "sam-approvals.csv", "sam-supervision.csv", "sam-sessions.csv",
    "sam-portfolio.csv", "alex-supervisor.json", "sam-checklists.json")}


def run(*args: str):
    return runner.invoke(app, list(args))


def test_tier(tmp_path: Path) -> None:
    chart = tmp_path / "hours.png"
    result = run("tier", EX["sam-hours.csv"], "--training", EX["sam-training.csv"], "--approvals",
                 EX["sam-approvals.csv"], "--as-of", "31/03/2026", "--chart", str(chart))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("On 31 March 2026 your records support Tier 1.")
    assert "[x] 50 supervised NHS coaching hours: 60 logged (section 8.2)" in result.stdout
    assert "you would reach Tier 2's 200 around" in result.stdout
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_supervision_full_time_and_pro_rata() -> None:
    args = ["supervision", EX["sam-supervision.csv"], "--from", "2025-09-01", "--to", "2026-03-31"]
    full = run(*args)
    assert full.exit_code == 0, full.output
    assert "No clinical supervision for 3 months and 27 days" in full.stdout
    part = run(*args, "--fte", "0.6")
    assert "for 0.6 of full time" in part.stdout and "No clinical supervision" not in part.stdout
    assert "Next due, seen from 31 March 2026:\n- Line management: the last was on 4 March 2026; the next is due by " \
           "30 April 2026." in full.stdout
    assert "- Clinical supervision: the last was on 25 March 2026; the next is due by 25 August 2026." in part.stdout


def test_supervisor_caseload_portfolio_and_checklist(tmp_path: Path) -> None:
    assert "does not yet show 1 of the 8" in run("supervisor-check", EX["alex-supervisor.json"]).stdout
    caseload = run("caseload", EX["sam-sessions.csv"])
    assert caseload.exit_code == 0 and "6 sessions on 3 March 2026" in caseload.stdout
    portfolio = run("portfolio", EX["sam-portfolio.csv"], "--tier", "1", "--gaps-only")
    assert portfolio.exit_code == 0 and "PC-01" not in portfolio.stdout and "PC-02 Working within the remit" in portfolio.stdout
    listed = run("checklist", "employer-readiness", "--ticks", EX["sam-checklists.json"])
    assert listed.exit_code == 0 and "[x] 1. We have written down" in listed.stdout
    page = tmp_path / "induction.html"
    assert run("checklist", "induction", "--out", str(page)).exit_code == 0
    assert page.read_text().startswith("<!DOCTYPE html>")


def one_line_error(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    for word in words:
        assert word in result.stderr


BAD = {
    "tier": ("date,hours,setting,nhs,supervised\n2026-01-05,-1,GP,yes,yes\n", "row 2, column hours"),
    "supervision": ("date,kind,minutes,supervisor,supervisor_tier\n2026-01-05,mentoring,60,Jo,\n", "row 2, column kind"),
    "caseload": ("date,start,minutes,client,type\n2026-01-05,09:00,50,C1\n", "row 2, column type"),
    "portfolio": ("date,type,items\n2026-01-05,client_feedback,ZZ-99\n", "row 2, column items"),
}


@pytest.mark.parametrize("command", sorted(BAD))
def test_bad_csv_exits_2_with_row_and_column(tmp_path: Path, command: str) -> None:
    text, where = BAD[command]
    path = tmp_path / "bad.csv"
    path.write_text(text)
    extra = ["--from", "2025-09-01", "--to", "2026-03-31"] if command == "supervision" else []
    one_line_error(run(command, str(path), *extra), str(path), where)
    assert path.read_text() == text
    one_line_error(run("validate", str(path)), where)


def test_bad_input_never_touches_the_output(tmp_path: Path) -> None:
    bad = tmp_path / "hours.csv"
    bad.write_text("date,hours,setting,nhs\n2026-01-05,1,GP,yes\n")
    chart = tmp_path / "hours.png"
    chart.write_text("my old chart")
    one_line_error(run("tier", str(bad), "--chart", str(chart)), "'supervised' is missing")
    assert chart.read_text() == "my old chart"
    ticks = tmp_path / "ticks.json"
    ticks.write_text('{"format": "hwc-selfcheck/checklists"')
    page = tmp_path / "page.html"
    page.write_text("my old page")
    one_line_error(run("checklist", "induction", "--ticks", str(ticks), "--out", str(page)), "not valid JSON")
    assert page.read_text() == "my old page"


@pytest.mark.parametrize("period, fte, words", [
    (("2025-09-01", "2026-03-31"), "1.5", "at most 1"),
    (("2025-09-01", "2999-01-01"), "1", "--to: 2999-01-01 is in the future"),
    (("2026-04-01", "2026-03-31"), "1", "is after --to"),
    (("1 Sept", "2026-03-31"), "1", "--from: '1 Sept' is not a date"),
])
def test_bad_supervision_options(period: tuple[str, str], fte: str, words: str) -> None:
    start, end = period
    one_line_error(run("supervision", EX["sam-supervision.csv"], "--from", start, "--to", end, "--fte", fte), words)


def test_unknown_checklist() -> None:
    one_line_error(run("checklist", "onboarding"), "is not a checklist")


@pytest.mark.parametrize("name, words", [
    ("sam-hours.csv", "valid hours log with 53 rows"), ("sam-training.csv", "valid training record"),
    ("sam-approvals.csv", "valid progression approvals record with 0 rows"),
    ("sam-supervision.csv", "valid supervision log"), ("sam-sessions.csv", "valid session diary"),
    ("sam-portfolio.csv", "valid portfolio"), ("alex-supervisor.json", "valid supervisor record"),
    ("sam-checklists.json", "valid checklists file with 26 ticks"),
])
def test_validate_knows_every_format(name: str, words: str) -> None:
    result = run("validate", EX[name])
    assert result.exit_code == 0 and words in result.stdout


def test_tier_without_a_training_record_says_it_cannot_be_checked() -> None:
    result = run("tier", EX["sam-hours.csv"], "--as-of", "2026-03-31")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("On 31 March 2026 your records do not yet support Tier 1.")
    assert "not in your training record" not in result.stdout
    assert "[?] Four-day health coaching training course accredited by the Personalised Care Institute (PCI): " \
           "cannot be checked, because no training record was given" in result.stdout
    assert "Note: no training record was given" in result.stdout and "--training FILE" in result.stdout
    assert "--approvals" not in result.stdout  # Tier 2's approvals are not in view before Tier 1


def test_tier_without_approvals_names_the_option() -> None:
    result = run("tier", EX["sam-hours.csv"], "--training", EX["sam-training.csv"], "--as-of", "2026-03-31")
    assert result.exit_code == 0, result.output
    assert "[?] Evidence of the level of competency: cannot be checked" in result.stdout
    assert "--approvals FILE" in result.stdout and "--training FILE" not in result.stdout


def test_every_bad_row_is_reported_in_one_run(tmp_path: Path) -> None:
    """As course-map does, tier and validate list every bad row, not only the first."""
    hours = tmp_path / "hours.csv"
    hours.write_text("date,hours,setting,nhs,supervised\n2026-01-05,1,GP,yes,yes\n2026-01-06,-1,GP,yes,yes\n"
                     "2026-01-07,1,GP,perhaps,yes\n2026-02-30,1,GP,yes,yes\n2026-01-09,1,GP,yes,1\n"
                     "2026-01-10,two,GP,yes,yes\n2026-01-11,1,GP,yes,yes,extra\n")
    for args in (["tier", str(hours), "--as-of", "2026-03-31"], ["validate", str(hours)]):
        result = run(*args)
        assert result.exit_code == 2 and "Traceback" not in result.output
        lines = result.stderr.strip().splitlines()
        assert lines[0] == f"error: {hours}: 5 problems; fix them and run again:"
        assert [line.split(":")[0].strip() for line in lines[1:]] == [
            "row 3, column hours", "row 4, column nhs", "row 5, column date", "row 7, column hours", "row 8"]


def test_a_day_over_24_hours_across_rows_names_the_rows(tmp_path: Path) -> None:
    hours = tmp_path / "hours.csv"
    hours.write_text("date,hours,setting,nhs,supervised\n05/01/2026,9,GP,yes,yes\n2026-01-05,9,GP,yes,yes\n"
                     "2026-01-06,2,GP,yes,yes\n2026-01-05,8,GP,yes,yes\n")
    for args in (["tier", str(hours), "--as-of", "2026-03-31"], ["validate", str(hours)]):
        one_line_error(run(*args), f"{hours}: rows 2, 3 and 5: 26 hours on 5 January 2026 add up to more than the "
                                   "24 hours in a day")
    hours.write_text("date,hours,setting,nhs,supervised\n2026-01-05,8,GP,yes,yes\n2026-01-05,8,GP,yes,yes\n"
                     "2026-01-05,8,GP,yes,yes\n")
    assert run("tier", str(hours), "--as-of", "2026-03-31").exit_code == 0


@pytest.mark.parametrize("suffix, start", [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".PNG", b"\x89PNG")])
def test_chart_is_saved_in_the_format_its_name_says(tmp_path: Path, suffix: str, start: bytes) -> None:
    chart = tmp_path / f"hours{suffix}"
    result = run("tier", EX["sam-hours.csv"], "--as-of", "2026-03-31", "--chart", str(chart))
    assert result.exit_code == 0, result.output
    assert chart.read_bytes().startswith(start)
    if suffix == ".svg":
        assert b"<svg" in chart.read_bytes() and b"Cumulative hours" in chart.read_bytes()


@pytest.mark.parametrize("name", ["hours.jpg", "hours.pdf", "hours"])
def test_a_chart_name_that_is_not_png_or_svg_is_refused(tmp_path: Path, name: str) -> None:
    chart = tmp_path / name
    one_line_error(run("tier", EX["sam-hours.csv"], "--as-of", "2026-03-31", "--chart", str(chart)),
                   f"--chart: {chart} should end in .png or .svg")
    assert not chart.exists()


def test_json_records_in_plain_english(tmp_path: Path) -> None:
    record = tmp_path / "alex.json"
    record.write_bytes(b"\xef\xbb\xbf" + Path(EX["alex-supervisor.json"]).read_bytes())  # as a spreadsheet tool saves it
    assert run("supervisor-check", str(record)).exit_code == 0
    assert run("validate", str(record)).exit_code == 0
    text = Path(EX["alex-supervisor.json"]).read_text()
    record.write_text(json.dumps({**json.loads(text), "date": "2026-02-30"}))
    one_line_error(run("supervisor-check", str(record)),
                   f"{record}: field date: 30 February 2026 does not exist")
    record.write_bytes(json.dumps({**json.loads(text), "name": "Al\u00e9x"}, ensure_ascii=False).encode("cp1252"))
    one_line_error(run("supervisor-check", str(record)), f"{record}: is not UTF-8 text", "save it again as UTF-8")
