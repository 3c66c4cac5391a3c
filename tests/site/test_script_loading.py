"""Script files load with ``defer`` (hwc_selfcheck/site/script_loading.py), and the pages still work.

The theme's script still switches colour schemes, and the search page (whose
scripts are not deferred) still finds pages.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from bs4 import BeautifulSoup

from hwc_selfcheck.site.script_loading import JOINED, SPHINX_SCRIPTS, defer_scripts, join_sphinx_scripts
from tests.site.waiting import wait_until

class JavaScript:
    """A script as Sphinx lists it in ``script_files`` (its own class is private): a file name and attributes."""

    def __init__(self, filename: object, priority: int = 500, **attributes: str) -> None:
        self.filename, self.priority, self.attributes = filename, priority, attributes


THEME = "hwc-theme.js"  # in the page's body, read at once so the colour scheme is set before anything is drawn


def scripts(page: Path) -> list:  # type: ignore[type-arg]
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("script", src=True)


def deferred(script_files: list) -> list[str]:  # type: ignore[type-arg]
    context = {"script_files": script_files}
    defer_scripts(SimpleNamespace(), "page", "page.html", context, None)
    return [str(getattr(s, "filename", s)) for s in context["script_files"] if "defer" in getattr(s, "attributes", {})]


def test_only_scripts_after_the_last_one_that_runs_at_once_are_deferred() -> None:
    assert deferred([JavaScript("a.js"), JavaScript("b.js", defer="defer")]) == ["a.js", "b.js"]
    moved_inline = "_static/hwc-inline-0123abcd.js"  # security.py names a moved inline script by its path
    assert deferred([JavaScript("a.js"), moved_inline, JavaScript("c.js")]) == ["c.js"]
    assert deferred([JavaScript("a.js"), JavaScript(None, body="x=1"), JavaScript("d.js")]) == ["d.js"]


def test_sphinx_scripts_listed_one_after_another_load_as_one_file() -> None:
    listed = [JavaScript("_static/first.js"), *(JavaScript(name) for name in SPHINX_SCRIPTS), JavaScript("_static/furo.js")]
    context = {"script_files": listed}
    join_sphinx_scripts(SimpleNamespace(), "page", "page.html", context, None)
    assert [s.filename for s in context["script_files"]] == ["_static/first.js", JOINED, "_static/furo.js"]
    apart = [JavaScript(SPHINX_SCRIPTS[0]), JavaScript("_static/other.js"), *(JavaScript(n) for n in SPHINX_SCRIPTS[1:])]
    context = {"script_files": apart}
    join_sphinx_scripts(SimpleNamespace(), "page", "page.html", context, None)
    assert context["script_files"] == apart  # not one after another: left alone, so nothing runs out of order


def test_the_joined_file_holds_the_three_in_order(built_book: Path) -> None:
    joined = (built_book / JOINED).read_text(encoding="utf-8")
    starts = [joined.index((built_book / name).read_text(encoding="utf-8").strip()[:200]) for name in SPHINX_SCRIPTS]
    assert starts == sorted(starts) and starts[0] == 0
    page = [s["src"] for s in scripts(built_book / "intro.html")]
    assert any(JOINED.split("/")[-1] in src for src in page)
    assert not any(name.split("/")[-1] in src for name in SPHINX_SCRIPTS for src in page)


def test_every_script_file_is_deferred_except_on_the_search_page(built_book: Path) -> None:
    for rel in ("intro.html", "book/framework/professional.html", "notebooks/my-development-plan.html"):
        found = [s for s in scripts(built_book / rel) if THEME not in s["src"]]
        assert found and all(s.has_attr("defer") for s in found), rel
    assert not any(s.has_attr("defer") for s in scripts(built_book / "search.html") if THEME not in s["src"])


def test_theme_switch_and_search_still_work(page, site_url: str) -> None:
    page.goto(f"{site_url}/intro.html")
    before = page.evaluate("document.body.dataset.theme")
    page.locator(".content-icon-container .theme-toggle").first.click()
    assert page.evaluate("document.body.dataset.theme") != before
    page.goto(f"{site_url}/search.html?q=supervision")
    wait_until(page, "() => document.querySelectorAll('#search-results li a').length > 3")
