"""Every page of the strict build is valid HTML, by the W3C Nu HTML checker.

One Java process checks every page (vnu.jar from the npm registry, pinned by
tests/npm/package-lock.json). The repairs in hwc_selfcheck/site/valid_html.py
are also checked directly, so a failure says which one came undone.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from tests.site.test_accessibility import all_pages


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_nu_checker_finds_no_error_on_any_page(java: str, npm_tools: Path, built_book: Path) -> None:
    pages = [built_book / rel for rel in all_pages(built_book)]
    jar = npm_tools / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    run = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
                         capture_output=True, text=True, timeout=900)
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]  # vnu writes its report to stderr
    errors = [f"{m.get('url', '').split('/html/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert not errors, "\n".join(errors)
    assert run.returncode == 0 and len(pages) > 50


def test_the_root_page_is_a_whole_page_that_forwards_to_the_first(built_book: Path) -> None:
    text = (built_book / "index.html").read_text(encoding="utf-8")
    page = soup(built_book / "index.html")
    assert text.startswith("<!DOCTYPE html>")
    assert page.html["lang"] == "en" and page.title.get_text(strip=True)
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=intro.html"
    assert page.find("a", href="intro.html")


def test_a_numbered_table_keeps_its_id_and_its_wrapper_has_none(built_book: Path) -> None:
    page = soup(built_book / "book" / "role" / "values.html")
    table = page.select_one("div.table-wrapper > table[id]")
    assert table is not None and not table.parent.get("id")
    assert page.select_one(f"caption a[href='#{table['id']}']")  # the caption's link still finds it


def test_hidden_notebook_code_is_shown_by_a_summary_holding_only_phrasing_content(built_book: Path) -> None:
    page = soup(built_book / "notebooks" / "tier-progress.html")
    summaries = page.select("div.cell details.hide > summary")
    assert summaries
    for summary in summaries:
        assert not summary.find("p")
        assert [s.get_text(strip=True) for s in summary.select("span.admonition-title")] == \
            ["Show code cell source", "Hide code cell source"]
        assert not summary.get("aria-label")  # its name is the words it shows (WCAG 2.5.3)
