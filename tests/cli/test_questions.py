"""``hwc-selfcheck questions``: listing, exporting, and clear one-line errors with exit status 2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hwc_selfcheck.cli import app
from hwc_selfcheck.framework import loader as framework
from hwc_selfcheck.quiz import bank as questions

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["questions", *args])


def test_list_shows_every_chapter_and_the_total() -> None:
    result = run("list")
    assert result.exit_code == 0
    assert "book/role/boundaries" in result.stdout and "Boundaries and referring on" in result.stdout
    total = len(questions.load_questions().questions)
    assert f"{total} questions in 19 chapters." in result.stdout


def test_export_json_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "questions.json"
    result = run("export", "--format", "json", "--out", str(out))
    assert result.exit_code == 0 and "Wrote" in result.stderr
    assert len(json.loads(out.read_text())["chapters"]) == 19


def test_export_csv_of_one_chapter_to_standard_output() -> None:
    result = run("export", "--format", "csv", "--chapter", "role-boundaries")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["chapter"] for r in rows} == {"book/role/boundaries"}
    assert len({r["question_id"] for r in rows}) == len(questions.load_questions().chapter("boundaries").questions)


def test_export_sheet(tmp_path: Path) -> None:
    out = tmp_path / "sheet.html"
    result = run("export", "--format", "sheet", "--chapter", "book/employing/supervision", "--out", str(out))
    assert result.exit_code == 0
    text = out.read_text()
    assert text.startswith("<!DOCTYPE html>") and "Knowledge checks: Supervision" in text and "Answer key" in text


def test_unknown_chapter_suggests_and_keeps_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "mine.json"
    out.write_text("keep me")
    result = run("export", "--format", "json", "--chapter", "book/role/boundary", "--out", str(out))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "no questions for 'book/role/boundary'" in result.stderr and "Did you mean book/role/boundaries" in result.stderr
    assert out.read_text() == "keep me"


def test_unknown_format_is_refused() -> None:
    result = run("export", "--format", "pdf")
    assert result.exit_code == 2 and "pdf" in result.output


def test_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("export", "--format", "csv", "--out", str(blocker / "out.csv"))
    assert result.exit_code == 2 and "cannot write" in result.stderr


def test_broken_question_data_gives_one_clear_line(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = data_copy / "questions" / "role-values.yml"
    path.write_text(path.read_text().replace("type: single", "type: one", 1))
    monkeypatch.setattr(questions, "DATA_DIR", data_copy)
    monkeypatch.setattr(framework, "DATA_DIR", data_copy)
    questions.load_questions.cache_clear()
    framework.load_framework.cache_clear()
    try:
        result = run("export", "--format", "json")
    finally:
        questions.load_questions.cache_clear()
        framework.load_framework.cache_clear()
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "role-values.yml: question KC-VAL-02, field type" in lines[0]
