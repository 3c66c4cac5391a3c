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
    Projection,
    TrainingRecord,
    hours_text,
    hours_words,
    progress_as_dict,
    read_approvals,
    read_hours_log,
    read_training,
    records_text,
    requirements_table,
    tier_progress,
)
from tests.corpus.portfolio import generate


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
    table = requirements_table(progress)
    assert table.header == ["Tier", "What it asks for, and where your records stand", "Met?", "Source"]
    assert [row[0] for row in table.rows] == ["1", "1", "2", "2", "2"]
    assert table.rows[:2] == [
        ["1", "50 supervised NHS coaching hours: 60 logged", "yes", "section 8.2"],
        ["1", "Four-day health coaching training course accredited by the Personalised Care Institute (PCI): "
              "done on 11 September 2025 (Health and wellbeing coaching course)", "yes", "summary; section 4.1"]]




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


def test_hours_of_one_day_may_be_split_over_rows_but_not_add_up_to_more_than_24(tmp_path: Path) -> None:
    path = tmp_path / "hours.csv"
    path.write_text("date,hours,setting,nhs,supervised\n2026-01-05,10,GP,yes,yes\n2026-01-05,8,GP,1,0\n"
                    "2026-01-05,8,GP,TRUE,false\n")
    with pytest.raises(InputError) as caught:
        read_hours_log(path)
    assert str(caught.value) == (f"{path}: rows 2, 3 and 4: 26 hours on 5 January 2026 add up to more than the 24 hours "
                                 "in a day; is a row there twice, or one dated wrongly?")
    path.write_text("date,hours,setting,nhs,supervised\n2026-01-05,10,GP,yes,yes\n2026-01-05,6.5,GP,1,0\n")
    entries = read_hours_log(path)
    assert [(e.hours, e.nhs, e.supervised) for e in entries] == [(10, True, True), (Decimal("6.5"), True, False)]
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


def all_four_tiers() -> list[Approval]:
    return [approval(2), approval(3, independent=False), approval(4, independent=False)]


def test_a_coach_with_1000_hours_and_every_approval_reaches_tier_4(fw: Framework) -> None:
    progress = tier_progress(fw, log(500, 500), COURSE, all_four_tiers(), AS_OF)
    assert progress.tier == 4 and all(r.met for t in (1, 2, 3, 4) for r in progress.requirements[t])
    assert [row[0] for row in requirements_table(progress).rows] == ["1", "1", "2", "2", "2", "3", "3", "4", "4"]
    assert progress.summary().startswith("On 31 March 2026 your records support Tier 4.")


def test_at_the_top_tier_there_is_no_next_tier_and_no_projection(fw: Framework) -> None:
    progress = tier_progress(fw, log(500, 500), COURSE, all_four_tiers(), AS_OF)
    assert progress.next_tier is None and progress.projection is None
    assert progress.missing == [] and progress.unchecked == []


def test_999_and_a_half_hours_is_not_yet_tier_4(fw: Framework) -> None:
    progress = tier_progress(fw, log(500, 499.5), COURSE, all_four_tiers(), AS_OF)
    assert progress.tier == 3 and progress.next_tier == 4
    assert [r.text for r in progress.missing] == ["1000 NHS coaching hours: 999.5 logged, 0.5 still to go"]
    assert progress.projection.tier == 4 and progress.projection.still_needed == Decimal("0.5")


def test_training_and_approvals_dated_on_the_check_date_count(fw: Framework) -> None:
    course = [TrainingRecord(2, AS_OF, "Health coaching", True, 4)]
    today = Approval(2, AS_OF, 2, "Jo", True, True)
    assert tier_progress(fw, log(100, 100), course, [today], AS_OF).tier == 2
    # The day before, neither had happened yet.
    assert tier_progress(fw, log(100, 100), course, [today], AS_OF - timedelta(days=1)).tier == 0


def test_hours_dated_on_the_check_date_count(fw: Framework) -> None:
    assert tier_progress(fw, log(50, start=AS_OF), COURSE, as_of=AS_OF).tier == 1


def test_the_projection_window_is_the_last_84_days_including_the_check_date(fw: Framework) -> None:
    # 50 old hours give Tier 1. Then 10 hours on the day before the window and 14 on its first day:
    # only the 14 count, at 1 an hour a day over 84 days, so the 126 still to go take exactly 756 days.
    entries = log(50) + [HoursEntry(3, AS_OF - timedelta(days=84), Decimal(10), "", True, True),
                         HoursEntry(4, AS_OF - timedelta(days=83), Decimal(14), "", True, True)]
    projection = tier_progress(fw, entries, COURSE, as_of=AS_OF).projection
    assert (projection.tier, projection.counted, projection.still_needed) == (2, "NHS coaching hours", 126)
    assert (projection.window_start, projection.recent_hours) == (AS_OF - timedelta(days=83), 14)
    assert projection.reached_on == AS_OF + timedelta(days=756)
    assert projection.text == (
        "At your recent rate (14 NHS coaching hours in the 12 weeks to 31 March 2026, about 1.2 a week) you would "
        "reach Tier 2's 200 around 25 April 2028. This is a guide for planning, not a promise.")


def test_a_valid_approvals_row_is_read_in_full(tmp_path: Path) -> None:
    path = tmp_path / "approvals.csv"
    path.write_text("date,tier,approved_by,independent,competency_evidence,note\n"
                    "2026-03-01,4,Jo Smith,,yes,Signed off in supervision\n2026-02-01,2,Ann,no,no,\n")
    assert read_approvals(path, today=AS_OF) == [
        Approval(2, date(2026, 3, 1), 4, "Jo Smith", None, True, "Signed off in supervision"),
        Approval(3, date(2026, 2, 1), 2, "Ann", False, False, "")]


def test_valid_hours_and_training_rows_are_read_in_full(tmp_path: Path) -> None:
    hours = tmp_path / "hours.csv"
    hours.write_text("date,hours,setting,nhs,supervised,note\n2026-03-31,1.5,GP practice,yes,no,Two clients\n")
    assert read_hours_log(hours, today=AS_OF) == [
        HoursEntry(2, AS_OF, Decimal("1.5"), "GP practice", True, False, "Two clients")]
    training = tmp_path / "training.csv"
    training.write_text("date,course,pci_accredited,days,note\n2026-03-31,Health coaching,yes,60,Long course\n")
    assert read_training(training, today=AS_OF) == [
        TrainingRecord(2, AS_OF, "Health coaching", True, 60, "Long course")]


@pytest.mark.parametrize("reader, text", [
    (read_hours_log, "date,hours,setting,nhs,supervised\n2026-04-01,1,GP,yes,yes\n"),
    (read_training, "date,course,pci_accredited,days\n2026-04-01,Course,yes,4\n"),
    (read_approvals, "date,tier,approved_by,independent,competency_evidence\n2026-04-01,2,Jo,yes,yes\n"),
])
def test_a_row_after_today_is_refused(tmp_path: Path, reader, text: str) -> None:
    path = tmp_path / "record.csv"
    path.write_text(text)
    with pytest.raises(InputError, match="in the future") as caught:
        reader(path, today=AS_OF)
    assert caught.value.where == "row 2, column date"


@pytest.mark.parametrize("tier, words", [("5", "must be from 2 to 4"), ("", "is empty")])
def test_an_approval_names_a_tier_from_2_to_4(tmp_path: Path, tier: str, words: str) -> None:
    path = tmp_path / "approvals.csv"
    path.write_text(f"date,tier,approved_by,independent,competency_evidence\n2026-01-05,{tier},Jo,yes,yes\n")
    with pytest.raises(InputError, match=words) as caught:
        read_approvals(path, today=AS_OF)
    assert caught.value.where == "row 2, column tier"


def tier_2_texts(fw: Framework, approvals: list[Approval]) -> list[tuple[str, str, str]]:
    progress = tier_progress(fw, log(100, 100), COURSE, approvals, AS_OF)
    return [(r.what, r.text, r.source_section) for r in progress.requirements[2]]


def test_tier_2_requirements_say_who_agreed_and_approved_and_when(fw: Framework) -> None:
    assert tier_2_texts(fw, [approval(2)]) == [
        ("hours", "200 NHS coaching hours: 200 logged", "8.2"),
        ("competency", "Evidence of the level of competency: agreed by Jo, 1 March 2026", "8.2"),
        ("approval", "To move up from Tier 1, a coach needs the approval of a supervisor from outside their own "
                     "organisation: approved by Jo, 1 March 2026", "8.2.1")]


def test_tier_2_requirements_not_yet_met_say_why(fw: Framework) -> None:
    assert tier_2_texts(fw, [approval(2, independent=False, evidence=False)])[1:] == [
        ("competency", "Evidence of the level of competency: not recorded yet", "8.2"),
        ("approval", "To move up from Tier 1, a coach needs the approval of a supervisor from outside their own "
                     "organisation: the approval recorded from Jo is not marked as independent of your "
                     "organisation, so it does not count yet", "8.2.1")]
    assert [text for _, text, _ in tier_2_texts(fw, [])[1:]] == [
        "Evidence of the level of competency: not recorded yet",
        "To move up from Tier 1, a coach needs the approval of a supervisor from outside their own organisation: "
        "not recorded yet"]


def test_when_the_next_tiers_hours_are_logged_there_is_nothing_to_project(fw: Framework) -> None:
    progress = tier_progress(fw, log(100, 100), COURSE, [], AS_OF)  # exactly 200, but no approval yet
    assert progress.tier == 1 and progress.projection is None


def test_with_no_hours_that_count_no_date_is_projected(fw: Framework) -> None:
    progress = tier_progress(fw, log(30, supervised=False), COURSE, as_of=AS_OF)
    assert progress.projection == Projection(
        1, "supervised NHS coaching hours", Decimal(50), AS_OF, Decimal(0), None,
        "No supervised NHS coaching hours logged yet, so no date can be projected for Tier 1.")


def test_with_no_recent_hours_no_date_is_projected(fw: Framework) -> None:
    progress = tier_progress(fw, log(60, start=date(2025, 1, 1)), COURSE, as_of=AS_OF)
    assert progress.projection == Projection(
        2, "NHS coaching hours", Decimal(140), AS_OF - timedelta(days=83), Decimal(0), None,
        "No NHS coaching hours in the 12 weeks to 31 March 2026, so no date can be projected for Tier 2's 200.")


def test_a_window_shorter_than_12_weeks_is_named_in_days(fw: Framework) -> None:
    weekly = [HoursEntry(n, AS_OF - timedelta(weeks=n), Decimal(12), "", True, True) for n in range(12)]
    assert tier_progress(fw, weekly, COURSE, as_of=AS_OF).projection.text.startswith(
        "At your recent rate (144 NHS coaching hours in the 78 days to 31 March 2026, about 12.9 a week)")


@pytest.mark.parametrize("hours, words", [("0", "0 NHS coaching hours"), ("1", "1 NHS coaching hour"),
                                          ("1.0", "1 NHS coaching hour"), ("1.5", "1.5 NHS coaching hours"),
                                          ("0.5", "0.5 NHS coaching hours"), ("60", "60 NHS coaching hours")])
def test_an_amount_of_hours_reads_right_for_one_and_for_any_other(hours: str, words: str) -> None:
    assert hours_words(Decimal(hours), "NHS coaching hours") == words


def test_one_hour_logged_today_reads_right_in_every_sentence(fw: Framework) -> None:
    progress = tier_progress(fw, [HoursEntry(2, AS_OF, Decimal(1), "", True, True)], COURSE, as_of=AS_OF)
    assert progress.summary().endswith("You have logged 1 NHS coaching hour, 1 of them supervised.")
    assert progress.projection.text.startswith(
        "At your recent rate (1 supervised NHS coaching hour in the 1 day to 31 March 2026, about 7.0 a week)")


def test_hours_are_written_without_needless_zeros() -> None:
    assert [hours_text(Decimal(v)) for v in ("12.50", "50.0", "100", "0.25")] == ["12.5", "50", "100", "0.25"]


def test_the_note_on_hours_outside_the_nhs_cites_its_sections(fw: Framework) -> None:
    progress = tier_progress(fw, log(50) + log(2, nhs=False), COURSE, as_of=AS_OF)
    assert progress.notes == ["2 hours were not in the NHS, so they do not count towards a tier (appendix 2 "
                              "introduction; section 8.2)."]


@pytest.mark.parametrize("early, words", [(1, "1 NHS coaching hour is"), (2, "2 NHS coaching hours are")])
def test_nhs_hours_before_the_earliest_qualifying_course_are_pointed_out(fw: Framework, early: int, words: str) -> None:
    courses = [TrainingRecord(2, date(2025, 9, 20), "Later course", True, 4),
               TrainingRecord(3, date(2025, 9, 11), "Health coaching", True, 4),
               TrainingRecord(4, date(2025, 9, 1), "Short course", True, 2),
               TrainingRecord(5, date(2025, 8, 1), "Other course", False, 5)]
    # Hours before the course ended, hours on the day it ended (not early), and non-NHS hours (not counted).
    entries = (log(early, start=date(2025, 9, 10)) + log(3, start=date(2025, 9, 11))
               + log(4, nhs=False, start=date(2025, 9, 1)) + log(50))
    progress = tier_progress(fw, entries, courses, as_of=AS_OF)
    assert progress.notes[1] == (
        f"{words} dated before your training ended on 11 September 2025. The framework expects the training before "
        "you take referrals, or at the start of the job (section 4.1). Check with your supervisor how to count "
        f"{'it' if early == 1 else 'them'}.")


@pytest.mark.parametrize("reader, header, row, column", [
    (read_approvals, "date,tier,approved_by,independent,competency_evidence", "2026-01-05,2,,yes,yes", "approved_by"),
    (read_training, "date,course,pci_accredited,days", "2025-09-11,,yes,4", "course"),
])
def test_who_approved_and_which_course_must_be_named(tmp_path: Path, reader, header: str, row: str, column: str) -> None:
    path = tmp_path / "record.csv"
    path.write_text(f"{header}\n{row}\n")
    with pytest.raises(InputError) as caught:
        reader(path, today=AS_OF)
    assert (caught.value.where, caught.value.problem) == (f"row 2, column {column}", "is empty")


def test_too_many_hours_in_a_row_says_hours(tmp_path: Path) -> None:
    path = tmp_path / "hours.csv"
    path.write_text("date,hours,setting,nhs,supervised\n2026-01-05,25,GP,yes,yes\n")
    with pytest.raises(InputError) as caught:
        read_hours_log(path, today=AS_OF)
    assert caught.value.problem == "25 is more than 24 hours; is it a typing mistake?"


def test_the_conformance_corpus_holds_the_tier_progress_progress_as_dict_gives_now(fw: Framework) -> None:
    """The site's port of these rules is checked against the committed corpus (tests/corpus/portfolio),
    so every key and value of progress_as_dict is part of the rules too."""
    committed = json.loads((generate.CORPUS / "cases.json").read_text(encoding="utf-8"))["cases"]
    made = generate.cases(fw)
    assert [c["name"] for c in made] == [c["name"] for c in committed]
    assert [c["expected"]["tier_progress"] for c in made] == [c["expected"]["tier_progress"] for c in committed]
