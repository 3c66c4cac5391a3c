"""The checklist form in a notebook: saves, merges with other checklists, keeps a broken file aside."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.notebook.checklist_form import ChecklistForm
from hwc_selfcheck.practice.checklists import read_ticks

TICKS = example_path("sam-checklists.json")


def test_form_saves_merges_and_keeps_a_broken_file(fw: Framework, tmp_path: Path) -> None:
    path = tmp_path / "ticks.json"
    form = ChecklistForm("induction", path, fw)
    form.boxes["pci_course"].value = True
    form.save(today=date(2026, 3, 1))
    other = ChecklistForm("employer_readiness", path, fw)
    other.boxes["purpose"].value = True
    other.save(today=date(2026, 3, 2))
    assert read_ticks(path, fw).done == {"induction": ["pci_course"], "employer_readiness": ["purpose"]}
    assert ChecklistForm("induction", path, fw).boxes["pci_course"].value is True
    path.write_text('{"format": "hwc-selfcheck/checklists", "sche')
    broken = ChecklistForm("induction", path, fw)
    assert broken.problem and "not loaded" in broken.status.value
    broken.save(today=date(2026, 3, 3))
    kept = [p for p in tmp_path.iterdir() if ".kept-" in p.name]
    assert len(kept) == 1 and kept[0].read_text().endswith('"sche')
    assert read_ticks(path, fw).done == {"induction": []}
