"""Check a plan or diary of coaching sessions against the framework's guidance (section 5.1).

The framework gives guidance here, not limits: caseloads depend on how
complex the cases are, what each person needs and the coach's experience. So
every finding is worded as guidance to talk about, never as a breach.

**Session diary** (``hwc-selfcheck caseload DIARY.csv``), one row per session:

=========  ================================================================
``date``   2026-03-31 or 31/03/2026; may be in the future (it can be a plan)
``start``  the start time, like 09:30 (may be empty; then gaps are not checked)
``minutes`` how long the session lasts: a whole number from 1 to 480
``client`` a reference for the person, such as C07; never their name
``type``   ``first``, ``follow_up`` or ``review`` (a follow-up that includes a review)
``note``   anything you like (the column may be left out)
=========  ================================================================

How the guidance is read (figures from ``sessions`` in ``rules.yml``):

- **Sessions a day:** more than the upper figure of "four to five" on one
  day gives a finding; five does not.
- **Length:** the follow-up and review sessions of the whole diary should
  *average* 45 to 50 minutes; each may differ.
- **First sessions** are often longer: a first session of 50 minutes or less
  (the upper typical length) gives a finding.
- **Reviews every six sessions:** counting each person's sessions in order,
  more than six in a row without a review gives a finding; a review in the
  sixth or seventh session keeps within it. Only sessions in this diary count.
- **Time between sessions:** the framework gives no number of minutes, so
  only sessions with no time at all between them (or overlapping) are pointed
  out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from statistics import mean
from typing import Optional, Sequence, Union

from hwc_selfcheck.core.csv_records import CsvFormat, Row, most_in_a_day, read_records
from hwc_selfcheck.core.dates import figure, long_date, number_words
from hwc_selfcheck.core.findings import Finding
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.loader import Framework

SESSION_TYPES = ("first", "follow_up", "review")
MAX_MINUTES = 480
MINUTES_IN_A_DAY = 24 * 60
SESSION_DIARY = CsvFormat("session diary", ("date", "start", "minutes", "client", "type", "note"), meanings={
    "date": "the date, like 2026-03-31 or 31/03/2026; may be in the future (it can be a plan)",
    "start": "the start time, like 09:30 (may be empty; then gaps between sessions are not checked)",
    "minutes": f"how long the session lasts: a whole number from 1 to {MAX_MINUTES}; "
               f"the rows of one day may add up to at most {MINUTES_IN_A_DAY}",
    "client": "a reference for the person, such as C07; never their name",
    "type": "first, follow_up or review (a follow-up that includes a review)",
    "note": "anything you like",
})


@dataclass(frozen=True)
class PlannedSession:
    row: int
    date: date
    start: Optional[tuple[int, int]]
    minutes: int
    client: str
    type: str
    note: str = ""

    @property
    def start_minute(self) -> Optional[int]:
        return None if self.start is None else self.start[0] * 60 + self.start[1]


def read_session_diary(path: Union[str, Path]) -> list[PlannedSession]:
    def parse(row: Row) -> PlannedSession:
        return PlannedSession(
            row=row.number,
            date=row.date("date", allow_future=True),
            start=row.time("start"),
            minutes=row.whole_number("minutes", 1, MAX_MINUTES) or 0,
            client=row.text("client", required=True),
            type=row.choice("type", SESSION_TYPES),
            note=row.text("note"),
        )

    return read_records(path, SESSION_DIARY, parse,
                        [most_in_a_day(lambda s: Decimal(s.minutes), Decimal(MINUTES_IN_A_DAY), "minutes")])


@dataclass
class CaseloadCheck:
    sessions: int
    days: int
    clients: int
    busiest: tuple[Optional[date], int]
    findings: list[Finding] = field(default_factory=list)

    def summary(self) -> str:
        if not self.sessions:
            return "The diary holds no sessions."
        day, count = self.busiest
        return (f"{plural(self.sessions, 'session')} with {plural(self.clients, 'person', 'people')} over "
                f"{plural(self.days, 'day')}; the busiest day is "
                f"{long_date(day) if day else '—'} with {count}.")


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def check_caseload(fw: Framework, sessions: Sequence[PlannedSession]) -> CaseloadCheck:
    """Guidance findings for a plan or diary of sessions."""
    rules = fw.rules.sessions
    section = rules.source_section
    per_day = Counter(s.date for s in sessions)
    busiest = max(per_day.items(), key=lambda kv: (kv[1], -kv[0].toordinal()), default=(None, 0))
    check = CaseloadCheck(len(sessions), len(per_day), len({s.client for s in sessions}), busiest)
    reasons = "; ".join(r.rstrip(".").lower() for r in rules.reasons_for_daily_limit)
    for day, count in sorted(per_day.items()):
        if count > rules.max_sessions_per_day_max:
            check.findings.append(Finding(
                "Sessions a day", "guidance",
                f"{count} sessions on {long_date(day)}. The framework suggests a coach is unlikely to hold more than "
                f"{number_words(rules.max_sessions_per_day_min)} to {number_words(rules.max_sessions_per_day_max)} "
                f"a day, to leave time for: {reasons}", section,
                "Look at this day with the coach and their line manager, and whether the caseload needs a rethink.",
            ))
    follow_ups = [s.minutes for s in sessions if s.type != "first"]
    if follow_ups:
        average = mean(follow_ups)
        if not rules.typical_minutes_min <= average <= rules.typical_minutes_max:
            check.findings.append(Finding(
                "Session length", "guidance",
                f"Follow-up and review sessions in this diary average {figure(average)} minutes. As a guide, the "
                f"framework says sessions usually last an average of {rules.typical_minutes_min} to "
                f"{rules.typical_minutes_max} minutes, and each can vary with the person's needs", section,
                "Talk in supervision about whether session lengths suit the people on the caseload.",
            ))
    if rules.longer_first_session:
        for s in sessions:
            if s.type == "first" and s.minutes <= rules.typical_minutes_max:
                check.findings.append(Finding(
                    "First sessions", "guidance",
                    f"The first session with {s.client} on {long_date(s.date)} is {s.minutes} minutes. The framework "
                    f"says a first session is often longer than the usual {rules.typical_minutes_min} to "
                    f"{rules.typical_minutes_max} minutes, and goes into more depth", section,
                    "Consider allowing more time for first sessions.",
                ))
    _reviews(sessions, rules.review_every_sessions, section, check)
    _gaps_between(sessions, section, check)
    return check


def _order(s: PlannedSession) -> tuple[date, int, int]:
    return s.date, s.start_minute if s.start_minute is not None else -1, s.row


def _runs_without_review(own: list[PlannedSession]) -> list[list[PlannedSession]]:
    """A person's sessions split at each review: the runs of sessions with no review in them."""
    runs: list[list[PlannedSession]] = [[]]
    for s in own:
        if s.type == "review":
            runs.append([])
        else:
            runs[-1].append(s)
    return runs


def _reviews(sessions: Sequence[PlannedSession], every: int, section: str, check: CaseloadCheck) -> None:
    by_client: dict[str, list[PlannedSession]] = {}
    for s in sorted(sessions, key=_order):
        by_client.setdefault(s.client, []).append(s)
    for client, own in by_client.items():
        for run in _runs_without_review(own):
            if len(run) > every:
                check.findings.append(Finding(
                    "Reviews", "guidance",
                    f"{client} has {plural(len(run), 'session')} in a row without a review, from {long_date(run[0].date)} "
                    f"to {long_date(run[-1].date)}. The framework suggests reviewing progress every "
                    f"{number_words(every)} sessions, or as the coach and the person decide", section,
                    "Plan a review with this person, or note that you agreed a different rhythm.",
                ))


def _gaps_between(sessions: Sequence[PlannedSession], section: str, check: CaseloadCheck) -> None:
    by_day: dict[date, list[tuple[int, int]]] = {}  # (start, end) in minutes after midnight
    for s in sorted(sessions, key=_order):
        if s.start_minute is not None:
            by_day.setdefault(s.date, []).append((s.start_minute, s.start_minute + s.minutes))
    for day, spans in by_day.items():
        tight = [(a, b) for a, b in zip(spans, spans[1:]) if b[0] <= a[1]]
        if not tight:
            continue
        overlap = " (some overlap)" if any(b[0] < a[1] for a, b in tight) else ""
        times = ", ".join(_clock(b[0]) for _, b in tight)
        starts = "sessions start" if len(tight) != 1 else "session starts"
        check.findings.append(Finding(
            "Time between sessions", "guidance",
            f"On {long_date(day)} {number_words(len(tight))} {starts} with no time after the one before{overlap}, at {times}. "
            "The framework says the day needs time for notes, follow-up, talking with colleagues and "
            "decompressing between sessions", section,
            "Leave time between sessions.",
        ))
