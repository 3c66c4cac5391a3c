"""Which figures of a table can be published so that no group of 1 to 4 people can be worked out.

A table here is a row of *cells*: groups of people that do not overlap (the
people at each level of one item, and those who did not rate it; or the
people at each tier). A *figure* is the number of people in one or more cells
together: a single cell, the row's total, the people below the target.

A reader who sees some figures can add them up and take them away from each
other, in any combination. So a group of cells can be worked out exactly when
its cells, as a vector of 0s and 1s, are a linear combination of the
published figures' vectors: when it lies in their span. :func:`exposed` finds
every such group that holds 1 to 4 people; :func:`protect` holds figures back,
one at a time, until there is none. The method holds by construction: a set
of figures is only ever returned after the full check of every group of the
row has passed.

Two things make a row's check enough for a whole report (see
:mod:`hwc_selfcheck.providers.cohort`): different items' cells are linked only
through their totals, which are counts of people at some tiers, so those totals
are checked with the tier counts as one more table; and every other figure of
the report (area shares, changes) is worked out from published figures only.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from math import lcm
from typing import Iterable, Sequence

MIN_GROUP = 5  # the smallest group of people any figure, or any sum or difference of figures, may describe

Figure = frozenset  # the cells (by index) whose people a figure counts


def small(people: int) -> bool:
    """A group of 1 to 4 people: too small to show. Zero is no one, so it never needs holding back."""
    return 0 < people < MIN_GROUP


def _null_space(figures: frozenset[int], width: int) -> list[list[int]]:
    """Whole-number vectors spanning those orthogonal to every figure (given as bit masks of cells).

    A group lies in the figures' span exactly when it is orthogonal to all of these.
    """
    rows = [[Fraction((mask >> i) & 1) for i in range(width)] for mask in figures]
    pivots: list[int] = []
    for col in range(width):
        pivot = next((r for r in range(len(pivots), len(rows)) if rows[r][col] != 0), None)
        if pivot is None:
            continue
        top = len(pivots)
        rows[top], rows[pivot] = rows[pivot], rows[top]
        rows[top] = [x / rows[top][col] for x in rows[top]]
        for r in range(len(rows)):
            if r != top and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[top])]
        pivots.append(col)
    basis = []
    for free in (c for c in range(width) if c not in pivots):
        vector = [Fraction(0)] * width
        vector[free] = Fraction(1)
        for r, col in enumerate(pivots):
            vector[col] = -rows[r][free]
        scale = lcm(*(x.denominator for x in vector))
        basis.append([int(x * scale) for x in vector])
    return basis


@lru_cache(maxsize=4096)
def _derivable_masks(figures: frozenset[int], width: int) -> tuple[int, ...]:
    """Every non-empty group of cells (a bit mask) orthogonal to the null space: every group that can be worked out."""
    kernel = _null_space(figures, width)
    found = []
    sums = [[0] * len(kernel) for _ in range(1 << width)]
    for mask in range(1, 1 << width):
        low = (mask & -mask).bit_length() - 1
        sums[mask] = [s + k[low] for s, k in zip(sums[mask & (mask - 1)], kernel)]
        if not any(sums[mask]):
            found.append(mask)
    return tuple(found)


def _mask(figure: Iterable[int]) -> int:
    return sum(1 << i for i in set(figure))


def derivable(figures: Iterable[Figure], width: int) -> list[Figure]:
    """Every group of cells (of ``width`` cells) whose number of people follows exactly from the figures."""
    masks = _derivable_masks(frozenset(_mask(f) for f in figures), width)
    return [Figure(i for i in range(width) if (m >> i) & 1) for m in masks]


def exposed(counts: Sequence[int], figures: Iterable[Figure], secret: Iterable[Figure] = ()) -> list[Figure]:
    """The groups the figures give away: any of 1 to 4 people, and any ``secret`` group (which must not be known)."""
    secrets = {_mask(f) for f in secret}
    width = len(counts)
    masks = _derivable_masks(frozenset(_mask(f) for f in figures), width)
    people = lambda m: sum(counts[i] for i in range(width) if (m >> i) & 1)  # noqa: E731
    return [Figure(i for i in range(width) if (m >> i) & 1) for m in masks if m in secrets or small(people(m))]


def protect(
    counts: Sequence[int], wanted: Sequence[Figure], fixed: Sequence[Figure] = (), secret: Iterable[Figure] = (),
) -> set[Figure]:
    """The figures of ``wanted`` that can be published beside ``fixed`` (which a reader knows anyway).

    Every wanted figure of 1 to 4 people is held back first. Then, while some
    group of 1 to 4 can still be worked out, one more figure is held back: the
    one that leaves the fewest such groups, and among equals the first in this
    order: single cells, smallest first, then the larger figures in the order
    given (so put the most useful last). A figure of 0 people is held back only
    when nothing else is left. ``fixed`` alone must give nothing away; the
    caller makes sure of that.
    """
    size = lambda f: sum(counts[i] for i in f)  # noqa: E731
    wanted = list(dict.fromkeys(Figure(f) for f in wanted))  # a figure asked for twice is still one figure
    shown = [f for f in wanted if not small(size(f))]
    order = sorted((f for f in wanted if len(f) == 1), key=size) + [f for f in wanted if len(f) > 1]
    leaks = exposed(counts, [*fixed, *shown], secret)
    while leaks:
        # a zero gives nothing away alone, but beside other figures it can: zeros are held back only as a last resort
        candidates = [f for f in order if f in shown and size(f) > 0] or [f for f in order if f in shown]
        if not candidates:
            raise ValueError(f"the fixed figures alone give a group away: {sorted(map(sorted, leaks))}")
        after = {f: exposed(counts, [*fixed, *(g for g in shown if g != f)], secret) for f in candidates}
        held = min(candidates, key=lambda f: len(after[f]))  # the fewest groups left to give away; ties in order
        shown.remove(held)
        leaks = after[held]
    return set(shown)
