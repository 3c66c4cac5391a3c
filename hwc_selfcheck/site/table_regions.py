"""Tables that scroll sideways on a phone, in a box a keyboard can reach and a screen reader can name.

A table wider than the screen scrolls inside its own box (furo's
``div.table-wrapper``, and the box around a notebook's HTML output), never
the whole page, and its words are never broken to make it fit (``hwc.css``).
A box that scrolls must take the keyboard focus, or someone without a mouse
cannot see the hidden columns; so each such box gets ``tabindex="0"``, the
``region`` role and, as its name, the heading above it. Code blocks, which
keep their lines as written and so may scroll on a phone too, get
``tabindex="0"`` for the same reason.
"""

from __future__ import annotations

import html
import re
from typing import Any

from sphinx.application import Sphinx

# A heading, or the opening tag of a box that holds a table.
_PARTS = re.compile(r'<h[1-6][^>]*>(?P<heading>.*?)</h[1-6]>'
                    r'|<div class="(?P<box>table-wrapper[^"]*|output text_html)"(?P<rest>[^>]*)>', re.DOTALL)
_CODE = '<div class="highlight"><pre>'
_HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", _HEADERLINK.sub("", fragment))).split())


def label_table_boxes(body: str, title: str) -> str:
    """``body`` with every table box focusable and named after the nearest heading above it."""
    label = title
    used: dict[str, int] = {}
    out: list[str] = []
    last = 0
    for match in _PARTS.finditer(body):
        if match["heading"] is not None:
            label = _text(match["heading"]) or label
            continue
        if match["box"] == "output text_html" and not body.startswith("<table", match.end()):
            continue  # a notebook output that is not a table
        used[label] = used.get(label, 0) + 1  # two tables under one heading: "Table 2: ..."
        number = f" {used[label]}" if used[label] > 1 else ""
        named = html.escape(f"Table{number}: {label}", quote=True)
        out.append(body[last:match.start()])
        out.append(f'<div class="{match["box"]}"{match["rest"]} role="region" tabindex="0" aria-label="{named}">')
        last = match.end()
    out.append(body[last:])
    return "".join(out).replace(_CODE, '<div class="highlight"><pre tabindex="0">')


def _label_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if "body" in context:
        context["body"] = label_table_boxes(context["body"], _text(context.get("title", "")))


def setup_table_regions(app: Sphinx) -> None:
    app.connect("html-page-context", _label_page)
