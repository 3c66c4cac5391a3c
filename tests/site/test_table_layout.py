"""Tables read right on a phone (375 px) and on a desktop (1280 px): no word breaks, no sideways page.

A word may wrap after a hyphen or a slash ("self-" / "directed"), as in
print, but never anywhere else; an item ID ("PC-10") or a number never wraps
at all. A table wider than the screen scrolls inside its own box, so the
page itself never scrolls sideways. Checked on every page of the book that
has a table, on the in-browser summaries once they are filled in, and on
every HTML report the package writes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT, example_assessment, example_path, example_previous
from hwc_selfcheck.framework.loader import Framework
from tests.site.waiting import wait_until

WIDTHS = (375, 1280)

# For every word in every table cell: the line boxes of each piece between allowed breaks.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll("table th, table td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const words = /\\S+/g;
      let m;
      while ((m = words.exec(node.data))) {
        const word = m[0];
        const whole = /^[A-Z]{2}-\\d{2}\\W?$/.test(word) || /^[\\d.,\\/:%-]+$/.test(word);
        let offset = m.index;
        for (const piece of whole ? [word] : word.split(/(?<=[-\\/])/)) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + piece.length);
          offset += piece.length;
          const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
          if (lines.size > 1) broken.push(word);
        }
      }
    }
  }
  return {broken: broken, sideways: document.documentElement.scrollWidth > window.innerWidth,
          tables: document.querySelectorAll("table").length};
}"""


@pytest.fixture()
def sized(browser, site_url: str):  # type: ignore[no-untyped-def]
    """A fresh page at a given width that may only talk to the local site."""
    contexts = []

    def make(width: int):  # type: ignore[no-untyped-def]
        context = browser.new_context(viewport={"width": width, "height": 800})
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith((site_url, "data:", "about:"))
                      else route.abort())
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def problems(page, label: str) -> list[str]:  # type: ignore[no-untyped-def]
    found = page.evaluate(BROKEN_WORDS)
    out = []
    if found["broken"]:
        out.append(f"{label}: words broken inside themselves: {found['broken'][:8]}")
    if found["sideways"]:
        out.append(f"{label}: the page scrolls sideways")
    return out


def pages_with_tables(html: Path) -> list[str]:
    return sorted(str(p.relative_to(html)) for p in html.rglob("*.html")
                  if "_static" not in p.parts and p.name != "genindex.html" and "<table" in p.read_text())


@pytest.mark.parametrize("width", WIDTHS)
def test_book_tables_never_break_a_word(sized, site_url: str, built_book: Path, width: int) -> None:
    page = sized(width)
    rels = pages_with_tables(built_book)
    assert len(rels) > 20 and "notebooks/my-development-plan.html" in rels and "book/role/boundaries.html" in rels
    found = []
    for rel in rels:
        page.goto(f"{site_url}/{rel}")
        found += problems(page, f"{rel} at {width} px")
    assert not found, "\n".join(found)


def test_boxes_that_scroll_can_be_reached_by_keyboard_and_are_named(sized, site_url: str, built_book: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    rules = {"runOnly": {"type": "rule", "values": ["scrollable-region-focusable", "landmark-unique",
                                                       "aria-allowed-role", "region"]}}
    page = sized(320)  # the narrowest screen the site is made for
    found = []
    for rel in pages_with_tables(built_book):
        page.goto(f"{site_url}/{rel}")
        result = Axe().run(page, options=rules)
        found += [f"{rel}: {v['id']} at {[n['target'] for n in v['nodes'][:3]]}" for v in result.response["violations"]]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_filled_in_summaries_never_break_a_word(sized, site_url: str, width: int) -> None:
    page = sized(width)
    page.goto(f"{site_url}/book/self-assessment/my-self-assessment.html")
    page.wait_for_selector(".hwc-summary[data-ready]")
    page.set_input_files("#hwc-import", str(EXAMPLE_ASSESSMENT))
    page.wait_for_selector("ol.hwc-gaps li")
    assert page.locator(".hwc-summary table.hwc-table th").all_inner_texts()[:2] == ["Area", "Items expected"]
    found = problems(page, f"my self-assessment at {width} px")
    page.goto(f"{site_url}/book/role/boundaries.html")
    page.check("#kc-bnd-01-c")
    page.click("#kc-bnd-01 .hwc-quiz-check")
    page.goto(f"{site_url}/book/self-assessment/knowledge-checks.html")
    page.wait_for_selector(".hwc-quiz-summary td")
    found += problems(page, f"knowledge checks summary at {width} px")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width", WIDTHS)
def test_my_portfolio_tables_never_break_a_word(sized, site_url: str, width: int) -> None:
    page = sized(width)
    page.goto(f"{site_url}/book/portfolio/index.html")
    page.wait_for_selector("[data-hwc-portfolio][data-ready]")
    page.click("text=Try with example data")
    page.wait_for_selector("text=Remove the example data")
    found = []
    for name in ("hours", "supervision", "training", "evidence", "evidence-map", "summary"):
        page.goto(f"{site_url}/book/portfolio/{name}.html")
        # Each page builds its tables after loading its bundle: give a busy machine time (it timed out at 30 s
        # twice under a load average of about 16, and never on a quieter one).
        page.wait_for_selector("[data-hwc-portfolio][data-ready] table", timeout=90_000)
        found += problems(page, f"my portfolio, {name}, at {width} px")
    assert not found, "\n".join(found)


def test_the_summary_table_box_on_my_self_assessment_is_reached_by_keyboard_and_named(sized, site_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = sized(320)
    page.goto(f"{site_url}/book/self-assessment/my-self-assessment.html")
    page.wait_for_selector(".hwc-summary[data-ready]")
    page.set_input_files("#hwc-import", str(EXAMPLE_ASSESSMENT))
    page.wait_for_selector("ol.hwc-gaps li")
    box = page.locator(".hwc-summary .hwc-table-box")
    assert box.evaluate("b => [b.getAttribute('role'), b.getAttribute('tabindex'), b.getAttribute('aria-label'), "
                        "b.firstElementChild.tagName]") == ["region", "0", "Table: Your progress at Tier 1", "TABLE"]
    assert box.evaluate("b => b.scrollWidth > b.clientWidth"), "at 320 px the table scrolls inside its box"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, "and the page does not scroll sideways"
    page.focus("#hwc-tier")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('hwc-table-box')")
    page.keyboard.press("ArrowRight")
    wait_until(page, "() => document.querySelector('.hwc-table-box').scrollLeft > 0")
    rules = {"runOnly": {"type": "rule", "values": ["scrollable-region-focusable", "aria-allowed-role", "region",
                                                     "landmark-unique", "nested-interactive"]}}
    result = Axe().run(page, options=rules)
    assert not result.violations_count, result.generate_report()


def reports(fw: Framework, tmp_path: Path) -> dict[str, str]:
    """Every HTML report the package writes, on the example data."""
    from hwc_selfcheck.practice.checklists import progress, read_ticks
    from hwc_selfcheck.providers.cohort import load_cohort
    from hwc_selfcheck.providers.course import read_course
    from hwc_selfcheck.providers.course_map import map_course
    from hwc_selfcheck.quiz.bank import load_questions
    from hwc_selfcheck.render.assessment_report import build_report, render_html
    from hwc_selfcheck.render.checklist_page import checklist_html
    from hwc_selfcheck.render.cohort_report import render_html as cohort_html
    from hwc_selfcheck.render.course_report import render_html as course_html
    from hwc_selfcheck.render.question_sheet import questions_as_sheet

    cohort = load_cohort(example_path("cohort/september-2026"), fw)
    earlier = load_cohort(example_path("cohort/march-2026"), fw)
    return {
        "self-assessment report": render_html(build_report(fw, example_assessment(), example_previous())),
        "cohort report": cohort_html(fw, cohort, earlier),
        "course map": course_html(fw, map_course(fw, read_course(example_path("four-day-course.csv"), fw)), "map.csv"),
        "checklist page": checklist_html(fw, progress(fw, "induction", read_ticks(example_path("sam-checklists.json"), fw))),
        "question sheet": questions_as_sheet(list(load_questions().sets)[:2], fw),
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_report_tables_never_break_a_word(sized, fw: Framework, tmp_path: Path, width: int) -> None:
    page = sized(width)
    found = []
    for name, html in reports(fw, tmp_path).items():
        page.set_content(html)
        assert page.evaluate(BROKEN_WORDS)["tables"] or name == "question sheet", name
        found += problems(page, f"{name} at {width} px")
    assert not found, "\n".join(found)


def test_a_wide_report_table_scrolls_in_its_own_box_on_a_phone(sized, fw: Framework, tmp_path: Path) -> None:
    page = sized(375)
    page.set_content(reports(fw, tmp_path)["self-assessment report"])
    box = page.locator("#development-plan ~ .table-scroll").first
    sizes = box.evaluate("b => [b.scrollWidth, b.clientWidth, getComputedStyle(b).overflowX]")
    assert sizes[0] > sizes[1] and sizes[2] == "auto"  # the plan's seven columns scroll, the page does not
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
