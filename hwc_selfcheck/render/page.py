"""The frame shared by the provider and employer reports: one self-contained HTML page.

It reuses the supervision report's styles (A4 print rules, readable tables),
so every report this package writes looks and prints the same and loads
nothing from anywhere else. The frame is the template ``templates/page.html``;
a report written from its own template extends it.
"""

from __future__ import annotations

import html
from typing import Optional, Sequence

from hwc_selfcheck import __version__
from markupsafe import Markup

from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.render.assessment_report import CSS
from hwc_selfcheck.render.templates import render

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
    return render("page.html", **frame(title, meta, footer), body=Markup("\n".join(body)))


def frame(title: str, meta: str, footer: str) -> dict[str, object]:
    """What the page template needs besides the body: for a report whose template extends ``page.html``."""
    return {"title": title, "meta": meta, "footer": footer, "css": Markup(CSS + EXTRA_CSS), "version": __version__}
