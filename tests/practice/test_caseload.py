"""Session plans against the framework's guidance: findings at their boundaries, worded as guidance."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.practice.caseload import PlannedSession, check_caseload, read_session_diary

DAY = date(2026, 3, 3)


def session(client: str = "C01", kind: str = "follow_up", minutes: int = 50, day: date = DAY,
            start: str | None = None) -> PlannedSession:
    at = tuple(int(x) for x in start.split(":")) if start else None
    return PlannedSession(2, day, at, minutes, client, kind)  # type: ignore[arg-type]


def topics(fw: Framework, sessions: list[PlannedSession]) -> list[str]:
    return [f.topic for f in check_caseload(fw, sessions).findings]


def test_five_a_day_is_within_the_guidance_and_six_is_not(fw: Framework) -> None:
    five = [session(f"C{n}") for n in range(5)]
    assert topics(fw, five) == []
    found = check_caseload(fw, five + [session("C9")]).findings
    assert [f.kind for f in found] == ["guidance"]
    assert found[0].sentence.startswith("6 sessions on 3 March 2026. The framework suggests a coach is unlikely to "
                                        "hold more than four to five a day, to leave time for: updating notes")
    assert found[0].sentence.endswith("(section 5.1).")


@pytest.mark.parametrize("minutes, flagged", [([45, 45], False), ([50, 50], False), ([44, 45], True), ([50, 51], True)])
def test_average_session_length(fw: Framework, minutes: list[int], flagged: bool) -> None:
    sessions = [session(f"C{n}", minutes=m, day=DAY + timedelta(days=n)) for n, m in enumerate(minutes)]
    assert ("Session length" in topics(fw, sessions)) is flagged


@pytest.mark.parametrize("minutes, flagged", [(50, True), (51, False)])
def test_first_sessions_are_often_longer(fw: Framework, minutes: int, flagged: bool) -> None:
    assert ("First sessions" in topics(fw, [session(kind="first", minutes=minutes)])) is flagged


def test_more_than_six_sessions_without_a_review(fw: Framework) -> None:
    def run(kinds: list[str]) -> list[str]:
        return topics(fw, [session(kind=k, minutes=75 if k == "first" else 50, day=DAY + timedelta(days=7 * n))
                           for n, k in enumerate(kinds)])

    assert run(["first"] + ["follow_up"] * 5) == []  # six sessions: a review may come next
    assert run(["first"] + ["follow_up"] * 5 + ["review"] + ["follow_up"] * 6) == []
    assert run(["first"] + ["follow_up"] * 6) == ["Reviews"]
    assert run(["follow_up"] * 6 + ["review"] + ["follow_up"] * 7) == ["Reviews"]


def test_no_time_between_sessions(fw: Framework) -> None:
    assert topics(fw, [session("C1", start="09:00", minutes=50), session("C2", start="09:55")]) == []
    found = check_caseload(fw, [session("C1", start="09:00", minutes=50), session("C2", start="09:50")]).findings
    assert found[0].text.startswith("On 3 March 2026 one session starts with no time after the one before, at 09:50")
    overlap = check_caseload(fw, [session("C1", start="09:00"), session("C2", start="09:30")]).findings
    assert overlap[0].text.startswith(
        "On 3 March 2026 one session starts with no time after the one before (some overlap), at 09:30. ")
    assert topics(fw, [session("C1"), session("C2")]) == []  # no start times: not checked


def test_the_example_diary(fw: Framework) -> None:
    check = check_caseload(fw, read_session_diary(example_path("sam-sessions.csv")))
    assert [f.topic for f in check.findings] == ["Sessions a day", "First sessions", "Reviews", "Time between sessions"]
    assert all(f.kind == "guidance" for f in check.findings)
    assert check.summary().endswith("the busiest day is 3 March 2026 with 6.")


def test_a_plan_may_be_in_the_future(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("date,start,minutes,client,type\n2999-01-05,09:30,50,C01,first\n")
    assert read_session_diary(path)[0].date == date(2999, 1, 5)


@pytest.mark.parametrize("row, where, words", [
    ("2026-03-02,9.30,50,C01,first", "row 2, column start", "not a time of day"),
    ("2026-03-02,09:30,50,C01,intake", "row 2, column type", "is not one of: first, follow_up, review"),
    ("2026-03-02,09:30,50,,first", "row 2, column client", "is empty"),
    ("2026-03-02,09:30,0,C01,first", "row 2, column minutes", "must be from 1 to 480"),
])
def test_bad_diaries(tmp_path: Path, row: str, where: str, words: str) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(f"date,start,minutes,client,type\n{row}\n")
    with pytest.raises(InputError) as caught:
        read_session_diary(path)
    assert caught.value.where == where and words in caught.value.problem


def test_the_summary_counts_in_words_that_agree(fw: Framework) -> None:
    assert check_caseload(fw, [session()]).summary().startswith("1 session with 1 person over 1 day;")
    two = [session("C1"), session("C2", day=DAY + timedelta(days=1))]
    assert check_caseload(fw, two).summary().startswith("2 sessions with 2 people over 2 days;")


def test_a_day_cannot_hold_more_than_24_hours_of_sessions(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    rows = "".join(f"2026-03-0{n // 4 + 2},08:00,480,C{n},follow_up\n" for n in range(4))
    path.write_text("date,start,minutes,client,type\n" + rows)
    with pytest.raises(InputError) as caught:
        read_session_diary(path)
    assert caught.value.where == "rows 2, 3, 4 and 5"
    assert caught.value.problem.startswith("1920 minutes on 2 March 2026 add up to more than the 1440 minutes in a day")
def test_each_finding_is_worded_as_guidance_with_its_source_and_a_next_step(fw: Framework) -> None:
    # Given out of order: sessions are compared in time order. 09:00 for 44 minutes ends at 09:44 exactly when the
    # next one starts (no time between, no overlap); 09:44 for 45 minutes ends at 10:29, when the third starts.
    sessions = [session("C3", start="10:29"), session("C1", minutes=44, start="09:00"),
                session("C2", minutes=45, start="09:44"), session("C4", "first", 50, DAY + timedelta(days=1))]
    found = [(f.topic, f.kind, f.text, f.source_section, f.action) for f in check_caseload(fw, sessions).findings]
    assert found == [
        ("First sessions", "guidance", "The first session with C4 on 4 March 2026 is 50 minutes. The framework says "
         "a first session is often longer than the usual 45 to 50 minutes, and goes into more depth", "5.1",
         "Consider allowing more time for first sessions."),
        ("Time between sessions", "guidance", "On 3 March 2026 two sessions start with no time after the one before, "
         "at 09:44, 10:29. The framework says the day needs time for notes, follow-up, talking with colleagues and "
         "decompressing between sessions", "5.1", "Leave time between sessions.")]


def test_the_average_length_finding_gives_the_average(fw: Framework) -> None:
    sessions = [session("C1", minutes=44), session("C2", minutes=45, day=DAY + timedelta(days=1)),
                session("C3", "first", 90)]  # a first session does not count towards the average
    found = check_caseload(fw, sessions).findings
    assert [(f.topic, f.kind, f.source_section) for f in found] == [("Session length", "guidance", "5.1")]
    assert [(f.text, f.action) for f in found] == [(
        "Follow-up and review sessions in this diary average 44.5 minutes. As a guide, the framework says sessions "
        "usually last an average of 45 to 50 minutes, and each can vary with the person's needs",
        "Talk in supervision about whether session lengths suit the people on the caseload.")]


def test_the_review_finding_names_the_person_and_the_run(fw: Framework) -> None:
    sessions = [session(day=DAY + timedelta(days=7 * n)) for n in range(7)] + [session("C02")]
    found = check_caseload(fw, sessions).findings
    assert [(f.topic, f.kind, f.source_section) for f in found] == [("Reviews", "guidance", "5.1")]
    assert [(f.text, f.action) for f in found] == [(
        "C01 has 7 sessions in a row without a review, from 3 March 2026 to 14 April 2026. The framework suggests "
        "reviewing progress every six sessions, or as the coach and the person decide",
        "Plan a review with this person, or note that you agreed a different rhythm.")]


def test_a_busy_day_names_its_count_and_what_the_time_is_for(fw: Framework) -> None:
    found = check_caseload(fw, [session(f"C{n}") for n in range(6)]).findings[0]
    assert found.action == ("Look at this day with the coach and their line manager, and whether the caseload needs "
                            "a rethink.")
    assert found.text == (
        "6 sessions on 3 March 2026. The framework suggests a coach is unlikely to hold more than four to five a day, "
        "to leave time for: updating notes; follow-up tasks; talking with colleagues in the multidisciplinary "
        "team; time to decompress between sessions; ad hoc follow-up support")


def test_the_busiest_day_is_the_earliest_of_equally_busy_days(fw: Framework) -> None:
    sessions = [session("C1", day=DAY + timedelta(days=1)), session("C2", day=DAY + timedelta(days=1)),
                session("C1"), session("C3")]
    check = check_caseload(fw, sessions)
    assert check.busiest == (DAY, 2)
    assert check.summary() == "4 sessions with 3 people over 2 days; the busiest day is 3 March 2026 with 2."
    assert check_caseload(fw, []).summary() == "The diary holds no sessions."


def test_a_diary_row_is_read_in_full(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("date,start,minutes,client,type,note\n2026-03-02,14:05,50,C01,Follow up,Phone\n"
                    "2026-03-03,,60,C02,review,\n")
    assert read_session_diary(path) == [PlannedSession(2, date(2026, 3, 2), (14, 5), 50, "C01", "follow_up", "Phone"),
                                        PlannedSession(3, date(2026, 3, 3), None, 60, "C02", "review", "")]


def test_afternoon_times_are_written_on_the_24_hour_clock(fw: Framework) -> None:
    found = check_caseload(fw, [session("C1", start="14:20"), session("C2", start="15:10")]).findings
    assert found[0].text.startswith("On 3 March 2026 one session starts with no time after the one before, at 15:10.")


def test_an_empty_diary_has_no_busiest_day(fw: Framework) -> None:
    check = check_caseload(fw, [])
    assert (check.sessions, check.days, check.clients, check.busiest, check.findings) == (0, 0, 0, (None, 0), [])


def test_a_session_with_no_time_counts_as_the_first_of_its_day(fw: Framework) -> None:
    # Six follow-ups, then on one day a review with no time and a follow-up at midnight: the review comes first,
    # so no run is longer than six.
    last_day = DAY + timedelta(days=42)
    sessions = [session(day=DAY + timedelta(days=7 * n)) for n in range(6)] + [
        session(day=last_day, start="00:00"), session(kind="review", day=last_day)]
    assert topics(fw, sessions) == []
