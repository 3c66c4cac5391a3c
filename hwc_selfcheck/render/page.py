"""The frame every HTML report shares: one self-contained page from one template.

The supervision report, the checklists, the question sheet and the provider
and employer reports all come out of ``templates/page.html`` (a report with a
template of its own, such as the cohort report, extends it), so they look and
print the same (``templates/report.css``: A4 print rules, readable tables),
load nothing from anywhere else, and carry the same Content Security Policy.
"""

from __future__ import annotations

import html
from typing import Optional, Sequence

from markupsafe import Markup

from hwc_selfcheck import __version__
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.render.templates import render

# A report holds its styles inline and its charts as data: PNG images. Nothing
# else may load or run: no script, no request, no form, no <base> that would
# send its links elsewhere (the policy's own meta element must come first).
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def table(shown: HtmlTable) -> str:
    """An accessible table (column headers marked), or a plain sentence when there is nothing to show."""
    return shown._repr_html_() if shown.rows else "<p>Nothing here.</p>"


def paragraph(text: str, css_class: Optional[str] = None) -> str:
    attr = f' class="{css_class}"' if css_class else ""
    return f"<p{attr}>{html.escape(text)}</p>"


def frame(title: str, meta: str, footer: str, heading: Optional[str] = None) -> dict[str, object]:
    """What ``page.html`` needs besides the body, for a report whose own template extends it.

    ``title``, ``heading``, ``meta`` and ``footer`` are plain text: the template escapes them.
    """
    return {"policy": REPORT_POLICY, "title": title, "heading": heading or title, "meta": meta,
            "footer": footer, "parts": []}


def document(title: str, heading: str, meta: str, parts: Sequence[str], footer: str) -> str:
    """A whole HTML report. ``parts`` are HTML already escaped by their makers."""
    return render("page.html", **{**frame(title, meta, footer, heading), "parts": [Markup(p) for p in parts]})


def page(title: str, meta: str, body: Sequence[str], footer: str) -> str:
    """A report headed by its title, with the package's version after the footer."""
    return document(title, title, meta, body, f"{footer} (hwc-selfcheck {__version__})")
