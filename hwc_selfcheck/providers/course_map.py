"""Map a course against the framework: what it covers, on which day, and what it leaves out.

The rules come from how the framework says each item is gained (``gained_through``
in the item data, grouped into routes in vocabulary.yml):

- a Tier 1 coach is *expected to gain an item through training* when the item
  is a competency that starts at Tier 1 and at least one of its ways of being
  gained is a training route (appendix 2 gives each item's ways; section 4.1
  makes the four-day course the minimum training);
- the general capabilities are not a course's job: appendix 2, section 1 says
  the employer or the law usually sets them and coaches gain them through the
  employer's mandatory training. They are never counted as gaps; the ones a
  course happens to touch are listed on their own;
- an item the framework gains only *outside training* (in practice, supervision
  or the coach's own study) cannot be delivered by a course, so a course that
  claims it is flagged;
- gaps are ranked by how central training is to the item: the share of its
  named ways that are training, highest first, then the framework's order.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from hwc_selfcheck.framework.item_groups import GENERAL_CAPABILITY, group_title
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import MIN_TIER, Item
from hwc_selfcheck.providers.course import Course, Session

TRAINING = "training"


def training_ways(fw: Framework, item: Item) -> tuple[int, int]:
    """How many of the item's named ways of being gained are training, and how many ways are named."""
    routes = [fw.vocabulary.gained_through[t].route for t in item.gained_through]
    return routes.count(TRAINING), len(routes)


def training_share(fw: Framework, item: Item) -> Fraction:
    """The share of the item's named ways of being gained that are training (0 when none is named)."""
    training, ways = training_ways(fw, item)
    return Fraction(training, ways) if ways else Fraction(0)


def expected_through_training(fw: Framework) -> list[Item]:
    """Competencies a Tier 1 coach is expected to gain, with training among the ways named: what a course is for."""
    return [i for i in fw.items if i.kind == "competency" and i.min_tier == MIN_TIER and training_share(fw, i) > 0]


def employer_training(fw: Framework) -> list[Item]:
    """The general capabilities, which the employer's mandatory training gives rather than a coaching course."""
    return [i for i in fw.items if i.kind == GENERAL_CAPABILITY]


def share_band(share: Fraction) -> str:
    """The ranking's groups in plain words."""
    if share == 1:
        return "Only through training"
    if share >= Fraction(1, 2):
        return "Mostly through training" if share > Fraction(1, 2) else "Half through training"
    return "Partly through training"


@dataclass(frozen=True)
class ItemCoverage:
    """One item and the course sessions that claim it."""

    item: Item
    sessions: tuple[Session, ...]
    expected: bool  # a Tier 1 competency with a training route
    share: Fraction

    @property
    def covered(self) -> bool:
        return bool(self.sessions)

    @property
    def employer(self) -> bool:
        """A general capability: the employer's mandatory training gives it, so it is never a course's gap."""
        return self.item.kind == GENERAL_CAPABILITY

    def on_day(self, day: int) -> list[Session]:
        return [s for s in self.sessions if s.day == day]


@dataclass(frozen=True)
class Gap:
    coverage: ItemCoverage
    rank: int

    @property
    def band(self) -> str:
        return share_band(self.coverage.share)


@dataclass(frozen=True)
class AreaCoverage:
    """Coverage of one area's competencies that a Tier 1 coach is expected to gain through training."""

    title: str
    expected: int
    covered: int


@dataclass(frozen=True)
class CourseMap:
    course: Course
    rows: list[ItemCoverage]  # every expected item and every other item the course claims, in framework order
    areas: list[AreaCoverage]
    gaps: list[Gap]
    outside_training: list[ItemCoverage]  # claimed, but the framework names no training route
    later_tiers: list[ItemCoverage]  # claimed items a coach is expected to have only from Tier 2 or later
    employer_touched: list[ItemCoverage]  # claimed general capabilities: the employer's training, not counted
    employer_total: int  # how many general capabilities there are
    without_items: list[Session]  # sessions that name no framework item

    @property
    def expected(self) -> list[ItemCoverage]:
        return [r for r in self.rows if r.expected]

    @property
    def covered_expected(self) -> int:
        return sum(1 for r in self.expected if r.covered)

    def status(self, row: ItemCoverage) -> str:
        """One word for the CSV: covered, gap, outside_training, later_tier or employer_training."""
        if row.covered and row.share == 0:
            return "outside_training"
        if row.employer:
            return "employer_training"
        if row.covered and not row.expected:
            return "later_tier"
        return "covered" if row.covered else "gap"


def map_course(fw: Framework, course: Course) -> CourseMap:
    """Compare a course with the framework's Tier 1 training expectations."""
    claimed: dict[str, list[Session]] = {}
    for session in course.sessions:
        for item_id in session.item_ids:
            claimed.setdefault(item_id, []).append(session)
    expected_ids = {i.id for i in expected_through_training(fw)}
    rows = [
        ItemCoverage(item, tuple(claimed.get(item.id, ())), item.id in expected_ids, training_share(fw, item))
        for item in fw.items
        if item.id in expected_ids or item.id in claimed
    ]
    missing = sorted((r for r in rows if r.expected and not r.covered), key=lambda r: -r.share)  # stable: keeps framework order
    groups: dict[str, list[ItemCoverage]] = {}
    for r in rows:
        if r.expected:
            groups.setdefault(group_title(fw, r.item), []).append(r)
    areas = [AreaCoverage(title, len(g), sum(1 for r in g if r.covered)) for title, g in groups.items()]
    return CourseMap(
        course=course,
        rows=rows,
        areas=areas,
        gaps=[Gap(r, n) for n, r in enumerate(missing, start=1)],
        outside_training=[r for r in rows if r.covered and r.share == 0],
        later_tiers=[r for r in rows if r.covered and r.share > 0 and not r.expected and not r.employer],
        employer_touched=[r for r in rows if r.employer],
        employer_total=len(employer_training(fw)),
        without_items=[s for s in course.sessions if not s.item_ids],
    )
