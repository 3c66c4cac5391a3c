"""The checklists: data with sources, figures from the rule data, saved ticks, printable pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework, load_framework_from
from hwc_selfcheck.practice.checklists import find_checklist, item_text, progress, read_ticks

TICKS = example_path("sam-checklists.json")


def test_both_checklists_are_in_the_data_with_sources(fw: Framework) -> None:
    assert [c.key for c in fw.rules.checklists] == ["induction", "employer_readiness"]
    for checklist in fw.rules.checklists:
        assert all(item.source_section for item in checklist.items)
    readiness = fw.rules.checklist("employer_readiness")
    shown = {i.show for i in readiness.items if i.show}
    assert {"supervision:line_management", "supervision:clinical", "supervision:health_coaching"} <= shown


def test_figures_come_from_the_rule_data(fw: Framework) -> None:
    readiness = {i.key: i for i in fw.rules.checklist("employer_readiness").items}
    assert fw.rules.supervision_kind("clinical").frequency in item_text(fw, readiness["clinical"])
    assert fw.rules.recording.code in item_text(fw, readiness["activity_code"])
    induction = {i.key: i for i in fw.rules.checklist("induction").items}
    assert "four-day health coaching training course" in item_text(fw, induction["pci_course"])


def test_line_keys_must_be_unique(data_copy: Path) -> None:
    path = data_copy / "rules.yml"
    path.write_text(path.read_text().replace("- key: course_funded", "- key: pci_course"))
    with pytest.raises(InputError, match="used more than once: pci_course"):
        load_framework_from(data_copy)


def test_progress_counts_only_expected_lines(fw: Framework) -> None:
    state = progress(fw, "induction", read_ticks(TICKS, fw))
    assert state.summary() == "Induction checklist for a new coach: 8 of 11 expected lines done, and 2 of 4 optional ones."
    assert [i.key for i in state.still_to_do] == ["patient_groups", "policy_context", "outcomes_and_boundaries"]
    assert progress(fw, "Employer readiness").checklist.key == "employer_readiness"


def test_unknown_checklist_suggests(fw: Framework) -> None:
    with pytest.raises(InputError, match="did you mean induction"):
        find_checklist(fw, "inducton")


@pytest.mark.parametrize("change, where, words", [
    ({"done": {"induction": ["pci_corse"]}}, "field done.induction.0", "did you mean pci_course"),
    ({"done": {"onboarding": []}}, "field done.onboarding", "is not a checklist"),
    ({"date": "2999-01-01"}, "field date", "in the future"),
])
def test_bad_ticks(fw: Framework, tmp_path: Path, change: dict, where: str, words: str) -> None:
    path = tmp_path / "ticks.json"
    path.write_text(json.dumps({**json.loads(TICKS.read_text()), **change}))
    with pytest.raises(InputError) as caught:
        read_ticks(path, fw)
    assert caught.value.where == where and words in caught.value.problem






def test_checklist_keys_must_be_unique(data_copy: Path) -> None:
    path = data_copy / "rules.yml"
    path.write_text(path.read_text().replace("- key: employer_readiness", "- key: induction"))
    with pytest.raises(InputError, match="checklists: each needs its own key"):
        load_framework_from(data_copy)
