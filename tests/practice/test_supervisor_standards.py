"""Supervisor eligibility against every minimum standard of appendix 2, section 6."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.practice.supervisor_standards import check_supervisor, evidence_terms, read_supervisor

EXAMPLE = example_path("alex-supervisor.json")


def record(tmp_path: Path, **changes) -> Path:
    raw = json.loads(EXAMPLE.read_text())
    raw.update(changes)
    path = tmp_path / "supervisor.json"
    path.write_text(json.dumps(raw))
    return path


def met(fw: Framework, path: Path) -> dict[str, bool]:
    return {r.item.id: r.met for r in check_supervisor(fw, read_supervisor(path, fw)).results}


def test_recent_caseload_rule_is_the_figure_in_the_source(fw: Framework, source_lines: list[str]) -> None:
    rule = fw.rules.supervisor_recent_caseload
    assert (rule.item, rule.hours, rule.months) == ("SS-02", 50, 12)
    assert any(f"Minimum {rule.hours} hours per year in current previous {rule.months} months" in line
               for line in source_lines)


def test_the_example_supervisor_lacks_only_supervision_training(fw: Framework) -> None:
    result = check_supervisor(fw, read_supervisor(EXAMPLE, fw))
    assert [r.item.id for r in result.results] == [f"SS-0{n}" for n in range(1, 9)]
    assert [r.item.id for r in result.results if not r.met] == ["SS-08"] and not result.eligible
    assert result.recent_hours == 51  # February 2025 falls outside the 12 months before 10 March 2026
    assert "does not yet show 1 of the 8" in result.summary()


@pytest.mark.parametrize("hours, expected", [(50, True), (49.5, False)])
def test_recent_caseload_boundary(fw: Framework, tmp_path: Path, hours: float, expected: bool) -> None:
    path = record(tmp_path, caseload_hours=[{"date": "2025-06-01", "hours": hours}])
    assert met(fw, path)["SS-02"] is expected


def test_twelve_months_back_counts_the_day_itself(fw: Framework, tmp_path: Path) -> None:
    on_the_day = record(tmp_path, caseload_hours=[{"date": "2025-03-10", "hours": 50}])
    assert met(fw, on_the_day)["SS-02"] is True
    day_before = record(tmp_path, caseload_hours=[{"date": "2025-03-09", "hours": 50}])
    assert met(fw, day_before)["SS-02"] is False


def test_tier_2_cannot_supervise(fw: Framework, tmp_path: Path) -> None:
    result = check_supervisor(fw, read_supervisor(record(tmp_path, tier=2), fw))
    first = result.results[0]
    assert first.item.id == "SS-01" and not first.met and "at least Tier 3 is needed" in first.missing[0]


def test_every_standard_needs_its_evidence(fw: Framework, tmp_path: Path) -> None:
    outcome = met(fw, record(tmp_path, evidence=[], caseload_hours=[]))
    assert not any(outcome.values())
    everything = [{"type": t} for t in evidence_terms(fw)]
    assert all(met(fw, record(tmp_path, evidence=everything)).values())


@pytest.mark.parametrize("changes, where, words", [
    ({"evidence": [{"type": "supervison_examples"}]}, "field evidence, entry 1, type", "did you mean supervision_examples"),
    ({"date": "2999-01-01"}, "field date", "in the future"),
    ({"caseload_hours": [{"date": "2025-05-01", "hours": -3}]}, "field caseload_hours, entry 1, hours", "must be more than 0"),
    ({"tier": 5}, "field tier", "must be at most 4"),
    ({"format": "hwc-selfcheck/assessment"}, "field format", "not a hwc-selfcheck supervisor record"),
])
def test_bad_supervisor_records(fw: Framework, tmp_path: Path, changes: dict, where: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        read_supervisor(record(tmp_path, **changes), fw)
    assert caught.value.where == where and words in caught.value.problem
