"""Check a health coaching supervisor against every minimum standard (appendix 2, section 6).

**Supervisor record** (``hwc-selfcheck supervisor-check FILE``), a JSON file::

    {
      "format": "hwc-selfcheck/supervisor",
      "schema_version": 1,
      "name": "Jo (example)",              # any name or pseudonym
      "date": "2026-03-10",                # the date of the check; not in the future
      "tier": 3,                           # the supervisor's tier, 1 to 4
      "caseload_hours": [                  # client hours they have coached, by date
        {"date": "2025-11-30", "hours": 6.5, "note": "November"}
      ],
      "evidence": [                        # what they can show, by evidenced_by term
        {"type": "supervision_examples", "note": "Two contracts, 2024 and 2025"}
      ]
    }

``evidence`` types are the ``evidenced_by`` terms the supervisor standards use
(``tier_status``, ``caseload_hours_record``, ``supervision_examples``,
``own_supervisor_records``, ``own_supervisor_statement``,
``statement_of_professional_practice``, ``statement_of_professional_values``,
``supervision_training_evidence``).

How each standard is judged: a standard is met when every kind of evidence
its item lists (``evidenced_by``) is in the record, and, where the standard
has a figure, the figure is met too:

- SS-01: the tier is at least the minimum tier for giving health coaching
  supervision (``provider_min_tier``, section 4.2.3);
- SS-02: the caseload hours dated in the 12 months up to the check date,
  counting a date exactly 12 months before, reach the minimum
  (``supervisor_recent_caseload`` in ``rules.yml``). The hours listed are
  themselves the "record of client hours", so they count as that evidence.

SS-04 also says the supervisor's own supervisor should be more experienced;
no record can prove that, so it is always a reminder.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal, Optional, Union

from pydantic import Field

from hwc_selfcheck.core.dates import add_months, long_date
from hwc_selfcheck.core.errors import InputError, field_name, refuse_future
from hwc_selfcheck.core.json_records import read_json_model
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import MAX_TIER, MIN_TIER, Item, Strict
from hwc_selfcheck.practice.tiers import hours_text

FORMAT = "hwc-selfcheck/supervisor"
SCHEMA_VERSION = 1
TIER_STANDARD = "SS-01"  # "Minimum standard: Tier 3 practitioner", the provider_min_tier of section 4.2.3


class CaseloadEntry(Strict):
    date: date
    hours: Decimal = Field(gt=0, le=1000)
    note: str = Field(default="", max_length=500)


class EvidenceEntry(Strict):
    type: str = Field(min_length=1)
    note: str = Field(default="", max_length=2000)


class SupervisorRecord(Strict):
    format: Literal["hwc-selfcheck/supervisor"] = FORMAT
    schema_version: Literal[1] = SCHEMA_VERSION
    name: str = Field(min_length=1, max_length=80)
    date: date
    tier: int = Field(ge=MIN_TIER, le=MAX_TIER)
    caseload_hours: list[CaseloadEntry] = Field(default_factory=list)
    evidence: list[EvidenceEntry] = Field(default_factory=list)


def evidence_terms(fw: Framework) -> list[str]:
    """The evidenced_by terms the supervisor standards use, in the standards' order."""
    terms: list[str] = []
    for item in fw.select(kind="supervisor_standard"):
        terms += [t for t in item.evidenced_by if t not in terms]
    return terms


def read_supervisor(path: Union[str, Path], fw: Optional[Framework] = None, today: Optional[date] = None) -> SupervisorRecord:
    """Read and check a supervisor record; raise InputError naming the field."""
    fw = fw or load_framework()
    record = read_json_model(path, FORMAT, "supervisor record", SupervisorRecord)
    today = today or date.today()
    refuse_future(path, "date", record.date, today)
    for n, entry in enumerate(record.caseload_hours):
        refuse_future(path, field_name(("caseload_hours", n, "date")), entry.date, today)
    known = evidence_terms(fw)
    for n, entry in enumerate(record.evidence):
        if entry.type not in known:
            near = difflib.get_close_matches(entry.type, known, n=1, cutoff=0.6)
            hint = f"; did you mean {near[0]}?" if near else f"; use one of: {', '.join(known)}"
            raise InputError(path, f"field {field_name(('evidence', n, 'type'))}",
                             f"{entry.type!r} is not a kind of evidence the supervisor standards ask for{hint}")
    return record


@dataclass(frozen=True)
class StandardResult:
    item: Item
    met: bool
    shown: list[str]  # what the record shows for this standard, in plain words
    missing: list[str]


@dataclass(frozen=True)
class SupervisorCheck:
    record: SupervisorRecord
    results: list[StandardResult]
    recent_hours: Decimal
    window_start: date
    reminders: list[str]

    @property
    def eligible(self) -> bool:
        return all(r.met for r in self.results)

    def summary(self) -> str:
        unmet = [r.item.id for r in self.results if not r.met]
        if not unmet:
            return (f"{self.record.name} meets every minimum standard for health coaching supervisors, on the "
                    f"record of {long_date(self.record.date)} (appendix 2, section 6).")
        return (f"{self.record.name} does not yet show {len(unmet)} of the {plural(len(self.results), 'minimum standard')} "
                f"({', '.join(unmet)}), on the record of {long_date(self.record.date)} (appendix 2, section 6).")

    def table(self) -> HtmlTable:
        return HtmlTable(
            ["Standard", "Minimum standard", "Met?", "What the record shows", "Still needed"],
            [[f"{r.item.id} {r.item.title}", r.item.standard or "", "yes" if r.met else "not yet",
              "; ".join(r.shown) or "—", "; ".join(r.missing) or "—"] for r in self.results],
        )


def check_supervisor(fw: Framework, record: SupervisorRecord) -> SupervisorCheck:
    """Judge every supervisor standard (SS items) against the record."""
    rule = fw.rules.supervisor_recent_caseload
    min_tier = fw.rules.supervision_kind("health_coaching").provider_min_tier or MIN_TIER
    window_start = add_months(record.date, -rule.months)
    recent = sum((e.hours for e in record.caseload_hours if window_start <= e.date <= record.date), Decimal(0))
    held = {e.type for e in record.evidence}
    if record.caseload_hours:
        held.add("caseload_hours_record")
    results = []
    for item in fw.select(kind="supervisor_standard"):
        shown = [fw.label("evidenced_by", t) for t in item.evidenced_by if t in held]
        missing = [fw.label("evidenced_by", t) for t in item.evidenced_by if t not in held]
        figure_met = True
        if item.id == TIER_STANDARD:
            figure_met = record.tier >= min_tier
            (shown if figure_met else missing).insert(0, f"Tier {record.tier} recorded" + (
                "" if figure_met else f"; at least Tier {min_tier} is needed"))
        if item.id == rule.item:
            figure_met = recent >= rule.hours
            span = f"{long_date(window_start)} to {long_date(record.date)}"
            text = f"{hours_text(recent)} client hours from {span}"
            (shown if figure_met else missing).insert(
                0, text if figure_met else f"{text}; at least {rule.hours} are needed")
        results.append(StandardResult(item, figure_met and not [t for t in item.evidenced_by if t not in held],
                                      shown, missing))
    reminders = [
        "SS-04: check that the supervisor's own health coaching supervisor is more experienced than they are; "
        "a record cannot show this (appendix 2, section 6).",
    ]
    return SupervisorCheck(record, results, recent, window_start, reminders)
