"""The in-browser self-check, in headless Chromium against the built site.

Covers the issue's journey: rate with the keyboard, reload and keep, export a
file the package accepts, import it in a fresh browser profile, refuse a
corrupt import without touching saved answers, clear; plus gap order shared
with Python, kept-aside answers after an item disappears, and no-JS reading.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import jsonschema

from hwc_selfcheck.assessment.analysis import gaps, summarise
from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT
from hwc_selfcheck.assessment.record import json_schema, read_assessment
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.site.selfcheck import ANNOTATIONS, items_payload, rules_only
from tests.site.waiting import wait_until

PROFESSIONAL = "book/framework/professional.html"
SUMMARY = "book/self-assessment/my-self-assessment.html"
STATIC = Path(__file__).resolve().parents[2] / "hwc_selfcheck" / "site" / "static"
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "assessment"


def status_says(page, pattern: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page's live region announces text matching the pattern."""
    wait_until(page,
        "p => /" + pattern + "/.test((document.querySelector('.hwc-visually-hidden[role=status]') || {}).textContent || '')",
        arg=None,
    )


def message_says(page, pattern: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until My self-assessment's message (an alert: it is spoken too) matches the pattern."""
    wait_until(page, "p => new RegExp(p).test((document.querySelector('.hwc-message') || {}).textContent || '')", arg=pattern)


def stored(page) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(page.evaluate("localStorage.getItem('hwc-selfcheck')") or "{}")


def open_ready(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.wait_for_selector("form.hwc-rate, .hwc-summary[data-ready]")


def test_each_page_keeps_its_own_js_and_css_within_35_kb_compressed(built_book: Path) -> None:
    """The project's own scripts and styles (``_static/hwc*``) that each page loads, gzip-compressed
    one by one as a web server sends them, add up to at most 35 KB."""
    sizes: dict[str, int] = {}
    for page in built_book.rglob("*.html"):
        own = set(re.findall(r'(?:src|href)="([^"?]*_static/hwc[^"?]*)', page.read_text(encoding="utf-8")))
        sizes[str(page.relative_to(built_book))] = sum(
            len(gzip.compress((page.parent / url).read_bytes(), compresslevel=6)) for url in own)
    # My portfolio's pages have their own, documented bound (test_portfolio_browser.py).
    heaviest = max((p for p in sizes if not p.startswith("book/portfolio/")), key=sizes.__getitem__)
    assert sizes[SUMMARY] > 10 * 1024, "the self-check's scripts are counted"
    assert sizes[heaviest] <= 35 * 1024, (heaviest, sizes[heaviest])


def test_items_file_matches_the_package(built_book: Path, fw: Framework) -> None:
    script = (built_book / "_static" / "hwc-items.js").read_text()
    assert script.startswith("window.HWC_ITEMS = ") and script.endswith(";\n")
    shipped = json.loads(script[len("window.HWC_ITEMS = "):-2])
    assert [i["id"] for i in shipped["items"]] == [i.id for i in fw.items]
    assert shipped["items"][0]["url"] == "book/framework/professional.html#pc-01"
    assert shipped["levels"] == items_payload(fw, {})["levels"]



def test_the_page_s_copy_of_the_schema_judges_every_corpus_file_as_the_published_one(fw: Framework) -> None:
    published = json_schema()
    trimmed = items_payload(fw, {})["assessment"]["schema"]
    assert trimmed == rules_only(published) and not ANNOTATIONS & set(json.dumps(trimmed).split('"'))
    check = jsonschema.Draft202012Validator.FORMAT_CHECKER
    judged = 0
    for path in sorted(CORPUS.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        verdicts = [jsonschema.Draft202012Validator(s, format_checker=check).is_valid(record) for s in (published, trimmed)]
        assert verdicts[0] == verdicts[1], path.name
        judged += 1
    assert judged >= 20


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


def test_save_button_and_enter_save_what_is_typed_at_once(page, site_url: str) -> None:
    """Each card's form has a real Save button (HTML_CodeSniffer wants one, and people expect one): it
    and Enter in the one-line field save the card's typed text straight away and say so."""
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    page.check("input[name='level-pc-05'][value='2']")
    page.fill("#next_step-pc-05", "Ask for an observed session")
    page.press("#next_step-pc-05", "Enter")  # Enter in a field sends the form, as its Save button does
    status_says(page, "Saved your answers for PC-05")
    assert stored(page)["ratings"]["PC-05"]["next_step"] == "Ask for an observed session"
    page.fill("#note-pc-06", "Typed, then Save, before any rating")
    page.get_by_role("button", name="Save your answers for PC-06").click()
    status_says(page, "Saved your answers for PC-06")
    assert stored(page)["drafts"]["PC-06"]["note"] == "Typed, then Save, before any rating"
    assert page.url == f"{site_url}/{PROFESSIONAL}"  # the form never leaves the page


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
    message_says(other, "Imported 2 answers")
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
        wait_until(page, "/Not imported/.test((document.querySelector('.hwc-message') || {}).textContent || '')")
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


# --- several pages at once, typing, confirm dialogues, files ---------------------------------

COMMUNICATION = "book/framework/communication.html"


def test_two_tabs_saving_different_items_keep_both(page, site_url: str) -> None:
    professional, communication = page, page.context.new_page()
    open_ready(professional, f"{site_url}/{PROFESSIONAL}")
    open_ready(communication, f"{site_url}/{COMMUNICATION}")
    professional.check("input[name='level-pc-01'][value='3']")
    communication.check("input[name='level-ce-01'][value='1']")
    professional.check("input[name='level-pc-02'][value='2']")
    communication.fill("#note-ce-01", "Practised with a colleague")
    communication.press("#note-ce-01", "Tab")
    ratings = stored(page)["ratings"]
    assert sorted(ratings) == ["CE-01", "PC-01", "PC-02"]
    assert ratings["CE-01"]["note"] == "Practised with a colleague" and ratings["PC-01"]["level"] == 3


def test_open_pages_show_what_another_page_saves(page, site_url: str) -> None:
    summary, rating, other = page, page.context.new_page(), page.context.new_page()
    open_ready(summary, f"{site_url}/{SUMMARY}")
    open_ready(rating, f"{site_url}/{PROFESSIONAL}")
    open_ready(other, f"{site_url}/{PROFESSIONAL}")
    rating.check("input[name='level-pc-05'][value='1']")
    rating.fill("#note-pc-05", "From the other tab")
    rating.press("#note-pc-05", "Tab")
    wait_until(other, "document.querySelector(\"input[name='level-pc-05'][value='1']\").checked")
    wait_until(other, "document.querySelector('#note-pc-05').value === 'From the other tab'")
    assert "1 of 10" in other.text_content(".hwc-progress")
    wait_until(summary, "/PC-05/.test(document.querySelector('.hwc-summary').textContent)")
    assert "PC-05" in summary.text_content("ol.hwc-gaps")
    open_ready(rating, f"{site_url}/{SUMMARY}")
    rating.fill("#hwc-pseudonym", "Kit")
    rating.press("#hwc-pseudonym", "Tab")
    wait_until(summary, "document.querySelector('#hwc-pseudonym').value === 'Kit'")


def test_a_note_typed_then_reloaded_at_once_is_kept(page, site_url: str) -> None:
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    page.check("input[name='level-pc-01'][value='2']")
    page.click("#note-pc-01")
    page.keyboard.type("Typed, and the page reloaded")
    page.reload()  # no pause and no leaving the field: the page saves as it goes
    page.wait_for_selector("form.hwc-rate")
    assert page.input_value("#note-pc-01") == "Typed, and the page reloaded"
    assert stored(page)["ratings"]["PC-01"]["note"] == "Typed, and the page reloaded"


def test_typing_saves_after_a_pause_and_shows_it_even_before_a_rating(page, site_url: str) -> None:
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    page.click("#next_step-pc-02")
    page.keyboard.type("Ask about a course")
    wait_until(page, "/Saved in this browser at/.test(document.querySelector('#selfcheck-pc-02 .hwc-saved').textContent)")
    assert page.evaluate("document.activeElement.id") == "next_step-pc-02", "still typing: nothing left the field"
    assert stored(page)["drafts"]["PC-02"] == {"next_step": "Ask about a course"}
    assert "Choose a rating" in page.text_content("#selfcheck-pc-02 .hwc-saved")
    page.reload()
    page.wait_for_selector("form.hwc-rate")
    assert page.input_value("#next_step-pc-02") == "Ask about a course"
    page.check("input[name='level-pc-02'][value='1']")
    assert stored(page)["ratings"]["PC-02"] == {"level": 1, "evidence": "none", "note": "", "next_step": "Ask about a course"}
    page.check("input[name='level-pc-02'][value='']")  # Not rated: the rating goes, the words stay
    assert "PC-02" not in stored(page)["ratings"]
    assert page.input_value("#next_step-pc-02") == "Ask about a course"
    assert stored(page)["drafts"]["PC-02"]["next_step"] == "Ask about a course"


def test_a_pseudonym_typed_then_reloaded_is_kept(page, site_url: str) -> None:
    open_ready(page, f"{site_url}/{SUMMARY}")
    page.click("#hwc-pseudonym")
    page.keyboard.type("Robin")
    page.reload()
    page.wait_for_selector(".hwc-summary[data-ready]")
    assert page.input_value("#hwc-pseudonym") == "Robin"


def test_focus_stays_where_the_person_is_after_the_pseudonym_and_tab(page, site_url: str) -> None:
    open_ready(page, f"{site_url}/{SUMMARY}")
    page.click("#hwc-pseudonym")
    page.keyboard.type("Kit")
    page.keyboard.press("Tab")
    status_says(page, "Saved your name")
    assert page.evaluate("document.activeElement.id") == "hwc-tier"
    page.keyboard.press("ArrowDown")  # Tier 2, still on the same control
    status_says(page, "Tier 2")
    assert page.evaluate("document.activeElement.id") == "hwc-tier"
    assert stored(page)["tier"] == 2 and stored(page)["pseudonym"] == "Kit"


def test_after_each_confirm_dialogue_focus_returns_and_the_result_is_said(page, site_url: str) -> None:
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    page.check("input[name='level-pc-07'][value='3']")
    open_ready(page, f"{site_url}/{SUMMARY}")
    focused = "document.activeElement.textContent || document.activeElement.id"

    page.click("text=Clear all my answers")
    page.keyboard.press("Escape")
    assert page.evaluate(focused) == "Clear all my answers"
    assert page.text_content(".hwc-message") == "Nothing was changed."
    page.click("text=Clear all my answers")
    page.click("text=Cancel")
    assert page.evaluate(focused) == "Clear all my answers"
    assert stored(page)["ratings"] != {}

    page.set_input_files("#hwc-import", str(EXAMPLE_ASSESSMENT))
    page.wait_for_selector("text=Replace my answers")
    page.click("text=Cancel")
    assert page.evaluate(focused) == "hwc-import" and page.text_content(".hwc-message") == "Nothing was changed."
    page.set_input_files("#hwc-import", str(EXAMPLE_ASSESSMENT))
    page.click("text=Replace my answers")
    assert page.evaluate(focused) == "hwc-import"
    message_says(page, "Imported 47 answers from assessment-2026-03-02.json")

    page.click("text=Clear all my answers")
    page.keyboard.press("Enter")  # focus is on "Yes, delete them"
    assert page.evaluate(focused) == "Clear all my answers"
    assert page.text_content(".hwc-message") == "All your answers were deleted from this browser."
    assert page.get_attribute(".hwc-message", "role") == "alert", "so the result is spoken"
    assert stored(page)["ratings"] == {} and page.input_value("#hwc-pseudonym") == ""


def test_the_page_says_when_answers_were_last_saved_to_a_file_and_suggests_a_copy(page, site_url: str) -> None:
    page.goto(f"{site_url}/{SUMMARY}")
    ratings = {f"PC-{n:02d}": {"level": 1, "evidence": "none", "note": "", "next_step": ""} for n in range(1, 11)}
    page.evaluate("r => localStorage.setItem('hwc-selfcheck', JSON.stringify({storage_version: 1, pseudonym: 'Kit', tier: 1, "
                  "ratings: r, aside: {}}))", ratings)
    open_ready(page, f"{site_url}/{SUMMARY}")
    line = page.text_content(".hwc-file-status")
    assert "have not been saved to a file" in line and "Save them to a file now" in line
    with page.expect_download():
        page.click("text=Save my answers to a file")
    line = page.text_content(".hwc-file-status")
    assert "last saved to a file (my-self-assessment.json) on " in line and "Save them" not in line
    page.reload()
    page.wait_for_selector(".hwc-summary[data-ready]")
    assert "last saved to a file (my-self-assessment.json)" in page.text_content(".hwc-file-status")
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    for n in range(1, 11):
        page.check(f"input[name='level-pc-{n:02d}'][value='2']")
    open_ready(page, f"{site_url}/{SUMMARY}")
    assert "10 answers have changed since then. Save them to a file now" in page.text_content(".hwc-file-status")


def test_the_browser_is_asked_to_keep_the_answers(page, site_url: str) -> None:
    page.add_init_script("""window.hwcPersistAsked = 0;
        if (navigator.storage) { const ask = navigator.storage.persist.bind(navigator.storage);
          navigator.storage.persist = () => { window.hwcPersistAsked += 1; return ask(); }; }""")
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    assert page.evaluate("window.hwcPersistAsked") == 0, "not before anything is saved"
    page.check("input[name='level-pc-03'][value='2']")
    page.check("input[name='level-pc-04'][value='2']")
    assert page.evaluate("window.hwcPersistAsked") == 1
    open_ready(page, f"{site_url}/{SUMMARY}")
    wait_until(page, "document.querySelector('.hwc-persist').textContent !== ''")
    assert "keep" in page.text_content(".hwc-persist")


def test_everything_shown_from_an_imported_file_is_text(page, site_url: str, tmp_path: Path) -> None:
    record = json.loads(EXAMPLE_ASSESSMENT.read_text())
    record["pseudonym"] = '<img src="x" id="from-file">'
    record["ratings"]["PC-01"] = {"level": 0, "evidence": "none", "note": "<script>window.ran = 1</script>",
                                  "next_step": '<b id="bold">read</b>'}
    odd = tmp_path / "<i id='name'>mine<i>.json"
    odd.write_text(json.dumps(record))
    open_ready(page, f"{site_url}/{SUMMARY}")
    page.set_input_files("#hwc-import", str(odd))
    message_says(page, "Imported")
    assert "<i id='name'>mine<i>.json" in page.text_content(".hwc-message")
    assert 'Next step: <b id="bold">read</b>' in page.text_content("ol.hwc-gaps")
    assert page.input_value("#hwc-pseudonym") == record["pseudonym"]
    assert record["pseudonym"] in page.text_content(".hwc-print-only")
    open_ready(page, f"{site_url}/{PROFESSIONAL}")
    assert page.input_value("#note-pc-01") == "<script>window.ran = 1</script>"
    for url in (SUMMARY, PROFESSIONAL):
        open_ready(page, f"{site_url}/{url}")
        assert page.locator("#from-file, #bold, #name").count() == 0
        assert page.evaluate("window.ran") is None


def test_the_importer_gives_every_corpus_file_the_package_verdict(page, site_url: str, tmp_path: Path) -> None:
    """The shared corpus (tests/corpus/assessment/) through the page's own file box, as a person imports."""
    from tests.assessment.test_corpus import CASES, build

    open_ready(page, f"{site_url}/{SUMMARY}")
    wrong = []
    for name, case in CASES.items():
        path = build(case, tmp_path)
        page.evaluate("r => { window.HWC_ITEMS.renamed = r || {}; document.querySelector('.hwc-message').textContent = ''; }",
                      case.get("renamed"))
        page.set_input_files("#hwc-import", str(path))
        wait_until(page, "document.querySelector('.hwc-message').textContent !== '' || !document.querySelector('.hwc-confirm').hidden")
        if page.is_visible(".hwc-confirm"):
            page.click("text=Replace my answers")
        message = page.text_content(".hwc-message")
        verdict = "accepted" if message.startswith("Imported") else "refused"
        if verdict != case["verdict"]:
            wrong.append(f"{name}: {message}")
        elif verdict == "refused" and case["field"] and case["field"].split(".")[-1] not in message:
            wrong.append(f"{name}: the message does not name {case['field']}: {message}")
        elif verdict == "accepted" and "record" in case:
            kept = stored(page)
            if [kept["pseudonym"], kept["tier"], kept["ratings"]] != [case["record"][k] for k in ("pseudonym", "tier", "ratings")]:
                wrong.append(f"{name}: kept {kept}")
    assert not wrong, "\n".join(wrong)
    assert len(CASES) >= 40


def test_a_portfolio_file_gives_its_self_assessment_after_my_portfolios_checks(page, site_url: str, tmp_path: Path) -> None:
    from hwc_selfcheck.assessment.examples import example_path

    sam = json.loads(example_path("sam-portfolio.json").read_text(encoding="utf-8"))
    open_ready(page, f"{site_url}/{SUMMARY}")
    page.set_input_files("#hwc-import", str(example_path("sam-portfolio.json")))
    message_says(page, "Imported 47 answers")
    assert page.text_content(".hwc-message").startswith("Imported 47 answers from sam-portfolio.json")
    assert page.input_value("#hwc-pseudonym") == "Sam (example)"

    broken = tmp_path / "broken-portfolio.json"
    broken.write_text(json.dumps({**sam, "hours": [{**sam["hours"][0], "date": "2026-02-30"}]}), encoding="utf-8")
    page.set_input_files("#hwc-import", str(broken))
    message_says(page, "Not imported")
    assert page.text_content(".hwc-message") == (
        "Not imported: broken-portfolio.json is a portfolio file with a problem. Hours entry 1, date: 30 February 2026 "
        "does not exist. Your saved answers are unchanged.")

    unrated = tmp_path / "no-ratings.json"
    unrated.write_text(json.dumps({k: v for k, v in sam.items() if k != "assessment"}), encoding="utf-8")
    page.set_input_files("#hwc-import", str(unrated))
    message_says(page, "no self-assessment")
    assert page.text_content(".hwc-message") == (
        "Not imported: no-ratings.json is a portfolio file with no self-assessment in it. Open it on My portfolio to use "
        "its records. Your saved answers are unchanged.")
    assert len(stored(page)["ratings"]) == 47, "nothing changed"
