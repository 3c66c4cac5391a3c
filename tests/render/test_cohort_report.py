"""The team report shows no one: no pseudonyms, no counted file names, and no group of 1 to 4 people.

The property tests read the report as a reader would, from its HTML, and
attack it: every figure it shows, added and taken away in any combination,
within a table and across tables (each item's number of people expected is a
sum of tiers), must not give a group of 1 to 4 people away; and every figure
that is not a count of people (area shares, rankings, changes) must follow
from the shown counts alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Optional

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from hwc_selfcheck.assessment.record import Assessment, Rating, assessment_as_json
from hwc_selfcheck.framework.item_groups import group_title
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.scales import load_scales
from hwc_selfcheck.notebook.providers import EXAMPLE_TEAM, EXAMPLE_TEAM_EARLIER
from hwc_selfcheck.providers.cohort import MIN_GROUP, aggregate, load_cohort
from hwc_selfcheck.render.cohort_report import HELD_BACK, groups_chart, groups_table, render_html, tiers_table
from tests.providers.disclosure_attack import can_work_out

TARGET = load_scales().rating.target
LEVELS = load_scales().rating.top + 1


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
    assert "bad-file.json" in page and "no group of 1 to 4 people can be worked out" in page
    assert page.startswith("<!DOCTYPE html>") and "@page { size: A4" in page and "https://" not in page


def test_a_team_of_four_shows_nothing_but_the_rule_and_left_out_files(fw: Framework, tmp_path: Path) -> None:
    cohort = load_cohort(team_folder(tmp_path, fw, 4), fw)
    page = render_html(fw, cohort)
    assert "Fewer than 5 valid self-assessments, so nothing more can be shown." in page
    assert "<h2>Areas</h2>" not in page and "dates held back" in page and "fewer than 5 people" in page
    assert [row[1] for row in tiers_table(cohort).rows] == [HELD_BACK] * 5


def test_held_back_figures_say_held_back_not_fewer_than_5(fw: Framework) -> None:
    """A figure held back to protect another may be large: "fewer than 5" would be untrue."""
    page = render_html(fw, load_cohort(EXAMPLE_TEAM, fw), chart=False)
    cells = [td.get_text() for td in BeautifulSoup(page, "html.parser").find_all("td")]
    assert HELD_BACK in cells and not [c for c in cells if "fewer" in c.lower()]


def test_change_section_and_chart_on_the_example(fw: Framework) -> None:
    now, earlier = load_cohort(EXAMPLE_TEAM, fw), load_cohort(EXAMPLE_TEAM_EARLIER, fw)
    page = render_html(fw, now, earlier, chart=False)
    assert "<h2>Change since March 2026</h2>" in page and "points</td>" in page
    chart = groups_chart(now, earlier)
    assert chart.png.startswith(b"\x89PNG") and "Earlier (March 2026)" in chart.alt and "Now (September 2026)" in chart.alt
    areas = {row[0]: row[3] for row in groups_table(now).rows}
    assert all(f"{title} {share}" in chart.alt.split("Now (September 2026):")[1] for title, share in areas.items())
    assert "Group work held back" in chart.alt.split("Now")[0]  # 2 people at Tier 2 or above in March


# --- reading a report back, as a reader would --------------------------------------------------------------------

@dataclass
class Row:
    """One item's row of the report, as shown (None for "held back")."""

    item_id: str
    expected: Optional[int]
    cells: list[Optional[int]]  # levels 0 to 4, then not rated
    below: Optional[str]
    above: Optional[str]


@dataclass
class Report:
    tiers: list[Optional[int]]
    total: Optional[int]
    rows: dict[str, Row]
    areas: dict[str, list[str]]
    needs: list[list[str]]
    area_changes: list[list[str]]
    item_changes: list[list[str]]


def number(text: str) -> Optional[int]:
    return None if text == HELD_BACK else int(text)


def read_report(page: str) -> Report:
    tables = {}
    for table in BeautifulSoup(page, "html.parser").find_all("table"):
        header = tuple(th.get_text() for th in table.find_all("th"))
        tables[header[0] + "|" + header[1]] = [[td.get_text() for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    tiers = tables.get("Tier|People", [])
    rows = {}
    for cells in tables.get("Item|People it is expected of", []):
        item_id = cells[0].split()[0]
        rows[item_id] = Row(item_id, number(cells[1]), [number(c) for c in cells[2:8]],
                            None if cells[8] == HELD_BACK else cells[8], None if cells[9] == HELD_BACK else cells[9])
    return Report(
        tiers=[number(r[1]) for r in tiers[:4]], total=number(tiers[4][1]) if tiers else None, rows=rows,
        areas={r[0]: r for r in tables.get("Area|Items", [])}, needs=tables.get("#|Item", []),
        area_changes=tables.get(f"Area|Below {TARGET} then", []), item_changes=tables.get("Item|Below target then", []),
    )


def people_from_share(share: str, expected: int) -> int:
    """What a reader recovers from a whole percentage of a known number of people (exact below 100 people)."""
    found = [n for n in range(expected + 1) if f"{n / expected:.0%}" == share]
    assert len(found) == 1, (share, expected)
    return found[0]


def groups_of(width: int) -> list[tuple[int, ...]]:
    return [g for size in range(1, width + 1) for g in combinations(range(width), size)]


def attack(report: Report, fw: Framework, tiers: list[int], cells: dict[str, list[int]]) -> list[str]:
    """Every group of 1 to 4 people the shown figures give away, worked out from the page alone.

    ``tiers`` and ``cells`` are the true counts, used only to say how many
    people a group that can be worked out holds, and to check each shown figure.
    """
    found = []
    tier_figures: list[set[int]] = [{i} for i, n in enumerate(report.tiers) if n is not None]
    if report.total is not None:
        tier_figures.append(set(range(4)))
    row_figures: dict[str, list[set[int]]] = {}
    for item_id, row in report.rows.items():
        true = cells[item_id]
        assert [n for n in row.cells if n is not None] == [t for t, n in zip(true, row.cells) if n is not None]
        figures = [{i} for i, n in enumerate(row.cells) if n is not None]
        if row.expected is not None:
            assert row.expected == sum(true)
            figures.append(set(range(6)))
            tier_figures.append(set(range(fw.get(item_id).min_tier - 1, 4)))
            for share, side in ((row.below, set(range(TARGET))), (row.above, set(range(TARGET, LEVELS)))):
                if share is not None:
                    assert people_from_share(share, row.expected) == sum(true[i] for i in side)
                    figures.append(side)
        row_figures[item_id] = figures
    for _ in range(2):  # a row's total found from its cells is a sum of tiers, and a sum of tiers is a row's total
        for item_id, figures in row_figures.items():
            start = fw.get(item_id).min_tier - 1
            if can_work_out(range(6), figures, 6):
                tier_figures.append(set(range(start, 4)))
            if can_work_out(range(start, 4), tier_figures, 4):
                figures.append(set(range(6)))
    for group in groups_of(4):
        people = sum(tiers[i] for i in group)
        if 0 < people < MIN_GROUP and can_work_out(group, tier_figures, 4):
            found.append(f"tiers {[t + 1 for t in group]}: {people}")
    for item_id, figures in row_figures.items():
        for group in groups_of(6):
            people = sum(cells[item_id][i] for i in group)
            if 0 < people < MIN_GROUP and can_work_out(group, figures, 6):
                found.append(f"{item_id} cells {list(group)}: {people}")
    return found


def expected_areas(report: Report, fw: Framework) -> dict[str, list[str]]:
    """The area table as a reader works it out from the item rows: nothing in it is new."""
    out = {}
    for item in fw.items:
        out.setdefault(group_title(fw, item), [])
    for title in out:
        items = [i for i in fw.items if group_title(fw, i) == title and i.id in report.rows]
        counted = [report.rows[i.id] for i in items if report.rows[i.id].below is not None and report.rows[i.id].expected]
        answers = sum(r.expected or 0 for r in counted)
        below = sum(people_from_share(r.below or "", r.expected or 0) for r in counted)
        out[title] = [title, str(len(items)), str(len(counted)), f"{below / answers:.0%}" if answers else HELD_BACK]
    return {t: r for t, r in out.items() if r[1] != "0"}


def expected_needs(report: Report, fw: Framework) -> list[tuple[str, str]]:
    ranked = [r for r in report.rows.values() if r.below is not None and r.below != "0%"]
    order = [i.id for i in fw.items]
    ranked.sort(key=lambda r: (-people_from_share(r.below or "", r.expected or 0) / (r.expected or 1), order.index(r.item_id)))
    return [(r.item_id, r.below or "") for r in ranked[:10]]


# --- random teams ------------------------------------------------------------------------------------------------

SUBSET = ["PC-01", "PC-02", "GC-01", "CE-01", "AM-01", "GW-01"]  # two areas each at Tier 1, and two Tier 2 items


def small_framework() -> Framework:
    fw = load_framework()
    return Framework(tuple(fw.get(i) for i in SUBSET), fw.areas, fw.vocabulary, fw.rules, fw.source_sections)


PERSON = st.tuples(
    st.sampled_from([1, 1, 1, 2, 2, 3, 4]),
    st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=len(SUBSET), max_size=len(SUBSET)),
)
TEAM = st.lists(PERSON, max_size=30)


def records(team: list[tuple[int, list[Optional[int]]]], prefix: str) -> list[Assessment]:
    return [Assessment(pseudonym=f"{prefix}{n}", date=date(2026, 3, 2), tier=tier,
                       ratings={i: Rating(level=lvl) for i, lvl in zip(SUBSET, levels) if lvl is not None})
            for n, (tier, levels) in enumerate(team)]


def true_counts(fw: Framework, team: list[tuple[int, list[Optional[int]]]]) -> tuple[list[int], dict[str, list[int]]]:
    """Counted here, apart from the package: people at each tier, and for each item by level and not rated."""
    tiers = [sum(1 for t, _ in team if t == k) for k in range(1, 5)]
    cells = {}
    for n, item_id in enumerate(SUBSET):
        row = [0] * 6
        for tier, levels in team:
            if tier >= fw.get(item_id).min_tier:
                row[5 if levels[n] is None else levels[n]] += 1
        cells[item_id] = row
    return tiers, cells


@settings(max_examples=150)
@given(now=TEAM, then=TEAM)
def test_no_sum_or_difference_of_shown_figures_gives_a_small_group_away(now, then) -> None:  # type: ignore[no-untyped-def]
    fw = small_framework()
    later, earlier = aggregate(fw, records(now, "N")), aggregate(fw, records(then, "T"))
    page, earlier_page = render_html(fw, later, earlier, chart=False), render_html(fw, earlier, chart=False)
    report, before = read_report(page), read_report(earlier_page)
    for team, shown in ((now, report), (then, before)):
        tiers, cells = true_counts(fw, team)
        if len(team) >= MIN_GROUP:
            assert shown.total == len(team)
            assert not attack(shown, fw, tiers, cells)
        else:
            assert shown.total is None and not shown.rows
    if len(now) < MIN_GROUP:
        return
    # everything else on the page follows from the shown counts, so it gives nothing more away
    assert report.areas == expected_areas(report, fw)
    assert [(r[1].split()[0], r[3]) for r in report.needs] == expected_needs(report, fw)
    if len(then) >= MIN_GROUP:
        then_areas = expected_areas(before, fw)
        assert report.area_changes == [
            [t, then_areas[t][3], r[3], _points(then_areas[t][3], r[3])] for t, r in report.areas.items()]
        both = [i for i in report.rows if report.rows[i].below is not None and before.rows[i].below is not None]
        assert [r[0].split()[0] for r in report.item_changes] == both
        assert [r[1:3] for r in report.item_changes] == [[before.rows[i].below, report.rows[i].below] for i in both]


def _points(then: str, now: str) -> str:
    if HELD_BACK in (then, now):
        return HELD_BACK
    n = int(now[:-1]) - int(then[:-1])
    return "no change" if n == 0 else f"{'up' if n > 0 else 'down'} {abs(n)} point{'' if abs(n) == 1 else 's'}"


@pytest.mark.parametrize("folder", [EXAMPLE_TEAM, EXAMPLE_TEAM_EARLIER], ids=["September", "March"])
def test_the_shipped_example_gives_no_small_group_away(fw: Framework, folder: Path) -> None:
    """The whole framework, on the example team: the September one showed PC-03's held-back cells adding up to 2."""
    cohort = load_cohort(folder, fw)
    report = read_report(render_html(fw, cohort, chart=False))
    tiers = [cohort.tiers.get(t, 0) for t in range(1, 5)]
    cells = {c.item.id: list(c.cells) for c in cohort.items}
    assert not attack(report, fw, tiers, cells)
    assert report.areas == expected_areas(report, fw)
    pc03 = report.rows["PC-03"]
    assert cells["PC-03"] == [1, 1, 6, 5, 0, 2] if folder == EXAMPLE_TEAM else True
    assert re.fullmatch(r"\d+%", pc03.below or "") or pc03.below is None


def test_counts_of_files_that_share_a_pseudonym_are_not_given(fw: Framework) -> None:
    """Twelve of fifteen sharing pseudonyms would say that three do not: a group of three."""
    team = [Assessment(pseudonym=f"Pair{n // 2}", date=date(2026, 3, 2), tier=1, ratings={"PC-01": Rating(level=n % 5)})
            for n in range(12)]
    team += [Assessment(pseudonym=f"Solo{n}", date=date(2026, 3, 2), tier=1) for n in range(3)]
    cohort = aggregate(fw, team + team[:1])
    page = render_html(fw, cohort, chart=False)
    assert cohort.shared_pseudonyms == 12 and cohort.repeats == 1
    assert "Some counted files share a pseudonym" in page and "Some files have the same pseudonym" in page
    assert "12" not in BeautifulSoup(page, "html.parser").find(string=re.compile("share a pseudonym"))


def test_file_names_of_left_out_files_are_escaped(fw: Framework, tmp_path: Path) -> None:
    folder = team_folder(tmp_path, fw, 5)
    (folder / "<b>bold.json").write_text("[]")
    page = render_html(fw, load_cohort(folder, fw), chart=False)
    assert "&lt;b&gt;bold.json" in page and "<b>bold" not in page
