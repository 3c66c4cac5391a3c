"""The provider and employer commands: reports on success, clear lines and exit 2 on bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hwc_selfcheck.cli import app
from hwc_selfcheck.notebook.providers import EXAMPLE_COURSE, EXAMPLE_TEAM, EXAMPLE_TEAM_EARLIER

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def test_course_map_writes_the_report_and_the_csv(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = run("course-map", EXAMPLE_COURSE, "--out", out)
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("<!DOCTYPE html>") and (tmp_path / "map.csv").read_text().startswith("id,")
    assert "26 of 27 Tier 1 competencies covered, 1 gap, 3 claims to check." in result.stderr
    assert "map.csv" in result.stderr and "employer's mandatory training" in result.stderr


def test_bad_course_lists_every_problem_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    course = tmp_path / "course.csv"
    course.write_text("day,session,learning_outcome,item_ids,delivery_mode\n1,A,B,PC-1O,face_to_face\n2,C,D,CE-02,zoom\n")
    out = tmp_path / "map.html"
    out.write_text("my earlier report")
    result = run("course-map", course, "--out", out)
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"error: {course}: 2 problems; fix them and run again:"
    assert "row 2, column item_ids" in lines[1] and "did you mean PC-10" in lines[1] and "row 3, column delivery_mode" in lines[2]
    assert out.read_text() == "my earlier report" and not (tmp_path / "map.csv").exists()


@pytest.mark.parametrize("command", ["course-map", "cohort"])
def test_out_must_be_a_web_page(tmp_path: Path, command: str) -> None:
    source = EXAMPLE_COURSE if command == "course-map" else EXAMPLE_TEAM
    result = run(command, source, "--out", tmp_path / "report.csv")
    assert result.exit_code == 2 and "should end in .html" in result.stderr


def test_cohort_report_lists_left_out_files(tmp_path: Path) -> None:
    out = tmp_path / "team.html"
    result = run("cohort", EXAMPLE_TEAM, "--previous", EXAMPLE_TEAM_EARLIER, "--out", out)
    assert result.exit_code == 0, result.output
    assert "left out: coach-16.json: item CE-11" in result.stderr
    assert "15 self-assessments counted, 1 left out." in result.stderr
    page = out.read_text()
    assert "Change since March 2026" in page and "Coach 01" not in page


def test_cohort_with_no_valid_file_exits_2_and_keeps_the_old_report(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "a.json").write_text('{"format": "hwc-selfcheck/assessment"')
    (team / "b.json").write_text("[]")
    out = tmp_path / "team.html"
    out.write_text("last month's report")
    result = run("cohort", team, "--out", out)
    assert result.exit_code == 2 and out.read_text() == "last month's report"
    assert result.stderr.startswith(f"error: {team}: no valid self-assessment in its 2 .json files (a.json: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_cohort_counts_a_copied_file_once_and_says_so(tmp_path: Path) -> None:
    team = tmp_path / "team"
    shutil.copytree(EXAMPLE_TEAM, team)
    shutil.copyfile(team / "coach-03.json", team / "coach-03-copy.json")
    out = tmp_path / "team.html"
    result = run("cohort", team, "--out", out)
    assert result.exit_code == 0, result.output
    assert "15 self-assessments counted, 1 left out, 1 repeated file counted once." in result.stderr
    assert "the same person counted twice, most likely a copy. Each person was counted once." in out.read_text()


def test_cohort_missing_folder_exits_2(tmp_path: Path) -> None:
    result = run("cohort", tmp_path / "none", "--out", tmp_path / "team.html")
    assert result.exit_code == 2 and "folder not found" in result.stderr
    assert not (tmp_path / "team.html").exists()


def test_schema_course_and_case_export(tmp_path: Path) -> None:
    schema = json.loads(run("schema", "course").stdout)
    assert schema["properties"]["delivery_mode"]
    out = tmp_path / "case.json"
    result = run("framework", "export", "--format", "case", "--out", out)
    assert result.exit_code == 0 and {"CFDocument", "CFItems", "CFAssociations"} <= set(json.loads(out.read_text()))
