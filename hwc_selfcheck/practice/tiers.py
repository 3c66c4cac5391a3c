"""Tier progress: which tier a coach's records support, and what the next tier needs.

A coach keeps three CSV files, in a spreadsheet if they like:

**Hours log** (``hwc-selfcheck tier HOURS.csv``), one row per day or session of coaching:

=============  ==============================================================
``date``       2026-03-31 or 31/03/2026; not in the future
``hours``      hours of coaching: more than 0 and at most 24 (1.5 is an hour and a half)
``setting``    where, in your own words, such as "GP practice" (may be empty)
``nhs``        yes if the coaching was in the NHS
``supervised`` yes if it was supervised coaching experience
``note``       anything you like (the column may be left out)
=============  ==============================================================

**Training record** (``--training``): ``date`` (when the course ended),
``course``, ``pci_accredited`` (yes/no: accredited by the Personalised Care
Institute), ``days`` (how many days the course lasted), ``note``.

**Progression approvals** (``--approvals``): ``date``, ``tier`` (the tier
approved, 2 to 4), ``approved_by`` (the supervisor), ``independent`` (yes/no,
or empty if not known: is the supervisor from outside the coach's own
organisation?), ``competency_evidence`` (yes/no: did the supervisor agree the
coach's evidence of competency for that tier?), ``note``.

How the framework is read (tiers are in ``rules.yml``; appendix 2
introduction; sections 8.2 and 8.2.1):

- Only NHS coaching counts. Tier 1 counts NHS hours that were *supervised*
  (section 8.2 says "50 hours supervised coaching experience in the NHS");
  Tiers 2 to 4 count all NHS hours, supervised or not, in total since the
  start (so Tier 2's 200 include Tier 1's 50).
- Tier 1 also needs the minimum training: a course that is PCI accredited and
  lasted at least the minimum number of days.
- Where a tier asks for evidence of competency, it counts when an approvals
  row for that tier says the supervisor agreed the evidence.
- Where a tier asks for progression approval (Tier 2: a supervisor
  independent of the coach's organisation, section 8.2.1), it counts only when
  that row says ``independent`` is yes.
- Tiers build on each other: the records support Tier N when every
  requirement of Tiers 1 to N is met on the date of the check.
- A record that was not given at all (no training record, no approvals
  record) is not the same as one that lacks a row: what it would show is
  reported as "cannot be checked", never as missing from a record, and it
  does not count as met.
- The projected date uses the coach's recent rate: the hours that count for
  the next tier in the last 12 weeks (or since the first such entry, if that
  is sooner), carried forward. It is a guide to planning, not a promise, and
  only hours can be projected, never approvals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional, Sequence, Union

from hwc_selfcheck.core.csv_records import YES_NO, CsvFormat, Row, most_in_a_day, read_records
from hwc_selfcheck.core.dates import long_date
from hwc_selfcheck.core.findings import cite
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import MAX_TIER, Tier

MAX_HOURS_PER_ROW = Decimal(24)
MAX_HOURS_PER_DAY = Decimal(24)
MAX_COURSE_DAYS = 60
DATE_WORDS = "the date, like 2026-03-31 or 31/03/2026; not in the future"
HOURS_LOG = CsvFormat("hours log", ("date", "hours", "setting", "nhs", "supervised", "note"), meanings={
    "date": DATE_WORDS,
    "hours": f"hours of coaching: more than 0 and at most {MAX_HOURS_PER_ROW} (1.5 is an hour and a half); "
             f"the rows of one day may add up to at most {MAX_HOURS_PER_DAY}",
    "setting": "where, in your own words, such as GP practice (may be empty)",
    "nhs": f"was the coaching in the NHS? {YES_NO}",
    "supervised": f"was it supervised coaching experience? {YES_NO}",
    "note": "anything you like",
})
TRAINING_RECORD = CsvFormat("training record", ("date", "course", "pci_accredited", "days", "note"), meanings={
    "date": "when the course ended, like 2026-03-31 or 31/03/2026; not in the future",
    "course": "the course's name",
    "pci_accredited": f"is it accredited by the Personalised Care Institute? {YES_NO}",
    "days": f"how many days the course lasted: a whole number from 1 to {MAX_COURSE_DAYS}",
    "note": "anything you like",
})
APPROVALS = CsvFormat(
    "progression approvals record", ("date", "tier", "approved_by", "independent", "competency_evidence", "note"),
    meanings={
        "date": DATE_WORDS,
        "tier": f"the tier approved: 2 to {MAX_TIER}",
        "approved_by": "the supervisor who approved it",
        "independent": f"is the supervisor from outside your own organisation? {YES_NO}; empty if not known",
        "competency_evidence": f"did the supervisor agree your evidence of competency for that tier? {YES_NO}",
        "note": "anything you like",
    },
)
RECENT_WEEKS = 12
NOT_GIVEN = "cannot be checked, because no {record} was given"  # a record the coach did not give at all


@dataclass(frozen=True)
class HoursEntry:
    row: int
    date: date
    hours: Decimal
    setting: str
    nhs: bool
    supervised: bool
    note: str = ""


@dataclass(frozen=True)
class TrainingRecord:
    row: int
    date: date
    course: str
    pci_accredited: bool
    days: int
    note: str = ""


@dataclass(frozen=True)
class Approval:
    row: int
    date: date
    tier: int
    approved_by: str
    independent: Optional[bool]
    competency_evidence: bool
    note: str = ""


def hours_entry(row: Row, today: Optional[date] = None) -> HoursEntry:
    """One entry of an hours log: a CSV row, or an entry of a portfolio file's ``hours``."""
    return HoursEntry(
        row=row.number,
        date=row.date("date", today),
        hours=row.decimal("hours", maximum=MAX_HOURS_PER_ROW, unit=" hours"),
        setting=row.text("setting"),
        nhs=bool(row.yes_no("nhs")),
        supervised=bool(row.yes_no("supervised")),
        note=row.text("note"),
    )


# The rows of one day may be split up, but may not add up to more than a day.
HOURS_IN_A_DAY = most_in_a_day(lambda e: e.hours, MAX_HOURS_PER_DAY, "hours")


def read_hours_log(path: Union[str, Path], today: Optional[date] = None) -> list[HoursEntry]:
    return read_records(path, HOURS_LOG, lambda row: hours_entry(row, today), [HOURS_IN_A_DAY])


def training_entry(row: Row, today: Optional[date] = None) -> TrainingRecord:
    """One course of a training record: a CSV row, or an entry of a portfolio file's ``training``."""
    return TrainingRecord(
        row=row.number,
        date=row.date("date", today),
        course=row.text("course", required=True),
        pci_accredited=bool(row.yes_no("pci_accredited")),
        days=row.whole_number("days", 1, MAX_COURSE_DAYS) or 0,
        note=row.text("note"),
    )


def read_training(path: Union[str, Path], today: Optional[date] = None) -> list[TrainingRecord]:
    return read_records(path, TRAINING_RECORD, lambda row: training_entry(row, today))


def approval_entry(row: Row, today: Optional[date] = None) -> Approval:
    """One progression approval: a CSV row, or an entry of a portfolio file's ``approvals``."""
    return Approval(
        row=row.number,
        date=row.date("date", today),
        tier=row.whole_number("tier", 2, MAX_TIER) or 0,
        approved_by=row.text("approved_by", required=True),
        independent=row.yes_no("independent", required=False),
        competency_evidence=bool(row.yes_no("competency_evidence")),
        note=row.text("note"),
    )


def read_approvals(path: Union[str, Path], today: Optional[date] = None) -> list[Approval]:
    return read_records(path, APPROVALS, lambda row: approval_entry(row, today))


@dataclass(frozen=True)
class Requirement:
    """One thing a tier asks for, and whether the records show it."""

    tier: int
    what: str  # hours, training, competency or approval
    met: bool
    text: str
    source_section: str
    checked: bool = True  # False when the record that would show it was not given

    @property
    def state(self) -> str:
        """Met, not yet, or not checked, in words for a table."""
        return "yes" if self.met else "not yet" if self.checked else "not checked"


@dataclass(frozen=True)
class Projection:
    tier: int
    counted: str
    still_needed: Decimal
    window_start: date
    recent_hours: Decimal
    reached_on: Optional[date]
    text: str


@dataclass(frozen=True)
class TierProgress:
    as_of: date
    tier: int  # the highest tier the records support; 0 before Tier 1
    requirements: dict[int, list[Requirement]]
    nhs_hours: Decimal
    supervised_nhs_hours: Decimal
    other_hours: Decimal
    projection: Optional[Projection]
    notes: list[str] = field(default_factory=list)

    @property
    def next_tier(self) -> Optional[int]:
        return self.tier + 1 if self.tier < MAX_TIER else None

    @property
    def missing(self) -> list[Requirement]:
        """What the next tier still needs (including anything a lower tier still lacks)."""
        if self.next_tier is None:
            return []
        return [r for t in range(1, self.next_tier + 1) for r in self.requirements[t] if not r.met]

    @property
    def unchecked(self) -> list[Requirement]:
        """Requirements up to the next tier that no record given could show."""
        last = self.next_tier or self.tier
        return [r for t in range(1, last + 1) for r in self.requirements[t] if not r.checked]

    def summary(self) -> str:
        now = f"support Tier {self.tier}" if self.tier else "do not yet support Tier 1"
        return (f"On {long_date(self.as_of)} your records {now}. You have logged "
                f"{hours_words(self.nhs_hours, 'NHS coaching hours')}, {hours_text(self.supervised_nhs_hours)} of them "
                "supervised.")


def records_text(entries: Sequence[HoursEntry], training: Optional[Sequence[TrainingRecord]],
                 approvals: Optional[Sequence[Approval]]) -> str:
    """What was read, in words: '53 rows of hours, 3 courses and no progression approvals record'."""
    courses = f"no {TRAINING_RECORD.name}" if training is None else plural(len(training), "course")
    agreed = f"no {APPROVALS.name}" if approvals is None else plural(len(approvals), "approval")
    return f"{plural(len(entries), 'row')} of hours, {courses} and {agreed}"


def hours_text(value: Decimal) -> str:
    """Hours without needless zeros: 50, 49.5, 12.25."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def hours_words(value: Decimal, words: str) -> str:
    """An amount and what it counts, ``words`` ending in "hours": "1 NHS coaching hour", "1.5 NHS coaching hours"."""
    return f"{hours_text(value)} {words.removesuffix('s') if value == 1 else words}"


def counts_words(tier: Tier) -> str:
    """What a tier's hours threshold counts: all NHS coaching hours, or only supervised ones."""
    return "supervised NHS coaching hours" if tier.hours_must_be_supervised else "NHS coaching hours"


def _counted(tier: Tier, entries: Sequence[HoursEntry]) -> list[HoursEntry]:
    return [e for e in entries if e.nhs and (e.supervised or not tier.hours_must_be_supervised)]


def _requirements(fw: Framework, tier: Tier, entries: Sequence[HoursEntry],
                  training: Optional[Sequence[TrainingRecord]],
                  approvals: Optional[Sequence[Approval]]) -> list[Requirement]:
    """What the tier asks for; ``None`` for a record that was not given (so it cannot be checked)."""
    have = sum((e.hours for e in _counted(tier, entries)), Decimal(0))
    need = Decimal(tier.nhs_coaching_hours)
    gap = "" if have >= need else f", {hours_text(need - have)} still to go"
    out = [Requirement(tier.tier, "hours", have >= need,
                       f"{tier.nhs_coaching_hours} {counts_words(tier)}: {hours_text(have)} logged{gap}", "8.2")]
    if tier.training:
        minimum = fw.rules.minimum_training
        done = [t for t in training or () if t.pci_accredited and t.days >= minimum.days]
        if training is None:
            status = NOT_GIVEN.format(record=TRAINING_RECORD.name)
        elif done:
            status = f"done on {long_date(done[0].date)} ({done[0].course})"
        else:
            status = f"not in your training record (it needs a PCI-accredited course of at least {minimum.days} days)"
        out.append(Requirement(tier.tier, "training", bool(done), f"{minimum.course}: {status}", minimum.source_section,
                               checked=training is not None))
    rows = [a for a in approvals or () if a.tier == tier.tier]
    not_given = NOT_GIVEN.format(record=APPROVALS.name)
    if tier.evidence_of_competency:
        agreed = [a for a in rows if a.competency_evidence]
        status = (not_given if approvals is None else
                  f"agreed by {agreed[0].approved_by}, {long_date(agreed[0].date)}" if agreed else "not recorded yet")
        out.append(Requirement(tier.tier, "competency", bool(agreed),
                               f"{tier.evidence_of_competency.rstrip('.')}: {status}", "8.2",
                               checked=approvals is not None))
    if tier.progression_approval:
        independent = [a for a in rows if a.independent]
        if approvals is None:
            status = not_given
        elif independent:
            status = f"approved by {independent[0].approved_by}, {long_date(independent[0].date)}"
        elif rows:
            status = (f"the approval recorded from {rows[0].approved_by} is not marked as independent of "
                      "your organisation, so it does not count yet")
        else:
            status = "not recorded yet"
        out.append(Requirement(tier.tier, "approval", bool(independent),
                               f"{tier.progression_approval.rstrip('.')}: {status}", "8.2.1",
                               checked=approvals is not None))
    return out


def _projection(tier: Tier, entries: Sequence[HoursEntry], as_of: date) -> Optional[Projection]:
    counted = _counted(tier, entries)
    have = sum((e.hours for e in counted), Decimal(0))
    need = Decimal(tier.nhs_coaching_hours)
    if have >= need:
        return None
    what = counts_words(tier)
    if not counted:
        return Projection(tier.tier, what, need - have, as_of, Decimal(0), None,
                          f"No {what} logged yet, so no date can be projected for Tier {tier.tier}.")
    start = max(as_of - timedelta(weeks=RECENT_WEEKS) + timedelta(days=1), min(e.date for e in counted))
    recent = sum((e.hours for e in counted if e.date >= start), Decimal(0))
    days = (as_of - start).days + 1
    period = f"the {RECENT_WEEKS} weeks" if days == RECENT_WEEKS * 7 else f"the {plural(days, 'day')}"
    if not recent:
        return Projection(tier.tier, what, need - have, start, recent, None,
                          f"No {what} in {period} to {long_date(as_of)}, so no date can be projected for "
                          f"Tier {tier.tier}'s {tier.nhs_coaching_hours}.")
    days_needed = math.ceil((need - have) * days / recent)
    reached = as_of + timedelta(days=days_needed)
    weekly = recent * 7 / days
    return Projection(
        tier.tier, what, need - have, start, recent, reached,
        f"At your recent rate ({hours_words(recent, what)} in {period} to {long_date(as_of)}, about "
        f"{weekly:.1f} a week) you would reach Tier {tier.tier}'s {tier.nhs_coaching_hours} around "
        f"{long_date(reached)}. This is a guide for planning, not a promise.",
    )


def tier_progress(
    fw: Framework,
    entries: Sequence[HoursEntry],
    training: Optional[Sequence[TrainingRecord]] = None,
    approvals: Optional[Sequence[Approval]] = None,
    as_of: Optional[date] = None,
) -> TierProgress:
    """Which tier the records support on ``as_of`` (default today), and what the next tier needs.

    Leave ``training`` or ``approvals`` as None when there is no such record:
    what it would show is then "cannot be checked" rather than missing. An
    empty list is a record with no rows in it.
    """
    as_of = as_of or date.today()
    entries = [e for e in entries if e.date <= as_of]
    training = None if training is None else [t for t in training if t.date <= as_of]
    approvals = None if approvals is None else [a for a in approvals if a.date <= as_of]
    requirements = {t.tier: _requirements(fw, t, entries, training, approvals) for t in fw.rules.tiers}
    supported = 0
    for t in fw.rules.tiers:
        if not all(r.met for r in requirements[t.tier]):
            break
        supported = t.tier
    nhs = sum((e.hours for e in entries if e.nhs), Decimal(0))
    supervised = sum((e.hours for e in entries if e.nhs and e.supervised), Decimal(0))
    other = sum((e.hours for e in entries if not e.nhs), Decimal(0))
    next_tier = fw.rules.tiers[supported] if supported < MAX_TIER else None
    projection = _projection(next_tier, entries, as_of) if next_tier else None
    notes = []
    if other:
        notes.append(f"{hours_text(other)} {'hour was' if other == 1 else 'hours were'} not in the NHS, so "
                     f"{'it does' if other == 1 else 'they do'} not count towards a tier "
                     "(appendix 2 introduction; section 8.2).")
    course = min((t for t in training or () if t.pci_accredited and t.days >= fw.rules.minimum_training.days),
                 key=lambda t: t.date, default=None)
    if course:
        early = sum((e.hours for e in entries if e.nhs and e.date < course.date), Decimal(0))
        if early:
            notes.append(f"{hours_text(early)} NHS coaching {'hour is' if early == 1 else 'hours are'} dated before "
                         f"your training ended on "
                         f"{long_date(course.date)}. The framework expects the training before you take referrals, "
                         "or at the start of the job (section 4.1). Check with your supervisor how to count "
                         f"{'it' if early == 1 else 'them'}.")
    return TierProgress(as_of, supported, requirements, nhs, supervised, other, projection, notes)


def progress_as_dict(progress: TierProgress) -> dict[str, Any]:
    """Tier progress as plain JSON values: what the site's port of these rules must give too (tests/corpus).

    Hours are text as :func:`hours_text` writes them, so no figure depends on floating point.
    """
    def requirement(r: Requirement) -> dict[str, Any]:
        return {"tier": r.tier, "what": r.what, "met": r.met, "checked": r.checked, "state": r.state,
                "text": r.text, "source_section": r.source_section, "source": cite(r.source_section)}

    p = progress.projection
    return {
        "as_of": progress.as_of.isoformat(),
        "tier": progress.tier,
        "next_tier": progress.next_tier,
        "nhs_hours": hours_text(progress.nhs_hours),
        "supervised_nhs_hours": hours_text(progress.supervised_nhs_hours),
        "other_hours": hours_text(progress.other_hours),
        "summary": progress.summary(),
        "requirements": [requirement(r) for t in sorted(progress.requirements) for r in progress.requirements[t]],
        "missing": [requirement(r) for r in progress.missing],
        "unchecked": [requirement(r) for r in progress.unchecked],
        "projection": None if p is None else {
            "tier": p.tier, "counted": p.counted, "still_needed": hours_text(p.still_needed),
            "window_start": p.window_start.isoformat(), "recent_hours": hours_text(p.recent_hours),
            "reached_on": p.reached_on.isoformat() if p.reached_on else None, "text": p.text},
        "notes": list(progress.notes),
    }


def requirements_table(progress: TierProgress) -> HtmlTable:
    """Every requirement up to the next tier, met or not, with its source."""
    last = progress.next_tier or progress.tier
    return HtmlTable(
        ["Tier", "What it asks for, and where your records stand", "Met?", "Source"],
        [[r.tier, r.text, r.state, cite(r.source_section)]
         for t in range(1, last + 1) for r in progress.requirements[t]],
    )
