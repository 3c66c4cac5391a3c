"""The frame shared by the provider and employer reports: one self-contained HTML page.

It is the Jinja2 template ``templates/page.html`` with the reports' shared
stylesheet (A4 print rules, tables that never break a word and scroll on a
phone), so every report this package writes looks and prints the same and
loads nothing from anywhere else.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Optional, Sequence, Union

from markupsafe import Markup

from hwc_selfcheck import __version__
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.render.templating import render_html, table_html

_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class ReportTable:
    """A table placed in a report's body; :func:`page` names its scroll box after the heading above it."""

    shown: HtmlTable


def table(shown: HtmlTable) -> Union[ReportTable, str]:
    """An accessible table (column headers marked) that scrolls on a narrow screen, or a sentence when empty."""
    return ReportTable(shown) if shown.rows else "<p>Nothing here.</p>"


def paragraph(text: str, css_class: Optional[str] = None) -> str:
    attr = f' class="{css_class}"' if css_class else ""
    return f"<p{attr}>{html.escape(text)}</p>"


def page(title: str, meta: str, body: Sequence[Union[str, ReportTable]], footer: str) -> str:
    """A whole HTML page: ``body`` parts are HTML already escaped by their makers, or tables; the rest is escaped here."""
    parts: list[Markup] = []
    label = title
    for part in body:
        if isinstance(part, ReportTable):
            parts.append(table_html(part.shown, label))
            continue
        headings = _HEADING.findall(part)
        if headings:
            label = html.unescape(_TAG.sub("", headings[-1])).strip()
        parts.append(Markup(part))
    return render_html("page.html", title=title, meta=meta, body=parts, footer=footer, version=__version__)
