"""axe-core finds no accessibility problem, at any impact level, on any page.

Runs axe (bundled with axe-playwright-python, nothing from the network) in
headless Chromium against every HTML page of the strict build, in the light
colour scheme and, for contrast, the dark one too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from hwc_selfcheck.site.statements import DARK_SCHEME_PAGES

AXE = Axe()


def all_pages(html: Path) -> list[str]:
    return sorted(str(p.relative_to(html)) for p in html.rglob("*.html") if "_static" not in p.parts)


def violations_text(result) -> str:  # type: ignore[no-untyped-def]
    lines = []
    for v in result.response["violations"]:
        targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']} at {targets}")
    return "\n".join(lines)


def test_axe_finds_nothing_on_any_page(page, site_url: str, built_book: Path) -> None:
    problems = []
    for rel in all_pages(built_book):
        if rel == "index.html":  # a redirect to intro.html, checked there
            continue
        page.goto(f"{site_url}/{rel}")
        result = AXE.run(page)
        if result.violations_count:
            problems.append(f"{rel}:\n{violations_text(result)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rel", DARK_SCHEME_PAGES)  # the accessibility statement counts them
def test_axe_dark_scheme(page, site_url: str, rel: str) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(f"{site_url}/{rel}")
    result = AXE.run(page)
    assert not result.violations_count, violations_text(result)
