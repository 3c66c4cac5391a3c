"""What a self-assessment means: where a coach stands, their gaps and their plan.

The rules respect tiers: an item is only a gap if the coach's tier expects it.
Items from the next tier up are shown as what comes next, never marked down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean
from typing import Mapping, Optional, Protocol

from hwc_selfcheck.assessment.record import Assessment, Rating
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.item_groups import GENERAL_CAPABILITIES, GENERAL_CAPABILITY
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import Area, Item
from hwc_selfcheck.framework.scales import load_scales

DEFAULT_NEXT_STEP = "Agree a first step with your supervisor, using the routes and evidence shown."
EVIDENCE_ORDER = {"none": 0, "planned": 1, "collected": 2, "confirmed": 3}


@dataclass(frozen=True)
class AreaSummary:
    """One group of items for one coach: how much is expected now, rated, and at the target level.

    Groups are the framework's areas, except that the general capabilities get
    a row of their own: they come from the employer's mandatory training, and a
    "professional competencies" row of 26 would not match the ten on that page.
    """

    key: str
    title: str
    expected: int
    rated: int
    at_target: int
    mean_level: Optional[float]
    later: int  # items in this area that a higher tier brings


@dataclass(frozen=True)
class Gap:
    """An item the coach's tier expects, rated below the target level."""

    item: Item
    rating: Rating
    rank: int


@dataclass(frozen=True)
class PlanStep:
    """A gap with the routes the framework gives and the evidence it expects."""

    gap: Gap
    routes: list[str]
    evidence_expected: list[str]
    next_step: str
    # With a portfolio: the expected evidence it already holds, and what is still to collect (labels).
    in_portfolio: Optional[list[str]] = None
    to_collect: Optional[list[str]] = None


@dataclass(frozen=True)
class ItemChange:
    item: Item
    before: Optional[int]
    after: Optional[int]

    @property
    def delta(self) -> Optional[int]:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass
class Comparison:
    """The change between two assessments of the same person."""

    earlier: Assessment
    later: Assessment
    changes: list[ItemChange] = field(default_factory=list)
    area_means: list[tuple[Area, Optional[float], Optional[float]]] = field(default_factory=list)

    def count(self, kind: str) -> int:
        tests = {
            "improved": lambda c: c.delta is not None and c.delta > 0,
            "declined": lambda c: c.delta is not None and c.delta < 0,
            "unchanged": lambda c: c.delta == 0,
            "newly_rated": lambda c: c.before is None and c.after is not None,
        }
        return sum(1 for c in self.changes if tests[kind](c))


def expected_items(fw: Framework, record: Assessment) -> list[Item]:
    """Items the coach's current tier expects (supervisor standards only for would-be supervisors)."""
    return [i for i in fw.items if i.min_tier <= record.tier and i.kind != "supervisor_standard"]


def _area_mean(items: list[Item], record: Assessment) -> Optional[float]:
    levels = [record.ratings[i.id].level for i in items if i.id in record.ratings]
    return round(mean(levels), 2) if levels else None


def summary_groups(fw: Framework) -> list[tuple[str, str, list[Item]]]:
    """(key, title, items) of each group a self-assessment is summarised by, in framework order."""
    groups = []
    for area in fw.areas:
        if area.key == "supervision":
            continue
        groups.append((area.key, area.title, [i for i in fw.items if i.area == area.key and i.kind != GENERAL_CAPABILITY]))
        if area.key == "professional":
            groups.append(("general_capabilities", GENERAL_CAPABILITIES, [i for i in fw.items if i.kind == GENERAL_CAPABILITY]))
    return groups


def summarise(fw: Framework, record: Assessment) -> list[AreaSummary]:
    """Per-area figures for the areas a self-assessment covers (not supervisor standards)."""
    target = load_scales().rating.target
    out = []
    for key, title, in_area in summary_groups(fw):
        expected = [i for i in in_area if i.min_tier <= record.tier]
        rated = [i for i in expected if i.id in record.ratings]
        out.append(
            AreaSummary(
                key=key,
                title=title,
                expected=len(expected),
                rated=len(rated),
                at_target=sum(1 for i in rated if record.ratings[i.id].level >= target),
                mean_level=_area_mean(expected, record),
                later=len(in_area) - len(expected),
            )
        )
    return out


def gaps(fw: Framework, record: Assessment) -> list[Gap]:
    """Rated items below target that the tier expects, most pressing first.

    Order: lowest level first; essential before desirable; less evidence first;
    then the framework's own order, so the list is stable and explainable.
    """
    target = load_scales().rating.target
    position = {item.id: n for n, item in enumerate(fw.items)}
    found = [
        (item, record.ratings[item.id])
        for item in expected_items(fw, record)
        if item.id in record.ratings and record.ratings[item.id].level < target
    ]
    found.sort(key=lambda p: (p[1].level, not p[0].essential, EVIDENCE_ORDER[p[1].evidence], position[p[0].id]))
    return [Gap(item, rating, rank) for rank, (item, rating) in enumerate(found, start=1)]


def not_yet_rated(fw: Framework, record: Assessment) -> list[Item]:
    return [i for i in expected_items(fw, record) if i.id not in record.ratings]


def coming_next(fw: Framework, record: Assessment) -> list[Item]:
    """Items the next tier brings: shown as what comes next, not as gaps."""
    return [i for i in fw.items if i.min_tier == record.tier + 1 and i.kind != "supervisor_standard"]


class HeldEvidence(Protocol):
    """What the plan needs of a portfolio's coverage of one item: the kinds of evidence held and missing.

    :class:`hwc_selfcheck.practice.portfolio.ItemCoverage` fits it; naming the
    shape here keeps the self-assessment rules free of the practice rules.
    """

    @property
    def present(self) -> tuple[str, ...]: ...

    @property
    def missing(self) -> tuple[str, ...]: ...


def development_plan(
    fw: Framework, record: Assessment, limit: Optional[int] = None,
    coverage: Optional[Mapping[str, HeldEvidence]] = None,
) -> list[PlanStep]:
    """For each gap: how the framework says it is gained, and what evidence it expects.

    With ``coverage`` (from :func:`hwc_selfcheck.practice.portfolio.evidence_coverage`),
    each step also says which of that evidence the portfolio already holds.
    """
    steps = []
    for gap in gaps(fw, record)[:limit]:
        routes = [fw.label("gained_through", t) for t in gap.item.gained_through]
        evidence = [fw.label("evidenced_by", t) for t in gap.item.evidenced_by]
        own = gap.rating.next_step.strip()
        held = coverage.get(gap.item.id) if coverage is not None else None
        steps.append(PlanStep(
            gap, routes, evidence, own or DEFAULT_NEXT_STEP,
            [fw.label("evidenced_by", t) for t in held.present] if held else None,
            [fw.label("evidenced_by", t) for t in held.missing] if held else None,
        ))
    return steps


def compare(fw: Framework, earlier: Assessment, later: Assessment) -> Comparison:
    """Item and area changes between two assessments of the same person, earlier first.

    An "earlier" assessment dated after the later one is refused, not quietly
    swapped: the report around the comparison (plan, summary, charts) is built
    from the later file, so swapping would make it contradict itself.
    """
    if earlier.pseudonym.strip().casefold() != later.pseudonym.strip().casefold():
        raise InputError(
            "--previous", "field pseudonym",
            f"is {earlier.pseudonym!r} but the newer file is {later.pseudonym!r}; compare files of the same person",
        )
    if earlier.date > later.date:
        raise InputError(
            "--previous", "field date",
            f"{earlier.date.isoformat()} is after the date of the self-assessment it is compared with "
            f"({later.date.isoformat()}); give the older file after --previous (swap the two)",
        )
    ids = set(earlier.ratings) | set(later.ratings)
    changes = [
        ItemChange(
            item,
            earlier.ratings[item.id].level if item.id in earlier.ratings else None,
            later.ratings[item.id].level if item.id in later.ratings else None,
        )
        for item in fw.items
        if item.id in ids
    ]
    area_means = []
    for area in fw.areas:
        in_area = [i for i in fw.items if i.area == area.key]
        before, after = _area_mean(in_area, earlier), _area_mean(in_area, later)
        if before is not None or after is not None:
            area_means.append((area, before, after))
    return Comparison(earlier, later, changes, area_means)
