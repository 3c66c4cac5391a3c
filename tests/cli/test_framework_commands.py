"""The hwc-selfcheck command: readable output, clear errors, exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hwc_selfcheck import __version__
from hwc_selfcheck.cli import app
from hwc_selfcheck.framework import loader as framework

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"hwc-selfcheck {__version__}"


def test_list_filters_by_area_tier_and_kind() -> None:
    result = run("framework", "list", "--area", "group_work")
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.stdout.splitlines() if line[:3] == "GW-"]
    assert ids == [f"GW-0{n}" for n in range(1, 7)]
    assert "6 items." in result.stdout
    assert "48 items." in run("framework", "list", "--tier", "1").stdout
    assert "28 items." in run("framework", "list", "--kind", "additional_model").stdout


@pytest.mark.parametrize("area", ["Group work", "group_work", "group-work", "GW", "gw"])
def test_list_takes_an_area_by_the_name_a_person_sees_its_key_or_its_prefix(area: str) -> None:
    result = run("framework", "list", "--area", area)
    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.stdout.splitlines() if line[2:3] == "-"] == [f"GW-0{n}" for n in range(1, 7)]


def test_list_can_choose_the_general_capabilities_and_shows_area_titles() -> None:
    general = run("framework", "list", "--area", "General capabilities")
    assert general.exit_code == 0 and "16 items." in general.stdout
    assert all(line.startswith("GC-") for line in general.stdout.splitlines()[1:17])
    assert "GC-01   General capabilities" in general.stdout
    professional = run("framework", "list", "--area", "PC").stdout
    assert "10 items." in professional and "GC-" not in professional and "PC-01   Professional competencies" in professional
    assert "professional  " not in run("framework", "list").stdout  # titles, not internal keys


def test_list_rejects_unknown_area_with_choices() -> None:
    result = run("framework", "list", "--area", "groupwork")
    assert result.exit_code == 2
    assert "--area: 'groupwork' is not an area; choose Professional competencies (PC)" in result.stderr
    assert result.stderr.strip().endswith("Did you mean Group work?")


def test_show_prints_the_whole_item() -> None:
    result = run("framework", "show", "ss-02")
    assert result.exit_code == 0
    for text in ("SS-02  Recent caseload", "Minimum standard:", "50 hours", "How it is evidenced:", "Appendix 2, section 6"):
        assert text in result.stdout


def test_show_unknown_id_suggests_and_exits_2() -> None:
    result = run("framework", "show", "PC-1O")
    assert result.exit_code == 2
    assert "no item with ID 'PC-1O'" in result.stderr and "Did you mean PC-10" in result.stderr
    assert "Traceback" not in result.output


def test_export_json_to_file(tmp_path: Path) -> None:
    out = tmp_path / "framework.json"
    result = run("framework", "export", "--format", "json", "--out", str(out))
    assert result.exit_code == 0
    assert len(json.loads(out.read_text())["items"]) == 90


def test_export_csv_to_stdout() -> None:
    result = run("framework", "export", "--format", "csv")
    assert result.exit_code == 0 and result.stdout.startswith("id,area,kind,title,statement")
    assert len(result.stdout.splitlines()) == 91


def test_export_moodle_to_file_is_the_moodle_framework_file(tmp_path: Path) -> None:
    from hwc_selfcheck.framework.loader import load_framework
    from hwc_selfcheck.framework.moodle_export import framework_as_moodle_csv

    out = tmp_path / "framework.moodle.csv"
    result = run("framework", "export", "--format", "moodle", "--out", str(out))
    assert result.exit_code == 0 and "Wrote 90 items" in result.stderr
    assert out.read_text(encoding="utf-8") == framework_as_moodle_csv(load_framework())
    assert out.read_text(encoding="utf-8").startswith("Parent ID number,ID number,Short name,Description,")


def test_export_to_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("framework", "export", "--format", "json", "--out", str(blocker / "out.json"))
    assert result.exit_code == 2 and "cannot write" in result.stderr


def test_broken_data_gives_one_clear_line(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = data_copy / "items" / "communication-enabling.yml"
    path.write_text(path.read_text().replace("statement: Builds trust and rapport.", "statement:"))
    monkeypatch.setattr(framework, "DATA_DIR", data_copy)
    framework.load_framework.cache_clear()
    try:
        result = run("framework", "list")
    finally:
        framework.load_framework.cache_clear()
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "communication-enabling.yml: item CE-08, field statement" in lines[0]


def test_installed_command_runs() -> None:
    exe = Path(sys.executable).with_name("hwc-selfcheck")
    result = subprocess.run([str(exe), "framework", "show", "PC-01"], capture_output=True, text=True)
    assert result.returncode == 0 and "Contracting" in result.stdout


# --- self-assessment commands -------------------------------------------------

from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT, EXAMPLE_PREVIOUS  # noqa: E402


def test_validate_ok() -> None:
    result = run("validate", str(EXAMPLE_ASSESSMENT))
    assert result.exit_code == 0 and result.stdout.startswith("OK: ")


def test_schema_assessment_prints_json_schema() -> None:
    result = run("schema", "assessment")
    assert result.exit_code == 0 and json.loads(result.stdout)["properties"]["tier"]["maximum"] == 4


@pytest.mark.parametrize("fmt, marker", [("html", "<!DOCTYPE html>"), ("md", "# Self-assessment: Sam (example)")])
def test_report_formats(tmp_path: Path, fmt: str, marker: str) -> None:
    out = tmp_path / f"r.{fmt}"
    result = run("report", str(EXAMPLE_ASSESSMENT), "--previous", str(EXAMPLE_PREVIOUS), "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith(marker)


BAD_FILES = {
    "missing": None,
    "empty": "",
    "truncated": '{"format": "hwc-selfcheck/assessment", "schema_ver',
    "unknown item": '{"format":"hwc-selfcheck/assessment","schema_version":2,"pseudonym":"K","date":"2026-01-01","tier":1,"ratings":{"PC-99":{"level":1}}}',
    "out of range": '{"format":"hwc-selfcheck/assessment","schema_version":2,"pseudonym":"K","date":"2026-01-01","tier":1,"ratings":{"PC-01":{"level":9}}}',
    "wrong type": '{"format":"hwc-selfcheck/assessment","schema_version":2,"pseudonym":"K","date":"2026-01-01","tier":"one","ratings":{}}',
    "future date": '{"format":"hwc-selfcheck/assessment","schema_version":2,"pseudonym":"K","date":"2999-01-01","tier":1,"ratings":{}}',
    "not a real date": '{"format":"hwc-selfcheck/assessment","schema_version":2,"pseudonym":"K","date":"2026-02-30","tier":1,"ratings":{}}',
    "not UTF-8": '{"format":"hwc-selfcheck/assessment","schema_version":2,"pseudonym":"Ren\xe9e","date":"2026-01-01","tier":1,"ratings":{}}',
}
EXPECTED_WORDS = {
    "missing": "file not found", "empty": "the file is empty", "truncated": "not valid JSON",
    "unknown item": "item PC-99", "out of range": "field ratings.PC-01.level", "wrong type": "field tier",
    "future date": "field date",
    "not a real date": "field date: 30 February 2026 does not exist",
    "not UTF-8": "is not UTF-8 text (byte 0xe9 at position 72 is not UTF-8); save it again as UTF-8",
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_assessment_files_exit_2_and_leave_output_alone(tmp_path: Path, case: str) -> None:
    src = tmp_path / "mine.json"
    if BAD_FILES[case] is not None:
        src.write_text(BAD_FILES[case], encoding="latin-1" if case == "not UTF-8" else "utf-8")
    out = tmp_path / "report.html"
    out.write_text("my earlier report")
    for args in (["validate", str(src)], ["report", str(src), "--out", str(out)]):
        result = run(*args)
        assert result.exit_code == 2, (case, args, result.output)
        assert str(src) in result.stderr and EXPECTED_WORDS[case] in result.stderr
        assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1
    assert out.read_text() == "my earlier report"
    if BAD_FILES[case] is not None:
        assert src.read_text(encoding="latin-1" if case == "not UTF-8" else "utf-8") == BAD_FILES[case]


def test_a_byte_order_mark_is_accepted_by_validate_and_report(tmp_path: Path) -> None:
    src = tmp_path / "from-a-spreadsheet-tool.json"
    src.write_bytes(b"\xef\xbb\xbf" + EXAMPLE_ASSESSMENT.read_bytes())
    assert run("validate", str(src)).stdout.startswith("OK: ")
    assert run("report", str(src), "--out", str(tmp_path / "r.html")).exit_code == 0


def test_report_refuses_a_previous_file_newer_than_the_assessment(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = run("report", str(EXAMPLE_PREVIOUS), "--previous", str(EXAMPLE_ASSESSMENT), "--out", str(out))
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.strip() == (
        "error: --previous: field date: 2026-03-02 is after the date of the self-assessment it is compared with "
        "(2025-12-01); give the older file after --previous (swap the two)")


def test_report_refuses_two_different_people(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text(EXAMPLE_PREVIOUS.read_text().replace("Sam (example)", "Alex"))
    result = run("report", str(EXAMPLE_ASSESSMENT), "--previous", str(other), "--out", str(tmp_path / "r.html"))
    assert result.exit_code == 2 and "same person" in result.stderr
