"""The portfolio file: one JSON record that every command reads as it reads the separate CSV records."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource
from typer.testing import CliRunner

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.assessment.record import json_schema as assessment_schema
from hwc_selfcheck.cli import app
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.practice.portfolio import read_portfolio
from hwc_selfcheck.practice.supervision import read_supervision_log
from hwc_selfcheck.practice.tiers import read_approvals, read_hours_log, read_training
from hwc_selfcheck.records.portfolio_file import LISTS, json_schema, read_portfolio_file

EXAMPLE = example_path("sam-portfolio.json")
runner = CliRunner()


def _csv_entries(name: str) -> list[dict[str, str]]:
    with open(example_path(name), encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if any(v.strip() for v in row.values())]


def test_the_example_holds_exactly_the_example_csv_records() -> None:
    doc = json.loads(EXAMPLE.read_text())
    sources = {"hours": "sam-hours.csv", "supervision": "sam-supervision.csv", "training": "sam-training.csv",
               "approvals": "sam-approvals.csv", "evidence": "sam-portfolio.csv"}
    assert set(sources) == set(LISTS)
    for name, source in sources.items():
        assert doc[name] == _csv_entries(source), name
    assert doc["assessment"] == json.loads(example_path("assessment-2026-03-02.json").read_text())


def test_reading_gives_the_same_records_as_the_csv_files(fw: Framework) -> None:
    held = read_portfolio_file(EXAMPLE, fw)
    strip = lambda records: [{k: v for k, v in vars(r).items() if k != "row"} for r in records]  # noqa: E731
    assert strip(held.hours) == strip(read_hours_log(example_path("sam-hours.csv")))
    assert strip(held.supervision) == strip(read_supervision_log(example_path("sam-supervision.csv")))
    assert strip(held.training) == strip(read_training(example_path("sam-training.csv")))
    assert strip(held.approvals) == strip(read_approvals(example_path("sam-approvals.csv")))
    assert strip(held.evidence) == strip(read_portfolio(example_path("sam-portfolio.csv"), fw))
    assert held.assessment is not None and held.assessment.pseudonym == "Sam (example)"
    assert held.fte == 1 and [e.row for e in held.hours[:3]] == [1, 2, 3]


def test_the_published_schema_accepts_the_example_and_refuses_an_unknown_field() -> None:
    registry = Registry().with_resource("assessment.schema.json", Resource.from_contents(assessment_schema()))
    validator = jsonschema.Draft202012Validator(json_schema(), registry=registry)
    doc = json.loads(EXAMPLE.read_text())
    assert list(validator.iter_errors(doc)) == []
    doc["hours"][0]["minutes"] = "60"
    assert [e.validator for e in validator.iter_errors(doc)] == ["additionalProperties"]


def _write(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    doc = json.loads(EXAMPLE.read_text())
    change(doc)
    path = tmp_path / "portfolio.json"
    path.write_text(json.dumps(doc))
    return path


BAD = {
    "a value a CSV row would refuse": (lambda d: d["hours"][2].update(hours="25"),
                                       "hours entry 3, field hours", "more than 24"),
    "a field no record has": (lambda d: d["supervision"][0].update(room="3"),
                              "supervision entry 1, field room", "not a field of supervision entries"),
    "a required field missing": (lambda d: d["training"][1].pop("days"), "training entry 2, field days", "missing"),
    "an item that is not in the framework": (lambda d: d["evidence"][0].update(items="PC-99"),
                                             "evidence entry 1, field items", "not an item ID"),
    "a bad working pattern": (lambda d: d.update(fte="1.5"), "field fte", "at most 1"),
    "a bad rating inside the self-assessment": (lambda d: d["assessment"]["ratings"]["PC-01"].update(level=7),
                                                "assessment, field ratings.PC-01.level", "it must be at most 4"),
    "a date in the future": (lambda d: d.update(date="2999-01-01"), "field date", "in the future"),
    "a newer schema version": (lambda d: d.update(schema_version=9), "field schema_version", "newer"),
    "another record's format": (lambda d: d.update(format="hwc-selfcheck/assessment"), "field format",
                                "not a hwc-selfcheck portfolio"),
    "a number where text is expected": (lambda d: d["hours"][0].update(hours=1.5), "field hours, entry 1, hours",
                                        "1.5 should be text, in quotes"),
    "more than 24 hours on one day": (lambda d: d["hours"].extend([{**d["hours"][0], "hours": "12"}] * 2),
                                      f"hours entries 1, {len(json.loads(EXAMPLE.read_text())['hours']) + 1} and "
                                      f"{len(json.loads(EXAMPLE.read_text())['hours']) + 2}",
                                      "add up to more than the 24 hours in a day; is an entry there twice"),
}


@pytest.mark.parametrize("change, where, words", BAD.values(), ids=list(BAD))
def test_bad_files_name_the_entry_and_field(fw: Framework, tmp_path: Path, change, where: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        read_portfolio_file(_write(tmp_path, change), fw)
    assert caught.value.where == where and words in caught.value.problem


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_tier_and_supervision_give_the_same_answer_from_either_kind_of_file() -> None:
    csv_tier = _run("tier", str(example_path("sam-hours.csv")), "--training", str(example_path("sam-training.csv")),
                    "--approvals", str(example_path("sam-approvals.csv")), "--as-of", "2026-03-31")
    assert _run("tier", str(EXAMPLE), "--as-of", "2026-03-31") == csv_tier and csv_tier[0] == 0
    period = ["--from", "2025-10-01", "--to", "2026-03-31"]
    csv_supervision = _run("supervision", str(example_path("sam-supervision.csv")), *period)
    assert _run("supervision", str(EXAMPLE), *period) == csv_supervision and csv_supervision[0] == 0


def test_supervision_takes_the_working_pattern_from_the_file_unless_told(tmp_path: Path) -> None:
    part_time = _write(tmp_path, lambda d: d.update(fte="0.6"))
    period = ["--from", "2025-10-01", "--to", "2026-03-31"]
    assert "for 0.6 of full time" in _run("supervision", str(part_time), *period)[1]
    assert "for a full-time coach" in _run("supervision", str(part_time), *period, "--fte", "1")[1]


def test_tier_refuses_separate_records_beside_a_portfolio_file() -> None:
    code, output = _run("tier", str(EXAMPLE), "--training", str(example_path("sam-training.csv")))
    assert code == 2 and "leave out --training and --approvals" in output


def test_validate_portfolio_and_report_read_the_file(tmp_path: Path) -> None:
    code, output = _run("validate", str(EXAMPLE))
    assert code == 0 and "valid portfolio for 'Sam (example)': 47 items rated, 53 hours entries" in output
    assert _run("portfolio", str(EXAMPLE))[1] == _run("portfolio", str(example_path("sam-portfolio.csv")))[1]
    with_evidence, alone = tmp_path / "portfolio.md", tmp_path / "assessment.md"
    assert _run("report", str(EXAMPLE), "--format", "md", "--out", str(with_evidence))[0] == 0
    assert _run("report", str(example_path("assessment-2026-03-02.json")), "--format", "md", "--out", str(alone))[0] == 0
    assert "| In your portfolio | Still to collect |" in with_evidence.read_text()
    assert "In your portfolio" not in alone.read_text()


def test_report_needs_a_self_assessment_in_the_file(tmp_path: Path) -> None:
    code, output = _run("report", str(_write(tmp_path, lambda d: d.update(assessment=None))),
                        "--out", str(tmp_path / "r.html"))
    assert code == 2 and "field assessment: is empty" in output and not (tmp_path / "r.html").exists()


def test_schema_command_prints_the_portfolio_schema() -> None:
    code, output = _run("schema", "portfolio")
    assert code == 0 and json.loads(output)["title"] == "hwc-selfcheck portfolio (schema version 1)"
