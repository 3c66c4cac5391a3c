"""An attacker for the privacy tests, written apart from the package's own check so that it can catch it out.

It knows only published figures. A figure is the number of people in some
cells of a table, given as a set of cell numbers. A group of cells can be
worked out when its 0/1 vector is a linear combination of the published
figures' vectors, which this tests with numpy's matrix rank (the package uses
exact fractions and a null space instead).
"""

from __future__ import annotations

from itertools import combinations
from typing import Iterable, Sequence

import numpy as np

MIN_GROUP = 5


def vector(cells: Iterable[int], width: int) -> list[float]:
    chosen = set(cells)
    return [1.0 if i in chosen else 0.0 for i in range(width)]


def can_work_out(group: Iterable[int], figures: Sequence[Iterable[int]], width: int) -> bool:
    if not figures:
        return False
    known = np.array([vector(f, width) for f in figures])
    both = np.vstack([known, vector(group, width)])
    return bool(np.linalg.matrix_rank(both) == np.linalg.matrix_rank(known))


def groups(width: int) -> list[tuple[int, ...]]:
    return [g for size in range(1, width + 1) for g in combinations(range(width), size)]


def small_groups_given_away(counts: Sequence[int], figures: Sequence[Iterable[int]]) -> list[tuple[tuple[int, ...], int]]:
    """Every group of cells the figures give away that holds 1 to 4 people, with its number of people."""
    width = len(counts)
    found = []
    for group in groups(width):
        people = sum(counts[i] for i in group)
        if 0 < people < MIN_GROUP and can_work_out(group, figures, width):
            found.append((group, people))
    return found
