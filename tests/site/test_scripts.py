"""The browser scripts: which pages load them, and their rules run by Node (tests/js/).

The Node tests need no browser: the self-check's rules and storage
(hwc-rules.js) and the knowledge checks' grading (hwc-quiz.js) run in Node,
and compare themselves with what tests/js/fixtures.py makes from the package.
Running them from here puts them in ``make test``.
"""

from __future__ import annotations

import json
import os
import re
import runpy
import shutil
import subprocess
from pathlib import Path

import pytest

JS_TESTS = Path(__file__).resolve().parents[1] / "js"

# Classic scripts run in the order they are listed, and each needs those before it. Every page
# starts with hwc-theme.js, the colour-scheme line the Content Security Policy moved out of the page.
PAGE_SCRIPTS = {
    "book/framework/professional.html": ["hwc-theme.js", "hwc-items.js", "hwc.js", "hwc-rules.js", "hwc-forms.js"],
    "book/self-assessment/my-self-assessment.html": ["hwc-theme.js", "hwc-items.js", "hwc.js", "hwc-rules.js",
                                                     "hwc-summary.js", "hwc-portfolio-page-beside.js"],
    "book/role/values.html": ["hwc-theme.js", "hwc.js", "hwc-quiz.js"],
    "book/portfolio/hours.html": ["hwc-theme.js", "hwc.js", "hwc-portfolio-page-edit.js"],
    "book/portfolio/evidence-map.html": ["hwc-theme.js", "hwc-items.js", "hwc.js", "hwc-portfolio-page-map.js"],
    "book/portfolio/index.html": ["hwc-theme.js", "hwc-items.js", "hwc.js", "hwc-rules.js", "hwc-portfolio-page-file.js"],
    "book/portfolio/supervisors.html": ["hwc-theme.js", "hwc-items.js", "hwc.js", "hwc-rules.js",
                                        "hwc-portfolio-page-supervisor.js"],
    "book/portfolio/reviews.html": ["hwc-theme.js", "hwc-items.js", "hwc.js", "hwc-portfolio-page-reviews.js"],
    "intro.html": ["hwc-theme.js"],
}


def test_each_page_loads_the_scripts_it_uses_in_order(built_book: Path) -> None:
    for page, scripts in PAGE_SCRIPTS.items():
        html = (built_book / page).read_text(encoding="utf-8")
        assert re.findall(r'<script[^>]* src="(?:[^"]*/)?_static/(hwc[^"?]*)', html) == scripts, page


def test_node_tests_pass(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("the JavaScript tests need Node.js (node) on the PATH")
        pytest.skip("Node.js not found: the JavaScript tests in tests/js/ were not run")
    fixtures = tmp_path / "fixtures.json"
    fixtures.write_text(json.dumps(runpy.run_path(str(JS_TESTS / "fixtures.py"))["fixtures"]()))
    files = sorted(str(p) for p in JS_TESTS.glob("*.test.js"))
    assert files, "no tests in tests/js/"
    result = subprocess.run([node, "--test", *files], capture_output=True, text=True,
                            env={**os.environ, "HWC_JS_FIXTURES": str(fixtures)}, timeout=300)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-4000:]
