"""The browser scripts: which pages load them."""

from __future__ import annotations

import re
from pathlib import Path

# Classic scripts run in the order they are listed, and each needs those before it.
PAGE_SCRIPTS = {
    "book/framework/professional.html": ["hwc-items.js", "hwc.js", "hwc-rules.js", "hwc-forms.js"],
    "book/self-assessment/my-self-assessment.html": ["hwc-items.js", "hwc.js", "hwc-rules.js", "hwc-summary.js"],
    "book/role/values.html": ["hwc.js", "hwc-quiz.js"],
    "intro.html": [],
}


def test_each_page_loads_the_scripts_it_uses_in_order(built_book: Path) -> None:
    for page, scripts in PAGE_SCRIPTS.items():
        html = (built_book / page).read_text(encoding="utf-8")
        assert re.findall(r'<script[^>]* src="(?:[^"]*/)?_static/(hwc[^"?]*)', html) == scripts, page
