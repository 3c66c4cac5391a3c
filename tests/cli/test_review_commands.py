"""The review on the command line: schema review, validate, report --review and tier --review."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.cli import app
from hwc_selfcheck.records.review_file import json_schema

runner = CliRunner()
PORTFOLIO, REVIEW = example_path("sam-portfolio.json"), example_path("sam-review.json")


def test_schema_review_prints_the_published_schema() -> None:
    result = runner.invoke(app, ["schema", "review"])
    assert result.exit_code == 0 and json.loads(result.output) == json_schema()


def test_validate_accepts_a_review_and_names_a_bad_field(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(REVIEW)])
    assert result.exit_code == 0 and "OK:" in result.output and "a valid review by 'Alex Morgan (example)'" in result.output
    bad = json.loads(REVIEW.read_text(encoding="utf-8"))
    bad["items"]["PC-01"]["evidence_confirmed"] = "yes"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}: field items.PC-01.evidence_confirmed: 'yes' should be true or false" in result.output


def test_report_with_a_review_adds_the_supervisor_and_never_writes_over_an_input(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(PORTFOLIO), "--review", str(REVIEW), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 items to talk about in supervision" in result.output
    assert "Talk about in supervision" in out.read_text(encoding="utf-8")
    result = runner.invoke(app, ["report", str(PORTFOLIO), "--review", str(REVIEW), "--out", str(REVIEW)])
    assert result.exit_code == 2


def test_tier_counts_a_reviews_approval_only_when_its_conditions_were_met(tmp_path: Path) -> None:
    review = json.loads(REVIEW.read_text(encoding="utf-8"))
    review["approvals"] = [{"tier": 2, "date": "2026-04-14", "name": "Alex Morgan", "own_tier": 3,
                            "independent": True, "evidence": [3]}]
    path = tmp_path / "review.json"
    path.write_text(json.dumps(review), encoding="utf-8")
    result = runner.invoke(app, ["tier", str(PORTFOLIO), "--review", str(path), "--as-of", "2026-04-30"])
    assert result.exit_code == 0, result.output
    assert "your records support Tier 1" in result.output
    assert ("Review: the approval of Tier 2 by Alex Morgan (2026-04-14) does not count: Tier 2, in the coach's "
            "records: 200 NHS coaching hours: 65 logged, 135 still to go. (section 8.2)") in result.output


def test_tier_refuses_a_review_of_another_record_and_a_review_with_csv_files(tmp_path: Path) -> None:
    review = {**json.loads(REVIEW.read_text(encoding="utf-8")), "coach": "Kim", "fingerprint": "0" * 64}
    path = tmp_path / "kim.json"
    path.write_text(json.dumps(review), encoding="utf-8")
    result = runner.invoke(app, ["tier", str(PORTFOLIO), "--review", str(path)])
    assert result.exit_code == 2 and "that was 'Kim''s record, this is 'Sam (example)''s" in result.output
    result = runner.invoke(app, ["tier", str(example_path("sam-hours.csv")), "--review", str(REVIEW)])
    assert result.exit_code == 2 and "a review is of a portfolio file" in result.output
