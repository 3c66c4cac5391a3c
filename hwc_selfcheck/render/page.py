"""The frame shared by the provider and employer reports: one self-contained HTML page.

It reuses the supervision report's styles (A4 print rules, readable tables),
so every report this package writes looks and prints the same and loads
nothing from anywhere else.
"""

from __future__ import annotations

import html
from typing import Optional, Sequence

from hwc_selfcheck import __version__
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.render.assessment_report import CSS

EXTRA_CSS = """
.note { background: #f0f4f5; border-left: 4px solid #005eb8; padding: 0.5rem 0.8rem; }
"""


def table(shown: HtmlTable) -> str:
    """An accessible table (column headers marked), or a plain sentence when there is nothing to show."""
    return shown._repr_html_() if shown.rows else "<p>Nothing here.</p>"


def paragraph(text: str, css_class: Optional[str] = None) -> str:
    attr = f' class="{css_class}"' if css_class else ""
    return f"<p{attr}>{html.escape(text)}</p>"


def page(title: str, meta: str, body: Sequence[str], footer: str) -> str:
    """A whole HTML page: ``body`` parts are HTML already escaped by their makers."""
    e = html.escape
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(title)}</title>",
            f"<style>{CSS}{EXTRA_CSS}</style></head><body><main>",
            f"<h1>{e(title)}</h1>",
            f'<p class="meta">{e(meta)}</p>',
            *body,
            f'<p class="privacy">{e(footer)} (hwc-selfcheck {__version__})</p>',
            "</main></body></html>",
            "",
        ]
    )
