"""Every command that writes refuses to write over one of its own inputs, and writes nothing when it refuses."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable

import click
import pytest
import typer
from typer.testing import CliRunner

from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT, EXAMPLE_PREVIOUS, example_path
from hwc_selfcheck.cli import app
from hwc_selfcheck.framework.loader import DATA_DIR
from hwc_selfcheck.notebook.providers import EXAMPLE_COURSE, EXAMPLE_TEAM

runner = CliRunner()

# Options that name a file a command writes. A new one must get a case below.
WRITING_OPTIONS = ("--out", "--chart")


def copy(name: str, source: Path, folder: Path) -> Path:
    target = folder / name
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copyfile(source, target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (links as their target's name), so a test can prove nothing changed."""
    return {
        str(p.relative_to(folder)): (f"-> {os.readlink(p)}".encode() if p.is_symlink() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_symlink() or p.is_file()
    }


def report_over_assessment(tmp: Path) -> list[str]:
    mine = copy("mine.json", EXAMPLE_ASSESSMENT, tmp)
    return ["report", str(mine), "--out", str(mine)]


def markdown_report_over_previous(tmp: Path) -> list[str]:
    mine, old = copy("mine.json", EXAMPLE_ASSESSMENT, tmp), copy("old.json", EXAMPLE_PREVIOUS, tmp)
    return ["report", str(mine), "--previous", str(old), "--format", "md", "--out", str(tmp / "sub" / ".." / "old.json")]


def course_map_csv_beside_report(tmp: Path) -> list[str]:
    course = copy("mycourse.csv", EXAMPLE_COURSE, tmp)
    return ["course-map", str(course), "--out", str(tmp / "mycourse.html")]


def course_map_through_a_link(tmp: Path) -> list[str]:
    course = copy("course.csv", EXAMPLE_COURSE, tmp)
    (tmp / "report.html").symlink_to(course)
    return ["course-map", str(course), "--out", str(tmp / "report.html")]


def cohort_over_a_member(tmp: Path) -> list[str]:
    team = copy("team", EXAMPLE_TEAM, tmp)
    (tmp / "team.html").symlink_to(team / "coach-03.json")
    return ["cohort", str(team), "--out", str(tmp / "team.html")]


def cohort_over_earlier_round(tmp: Path) -> list[str]:
    team, before = copy("team", EXAMPLE_TEAM, tmp), copy("before", EXAMPLE_TEAM, tmp)
    os.link(before / "coach-01.json", tmp / "team.html")  # a hard link: another name for the same file
    return ["cohort", str(team), "--previous", str(before), "--out", str(tmp / "team.html")]


def checklist_over_ticks(tmp: Path) -> list[str]:
    ticks = copy("ticks.json", example_path("sam-checklists.json"), tmp)
    return ["checklist", "induction", "--ticks", str(ticks), "--out", str(ticks)]


def tier_chart_over_hours(tmp: Path) -> list[str]:
    hours = copy("hours.csv", example_path("sam-hours.csv"), tmp)
    (tmp / "chart.png").symlink_to(hours)  # a chart must end in .png or .svg; this one is the hours log by another name
    return ["tier", str(hours), "--as-of", "2026-03-31", "--chart", str(tmp / "chart.png")]


def tier_chart_over_training(tmp: Path) -> list[str]:
    hours = copy("hours.csv", example_path("sam-hours.csv"), tmp)
    training = copy("training.csv", example_path("sam-training.csv"), tmp)
    (tmp / "chart.svg").symlink_to(training)
    return ["tier", str(hours), "--training", str(training), "--as-of", "2026-03-31", "--chart", str(tmp / "chart.svg")]


def export_into_package_data(tmp: Path) -> list[str]:
    (tmp / "areas.json").symlink_to(DATA_DIR / "areas.yml")  # if the guard failed, only this link would be replaced
    return ["framework", "export", "--format", "json", "--out", str(tmp / "areas.json")]


def questions_into_package_data(tmp: Path) -> list[str]:
    (tmp / "chapters.csv").symlink_to(DATA_DIR / "questions" / "chapters.yml")
    return ["questions", "export", "--format", "csv", "--out", str(tmp / "chapters.csv")]


CASES: dict[str, tuple[tuple[str, str], Callable[[Path], list[str]], str]] = {
    # name: ((command, option), make the files and return the arguments, what the message names)
    "report over its assessment": (("report", "--out"), report_over_assessment, "the self-assessment"),
    "md report over --previous": (("report", "--out"), markdown_report_over_previous, "the earlier self-assessment"),
    "course map CSV over the course": (("course-map", "--out"), course_map_csv_beside_report, "the CSV written beside it"),
    "course map through a link": (("course-map", "--out"), course_map_through_a_link, "the course plan"),
    "cohort over a member's file": (("cohort", "--out"), cohort_over_a_member, "a self-assessment in the folder"),
    "cohort over the earlier round": (("cohort", "--out"), cohort_over_earlier_round, "the earlier round's folder"),
    "checklist over its ticks": (("checklist", "--out"), checklist_over_ticks, "the checklist ticks"),
    "tier chart over the hours": (("tier", "--chart"), tier_chart_over_hours, "the hours log"),
    "tier chart over training": (("tier", "--chart"), tier_chart_over_training, "the training record"),
    "export into package data": (("framework export", "--out"), export_into_package_data, "own data folder"),
    "questions into package data": (("questions export", "--out"), questions_into_package_data, "own data folder"),
}


def writing_options() -> set[tuple[str, str]]:
    """(command, option) for every option of every command that names a file to write."""
    found = set()

    def walk(command: click.Command, name: str) -> None:
        for sub_name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{name} {sub_name}".strip())
        for param in command.params:
            found.update((name, opt) for opt in param.opts if opt in WRITING_OPTIONS)

    walk(typer.main.get_command(app), "")
    return found


def test_every_writing_command_has_a_case() -> None:
    assert writing_options() == {case[0] for case in CASES.values()}


@pytest.mark.parametrize("name", list(CASES))
def test_refuses_to_write_over_an_input(tmp_path: Path, name: str) -> None:
    _, make, named = CASES[name]
    args = make(tmp_path)
    before = snapshot(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "nothing was written" in lines[0], result.stderr
    assert named in lines[0]
    assert snapshot(tmp_path) == before, "a refused command must leave every file as it was"


def test_a_report_beside_its_input_is_still_written(tmp_path: Path) -> None:
    mine = copy("mine.json", EXAMPLE_ASSESSMENT, tmp_path)
    result = runner.invoke(app, ["report", str(mine), "--out", str(tmp_path / "mine.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "mine.html").read_text().startswith("<!DOCTYPE html>")
    assert mine.read_bytes() == EXAMPLE_ASSESSMENT.read_bytes()
