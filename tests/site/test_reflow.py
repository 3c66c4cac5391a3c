"""Every page reads at 320 CSS pixels wide without scrolling sideways (WCAG 1.4.10 Reflow).

A table or a code block wider than the phone may scroll inside its own box;
the page and its content column may not, and every box that does scroll
sideways takes the keyboard focus, so it can be scrolled without a mouse
(WCAG 2.1.1). Checked on every page after its scripts have run, and again on
the pages whose tables the scripts fill from saved answers, with answers in them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT
from tests.site.test_accessibility import all_pages
from tests.site.waiting import wait_until

WIDTH = 320

# What is wrong with the page at this width, in words: the page or the content column wider than the
# screen, anything in the article that reaches past the screen's right edge outside a box that scrolls
# sideways, and any box that scrolls sideways (because its content is wider) but cannot take the focus.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, found = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const scrolls = (el) => /auto|scroll/.test(getComputedStyle(el).overflowX);
  if (document.documentElement.scrollWidth > width) found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  const column = document.querySelector('.content');
  if (column && column.scrollWidth > column.clientWidth) found.push(`the content column is ${column.scrollWidth} px wide`);
  const article = document.querySelector('article') || document.body;
  for (const el of article.querySelectorAll('*')) {
    if (scrolls(el) && el.scrollWidth > el.clientWidth + 1 && !(el.tabIndex >= 0 && el.hasAttribute('tabindex')))
      found.push(`${name(el)} scrolls sideways but takes no keyboard focus`);
    const box = el.getBoundingClientRect();
    if (!box.width || box.right <= width + 0.5) continue;
    let up = el.parentElement, inBox = false;
    for (; up && up !== article.parentElement; up = up.parentElement) {
      if (scrolls(up)) { inBox = true; break; }
    }
    if (!inBox) found.push(`${name(el)} reaches ${Math.round(box.right)} px`);
  }
  return found.slice(0, 5);
}"""


@pytest.fixture()
def phone(browser, site_url: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": WIDTH, "height": 640})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site_url) else route.abort())
    yield context.new_page()
    context.close()


def test_no_page_is_wider_than_a_320_px_screen(phone, site_url: str, built_book: Path) -> None:
    problems = []
    for rel in all_pages(built_book):
        if rel == "index.html":  # forwards to intro.html at once
            continue
        phone.goto(f"{site_url}/{rel}")
        if found := phone.evaluate(OVERFLOW):
            problems.append(f"{rel}: " + "; ".join(found))
    assert not problems, "\n".join(problems)


def test_filled_in_summaries_fit_a_320_px_screen(phone, site_url: str) -> None:
    phone.goto(f"{site_url}/book/self-assessment/my-self-assessment.html")
    phone.set_input_files("#hwc-import", str(EXAMPLE_ASSESSMENT))
    phone.wait_for_selector("ol.hwc-gaps li")
    assert phone.locator("table.hwc-table").count() > 0
    assert phone.evaluate(OVERFLOW) == []
    phone.goto(f"{site_url}/book/self-assessment/knowledge-checks.html")
    phone.wait_for_selector("table.hwc-quiz-summary .hwc-quiz-right")
    assert phone.evaluate(OVERFLOW) == []
    box = phone.locator("table.hwc-quiz-summary").locator("xpath=..")  # the table scrolls in its box, by keyboard too
    box.focus()
    phone.keyboard.press("ArrowRight")
    wait_until(phone, "box => box.scrollLeft > 0", arg=box.element_handle())
