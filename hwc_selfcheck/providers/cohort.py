"""A team's training needs, from a folder of its coaches' self-assessments.

Made for a training provider or an employer with many coaches. The view is
aggregate only, and built so that no one can be picked out: no figure the
report shows, and no sum or difference of its figures, is a group of 1 to 4
people. How:

- no pseudonym, note or file name of a counted file is ever part of the result;
- the people counted are split into tables whose cells do not overlap: the
  tiers, and for each item the people it is expected of (their tier expects
  it) by the level they gave it, or "not rated";
- :mod:`hwc_selfcheck.providers.disclosure` chooses the figures of each table
  to show (cells, totals, the people below and at or above the target) so
  that no group of 1 to 4 can be worked out from them; the tables are linked
  only through the people an item is expected of, which are sums of tiers, so
  those are checked with the tier counts and shown the same in every row
  (:func:`publish`);
- everything else is worked out from the figures shown, and only from them:
  the area shares, the ranking of items in need and the change since an
  earlier round. So they give nothing more away.

The result for people is :class:`Figures`; the true counts (:class:`Cohort`)
are never shown. A file that fails validation is listed by name with its
reason, so its owner can fix it, and left out; the rest still count. Each file
counts as one person, except a file with the same pseudonym and the same
ratings as one already counted: that is one person counted twice, so it is
counted once and the report says so. A folder with no valid file is an error,
not an empty report. Files are counted as they are read and then let go, so a
folder of 10,000 assessments needs little memory.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Iterable, Optional, Union

from hwc_selfcheck.assessment.record import Assessment, read_assessment
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.item_groups import group_title
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import MAX_TIER, MIN_TIER, Item
from hwc_selfcheck.framework.scales import load_scales
from hwc_selfcheck.providers.disclosure import MIN_GROUP, Figure, exposed, protect, small

TIERS = range(MIN_TIER, MAX_TIER + 1)


@dataclass(frozen=True)
class LeftOut:
    """A file that was not counted, and why (its name only: never a pseudonym)."""

    name: str
    reason: str


@dataclass(frozen=True)
class ItemCounts:
    """The people an item is expected of, by the level they gave it; the last cell is those who did not rate it.

    True counts, for working out what may be shown: never shown as they are
    (see :class:`ItemFigures`).
    """

    item: Item
    group: str  # the area, or the general capabilities, it is counted in
    cells: tuple[int, ...]

    @property
    def expected(self) -> int:
        return sum(self.cells)


@dataclass(frozen=True)
class ItemFigures:
    """What may be shown of one item; None wherever a figure is held back."""

    item: Item
    group: str
    expected: Optional[int]  # people whose tier expects the item
    levels: tuple[Optional[int], ...]  # people at each level
    not_rated: Optional[int]
    below: Optional[int]  # people below the target level
    at_or_above: Optional[int]  # people at the target level or above

    def share(self, people: Optional[int]) -> Optional[float]:
        """A number of people as a share of those the item is expected of; None when either is held back."""
        return None if people is None or not self.expected else people / self.expected

    @property
    def below_share(self) -> Optional[float]:
        return self.share(self.below)

    @property
    def at_or_above_share(self) -> Optional[float]:
        return self.share(self.at_or_above)

    @property
    def held_back(self) -> bool:
        """Nothing about the item is shown but, perhaps, the number of people it is expected of."""
        return all(n is None for n in (*self.levels, self.not_rated, self.below, self.at_or_above))


@dataclass(frozen=True)
class AreaFigures:
    """One area's share below the target, worked out from its items' shown figures only, so it gives nothing away.

    It counts the items whose number of people below the target is shown:
    the people below the target in each, added up, as a share of the people
    each is expected of, added up (each person once for each item).
    """

    title: str
    items: int  # items in the area
    counted: int  # items whose share below the target is shown
    below: Optional[float]  # None when no item's is shown


@dataclass(frozen=True)
class Figures:
    """Everything a report may show about a team, and nothing else."""

    people: Optional[int]  # None when the team is fewer than MIN_GROUP
    tiers: dict[int, Optional[int]]
    items: list[ItemFigures]
    areas: list[AreaFigures]
    first: Optional[date]
    last: Optional[date]

    def most_in_need(self, limit: int = 10) -> list[ItemFigures]:
        """Items with the largest share of the people they are expected of below the target; ties in framework order.

        Only items whose share is shown are ranked, and only by shown figures:
        a place in the ranking must not narrow down a held-back figure.
        """
        order = {f.item.id: n for n, f in enumerate(self.items)}
        ranked = [f for f in self.items if f.below_share]
        return sorted(ranked, key=lambda f: (-(f.below_share or 0), order[f.item.id]))[:limit]

    def held_back_items(self) -> int:
        return sum(1 for f in self.items if f.held_back)


@dataclass(frozen=True)
class Cohort:
    """The true counts of a team. Reports show only :attr:`figures`."""

    people: int
    tiers: dict[int, int]
    items: list[ItemCounts]
    target: int  # the target level of the rating scale
    left_out: tuple[LeftOut, ...]
    shared_pseudonyms: int  # counted files whose pseudonym another counted file also uses
    repeats: int  # files not counted because an earlier file had the same pseudonym and the same ratings
    first: Optional[date]
    last: Optional[date]

    @property
    def shown(self) -> bool:
        return self.people >= MIN_GROUP

    @cached_property
    def figures(self) -> Figures:
        return publish(self)


def publish_tiers(tiers: dict[int, int], start_tiers: Iterable[int]) -> tuple[dict[int, Optional[int]], dict[int, Optional[int]]]:
    """The tier counts to show, and for each tier items start at, the people at that tier or above (or None).

    The people at a tier or above are the number of people an item starting
    at that tier is expected of, shown in every row of such an item. They are
    figures of the tier table too (the total is the sum from Tier 1), so they
    are fixed first, each only if, with those before it, it gives no group
    away; then the tier counts are protected beside them.
    """
    counts = [tiers.get(t, 0) for t in TIERS]
    fixed = [Figure(range(len(counts)))]
    sums: dict[int, Optional[int]] = {MIN_TIER: sum(counts)}
    for start in sorted(set(start_tiers) - {MIN_TIER}):
        figure = Figure(range(start - MIN_TIER, len(counts)))
        people = sum(counts[i] for i in figure)
        if not small(people) and not exposed(counts, [*fixed, figure]):
            fixed.append(figure)
            sums[start] = people
        else:
            sums[start] = None
    shown = protect(counts, [Figure({i}) for i in range(len(counts))], fixed)
    return {t: counts[t - MIN_TIER] if Figure({t - MIN_TIER}) in shown else None for t in TIERS}, sums


def publish_item(counts: ItemCounts, expected: Optional[int], target: int) -> ItemFigures:
    """What may be shown of one item's row, given whether the number of people it is expected of is shown.

    When it is shown, a reader knows it; beside it, the people below the target
    are kept if they can be (the figure a team's needs are ranked by), then
    those at or above it, then the row's cells are protected. When it is not
    shown, it must not become known from the row either (it would give a tier
    group away): the row's cells are protected with it as a secret, and the
    shares, which need it, are held back. A row of 1 to 4 people shows nothing.
    """
    cells = counts.cells
    width, levels = len(cells), len(cells) - 1
    everyone = Figure(range(width))
    below, above = Figure(range(target)), Figure(range(target, levels))
    singles = [Figure({i}) for i in range(width)]
    if expected is None and small(counts.expected):
        return ItemFigures(counts.item, counts.group, None, (None,) * levels, None, None, None)
    if expected is None:
        shown = protect(cells, singles, secret=[everyone])
    else:
        fixed = [everyone]
        for split in (below, above):
            if not small(sum(cells[i] for i in split)) and not exposed(cells, [*fixed, split]):
                fixed.append(split)
        shown = protect(cells, singles, fixed=fixed) | set(fixed)
    value = lambda f: sum(cells[i] for i in f) if f in shown else None  # noqa: E731
    return ItemFigures(counts.item, counts.group, expected, tuple(value(f) for f in singles[:levels]),
                       value(singles[levels]), value(below), value(above))


def area_figures(title: str, items: list[ItemFigures]) -> AreaFigures:
    """An area's share below the target, from its items' shown figures alone."""
    counted = [f for f in items if f.below is not None and f.expected]
    answers = sum(f.expected or 0 for f in counted)
    return AreaFigures(title, len(items), len(counted),
                       sum(f.below or 0 for f in counted) / answers if answers else None)


def publish(cohort: Cohort) -> Figures:
    """The figures a report may show: see the module's description."""
    levels = len(cohort.items[0].cells) - 1 if cohort.items else 0
    titles = list(dict.fromkeys(s.group for s in cohort.items))
    if not cohort.shown:
        items = [ItemFigures(s.item, s.group, None, (None,) * levels, None, None, None) for s in cohort.items]
        return Figures(None, {t: None for t in TIERS}, items, [area_figures(t, []) for t in titles], None, None)
    tiers, sums = publish_tiers(cohort.tiers, {s.item.min_tier for s in cohort.items})
    items = [publish_item(s, sums[s.item.min_tier], cohort.target) for s in cohort.items]
    areas = [area_figures(t, [f for f in items if f.group == t]) for t in titles]
    return Figures(cohort.people, tiers, items, areas, cohort.first, cohort.last)


class _Tally:
    """Running counts, so each record can be let go as soon as it is counted."""

    def __init__(self, fw: Framework) -> None:
        scale = load_scales().rating
        self.target, self.levels = scale.target, scale.top + 1
        self.items = [i for i in fw.items if i.kind != "supervisor_standard"]
        self.groups = [group_title(fw, i) for i in self.items]
        self.by_tier = {t: {i.id: n for n, i in enumerate(self.items) if i.min_tier <= t} for t in TIERS}
        self.item_counts = [[0] * self.levels for _ in self.items]  # people who rated it, by level
        self.tiers: Counter[int] = Counter()
        self.pseudonyms: Counter[str] = Counter()
        self.seen: set[int] = set()  # a hash of each counted person's pseudonym and ratings, not the ratings
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
        key = hash((who, frozenset((k, r.level) for k, r in record.ratings.items())))
        if key in self.seen:
            self.repeats += 1
            return
        self.seen.add(key)
        self.tiers[record.tier] += 1
        self.pseudonyms[who] += 1
        self.first = min(self.first or record.date, record.date)
        self.last = max(self.last or record.date, record.date)
        expected = self.by_tier[record.tier]
        for item_id, rating in record.ratings.items():
            n = expected.get(item_id)
            if n is not None:
                self.item_counts[n][rating.level] += 1

    def cohort(self, left_out: Iterable[LeftOut]) -> Cohort:
        tiers = dict(sorted(self.tiers.items()))
        items = []
        for n, item in enumerate(self.items):
            expected = sum(c for t, c in tiers.items() if t >= item.min_tier)
            rated = self.item_counts[n]
            items.append(ItemCounts(item, self.groups[n], (*rated, expected - sum(rated))))
        return Cohort(
            people=sum(tiers.values()),
            tiers=tiers,
            items=items,
            target=self.target,
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
    """One shown figure in two rounds; None where either round holds it back."""

    label: str
    before: Optional[float]
    after: Optional[float]

    @property
    def points(self) -> Optional[int]:
        """The change in percentage points, between the whole percentages shown (so 40% to 52% is 12)."""
        return None if self.before is None or self.after is None else round(self.after * 100) - round(self.before * 100)


def group_changes(earlier: Figures, later: Figures) -> list[Change]:
    """Each area's share below the target, then and now: both worked out from shown figures."""
    before = {a.title: a.below for a in earlier.areas}
    return [Change(a.title, before.get(a.title), a.below) for a in later.areas]


def item_changes(earlier: Figures, later: Figures) -> list[Change]:
    """Share below target, item by item, then and now (items whose share is shown in both rounds only)."""
    before = {f.item.id: f.below_share for f in earlier.items}
    return [
        Change(f"{f.item.id} {f.item.title}", before[f.item.id], f.below_share)
        for f in later.items
        if f.below_share is not None and before.get(f.item.id) is not None
    ]
