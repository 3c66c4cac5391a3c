"""My portfolio in headless Chromium against the built site.

The issue's whole loop: a new coach adds hours (by keyboard, and from a CSV
file), supervision, training and evidence; sees tier progress, supervision
findings and the evidence map; saves the file; the package validates it and
``hwc-selfcheck tier`` and ``supervision`` say what the page says; the file
imports into a fresh browser profile. Also: the conformance corpus run through
the page's own scripts, bad entries refused in the package's words, the example
data added and removed, two tabs merging, axe with records shown, a phone's
width, the scripts' size, and pages opened from a folder.
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import date
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from typer.testing import CliRunner

from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT, example_path
from hwc_selfcheck.cli import app
from hwc_selfcheck.framework.loader import load_framework
from hwc_selfcheck.practice.supervision import check_supervision
from hwc_selfcheck.records.portfolio_file import read_portfolio_file
from hwc_selfcheck.records.validate import validate_record

from tests.corpus.portfolio.generate import CORPUS
from tests.site.waiting import wait_until

PORTFOLIO = "book/portfolio"
PAGES = ("index", "hours", "supervision", "training", "evidence", "evidence-map", "summary")
runner = CliRunner()


def status_says(page, pattern: str) -> None:  # type: ignore[no-untyped-def]
    wait_until(page, "p => new RegExp(p).test((document.querySelector('.hwc-visually-hidden[role=status]') || {}).textContent || '')", pattern)


def open_page(page, site_url: str, name: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{PORTFOLIO}/{name}.html")
    page.wait_for_selector("[data-hwc-portfolio][data-ready]")


def add(page, name: str, fields: dict[str, str], checks: dict[str, bool] = {}) -> None:  # type: ignore[no-untyped-def]  # noqa: B006
    for column, value in fields.items():
        target = f"#hwc-{name}-{column}"
        if page.evaluate(f"document.querySelector('{target}').tagName") == "SELECT":
            page.select_option(target, value)
        else:
            page.fill(target, value)
    for column, on in checks.items():
        page.set_checked(f"#hwc-{name}-{column}", on)
    page.click(f"[data-list={name}] form button[type=submit]")


def progress_text(page) -> str:  # type: ignore[no-untyped-def]
    return " ".join(page.text_content("[data-hwc-portfolio=progress]").split())


def test_a_new_coach_walks_the_whole_loop(page, browser, site_url: str, tmp_path: Path) -> None:
    today = date.today().isoformat()
    # Hours: one by keyboard alone after the date, then the rest from a spreadsheet's CSV.
    open_page(page, site_url, "hours")
    page.fill("#hwc-hours-date", "2025-09-16")
    page.focus("#hwc-hours-hours")
    page.keyboard.type("1.5")
    page.keyboard.press("Tab")
    page.keyboard.type("GP practice")
    page.keyboard.press("Tab")  # In the NHS: ticked already
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # supervised
    page.keyboard.press("Tab")
    page.keyboard.type("First client")
    page.keyboard.press("Enter")  # in the note: sends the form
    status_says(page, "Added the hours entry of 16 September 2025")
    assert "1.5" in page.text_content("[data-list=hours] table")
    page.set_input_files("#hwc-hours-csv", str(example_path("sam-hours.csv")))
    page.wait_for_selector("text=Add them to mine")
    page.click("text=Add them to mine")
    status_says(page, "Imported 53 rows from sam-hours.csv")
    assert "54, newest first" in page.text_content("[data-list=hours] caption")

    # Supervision, training and evidence through their forms.
    open_page(page, site_url, "supervision")
    add(page, "supervision", {"date": "2025-10-01", "kind": "clinical", "minutes": "45", "supervisor": "Dr Lee"})
    status_says(page, "Added the supervision session of 1 October 2025")
    add(page, "supervision", {"date": "2025-10-08", "kind": "health_coaching_individual", "minutes": "60",
                              "supervisor": "Alex Morgan", "supervisor_tier": "3"})
    page.fill("#hwc-period-from", "2025-10-01")
    page.dispatch_event("#hwc-period-from", "change")
    page.fill("#hwc-period-to", "2026-03-31")
    page.dispatch_event("#hwc-period-to", "change")
    page.fill("#hwc-fte", "1.5")
    assert page.text_content("#hwc-fte-problem") == "Not used: 1.5 must be more than 0 and at most 1 (1 is full time)."
    page.fill("#hwc-fte", "0.8")
    wait_until(page, "/for 0.8 of full time/.test(document.querySelector('[data-hwc-portfolio=supervision]').textContent)")
    shown_findings = page.locator("[data-hwc-portfolio=supervision] li").all_text_contents()

    open_page(page, site_url, "training")
    add(page, "training", {"date": "2025-09-11", "course": "Health and wellbeing coaching course", "days": "4"},
        {"pci_accredited": True})
    status_says(page, "Added the course of 11 September 2025")
    add(page, "approvals", {"date": "2026-02-02", "tier": "2", "approved_by": "Sol Ahmed", "independent": "no"},
        {"competency_evidence": True})
    status_says(page, "Added the approval of 2 February 2026")
    assert "is not marked as independent of your organisation" in progress_text(page)

    open_page(page, site_url, "evidence")
    add(page, "evidence", {"date": "2025-11-03", "type": "observed_practice", "items": "pc1; CE 03",
                           "note": "Watched by Alex", "where_kept": "Alex's supervision notes"})
    status_says(page, "Added the piece of evidence of 3 November 2025")
    open_page(page, site_url, "evidence-map")
    row = page.locator("table.hwc-map tr", has_text="PC-01 Contracting").inner_text()
    assert "Held: Observed practice" in row and "Missing:" in row
    page.check("#hwc-map-missing")
    assert page.locator("table.hwc-map tbody tr").count() <= 48

    # Tier progress on the hours page, then the file, checked by the package.
    open_page(page, site_url, "hours")
    shown = progress_text(page)
    open_page(page, site_url, "index")
    with page.expect_download() as info:
        page.click("text=Save my portfolio to a file")
    saved = tmp_path / "my-portfolio.json"
    info.value.save_as(saved)
    assert "a valid portfolio" in validate_record(saved)
    tier = runner.invoke(app, ["tier", str(saved), "--as-of", today])
    assert tier.exit_code == 0, tier.output
    lines = [line.strip() for line in tier.output.splitlines() if line.strip()]
    assert lines[0] in shown, (lines[0], shown)
    for line in lines:
        if line.startswith(("[x]", "[ ]")):
            assert line[4:].rsplit(" (", 1)[0] in shown, line
    projection = next(line for line in lines if line.startswith(("At your recent rate", "No ")))
    assert projection in shown
    supervision = runner.invoke(app, ["supervision", str(saved), "--from", "2025-10-01", "--to", "2026-03-31"])
    assert supervision.exit_code == 0 and "for 0.8 of full time" in supervision.output
    held = read_portfolio_file(saved)
    check = check_supervision(load_framework(), held.supervision, date(2025, 10, 1), date(2026, 3, 31), held.fte)
    expected = [f"{f.topic}: {f.sentence}" for f in check.findings] + [d.text for d in check.due]
    shown_text = [t.split("What your employer should put in place")[0].removeprefix("Overdue. ").removeprefix("On time. ")
                  for t in shown_findings]
    assert sorted(shown_text) == sorted(expected)

    # A fresh profile imports the file and shows the same.
    fresh = browser.new_context(accept_downloads=True)
    other = fresh.new_page()
    open_page(other, site_url, "index")
    other.set_input_files("#hwc-portfolio-import", str(saved))
    wait_until(other, "/Imported my-portfolio.json/.test(document.querySelector('.hwc-message').textContent)")
    assert "54 hours entries, 2 supervision sessions, 1 course, 1 approval, 1 piece of evidence" in other.text_content(".hwc-message")
    open_page(other, site_url, "hours")
    assert progress_text(other) == shown
    fresh.close()


def test_the_conformance_corpus_passes_in_the_browser(page, site_url: str) -> None:
    open_page(page, site_url, "summary")
    cases = json.loads((CORPUS / "cases.json").read_text())["cases"]
    results = page.evaluate("""cases => cases.map(c => {
        const P = HWC.portfolioRules, pd = window.HWC_PORTFOLIO, read = {};
        for (const name of ["hours", "supervision", "training", "approvals", "evidence"]) {
          read[name] = c[name] === null ? null : P.readList(pd, name, c[name], c.today);
        }
        const out = {tier_progress: P.tierProgress(pd, read.hours, read.training, read.approvals, c.as_of)};
        if (c.period) {
          try { out.supervision = P.checkSupervision(pd, read.supervision, c.period[0], c.period[1], c.fte); }
          catch (e) { out.supervision = {error: {where: e.where, problem: e.problem}}; }
        }
        if (c.tier !== null) out.coverage = P.coverage(pd, read.evidence, P.itemsForTier(window.HWC_ITEMS, c.tier));
        return out;
    })""", cases)
    for case, got in zip(cases, results):
        assert got == case["expected"], case["name"]


def test_a_bad_entry_is_refused_in_the_package_words_and_the_draft_kept(page, site_url: str) -> None:
    open_page(page, site_url, "hours")
    add(page, "hours", {"date": "2026-03-02", "hours": "25"})
    message = page.text_content("[data-list=hours] .hwc-message")
    assert message == "Not saved. Hours of coaching: 25 is more than 24 hours; is it a typing mistake?"
    assert page.get_attribute("#hwc-hours-hours", "aria-invalid") == "true"
    wait_until(page, "(JSON.parse(localStorage.getItem('hwc-portfolio')) || {drafts: {}}).drafts.hours")
    page.reload()
    page.wait_for_selector("[data-hwc-portfolio][data-ready]")
    assert page.input_value("#hwc-hours-hours") == "25", "what was typed is kept"
    open_page(page, site_url, "evidence")
    add(page, "evidence", {"date": "2026-03-02", "type": "reflective_journal", "items": "PC-O1"})
    assert page.text_content("[data-list=evidence] .hwc-message") == (
        "Not saved. Items it shows: 'PC-O1' is not an item ID of the framework; did you mean PC-01, PC-10, PC-09?")


def test_changing_and_deleting_an_entry_with_undo(page, site_url: str) -> None:
    open_page(page, site_url, "training")
    add(page, "training", {"date": "2025-09-11", "course": "PCI course", "days": "4"}, {"pci_accredited": True})
    page.click("[aria-label='Change the course of 11 September 2025']")
    assert page.text_content("[data-list=training] legend") == "Change the course of 11 September 2025"
    page.fill("#hwc-training-days", "3")
    page.click("text=Save the change")
    status_says(page, "Saved the change to the course of 11 September 2025")
    assert "not in your training record" in progress_text(page)
    page.click("[aria-label='Delete the course of 11 September 2025']")
    status_says(page, "Deleted the course")
    assert "No courses yet" in page.text_content("[data-list=training]")
    page.keyboard.press("Enter")  # focus is on Undo
    status_says(page, "Put back the course")
    assert "PCI course" in page.text_content("[data-list=training] table")
    assert page.evaluate(FOCUSED) == "Delete the course of 11 September 2025"  # the entry put back


FOCUSED = "() => document.activeElement.id || document.activeElement.getAttribute('aria-label') || document.activeElement.textContent"


def test_after_each_confirm_question_focus_returns_and_the_result_is_said(page, site_url: str) -> None:
    # The example data: focus goes to the button now in the place of the one pressed.
    open_page(page, site_url, "index")
    page.click("text=Try with example data")
    status_says(page, "Added Sam's example records")
    assert page.evaluate(FOCUSED) == "Remove the example data"
    page.keyboard.press("Enter")
    status_says(page, "Removed 88 example entries")
    assert page.evaluate(FOCUSED) == "Try with example data"

    # A portfolio file over entries already here: Escape, Cancel and the choice each return focus to the file chooser.
    open_page(page, site_url, "hours")
    add(page, "hours", {"date": "2026-01-05", "hours": "2", "setting": "Mine"})
    open_page(page, site_url, "index")
    portfolio = str(example_path("sam-portfolio.json"))
    page.set_input_files("#hwc-portfolio-import", portfolio)
    page.wait_for_selector("text=Replace my portfolio")
    assert page.evaluate(FOCUSED) == "Replace my portfolio"
    assert page.get_attribute(".hwc-confirm", "role") == "group"
    assert page.text_content(".hwc-confirm p") == ("This will replace the entry in your portfolio. Save your portfolio to a "
                                                   "file first if you want to keep a copy.")
    page.keyboard.press("Escape")
    status_says(page, "Nothing was changed")
    assert page.evaluate(FOCUSED) == "hwc-portfolio-import" and page.is_hidden(".hwc-confirm")
    page.set_input_files("#hwc-portfolio-import", portfolio)
    page.click("text=Replace my portfolio")
    wait_until(page, "() => /Imported sam-portfolio.json/.test(document.querySelector('.hwc-message').textContent)")
    assert page.evaluate(FOCUSED) == "hwc-portfolio-import"

    # A self-assessment file over the answers the portfolio brought.
    page.set_input_files("#hwc-portfolio-import", str(EXAMPLE_ASSESSMENT))
    page.wait_for_selector("text=Replace my answers")
    page.click("text=Cancel")
    status_says(page, "Nothing was changed")
    assert page.evaluate(FOCUSED) == "hwc-portfolio-import"
    page.set_input_files("#hwc-portfolio-import", str(EXAMPLE_ASSESSMENT))
    page.click("text=Replace my answers")
    wait_until(page, "() => /Imported 47 self-assessment answers/.test(document.querySelector('.hwc-message').textContent)")
    assert page.evaluate(FOCUSED) == "hwc-portfolio-import"

    # A CSV file over a list: Cancel, then each choice, back to the list's file chooser.
    open_page(page, site_url, "hours")
    page.click("text=Use a spreadsheet: CSV files")
    hours = str(example_path("sam-hours.csv"))
    for choice in ("Cancel", "Add them to mine", "Replace mine with them"):
        page.set_input_files("#hwc-hours-csv", hours)
        page.wait_for_selector("text=Add them to mine")
        assert page.evaluate(FOCUSED) == "Add them to mine"
        page.click(f".hwc-confirm >> text={choice}")
        status_says(page, "Nothing was changed" if choice == "Cancel" else "Imported 53 rows from sam-hours.csv")
        assert page.evaluate(FOCUSED) == "hwc-hours-csv", choice
    assert "53, newest first" in page.text_content("[data-list=hours] caption")


def test_a_csv_file_with_several_problems_lists_them_all(page, site_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "my-hours.csv"
    bad.write_text("date,hours,setting,nhs,supervised\n2026-03-02,1,Hub,1,maybe\n2026-03-03,25,Hub,1,0\n"
                   "2026-03-04,12,Hub,true,false\n2026-03-04,13,Hub,y,n\n", encoding="utf-8")
    open_page(page, site_url, "hours")
    page.click("text=Use a spreadsheet: CSV files")
    page.set_input_files("#hwc-hours-csv", str(bad))
    wait_until(page, "() => /Not imported/.test(document.querySelector('[data-list=hours] .hwc-message').textContent)")
    assert page.text_content("[data-list=hours] .hwc-message p") == (
        "Not imported: my-hours.csv has 3 problems; fix them and import it again. Nothing was changed.")
    assert page.locator("[data-list=hours] .hwc-message li").all_text_contents() == [
        "row 2, column supervised: 'maybe' should be yes or no",
        "row 3, column hours: 25 is more than 24 hours; is it a typing mistake?",
        "rows 4 and 5: 25 hours on 4 March 2026 add up to more than the 24 hours in a day; is a row there twice, "
        "or one dated wrongly?"]
    assert "No hours entries yet" in page.text_content("[data-list=hours]")


def test_a_day_of_more_than_24_hours_is_refused_as_the_package_refuses_it(page, site_url: str, tmp_path: Path) -> None:
    open_page(page, site_url, "hours")
    add(page, "hours", {"date": "2026-03-02", "hours": "12"})
    status_says(page, "Added the hours entry of 2 March 2026")
    add(page, "hours", {"date": "2026-03-02", "hours": "12.5"})
    assert page.text_content("[data-list=hours] .hwc-message") == (
        "Not saved. With this hours entry, 24.5 hours on 2 March 2026 add up to more than the 24 hours in a day; "
        "is an entry there twice, or one dated wrongly?")
    assert page.evaluate(FOCUSED) == "hwc-hours-hours" and page.get_attribute("#hwc-hours-hours", "aria-invalid") == "true"
    page.fill("#hwc-hours-hours", "12")
    page.click("[data-list=hours] form button[type=submit]")
    status_says(page, "Added the hours entry of 2 March 2026")
    more = tmp_path / "more-hours.csv"
    more.write_text("date,hours,setting,nhs,supervised\n2026-03-02,1,Hub,yes,yes\n2026-03-03,2,Hub,yes,yes\n", encoding="utf-8")
    page.click("text=Use a spreadsheet: CSV files")
    page.set_input_files("#hwc-hours-csv", str(more))
    page.click("text=Add them to mine")
    assert page.text_content("[data-list=hours] .hwc-message") == (
        "Not added: with the hours entries you have, 25 hours on 2 March 2026 add up to more than the 24 hours in a day; "
        "is an entry there twice, or one dated wrongly? Nothing was changed.")
    assert "2, newest first" in page.text_content("[data-list=hours] caption")
    assert page.evaluate(FOCUSED) == "hwc-hours-csv"


def test_the_csv_corpus_passes_in_the_browser(page, site_url: str) -> None:
    open_page(page, site_url, "hours")
    cases = json.loads((CORPUS / "csv.json").read_text())["cases"]
    results = page.evaluate("""cases => cases.map(c => {
        const got = HWC.portfolioFiles.readCsv(c.text, window.HWC_PORTFOLIO, c.list, c.today);
        return got[1] ? {accepted: false, where: got[1].where, problem: got[1].problem, problems: got[1].problems}
                      : {accepted: true, rows: got[0].length};
    })""", cases)
    for case, got in zip(cases, results):
        if case["accepted"]:
            assert got == {"accepted": True, "rows": len(case["entries"])}, case["text"]
        else:
            assert got == {key: case[key] for key in ("accepted", "where", "problem", "problems")}, case["text"]


def test_example_data_is_marked_and_removed_in_one_step(page, site_url: str) -> None:
    open_page(page, site_url, "hours")
    add(page, "hours", {"date": "2026-01-05", "hours": "2", "setting": "Mine"})
    open_page(page, site_url, "index")
    page.click("text=Try with example data")
    status_says(page, "Added Sam's example records")
    open_page(page, site_url, "hours")
    assert "Sam's example records" in page.text_content("[data-hwc-portfolio=progress]")
    assert page.locator("[data-list=hours] .hwc-tag").count() == 53
    open_page(page, site_url, "index")
    page.click("text=Remove the example data")
    status_says(page, "Removed 88 example entries")
    open_page(page, site_url, "hours")
    assert "1, newest first" in page.text_content("[data-list=hours] caption")


def test_two_tabs_merge_their_entries(page, site_url: str) -> None:
    open_page(page, site_url, "hours")
    other = page.context.new_page()
    open_page(other, site_url, "hours")
    add(page, "hours", {"date": "2026-01-05", "hours": "1"})
    add(other, "hours", {"date": "2026-01-06", "hours": "2"})
    wait_until(page, "/2, newest first/.test(document.querySelector('[data-list=hours] caption').textContent)")
    kept = json.loads(page.evaluate("localStorage.getItem('hwc-portfolio')"))
    assert sorted(e["cells"]["hours"] for e in kept["lists"]["hours"]) == ["1", "2"]


def test_axe_finds_nothing_with_records_shown_at_a_phone_width(page, site_url: str) -> None:
    open_page(page, site_url, "index")
    page.click("text=Try with example data")
    status_says(page, "Added Sam's example records")
    for width in (1024, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for name in PAGES:
            open_page(page, site_url, name)
            result = Axe().run(page)
            assert not result.violations_count, (name, width, result.generate_report())
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (name, width, overflow)


def test_pages_opened_from_a_folder_work(browser, built_book: Path) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto((built_book / PORTFOLIO / "index.html").as_uri())
    tab.click("text=Try with example data")
    tab.wait_for_selector("text=Remove the example data")
    tab.goto((built_book / PORTFOLIO / "hours.html").as_uri())
    tab.wait_for_selector("[data-hwc-portfolio][data-ready]")
    assert "your records support Tier 1" in tab.text_content("[data-hwc-portfolio=progress]")
    context.close()


def test_each_portfolio_page_loads_one_bundle_and_fits_the_budget(built_book: Path) -> None:
    for name in PAGES:
        html = (built_book / PORTFOLIO / f"{name}.html").read_text(encoding="utf-8")
        own = re.findall(r'(?:src|href)="(?:\.\./)*_static/(hwc[^"?]*)', html)
        assert len([f for f in own if f.startswith("hwc-portfolio-page-")]) == 1 and "hwc-portfolio.css" in own, own
        size = sum(len(gzip.compress((built_book / "_static" / f).read_bytes(), 6)) for f in own)
        assert size <= 35 * 1024, (name, own, size)
