"""The in-browser self-check, in headless Chromium against the built site.

Covers the issue's journey: rate with the keyboard, reload and keep, export a
file the package accepts, import it in a fresh browser profile, refuse a
corrupt import without touching saved answers, clear; plus gap order shared
with Python, kept-aside answers after an item disappears, and no-JS reading.
"""

from __future__ import annotations

import json
from pathlib import Path

from hwc_selfcheck.assessment.analysis import gaps, summarise
from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT
from hwc_selfcheck.assessment.record import read_assessment
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.site.selfcheck import items_payload

PROFESSIONAL = "book/framework/professional.html"
SUMMARY = "book/self-assessment/my-self-assessment.html"
STATIC = Path(__file__).resolve().parents[2] / "hwc_selfcheck" / "site" / "static"


def status_says(page, pattern: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page's live region announces text matching the pattern."""
    page.wait_for_function(
        "p => /" + pattern + "/.test((document.querySelector('.hwc-visually-hidden[role=status]') || {}).textContent || '')",
        arg=None,
    )


def stored(page) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(page.evaluate("localStorage.getItem('hwc-selfcheck')") or "{}")


def open_ready(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.wait_for_selector("form.hwc-rate, .hwc-summary[data-ready]")


def test_budget_of_own_js_and_css() -> None:
    files = ["hwc.js", "hwc-rules.js", "hwc-forms.js", "hwc-summary.js", "hwc.css"]
    assert sum((STATIC / name).stat().st_size for name in files) < 30 * 1024


def test_items_file_matches_the_package(built_book: Path, fw: Framework) -> None:
    script = (built_book / "_static" / "hwc-items.js").read_text()
    assert script.startswith("window.HWC_ITEMS = ") and script.endswith(";\n")
    shipped = json.loads(script[len("window.HWC_ITEMS = "):-2])
    assert [i["id"] for i in shipped["items"]] == [i.id for i in fw.items]
    assert shipped["items"][0]["url"] == "book/framework/professional.html#pc-01"
    assert shipped["levels"] == items_payload(fw, {})["levels"]


def test_rate_by_keyboard_reload_and_keep(page, site_url: str) -> None:
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    page.focus("input[name='level-pc-01'][value='']")
    page.keyboard.press("ArrowRight")  # 0 Not yet
    page.keyboard.press("ArrowRight")  # 1 Starting
    page.keyboard.press("ArrowRight")  # 2 Developing
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # evidence: planned
    page.keyboard.press("Tab")
    page.keyboard.type("Observed by my supervisor")
    page.keyboard.press("Tab")  # leaving the note saves it
    status_says(page, "Saved your note")
    assert stored(page)["ratings"]["PC-01"] == {"level": 2, "evidence": "planned", "note": "Observed by my supervisor", "next_step": ""}
    assert "1 of 10" in page.text_content(".hwc-progress")
    page.reload()
    page.wait_for_selector("form.hwc-rate")
    assert page.is_checked("input[name='level-pc-01'][value='2']")
    assert page.input_value("#evidence-pc-01") == "planned"
    assert page.input_value("#note-pc-01") == "Observed by my supervisor"


def test_note_before_rating_is_kept_until_a_rating_is_chosen(page, site_url: str) -> None:
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    page.fill("#note-pc-02", "Draft")
    page.press("#note-pc-02", "Tab")
    assert "PC-02" not in stored(page).get("ratings", {})
    page.check("input[name='level-pc-02'][value='3']")
    assert stored(page)["ratings"]["PC-02"]["note"] == "Draft"


def test_export_validates_with_the_package_and_imports_in_a_fresh_profile(page, browser, site_url: str, tmp_path: Path, fw) -> None:
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    page.check("input[name='level-pc-03'][value='4']")
    page.check("input[name='level-pc-04'][value='1']")
    open_ready(page, f"{site_url}/{SUMMARY}")
    page.fill("#hwc-pseudonym", "Kit")
    page.press("#hwc-pseudonym", "Tab")
    with page.expect_download() as info:
        page.click("text=Save my answers to a file")
    exported = tmp_path / "my-self-assessment.json"
    info.value.save_as(exported)
    record = read_assessment(exported, fw)
    assert record.pseudonym == "Kit" and record.tier == 1
    assert {k: v.level for k, v in record.ratings.items()} == {"PC-03": 4, "PC-04": 1}

    fresh = browser.new_context()
    other = fresh.new_page()
    open_ready(other, f"{site_url}/{SUMMARY}")
    other.set_input_files("#hwc-import", str(exported))
    status_says(other, "Imported 2 answers")
    assert other.text_content(".hwc-message").startswith("Imported 2 answers from my-self-assessment.json")
    assert other.input_value("#hwc-pseudonym") == "Kit"
    open_ready(other, f"{site_url}/{PROFESSIONAL}")
    assert other.is_checked("input[name='level-pc-03'][value='4']")
    fresh.close()


def test_gaps_are_ordered_as_the_package_orders_them(page, site_url: str, fw) -> None:
    open_ready(page, f"{site_url}/{SUMMARY}")
    page.set_input_files("#hwc-import", str(EXAMPLE_ASSESSMENT))
    page.wait_for_selector("ol.hwc-gaps li")
    shown = [li.split(" ")[0] for li in page.locator("ol.hwc-gaps li").all_text_contents()]
    assert shown == [g.item.id for g in gaps(fw, read_assessment(EXAMPLE_ASSESSMENT, fw))]
    areas = [row.split("\t")[0] for row in page.locator("table.hwc-table tbody tr").all_inner_texts()]
    assert areas == [s.title for s in summarise(fw, read_assessment(EXAMPLE_ASSESSMENT, fw)) if s.expected] + ["All areas"]


def test_corrupt_or_foreign_import_is_refused_and_answers_kept(page, site_url: str, tmp_path: Path) -> None:
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    page.check("input[name='level-pc-05'][value='2']")
    before = stored(page)
    open_ready(page, f"{site_url}/{SUMMARY}")
    cases = {
        "cut.json": EXAMPLE_ASSESSMENT.read_text()[:200],
        "foreign.json": json.dumps({"name": "not ours"}),
        "bad-level.json": EXAMPLE_ASSESSMENT.read_text().replace('"level": 4', '"level": 9', 1),
        "newer.json": EXAMPLE_ASSESSMENT.read_text().replace('"schema_version": 2', '"schema_version": 3'),
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text)
        page.set_input_files("#hwc-import", str(path))
        page.wait_for_function("/Not imported/.test((document.querySelector('.hwc-message') || {}).textContent || '')")
        message = page.text_content(".hwc-message")
        assert "unchanged" in message, (name, message)
        page.evaluate("document.querySelector('.hwc-message').textContent = ''")
        assert stored(page) == before, name
    assert "field level" in message.lower() or "newer version" in message


def test_import_over_existing_answers_asks_first(page, site_url: str) -> None:
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    page.check("input[name='level-pc-06'][value='2']")
    open_ready(page, f"{site_url}/{SUMMARY}")
    page.set_input_files("#hwc-import", str(EXAMPLE_ASSESSMENT))
    page.click("text=Cancel")
    assert list(stored(page)["ratings"]) == ["PC-06"]
    page.set_input_files("#hwc-import", str(EXAMPLE_ASSESSMENT))
    page.click("text=Replace my answers")
    assert len(stored(page)["ratings"]) == 47


def test_clear_deletes_everything_after_confirming(page, site_url: str) -> None:
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    page.check("input[name='level-pc-07'][value='3']")
    open_ready(page, f"{site_url}/{SUMMARY}")
    page.click("text=Clear all my answers")
    page.keyboard.press("Enter")  # focus moved to "Yes, delete them"
    assert stored(page)["ratings"] == {}
    assert "1 of" not in page.text_content(".hwc-summary")


def test_answers_for_removed_items_are_kept_aside(page, site_url: str) -> None:
    page.goto(f"{site_url}/{SUMMARY}")
    page.evaluate("""localStorage.setItem('hwc-selfcheck', JSON.stringify({storage_version: 1, pseudonym: 'Kit', tier: 1,
        ratings: {'PC-01': {level: 3, evidence: 'none', note: '', next_step: ''}, 'XX-99': {level: 2}}, aside: {}}))""")
    open_ready(page, f"{site_url}/{SUMMARY}")
    assert "XX-99" in page.text_content(".hwc-summary")
    saved = stored(page)
    assert saved["aside"] == {"XX-99": {"level": 2}} and list(saved["ratings"]) == ["PC-01"]


def test_unreadable_storage_is_kept_aside(page, site_url: str) -> None:
    page.goto(f"{site_url}/{SUMMARY}")
    page.evaluate("localStorage.setItem('hwc-selfcheck', '{not json')")
    open_ready(page, f"{site_url}/{SUMMARY}")
    keys = page.evaluate("Object.keys(localStorage)")
    kept = [k for k in keys if k.startswith("hwc-selfcheck:unreadable:")]
    assert kept and page.evaluate(f"localStorage.getItem('{kept[0]}')") == "{not json"


def test_works_when_the_site_is_opened_as_files(browser, built_book: Path) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto((built_book / PROFESSIONAL).as_uri())
    tab.wait_for_selector("form.hwc-rate")
    tab.check("input[name='level-pc-08'][value='1']")
    assert "Saved in this browser at" in tab.text_content("#selfcheck-pc-08 .hwc-saved")
    tab.goto((built_book / SUMMARY).as_uri())
    tab.wait_for_selector(".hwc-summary[data-ready] ol.hwc-gaps li")
    assert "PC-08" in tab.text_content("ol.hwc-gaps")
    context.close()


def test_nothing_rated_says_so_instead_of_no_gaps(page, site_url: str) -> None:
    open_ready(page, f"{site_url}/{SUMMARY}")
    assert "You have not rated any items yet" in page.text_content(".hwc-summary")


def test_pages_read_fully_without_javascript(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}/{PROFESSIONAL}")
    assert tab.locator("div.hwc-item").count() == 10 and tab.locator("form.hwc-rate").count() == 0
    assert "Knows why contracting matters" in tab.text_content("#pc-01")
    tab.goto(f"{site_url}/{SUMMARY}")
    assert "needs JavaScript" in tab.text_content(".hwc-summary")
    context.close()


def test_axe_finds_nothing_in_the_rendered_self_check(page, site_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    open_ready(page, f"{site_url}/{SUMMARY}")
    page.set_input_files("#hwc-import", str(EXAMPLE_ASSESSMENT))
    page.wait_for_selector("ol.hwc-gaps li")
    for url in (f"{site_url}/{SUMMARY}", f"{site_url}/{PROFESSIONAL}"):
        open_ready(page, url)
        result = Axe().run(page)
        assert not result.violations_count, result.generate_report()
