"""The course map's rules: what training is expected to give, gap ranking and claims to check."""

from __future__ import annotations

from fractions import Fraction

import pytest

from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.providers.course import Course, Session
from hwc_selfcheck.providers.course_map import (
    employer_training,
    expected_through_training,
    map_course,
    share_band,
    training_share,
    training_ways,
)


def course(*sessions: tuple[int, tuple[str, ...]]) -> Course:
    return Course("test", tuple(Session(n + 2, day, f"S{n}", "Outcome", ids, "face_to_face") for n, (day, ids) in enumerate(sessions)))


def test_training_share_counts_the_named_ways(fw: Framework) -> None:
    assert training_share(fw, fw.get("PC-01")) == 1  # face-to-face training, e-learning
    assert training_share(fw, fw.get("PC-03")) == Fraction(1, 3)  # training discussion, peer groups, supervision
    assert training_share(fw, fw.get("PC-04")) == 0  # first six months of practice
    assert training_share(fw, fw.get("SS-01")) == 0  # supervisor standards name no way at all
    assert training_ways(fw, fw.get("GW-01")) == (2, 4) and training_share(fw, fw.get("GW-01")) == Fraction(1, 2)


def test_expected_through_training_is_tier_1_competencies_with_a_training_route(fw: Framework) -> None:
    expected = {i.id for i in expected_through_training(fw)}
    routes = fw.vocabulary.gained_through
    for item in fw.items:
        has_training = any(routes[t].route == "training" for t in item.gained_through)
        assert (item.id in expected) == (item.kind == "competency" and item.min_tier == 1 and has_training), item.id
    assert {"PC-01", "MF-12"} <= expected and not {"PC-04", "PC-08", "GW-01", "AM-01"} & expected
    # the general capabilities name mandatory training, a training route, but the employer gives it (appendix 2, s. 1)
    assert all(training_share(fw, i) == 1 for i in employer_training(fw))
    assert not {i.id for i in employer_training(fw)} & expected and len(employer_training(fw)) == 16


@pytest.mark.parametrize(
    "share, band",
    [(Fraction(1), "Only through training"), (Fraction(2, 3), "Mostly through training"),
     (Fraction(1, 2), "Half through training"), (Fraction(1, 3), "Partly through training")],
)
def test_share_bands(share: Fraction, band: str) -> None:
    assert share_band(share) == band


def test_gaps_rank_by_share_then_framework_order(fw: Framework) -> None:
    everything_but = {i.id for i in expected_through_training(fw)} - {"PC-03", "PC-02", "MF-04", "MF-12", "PC-10"}
    cmap = map_course(fw, course((1, tuple(sorted(everything_but)))))
    assert [g.coverage.item.id for g in cmap.gaps] == ["PC-10", "MF-12", "MF-04", "PC-02", "PC-03"]
    assert [g.rank for g in cmap.gaps] == [1, 2, 3, 4, 5]
    assert [g.band for g in cmap.gaps] == ["Only through training"] * 2 + [
        "Mostly through training", "Half through training", "Partly through training"]


def test_claims_outside_training_later_tiers_and_empty_sessions(fw: Framework) -> None:
    cmap = map_course(fw, course((1, ("PC-01", "PC-04")), (2, ("AM-16", "GW-04", "SS-02")), (2, ())))
    assert [r.item.id for r in cmap.outside_training] == ["PC-04", "GW-04", "SS-02"]
    assert [r.item.id for r in cmap.later_tiers] == ["AM-16"]
    assert [s.row for s in cmap.without_items] == [4]
    statuses = {r.item.id: cmap.status(r) for r in cmap.rows}
    assert statuses["PC-01"] == "covered" and statuses["PC-04"] == "outside_training"
    assert statuses["AM-16"] == "later_tier" and statuses["GW-04"] == "outside_training" and statuses["PC-02"] == "gap"


def test_rows_hold_every_expected_item_and_every_claim_in_framework_order(fw: Framework) -> None:
    cmap = map_course(fw, course((3, ("AM-16",)), (1, ("CE-02",)), (3, ("CE-02",))))
    order = [i.id for i in fw.items]
    ids = [r.item.id for r in cmap.rows]
    assert ids == sorted(ids, key=order.index)
    assert set(ids) == {i.id for i in expected_through_training(fw)} | {"AM-16"}
    ce02 = next(r for r in cmap.rows if r.item.id == "CE-02")
    assert [s.day for s in ce02.on_day(3)] == [3] and ce02.on_day(2) == []


def test_general_capabilities_are_the_employers_not_gaps(fw: Framework) -> None:
    cmap = map_course(fw, course((1, ("PC-01", "GC-01", "GC-02"))))
    by_title = {a.title: (a.expected, a.covered) for a in cmap.areas}
    assert "General capabilities" not in by_title and by_title["Professional competencies"][1] == 1
    assert sum(e for e, _ in by_title.values()) == len(cmap.expected) and cmap.covered_expected == 1
    assert not any(g.coverage.item.kind == "general_capability" for g in cmap.gaps)
    assert [r.item.id for r in cmap.employer_touched] == ["GC-01", "GC-02"] and cmap.employer_total == 16
    assert {cmap.status(r) for r in cmap.employer_touched} == {"employer_training"}
    assert cmap.later_tiers == [] and cmap.outside_training == []
    untouched = map_course(fw, course((1, ("PC-01",))))
    assert untouched.employer_touched == [] and not any(r.item.kind == "general_capability" for r in untouched.rows)


def test_each_area_counts_its_expected_competencies_and_those_the_course_covers(fw: Framework) -> None:
    mapped = course((1, ("PC-01", "CE-02", "CE-03")))
    cmap = map_course(fw, mapped)
    assert cmap.course is mapped
    assert [(a.title, a.expected, a.covered) for a in cmap.areas] == [
        ("Professional competencies", 5, 1), ("Communication and enabling skills", 10, 2), ("Models and frameworks", 12, 0)]
    assert (len(cmap.expected), cmap.covered_expected, len(cmap.gaps)) == (27, 3, 24)
