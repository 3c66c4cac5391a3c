"""Choosing figures to publish: no group of 1 to 4 people can be worked out from those chosen."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hwc_selfcheck.providers.disclosure import Figure, derivable, exposed, protect, small
from tests.providers.disclosure_attack import can_work_out, groups, small_groups_given_away

F = Figure


def test_a_group_is_derivable_from_any_combination_not_just_sums_and_differences() -> None:
    # (a+b) + (a+c) - (b+c) = 2a: a alone can be worked out, though no two figures subtract to it
    found = {tuple(sorted(g)) for g in derivable([F({0, 1}), F({0, 2}), F({1, 2})], 3)}
    assert found == {(0,), (1,), (2,), (0, 1), (0, 2), (1, 2), (0, 1, 2)}
    assert {tuple(sorted(g)) for g in derivable([F({0, 1}), F({1, 2})], 3)} == {(0, 1), (1, 2)}


def test_the_issues_example_row_is_protected() -> None:
    """PC-03 in the September example: 1, 1, 6, 5 and 0 at levels 0 to 4, 2 not rated, 15 expected."""
    row = [1, 1, 6, 5, 0, 2]
    everyone, below, above = F(range(6)), F({0, 1, 2}), F({3, 4})
    # the old report showed levels 2 to 4 beside the total: the two held-back levels add up to 2 people
    assert (F({0, 1})) in exposed(row, [everyone, F({2}), F({3}), F({4}), F({5})])
    shown = protect(row, [F({i}) for i in range(6)], fixed=[everyone, below])
    assert not exposed(row, [everyone, below, *shown])
    assert not small_groups_given_away(row, [everyone, below, *shown])


def test_zero_is_shown_and_a_safe_table_keeps_every_figure() -> None:
    row = [0, 6, 9, 7, 0, 0]
    wanted = [F({i}) for i in range(6)] + [F({0, 1, 2}), F({3, 4})]
    assert protect(row, wanted, fixed=[F(range(6))]) == set(wanted)


def test_a_secret_total_stays_secret() -> None:
    row = [6, 7, 0, 9, 5, 0]
    shown = protect(row, [F({i}) for i in range(6)], secret=[F(range(6))])
    assert F(range(6)) not in derivable(shown, 6) and len(shown) >= 4


def test_fixed_figures_that_give_a_group_away_are_refused() -> None:
    with pytest.raises(ValueError, match="fixed figures alone"):
        protect([3, 6], [F({0}), F({1})], fixed=[F({0, 1}), F({1})])


TABLES = st.integers(2, 6).flatmap(lambda width: st.tuples(
    st.lists(st.integers(0, 12) | st.integers(0, 4), min_size=width, max_size=width),
    st.lists(st.sets(st.integers(0, width - 1), min_size=2), max_size=3),
    st.booleans(),
))


@settings(max_examples=300)
@given(TABLES)
def test_nothing_published_gives_a_small_group_away(table) -> None:  # type: ignore[no-untyped-def]
    """Random rows, random extra figures (totals of random cells), with and without a known total."""
    counts, extra, total_known = table
    width = len(counts)
    fixed = [F(range(width))] if total_known and not small(sum(counts)) else []
    wanted = [F({i}) for i in range(width)] + [F(cells) for cells in extra]
    shown = protect(counts, wanted, fixed=fixed)
    published = [*fixed, *shown]
    assert not small_groups_given_away(counts, published), (counts, sorted(map(sorted, published)))
    assert all(not small(sum(counts[i] for i in f)) for f in shown)
    # and what the package says can be worked out is exactly what the independent attacker finds
    package = {tuple(sorted(g)) for g in derivable(published, width)}
    assert package == {g for g in groups(width) if can_work_out(g, published, width)}
