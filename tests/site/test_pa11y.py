"""pa11y with HTML_CodeSniffer (WCAG 2 AA) finds no error on any page.

A second checker beside axe (test_accessibility.py): it found what axe does
not, such as forms with no submit button and an id used twice. One Node
process (tests/npm/pa11y-pages.js) checks every page of the strict build in
Debian's Chromium, after each page's own scripts have built its forms.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.site.test_accessibility import all_pages


def test_pa11y_htmlcs_finds_no_error_on_any_page(chromium_path: str, npm_tools: Path, site_url: str, built_book: Path) -> None:
    pages = [rel for rel in all_pages(built_book) if rel != "index.html"]  # it forwards to intro.html at once
    run = subprocess.run(["node", str(npm_tools / "pa11y-pages.js"), chromium_path, site_url, *pages],
                         capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(run.stdout)
    assert sorted(r["page"] for r in results) == pages
    errors = [f"{r['page']}: {i['code']} at {i['selector']}: {i['message']}"
              for r in results for i in r["issues"] if i["type"] == "error"]
    assert not errors, "\n".join(errors)
