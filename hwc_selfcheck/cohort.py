"""A team's training needs, from a folder of its coaches' self-assessments.

Made for a training provider or an employer with many coaches. The view is
aggregate only, and built so that no one can be picked out:

- no pseudonym, note or file name of a counted file is ever part of the result;
- every count or distribution that fewer than ``MIN_GROUP`` people contribute
  to is held back (shown as "fewer than 5"), including per-item and per-area
  cells and the change since an earlier round;
- inside a shown distribution, every cell of 1 to 4 people is held back too
  (a group smaller than five), and when only one cell of a row would be, the
  next smallest is as well, so it cannot be worked out from the row's total.

A file that fails validation is listed by name with its reason, so its owner
can fix it, and left out; the rest still count. Each file counts as one person.
Files are counted as they are read and then let go, so a folder of 10,000
assessments needs little memory.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Optional, Union

from .assessment import Assessment, read_assessment
from .errors import InputError
from .framework import Framework, load_framework
from .item_groups import group_title
from .models import MAX_TIER, MIN_TIER, Item
from .scales import load_scales

MIN_GROUP = 5  # the smallest group of people any figure may describe
HELD_BACK = f"fewer than {MIN_GROUP}"


@dataclass(frozen=True)
class LeftOut:
    """A file that was not counted, and why (its name only: never a pseudonym)."""

    name: str
    reason: str


def share(part: int, whole: int) -> Optional[float]:
    return part / whole if whole else None


def disclosed_counts(counts: Iterable[int]) -> list[Optional[int]]:
    """Per-level counts that are safe to show; None marks a held-back cell."""
    shown: list[Optional[int]] = [c if c == 0 or c >= MIN_GROUP else None for c in counts]
    if shown.count(None) == 1:
        others = [(c, n) for n, c in enumerate(shown) if c]
        if others:
            shown[min(others)[1]] = None
    return shown


@dataclass(frozen=True)
class ItemStats:
    """How the people whose tier expects an item rated it: people at each level of the scale."""

    item: Item
    expected: int  # people whose tier expects the item
    counts: tuple[int, ...]  # people at level 0, 1, ... among those who rated it
    target: int

    @property
    def rated(self) -> int:
        return sum(self.counts)

    @property
    def shown(self) -> bool:
        return self.rated >= MIN_GROUP

    @property
    def below_target(self) -> Optional[float]:
        """Share of raters below the target level; None when held back."""
        return share(sum(self.counts[: self.target]), self.rated) if self.shown else None

    @property
    def mean(self) -> Optional[float]:
        return sum(n * c for n, c in enumerate(self.counts)) / self.rated if self.shown else None


@dataclass(frozen=True)
class GroupStats:
    """All ratings in one group of items (an area, or the general capabilities) pooled."""

    title: str
    people: int  # people who rated at least one item of the group that their tier expects
    counts: tuple[int, ...]  # ratings (not people) at each level
    target: int

    @property
    def shown(self) -> bool:
        return self.people >= MIN_GROUP

    @property
    def at_target(self) -> Optional[float]:
        """Share of the group's ratings at the target level or above; None when held back."""
        return share(sum(self.counts[self.target:]), sum(self.counts)) if self.shown else None

    def level_share(self, level: int) -> Optional[float]:
        return share(self.counts[level], sum(self.counts)) if self.shown else None


@dataclass(frozen=True)
class Cohort:
    people: int
    tiers: dict[int, int]
    items: list[ItemStats]
    groups: list[GroupStats]
    left_out: tuple[LeftOut, ...]
    shared_pseudonyms: int  # counted files whose pseudonym another counted file also uses
    first: Optional[date]
    last: Optional[date]

    @property
    def shown(self) -> bool:
        return self.people >= MIN_GROUP

    def most_in_need(self, limit: int = 10) -> list[ItemStats]:
        """Items with the largest share of raters below target; then the lower average; then framework order."""
        shown = [s for s in self.items if s.shown and s.below_target]
        return sorted(shown, key=lambda s: (-(s.below_target or 0), s.mean))[:limit]

    def tier_count(self, tier: int) -> Optional[int]:
        """People at a tier, or None when fewer than MIN_GROUP (held back)."""
        n = self.tiers.get(tier, 0)
        return n if n >= MIN_GROUP else None

    def held_back_items(self) -> int:
        return sum(1 for s in self.items if not s.shown)


class _Tally:
    """Running counts, so each record can be let go as soon as it is counted."""

    def __init__(self, fw: Framework) -> None:
        scale = load_scales().rating
        self.target, levels = scale.target, scale.top + 1
        self.items = [i for i in fw.items if i.kind != "supervisor_standard"]
        self.titles = list(dict.fromkeys(group_title(fw, i) for i in self.items))
        self.group_of = [self.titles.index(group_title(fw, i)) for i in self.items]
        self.by_tier = {
            t: {i.id: n for n, i in enumerate(self.items) if i.min_tier <= t} for t in range(MIN_TIER, MAX_TIER + 1)
        }
        self.item_counts = [[0] * levels for _ in self.items]
        self.group_counts = [[0] * levels for _ in self.titles]
        self.group_people = [0] * len(self.titles)
        self.tiers: Counter[int] = Counter()
        self.pseudonyms: Counter[str] = Counter()
        self.first: Optional[date] = None
        self.last: Optional[date] = None

    def add(self, record: Assessment) -> None:
        """Count one coach; an item counts only if their tier expects it (as in their own plan)."""
        self.tiers[record.tier] += 1
        self.pseudonyms[record.pseudonym.strip().casefold()] += 1
        self.first = min(self.first or record.date, record.date)
        self.last = max(self.last or record.date, record.date)
        expected = self.by_tier[record.tier]
        touched = set()
        for item_id, rating in record.ratings.items():
            n = expected.get(item_id)
            if n is not None:
                self.item_counts[n][rating.level] += 1
                self.group_counts[self.group_of[n]][rating.level] += 1
                touched.add(self.group_of[n])
        for g in touched:
            self.group_people[g] += 1

    def cohort(self, left_out: Iterable[LeftOut]) -> Cohort:
        tiers = dict(sorted(self.tiers.items()))
        return Cohort(
            people=sum(tiers.values()),
            tiers=tiers,
            items=[
                ItemStats(item, sum(c for t, c in tiers.items() if t >= item.min_tier), tuple(self.item_counts[n]), self.target)
                for n, item in enumerate(self.items)
            ],
            groups=[GroupStats(t, self.group_people[g], tuple(self.group_counts[g]), self.target) for g, t in enumerate(self.titles)],
            left_out=tuple(left_out),
            shared_pseudonyms=sum(n for n in self.pseudonyms.values() if n > 1),
            first=self.first,
            last=self.last,
        )


def aggregate(fw: Framework, records: Iterable[Assessment], left_out: Iterable[LeftOut] = ()) -> Cohort:
    """Count levels per item and per group for records already in memory."""
    tally = _Tally(fw)
    for record in records:
        tally.add(record)
    return tally.cohort(left_out)


def load_cohort(folder: Union[str, Path], fw: Optional[Framework] = None, today: Optional[date] = None) -> Cohort:
    """Read and count every ``.json`` file in a folder (not its sub-folders); list the ones that fail."""
    fw = fw or load_framework()
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, None, "folder not found" if not folder.exists() else "is not a folder")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and not p.name.startswith("."))
    if not files:
        raise InputError(folder, None, "holds no self-assessment files (.json)")
    today = today or date.today()
    tally, left_out = _Tally(fw), []
    for path in files:
        try:
            tally.add(read_assessment(path, fw, today))
        except InputError as exc:
            left_out.append(LeftOut(path.name, f"{exc.where}: {exc.problem}" if exc.where else exc.problem))
    return tally.cohort(left_out)


@dataclass(frozen=True)
class Change:
    """One figure in two rounds; None where either round holds it back."""

    label: str
    before: Optional[float]
    after: Optional[float]

    @property
    def points(self) -> Optional[int]:
        """The change in percentage points, between the whole percentages shown (so 40% to 52% is 12)."""
        return None if self.before is None or self.after is None else round(self.after * 100) - round(self.before * 100)


def group_changes(earlier: Cohort, later: Cohort) -> list[Change]:
    """Share of ratings at target or above, group by group, then and now."""
    before = {g.title: g.at_target for g in earlier.groups}
    return [Change(g.title, before.get(g.title), g.at_target) for g in later.groups]


def item_changes(earlier: Cohort, later: Cohort) -> list[Change]:
    """Share of raters below target, item by item, then and now (items shown in both rounds only)."""
    before = {s.item.id: s.below_target for s in earlier.items}
    return [
        Change(f"{s.item.id} {s.item.title}", before[s.item.id], s.below_target)
        for s in later.items
        if s.below_target is not None and before.get(s.item.id) is not None
    ]
