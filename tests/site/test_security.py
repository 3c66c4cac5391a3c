"""Every page's Content Security Policy, and nothing inline for it to refuse.

Over the strict build: every page declares the policy before anything it
governs, and holds no inline script, event handler or style. In headless
Chromium, from the local server and from the folder (file://): no page, and
no search, makes the policy refuse anything, while a script or style slipped
into a page is refused. (Every other browser test's ``page`` fixture fails on
a violation too, so the self-check and knowledge-check flows are covered.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hwc_selfcheck.site.security import INLINE_PREFIX, SITE_POLICY
from tests.conftest import record_policy_violations

DATA_BLOCKS = {"application/json", "application/ld+json", "importmap"}


def all_pages(html: Path) -> list[Path]:
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.parts)


def inline_findings(html: Path, page: Path) -> list[str]:
    """What the policy would have to refuse in one page, as short descriptions."""
    doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    rel = page.relative_to(html)
    found = []
    policy = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    if policy is None or policy.get("content") != SITE_POLICY:
        found.append(f"{rel}: no policy, or not the site's: {policy}")
    else:
        earlier = policy.find_all_previous(["script", "style", "link", "img"])
        if earlier:
            found.append(f"{rel}: the policy comes after {earlier[0].name} elements it should govern")
    for script in doc.find_all("script"):
        if not script.get("src") and script.get("type") not in DATA_BLOCKS:
            found.append(f"{rel}: inline script {str(script)[:80]}")
    for tag in doc.find_all(True):
        handlers = [name for name in tag.attrs if name.lower().startswith("on")]
        if handlers:
            found.append(f"{rel}: event handler {handlers} on <{tag.name}>")
        if "style" in tag.attrs and "'unsafe-inline'" not in SITE_POLICY:
            found.append(f"{rel}: style attribute on <{tag.name}>: {tag['style']}")
    if doc.find("style") and "'unsafe-inline'" not in SITE_POLICY:
        found.append(f"{rel}: <style> element")
    return found


def test_policy_is_strict() -> None:
    directives = dict(d.strip().split(" ", 1) for d in SITE_POLICY.split(";"))
    assert directives["default-src"] == "'none'" and directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'" and directives["base-uri"] == "'none'"
    assert not any("unsafe" in value or "*" in value or "http" in value for value in directives.values())


def test_every_page_has_the_policy_and_nothing_inline(built_book: Path) -> None:
    pages = all_pages(built_book)
    assert len(pages) > 50
    findings = [line for page in pages for line in inline_findings(built_book, page)]
    assert not findings, "\n".join(findings)


def test_no_file_a_page_loads_is_missing(built_book: Path) -> None:
    missing = set()
    for page in all_pages(built_book):
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in doc.select("script[src], link[rel=stylesheet][href]"):
            target = (tag.get("src") or tag["href"]).split("?")[0]
            if not (page.parent / target).resolve().is_file():
                missing.add(f"{page.relative_to(built_book)} -> {target}")
    assert not missing, sorted(missing)


def test_thebe_settings_and_unused_toggle_settings_are_gone(built_book: Path) -> None:
    for page in all_pages(built_book):
        text = page.read_text(encoding="utf-8")
        assert "x-thebe-config" not in text and "binderOptions" not in text and "kernelName" not in text, page
        assert "toggleHint" not in text, page


def test_code_colours_are_in_the_code_stylesheet(built_book: Path) -> None:
    css = (built_book / "_static" / "pygments.css").read_text(encoding="utf-8")
    assert css.count("--color-code-background") == 3 and css.count("--color-code-foreground") == 3


def visit_all(tab, urls: list[str], start: str) -> None:  # type: ignore[no-untyped-def]
    for url in urls:
        tab.goto(url, wait_until="load")
        if url == start:  # the site's index.html sends the reader on to the first page
            tab.wait_for_url(lambda now: now != start)
            tab.wait_for_load_state("load")
    tab.evaluate("0")  # a round trip, so violations reported just before arrive first


def test_no_page_is_refused_anything_from_the_server(page, site_url: str, built_book: Path) -> None:
    # The `page` fixture fails the test on any violation; this visits every page.
    visit_all(page, [f"{site_url}/{p.relative_to(built_book).as_posix()}" for p in all_pages(built_book)],
              f"{site_url}/index.html")
    assert page.evaluate("document.body.dataset.theme") == "auto"


def test_no_page_is_refused_anything_from_a_folder(browser, built_book: Path) -> None:
    context = browser.new_context()
    violations = record_policy_violations(context)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    visit_all(tab, [p.as_uri() for p in all_pages(built_book)], (built_book / "index.html").as_uri())
    tab.goto((built_book / "book" / "framework" / "professional.html").as_uri())
    tab.wait_for_selector("form.hwc-rate")  # scripts from the folder ran
    context.close()
    assert not violations, violations
    assert not errors, errors


@pytest.mark.parametrize("opened_as", ["server", "folder"])
def test_search_from_a_page_runs_under_the_policy(browser, site_url: str, built_book: Path, opened_as: str) -> None:
    context = browser.new_context()
    violations = record_policy_violations(context)
    tab = context.new_page()
    start = f"{site_url}/intro.html" if opened_as == "server" else (built_book / "intro.html").as_uri()
    tab.goto(start)
    tab.fill("input.sidebar-search", "supervision")
    tab.press("input.sidebar-search", "Enter")  # the form posts to search.html: form-action 'self'
    tab.wait_for_selector("#search-results ul.search li")
    assert "search.html" in tab.url
    tab.wait_for_load_state("networkidle")
    tab.evaluate("0")
    context.close()
    assert not violations, violations


def test_the_policy_refuses_a_slipped_in_script_and_style(page, site_url: str) -> None:
    page.goto(f"{site_url}/intro.html")
    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.slippedIn = true";
        document.body.append(script);
        document.querySelector("h1").setAttribute("style", "color: red");
        const img = document.createElement("img");
        img.src = "https://example.org/pixel.png";
        document.body.append(img);
    }""")
    page.wait_for_function("document.readyState === 'complete'")
    page.evaluate("0")
    violations = page.policy_violations  # type: ignore[attr-defined]
    assert page.evaluate("window.slippedIn") is None
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).color") != "rgb(255, 0, 0)"
    assert {v["directive"] for v in violations} >= {"script-src-elem", "style-src-attr", "img-src"}
    violations.clear()  # expected here, so the fixture's own check passes


@pytest.mark.parametrize("stored, expected", [("dark", "dark"), ("light", "light"), (None, "auto")])
def test_theme_choice_is_applied_by_the_theme_file(page, site_url: str, stored: str, expected: str) -> None:
    page.goto(f"{site_url}/intro.html")
    if stored:
        page.evaluate(f"localStorage.setItem('theme', '{stored}')")
    page.reload()
    assert page.evaluate("document.body.dataset.theme") == expected


def test_theme_file_keeps_working_when_storage_is_refused(browser, site_url: str) -> None:
    context = browser.new_context()
    context.add_init_script("""Object.defineProperty(window, "localStorage", {
        get() { throw new DOMException("The user refused storage", "SecurityError"); } });""")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(error.stack or str(error)))
    tab.goto(f"{site_url}/intro.html")
    # The theme file put its stand-in kept in memory where the browser refused storage (see hwc-theme.js).
    assert tab.evaluate("(() => { try { return localStorage.hwcMemory === true; } catch (e) { return e.name; } })()") is True
    assert tab.evaluate("document.body.dataset.theme") == "auto"
    context.close()
    assert not [e for e in errors if "hwc-theme.js" in e], errors


def build_small_site(tmp_path: Path, page: str) -> subprocess.CompletedProcess:
    """A one-page Sphinx site (reStructuredText) with furo, sphinx-togglebutton and this extension, built strictly."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('project = "Small"\nextensions = ["sphinx_togglebutton", "hwc_selfcheck.site"]\n'
                                 'html_theme = "furo"\n', encoding="utf-8")
    (src / "index.rst").write_text("Small\n=====\n\n" + page, encoding="utf-8")
    build = Path(sys.executable).with_name("sphinx-build")
    return subprocess.run([str(build), "-q", "-W", "-b", "html", str(src), str(tmp_path / "out")],
                          capture_output=True, text=True)


def test_an_extensions_inline_script_is_moved_to_a_file(tmp_path: Path, browser) -> None:
    """A page with a toggle needs sphinx-togglebutton's settings: they arrive as files."""
    result = build_small_site(tmp_path, ".. toggle::\n\n   Hidden words.\n")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    assert not inline_findings(out, out / "index.html")
    moved = [p.read_text(encoding="utf-8") for p in (out / "_static").glob(f"{INLINE_PREFIX}*.js")]
    assert "let toggleHintShow = 'Click to show';\nlet toggleHintHide = 'Click to hide';\n" in "".join(moved)

    context = browser.new_context()
    violations = record_policy_violations(context)
    tab = context.new_page()
    tab.goto((out / "index.html").as_uri())
    summary = tab.wait_for_selector("summary.toggle-details__summary")  # togglebutton.js read its settings
    assert summary.text_content().strip() == "Click to show" and not tab.is_visible("text=Hidden words.")
    summary.click()
    tab.wait_for_selector("text=Hidden words.", state="visible")
    assert summary.text_content().strip() == "Click to hide"
    tab.evaluate("0")
    context.close()
    assert not violations, violations


TABLE = ".. list-table::\n   :header-rows: 1\n   :widths: {widths}\n\n   * - A\n     - B\n   * - 1\n     - 2\n"


def test_column_widths_become_classes(tmp_path: Path) -> None:
    result = build_small_site(tmp_path, TABLE.format(widths="3 7"))
    assert result.returncode == 0, result.stderr
    doc = BeautifulSoup((tmp_path / "out" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [th["class"] for th in doc.select("table th")] == [["head", "hwc-w30"], ["head", "hwc-w70"]]
    assert not doc.select("col, colgroup, [style]")


def test_column_widths_off_the_five_per_cent_steps_fail_the_build(tmp_path: Path) -> None:
    result = build_small_site(tmp_path, TABLE.format(widths="1 2"))
    assert result.returncode != 0 and "column width 33.3% is not a multiple of 5%" in result.stderr
