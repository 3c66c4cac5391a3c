"""A checklist as a page to print: self-contained, with the person's ticks."""

from __future__ import annotations

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.practice.checklists import progress, read_ticks
from hwc_selfcheck.render.checklist_page import checklist_html

TICKS = example_path("sam-checklists.json")


def test_printable_page_is_self_contained(fw: Framework) -> None:
    page = checklist_html(fw, progress(fw, "induction", read_ticks(TICKS, fw)))
    assert page.startswith("<!DOCTYPE html>") and "@page { size: A4" in page
    assert "http://" not in page and "https://" not in page
    assert page.count("<tr><td>") == 15 and page.count(">Done</td>") == 10
