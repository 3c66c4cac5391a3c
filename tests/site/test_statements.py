"""The accessibility statement and the privacy notice: linked everywhere, and still true.

The statement's "how tested" figures are compared with what the tests run;
the privacy notice's promises are checked in a real browser (nothing is kept
until a person rates or answers, and every name kept is one the notice gives).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from hwc_selfcheck.site.statements import (
    ACCESSIBILITY_DOC,
    AUTOMATED_CHECKS,
    AXE_CORE_VERSION,
    AXE_RULES_RUN,
    DARK_SCHEME_PAGES,
    PRIVACY_DOC,
)
from tests.site.test_accessibility import all_pages
from tests.site.waiting import wait_until

REPO = Path(__file__).resolve().parents[2]
SAVING = "div.hwc-item[id], [data-hwc-summary], .hwc-quiz-set"  # where the browser keeps answers


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolves_to(page: Path, href: str, built: Path, doc: str) -> bool:
    path = href.split("#")[0]
    target = (page.parent / path).resolve() if path else page.resolve()  # "#": the page links to itself
    return target == (built / f"{doc}.html").resolve()


def test_every_page_footer_links_both_statements(built_book: Path) -> None:
    missing = []
    for rel in all_pages(built_book):
        if rel == "index.html":  # a redirect to intro.html
            continue
        page = built_book / rel
        footer = soup(page).select_one("footer p.hwc-statements")
        hrefs = [a["href"] for a in footer.select("a[href]")] if footer else []
        for doc in (ACCESSIBILITY_DOC, PRIVACY_DOC):
            if not any(resolves_to(page, h, built_book, doc) for h in hrefs):
                missing.append(f"{rel}: no footer link to {doc}")
    assert not missing, "\n".join(missing)


def test_every_place_that_saves_links_the_privacy_notice(built_book: Path) -> None:
    places, problems = 0, []
    for rel in all_pages(built_book):
        page = built_book / rel
        article = soup(page).select_one("article")
        if article is None or not article.select(SAVING):
            continue
        places += 1
        notes = article.select(".hwc-privacy-note a[href], .hwc-quiz-intro a[href]")
        if not any(resolves_to(page, a["href"], built_book, PRIVACY_DOC) for a in notes):
            problems.append(rel)
    assert places >= 8 and not problems, problems  # six rated areas, the summary and the quiz chapters


def statement_checks(built_book: Path) -> str:
    checks = soup(built_book / f"{ACCESSIBILITY_DOC}.html").select_one("article ul.hwc-accessibility-checks")
    return " ".join(checks.get_text(" ").split())


def test_statement_counts_the_pages_axe_checks(built_book: Path) -> None:
    text = statement_checks(built_book)
    stated = int(re.search(r"every page of the book \((\d+) pages\)", text).group(1))
    checked = [p for p in all_pages(built_book) if p != "index.html"]  # what test_axe_finds_nothing_on_any_page visits
    assert {"genindex.html", "search.html"} <= set(checked)  # Sphinx's own pages, named apart in the statement
    assert stated == len(checked) - 2
    assert f"dark colour scheme on {len(DARK_SCHEME_PAGES)} pages" in text
    assert all((built_book / rel).exists() for rel in DARK_SCHEME_PAGES)


def test_statement_names_the_axe_it_runs(page, site_url: str, built_book: Path) -> None:
    page.goto(f"{site_url}/intro.html")
    result = Axe().run(page).response
    ran = {rule["id"] for key in ("passes", "violations", "incomplete", "inapplicable") for rule in result[key]}
    assert (result["testEngine"]["version"], len(ran)) == (AXE_CORE_VERSION, AXE_RULES_RUN)
    text = statement_checks(built_book)
    assert f"axe-core {AXE_CORE_VERSION} runs the {AXE_RULES_RUN} rules" in text
    # The statement says the WCAG 2.2 target-size rule is not run: keep that true.
    assert "target-size" not in ran and "size of targets, new in WCAG 2.2, is not one of them" in text


@pytest.mark.parametrize("check", AUTOMATED_CHECKS, ids=lambda c: c.what[:40])
def test_every_check_in_the_statement_is_a_test_that_exists(check) -> None:  # type: ignore[no-untyped-def]
    for ref in check.tests:
        path, name = ref.split("::")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        assert callable(getattr(module, name, None)), f"{ref} is named in the accessibility statement but does not exist"


def test_statement_is_dated(built_book: Path) -> None:
    text = soup(built_book / f"{ACCESSIBILITY_DOC}.html").select_one("article").get_text(" ")
    assert re.search(r"prepared on \d{1,2} \w+ \d{4}\. It was last reviewed on\s+\d{1,2} \w+ \d{4}", " ".join(text.split()))


# --- the privacy notice's promises, in a browser ------------------------------

QUIET_PAGES = ("intro.html", "book/framework/professional.html", "book/self-assessment/my-self-assessment.html",
               "book/role/boundaries.html", "book/self-assessment/knowledge-checks.html", f"{PRIVACY_DOC}.html")


def kept(page) -> set[str]:  # type: ignore[no-untyped-def]
    return set(page.evaluate("Object.keys(localStorage)"))


def test_nothing_is_kept_until_the_person_asks(page, site_url: str) -> None:
    for rel in QUIET_PAGES:
        page.goto(f"{site_url}/{rel}")
        page.wait_for_load_state("load")
        assert kept(page) == set(), f"{rel} kept something before being asked"


def test_everything_kept_is_named_in_the_notice(page, site_url: str, built_book: Path) -> None:
    notice = soup(built_book / f"{PRIVACY_DOC}.html").select_one("article")
    named = {code.get_text() for code in notice.select("code")}
    page.goto(f"{site_url}/book/framework/professional.html")
    page.wait_for_selector("form.hwc-rate")
    page.check("input[name='level-pc-01'][value='2']")
    wait_until(page, "localStorage.getItem('hwc-selfcheck') !== null")
    page.goto(f"{site_url}/book/role/boundaries.html")
    page.check("#kc-bnd-01-c")
    page.click("#kc-bnd-01 button.hwc-quiz-check")
    wait_until(page, "localStorage.getItem('hwc-quiz') !== null")
    page.click(".theme-toggle >> visible=true")
    assert kept(page) == {"hwc-selfcheck", "hwc-quiz", "theme"}
    assert kept(page) <= named


def test_search_words_are_kept_only_until_the_next_page(page, site_url: str) -> None:
    page.goto(f"{site_url}/search.html?q=supervision")
    wait_until(page, "localStorage.getItem('sphinx_highlight_terms') === 'supervision'")
    page.goto(f"{site_url}/intro.html")
    page.wait_for_load_state("load")
    wait_until(page, "localStorage.getItem('sphinx_highlight_terms') === null")
    assert kept(page) == set()
