"""Supervisor eligibility against every minimum standard of appendix 2, section 6."""

from __future__ import annotations

import json
from datetime import date
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


def test_the_example_supervisors_table_says_what_each_standard_shows(fw: Framework) -> None:
    result = check_supervisor(fw, read_supervisor(EXAMPLE, fw))
    table = result.table()
    assert table.header == ["Standard", "Minimum standard", "Met?", "What the record shows", "Still needed"]
    assert table.rows[0] == ["SS-01 Significant NHS coaching experience", "Tier 3 practitioner.", "yes",
                             "Tier 3 recorded; Proof of the tier reached", "—"]
    assert table.rows[1] == ["SS-02 Recent caseload",
                             "At least 50 hours a year, within the current or previous 12 months.", "yes",
                             "51 client hours from 10 March 2025 to 10 March 2026; Record of client hours in the "
                             "last 12 months", "—"]
    assert table.rows[7][2:] == ["not yet", "—",
                                 "Evidence of supervision training, or a statement of equivalent experience"]
    assert result.window_start.isoformat() == "2025-03-10"
    assert result.summary() == ("Alex Morgan (example) does not yet show 1 of the 8 minimum standards (SS-08), on "
                                "the record of 10 March 2026 (appendix 2, section 6).")
    assert result.reminders == ["SS-04: check that the supervisor's own health coaching supervisor is more "
                                "experienced than they are; a record cannot show this (appendix 2, section 6)."]


def test_a_supervisor_with_every_standard_is_eligible(fw: Framework, tmp_path: Path) -> None:
    everything = [{"type": t} for t in evidence_terms(fw)]
    result = check_supervisor(fw, read_supervisor(record(tmp_path, evidence=everything), fw))
    assert result.eligible and result.summary() == (
        "Alex Morgan (example) meets every minimum standard for health coaching supervisors, on the record of "
        "10 March 2026 (appendix 2, section 6).")


@pytest.mark.parametrize("tier, met_", [(3, True), (4, True), (2, False)])
def test_tier_3_is_the_lowest_tier_that_may_supervise(fw: Framework, tmp_path: Path, tier: int, met_: bool) -> None:
    first = check_supervisor(fw, read_supervisor(record(tmp_path, tier=tier), fw)).results[0]
    assert first.met is met_
    if met_:
        assert first.shown == [f"Tier {tier} recorded", "Proof of the tier reached"] and first.missing == []
    else:
        assert first.shown == ["Proof of the tier reached"]
        assert first.missing == ["Tier 2 recorded; at least Tier 3 is needed"]


def test_too_few_recent_hours_say_how_many_are_needed(fw: Framework, tmp_path: Path) -> None:
    path = record(tmp_path, caseload_hours=[{"date": "2025-06-01", "hours": 49.5}])
    second = check_supervisor(fw, read_supervisor(path, fw)).results[1]
    assert second.shown == ["Record of client hours in the last 12 months"]
    assert second.missing == ["49.5 client hours from 10 March 2025 to 10 March 2026; at least 50 are needed"]


def test_no_caseload_hours_means_no_record_of_them(fw: Framework, tmp_path: Path) -> None:
    second = check_supervisor(fw, read_supervisor(record(tmp_path, caseload_hours=[]), fw)).results[1]
    assert second.shown == [] and second.missing == [
        "0 client hours from 10 March 2025 to 10 March 2026; at least 50 are needed",
        "Record of client hours in the last 12 months"]


def test_hours_after_the_check_date_do_not_count(fw: Framework, tmp_path: Path) -> None:
    raw = read_supervisor(record(tmp_path, caseload_hours=[{"date": "2026-03-10", "hours": 20}]), fw)
    later = raw.model_copy(update={"caseload_hours": raw.caseload_hours + [
        raw.caseload_hours[0].model_copy(update={"date": raw.date.replace(day=11), "hours": 40})]})
    assert check_supervisor(fw, later).recent_hours == 20  # the check date counts; the day after does not


def test_an_unknown_kind_of_evidence_lists_the_kinds_when_nothing_is_close(fw: Framework, tmp_path: Path) -> None:
    path = record(tmp_path, evidence=[{"type": "tier_status"}, {"type": "x"}])
    with pytest.raises(InputError) as caught:
        read_supervisor(path, fw)
    assert (caught.value.path, caught.value.where) == (str(path), "field evidence, entry 2, type")
    assert caught.value.problem == ("'x' is not a kind of evidence the supervisor standards ask for; use one of: "
                                    + ", ".join(evidence_terms(fw)))


def test_a_caseload_date_in_the_future_is_refused(fw: Framework, tmp_path: Path) -> None:
    path = record(tmp_path, caseload_hours=[{"date": "2025-06-01", "hours": 5}, {"date": "2999-06-01", "hours": 5}])
    with pytest.raises(InputError, match="in the future") as caught:
        read_supervisor(path, fw)
    assert caught.value.where == "field caseload_hours, entry 2, date"


def test_the_kinds_of_evidence_are_those_the_standards_name_in_their_order(fw: Framework) -> None:
    assert evidence_terms(fw) == [
        "tier_status", "caseload_hours_record", "supervision_examples", "own_supervisor_records",
        "own_supervisor_statement", "statement_of_professional_practice", "statement_of_professional_values",
        "supervision_training_evidence"]


def test_a_record_is_read_with_the_shipped_framework_when_none_is_given() -> None:
    assert read_supervisor(EXAMPLE).name == "Alex Morgan (example)"


@pytest.mark.parametrize("changes, where", [
    ({}, "field date"),
    ({"date": "2026-03-01", "caseload_hours": [{"date": "2026-03-05", "hours": 5}]}, "field caseload_hours, entry 1, date"),
])
def test_dates_after_the_given_day_are_refused(fw: Framework, tmp_path: Path, changes: dict, where: str) -> None:
    path = record(tmp_path, **changes)
    with pytest.raises(InputError, match="in the future") as caught:
        read_supervisor(path, fw, today=date(2026, 3, 4))  # the example is dated 10 March 2026
    assert caught.value.path == str(path) and caught.value.where == where


def test_a_record_with_nothing_shows_every_standard_still_needed(fw: Framework, tmp_path: Path) -> None:
    result = check_supervisor(fw, read_supervisor(record(tmp_path, evidence=[], caseload_hours=[]), fw))
    assert result.summary() == (
        "Alex Morgan (example) does not yet show 8 of the 8 minimum standards (SS-01, SS-02, SS-03, SS-04, SS-05, "
        "SS-06, SS-07, SS-08), on the record of 10 March 2026 (appendix 2, section 6).")
    assert result.table().rows[3][3:] == [
        "—", "Records of their own supervision and the name of their supervisor; A signed statement from their own "
             "health coaching supervisor"]
