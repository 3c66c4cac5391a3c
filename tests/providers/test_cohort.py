"""A team's training needs: counts by item and area, and nothing about fewer than five people."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.record import Assessment, Rating, assessment_as_json
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.notebook.providers import EXAMPLE_TEAM
from hwc_selfcheck.providers.cohort import (
    MIN_GROUP,
    LeftOut,
    aggregate,
    disclose_row,
    disclosed_counts,
    group_changes,
    item_changes,
    load_cohort,
    share,
)


def coach(name: str, tier: int = 1, when: date = date(2026, 3, 2), **levels: int) -> Assessment:
    """A coach whose ratings are given as PC_01=2 and so on."""
    return Assessment(pseudonym=name, date=when, tier=tier,
                      ratings={k.replace("_", "-"): Rating(level=v) for k, v in levels.items()})


def write(folder: Path, records: list[Assessment], fw: Framework) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, record in enumerate(records, start=1):
        (folder / f"coach-{n:02d}.json").write_text(assessment_as_json(record, fw))
    return folder


def stats(cohort, item_id: str):  # type: ignore[no-untyped-def]
    return next(s for s in cohort.items if s.item.id == item_id)


@pytest.mark.parametrize("people", [MIN_GROUP - 1, MIN_GROUP])
def test_items_groups_and_tiers_are_held_back_below_five_people(fw: Framework, people: int) -> None:
    cohort = aggregate(fw, [coach(f"C{n}", PC_01=2) for n in range(people)])
    pc01 = stats(cohort, "PC-01")
    professional = next(g for g in cohort.groups if g.title == "Professional competencies")
    shown = people >= MIN_GROUP
    assert pc01.shown is shown and professional.shown is shown and cohort.shown is shown
    assert (pc01.below_target is None) is not shown and (professional.at_target is None) is not shown
    assert (cohort.tier_counts()[1] is None) is not shown
    if shown:
        assert pc01.level_counts == (0, 0, 5, 0, 0) and pc01.below_target == 1 and professional.at_target == 0
        # five people, one at each level: every level and the split (3 below, 2 at or above) are held back
        spread = stats(aggregate(fw, [coach(f"C{n}", PC_01=n) for n in range(5)]), "PC-01")
        assert spread.shown and spread.level_counts == (None,) * 5 and spread.below_target is None


def test_an_item_counts_only_for_coaches_whose_tier_expects_it(fw: Framework) -> None:
    team = [coach(f"T1-{n}", 1, GW_01=0, PC_01=3) for n in range(5)] + [coach(f"T2-{n}", 2, GW_01=4) for n in range(4)]
    cohort = aggregate(fw, team)
    gw01 = stats(cohort, "GW-01")
    assert gw01.expected == 4 and gw01.rated == 4 and not gw01.shown
    assert stats(cohort, "PC-01").expected == 9


def test_area_figures_pool_ratings_but_count_people(fw: Framework) -> None:
    cohort = aggregate(fw, [coach(f"C{n}", PC_01=3, PC_02=1) for n in range(5)])
    professional = next(g for g in cohort.groups if g.title == "Professional competencies")
    assert professional.people == 5 and professional.counts == (0, 5, 0, 5, 0) and professional.at_target == 0.5
    assert professional.level_share(1) == 0.5
    general = next(g for g in cohort.groups if g.title == "General capabilities")
    assert general.people == 0 and general.at_target is None


def test_most_in_need_orders_by_share_below_target_then_average(fw: Framework) -> None:
    team = [coach(f"C{n}", PC_01=2, PC_02=1, PC_03=3, PC_04=0 if n < 5 else 3, PC_05=1 if n < 5 else 3,
                  PC_06=0 if n < 4 else 3) for n in range(10)]
    cohort = aggregate(fw, team)
    # PC-06 (4 of 10 below target) is held back, so it is not ranked: its place would narrow its share down.
    assert [s.item.id for s in cohort.most_in_need()] == ["PC-02", "PC-01", "PC-04", "PC-05"]
    assert [s.item.id for s in cohort.most_in_need(limit=1)] == ["PC-02"]


def test_changes_are_held_back_when_either_round_is_small(fw: Framework) -> None:
    earlier = aggregate(fw, [coach(f"C{n}", PC_01=1, CE_01=1) for n in range(5)])
    later = aggregate(fw, [coach(f"C{n}", PC_01=3, CE_01=3) for n in range(5)] + [coach("D", PC_01=3)])
    small = aggregate(fw, [coach(f"C{n}", PC_01=3) for n in range(4)])
    by_label = {c.label: c for c in group_changes(earlier, later)}
    assert by_label["Professional competencies"].points == 100
    assert [c.label for c in item_changes(earlier, later)] == ["PC-01 Contracting", "CE-01 Coaching conversation"]
    assert item_changes(earlier, later)[0].points == -100
    assert all(c.points is None for c in group_changes(earlier, small)) and item_changes(earlier, small) == []


def test_points_compare_the_whole_percentages_shown(fw: Framework) -> None:
    earlier = aggregate(fw, [coach(f"C{n}", PC_01=3 if n < 54 else 1) for n in range(59)])  # 54/59 = 91.5%, shown 92%
    later = aggregate(fw, [coach(f"C{n}", PC_01=3 if n < 61 else 1) for n in range(66)])  # 61/66 = 92.4%, shown 92%
    change = next(c for c in group_changes(earlier, later) if c.label == "Professional competencies")
    assert change.points == 0  # not round(0.9) = 1


def test_load_lists_bad_files_by_name_and_counts_the_rest(fw: Framework, tmp_path: Path) -> None:
    folder = write(tmp_path / "team", [coach(f"Secret{n}", PC_01=2) for n in range(5)], fw)
    (folder / "broken.json").write_text('{"format": "hwc-selfcheck/assessment", "pseud')
    (folder / "typo.json").write_text(
        assessment_as_json(coach("Hidden", PC_01=2), fw).replace('"PC-01"', '"PC-11"'))
    (folder / "notes.txt").write_text("not read")
    cohort = load_cohort(folder, fw)
    assert cohort.people == 5
    assert [f.name for f in cohort.left_out] == ["broken.json", "typo.json"]
    assert "not valid JSON" in cohort.left_out[0].reason
    assert cohort.left_out[1].reason.startswith("item PC-11: is not an item of the framework; did you mean PC-10")
    assert all("Hidden" not in f.reason for f in cohort.left_out)


def test_future_dates_are_left_out(fw: Framework, tmp_path: Path) -> None:
    folder = write(tmp_path / "team", [coach("A", when=date(2026, 3, 3))], fw)
    assert load_cohort(folder, fw, today=date(2026, 3, 3)).people == 1
    later = load_cohort(folder, fw, today=date(2026, 3, 2))
    assert later.people == 0 and "field date: 2026-03-03 is in the future" in later.left_out[0].reason


def test_shared_pseudonyms_are_counted_not_named(fw: Framework) -> None:
    cohort = aggregate(fw, [coach("Me"), coach(" me "), coach("Kit"), coach("Me")])
    assert cohort.shared_pseudonyms == 3
    assert aggregate(fw, [coach("Me"), coach(" me "), coach("Kit")]).shared_pseudonyms == 2  # a pair counts too


def test_folder_problems_are_input_errors(fw: Framework, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder not found"):
        load_cohort(tmp_path / "none", fw)
    (tmp_path / "file.json").write_text("{}")
    with pytest.raises(InputError, match="is not a folder"):
        load_cohort(tmp_path / "file.json", fw)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"holds no self-assessment files \(.json\)"):
        load_cohort(tmp_path / "empty", fw)


def test_example_team(fw: Framework) -> None:
    cohort = load_cohort(EXAMPLE_TEAM, fw)
    assert cohort.people >= 12 and [f.name for f in cohort.left_out] == ["coach-16.json"]
    assert cohort.first is not None and cohort.first.month == 9


def test_small_cells_inside_a_shown_distribution_are_held_back() -> None:
    assert disclosed_counts([0, 6, 7, 5, 0]) == [0, 6, 7, 5, 0]
    # two small cells: both held back; neither can be found from the total
    assert disclosed_counts([1, 2, 9, 5, 0]) == [None, None, 9, 5, 0]
    # one small cell: the next smallest is held back with it
    assert disclosed_counts([3, 0, 9, 5, 6]) == [None, 0, 9, None, 6]
    assert disclosed_counts([0, 0, 12, 0, 0]) == [0, 0, 12, 0, 0]


@pytest.mark.parametrize("people", [MIN_GROUP - 1, MIN_GROUP])
def test_an_area_level_is_held_back_by_people_not_ratings(fw: Framework, people: int) -> None:
    # ten coaches rate PC-01 at 3; `people` of them also rate PC-02 to PC-10 at 0: many ratings, few people
    team = [coach(f"C{n}", PC_01=3, **({f"PC_{k:02d}": 0 for k in range(2, 11)} if n < people else {}))
            for n in range(10)]
    professional = next(g for g in aggregate(fw, team).groups if g.title == "Professional competencies")
    assert professional.counts == (9 * people, 0, 0, 10, 0) and professional.level_people == (people, 0, 0, 10, 0)
    if people < MIN_GROUP:  # 36 of 46 ratings (78%) come from 4 people: held back, and so is the split
        assert professional.level_share(0) is None and professional.at_target is None
        assert professional.level_share(3) is None  # the one other cell, so level 0 is not 100% minus it
    else:
        assert professional.level_share(0) == 45 / 55 and professional.at_target == 10 / 55
    assert professional.level_share(1) == 0  # zero people is no one: shown as 0%


def test_one_person_counts_once_at_each_level_they_used(fw: Framework) -> None:
    team = [coach("Busy", PC_01=0, PC_02=0, PC_03=4, CE_01=2)] + [coach(f"C{n}", PC_01=2) for n in range(5)]
    cohort = aggregate(fw, team)
    professional = next(g for g in cohort.groups if g.title == "Professional competencies")
    assert professional.level_people == (1, 0, 5, 0, 1) and professional.people == 6
    assert (professional.below_people, professional.at_target_people) == (6, 1)


def test_a_held_back_cell_cannot_be_found_from_the_share_below_target(fw: Framework) -> None:
    # 3 at 0, 9 at 2 (below target: 12), 5 at 3 and 6 at 4 (at or above: 11); the split 12/23 is shown, so
    # level 0 would be 12 - 9 if only it were held back: the other cell below target goes with it
    team = [coach(f"C{n}", PC_01=level) for n, level in enumerate([0] * 3 + [2] * 9 + [3] * 5 + [4] * 6)]
    pc01 = stats(aggregate(fw, team), "PC-01")
    assert pc01.below_target == 12 / 23 and pc01.level_counts == (None, 0, None, 5, 6)


@pytest.mark.parametrize("above, shown", [(MIN_GROUP - 1, False), (MIN_GROUP, True)])
def test_the_share_below_target_is_held_back_when_either_side_is_small(fw: Framework, above: int, shown: bool) -> None:
    team = [coach(f"C{n}", PC_01=1 if n < 12 else 3) for n in range(12 + above)]
    pc01 = stats(aggregate(fw, team), "PC-01")
    assert (pc01.below_target is not None) is shown
    if not shown:  # 4 at level 3 alone would be the total minus 12: level 1 is held back with it
        assert pc01.level_counts == (0, None, 0, None, 0)
        assert pc01 not in aggregate(fw, team).most_in_need()


def test_disclose_row_checks_each_side_of_a_shown_split() -> None:
    assert disclose_row([3, 0, 9, 5, 6], 3, 12, 11).held == (True, False, True, False, False)
    assert disclose_row([6, 0, 9, 5, 2], 3, 15, 7).held == (False, False, False, True, True)
    split_held = disclose_row([0, 6, 9, 2, 0], 3, 15, 2)
    assert not split_held.split_shown and split_held.held == (False, True, False, True, False)


def test_tier_counts_and_the_people_an_item_is_expected_of_give_no_tier_away(fw: Framework) -> None:
    team = ([coach(f"A{n}", 1) for n in range(12)] + [coach(f"B{n}", 2) for n in range(3)]
            + [coach(f"C{n}", 3) for n in range(6)])
    cohort = aggregate(fw, team)
    # Tier 2 (3 people) alone would be 21 - 12 - 6: Tier 3 is held back with it
    assert cohort.tier_counts() == {1: 12, 2: None, 3: None, 4: 0}
    assert cohort.expected_count(1) == 21 and cohort.expected_count(2) == 9  # 21 - 12: nothing new
    assert cohort.expected_count(3) is None  # 6 would give Tier 2 away as 9 - 6
    assert cohort.expected_count(4) == 0
    small = aggregate(fw, team[:12] + team[12:14] + team[15:17])  # Tier 2: 2, Tier 3: 2
    assert small.tier_counts() == {1: 12, 2: None, 3: None, 4: 0} and small.expected_count(2) is None  # 4 people


def test_a_team_under_five_shows_no_tier(fw: Framework) -> None:
    assert disclosed_counts([4, 0, 0, 0]) == [None, 0, 0, 0]  # the rule alone would leave the zeros...
    cohort = aggregate(fw, [coach(f"C{n}") for n in range(4)])
    assert set(cohort.tier_counts().values()) == {None} and cohort.expected_count(4) is None  # ...so all go


def test_tier_4_coaches_are_counted_in_a_cohort(fw: Framework) -> None:
    team = [coach(f"D{n}", 4, PC_01=3, AM_01=1) for n in range(5)]
    cohort = aggregate(fw, team)
    assert cohort.tiers == {4: 5} and cohort.tier_counts() == {1: 0, 2: 0, 3: 0, 4: 5}
    assert cohort.expected_count(2) == 5 and cohort.expected_count(4) == 5
    am01 = stats(cohort, "AM-01")  # a Tier 2 item: a Tier 4 coach's tier expects it
    assert (am01.expected, am01.rated, am01.level_counts) == (5, 5, (0, 5, 0, 0, 0))


def test_an_item_rated_by_fewer_than_five_people_hides_every_level_count(fw: Framework) -> None:
    # Eight coaches rate PC-01; four of them also rate PC-02, all at level 2.
    team = [coach(f"C{n}", PC_01=2, **({"PC_02": 2} if n < 4 else {})) for n in range(8)]
    pc02 = stats(aggregate(fw, team), "PC-02")
    assert pc02.rated == 4 and not pc02.shown and pc02.below_target is None
    assert pc02.level_counts == (None, None, None, None, None)  # even the levels no one chose


def test_a_rating_exactly_at_the_target_counts_as_at_or_above(fw: Framework) -> None:
    target = 3
    team = [coach(f"C{n}", PC_01=target if n < 5 else target - 1) for n in range(10)]
    cohort = aggregate(fw, team)
    pc01 = stats(cohort, "PC-01")
    assert pc01.below == 5 and pc01.below_target == 0.5 and pc01.level_counts == (0, 0, 5, 5, 0)
    professional = next(g for g in cohort.groups if g.title == "Professional competencies")
    assert (professional.below_people, professional.at_target_people, professional.at_target) == (5, 5, 0.5)


def test_a_file_with_no_place_to_point_at_is_left_out_with_its_problem_alone(fw: Framework, tmp_path: Path) -> None:
    folder = write(tmp_path / "team", [coach(f"C{n}", PC_01=2) for n in range(5)], fw)
    (folder / "empty.json").write_text("")
    (folder / "list.JSON").write_text("[]")
    (folder / ".hidden.json").write_text("")  # files starting with a dot are not read at all
    cohort = load_cohort(folder)  # the shipped framework when none is given
    assert cohort.people == 5
    assert cohort.left_out == (LeftOut("empty.json", "the file is empty"),
                               LeftOut("list.JSON", "must hold a JSON object (the self-assessment)"))


@pytest.mark.parametrize("make, problem", [
    (lambda p: p, "folder not found"),
    (lambda p: (p.write_text("{}"), p)[1], "is not a folder"),
    (lambda p: (p.mkdir(), p)[1], "holds no self-assessment files (.json)"),
])
def test_folder_problems_name_the_folder(fw: Framework, tmp_path: Path, make, problem: str) -> None:
    folder = make(tmp_path / "team")
    with pytest.raises(InputError) as caught:
        load_cohort(folder, fw)
    assert (caught.value.path, caught.value.where, caught.value.problem) == (str(folder), None, problem)


def test_the_first_and_last_dates_of_a_round(fw: Framework) -> None:
    team = [coach("A", when=date(2026, 3, 2)), coach("B", when=date(2025, 9, 1)), coach("C", when=date(2026, 1, 5))]
    cohort = aggregate(fw, team)
    assert (cohort.first, cohort.last) == (date(2025, 9, 1), date(2026, 3, 2))
    assert (aggregate(fw, []).first, aggregate(fw, []).last) == (None, None)


def test_a_share_of_no_one_is_no_share() -> None:
    assert share(0, 0) is None and share(3, 4) == 0.75 and share(0, 5) == 0


def test_supervisor_standards_are_not_counted_in_a_cohort(fw: Framework) -> None:
    cohort = aggregate(fw, [coach(f"C{n}", 3, PC_01=2) for n in range(5)])
    assert len(cohort.items) == 82 and all(s.item.kind != "supervisor_standard" for s in cohort.items)


def test_items_held_back_are_counted(fw: Framework) -> None:
    team = [coach(f"C{n}", PC_01=2, **({"PC_02": 1} if n < 4 else {})) for n in range(5)]
    cohort = aggregate(fw, team)
    assert cohort.held_back_items() == 81  # every item but PC-01: PC-02 has 4 raters, the rest none
    assert aggregate(fw, [coach(f"C{n}", PC_01=2) for n in range(4)]).held_back_items() == 82


def test_most_in_need_lists_ten_items_unless_told_otherwise(fw: Framework) -> None:
    team = [coach(f"C{n}", **{f"PC_{k:02d}": 1 for k in range(1, 11)}, CE_01=0, CE_02=2) for n in range(5)]
    ranked = aggregate(fw, team).most_in_need()
    assert len(ranked) == 10 and ranked[0].item.id == "CE-01"  # lowest average first among equal shares
    assert len(aggregate(fw, team).most_in_need(limit=12)) == 12


def test_each_side_of_a_shown_split_is_checked_on_its_own_above_the_target_too() -> None:
    # Above the target, 3 people at level 3 are held back; the other cell held with them is above the target
    # too (6 at level 4), not the smallest cell of the whole row (6 at level 0).
    assert disclose_row([6, 0, 9, 3, 6], 3, 15, 9).held == (False, False, False, True, True)
