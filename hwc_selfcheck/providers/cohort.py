"""A team's training needs, from a folder of its coaches' self-assessments.

Made for a training provider or an employer with many coaches. The view is
aggregate only, and built so that no one can be picked out:

- no pseudonym, note or file name of a counted file is ever part of the result;
- every count or distribution that fewer than ``MIN_GROUP`` people contribute
  to is held back (shown as "fewer than 5"), including per-item and per-area
  cells and the change since an earlier round;
- inside a shown distribution, every level chosen by 1 to 4 people is held
  back too (a group smaller than five), counted in people even where the
  figure shown is a share of ratings; and when only one cell of a row would
  be, the next smallest is as well, so it cannot be worked out from the row's
  total;
- a row's share below (or at and above) the target is held back when 1 to 4
  people are on either side of it, and otherwise the cells on each side are
  checked against that share as against a total, so no cell can be found by
  subtracting the others from it; an item's average rating is never shown, as
  it would give away held-back cells;
- a count of people at a tier follows the same rule, and the number of people
  an item is expected of is shown only when it adds nothing to the tier
  counts, so no tier can be found by subtraction either.

A file that fails validation is listed by name with its reason, so its owner
can fix it, and left out; the rest still count. Each file counts as one person,
except a file with the same pseudonym and the same ratings as one already
counted: that is one person counted twice, so it is counted once and the
report says so. A folder with no valid file is an error, not an empty report.
Files are counted as they are read and then let go, so a folder of 10,000
assessments needs little memory.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from hwc_selfcheck.assessment.record import Assessment, read_assessment
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.item_groups import group_title
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import MAX_TIER, MIN_TIER, Item
from hwc_selfcheck.framework.scales import load_scales

MIN_GROUP = 5  # the smallest group of people any figure may describe
HELD_BACK = f"fewer than {MIN_GROUP}"


@dataclass(frozen=True)
class LeftOut:
    """A file that was not counted, and why (its name only: never a pseudonym)."""

    name: str
    reason: str


def share(part: int, whole: int) -> Optional[float]:
    return part / whole if whole else None


def _small(people: int) -> bool:
    """A group of 1 to 4 people: too small to show. Zero is no one, so it is never held back."""
    return 0 < people < MIN_GROUP


def _held_back(people: Sequence[int], blocks: Sequence[range]) -> list[bool]:
    """Which cells of a row to hold back, given the people behind each cell.

    Every cell of 1 to 4 people; then, in each block of cells whose total a
    reader can work out (the whole row, or each side of the target), one more
    when only one would be, the smallest other cell that is not empty, so the
    held-back cell cannot be found by subtracting the others from the total.
    """
    held = [_small(n) for n in people]
    for block in blocks:
        if sum(held[i] for i in block) == 1:
            others = [(people[i], i) for i in block if people[i] and not held[i]]
            if others:
                held[min(others)[1]] = True
    return held


def disclosed_counts(counts: Sequence[int]) -> list[Optional[int]]:
    """Counts of people that are safe to show beside their total; None marks a held-back cell."""
    held = _held_back(counts, [range(len(counts))])
    return [None if h else c for c, h in zip(counts, held)]


@dataclass(frozen=True)
class RowDisclosure:
    """What may be shown of one row of levels: the cells held back, and whether the split at the target is shown."""

    held: tuple[bool, ...]
    split_shown: bool


def disclose_row(people: Sequence[int], target: int, below: int, at_or_above: int) -> RowDisclosure:
    """Hold back the small cells of a row that also shows its share below (or at and above) the target.

    ``people`` is the number of people behind each level; ``below`` and
    ``at_or_above`` are the people with a rating on each side of the target
    (for one item the sums of the cells; for a group of items they are counted
    apart, as one person can be on both sides). The split is itself a
    two-cell row, so it is held back when either side is 1 to 4 people. When
    it is shown, each side's total is known, so each side is checked on its
    own; otherwise only the row's total is.
    """
    split_shown = not (_small(below) or _small(at_or_above))
    blocks = [range(target), range(target, len(people))] if split_shown else [range(len(people))]
    return RowDisclosure(tuple(_held_back(people, blocks)), split_shown)


@dataclass(frozen=True)
class ItemStats:
    """How the people whose tier expects an item rated it: people at each level of the scale."""

    item: Item
    expected: int  # people whose tier expects the item (shown only through Cohort.expected_count)
    counts: tuple[int, ...]  # people at level 0, 1, ... among those who rated it
    target: int

    @property
    def rated(self) -> int:
        return sum(self.counts)

    @property
    def shown(self) -> bool:
        return self.rated >= MIN_GROUP

    @property
    def below(self) -> int:
        """People below the target level (never shown as such: see below_target)."""
        return sum(self.counts[: self.target])

    @property
    def disclosure(self) -> RowDisclosure:
        return disclose_row(self.counts, self.target, self.below, self.rated - self.below)

    @property
    def level_counts(self) -> tuple[Optional[int], ...]:
        """People at each level, None where held back (every level when the item is)."""
        if not self.shown:
            return (None,) * len(self.counts)
        return tuple(None if h else c for c, h in zip(self.counts, self.disclosure.held))

    @property
    def below_target(self) -> Optional[float]:
        """Share of raters below the target level; None when the item is held back or either side has 1 to 4 people."""
        return share(self.below, self.rated) if self.shown and self.disclosure.split_shown else None

    @property
    def average(self) -> float:
        """The average rating, for breaking ties only. It is never shown: beside the level counts and the total
        it would give away the held-back cells, and a team of any size nearly always has some."""
        return sum(n * c for n, c in enumerate(self.counts)) / self.rated if self.rated else 0.0


@dataclass(frozen=True)
class GroupStats:
    """All ratings in one group of items (an area, or the general capabilities) pooled."""

    title: str
    people: int  # people who rated at least one item of the group that their tier expects
    counts: tuple[int, ...]  # ratings (not people) at each level
    level_people: tuple[int, ...]  # people who gave at least one rating at each level
    below_people: int  # people who gave at least one rating below the target
    at_target_people: int  # people who gave at least one rating at the target or above
    target: int

    @property
    def shown(self) -> bool:
        return self.people >= MIN_GROUP

    @property
    def disclosure(self) -> RowDisclosure:
        """Held back by people, not ratings: one person's 30 ratings at a level are still one person."""
        return disclose_row(self.level_people, self.target, self.below_people, self.at_target_people)

    @property
    def at_target(self) -> Optional[float]:
        """Share of the group's ratings at the target level or above; None when held back."""
        if not self.shown or not self.disclosure.split_shown:
            return None
        return share(sum(self.counts[self.target:]), sum(self.counts))

    def level_share(self, level: int) -> Optional[float]:
        """Share of the group's ratings at one level; None when held back."""
        if not self.shown or self.disclosure.held[level]:
            return None
        return share(self.counts[level], sum(self.counts))


@dataclass(frozen=True)
class Cohort:
    people: int
    tiers: dict[int, int]
    items: list[ItemStats]
    groups: list[GroupStats]
    left_out: tuple[LeftOut, ...]
    shared_pseudonyms: int  # counted files whose pseudonym another counted file also uses
    repeats: int  # files not counted because an earlier file had the same pseudonym and the same ratings
    first: Optional[date]
    last: Optional[date]

    @property
    def shown(self) -> bool:
        return self.people >= MIN_GROUP

    def most_in_need(self, limit: int = 10) -> list[ItemStats]:
        """Items with the largest share of raters below target; then the lower average; then framework order.

        Only items whose share is shown are ranked: a place in the ranking would
        otherwise narrow down a held-back share.
        """
        shown = [s for s in self.items if s.below_target]
        return sorted(shown, key=lambda s: (-(s.below_target or 0), s.average))[:limit]

    def tier_counts(self) -> dict[int, Optional[int]]:
        """People at each tier; None where held back (every tier when the whole team is fewer than MIN_GROUP)."""
        tiers = range(MIN_TIER, MAX_TIER + 1)
        counts = [self.tiers.get(t, 0) for t in tiers]
        return dict(zip(tiers, disclosed_counts(counts) if self.shown else [None] * len(counts)))

    def expected_count(self, min_tier: int) -> Optional[int]:
        """People whose tier expects an item that starts at ``min_tier``; None when held back.

        It is the sum of the tiers from ``min_tier`` up, so beside the tier
        counts and the total it could give away a held-back tier. It is shown
        only when every tier on one side of it is shown, so it adds nothing a
        reader could not already add up, and when it is 0 or at least MIN_GROUP.
        """
        counts = self.tier_counts()
        n = sum(self.tiers.get(t, 0) for t in range(min_tier, MAX_TIER + 1))
        sides = (range(min_tier, MAX_TIER + 1), range(MIN_TIER, min_tier))
        one_side_shown = any(all(counts[t] is not None for t in side) for side in sides)
        return n if self.shown and one_side_shown and not _small(n) else None

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
        self.group_level_people = [[0] * levels for _ in self.titles]
        self.group_below_people = [0] * len(self.titles)
        self.group_at_target_people = [0] * len(self.titles)
        self.tiers: Counter[int] = Counter()
        self.pseudonyms: Counter[str] = Counter()
        self.seen: set[bytes] = set()  # a short digest of each counted person's pseudonym and ratings
        self.repeats = 0
        self.first: Optional[date] = None
        self.last: Optional[date] = None

    def add(self, record: Assessment) -> None:
        """Count one coach; an item counts only if their tier expects it (as in their own plan).

        A record with the pseudonym and the ratings of one already counted is
        the same person twice (a file copied, or saved under two names), so it
        is counted once.
        """
        who = record.pseudonym.strip().casefold()
        key = hashlib.blake2b(repr((who, sorted((k, r.level) for k, r in record.ratings.items()))).encode(),
                              digest_size=16).digest()
        if key in self.seen:
            self.repeats += 1
            return
        self.seen.add(key)
        self.tiers[record.tier] += 1
        self.pseudonyms[who] += 1
        self.first = min(self.first or record.date, record.date)
        self.last = max(self.last or record.date, record.date)
        expected = self.by_tier[record.tier]
        levels_used: dict[int, set[int]] = {}  # group -> the levels this person used in it
        for item_id, rating in record.ratings.items():
            n = expected.get(item_id)
            if n is not None:
                self.item_counts[n][rating.level] += 1
                self.group_counts[self.group_of[n]][rating.level] += 1
                levels_used.setdefault(self.group_of[n], set()).add(rating.level)
        for g, levels in levels_used.items():
            self.group_people[g] += 1
            for level in levels:
                self.group_level_people[g][level] += 1
            self.group_below_people[g] += min(levels) < self.target
            self.group_at_target_people[g] += max(levels) >= self.target

    def cohort(self, left_out: Iterable[LeftOut]) -> Cohort:
        tiers = dict(sorted(self.tiers.items()))
        return Cohort(
            people=sum(tiers.values()),
            tiers=tiers,
            items=[
                ItemStats(item, sum(c for t, c in tiers.items() if t >= item.min_tier), tuple(self.item_counts[n]), self.target)
                for n, item in enumerate(self.items)
            ],
            groups=[
                GroupStats(t, self.group_people[g], tuple(self.group_counts[g]), tuple(self.group_level_people[g]),
                           self.group_below_people[g], self.group_at_target_people[g], self.target)
                for g, t in enumerate(self.titles)
            ],
            left_out=tuple(left_out),
            shared_pseudonyms=sum(n for n in self.pseudonyms.values() if n > 1),
            repeats=self.repeats,
            first=self.first,
            last=self.last,
        )


def aggregate(fw: Framework, records: Iterable[Assessment], left_out: Iterable[LeftOut] = ()) -> Cohort:
    """Count levels per item and per group for records already in memory."""
    tally = _Tally(fw)
    for record in records:
        tally.add(record)
    return tally.cohort(left_out)


def cohort_files(folder: Union[str, Path]) -> list[Path]:
    """The files a team's folder holds that are read as self-assessments: every ``.json`` file, not hidden ones."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, None, "folder not found" if not folder.exists() else "is not a folder")
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and not p.name.startswith("."))


def load_cohort(folder: Union[str, Path], fw: Optional[Framework] = None, today: Optional[date] = None) -> Cohort:
    """Read and count every ``.json`` file in a folder (not its sub-folders); list the ones that fail."""
    fw = fw or load_framework()
    folder = Path(folder)
    files = cohort_files(folder)
    if not files:
        raise InputError(folder, None, "holds no self-assessment files (.json)")
    today = today or date.today()
    tally, left_out = _Tally(fw), []
    for path in files:
        try:
            tally.add(read_assessment(path, fw, today))
        except InputError as exc:
            left_out.append(LeftOut(path.name, f"{exc.where}: {exc.problem}" if exc.where else exc.problem))
    if not tally.tiers:
        first, more = left_out[0], len(left_out) - 1
        also = f"; and {more} more" if more else ""
        raise InputError(folder, None, f"no valid self-assessment in its {plural(len(files), '.json file')} "
                                       f"({first.name}: {first.reason}{also}); nothing was written. "
                                       "Check each file with 'hwc-selfcheck validate FILE'")
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
