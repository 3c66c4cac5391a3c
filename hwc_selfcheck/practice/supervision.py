"""Check a supervision log against the framework's recommended frequencies (section 4.2.2).

**Supervision log** (``hwc-selfcheck supervision LOG.csv --from DATE --to DATE [--fte F]``),
one row per supervision session:

==================  =========================================================
``date``            2026-03-31 or 31/03/2026; not in the future
``kind``            ``line_management``, ``clinical``,
                    ``health_coaching_individual`` or ``health_coaching_group``
                    (capitals and spaces are fine: "Health coaching group")
``minutes``         how long it lasted: a whole number from 1 to 480
``supervisor``      who gave it (a name or a role)
``supervisor_tier`` the supervisor's tier, 1 to 4, if they are a coach (may be empty)
``note``            anything you like (the column may be left out)
==================  =========================================================

The working pattern is a fraction of full time (FTE, full-time equivalent):
1 for full time, 0.6 for three days a week out of five.

How the framework is read. Each rule is stated here, in the findings and in
the notebook, because the source leaves room for judgement:

- **Line management: monthly**, with ad hoc support in between. Every
  calendar month that lies wholly inside the period should hold at least one
  line management session; a month without one is a finding. Part months at
  either end are not judged. The framework gives no pro rata for line
  management, so this applies whatever the working pattern.
- **Clinical: every two to three months for a full-time coach, pro rata.**
  "Pro rata" is read as: the interval grows in proportion to 1/FTE, so at 0.6
  of full time it is every 3.3 to 5 months. A finding is made when the time
  between two sessions, or from the last session before the period (or the
  start of the period, if there is none) to the first, or from the last to
  the end of the period, is *longer* than the upper end of the interval.
  Exactly three months (1 October to 1 January) is within it. Sooner than the
  lower end is never a finding: more supervision is fine.
- **Clinical: a way to deal with any urgent queries that come up.** A log
  cannot show this, so it is always given as a reminder for the employer.
- **Health coaching, individual: one to two hours a month.** Appendix 2,
  section 6 says full-time coaches should have it at least every month. A
  full-time coach should have a session in every whole calendar month of the
  period, as for line management (so sessions on the third Wednesday of each
  month, five weeks apart at times, are fine). The framework gives pro rata
  for clinical supervision only. This tool's own choice, said so in every
  finding, is to apply it here too for part-time coaches: at least one
  session in every N whole calendar months in a row, where N is 1/FTE
  rounded up (0.6 of full time gives 2). The minutes over the whole calendar months of the period
  should average at least 60 × FTE a month (36 at 0.6). More than two hours a
  month is never a finding.
- **Health coaching, group:** recommended as an extra; a period with none
  gives a suggestion, not a shortfall.
- **Who gives health coaching supervision:** at least a Tier 3 practitioner
  (section 4.2.3). A lower tier is a finding; an empty tier is a reminder to
  check it (see also ``hwc-selfcheck supervisor-check``).
- **When the next session is due** (line management, clinical, individual
  health coaching), by the same readings, at the end of the period: a monthly
  kind is due by the end of the calendar month after the last session's month
  (for health coaching pro rata, by the end of the N-th month after it); clinical
  supervision by the last session plus the upper end of its interval. A kind
  with no session at all is due now. Past that date it is overdue.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from itertools import groupby
from pathlib import Path
from typing import Any, Optional, Sequence, Union

from hwc_selfcheck.core.csv_records import CsvFormat, Row, most_in_a_day, read_records
from hwc_selfcheck.core.dates import (
    add_interval,
    add_months,
    figure,
    full_months,
    long_date,
    month_name,
    number_words,
    span_words,
)
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.findings import Finding
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import MAX_TIER, MIN_TIER, SupervisionKind

# The kinds a log may name, and the kind of supervision in rules.yml each belongs to.
LOG_KINDS = {
    "line_management": "line_management",
    "clinical": "clinical",
    "health_coaching_individual": "health_coaching",
    "health_coaching_group": "health_coaching",
}
MAX_MINUTES = 480
MINUTES_IN_A_DAY = 24 * 60
SUPERVISION_LOG = CsvFormat("supervision log", ("date", "kind", "minutes", "supervisor", "supervisor_tier", "note"),
                            meanings={
    "date": "the date, like 2026-03-31 or 31/03/2026; not in the future",
    "kind": f"one of {', '.join(LOG_KINDS)} (capitals and spaces are fine: Health coaching group)",
    "minutes": f"how long it lasted: a whole number from 1 to {MAX_MINUTES}; "
               f"the rows of one day may add up to at most {MINUTES_IN_A_DAY}",
    "supervisor": "who gave it (a name or a role)",
    "supervisor_tier": "the supervisor's tier, 1 to 4, if they are a coach (may be empty)",
    "note": "anything you like",
})
KIND_TITLES = {
    "line_management": "Line management",
    "clinical": "Clinical supervision",
    "health_coaching_individual": "Health coaching supervision (individual)",
    "health_coaching_group": "Health coaching supervision (group)",
}


@dataclass(frozen=True)
class Session:
    row: int
    date: date
    kind: str  # a key of LOG_KINDS
    minutes: int
    supervisor: str
    supervisor_tier: Optional[int]
    note: str = ""

    @property
    def who(self) -> str:
        return self.supervisor or f"the supervisor on row {self.row}"


def supervision_entry(row: Row, today: Optional[date] = None) -> Session:
    """One session of a supervision log: a CSV row, or an entry of a portfolio file's ``supervision``."""
    return Session(
        row=row.number,
        date=row.date("date", today),
        kind=row.choice("kind", list(LOG_KINDS)),
        minutes=row.whole_number("minutes", 1, MAX_MINUTES) or 0,
        supervisor=row.text("supervisor"),
        supervisor_tier=row.whole_number("supervisor_tier", MIN_TIER, MAX_TIER, required=False),
        note=row.text("note"),
    )


def read_supervision_log(path: Union[str, Path], today: Optional[date] = None) -> list[Session]:
    return read_records(path, SUPERVISION_LOG, lambda row: supervision_entry(row, today),
                        [most_in_a_day(lambda s: Decimal(s.minutes), Decimal(MINUTES_IN_A_DAY), "minutes")])


def parse_fte(value: Union[str, float, Fraction]) -> Fraction:
    """A working pattern as an exact fraction of full time, more than 0 and at most 1."""
    try:
        fte = Fraction(str(value)) if not isinstance(value, Fraction) else value
    except (ValueError, ZeroDivisionError):
        raise InputError("--fte", None, f"{value!r} is not a number; write it like 0.6") from None
    if not 0 < fte <= 1:
        raise InputError("--fte", None, f"{value} must be more than 0 and at most 1 (1 is full time)")
    return fte


def fte_words(fte: Fraction) -> str:
    return "a full-time coach" if fte == 1 else f"{float(fte):g} of full time"


@dataclass(frozen=True)
class KindSummary:
    kind: str
    sessions: int
    minutes: int
    last: Optional[date]


@dataclass(frozen=True)
class Due:
    """When the next session of one kind is due, seen from the end of the period."""

    kind: str  # a key of LOG_KINDS (never the group kind: it has no frequency)
    last: Optional[date]
    due_by: Optional[date]  # None when there has never been a session: one is due now
    overdue: bool
    text: str


@dataclass
class SupervisionCheck:
    start: date
    end: date
    fte: Fraction
    findings: list[Finding] = field(default_factory=list)
    summary: list[KindSummary] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    due: list[Due] = field(default_factory=list)

    def summary_table(self) -> HtmlTable:
        return HtmlTable(
            ["Kind of supervision", "Sessions in the period", "Minutes", "Last session"],
            [[KIND_TITLES[s.kind], s.sessions, s.minutes, long_date(s.last) if s.last else "none recorded"]
             for s in self.summary],
        )


def _interval_words(kind: SupervisionKind, fte: Fraction) -> str:
    """'every two to three months for a full-time coach; pro rata for 0.6 of full time, ... every 3.3 to 5 months'."""
    low = kind.interval_months_min
    high = kind.interval_months
    span = f"{number_words(low)} to {number_words(high)} months" if low else (
        "month" if high == 1 else f"{number_words(high)} months")
    text = f"every {span} for a full-time coach"
    if fte != 1:
        low_s = f"{figure(Fraction(low) / fte)} to " if low else ""
        text += f"; pro rata for {fte_words(fte)}, that is about every {low_s}{figure(Fraction(high) / fte)} months"
    return text


def _gaps(dates: Sequence[date], start: date, end: date, limit: Fraction) -> list[tuple[date, date, bool, bool]]:
    """Spells longer than ``limit`` months with no session: (from, to, from_is_period_start, runs_to_period_end)."""
    before = [d for d in dates if d <= start]
    previous, from_start = (max(before), False) if before else (start, True)
    found = []
    for day in sorted(d for d in dates if start < d <= end):
        if day > add_interval(previous, limit):
            found.append((previous, day, from_start, False))
        previous, from_start = day, False
    if end > add_interval(previous, limit):
        found.append((previous, end, from_start, True))
    return found


def _gap_text(name: str, gap: tuple[date, date, bool, bool]) -> str:
    begin, finish, from_start, open_end = gap
    since = f"the start of the period on {long_date(begin)}" if from_start else long_date(begin)
    if open_end:
        return f"No {name} since {since}: {span_words(begin, finish)} by the end of the period ({long_date(finish)})"
    return f"No {name} for {span_words(begin, finish)}, from {since} to {long_date(finish)}"


def _empty_runs(dates: Sequence[date], months: list[tuple[int, int]], shortest: int) -> list[list[tuple[int, int]]]:
    """Runs of consecutive whole calendar months with no session, ``shortest`` months long or more."""
    held = {(d.year, d.month) for d in dates}
    index = [(y * 12 + m, (y, m)) for y, m in months if (y, m) not in held]
    runs = [[pair[1][1] for pair in grp] for _, grp in groupby(enumerate(index), key=lambda p: p[1][0] - p[0])]
    return [run for run in runs if len(run) >= shortest]


def _months_words(run: list[tuple[int, int]]) -> str:
    if len(run) == 1:
        return month_name(*run[0])
    return f"the {plural(len(run), 'month')} from {month_name(*run[0])} to {month_name(*run[-1])}"


def _line_management(fw: Framework, sessions: list[Session], check: SupervisionCheck) -> None:
    kind = fw.rules.supervision_kind("line_management")
    months = full_months(check.start, check.end)
    if not months:
        check.notes.append("The period holds no whole calendar month, so monthly supervision was not checked.")
        return
    dates = [s.date for s in sessions if s.kind == "line_management"]
    for run in _empty_runs(dates, months, kind.interval_months):
        check.findings.append(Finding(
            "Line management", "shortfall",
            f"No line management supervision in {_months_words(run)}; recommended "
            f"{kind.frequency.rstrip('.').lower()}",
            kind.source_section,
            "Book a monthly meeting with a named line manager, and make sure the coach can get support in between.",
        ))


def _clinical(fw: Framework, sessions: list[Session], check: SupervisionCheck) -> None:
    kind = fw.rules.supervision_kind("clinical")
    fte = check.fte if kind.pro_rata else Fraction(1)
    dates = [s.date for s in sessions if s.kind == "clinical"]
    advice = _interval_words(kind, fte)
    for gap in _gaps(dates, check.start, check.end, Fraction(kind.interval_months) / fte):
        check.findings.append(Finding(
            "Clinical supervision", "shortfall", f"{_gap_text('clinical supervision', gap)}; recommended {advice}",
            kind.source_section,
            "Agree a named clinician, such as a GP, senior clinician or advanced practitioner, and book regular "
            "clinical supervision at this interval.",
        ))
    if kind.urgent_route_required:
        check.findings.append(Finding(
            "Clinical supervision", "reminder",
            "A log cannot show whether there is a way to deal with urgent clinical queries as they come up, "
            "which the framework asks for", kind.source_section,
            "Make sure there is a route for urgent clinical queries, that it is written down, and that the coach knows it.",
        ))


def _health_coaching(fw: Framework, sessions: list[Session], check: SupervisionCheck) -> None:
    kind = fw.rules.supervision_kind("health_coaching")
    fte = check.fte
    individual = [s for s in sessions if s.kind == "health_coaching_individual"]
    window = math.ceil(Fraction(kind.interval_months) / fte)
    pro_rata = "" if fte == 1 else (
        f"; the framework gives pro rata for clinical supervision only, and this tool's own choice for "
        f"{fte_words(fte)} is at least once in every {window} calendar months")
    for run in _empty_runs([s.date for s in individual], full_months(check.start, check.end), window):
        check.findings.append(Finding(
            "Health coaching supervision", "shortfall",
            f"No individual health coaching supervision in {_months_words(run)}; full-time coaches should have it "
            f"at least every {'month' if kind.interval_months == 1 else f'{kind.interval_months} months'}{pro_rata}",
            "4.2.2; appendix 2, section 6",
            "Book individual health coaching supervision at least this often with a supervisor of at least "
            f"Tier {kind.provider_min_tier}.",
        ))
    months = full_months(check.start, check.end)
    if kind.minutes_per_month and months:
        total = sum(s.minutes for s in individual if (s.date.year, s.date.month) in months)
        average = Fraction(total, len(months))
        low, high = kind.minutes_per_month, kind.minutes_per_month_max or kind.minutes_per_month
        if average < low * fte:
            span = month_name(*months[0]) if len(months) == 1 else f"{month_name(*months[0])} to {month_name(*months[-1])}"
            pro_rata = "" if fte == 1 else (
                f"; this tool's own choice, pro rata for {fte_words(fte)} (the framework gives pro rata for "
                f"clinical supervision only), is {figure(low * fte)} to {figure(high * fte)} minutes")
            check.findings.append(Finding(
                "Health coaching supervision", "shortfall",
                f"Individual health coaching supervision averaged {figure(average)} minutes a month over "
                f"{len(months)} whole month{'s' if len(months) != 1 else ''} ({span}); recommended "
                f"{number_words(Fraction(low, 60))} to {number_words(Fraction(high, 60))} hours a month for a "
                f"full-time coach ({low} to {high} minutes){pro_rata}",
                "4.2.2",
                "Plan enough individual health coaching supervision each month to reach at least the lower figure.",
            ))
    group = [s for s in sessions if s.kind == "health_coaching_group" and check.start <= s.date <= check.end]
    if kind.group_recommended and not group:
        check.findings.append(Finding(
            "Health coaching supervision", "suggestion",
            "No group health coaching supervision in the period; the framework also recommends it as an extra "
            "chance to develop", "4.2.2",
            "Offer the coach a place in group health coaching supervision, and access to peer learning networks.",
        ))
    _supervisor_tiers(kind, [s for s in sessions if LOG_KINDS[s.kind] == "health_coaching"
                             and check.start <= s.date <= check.end], check)


def _supervisor_tiers(kind: SupervisionKind, sessions: list[Session], check: SupervisionCheck) -> None:
    minimum = kind.provider_min_tier or MIN_TIER
    seen: dict[str, set[Optional[int]]] = {}
    for s in sessions:
        seen.setdefault(s.who, set()).add(s.supervisor_tier)
    for who, tiers in seen.items():
        low = sorted(t for t in tiers if t is not None and t < minimum)
        if low:
            check.findings.append(Finding(
                "Who gives health coaching supervision", "shortfall",
                f"{who} is recorded as a Tier {low[0]} practitioner; health coaching supervision should come from "
                f"at least a Tier {minimum} practitioner", "4.2.3",
                f"Arrange health coaching supervision with someone of at least Tier {minimum} who meets the minimum "
                "standards for supervisors (appendix 2, section 6).",
            ))
        elif None in tiers:
            check.findings.append(Finding(
                "Who gives health coaching supervision", "reminder",
                f"The tier of {who} is not recorded; health coaching supervision should come from at least a "
                f"Tier {minimum} practitioner", "4.2.3",
                "Check the supervisor's tier and the minimum standards for supervisors (hwc-selfcheck supervisor-check).",
            ))


def _end_of_month_after(day: date, months: int) -> date:
    """The last day of the calendar month ``months`` after ``day``'s month."""
    following = add_months(day.replace(day=1), months)
    return following.replace(day=calendar.monthrange(following.year, following.month)[1])


def _due(fw: Framework, sessions: Sequence[Session], check: SupervisionCheck) -> None:
    """When line management, clinical and individual health coaching supervision are next due."""
    rules = {"line_management": fw.rules.supervision_kind("line_management"),
             "clinical": fw.rules.supervision_kind("clinical"),
             "health_coaching_individual": fw.rules.supervision_kind("health_coaching")}
    for key, kind in rules.items():
        last = max((s.date for s in sessions if s.kind == key), default=None)
        title = KIND_TITLES[key]
        if last is None:
            check.due.append(Due(key, None, None, True, f"{title}: none recorded, so one is due now."))
            continue
        fte = check.fte if kind.pro_rata or key == "health_coaching_individual" else Fraction(1)
        if key == "clinical":
            due_by = add_interval(last, Fraction(kind.interval_months) / fte)
        else:
            due_by = _end_of_month_after(last, math.ceil(Fraction(kind.interval_months) / fte))
        overdue = check.end > due_by
        text = (f"{title}: the last was on {long_date(last)}, and the next was due by {long_date(due_by)}, "
                "so it is overdue." if overdue else
                f"{title}: the last was on {long_date(last)}; the next is due by {long_date(due_by)}.")
        check.due.append(Due(key, last, due_by, overdue, text))


def check_supervision(
    fw: Framework, sessions: Sequence[Session], start: date, end: date, fte: Union[Fraction, float, str] = 1
) -> SupervisionCheck:
    """Findings for the period from ``start`` to ``end`` (inclusive) for a coach working ``fte`` of full time."""
    if start > end:
        raise InputError("--from", None, f"{start.isoformat()} is after --to {end.isoformat()}")
    check = SupervisionCheck(start, end, parse_fte(fte))
    known = [s for s in sessions if s.date <= end]
    _line_management(fw, known, check)
    _clinical(fw, known, check)
    _health_coaching(fw, known, check)
    check.findings.append(Finding(
        "Health coaching supervision", "reminder",
        "A log cannot show whether the coach can join peer learning networks, which full-time coaches should have",
        "Appendix 2, section 6", "Tell the coach about local peer learning networks and give them time to take part.",
    ))
    for key in LOG_KINDS:
        in_period = [s for s in known if s.kind == key and s.date >= start]
        last = max((s.date for s in known if s.kind == key), default=None)
        check.summary.append(KindSummary(key, len(in_period), sum(s.minutes for s in in_period), last))
    _due(fw, known, check)
    return check


def check_as_dict(check: SupervisionCheck) -> dict[str, Any]:
    """The check as plain JSON values: what the site's port of these rules must give too (tests/corpus)."""
    return {
        "start": check.start.isoformat(),
        "end": check.end.isoformat(),
        "fte": str(check.fte),
        "findings": [{"topic": f.topic, "kind": f.kind, "text": f.text, "source_section": f.source_section,
                      "action": f.action, "sentence": f.sentence} for f in check.findings],
        "summary": [{"kind": k.kind, "title": KIND_TITLES[k.kind], "sessions": k.sessions, "minutes": k.minutes,
                     "last": k.last.isoformat() if k.last else None} for k in check.summary],
        "notes": list(check.notes),
        "due": [{"kind": d.kind, "last": d.last.isoformat() if d.last else None,
                 "due_by": d.due_by.isoformat() if d.due_by else None, "overdue": d.overdue, "text": d.text}
                for d in check.due],
    }
