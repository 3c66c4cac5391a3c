"""Analysis respects tiers, orders gaps sensibly and compares like with like."""

from __future__ import annotations

from datetime import date

import pytest

from hwc_selfcheck.assessment.analysis import (
    DEFAULT_NEXT_STEP,
    coming_next,
    compare,
    development_plan,
    expected_items,
    gaps,
    not_yet_rated,
    summarise,
)
from hwc_selfcheck.assessment.record import Assessment, Rating
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.practice.portfolio import PortfolioEntry, evidence_coverage


def make(tier: int = 1, when: date = date(2026, 2, 1), who: str = "Kit", **levels: int) -> Assessment:
    return Assessment(pseudonym=who, date=when, tier=tier,
                      ratings={k.replace("_", "-"): Rating(level=v) for k, v in levels.items()})


def test_tier_1_is_not_marked_down_for_tier_2_items(fw: Framework) -> None:
    a = make(PC_01=1, GW_01=0, AM_03=0)
    assert [g.item.id for g in gaps(fw, a)] == ["PC-01"]
    next_ids = {i.id for i in coming_next(fw, a)}
    assert {"GW-01", "AM-03"} <= next_ids and not any(i.startswith("PC") for i in next_ids)
    assert len(coming_next(fw, a)) == 6 + 28


def test_tier_2_sees_group_work_as_gaps(fw: Framework) -> None:
    assert [g.item.id for g in gaps(fw, make(tier=2, GW_01=0))] == ["GW-01"]


def test_expected_items_by_tier(fw: Framework) -> None:
    assert len(expected_items(fw, make(tier=1))) == 48
    assert len(expected_items(fw, make(tier=2))) == 48 + 6 + 28
    assert all(i.kind != "supervisor_standard" for i in expected_items(fw, make(tier=4)))


def test_gap_order_level_then_essential_then_evidence(fw: Framework) -> None:
    a = Assessment(pseudonym="Kit", date=date(2026, 2, 1), tier=2, ratings={
        "MF-02": Rating(level=2, evidence="collected"),
        "MF-01": Rating(level=2, evidence="none"),
        "AM-01": Rating(level=1),
        "CE-01": Rating(level=1),
        "PC-02": Rating(level=3),
        "CE-02": Rating(level=0, evidence="confirmed"),
    })
    assert [g.item.id for g in gaps(fw, a)] == ["CE-02", "CE-01", "AM-01", "MF-01", "MF-02"]
    assert [g.rank for g in gaps(fw, a)] == [1, 2, 3, 4, 5]


def test_target_level_is_not_a_gap(fw: Framework) -> None:
    assert gaps(fw, make(PC_01=3, PC_02=4)) == []


def test_summary_counts(fw: Framework) -> None:
    summary = summarise(fw, make(PC_01=1, PC_02=3, GC_01=4))
    rows = {s.key: s for s in summary}
    prof, general = rows["professional"], rows["general_capabilities"]
    assert (prof.title, prof.expected, prof.rated, prof.at_target, prof.mean_level, prof.later) == (
        "Professional competencies", 10, 2, 1, 2.0, 0)
    assert (general.title, general.expected, general.rated, general.at_target, general.mean_level) == (
        "General capabilities", 16, 1, 1, 4.0)
    assert [s.key for s in summary][:3] == ["professional", "general_capabilities", "communication_enabling"]
    assert rows["group_work"].expected == 0 and rows["group_work"].later == 6
    assert "supervision" not in rows


def test_plan_uses_framework_routes_and_own_next_step(fw: Framework) -> None:
    a = Assessment(pseudonym="Kit", date=date(2026, 2, 1), tier=1, ratings={
        "MF-12": Rating(level=0), "PC-05": Rating(level=1, next_step="Book monthly sessions")})
    plan = development_plan(fw, a)
    assert plan[0].routes == ["Personalised Care Institute e-learning"]
    assert plan[0].evidence_expected == ["Certificate of completion"]
    assert plan[0].next_step == DEFAULT_NEXT_STEP
    assert plan[1].next_step == "Book monthly sessions"
    assert len(development_plan(fw, a, limit=1)) == 1


def test_not_yet_rated(fw: Framework) -> None:
    assert len(not_yet_rated(fw, make(PC_01=2))) == 47


def test_compare_same_person(fw: Framework) -> None:
    old = make(when=date(2025, 12, 1), PC_01=1, PC_02=2, PC_03=3)
    new = make(when=date(2026, 3, 1), PC_01=2, PC_02=2, PC_03=1, PC_04=4)
    c = compare(fw, old, new)
    assert c.earlier.date == date(2025, 12, 1)
    assert (c.count("improved"), c.count("declined"), c.count("unchanged"), c.count("newly_rated")) == (1, 1, 1, 1)
    prof = next(m for m in c.area_means if m[0].key == "professional")
    assert prof[1:] == (2.0, 2.25)


def test_compare_refuses_an_earlier_file_that_is_newer(fw: Framework) -> None:
    old = make(when=date(2025, 12, 1), PC_01=1)
    new = make(when=date(2026, 3, 1), PC_01=2)
    with pytest.raises(InputError, match=r"2026-03-01 is after .* \(2025-12-01\); give the older file after --previous"):
        compare(fw, new, old)
    assert compare(fw, old, old).count("unchanged") == 1  # the same day is not a contradiction


def test_compare_refuses_two_people(fw: Framework) -> None:
    with pytest.raises(InputError, match="same person"):
        compare(fw, make(who="Kit"), make(who="Alex"))


def test_an_area_mean_is_rounded_to_two_places(fw: Framework) -> None:
    professional = summarise(fw, make(PC_01=1, PC_02=2, PC_03=2))[0]
    assert professional.mean_level == 1.67  # 5 / 3 = 1.666...


def test_supervisor_standards_never_come_next_as_a_tier_step(fw: Framework) -> None:
    # Tier 3 brings no new items for a coach; the supervisor standards (also marked Tier 3) are not a coach's step.
    assert coming_next(fw, make(tier=2)) == []


def test_the_plan_says_what_the_portfolio_holds_and_what_is_still_to_collect(fw: Framework) -> None:
    a = Assessment(pseudonym="Kit", date=date(2026, 2, 1), tier=1, ratings={
        "PC-02": Rating(level=0), "MF-12": Rating(level=1)})
    coverage = evidence_coverage(fw, [PortfolioEntry(2, date(2026, 1, 5), "recorded_session", ("PC-02",))],
                                 [fw.get("PC-02")])
    pc02, mf12 = development_plan(fw, a, coverage=coverage)
    assert pc02.gap.item.id == "PC-02" and pc02.gap.rating == Rating(level=0) and pc02.gap.rank == 1
    assert pc02.in_portfolio == ["Observed practice (in person or a recording made with the client's permission)"]
    assert pc02.to_collect == ["Line management supervision", "Health coaching supervision"]
    # An item the coverage does not list (here MF-12) shows no portfolio columns rather than empty ones.
    assert (mf12.in_portfolio, mf12.to_collect) == (None, None)


def test_an_unchanged_rating_is_counted_only_when_the_level_is_the_same(fw: Framework) -> None:
    # An improvement of two levels and a decline of one, so no count can be right by coincidence.
    old = make(when=date(2025, 12, 1), PC_01=1, PC_02=2, PC_03=3)
    new = make(when=date(2026, 3, 1), PC_01=3, PC_02=2, PC_03=2)
    c = compare(fw, old, new)
    assert c.later is new and c.earlier is old
    assert [(ch.item.id, ch.before, ch.after, ch.delta) for ch in c.changes] == [
        ("PC-01", 1, 3, 2), ("PC-02", 2, 2, 0), ("PC-03", 3, 2, -1)]
    assert (c.count("improved"), c.count("declined"), c.count("unchanged"), c.count("newly_rated")) == (1, 1, 1, 0)


def test_an_item_rated_only_before_shows_no_later_level(fw: Framework) -> None:
    c = compare(fw, make(when=date(2025, 12, 1), PC_01=2, CE_01=1), make(when=date(2026, 3, 1), PC_01=2))
    assert [(ch.item.id, ch.before, ch.after, ch.delta) for ch in c.changes] == [
        ("PC-01", 2, 2, 0), ("CE-01", 1, None, None)]


def test_area_means_list_every_area_rated_in_either_assessment_and_no_other(fw: Framework) -> None:
    c = compare(fw, make(when=date(2025, 12, 1), PC_01=2), make(when=date(2026, 3, 1), CE_01=3))
    assert [(area.key, before, after) for area, before, after in c.area_means] == [
        ("professional", 2.0, None), ("communication_enabling", None, 3.0)]


def test_two_assessments_on_the_same_day_keep_the_order_given(fw: Framework) -> None:
    first, second = make(PC_01=1), make(PC_01=2)
    c = compare(fw, first, second)
    assert (c.earlier, c.later) == (first, second) and c.count("improved") == 1


def test_an_earlier_file_dated_after_the_later_one_is_refused_naming_option_and_field(fw: Framework) -> None:
    with pytest.raises(InputError) as caught:
        compare(fw, make(when=date(2026, 3, 2)), make(when=date(2026, 3, 1)))
    assert (caught.value.path, caught.value.where, caught.value.problem) == (
        "--previous", "field date",
        "2026-03-02 is after the date of the self-assessment it is compared with (2026-03-01); "
        "give the older file after --previous (swap the two)")


def test_the_refusal_of_two_people_names_the_option_and_field(fw: Framework) -> None:
    with pytest.raises(InputError) as caught:
        compare(fw, make(who="Kit"), make(who="Alex"))
    assert (caught.value.path, caught.value.where, caught.value.problem) == (
        "--previous", "field pseudonym",
        "is 'Kit' but the newer file is 'Alex'; compare files of the same person")
