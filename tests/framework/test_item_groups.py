"""The groups of items as a person sees them, found by title, key or ID prefix."""

from __future__ import annotations

import pytest

from hwc_selfcheck.framework.item_groups import find_group, item_groups, suggest_group
from hwc_selfcheck.framework.loader import Framework


def test_the_general_capabilities_are_a_group_of_their_own(fw: Framework) -> None:
    groups = item_groups(fw)
    assert [g.code for g in groups] == ["PC", "GC", "CE", "MF", "GW", "AM", "SS"]
    assert sum(len(g.items) for g in groups) == len(fw.items)
    assert all(i.id.startswith(g.code) for g in groups for i in g.items)


@pytest.mark.parametrize("name, code", [
    ("Professional competencies", "PC"), ("professional", "PC"), ("pc", "PC"), ("General capabilities", "GC"),
    ("general_capabilities", "GC"), ("GC", "GC"), ("communication enabling", "CE"), ("Communication-Enabling", "CE"),
    ("Models and frameworks", "MF"), ("supervision", "SS"), ("  group   work ", "GW"),
])
def test_a_group_is_found_by_any_name_a_person_may_use(fw: Framework, name: str, code: str) -> None:
    found = find_group(fw, name)
    assert found is not None and found.code == code


def test_a_near_miss_is_suggested_and_nonsense_is_not(fw: Framework) -> None:
    assert find_group(fw, "profesional") is None
    assert suggest_group(fw, "profesional").code == "PC"  # type: ignore[union-attr]
    assert suggest_group(fw, "xyz") is None
