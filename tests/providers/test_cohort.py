"""A team's training needs: true counts by item and tier, and figures that give no group of 1 to 4 people away."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.record import Assessment, Rating, assessment_as_json
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.item_groups import group_title
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.notebook.providers import EXAMPLE_TEAM
from hwc_selfcheck.providers.cohort import (
    MIN_GROUP,
    ItemFigures,
    aggregate,
    group_changes,
    item_changes,
    load_cohort,
    publish_tiers,
)
from hwc_selfcheck.providers.disclosure import Figure
from tests.providers.disclosure_attack import small_groups_given_away


def coach(name: str, tier: int = 1, when: date = date(2026, 3, 2), **levels: int) -> Assessment:
    """A coach whose ratings are given as PC_01=2 and so on."""
    return Assessment(pseudonym=name, date=when, tier=tier,
                      ratings={k.replace("_", "-"): Rating(level=v) for k, v in levels.items()})


def write(folder: Path, records: list[Assessment], fw: Framework) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, record in enumerate(records, start=1):
        (folder / f"coach-{n:02d}.json").write_text(assessment_as_json(record, fw))
    return folder


def counts(cohort, item_id: str):  # type: ignore[no-untyped-def]
    return next(s for s in cohort.items if s.item.id == item_id)


def shown(cohort, item_id: str):  # type: ignore[no-untyped-def]
    return next(f for f in cohort.figures.items if f.item.id == item_id)


def test_an_item_row_counts_the_people_it_is_expected_of_by_level_and_not_rated(fw: Framework) -> None:
    team = [coach(f"T1-{n}", 1, GW_01=0, PC_01=3) for n in range(5)] + [coach(f"T2-{n}", 2, GW_01=4) for n in range(4)]
    cohort = aggregate(fw, team)
    assert counts(cohort, "PC-01").cells == (0, 0, 0, 5, 0, 4)  # the four at Tier 2 did not rate it
    assert counts(cohort, "GW-01").cells == (0, 0, 0, 0, 4, 0)  # a Tier 2 item: the Tier 1 ratings do not count
    assert counts(cohort, "GW-01").expected == 4


@pytest.mark.parametrize("people", [MIN_GROUP - 1, MIN_GROUP])
def test_a_team_under_five_shows_nothing(fw: Framework, people: int) -> None:
    figures = aggregate(fw, [coach(f"C{n}", PC_01=2) for n in range(people)]).figures
    if people < MIN_GROUP:
        assert figures.people is None and set(figures.tiers.values()) == {None}
        assert all(f.held_back and f.expected is None for f in figures.items) and figures.first is None
    else:
        assert figures.people == 5 and figures.tiers == {1: 5, 2: 0, 3: 0, 4: 0}
        pc01 = shown(aggregate(fw, [coach(f"C{n}", PC_01=2) for n in range(people)]), "PC-01")
        assert (pc01.expected, pc01.levels, pc01.not_rated, pc01.below_share) == (5, (0, 0, 5, 0, 0), 0, 1)


def test_the_issues_example_row_hides_the_two_people_and_who_did_not_rate(fw: Framework) -> None:
    """PC-03 in the September example: 1, 1, 6, 5, 0 at levels 0 to 4 and 2 who did not rate it, of 15."""
    levels = [0, 1] + [2] * 6 + [3] * 5
    team = [coach(f"C{n}", PC_03=level) for n, level in enumerate(levels)] + [coach("D1", PC_01=1), coach("D2", PC_01=2)]
    cohort = aggregate(fw, team)
    pc03 = shown(cohort, "PC-03")
    assert counts(cohort, "PC-03").cells == (1, 1, 6, 5, 0, 2)
    assert pc03.expected == 15 and pc03.below == 8  # the need is kept: 8 of 15 below the target
    published = [Figure(range(6)), Figure({0, 1, 2})] + [Figure({i}) for i, n in enumerate((*pc03.levels, pc03.not_rated))
                                                          if n is not None]
    assert not small_groups_given_away(counts(cohort, "PC-03").cells, published)
    assert pc03.levels[0] is None and pc03.levels[1] is None and pc03.not_rated is None


def test_tier_counts_and_the_people_an_item_is_expected_of_give_no_tier_away() -> None:
    # Tier 2 (3 people) would be 9 - 6 beside the people at Tier 2 or above: Tier 3 is held back with it
    assert publish_tiers({1: 12, 2: 3, 3: 6}, {1, 2}) == ({1: 12, 2: None, 3: None, 4: 0}, {1: 21, 2: 9})
    # 2 people at Tier 2 or above: too few to show, so the items they are expected of show nothing
    assert publish_tiers({1: 10, 2: 2}, {1, 2}) == ({1: None, 2: None, 3: 0, 4: 0}, {1: 12, 2: None})
    # 3 people at Tier 1 would be 13 - 10: the people at Tier 2 or above are held back, though they are 10
    assert publish_tiers({1: 3, 2: 10}, {1, 2}) == ({1: None, 2: None, 3: 0, 4: 0}, {1: 13, 2: None})
    assert publish_tiers({1: 3, 2: 10}, {1, 2, 3})[1] == {1: 13, 2: None, 3: 0}


def test_rows_whose_total_would_give_a_tier_away_keep_it_secret(fw: Framework) -> None:
    team = [coach(f"A{n}", 1, PC_01=2) for n in range(3)] + [coach(f"B{n}", 2, PC_01=3, GW_01=2) for n in range(10)]
    cohort = aggregate(fw, team)
    gw01 = shown(cohort, "GW-01")
    assert gw01.expected is None and gw01.below_share is None  # 10 would be 13 minus the 3 at Tier 1
    assert gw01.levels[2] is None or gw01.not_rated is None  # so its cells cannot add up to 10 either
    assert shown(cohort, "PC-01").expected == 13


def test_most_in_need_orders_by_share_below_target_then_framework_order(fw: Framework) -> None:
    team = [coach(f"C{n}", PC_01=2, PC_02=1, PC_03=3, PC_04=0 if n < 5 else 3, PC_05=1 if n < 5 else 3,
                  PC_06=0 if n < 4 else 3) for n in range(10)]
    figures = aggregate(fw, team).figures
    # PC-06 (4 of 10 below target) is held back, so it is not ranked: its place would narrow its share down.
    assert [f.item.id for f in figures.most_in_need()] == ["PC-01", "PC-02", "PC-04", "PC-05"]
    assert [f.item.id for f in figures.most_in_need(limit=1)] == ["PC-01"]


def test_areas_add_up_only_what_their_items_show(fw: Framework) -> None:
    team = [coach(f"C{n}", PC_01=2 if n < 6 else 3, PC_02=1 if n < 3 else 3) for n in range(12)]
    figures = aggregate(fw, team).figures
    professional = next(a for a in figures.areas if a.title == "Professional competencies")
    pc01, pc02 = (shown(aggregate(fw, team), i) for i in ("PC-01", "PC-02"))
    assert pc01.below == 6 and pc02.below is None  # 3 below target: held back
    assert (professional.items, professional.counted) == (10, 9) and professional.below == 6 / (9 * 12)


def test_changes_are_held_back_when_either_round_is_small(fw: Framework) -> None:
    earlier = aggregate(fw, [coach(f"C{n}", PC_01=1, CE_01=1) for n in range(5)]).figures
    later = aggregate(fw, [coach(f"C{n}", PC_01=3, CE_01=3) for n in range(5)] + [coach("D", PC_01=3)]).figures
    small = aggregate(fw, [coach(f"C{n}", PC_01=3) for n in range(4)]).figures
    by_label = {c.label: c for c in group_changes(earlier, later)}
    assert by_label["Professional competencies"].points == -10  # 5 of 50 then, 0 of 60 now
    assert [c.label for c in item_changes(earlier, later)][:2] == ["PC-01 Contracting", "PC-02 Working within the remit"]
    assert item_changes(earlier, later)[0].points == -100
    assert all(c.points is None for c in group_changes(earlier, small)) and item_changes(earlier, small) == []


def test_points_compare_the_whole_percentages_shown(fw: Framework) -> None:
    earlier = aggregate(fw, [coach(f"C{n}", PC_01=1 if n < 54 else 3) for n in range(59)]).figures  # 91.5%: 92%
    later = aggregate(fw, [coach(f"C{n}", PC_01=1 if n < 61 else 3) for n in range(66)]).figures  # 92.4%: 92%
    change = next(c for c in item_changes(earlier, later) if c.label == "PC-01 Contracting")
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
    folder = write(tmp_path / "team", [coach("A", when=date(2026, 3, 3)), coach("B", when=date(2026, 3, 2))], fw)
    assert load_cohort(folder, fw, today=date(2026, 3, 3)).people == 2
    later = load_cohort(folder, fw, today=date(2026, 3, 2))
    assert later.people == 1 and "field date: 2026-03-03 is in the future" in later.left_out[0].reason


def test_a_folder_with_no_valid_file_is_an_error(fw: Framework, tmp_path: Path) -> None:
    folder = write(tmp_path / "team", [coach("A", when=date(2026, 3, 3))], fw)
    (folder / "broken.json").write_text("{")
    with pytest.raises(InputError) as caught:
        load_cohort(folder, fw, today=date(2026, 3, 2))
    assert str(caught.value) == (
        f"{folder}: no valid self-assessment in its 2 .json files (broken.json: line 1 column 2: not valid JSON: "
        "the file ends too soon; is it cut short? Save it again from the tool that made it; and 1 more); nothing was "
        "written. Check each file with 'hwc-selfcheck validate FILE'")


def test_the_same_pseudonym_and_ratings_twice_is_one_person(fw: Framework) -> None:
    same = [coach("Kit", PC_01=2, PC_02=3), coach(" kit ", when=date(2026, 3, 9), PC_01=2, PC_02=3)]
    cohort = aggregate(fw, same + [coach("Kit", PC_01=3, PC_02=3), coach("Alex", PC_01=2, PC_02=3)])
    assert cohort.people == 3 and cohort.repeats == 1 and cohort.shared_pseudonyms == 2


def test_shared_pseudonyms_are_counted_not_named(fw: Framework) -> None:
    cohort = aggregate(fw, [coach("Me", PC_01=1), coach(" me ", PC_01=2), coach("Kit"), coach("Me", PC_01=3)])
    assert cohort.shared_pseudonyms == 3 and cohort.repeats == 0


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


def held_back_row(fw: Framework, item_id: str, group: str) -> ItemFigures:
    item = fw.get(item_id)
    assert item is not None
    return ItemFigures(item, group, None, (None,) * 5, None, None, None)


def test_a_team_under_five_shows_every_item_and_area_with_all_its_figures_held_back(fw: Framework) -> None:
    figures = aggregate(fw, [coach(f"C{n}", PC_01=2) for n in range(MIN_GROUP - 1)]).figures
    assert figures.items[0] == held_back_row(fw, "PC-01", "Professional competencies")
    assert figures.held_back_items() == len(figures.items) == len(aggregate(fw, []).items)
    assert [(a.title, a.items, a.counted, a.below) for a in figures.areas][0] == ("Professional competencies", 0, 0, None)
    assert len({a.title for a in figures.areas}) == len(figures.areas) > 1


def test_an_item_expected_of_fewer_than_five_people_hides_all_its_figures(fw: Framework) -> None:
    team = [coach(f"A{n}", 1, PC_01=2) for n in range(10)] + [coach(f"B{n}", 2, GW_01=1) for n in range(2)]
    figures = aggregate(fw, team).figures
    gw01 = next(f for f in figures.items if f.item.id == "GW-01")
    assert gw01 == held_back_row(fw, "GW-01", group_title(fw, gw01.item)) and gw01.held_back
    assert figures.held_back_items() == sum(1 for f in figures.items if f.item.min_tier > 1)


def test_a_row_whose_total_is_secret_still_shows_the_cells_that_give_nothing_away(fw: Framework) -> None:
    # 10 people at Tier 2 or above would give the 3 at Tier 1 away (13 - 10), so GW-01's total is secret;
    # its row of 10 people is not small, so it is protected, not held back whole.
    team = [coach(f"A{n}", 1, PC_01=2) for n in range(3)] + [
        coach(f"B{n}", 2, PC_01=3, GW_01=1 if n < 5 else 3) for n in range(10)]
    gw01 = shown(aggregate(fw, team), "GW-01")
    assert gw01.expected is None and not gw01.held_back
    # both fives shown would add up to the secret 10, so one is held back; the zeros give nothing away
    assert (gw01.levels, gw01.not_rated, gw01.below, gw01.at_or_above) == ((0, None, 0, 5, 0), 0, None, None)


def test_the_people_at_or_above_the_target_are_those_at_the_target_level_and_higher(fw: Framework) -> None:
    team = [coach(f"C{n}", PC_01=1 if n < 6 else 3 if n < 9 else 4) for n in range(11)]
    pc01 = shown(aggregate(fw, team), "PC-01")
    assert (pc01.expected, pc01.below, pc01.at_or_above) == (11, 6, 5)
    assert pc01.at_or_above_share == 5 / 11


def test_most_in_need_ranks_a_larger_share_first_whatever_the_framework_order(fw: Framework) -> None:
    team = [coach(f"C{n}", PC_01=1 if n < 5 else 3, PC_02=1) for n in range(10)]
    assert [f.item.id for f in aggregate(fw, team).figures.most_in_need()] == ["PC-02", "PC-01"]


def test_most_in_need_lists_ten_items_unless_told_otherwise(fw: Framework) -> None:
    ids = [i.id for i in fw.items if i.min_tier == 1 and i.kind != "supervisor_standard"][:12]
    assert len(ids) == 12
    team = [coach(f"C{n}", **{i.replace("-", "_"): 0 for i in ids}) for n in range(5)]
    assert [f.item.id for f in aggregate(fw, team).figures.most_in_need()] == ids[:10]


def test_supervisor_standards_are_not_counted_as_training_needs(fw: Framework) -> None:
    assert any(i.kind == "supervisor_standard" for i in fw.items)
    cohort = aggregate(fw, [coach("A")])
    assert [s.item for s in cohort.items] == [i for i in fw.items if i.kind != "supervisor_standard"]


def test_the_first_and_last_dates_are_the_earliest_and_latest_counted(fw: Framework) -> None:
    days = [date(2026, 3, 9), date(2026, 2, 1), date(2026, 4, 30), date(2026, 3, 1), date(2026, 3, 2)]
    cohort = aggregate(fw, [coach(f"C{n}", when=day) for n, day in enumerate(days)])
    assert (cohort.first, cohort.last) == (date(2026, 2, 1), date(2026, 4, 30))
    assert (cohort.figures.first, cohort.figures.last) == (date(2026, 2, 1), date(2026, 4, 30))
    nobody = aggregate(fw, [])
    assert (nobody.first, nobody.last, nobody.people) == (None, None, 0)


def test_every_repeat_of_a_person_is_counted_once_and_each_repeat_is_told(fw: Framework) -> None:
    cohort = aggregate(fw, [coach("Kit", PC_01=2)] * 3 + [coach("Alex", PC_01=2)])
    assert (cohort.people, cohort.repeats) == (2, 2)


def test_the_folder_errors_name_the_folder(fw: Framework, tmp_path: Path) -> None:
    for folder, problem in ((tmp_path / "none", "folder not found"), (tmp_path / "file.json", "is not a folder"),
                            (tmp_path / "empty", "holds no self-assessment files (.json)")):
        if folder.name == "file.json":
            folder.write_text("{}")
        elif folder.name == "empty":
            folder.mkdir()
        with pytest.raises(InputError) as caught:
            load_cohort(folder, fw)
        assert (caught.value.path, caught.value.where, caught.value.problem) == (str(folder), None, problem)


def test_hidden_files_are_not_read(fw: Framework, tmp_path: Path) -> None:
    folder = write(tmp_path / "team", [coach(f"C{n}", PC_01=2) for n in range(5)], fw)
    (folder / ".coach-01.json").write_text(assessment_as_json(coach("Hidden", PC_01=1), fw))
    (folder / "._coach-02.json").write_text("\x00\x05")
    cohort = load_cohort(folder, fw)
    assert (cohort.people, cohort.left_out) == (5, ())


def test_a_file_that_fails_with_no_place_in_it_is_listed_with_the_problem_alone(fw: Framework, tmp_path: Path) -> None:
    folder = write(tmp_path / "team", [coach("A", PC_01=2)], fw)
    (folder / "empty.json").write_text("")
    assert [(f.name, f.reason) for f in load_cohort(folder, fw).left_out] == [("empty.json", "the file is empty")]


def test_a_folder_whose_only_file_fails_says_why_and_no_more(fw: Framework, tmp_path: Path) -> None:
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "empty.json").write_text("")
    with pytest.raises(InputError) as caught:
        load_cohort(tmp_path / "team", fw)
    assert caught.value.problem == ("no valid self-assessment in its 1 .json file (empty.json: the file is empty); "
                                    "nothing was written. Check each file with 'hwc-selfcheck validate FILE'")


def test_files_are_checked_against_the_framework_given(fw: Framework, tmp_path: Path) -> None:
    smaller = replace(fw, items=tuple(i for i in fw.items if i.id != "PC-10"), _by_id={})
    folder = write(tmp_path / "team", [coach("A", PC_01=2), coach("B", PC_10=2)], fw)
    cohort = load_cohort(folder, smaller)
    assert cohort.people == 1 and [f.name for f in cohort.left_out] == ["coach-02.json"]
    assert cohort.left_out[0].reason.startswith("item PC-10: is not an item of the framework")


def test_without_a_framework_the_packaged_one_is_used(fw: Framework) -> None:
    assert load_cohort(EXAMPLE_TEAM) == load_cohort(EXAMPLE_TEAM, fw)
