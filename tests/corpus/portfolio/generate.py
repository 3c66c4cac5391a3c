"""The conformance corpus of My portfolio: inputs, each with the package's own results.

The site cannot run the package, so ``hwc-portfolio-read.js`` and ``-checks.js`` repeat its
tier, supervision and evidence rules and its checks of records. This script
makes the cases both must agree on, from the package alone:

- ``cases.json``: records in the portfolio file's list shapes, with a date to
  check on (``as_of``), a supervision period and working pattern (``fte``) and
  a tier for the evidence map; each with ``progress_as_dict``,
  ``check_as_dict`` and ``coverage_as_dict`` of what the package found;
- ``rows.json``: single entries of each list, with the entry as the package
  reads it, or the place and problem it reports;
- ``files.json``: whole portfolio files (and self-assessment files), with
  whether the package accepts them and, where it names one, the entry and
  field at fault;
- ``csv.json``: CSV files of each list, as a spreadsheet would save them, with
  the package's verdict: the entries read, or the first problem and every
  problem the package reports (each bad row, then days of more than 24 hours).

Nothing depends on the clock: every case says which day is "today".
Regenerate after changing a rule, then run the Node tests::

    .venv/bin/python -m tests.corpus.portfolio.generate

``tests/corpus/test_portfolio_corpus.py`` fails while the committed files
differ from what this makes.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Optional

from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT, example_path
from hwc_selfcheck.core.errors import InputError, InputProblems
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.practice.portfolio import coverage_as_dict, evidence_coverage, items_for_tier, read_portfolio
from hwc_selfcheck.practice.supervision import check_as_dict, check_supervision, read_supervision_log
from hwc_selfcheck.practice.tiers import (
    hours_text,
    progress_as_dict,
    read_approvals,
    read_hours_log,
    read_training,
    tier_progress,
)
from hwc_selfcheck.records.portfolio_file import FORMAT, parse_portfolio
from tests.corpus.files import write

CORPUS = Path(__file__).parent
TODAY = date(2026, 6, 1)
Entry = dict[str, str]
SAM = json.loads(example_path("sam-portfolio.json").read_text(encoding="utf-8"))


# --- entries, written as a spreadsheet cell would hold them ------------------------------------------

def h(day: str, hours: str = "1", nhs: str = "yes", supervised: str = "yes", setting: str = "GP practice",
      note: str = "") -> Entry:
    return {"date": day, "hours": hours, "setting": setting, "nhs": nhs, "supervised": supervised, "note": note}


def sv(day: str, kind: str, minutes: str = "60", supervisor: str = "Alex Morgan", tier: str = "3",
       note: str = "") -> Entry:
    return {"date": day, "kind": kind, "minutes": minutes, "supervisor": supervisor, "supervisor_tier": tier,
            "note": note}


def course(day: str, name: str = "Health coaching course", pci: str = "yes", days: str = "4") -> Entry:
    return {"date": day, "course": name, "pci_accredited": pci, "days": days, "note": ""}


def approval(day: str, tier: str = "2", by: str = "Jo Reid", independent: str = "yes",
             evidence: str = "yes") -> Entry:
    return {"date": day, "tier": tier, "approved_by": by, "independent": independent,
            "competency_evidence": evidence, "note": ""}


def ev(day: str, kind: str, items: str, note: str = "", where: str = "") -> Entry:
    return {"date": day, "type": kind, "items": items, "note": note, "where_kept": where}


def every(start: str, days: int, count: int, make: Callable[[str], Entry]) -> list[Entry]:
    """``count`` entries, ``days`` apart from ``start``."""
    first = date.fromisoformat(start)
    return [make((first + timedelta(days=days * n)).isoformat()) for n in range(count)]


def monthly(kinds: list[str], start: str, months: int, day: int = 15, minutes: str = "60") -> list[Entry]:
    first = date.fromisoformat(start)
    out = []
    for n in range(months):
        year, month = divmod(first.year * 12 + first.month - 1 + n, 12)
        out += [sv(date(year, month + 1, day).isoformat(), kind, minutes) for kind in kinds]
    return out


PCI = [course("2025-01-10")]
FULL_SUPERVISION = (monthly(["line_management", "health_coaching_individual"], "2025-07-01", 9)
                    + [sv("2025-08-01", "clinical", tier=""), sv("2025-10-20", "clinical", tier=""),
                       sv("2026-01-12", "clinical", tier=""), sv("2025-11-25", "health_coaching_group", "90")])


# --- what the package makes of them -------------------------------------------------------------------

def _file(lists: dict[str, list[Entry]], fte: str = "1") -> dict[str, Any]:
    return {"format": FORMAT, "schema_version": 1, "pseudonym": "Corpus", "date": "2000-01-01", "fte": fte,
            "assessment": None, **lists}


def _problem(exc: InputError) -> dict[str, Optional[str]]:
    return {"where": exc.where, "problem": exc.problem}


def case(fw: Framework, name: str, as_of: str, *, hours: list[Entry] = (), supervision: list[Entry] = (),  # type: ignore[assignment]
         training: Optional[list[Entry]] = (), approvals: Optional[list[Entry]] = (),  # type: ignore[assignment]
         evidence: list[Entry] = (), period: Optional[tuple[str, str]] = None, fte: str = "1",  # type: ignore[assignment]
         tier: Optional[int] = None, today: date = TODAY) -> dict[str, Any]:
    lists = {"hours": list(hours), "supervision": list(supervision), "training": list(training or []),
             "approvals": list(approvals or []), "evidence": list(evidence)}
    held = parse_portfolio(_file(lists), name, fw, today)
    expected: dict[str, Any] = {"tier_progress": progress_as_dict(tier_progress(
        fw, held.hours, None if training is None else held.training, None if approvals is None else held.approvals,
        date.fromisoformat(as_of)))}
    if period:
        try:
            expected["supervision"] = check_as_dict(check_supervision(
                fw, held.supervision, date.fromisoformat(period[0]), date.fromisoformat(period[1]), fte))
        except InputError as exc:
            expected["supervision"] = {"error": _problem(exc)}
    if tier is not None:
        expected["coverage"] = coverage_as_dict(evidence_coverage(fw, held.evidence, items_for_tier(fw, tier)))
    return {"name": name, "today": today.isoformat(), "as_of": as_of, "period": list(period) if period else None,
            "fte": fte, "tier": tier, **{k: (None if k == "training" and training is None or
                                             k == "approvals" and approvals is None else v)
                                         for k, v in lists.items()},
            "expected": expected}


def cases(fw: Framework) -> list[dict[str, Any]]:
    sam = {k: SAM[k] for k in ("hours", "supervision", "training", "approvals", "evidence")}
    sam_period = ("2025-10-01", "2026-03-31")
    weekly = lambda start, weeks, hours="2", **kw: every(start, 7, weeks, lambda d: h(d, hours, **kw))  # noqa: E731
    tier2 = weekly("2024-01-01", 100)
    out = [
        # Sam, the example coach, on the day of the example and at other times.
        case(fw, "Sam's example", "2026-03-31", **sam, period=sam_period, tier=1),
        case(fw, "Sam's example, part-time 0.6", "2026-03-31", **sam, period=sam_period, fte="0.6", tier=2),
        case(fw, "Sam's example, four days a week written 4/5", "2026-03-31", **sam, period=sam_period, fte="4/5"),
        case(fw, "Sam's example at the end of 2025", "2025-12-31", **sam, period=("2025-09-01", "2025-12-31")),
        case(fw, "Sam's example before the course ended", "2025-09-10", **sam, period=("2025-09-01", "2025-09-10")),
        # Empty logs, and records not given at all.
        case(fw, "Empty logs", "2026-03-31", period=("2025-10-01", "2026-03-31"), tier=1),
        case(fw, "No training or approvals record given", "2026-03-31", hours=weekly("2025-06-02", 30),
             training=None, approvals=None),
        case(fw, "No approvals record given, at Tier 1", "2026-03-31", hours=weekly("2025-01-06", 40),
             training=PCI, approvals=None),
        # Tier 1: exactly 50 supervised NHS hours, just short, and unsupervised hours that do not count.
        case(fw, "Exactly 50 supervised hours", "2025-12-29", hours=weekly("2025-01-06", 25), training=PCI),
        case(fw, "49.5 supervised hours", "2025-12-29", hours=weekly("2025-01-06", 24) + [h("2025-12-29", "1.5")],
             training=PCI),
        case(fw, "Unsupervised hours do not count for Tier 1", "2025-12-29",
             hours=weekly("2025-01-06", 20) + weekly("2025-06-03", 20, supervised="no"), training=PCI),
        case(fw, "Hours but no PCI course", "2025-12-29", hours=weekly("2025-01-06", 30),
             training=[course("2025-01-10", pci="no"), course("2025-02-10", days="3")]),
        case(fw, "Two PCI courses, listed out of date order", "2025-12-29", hours=weekly("2024-11-04", 40),
             training=[course("2025-03-10", "Second course"), course("2024-12-01", "First course")]),
        case(fw, "One hour before the course ended", "2025-12-29",
             hours=[h("2025-01-06")] + weekly("2025-02-03", 30), training=[course("2025-01-20")]),
        case(fw, "Non-NHS hours, one of them", "2025-12-29",
             hours=weekly("2025-01-06", 30) + [h("2025-03-03", nhs="no")], training=PCI),
        case(fw, "Non-NHS hours, several", "2025-12-29",
             hours=weekly("2025-01-06", 30) + [h("2025-03-03", "2.5", nhs="no"), h("2025-03-04", "3", nhs="NO")],
             training=PCI),
        case(fw, "Hours on the same day", "2025-06-30",
             hours=[h("2025-06-02", "1.5"), h("2025-06-02", "0.75"), h("2025-06-02", "2", setting="Hub"),
                    h("2025-06-30", "0.25"), h("2025-06-30", "0.25")], training=PCI),
        case(fw, "Decimal hours that floating point gets wrong", "2025-06-30",
             hours=[h("2025-06-02", "0.1"), h("2025-06-03", "0.2"), h("2025-06-04", "12.25"), h("2025-06-05", "1e1"),
                    h("2025-06-06", "1_0.05"), h("2025-06-07", ".35")], training=PCI),
        case(fw, "Entries after the day of the check are left out", "2025-12-29",
             hours=weekly("2025-01-06", 40), training=[course("2025-01-10"), course("2026-01-05", "Later")],
             approvals=[approval("2026-01-10")]),
        # Tier 2 and beyond: hours, approval independent of the organisation, evidence of competency.
        case(fw, "Tier 2 reached", "2026-03-02", hours=tier2, training=PCI, approvals=[approval("2026-02-01")], tier=2),
        case(fw, "Tier 2 hours, approval not independent", "2026-03-02", hours=tier2, training=PCI,
             approvals=[approval("2026-02-01", independent="no")]),
        case(fw, "Tier 2 hours, independence not known", "2026-03-02", hours=tier2, training=PCI,
             approvals=[approval("2026-02-01", independent="")]),
        case(fw, "Tier 2: a second approval is independent", "2026-03-02", hours=tier2, training=PCI,
             approvals=[approval("2026-01-01", by="Own manager", independent="no", evidence="no"),
                        approval("2026-02-01", by="Sol Ahmed")]),
        case(fw, "Tier 2: approval without evidence of competency", "2026-03-02", hours=tier2, training=PCI,
             approvals=[approval("2026-02-01", evidence="no")]),
        case(fw, "Tier 3 reached", "2026-03-02", hours=weekly("2022-01-03", 220, "2.5"), training=PCI,
             approvals=[approval("2024-01-01"), approval("2025-06-01", "3")], tier=3),
        case(fw, "Tier 4 reached", "2026-03-02", hours=weekly("2016-01-04", 520, "2"), training=PCI,
             approvals=[approval("2019-01-01"), approval("2021-01-01", "3"), approval("2025-01-01", "4")], tier=4),
        case(fw, "Tier 4 hours without a Tier 3 approval", "2026-03-02", hours=weekly("2016-01-04", 520, "2"),
             training=PCI, approvals=[approval("2019-01-01"), approval("2025-01-01", "4")]),
        # The projection: a whole 12 weeks, a shorter history, nothing recent, and rounding of the pace.
        case(fw, "Projection over the whole 12 weeks", "2025-12-29", hours=weekly("2025-03-03", 44, "1"),
             training=PCI),
        case(fw, "Projection from a short history", "2025-12-29", hours=weekly("2025-12-01", 5, "3"), training=PCI),
        case(fw, "Nothing recent to project from", "2025-12-29", hours=weekly("2025-01-06", 10, "2"), training=PCI),
        case(fw, "A pace of exactly 0.25 hours a week", "2025-12-29",
             hours=[h("2025-01-06", "20"), h("2025-02-03", "20"), h("2025-11-03", "3")], training=PCI),
        case(fw, "A pace of exactly 0.35 hours a week", "2025-12-29",
             hours=[h("2025-01-06", "20"), h("2025-02-03", "20"), h("2025-11-03", "4.2")], training=PCI),
        case(fw, "Projection across a leap day", "2024-02-29",
             hours=[h("2023-12-05", "2"), h("2024-01-31", "3"), h("2024-02-29", "1.5")], training=PCI),
        case(fw, "One hour logged, on the day of the check", "2025-12-29", hours=[h("2025-12-29")], training=PCI),
        case(fw, "One NHS hour, and one hour outside the NHS", "2025-12-29",
             hours=[h("2025-12-01", supervised="no"), h("2025-12-02", nhs="no")], training=PCI),
        case(fw, "Projection across a year end", "2026-01-05",
             hours=weekly("2025-10-20", 12, "1.25"), training=PCI),
        # Supervision: month and year boundaries, leap days, part-time, the urgent route, due dates.
        case(fw, "Full supervision, full time", "2026-03-31", supervision=FULL_SUPERVISION,
             period=("2025-10-01", "2026-03-31")),
        case(fw, "A month without line management", "2026-03-31",
             supervision=[x for x in FULL_SUPERVISION if not (x["kind"] == "line_management" and
                                                               x["date"].startswith("2025-12"))],
             period=("2025-10-01", "2026-03-31")),
        case(fw, "Across a year end, December only", "2026-01-31",
             supervision=[sv("2025-12-10", "line_management"), sv("2025-12-11", "health_coaching_individual")],
             period=("2025-12-01", "2026-01-31")),
        case(fw, "Clinical supervision exactly three months apart", "2026-01-01",
             supervision=[sv("2025-10-01", "clinical", tier=""), sv("2026-01-01", "clinical", tier="")],
             period=("2025-10-01", "2026-01-01")),
        case(fw, "Clinical supervision three months and a day apart", "2026-01-02",
             supervision=[sv("2025-10-01", "clinical", tier=""), sv("2026-01-02", "clinical", tier="")],
             period=("2025-10-01", "2026-01-02")),
        case(fw, "Clinical from 31 October: months of different lengths", "2026-02-28",
             supervision=[sv("2025-10-31", "clinical", tier=""), sv("2025-11-30", "line_management"),
                          sv("2026-01-31", "line_management")],
             period=("2025-10-31", "2026-02-28")),
        case(fw, "Leap day: 29 February plus months", "2024-06-30",
             supervision=[sv("2023-11-29", "clinical", tier=""), sv("2024-02-29", "clinical", tier=""),
                          sv("2024-02-29", "line_management"), sv("2024-01-31", "health_coaching_individual")],
             period=("2024-01-01", "2024-06-30"), today=date(2024, 7, 1)),
        case(fw, "Part-time 0.6: clinical every 3.3 to 5 months", "2026-03-31",
             supervision=[sv("2025-09-01", "clinical", tier=""), sv("2026-01-20", "clinical", tier="")]
             + monthly(["health_coaching_individual"], "2025-10-01", 6, minutes="30"),
             period=("2025-10-01", "2026-03-31"), fte="0.6"),
        case(fw, "Part-time 0.5: individual supervision every other month", "2026-03-31",
             supervision=[sv("2025-10-15", "health_coaching_individual", "60"),
                          sv("2026-01-15", "health_coaching_individual", "60")],
             period=("2025-10-01", "2026-03-31"), fte="0.5"),
        case(fw, "Part-time 0.3: every four months", "2026-03-31",
             supervision=[sv("2025-08-15", "health_coaching_individual", "45"),
                          sv("2025-12-15", "health_coaching_individual", "45"),
                          sv("2025-09-10", "clinical", tier="")],
             period=("2025-08-01", "2026-03-31"), fte="0.3"),
        case(fw, "Part-time a third", "2026-03-31", supervision=[sv("2025-06-01", "clinical", tier="")],
             period=("2025-06-01", "2026-03-31"), fte="1/3"),
        case(fw, "Too few minutes a month, full time", "2026-03-31",
             supervision=monthly(["health_coaching_individual"], "2025-10-01", 6, minutes="35"),
             period=("2025-10-01", "2026-03-31")),
        case(fw, "Minutes averaging 37.5 over one month", "2026-03-31",
             supervision=[sv("2026-02-03", "health_coaching_individual", "75", ), sv("2026-03-03", "line_management")],
             period=("2026-02-01", "2026-03-31"), fte="0.8"),
        case(fw, "The urgent route is always a reminder", "2025-12-31",
             supervision=[sv("2025-12-01", "clinical", tier="")], period=("2025-12-01", "2025-12-31")),
        case(fw, "A period with no whole month", "2026-03-20",
             supervision=[sv("2026-03-02", "line_management")], period=("2026-03-02", "2026-03-20")),
        case(fw, "A period of one day", "2026-03-02", supervision=[], period=("2026-03-02", "2026-03-02")),
        case(fw, "A period that ends before it starts", "2026-03-31", period=("2026-03-31", "2026-03-01")),
        case(fw, "Supervisors below Tier 3, and one whose tier is not recorded", "2026-03-31",
             supervision=[sv("2026-01-10", "health_coaching_individual", supervisor="Pat", tier="2"),
                          sv("2026-02-10", "health_coaching_individual", supervisor="Pat", tier="3"),
                          sv("2026-02-11", "health_coaching_group", supervisor="Lee", tier=""),
                          sv("2026-03-10", "health_coaching_individual", supervisor="", tier="1")],
             period=("2026-01-01", "2026-03-31")),
        case(fw, "Group supervision only before the period", "2026-03-31",
             supervision=[sv("2025-09-10", "health_coaching_group"), sv("2025-10-10", "clinical", tier="")],
             period=("2025-10-01", "2026-03-31")),
        case(fw, "Sessions on the same day, and after the period", "2026-02-28",
             supervision=[sv("2026-02-02", "line_management"), sv("2026-02-02", "line_management", "30"),
                          sv("2026-02-02", "health_coaching_individual"), sv("2026-03-05", "clinical", tier="")],
             period=("2026-02-01", "2026-02-28"), today=date(2026, 3, 31)),
        case(fw, "Line management due at the end of the next month", "2026-02-28",
             supervision=[sv("2026-01-31", "line_management")], period=("2026-01-01", "2026-02-28")),
        case(fw, "Line management overdue", "2026-03-01",
             supervision=[sv("2026-01-31", "line_management")], period=("2026-01-01", "2026-03-01")),
        # The evidence map at every tier.
        case(fw, "Evidence: supervision kinds and several items", "2026-03-31",
             evidence=[ev("2026-01-05", "health_coaching_supervision", "PC-01; PC-05"),
                       ev("2026-01-06", "clinical_supervision", "pc 10, PC-02"),
                       ev("2026-01-07", "observed_practice", "CE-01 CE-02", where="Supervisor's notes"),
                       ev("2026-01-08", "client_feedback", "CE-01; CE-01")], tier=1),
        case(fw, "Evidence at Tier 2", "2026-03-31", evidence=SAM["evidence"]
             + [ev("2026-02-01", "reflective_journal", "AM-01; AM-02")], tier=2),
        case(fw, "Evidence at Tier 3", "2026-03-31", evidence=SAM["evidence"], tier=3),
        case(fw, "Evidence at Tier 4, none held", "2026-03-31", tier=4),
    ]
    return out


# --- single entries ------------------------------------------------------------------------------------

ROWS: dict[str, list[Entry]] = {
    "hours": [
        h("2026-03-02"), h("02/03/2026", "1.5", "Yes", "NO"), h("2/3/2026", "24"), h("2026-3-2"),
        h("2026-03- 2"), h(" 2026-03-02 ", " 2 ", " y ", "n"), h("29/02/2024"), h("29/02/2026"), h("2026-02-29"),
        h("2026-13-01"), h("31/04/2026"), h("2026/03/02"), h("March 2, 2026"), h("2026-06-02"), h("2026-06-01"),
        h("0001-01-01"), h("0000-01-01"), h(""), h("2026-03-02", "0"), h("2026-03-02", "-1"), h("2026-03-02", "24.01"),
        h("2026-03-02", "25"), h("2026-03-02", "1,5"), h("2026-03-02", "abc"), h("2026-03-02", ""),
        h("2026-03-02", "1e1"), h("2026-03-02", "2E+1"), h("2026-03-02", "1e2"), h("2026-03-02", "_1"),
        h("2026-03-02", "Infinity"), h("2026-03-02", "NaN"), h("2026-03-02", ".5"), h("2026-03-02", "5."),
        h("2026-03-02", "+1.25"), h("2026-03-02", "0.000"), h("2026-03-02", "1 0"), h("2026-03-02", "one"),
        h("2026-03-02", nhs="maybe"), h("2026-03-02", nhs=""), h("2026-03-02", supervised="TRUE"),
        h("2026-03-02", nhs="1", supervised="0"), h("2026-03-02", nhs="true", supervised="False"),
        h("2026-03-02", nhs=" Y ", supervised="N"), h("2026-03-02", nhs="01"), h("2026-03-02", supervised="2"),
        h("2026-03-02", nhs="yes please"), h("2026-03-02", supervised="-1"), h("2026-03-02", nhs="t"),
        h("2026-03-02", supervised="it's \"fine\""), h("2026-03-02", nhs="it's"),
        {"date": "2026-03-02", "hours": "1", "nhs": "yes", "supervised": "no", "setting": ""},
        {"date": "2026-03-02", "hours": "1", "nhs": "yes", "supervised": "no"},
        {"date": "2026-03-02", "hours": "1", "nhs": "yes", "setting": "x", "note": ""},
        {**h("2026-03-02"), "minutes": "60"},
    ],
    "supervision": [
        sv("2026-03-02", "line_management"), sv("2026-03-02", "Health coaching group"),
        sv("2026-03-02", "health-coaching individual"), sv("2026-03-02", "Clinical", tier=""),
        sv("2026-03-02", "supervision"), sv("2026-03-02", "clinicl"), sv("2026-03-02", "mentoring"),
        sv("2026-03-02", "health_coaching"), sv("2026-03-02", ""), sv("2026-03-02", "clinical", "0"),
        sv("2026-03-02", "clinical", "480"), sv("2026-03-02", "clinical", "481"), sv("2026-03-02", "clinical", "1.5"),
        sv("2026-03-02", "clinical", "+5"), sv("2026-03-02", "clinical", "007"), sv("2026-03-02", "clinical", ""),
        sv("2026-03-02", "clinical", tier="5"), sv("2026-03-02", "clinical", tier="0"),
        sv("2026-03-02", "clinical", tier="three"), sv("2026-03-02", "clinical", supervisor=""),
        sv("2026-07-01", "clinical"),
    ],
    "training": [
        course("2026-03-02"), course("2026-03-02", "", "yes", "4"), course("2026-03-02", "Course", "maybe"),
        course("2026-03-02", days="0"), course("2026-03-02", days="60"), course("2026-03-02", days="61"),
        course("2026-03-02", days="four"), course("2026-03-02", days=""), course("2026-03-02", pci=""),
        course("2026-03-02", pci="1"), course("2026-03-02", pci="FALSE"), course("2026-03-02", pci="1.0"),
        {"date": "2026-03-02", "course": "A", "pci_accredited": "yes", "days": "4"},
    ],
    "approvals": [
        approval("2026-03-02"), approval("2026-03-02", "1"), approval("2026-03-02", "4"), approval("2026-03-02", "5"),
        approval("2026-03-02", "two"), approval("2026-03-02", independent=""), approval("2026-03-02", independent="n"),
        approval("2026-03-02", independent="unknown"), approval("2026-03-02", evidence=""),
        approval("2026-03-02", independent="0", evidence="1"), approval("2026-03-02", independent="True"),
        approval("2026-03-02", by=""), approval("2026-03-02", by="  "),
    ],
    "evidence": [
        ev("2026-03-02", "observed_practice", "PC-01"), ev("2026-03-02", "Observed practice", "pc1; PC 02, pc-03"),
        ev("2026-03-02", "reflective_journal", "PC-01 PC-02"), ev("2026-03-02", "reflective_journal", "gw 2"),
        ev("2026-03-02", "reflective_journal", "PC-99"), ev("2026-03-02", "reflective_journal", "PC-O1"),
        ev("2026-03-02", "reflective_journal", "XX-01"), ev("2026-03-02", "reflective_journal", "Z"),
        ev("2026-03-02", "reflective_journal", "PC-01; ; PC-01"), ev("2026-03-02", "reflective_journal", ""),
        ev("2026-03-02", "reflective_journal", "SS-01"), ev("2026-03-02", "reflective_journal", "CE_3"),
        ev("2026-03-02", "reflective_journal", "pc-1x"), ev("2026-03-02", "reflective_journal", "GC-l2"),
        ev("2026-03-02", "supervision", "PC-01"), ev("2026-03-02", "Supervision ", "PC-01"),
        ev("2026-03-02", "journal", "PC-01"), ev("2026-03-02", "observed", "PC-01"),
        ev("2026-03-02", "certificate", "MF-12", note="Course certificate", where="Drawer at work"),
        {"date": "2026-03-02", "type": "certificate", "items": "MF-12"},
        {"date": "2026-03-02", "type": "certificate"},
    ],
}


def _entry_as_dict(record: Any) -> dict[str, Any]:
    """An entry as the package reads it, in JSON values (dates ISO, hours as hours_text, items as a list)."""
    out = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name == "row":
            continue
        out[f.name] = (value.isoformat() if isinstance(value, date) else hours_text(value)
                       if isinstance(value, Decimal) else list(value) if isinstance(value, tuple) else value)
    return out


def rows(fw: Framework) -> list[dict[str, Any]]:
    out = []
    for name, entries in ROWS.items():
        for entry in entries:
            try:
                held = parse_portfolio(_file({name: [entry]}), "row", fw, TODAY)
                expected: dict[str, Any] = {"entry": _entry_as_dict(getattr(held, name)[0])}
            except InputError as exc:
                expected = {"error": _problem(exc)}
            out.append({"list": name, "today": TODAY.isoformat(), "entry": entry, "expected": expected})
    return out


# --- whole files ---------------------------------------------------------------------------------------

def files(fw: Framework) -> list[dict[str, Any]]:
    # Sam's file cut to a few entries of each list, so the corpus stays small.
    good = {**SAM, **{k: SAM[k][:5] for k in ("hours", "supervision", "training", "approvals", "evidence")}}

    def changed(**fields: Any) -> str:
        return json.dumps({**good, **fields})

    def entry(name: str, n: int, **fields: Any) -> str:
        lists = json.loads(json.dumps(good))
        lists[name][n] = {**lists[name][n], **fields}
        return json.dumps(lists)

    def without(*keys: str) -> str:
        return json.dumps({k: v for k, v in good.items() if k not in keys})

    assessment = json.loads(EXAMPLE_ASSESSMENT.read_text())
    texts = {
        "Sam's example": json.dumps(SAM),
        "no assessment": changed(assessment=None),
        "only the required fields": json.dumps({"format": FORMAT, "schema_version": 1, "pseudonym": "Kit",
                                                "date": "2026-03-31"}),
        "empty lists": changed(hours=[], supervision=[], training=[], approvals=[], evidence=[]),
        "cut short": json.dumps(good)[:300],
        "not JSON": "hours,date\n1,2026-01-01\n",
        "a list": "[]",
        "null": "null",
        "a self-assessment file": json.dumps(assessment),
        "another format": changed(format="hwc-selfcheck/supervisor"),
        "no format": without("format"),
        "newer schema version": changed(schema_version=2),
        "schema version 0": changed(schema_version=0),
        "schema version as text": changed(schema_version="1"),
        "schema version true": changed(schema_version=True),
        "schema version 1.0": changed(schema_version=1.0),
        "no schema version": without("schema_version"),
        "no pseudonym": without("pseudonym"),
        "blank pseudonym": changed(pseudonym="   "),
        "pseudonym of 81 characters": changed(pseudonym="x" * 81),
        "pseudonym of 80 characters with spaces": changed(pseudonym=" " + "x" * 80 + " "),
        "pseudonym a number": changed(pseudonym=7),
        "no date": without("date"),
        "date in the future": changed(date="2026-06-02"),
        "date today": changed(date="2026-06-01"),
        "date with midnight time": changed(date="2026-03-31T00:00:00"),
        "date with a time of day": changed(date="2026-03-31T09:30:00"),
        "date in UK form": changed(date="31/03/2026"),
        "date 30 February": changed(date="2026-02-30"),
        "date as a number": changed(date=20260331),
        "fte 0.6": changed(fte="0.6"),
        "fte 3/5": changed(fte="3/5"),
        "fte 0": changed(fte="0"),
        "fte 1.5": changed(fte="1.5"),
        "fte -0.5": changed(fte="-0.5"),
        "fte 1/0": changed(fte="1/0"),
        "fte words": changed(fte="full time"),
        "fte a number": changed(fte=0.6),
        "fte empty": changed(fte=""),
        "fte 5e-1": changed(fte="5e-1"),
        "fte 0.": changed(fte="0."),
        "no fte": without("fte"),
        "an unknown field": changed(notes="hello"),
        "hours not a list": changed(hours={}),
        "hours null": changed(hours=None),
        "an entry not an object": changed(hours=["2026-01-01"]),
        "a number in an entry": entry("hours", 0, hours=1.5),
        "null in an entry": entry("hours", 2, note=None),
        "bad hours": entry("hours", 4, hours="25"),
        "an unknown field in an entry": entry("supervision", 1, room="3"),
        "a missing field in an entry": json.dumps({**good, "training": [
            {k: v for k, v in good["training"][0].items() if k != "days"}]}),
        "bad kind": entry("supervision", 2, kind="peer"),
        "bad course days": entry("training", 0, days="5 days"),
        "an unknown item": entry("evidence", 3, items="PC-01; PC-77"),
        "an entry in the future": entry("hours", 0, date="2026-06-02"),
        "26 hours on one day": changed(hours=[h("2026-03-02", "8"), h("2026-03-03", "1"), h("2026-03-02", "9"),
                                              h("02/03/2026", "9")]),
        "24 hours on one day": changed(hours=[h("2026-03-02", "12"), h("2026-03-02", "12")]),
        "two days over, and too much supervision in a day": changed(
            hours=[h("2026-03-05", "20"), h("2026-03-01", "20"), h("2026-03-05", "5"), h("2026-03-01", "5")],
            supervision=[sv("2026-03-02", "clinical", "480", tier="")] * 3 + [sv("2026-03-02", "clinical", "1", tier="")]),
        "approvals": changed(approvals=[approval("2026-02-01"), approval("2026-03-01", "3", independent="")]),
        "bad approval tier": changed(approvals=[approval("2026-02-01", "1")]),
        "assessment not an object": changed(assessment=[]),
        "assessment with a bad rating": json.dumps({**good, "assessment": {**assessment, "ratings": {
            **assessment["ratings"], "PC-01": {"level": 7}}}}),
        "assessment with an unknown item": json.dumps({**good, "assessment": {**assessment, "ratings": {
            **assessment["ratings"], "PC-77": {"level": 1}}}}),
        "assessment of another format": json.dumps({**good, "assessment": {**assessment, "format": "x"}}),
        "assessment version 1": json.dumps({**good, "assessment": {**assessment, "schema_version": 1, "ratings": {
            k: v["level"] for k, v in assessment["ratings"].items()}}}),
        "assessment dated in the future": json.dumps({**good, "assessment": {**assessment, "date": "2027-01-01"}}),
    }
    out = []
    for name, text in texts.items():
        try:
            parse_portfolio(json.loads(text), "file.json", fw, TODAY)
            verdict: dict[str, Any] = {"accepted": True}
        except (ValueError, InputError) as exc:  # json.JSONDecodeError is a ValueError
            verdict = {"accepted": False}
            if isinstance(exc, InputError):
                verdict.update(_problem(exc))
                if isinstance(exc, InputProblems) and exc.where and not exc.where.startswith("field"):  # days too long
                    verdict["problems"] = [{"where": where, "problem": problem} for where, problem in exc.problems]
        out.append({"name": name, "text": text, "today": TODAY.isoformat(), **verdict})
    return out


# --- CSV files -----------------------------------------------------------------------------------------

READERS: dict[str, Callable[..., list]] = {
    "hours": read_hours_log, "supervision": read_supervision_log, "training": read_training,
    "approvals": read_approvals, "evidence": lambda path, today: read_portfolio(path, None, today),
}

CSV: dict[str, list[str]] = {
    "hours": [
        "date,hours,setting,nhs,supervised,note\n2026-03-02,1.5,GP practice,yes,yes,First\n02/03/2026,1,,no,no,\n",
        "\ufeffDate,Hours,Setting,NHS,Supervised\r\n2026-03-02,1,Hub,yes,no\r\n",
        "date,hours,setting,nhs,supervised,note\n\n2026-03-02,1,\"Hub, north\",yes,yes,\"a \"\"quoted\"\" note\"\n,,,,,\n",
        "date,hours,setting,nhs,supervised,note\n2026-03-02,1,\"two\nlines\",yes,yes,\n2026-03-03,25,,yes,yes,\n",
        "date,hours,setting,nhs,supervised\n2026-03-02,1,Hub,yes,yes,extra\n",
        "date,hours,nhs,supervised\n2026-03-02,1,yes,yes\n",
        "date,hours,setting,supervised\n2026-03-02,1,Hub,yes\n",
        "date,hours,setting,nhs,supervised,minutes\n2026-03-02,1,Hub,yes,yes,60\n",
        "date,hours,setting,nhs,supervised,\n2026-03-02,1,Hub,yes,yes,\n",
        "date,hours,setting,nhs,supervised,hours\n2026-03-02,1,Hub,yes,yes,1\n",
        "Supervised,NHS,Setting,Hours,Date\nyes,yes,Hub,2,2026-03-02\n",
        "", "   \n",
        "date,hours,setting,nhs,supervised\n",
        "date,hours,setting,nhs,supervised\n2026-03-02,1,Hub,yes,yes\n2026-03-02,1,Hub,yes,maybe\n",
        "date,hours,setting,nhs,supervised\n2026-03-02,1,\"Hub\"x,yes,yes\n",
        "date,hours,setting,nhs,supervised\n2026-03-02,1,\"Hub,yes,yes\n",
        "date,hours,setting,nhs,supervised\r2026-03-02,1,Hub,yes,yes\r2026-03-03,2,Hub,yes,no\r",
        "date, hours ,Set-ting,nhs,supervised\n2026-03-02,1,Hub,yes,yes\n",
        # yes and no as a spreadsheet may write them
        "date,hours,setting,nhs,supervised\n2026-03-02,1,Hub,1,0\n2026-03-03,2,Hub,TRUE,FALSE\n2026-03-04,1,Hub,y,N\n",
        "date,hours,setting,nhs,supervised\n2026-03-02,1,Hub,1,01\n",
        # a day's rows add up to more than 24 hours: every row of that day named
        "date,hours,setting,nhs,supervised\n2026-03-02,8,Hub,yes,yes\n2026-03-02,9,Hub,yes,yes\n02/03/2026,9,Hub,yes,yes\n",
        "date,hours,setting,nhs,supervised\n2026-03-02,12,Hub,yes,yes\n2026-03-02,12,Hub,yes,yes\n",
        "date,hours,setting,nhs,supervised\n2026-03-02,12.5,Hub,yes,yes\n2026-03-03,1,Hub,yes,yes\n2026-03-02,11.75,Hub,yes,yes\n",
        "date,hours,setting,nhs,supervised\n2026-03-02,12.50,Hub,yes,yes\n2026-03-02,12.00,Hub,yes,yes\n",
        "date,hours,setting,nhs,supervised\n2026-03-05,20,Hub,yes,yes\n2026-03-01,1e1,Hub,yes,yes\n2026-03-05,5,Hub,yes,yes\n"
        "2026-03-01,15,Hub,yes,yes\n",
        # every bad row in one go, and the rule across rows after them
        "date,hours,setting,nhs,supervised\n2026-03-02,1,Hub,yes,maybe\n2026-03-03,1,Hub,yes,yes\n2026-03-04,25,Hub,yes,yes\n"
        "2026-03-05,1,Hub,yes,yes,extra\n2026-07-01,1,Hub,yes,yes\n2026-03-06,20,Hub,yes,yes\n2026-03-06,20,Hub,yes,yes\n",
        "date,hours,setting,nhs,supervised\n" + "".join(f"2026-03-{d:02d},x,Hub,yes,yes\n" for d in range(1, 26)),
    ],
    "supervision": [
        "date,kind,minutes,supervisor,supervisor_tier,note\n2026-03-02,clinical,60,Dr Lee,,\n",
        "date,kind,minutes,supervisor,supervisor_tier\n2026-03-02,mentoring,60,Jo,\n",
        "date,kind,minutes,supervisor,supervisor tier\n2026-03-02,Health coaching group,90,Jo,3\n",
        "date,kind,minutes,supervisor,supervisor_teir\n2026-03-02,clinical,60,Jo,3\n",
        "date,kind,minutes,supervisor,supervisor_tier\n" + "2026-03-02,clinical,480,Jo,\n" * 3 + "2026-03-02,clinical,1,Jo,\n",
        "date,kind,minutes,supervisor,supervisor_tier\n" + "2026-03-02,clinical,480,Jo,\n" * 3,
        "date,kind,minutes,supervisor,supervisor_tier\n2026-03-02,mentoring,60,Jo,\n2026-03-03,clinical,0,Jo,\n",
    ],
    "training": ["date,course,pci_accredited,days,note\n2025-09-11,PCI course,yes,4,\n2025-10-01,Other,no,61,\n",
                 "date,course,pci_accredited,days\n2025-09-11,PCI course,1,4\n2025-10-01,Other,0,2\n2025-10-02,Third,true,1\n"],
    "approvals": ["date,tier,approved_by,independent,competency_evidence\n2026-02-01,2,Sol,,yes\n",
                  "date,tier,approved_by,independent,competency_evidence\n2026-02-01,2,Sol,0,1\n2026-03-01,3,Jo,false,0\n"],
    "evidence": [
        "date,type,items,note,where_kept\n2026-03-02,observed_practice,PC-01; PC-02,Watched,Supervisor's file\n",
        "date,type,items\n2026-03-02,certificate,MF-12\n2026-03-03,journal,PC-01\n",
    ],
}


def csv_files() -> list[dict[str, Any]]:
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for name, texts in CSV.items():
            for number, text in enumerate(texts, start=1):
                path = Path(folder) / f"{name}-{number}.csv"
                path.write_text(text, encoding="utf-8", newline="")
                try:
                    read = READERS[name](path, today=TODAY)
                    verdict: dict[str, Any] = {"accepted": True, "entries": [_entry_as_dict(r) for r in read]}
                except InputError as exc:
                    every = getattr(exc, "problems", [(exc.where, exc.problem)])
                    verdict = {"accepted": False, **_problem(exc),
                               "problems": [{"where": where, "problem": problem} for where, problem in every]}
                out.append({"list": name, "text": text, "today": TODAY.isoformat(), **verdict})
    return out


def build() -> dict[str, Any]:
    """Every corpus file by name, as the package makes it now."""
    fw = load_framework()
    made = {"cases.json": cases(fw), "rows.json": rows(fw), "files.json": files(fw), "csv.json": csv_files()}
    return {name: {"about": "Made by tests/corpus/portfolio/generate.py from the package; do not edit.",
                   "cases": value} for name, value in made.items()}


def main() -> None:
    write(CORPUS, build())


if __name__ == "__main__":
    main()
