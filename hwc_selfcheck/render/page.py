"""The frame every HTML report shares: one self-contained page from one template.

The supervision report, the checklists, the question sheet and the provider
and employer reports all come out of ``templates/page.html`` (a report with a
template of its own, such as the cohort report, extends it), so they look and
print the same (``templates/report.css``: A4 print rules, tables that never
break a word and scroll in their own box on a phone), load nothing from
anywhere else, and carry the same Content Security Policy.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Optional, Sequence, Union

from markupsafe import Markup

from hwc_selfcheck import __version__
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.render.templates import render, table_html

# A report holds its styles inline and its charts as data: PNG images. Nothing
# else may load or run: no script, no request, no form, no <base> that would
# send its links elsewhere (the policy's own meta element must come first).
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class ReportTable:
    """A table placed among a report's parts; :func:`document` names its scroll box after the heading above it."""

    shown: HtmlTable


def table(shown: HtmlTable) -> Union[ReportTable, str]:
    """An accessible table (column headers marked) that scrolls on a narrow screen, or a sentence when empty."""
    return ReportTable(shown) if shown.rows else "<p>Nothing here.</p>"


def paragraph(text: str, css_class: Optional[str] = None) -> str:
    attr = f' class="{css_class}"' if css_class else ""
    return f"<p{attr}>{html.escape(text)}</p>"


def frame(title: str, meta: str, footer: str, heading: Optional[str] = None) -> dict[str, object]:
    """What ``page.html`` needs besides the body, for a report whose own template extends it.

    ``title``, ``heading``, ``meta`` and ``footer`` are plain text: the template escapes them.
    """
    return {"policy": REPORT_POLICY, "title": title, "heading": heading or title, "meta": meta,
            "footer": footer, "parts": []}


def _placed(parts: Sequence[Union[str, ReportTable]], heading: str) -> list[Markup]:
    """The parts as HTML, each table in a scroll box named after the nearest heading above it (unique on the page)."""
    placed: list[Markup] = []
    label, used = heading, {}
    for part in parts:
        if isinstance(part, ReportTable):
            used[label] = used.get(label, 0) + 1
            placed.append(table_html(part.shown, label if used[label] == 1 else f"{label} ({used[label]})"))
            continue
        headings = _HEADING.findall(part)
        if headings:
            label = html.unescape(_TAG.sub("", headings[-1])).strip()
        placed.append(Markup(part))
    return placed


def document(title: str, heading: str, meta: str, parts: Sequence[Union[str, ReportTable]], footer: str) -> str:
    """A whole HTML report. ``parts`` are HTML already escaped by their makers, or tables."""
    return render("page.html", **{**frame(title, meta, footer, heading), "parts": _placed(parts, heading)})


def page(title: str, meta: str, body: Sequence[Union[str, ReportTable]], footer: str) -> str:
    """A report headed by its title, with the package's version after the footer."""
    return document(title, title, meta, body, f"{footer} (hwc-selfcheck {__version__})")
