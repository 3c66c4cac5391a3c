"""Supervision against the recommended frequencies, at every boundary, full time and pro rata."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework, load_framework, load_framework_from
from hwc_selfcheck.practice.supervision import (
    Due,
    KindSummary,
    Session,
    check_as_dict,
    check_supervision,
    fte_words,
    parse_fte,
    read_supervision_log,
)
from tests.corpus.portfolio import generate


def s(day: str, kind: str, minutes: int = 60, tier: int | None = 3, who: str = "Alex") -> Session:
    return Session(2, date.fromisoformat(day), kind, minutes, who, tier)


def monthly(kind: str, months: list[str], minutes: int = 60, tier: int | None = 3) -> list[Session]:
    return [s(f"{m}-15", kind, minutes, tier) for m in months]


MONTHS = ["2025-10", "2025-11", "2025-12"]
GOOD = monthly("line_management", MONTHS) + monthly("health_coaching_individual", MONTHS) + [
    s("2025-11-20", "health_coaching_group", 90)]


def shortfalls(check, topic: str) -> list[str]:
    return [f.text for f in check.findings if f.topic == topic and f.kind == "shortfall"]


def clinical(*days: str, start: str = "2025-10-01", end: str = "2026-01-01", fte: float | str = 1):
    sessions = GOOD + [s(d, "clinical", tier=None, who="Dr Patel") for d in days]
    check = check_supervision(load_framework(), sessions, date.fromisoformat(start), date.fromisoformat(end), fte)
    return shortfalls(check, "Clinical supervision")


def test_a_good_log_has_no_shortfalls(fw: Framework) -> None:
    sessions = GOOD + [s("2025-10-01", "clinical", tier=None), s("2025-12-20", "clinical", tier=None)]
    check = check_supervision(fw, sessions, date(2025, 10, 1), date(2025, 12, 31))
    assert [f.kind for f in check.findings if f.kind == "shortfall"] == []
    reminders = [f.text for f in check.findings if f.kind == "reminder"]
    assert any("urgent clinical queries" in r for r in reminders)  # never shown by a log: always a reminder
    assert any("peer learning networks" in r for r in reminders)


def test_a_month_without_line_management(fw: Framework) -> None:
    sessions = [x for x in GOOD if not (x.kind == "line_management" and x.date.month == 11)]
    found = shortfalls(check_supervision(fw, sessions, date(2025, 10, 1), date(2025, 12, 31)), "Line management")
    assert found == ["No line management supervision in November 2025; recommended monthly, with ad hoc support "
                     "available in between"]


def test_part_months_at_the_ends_are_not_judged(fw: Framework) -> None:
    sessions = monthly("line_management", ["2025-11"]) + monthly("health_coaching_individual", ["2025-11"])
    check = check_supervision(fw, sessions, date(2025, 10, 20), date(2025, 12, 10))
    assert shortfalls(check, "Line management") == []


def test_consecutive_empty_months_are_one_finding(fw: Framework) -> None:
    check = check_supervision(fw, monthly("line_management", ["2025-09"]), date(2025, 9, 1), date(2025, 12, 31))
    assert shortfalls(check, "Line management") == [
        "No line management supervision in the 3 months from October 2025 to December 2025; recommended monthly, "
        "with ad hoc support available in between"]


def test_clinical_gap_of_exactly_three_months_is_within_the_recommendation() -> None:
    assert clinical("2025-10-01", "2026-01-01") == []


def test_clinical_gap_of_three_months_and_a_day_is_a_finding() -> None:
    found = clinical("2025-10-01", "2026-01-02", end="2026-01-02")
    assert found == ["No clinical supervision for 3 months and 1 day, from 1 October 2025 to 2 January 2026; "
                     "recommended every two to three months for a full-time coach"]


def test_clinical_gap_counts_from_a_session_before_the_period() -> None:
    assert clinical("2025-09-20", "2025-12-20") == []  # 20 September to 20 December: exactly three months
    assert clinical("2025-09-19", "2025-12-20")[0].startswith("No clinical supervision for 3 months and 1 day, "
                                                             "from 19 September 2025")


def test_clinical_gap_from_the_start_and_to_the_end_of_the_period() -> None:
    assert clinical("2026-01-02", start="2025-10-01", end="2026-01-31")[0].startswith(
        "No clinical supervision for 3 months and 1 day, from the start of the period on 1 October 2025")
    found = clinical("2025-10-01", start="2025-10-01", end="2026-01-02")
    assert found[0].startswith("No clinical supervision since 1 October 2025: 3 months and 1 day by the end")


def test_clinical_pro_rata_at_point_six_allows_five_months() -> None:
    assert clinical("2025-10-01", "2026-03-01", end="2026-03-01", fte=0.6) == []
    found = clinical("2025-10-01", "2026-03-02", end="2026-03-02", fte=0.6)
    assert len(found) == 1 and found[0].endswith(
        "recommended every two to three months for a full-time coach; pro rata for 0.6 of full time, that is "
        "about every 3.3 to 5 months")


def test_clinical_pro_rata_with_a_part_month() -> None:
    # At 0.8 of full time: 3.75 months, so 1 October is due by 23 January (3 months and 22 days).
    assert clinical("2025-10-01", "2026-01-23", end="2026-01-23", fte="0.8") == []
    assert len(clinical("2025-10-01", "2026-01-24", end="2026-01-24", fte="0.8")) == 1


def test_health_coaching_every_month_full_time_and_pro_rata(fw: Framework) -> None:
    sessions = monthly("line_management", MONTHS) + monthly("health_coaching_individual", ["2025-10", "2025-12"], 120)
    full = check_supervision(fw, sessions, date(2025, 10, 1), date(2025, 12, 31), 1)
    assert shortfalls(full, "Health coaching supervision") == [
        "No individual health coaching supervision in November 2025; full-time coaches should have it at least "
        "every month"]
    part = check_supervision(fw, sessions, date(2025, 10, 1), date(2025, 12, 31), 0.6)
    assert shortfalls(part, "Health coaching supervision") == []  # once in every two months at 0.6
    sparse = monthly("health_coaching_individual", ["2025-09", "2025-12"], 120)
    part = check_supervision(fw, sparse, date(2025, 9, 1), date(2025, 12, 31), 0.6)
    assert shortfalls(part, "Health coaching supervision")[0].startswith(
        "No individual health coaching supervision in the 2 months from October 2025 to November 2025")
    assert shortfalls(part, "Health coaching supervision")[0].endswith(
        "; the framework gives pro rata for clinical supervision only, and this tool's own choice for 0.6 of "
        "full time is at least once in every 2 calendar months")


def test_health_coaching_minutes_average_at_least_an_hour_a_month(fw: Framework) -> None:
    def minutes(total_per_month: int, fte: float) -> list[str]:
        sessions = monthly("health_coaching_individual", MONTHS, total_per_month)
        found = shortfalls(check_supervision(fw, sessions, date(2025, 10, 1), date(2025, 12, 31), fte),
                           "Health coaching supervision")
        return [f for f in found if "averaged" in f]

    assert minutes(60, 1) == []
    assert minutes(59, 1) == ["Individual health coaching supervision averaged 59 minutes a month over 3 whole "
                              "months (October 2025 to December 2025); recommended one to two hours a month for "
                              "a full-time coach (60 to 120 minutes)"]
    assert minutes(36, 0.6) == []  # pro rata: 60 x 0.6
    assert minutes(35, 0.6)[0].endswith(
        "; this tool's own choice, pro rata for 0.6 of full time (the framework gives pro rata for clinical "
        "supervision only), is 36 to 72 minutes")


def test_group_supervision_is_a_suggestion(fw: Framework) -> None:
    sessions = [x for x in GOOD if x.kind != "health_coaching_group"]
    check = check_supervision(fw, sessions, date(2025, 10, 1), date(2025, 12, 31))
    assert [f.kind for f in check.findings if "group" in f.text] == ["suggestion"]


def test_who_gives_health_coaching_supervision(fw: Framework) -> None:
    sessions = GOOD + [s("2025-11-25", "health_coaching_group", tier=2, who="Kim"),
                       s("2025-11-26", "health_coaching_group", tier=None, who="Priya")]
    check = check_supervision(fw, sessions, date(2025, 10, 1), date(2025, 12, 31))
    about = [(f.kind, f.text) for f in check.findings if f.topic == "Who gives health coaching supervision"]
    assert about == [
        ("shortfall", "Kim is recorded as a Tier 2 practitioner; health coaching supervision should come from at "
                      "least a Tier 3 practitioner"),
        ("reminder", "The tier of Priya is not recorded; health coaching supervision should come from at least a "
                     "Tier 3 practitioner"),
    ]


def test_the_example_log_has_its_gaps(fw: Framework) -> None:
    sessions = read_supervision_log(example_path("sam-supervision.csv"))
    check = check_supervision(fw, sessions, date(2025, 9, 1), date(2026, 3, 31))
    assert [f.topic for f in check.findings if f.kind == "shortfall"] == ["Line management", "Clinical supervision"]
    assert "3 months and 27 days" in shortfalls(check, "Clinical supervision")[0]
    assert [(k.kind, k.sessions) for k in check.summary] == [
        ("line_management", 6), ("clinical", 3), ("health_coaching_individual", 7), ("health_coaching_group", 1)]


@pytest.mark.parametrize("value, ok", [("1", True), ("0.6", True), (0.5, True), ("0", False), ("1.2", False),
                                       ("-0.5", False), ("half", False)])
def test_working_pattern(value, ok: bool) -> None:
    if ok:
        assert 0 < parse_fte(value) <= 1
    else:
        with pytest.raises(InputError):
            parse_fte(value)
    assert parse_fte("0.6") == Fraction(3, 5)


def test_period_must_run_forwards(fw: Framework) -> None:
    with pytest.raises(InputError, match="is after"):
        check_supervision(fw, [], date(2026, 1, 2), date(2026, 1, 1))


@pytest.mark.parametrize("row, where, words", [
    ("2026-01-05,peer support,60,Alex,3", "row 2, column kind", "is not one of"),
    ("2026-01-05,clinicl,60,Dr P,", "row 2, column kind", "did you mean clinical"),
    ("2026-01-05,clinical,-30,Dr P,", "row 2, column minutes", "not a whole number"),
    ("2026-01-05,clinical,sixty,Dr P,", "row 2, column minutes", "not a whole number"),
    ("2026-01-05,health_coaching_group,60,Alex,5", "row 2, column supervisor_tier", "must be from 1 to 4"),
    ("05/13/2026,clinical,60,Dr P,", "row 2, column date", "is not a date"),
])
def test_bad_supervision_logs(tmp_path: Path, row: str, where: str, words: str) -> None:
    path = tmp_path / "log.csv"
    path.write_text(f"date,kind,minutes,supervisor,supervisor_tier\n{row}\n")
    with pytest.raises(InputError) as caught:
        read_supervision_log(path)
    assert caught.value.where == where and words in caught.value.problem


def test_a_day_cannot_hold_more_than_24_hours_of_supervision(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("date,kind,minutes,supervisor,supervisor_tier\n" +
                    "2026-01-05,clinical,480,Jo,\n" * 3 + "2026-01-05,line_management,60,Sam,\n")
    with pytest.raises(InputError) as caught:
        read_supervision_log(path)
    assert caught.value.where == "rows 2, 3, 4 and 5" and caught.value.problem.startswith("1500 minutes on 5 January 2026")
def due(sessions: list[Session], end: str, fte: str = "1") -> dict[str, tuple[str | None, bool]]:
    check = check_supervision(load_framework(), sessions, date(2025, 1, 1), date.fromisoformat(end), fte)
    return {d.kind: (d.due_by.isoformat() if d.due_by else None, d.overdue) for d in check.due}


def test_a_monthly_kind_is_due_by_the_end_of_the_next_month() -> None:
    sessions = [s("2026-01-31", "line_management"), s("2026-01-31", "health_coaching_individual")]
    assert due(sessions, "2026-02-28")["line_management"] == ("2026-02-28", False)
    assert due(sessions, "2026-03-01")["line_management"] == ("2026-02-28", True)
    assert due(sessions, "2026-03-01")["health_coaching_individual"] == ("2026-02-28", True)


def test_individual_health_coaching_for_part_time_is_due_within_its_window() -> None:
    sessions = [s("2026-01-15", "health_coaching_individual")]
    assert due(sessions, "2026-03-31", "0.5")["health_coaching_individual"] == ("2026-03-31", False)
    assert due(sessions, "2026-03-31", "0.3")["health_coaching_individual"] == ("2026-05-31", False)


def test_clinical_is_due_at_the_upper_end_of_its_interval_pro_rata() -> None:
    sessions = [s("2025-10-01", "clinical", tier=None)]
    assert due(sessions, "2026-01-01")["clinical"] == ("2026-01-01", False)
    assert due(sessions, "2026-01-02")["clinical"] == ("2026-01-01", True)
    assert due(sessions, "2026-01-02", "0.6")["clinical"] == ("2026-03-01", False)


def test_a_kind_never_held_is_due_now(fw: Framework) -> None:
    check = check_supervision(fw, [], date(2026, 1, 1), date(2026, 1, 31))
    assert [(d.due_by, d.overdue) for d in check.due] == [(None, True)] * 3
    assert check.due[0].text == "Line management: none recorded, so one is due now."


def test_check_as_dict_is_plain_json_of_the_same_check(fw: Framework) -> None:
    check = check_supervision(fw, GOOD, date(2025, 10, 1), date(2025, 12, 31), "3/5")
    shown = check_as_dict(check)
    assert shown["fte"] == "3/5" and shown["start"] == "2025-10-01"
    assert [f["sentence"] for f in shown["findings"]] == [f.sentence for f in check.findings]
    assert [d["text"] for d in shown["due"]] == [d.text for d in check.due]
    assert shown["summary"][0] == {"kind": "line_management", "title": "Line management", "sessions": 3,
                                   "minutes": 180, "last": "2025-12-15"}


def test_a_last_clinical_session_exactly_three_months_before_the_end_is_within_the_recommendation() -> None:
    assert clinical("2025-10-01", start="2025-10-01", end="2026-01-01") == []


def test_a_run_of_empty_months_across_the_new_year_is_one_finding(fw: Framework) -> None:
    sessions = monthly("line_management", ["2025-10", "2026-03"])
    found = shortfalls(check_supervision(fw, sessions, date(2025, 10, 1), date(2026, 3, 31)), "Line management")
    assert found == ["No line management supervision in the 4 months from November 2025 to February 2026; "
                     "recommended monthly, with ad hoc support available in between"]


def test_a_period_with_no_whole_calendar_month_checks_no_monthly_supervision(fw: Framework) -> None:
    check = check_supervision(fw, [], date(2025, 10, 2), date(2025, 11, 29))  # about two months
    assert check.notes == ["The period holds no whole calendar month, so monthly supervision was not checked."]
    assert shortfalls(check, "Line management") == [] and shortfalls(check, "Health coaching supervision") == []


def test_the_group_supervision_suggestion_goes_once_group_supervision_is_logged(fw: Framework) -> None:
    check = check_supervision(fw, GOOD, date(2025, 10, 1), date(2025, 12, 31))
    assert [f for f in check.findings if f.kind == "suggestion"] == []
    outside = [x for x in GOOD if x.kind != "health_coaching_group"] + [s("2025-09-20", "health_coaching_group")]
    check = check_supervision(fw, outside, date(2025, 10, 1), date(2025, 12, 31))
    assert [f.text for f in check.findings if f.kind == "suggestion"] == [
        "No group health coaching supervision in the period; the framework also recommends it as an extra chance "
        "to develop"]


def test_the_working_pattern_in_words() -> None:
    assert fte_words(Fraction(1)) == "a full-time coach" and fte_words(Fraction(3, 5)) == "0.6 of full time"
    assert fte_words(Fraction(1, 2)) == "0.5 of full time"


def test_the_summary_table_counts_the_period_and_names_the_last_session_ever(fw: Framework) -> None:
    sessions = [s("2025-09-20", "clinical", 50), s("2025-10-15", "line_management", 45),
                s("2025-11-15", "line_management", 30)]
    table = check_supervision(fw, sessions, date(2025, 10, 1), date(2025, 12, 31)).summary_table()
    assert table.header == ["Kind of supervision", "Sessions in the period", "Minutes", "Last session"]
    assert table.rows == [["Line management", "2", "75", "15 November 2025"],
                          ["Clinical supervision", "0", "0", "20 September 2025"],
                          ["Health coaching supervision (individual)", "0", "0", "none recorded"],
                          ["Health coaching supervision (group)", "0", "0", "none recorded"]]


def test_separate_empty_months_are_separate_findings(fw: Framework) -> None:
    check = check_supervision(fw, monthly("line_management", ["2025-11"]), date(2025, 10, 1), date(2025, 12, 31))
    found = [(f.topic, f.kind, f.text, f.source_section, f.action) for f in check.findings
             if f.topic == "Line management"]
    advice = "; recommended monthly, with ad hoc support available in between"
    action = "Book a monthly meeting with a named line manager, and make sure the coach can get support in between."
    assert found == [("Line management", "shortfall", f"No line management supervision in October 2025{advice}",
                      "4.2.2", action),
                     ("Line management", "shortfall", f"No line management supervision in December 2025{advice}",
                      "4.2.2", action)]


def test_a_gap_after_a_session_in_the_period_runs_from_that_session() -> None:
    found = clinical("2025-10-01", "2025-11-01", start="2025-10-01", end="2026-03-01")
    assert found == ["No clinical supervision since 1 November 2025: 4 months by the end of the period "
                     "(1 March 2026); recommended every two to three months for a full-time coach"]


def test_a_log_row_is_read_in_full(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("date,kind,minutes,supervisor,supervisor_tier,note\n"
                    "2026-01-05,Health coaching group,1,Alex,4,Short check-in\n2026-01-06,clinical,480,,,\n")
    assert read_supervision_log(path, today=date(2026, 1, 6)) == [
        Session(2, date(2026, 1, 5), "health_coaching_group", 1, "Alex", 4, "Short check-in"),
        Session(3, date(2026, 1, 6), "clinical", 480, "", None, "")]
    with pytest.raises(InputError, match="in the future"):
        read_supervision_log(path, today=date(2026, 1, 5))


def test_a_session_with_no_supervisor_named_is_called_by_its_row(fw: Framework) -> None:
    session = Session(7, date(2025, 11, 20), "health_coaching_group", 60, "", None)
    check = check_supervision(fw, GOOD + [session], date(2025, 10, 1), date(2025, 12, 31))
    assert [f.text for f in check.findings if f.topic == "Who gives health coaching supervision"] == [
        "The tier of the supervisor on row 7 is not recorded; health coaching supervision should come from at least "
        "a Tier 3 practitioner"]


@pytest.mark.parametrize("months, words", [
    ("3", "recommended every three months for a full-time coach; pro rata for 0.6 of full time, that is about every "
          "5 months"),
    ("1", "recommended every month for a full-time coach; pro rata for 0.6 of full time, that is about every "
          "1.7 months"),
])
def test_an_interval_with_no_lower_end_is_one_figure(data_copy: Path, months: str, words: str) -> None:
    rules = data_copy / "rules.yml"
    text = rules.read_text()
    assert "    interval_months: 3\n    interval_months_min: 2\n" in text
    rules.write_text(text.replace("    interval_months: 3\n    interval_months_min: 2\n",
                                  f"    interval_months: {months}\n", 1))
    fw = load_framework_from(data_copy)
    check = check_supervision(fw, GOOD, date(2025, 10, 1), date(2026, 6, 30), "0.6")
    assert shortfalls(check, "Clinical supervision")[0].endswith(words)


def findings(check) -> list[tuple[str, str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(f.topic, f.kind, f.text, f.source_section, f.action) for f in check.findings]


LINE_MANAGEMENT_OCTOBER = (
    "Line management", "shortfall", "No line management supervision in October 2025; recommended monthly, with ad "
    "hoc support available in between", "4.2.2",
    "Book a monthly meeting with a named line manager, and make sure the coach can get support in between.")
URGENT_ROUTE = (
    "Clinical supervision", "reminder", "A log cannot show whether there is a way to deal with urgent clinical "
    "queries as they come up, which the framework asks for", "4.2.2",
    "Make sure there is a route for urgent clinical queries, that it is written down, and that the coach knows it.")
PEER_NETWORKS = (
    "Health coaching supervision", "reminder", "A log cannot show whether the coach can join peer learning networks, "
    "which full-time coaches should have", "Appendix 2, section 6",
    "Tell the coach about local peer learning networks and give them time to take part.")


def test_an_empty_month_gives_every_finding_in_full(fw: Framework) -> None:
    # A line manager with no tier recorded is not asked about: only health coaching supervisors need Tier 3.
    check = check_supervision(fw, [s("2025-09-20", "line_management", tier=None, who="Dana")],
                              date(2025, 10, 1), date(2025, 10, 31))
    assert findings(check) == [
        LINE_MANAGEMENT_OCTOBER,
        URGENT_ROUTE,
        ("Health coaching supervision", "shortfall", "No individual health coaching supervision in October 2025; "
         "full-time coaches should have it at least every month", "4.2.2; appendix 2, section 6",
         "Book individual health coaching supervision at least this often with a supervisor of at least Tier 3."),
        ("Health coaching supervision", "shortfall", "Individual health coaching supervision averaged 0 minutes a "
         "month over 1 whole month (October 2025); recommended one to two hours a month for a full-time coach "
         "(60 to 120 minutes)", "4.2.2",
         "Plan enough individual health coaching supervision each month to reach at least the lower figure."),
        ("Health coaching supervision", "suggestion", "No group health coaching supervision in the period; the "
         "framework also recommends it as an extra chance to develop", "4.2.2",
         "Offer the coach a place in group health coaching supervision, and access to peer learning networks."),
        PEER_NETWORKS]


def test_sessions_on_the_first_and_last_days_of_the_period_count(fw: Framework) -> None:
    sessions = [s("2025-10-01", "health_coaching_group", tier=2, who="Kim"),
                s("2025-10-31", "health_coaching_individual", tier=None, who="Priya")]
    assert findings(check_supervision(fw, sessions, date(2025, 10, 1), date(2025, 10, 31))) == [
        LINE_MANAGEMENT_OCTOBER,
        URGENT_ROUTE,
        ("Who gives health coaching supervision", "shortfall", "Kim is recorded as a Tier 2 practitioner; health "
         "coaching supervision should come from at least a Tier 3 practitioner", "4.2.3",
         "Arrange health coaching supervision with someone of at least Tier 3 who meets the minimum standards for "
         "supervisors (appendix 2, section 6)."),
        ("Who gives health coaching supervision", "reminder", "The tier of Priya is not recorded; health coaching "
         "supervision should come from at least a Tier 3 practitioner", "4.2.3",
         "Check the supervisor's tier and the minimum standards for supervisors (hwc-selfcheck supervisor-check)."),
        PEER_NETWORKS]


def test_a_clinical_gap_finding_says_what_to_do(fw: Framework) -> None:
    check = check_supervision(fw, GOOD, date(2025, 10, 1), date(2026, 1, 2))
    assert [f for f in findings(check) if f[0] == "Clinical supervision"] == [
        ("Clinical supervision", "shortfall", "No clinical supervision since the start of the period on 1 October "
         "2025: 3 months and 1 day by the end of the period (2 January 2026); recommended every two to three months "
         "for a full-time coach", "4.2.2",
         "Agree a named clinician, such as a GP, senior clinician or advanced practitioner, and book regular clinical "
         "supervision at this interval."),
        URGENT_ROUTE]


def test_the_part_time_monthly_finding_says_how_pro_rata_is_read(fw: Framework) -> None:
    sparse = monthly("health_coaching_individual", ["2025-09", "2025-12"], 120)
    part = check_supervision(fw, sparse, date(2025, 9, 1), date(2025, 12, 31), 0.6)
    assert shortfalls(part, "Health coaching supervision") == [
        "No individual health coaching supervision in the 2 months from October 2025 to November 2025; full-time "
        "coaches should have it at least every month; the framework gives pro rata for clinical supervision only, "
        "and this tool's own choice for 0.6 of full time is at least once in every 2 calendar months"]


def test_a_period_of_one_day_is_allowed(fw: Framework) -> None:
    check = check_supervision(fw, [], date(2025, 10, 1), date(2025, 10, 1))
    assert (check.start, check.end) == (date(2025, 10, 1), date(2025, 10, 1)) and check.notes


def test_a_period_running_backwards_names_both_dates(fw: Framework) -> None:
    with pytest.raises(InputError) as caught:
        check_supervision(fw, [], date(2026, 1, 2), date(2026, 1, 1))
    assert (caught.value.path, caught.value.where, caught.value.problem) == (
        "--from", None, "2026-01-02 is after --to 2026-01-01")


def test_a_kind_that_is_not_pro_rata_keeps_the_full_time_interval(data_copy: Path) -> None:
    rules = data_copy / "rules.yml"
    rules.write_text(rules.read_text().replace("pro_rata: true", "pro_rata: false", 1))
    check = check_supervision(load_framework_from(data_copy), GOOD, date(2025, 10, 1), date(2026, 1, 2), "0.6")
    assert shortfalls(check, "Clinical supervision") == [
        "No clinical supervision since the start of the period on 1 October 2025: 3 months and 1 day by the end of "
        "the period (2 January 2026); recommended every two to three months for a full-time coach"]


def test_health_coaching_every_two_months_in_the_data_reads_as_two_months(data_copy: Path) -> None:
    rules = data_copy / "rules.yml"
    text = rules.read_text()
    old = "      chance to develop.\n    interval_months: 1\n"
    assert old in text
    rules.write_text(text.replace(old, "      chance to develop.\n    interval_months: 2\n", 1))
    sessions = monthly("health_coaching_individual", ["2025-09"], 300)
    check = check_supervision(load_framework_from(data_copy), sessions, date(2025, 9, 1), date(2025, 12, 31))
    assert shortfalls(check, "Health coaching supervision") == [
        "No individual health coaching supervision in the 3 months from October 2025 to December 2025; full-time "
        "coaches should have it at least every 2 months"]


def test_group_supervision_on_the_last_day_of_the_period_counts(fw: Framework) -> None:
    sessions = [x for x in GOOD if x.kind != "health_coaching_group"] + [s("2025-12-31", "health_coaching_group")]
    check = check_supervision(fw, sessions, date(2025, 10, 1), date(2025, 12, 31))
    assert [f for f in check.findings if f.kind == "suggestion"] == []


def test_only_health_coaching_supervisors_are_asked_for_their_tier(fw: Framework) -> None:
    sessions = GOOD + [s("2025-11-03", "line_management", tier=None, who="Dana"),
                       s("2025-11-04", "clinical", tier=1, who="Dr Patel")]
    check = check_supervision(fw, sessions, date(2025, 10, 1), date(2025, 12, 31))
    assert [f for f in check.findings if f.topic == "Who gives health coaching supervision"] == []


@pytest.mark.parametrize("value, problem", [
    ("half", "'half' is not a number; write it like 0.6"),
    ("1/0", "'1/0' is not a number; write it like 0.6"),
    ("1.2", "1.2 must be more than 0 and at most 1 (1 is full time)"),
    (Fraction(0), "0 must be more than 0 and at most 1 (1 is full time)"),
])
def test_a_bad_working_pattern_names_the_option_and_says_what_to_write(value, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_fte(value)
    assert (caught.value.path, caught.value.where, caught.value.problem) == ("--fte", None, problem)


def test_a_session_on_the_first_day_is_in_the_periods_summary(fw: Framework) -> None:
    check = check_supervision(fw, [s("2025-10-01", "clinical", 50)], date(2025, 10, 1), date(2025, 12, 31))
    assert check.summary[1] == KindSummary("clinical", 1, 50, date(2025, 10, 1))


def test_the_conformance_corpus_holds_the_supervision_check_check_as_dict_gives_now(fw: Framework) -> None:
    """The site's port of these rules is checked against the committed corpus (tests/corpus/portfolio),
    so every key and value of check_as_dict is part of the rules too."""
    committed = json.loads((generate.CORPUS / "cases.json").read_text(encoding="utf-8"))["cases"]
    made = generate.cases(fw)
    assert [c["name"] for c in made] == [c["name"] for c in committed]
    assert [c["expected"].get("supervision") for c in made] == [c["expected"].get("supervision") for c in committed]


def test_each_kind_due_names_the_last_session_and_the_day_the_next_is_due(fw: Framework) -> None:
    sessions = [s("2026-01-31", "line_management"), s("2026-01-10", "health_coaching_individual"),
                s("2025-10-01", "clinical", tier=None)]
    check = check_supervision(fw, sessions, date(2026, 1, 1), date(2026, 2, 28))
    assert check.due == [
        Due("line_management", date(2026, 1, 31), date(2026, 2, 28), False,
            "Line management: the last was on 31 January 2026; the next is due by 28 February 2026."),
        Due("clinical", date(2025, 10, 1), date(2026, 1, 1), True,
            "Clinical supervision: the last was on 1 October 2025, and the next was due by 1 January 2026, "
            "so it is overdue."),
        Due("health_coaching_individual", date(2026, 1, 10), date(2026, 2, 28), False,
            "Health coaching supervision (individual): the last was on 10 January 2026; "
            "the next is due by 28 February 2026."),
    ]


def test_a_kind_never_held_is_due_now_with_no_last_session(fw: Framework) -> None:
    check = check_supervision(fw, [], date(2026, 1, 1), date(2026, 1, 31))
    assert [(d.kind, d.last, d.due_by, d.overdue) for d in check.due] == [
        ("line_management", None, None, True), ("clinical", None, None, True),
        ("health_coaching_individual", None, None, True)]


def test_line_management_is_monthly_whatever_the_hours_worked() -> None:
    sessions = [s("2026-01-15", "line_management")]
    assert due(sessions, "2026-03-01", "0.5")["line_management"] == ("2026-02-28", True)
