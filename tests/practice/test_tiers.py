"""Tier progress: hours at their boundaries, training, approvals, projection and bad files."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.practice.tiers import (
    Approval,
    HoursEntry,
    TrainingRecord,
    progress_as_dict,
    read_approvals,
    read_hours_log,
    read_training,
    records_text,
    requirements_table,
    tier_progress,
)

AS_OF = date(2026, 3, 31)
COURSE = [TrainingRecord(2, date(2025, 9, 11), "Health coaching", True, 4)]


def log(*hours: float, nhs: bool = True, supervised: bool = True, start: date = date(2025, 10, 1)) -> list[HoursEntry]:
    return [HoursEntry(n + 2, start + timedelta(days=n), Decimal(str(h)), "GP practice", nhs, supervised)
            for n, h in enumerate(hours)]


def approval(tier: int, independent: bool | None = True, evidence: bool = True) -> Approval:
    return Approval(2, date(2026, 3, 1), tier, "Jo", independent, evidence)


def by_what(progress, tier: int) -> dict[str, bool]:
    return {r.what: r.met for r in progress.requirements[tier]}


def test_exactly_50_supervised_nhs_hours_with_the_course_is_tier_1(fw: Framework) -> None:
    progress = tier_progress(fw, log(25, 25), COURSE, as_of=AS_OF)
    assert progress.tier == 1 and by_what(progress, 1) == {"hours": True, "training": True}


def test_49_and_a_half_hours_is_not_yet_tier_1(fw: Framework) -> None:
    progress = tier_progress(fw, log(25, 24.5), COURSE, as_of=AS_OF)
    assert progress.tier == 0 and progress.next_tier == 1
    assert [r.text for r in progress.missing] == ["50 supervised NHS coaching hours: 49.5 logged, 0.5 still to go"]


def test_tier_1_counts_only_supervised_nhs_hours(fw: Framework) -> None:
    entries = log(40) + log(10, supervised=False) + log(10, nhs=False)
    progress = tier_progress(fw, entries, COURSE, as_of=AS_OF)
    assert progress.tier == 0
    assert (progress.nhs_hours, progress.supervised_nhs_hours, progress.other_hours) == (50, 40, 10)
    assert any("10 hours were not in the NHS" in n for n in progress.notes)


def test_tier_1_needs_the_four_day_pci_course(fw: Framework) -> None:
    for course in ([], [TrainingRecord(2, date(2025, 9, 11), "Short course", True, 3)],
                   [TrainingRecord(2, date(2025, 9, 11), "Other course", False, 5)]):
        progress = tier_progress(fw, log(60), course, as_of=AS_OF)
        assert progress.tier == 0 and by_what(progress, 1)["training"] is False


def test_tier_2_needs_hours_evidence_and_an_independent_approval(fw: Framework) -> None:
    hours = log(100, 100)
    assert tier_progress(fw, hours, COURSE, [approval(2)], AS_OF).tier == 2
    not_independent = tier_progress(fw, hours, COURSE, [approval(2, independent=False)], AS_OF)
    assert not_independent.tier == 1 and by_what(not_independent, 2) == {
        "hours": True, "competency": True, "approval": False}
    assert "not marked as independent" in not_independent.missing[0].text
    assert tier_progress(fw, hours, COURSE, [approval(2, independent=None)], AS_OF).tier == 1
    assert tier_progress(fw, hours, COURSE, [approval(2, evidence=False)], AS_OF).tier == 1
    assert tier_progress(fw, log(100, 99.5), COURSE, [approval(2)], AS_OF).tier == 1


def test_tier_2_hours_include_unsupervised_nhs_hours(fw: Framework) -> None:
    hours = log(50) + log(150, supervised=False)
    assert tier_progress(fw, hours, COURSE, [approval(2)], AS_OF).tier == 2


def test_tiers_build_on_each_other(fw: Framework) -> None:
    hours = log(250, 250)
    # Tier 3's evidence agreed, but Tier 2 never approved: the records support Tier 1 only.
    assert tier_progress(fw, hours, COURSE, [approval(3, independent=False)], AS_OF).tier == 1
    assert tier_progress(fw, hours, COURSE, [approval(2), approval(3, independent=False)], AS_OF).tier == 3


def test_records_after_the_check_date_are_left_out(fw: Framework) -> None:
    assert tier_progress(fw, log(50, start=date(2026, 4, 1)), COURSE, as_of=AS_OF).nhs_hours == 0


def test_projection_uses_the_last_12_weeks(fw: Framework) -> None:
    # 12 hours in each of the last 12 weeks, none before: 144 of 200, 56 to go at 12 a week = 33 days.
    weekly = [HoursEntry(n, AS_OF - timedelta(weeks=n), Decimal(12), "", True, True) for n in range(12)]
    progress = tier_progress(fw, weekly, COURSE, as_of=AS_OF)
    assert progress.tier == 1
    projection = progress.projection
    assert projection.tier == 2 and projection.still_needed == 56
    # The first entry is less than 12 weeks back, so the rate is taken from the first entry: 144 in 78 days.
    assert projection.window_start == AS_OF - timedelta(weeks=11)
    assert projection.reached_on == AS_OF + timedelta(days=31)  # ceil(56 x 78 / 144) = 31


def test_no_recent_hours_means_no_projected_date(fw: Framework) -> None:
    progress = tier_progress(fw, log(60, start=date(2025, 1, 1)), COURSE, as_of=AS_OF)
    assert progress.projection.reached_on is None and "no date can be projected" in progress.projection.text


def test_hours_before_the_course_are_pointed_out(fw: Framework) -> None:
    progress = tier_progress(fw, log(5, start=date(2025, 9, 1)) + log(50), COURSE, as_of=AS_OF)
    assert any("dated before your training ended" in n and "section 4.1" in n for n in progress.notes)


def test_the_example_coach(fw: Framework) -> None:
    progress = tier_progress(
        fw, read_hours_log(example_path("sam-hours.csv")), read_training(example_path("sam-training.csv")),
        read_approvals(example_path("sam-approvals.csv")), AS_OF)
    assert progress.tier == 1 and progress.supervised_nhs_hours == 60 and progress.nhs_hours == 65
    assert {r.what for r in progress.missing} == {"hours", "competency", "approval"}
    assert "Tier 1" in repr(requirements_table(progress))




BAD_HOURS = {
    "missing column": ("date,hours,setting,nhs,note\n2026-01-05,1,GP,yes,\n", "row 1", "'supervised' is missing"),
    "bad date": ("date,hours,setting,nhs,supervised\n2026-01-05,1,GP,yes,yes\n5 Jan 2026,1,GP,yes,yes\n",
                 "row 3, column date", "is not a date"),
    "negative hours": ("date,hours,setting,nhs,supervised\n2026-01-05,-2,GP,yes,yes\n", "row 2, column hours", "more than 0"),
    "non-numeric hours": ("date,hours,setting,nhs,supervised\n2026-01-05,two,GP,yes,yes\n", "row 2, column hours", "not a number"),
    "too many hours": ("date,hours,setting,nhs,supervised\n2026-01-05,25,GP,yes,yes\n", "row 2, column hours", "more than 24"),
    "yes or no": ("date,hours,setting,nhs,supervised\n2026-01-05,1,GP,maybe,yes\n", "row 2, column nhs", "yes or no"),
    "future": ("date,hours,setting,nhs,supervised\n2999-01-05,1,GP,yes,yes\n", "row 2, column date", "in the future"),
}


@pytest.mark.parametrize("case", sorted(BAD_HOURS))
def test_bad_hours_logs(tmp_path: Path, case: str) -> None:
    text, where, words = BAD_HOURS[case]
    path = tmp_path / "hours.csv"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        read_hours_log(path)
    assert caught.value.where == where and words in caught.value.problem


def test_bad_training_and_approvals(tmp_path: Path) -> None:
    training = tmp_path / "t.csv"
    training.write_text("date,course,pci_accredited,days\n2025-09-11,Course,yes,four\n")
    with pytest.raises(InputError, match="not a whole number") as caught:
        read_training(training)
    assert caught.value.where == "row 2, column days"
    approvals = tmp_path / "a.csv"
    approvals.write_text("date,tier,approved_by,independent,competency_evidence\n2026-01-05,1,Jo,yes,yes\n")
    with pytest.raises(InputError, match="must be from 2 to 4") as caught:
        read_approvals(approvals)
    assert caught.value.where == "row 2, column tier"


@pytest.mark.parametrize("hours, words", [
    ((25, 24.5), "On 31 March 2026 your records do not yet support Tier 1."),
    ((25, 25), "On 31 March 2026 your records support Tier 1."),
])
def test_summary_is_a_plain_sentence(fw: Framework, hours: tuple[float, ...], words: str) -> None:
    assert tier_progress(fw, log(*hours), COURSE, as_of=AS_OF).summary().startswith(words)


def test_a_record_not_given_cannot_be_checked_rather_than_missing(fw: Framework) -> None:
    no_record = tier_progress(fw, log(60), None, as_of=AS_OF)
    training = next(r for r in no_record.requirements[1] if r.what == "training")
    assert no_record.tier == 0 and not training.met and not training.checked and training.state == "not checked"
    assert training.text.endswith("cannot be checked, because no training record was given")
    assert no_record.unchecked == [training]
    empty_record = next(r for r in tier_progress(fw, log(60), [], as_of=AS_OF).requirements[1] if r.what == "training")
    assert empty_record.checked and empty_record.state == "not yet" and "not in your training record" in empty_record.text


@pytest.mark.parametrize("approvals, checked", [(None, False), ([], True)])
def test_approvals_not_given_cannot_be_checked(fw: Framework, approvals: list[Approval] | None, checked: bool) -> None:
    progress = tier_progress(fw, log(100, 100), COURSE, approvals, AS_OF)
    tier_2 = [r for r in progress.requirements[2] if r.what in ("competency", "approval")]
    assert progress.tier == 1 and len(tier_2) == 2 and {r.checked for r in tier_2} == {checked}
    assert all(("no progression approvals record was given" in r.text) is not checked for r in tier_2)
    assert all(("not recorded yet" in r.text) is checked for r in tier_2)
    assert [row[2] for row in requirements_table(progress).rows if row[0] == "2"][1:] == (
        ["not yet"] * 2 if checked else ["not checked"] * 2)


def test_records_text_counts_and_names_a_record_not_given() -> None:
    one = [TrainingRecord(2, date(2025, 9, 11), "Course", True, 4)]
    assert records_text(log(1, 2), one, []) == "2 rows of hours, 1 course and 0 approvals"
    assert records_text(log(1), None, None) == (
        "1 row of hours, no training record and no progression approvals record")


@pytest.mark.parametrize("hours, words", [(1, "1 hour was not in the NHS, so it does not"),
                                          (2, "2 hours were not in the NHS, so they do not")])
def test_the_note_on_hours_outside_the_nhs_agrees_with_its_number(fw: Framework, hours: int, words: str) -> None:
    progress = tier_progress(fw, log(50) + log(hours, nhs=False), COURSE, as_of=AS_OF)
    assert any(n.startswith(words) for n in progress.notes)


def test_progress_as_dict_is_plain_json_of_the_same_result(fw: Framework) -> None:
    progress = tier_progress(fw, log(*[1.5] * 20, 0.25), COURSE, [], AS_OF)
    shown = progress_as_dict(progress)
    assert json.loads(json.dumps(shown)) == shown
    assert shown["tier"] == 0 and shown["next_tier"] == 1 and shown["nhs_hours"] == "30.25"
    assert shown["summary"] == progress.summary()
    assert [r["text"] for r in shown["missing"]] == [r.text for r in progress.missing]
    assert shown["missing"][0]["state"] == "not yet" and shown["missing"][0]["source"] == "section 8.2"
    assert len(shown["requirements"]) == sum(len(r) for r in progress.requirements.values())
    assert progress.projection is not None and shown["projection"]["text"] == progress.projection.text
    assert shown["projection"]["still_needed"] == "19.75"
