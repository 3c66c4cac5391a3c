"""The team report shows no one: no pseudonyms, no counted file names, nothing about fewer than five."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.record import Assessment, Rating, assessment_as_json
from hwc_selfcheck.framework.item_groups import group_title
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.scales import load_scales
from hwc_selfcheck.notebook.providers import EXAMPLE_TEAM, EXAMPLE_TEAM_EARLIER
from hwc_selfcheck.providers.cohort import HELD_BACK, MIN_GROUP, aggregate, load_cohort
from hwc_selfcheck.render.cohort_report import (
    ANONYMITY_RULE,
    groups_chart,
    groups_table,
    items_table,
    render_html,
    tiers_table,
)


def team_folder(tmp_path: Path, fw: Framework, people: int) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    for n in range(people):
        record = Assessment(pseudonym=f"Zebedee{n}", date=date(2026, 3, 2), tier=1,
                            ratings={"PC-01": Rating(level=n % 5, note=f"private note {n}")})
        (folder / f"person-{n}-name.json").write_text(assessment_as_json(record, fw))
    (folder / "bad-file.json").write_text("{")
    return folder


def test_no_pseudonym_note_or_counted_file_name_appears(fw: Framework, tmp_path: Path) -> None:
    cohort = load_cohort(team_folder(tmp_path, fw, 6), fw)
    page = render_html(fw, cohort, cohort)
    assert "Zebedee" not in page and "private note" not in page and "-name.json" not in page
    assert "bad-file.json" in page and ANONYMITY_RULE.split(",")[0] in page
    assert page.startswith("<!DOCTYPE html>") and "@page { size: A4" in page and "https://" not in page


def test_a_team_of_four_shows_nothing_but_the_rule_and_left_out_files(fw: Framework, tmp_path: Path) -> None:
    cohort = load_cohort(team_folder(tmp_path, fw, 4), fw)
    page = render_html(fw, cohort)
    assert "Fewer than 5 valid self-assessments, so nothing more can be shown." in page
    assert "<h2>Areas</h2>" not in page and "dates held back" in page and f"{HELD_BACK} people" in page
    assert [row[1] for row in tiers_table(cohort).rows] == [HELD_BACK] * 5


def test_held_back_cells_say_so(fw: Framework) -> None:
    records = [Assessment(pseudonym=f"C{n}", date=date(2026, 3, 2), tier=1, ratings={"PC-01": Rating(level=2)})
               for n in range(5)]
    table = groups_table(aggregate(fw, records))
    general = next(r for r in table.rows if r[0] == "General capabilities")
    assert set(general[1:]) == {HELD_BACK}
    professional = next(r for r in table.rows if r[0] == "Professional competencies")
    assert professional[1:] == ["5", "0%", "0%", "100%", "0%", "0%", "0%"]


def test_change_section_and_chart_on_the_example(fw: Framework) -> None:
    now, earlier = load_cohort(EXAMPLE_TEAM, fw), load_cohort(EXAMPLE_TEAM_EARLIER, fw)
    page = render_html(fw, now, earlier, chart=False)
    assert "<h2>Change since March 2026</h2>" in page and "points</td>" in page
    chart = groups_chart(now, earlier)
    assert chart.png.startswith(b"\x89PNG") and "Earlier (March 2026)" in chart.alt and "Now (September 2026)" in chart.alt
    assert f"Group work {HELD_BACK}" in chart.alt


def test_the_example_areas_hold_back_levels_chosen_by_fewer_than_five(fw: Framework) -> None:
    table = groups_table(load_cohort(EXAMPLE_TEAM, fw))
    rows, header = {r[0]: r for r in table.rows}, table.header
    group_work = dict(zip(header, rows["Group work"]))
    assert group_work["4 Can support others"] == HELD_BACK  # was 3%: one rating by one person
    assert dict(zip(header, rows["General capabilities"]))["0 Not yet"] == HELD_BACK  # was 0%: one person


def _random_team(rng: random.Random, fw: Framework, size: int) -> list[Assessment]:
    team = []
    for n in range(size):
        tier = rng.choice([1, 1, 1, 2, 2, 3, 4])
        items = [i for i in fw.items if i.min_tier <= tier and i.kind != "supervisor_standard"]
        chosen = rng.sample(items, rng.randint(1, len(items)))
        ratings = {i.id: Rating(level=rng.choices(range(5), weights=[1, 2, 6, 6, 2])[0]) for i in chosen}
        team.append(Assessment(pseudonym=f"P{n}", date=date(2026, 3, 2), tier=tier, ratings=ratings))
    return team


def _held_per_block(cells: list[bool], split_shown: bool, target: int) -> list[int]:
    blocks = [cells[:target], cells[target:]] if split_shown else [cells]
    return [sum(b) for b in blocks]


@pytest.mark.parametrize("seed", range(40))
def test_no_table_shows_a_figure_from_one_to_four_people(fw: Framework, seed: int) -> None:
    """Random teams of 5 to 25, recounted here from the records: every figure shown has 0 or at least 5 people
    behind it, and no held-back cell is alone in a part of a row whose total can be worked out."""
    rng = random.Random(seed)
    team = _random_team(rng, fw, rng.randint(MIN_GROUP, 25))
    cohort = aggregate(fw, team)
    target = load_scales().rating.target
    ok = lambda n: n == 0 or n >= MIN_GROUP  # noqa: E731
    table = groups_table(cohort)
    for row, group in zip(table.rows, cohort.groups):
        levels: dict[int, set[str]] = {lvl: set() for lvl in range(5)}
        for record in team:
            for item_id, rating in record.ratings.items():
                item = fw.get(item_id)
                if item.min_tier <= record.tier and group_title(fw, item) == group.title:
                    levels[rating.level].add(record.pseudonym)
        held = [cell == HELD_BACK for cell in row[2:7]]
        for lvl, is_held in enumerate(held):
            assert is_held or ok(len(levels[lvl])), (group.title, lvl)
        split_shown = row[7] != HELD_BACK
        if split_shown:
            below = set().union(*(levels[lvl] for lvl in range(target)))
            above = set().union(*(levels[lvl] for lvl in range(target, 5)))
            assert ok(len(below)) and ok(len(above)), group.title
        if group.shown:
            assert 1 not in _held_per_block(held, split_shown, target), (group.title, row)
    for stats, row in zip(cohort.items, items_table(cohort).rows):
        counts = [None if c == HELD_BACK else int(c) for c in row[3:8]]
        assert all(c is None or ok(c) for c in counts), stats.item.id
        if stats.shown:
            split_shown = stats.below_target is not None
            assert not split_shown or (ok(stats.below) and ok(stats.rated - stats.below))
            assert 1 not in _held_per_block([c is None for c in counts], split_shown, target), stats.item.id
    tiers = cohort.tier_counts()
    assert all(n is None or ok(n) for n in tiers.values())
    known = sorted({1, 5} | {k for k in range(2, 5) if cohort.expected_count(k) is not None})  # sums of tiers k to 4
    for start, end in zip(known, known[1:]):
        assert [tiers[t] for t in range(start, end)].count(None) != 1, (tiers, known)
