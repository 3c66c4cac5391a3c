"""The site in a browser that refuses site storage, as Chromium does when site data is blocked.

The profile's own setting blocks cookies and site data, so ``localStorage`` throws a
SecurityError just as it does for a person who blocks site data (some private windows
refuse it too). Every page must still read and work for the session, raise no script
error (the theme's colour-scheme scripts and Sphinx's search included), and the
self-check must say once that answers are not kept, and how to keep them in a file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT
from hwc_selfcheck.assessment.record import read_assessment
from tests.conftest import find_chromium, record_policy_violations
from tests.site.waiting import wait_until

PROFESSIONAL = "book/framework/professional.html"
SUMMARY = "book/self-assessment/my-self-assessment.html"
BOUNDARIES = "book/role/boundaries.html"
NOT_KEPT = "not letting the site keep data"


@pytest.fixture()
def refusing(browser, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A tab in a fresh Chromium profile whose settings block all site data; `errors` collects script errors."""
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    (profile / "Default" / "Preferences").write_text(json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}}))
    context = browser.browser_type.launch_persistent_context(
        str(profile), executable_path=find_chromium(), accept_downloads=True, viewport={"width": 1024, "height": 900},
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run"],
    )
    violations = record_policy_violations(context)
    tab = context.pages[0] if context.pages else context.new_page()
    tab.errors = []  # type: ignore[attr-defined]
    tab.on("pageerror", lambda error: tab.errors.append(f"{tab.url}: {error}"))  # type: ignore[attr-defined]
    yield tab
    context.close()
    assert not violations, f"the Content Security Policy refused: {violations}"


def test_storage_really_is_refused(refusing, site_url: str) -> None:
    refusing.goto(f"{site_url}/intro.html")
    assert refusing.evaluate("() => { try { sessionStorage.length; return 'kept'; } catch (e) { return e.name; } }") == "SecurityError"
    assert refusing.evaluate("localStorage.hwcMemory") is True, "the theme's script put its stand-in in place"


def test_every_kind_of_page_runs_without_a_script_error(refusing, site_url: str) -> None:
    refusing.goto(f"{site_url}/intro.html")
    toggle = refusing.locator(".theme-toggle:visible").first
    themes = []
    for _ in range(3):
        toggle.click()
        themes.append(refusing.evaluate("document.body.dataset.theme"))
    assert sorted(themes) == ["auto", "dark", "light"], "the colour scheme still changes, for this page"
    refusing.goto(f"{site_url}/search.html?q=contracting")
    refusing.wait_for_selector("#search-results li")
    refusing.click("#search-results li a")
    refusing.wait_for_load_state()
    for url in (f"{site_url}/{PROFESSIONAL}", f"{site_url}/{SUMMARY}", f"{site_url}/{BOUNDARIES}",
                f"{site_url}/book/self-assessment/knowledge-checks.html"):
        refusing.goto(url)
        refusing.wait_for_load_state("load")
    assert refusing.errors == []  # type: ignore[attr-defined]


def test_the_self_check_works_for_the_session_says_so_once_and_offers_a_file(refusing, site_url: str, tmp_path: Path, fw) -> None:
    refusing.goto(f"{site_url}/{PROFESSIONAL}")
    refusing.wait_for_selector("form.hwc-rate")
    assert refusing.locator(f".hwc-notice:has-text('{NOT_KEPT}')").count() == 1
    refusing.check("input[name='level-pc-01'][value='2']")
    refusing.fill("#note-pc-01", "Kept for now")
    refusing.press("#note-pc-01", "Tab")
    refusing.check("input[name='level-pc-02'][value='4']")
    assert "2 of 10" in refusing.text_content(".hwc-progress")
    assert "Kept on this page only" in refusing.text_content("#selfcheck-pc-01 .hwc-saved")
    spoken = refusing.locator(".hwc-visually-hidden[role=status]")
    wait_until(refusing, "document.querySelector('.hwc-visually-hidden[role=status]').textContent !== ''")
    assert spoken.text_content().startswith("Not saved: this browser is not letting the site keep data")
    with refusing.expect_download() as info:
        refusing.click(".hwc-notice >> text=Save my answers to a file")
    saved = tmp_path / "my-self-assessment.json"
    info.value.save_as(saved)
    record = read_assessment(saved, fw)
    assert {k: (v.level, v.note) for k, v in record.ratings.items()} == {"PC-01": (2, "Kept for now"), "PC-02": (4, "")}

    refusing.goto(f"{site_url}/{SUMMARY}")
    refusing.wait_for_selector(".hwc-summary[data-ready]")
    assert refusing.locator(f".hwc-notice:has-text('{NOT_KEPT}')").count() == 1
    refusing.set_input_files("#hwc-import", str(EXAMPLE_ASSESSMENT))
    refusing.wait_for_selector("ol.hwc-gaps li")
    refusing.fill("#hwc-pseudonym", "Kit")
    refusing.select_option("#hwc-tier", "2")
    assert "Tier 2" in refusing.text_content("table.hwc-table caption")
    assert refusing.errors == []  # type: ignore[attr-defined]


def test_knowledge_checks_work_for_the_session_and_say_so_once(refusing, site_url: str) -> None:
    refusing.goto(f"{site_url}/{BOUNDARIES}")
    assert refusing.locator(f".hwc-notice:has-text('{NOT_KEPT}')").count() == 1
    refusing.check("#kc-bnd-01-c")
    refusing.click("#kc-bnd-01 .hwc-quiz-check")
    assert refusing.inner_text("#kc-bnd-01-feedback").startswith("Right.")
    assert "You got 1 of 1 right first time." in refusing.inner_text("#hwc-quiz-book-role-boundaries-score")
    assert refusing.errors == []  # type: ignore[attr-defined]


def test_where_storage_is_kept_the_chosen_colour_scheme_is_remembered(page, site_url: str) -> None:
    page.goto(f"{site_url}/intro.html")
    assert page.evaluate("document.body.dataset.theme") == "auto"
    page.locator(".theme-toggle:visible").first.click()
    chosen = page.evaluate("document.body.dataset.theme")
    assert chosen in {"light", "dark"} and page.evaluate("localStorage.getItem('theme')") == chosen
    page.goto(f"{site_url}/{PROFESSIONAL}")
    assert page.evaluate("document.body.dataset.theme") == chosen
    assert page.evaluate("localStorage.hwcMemory") is None
