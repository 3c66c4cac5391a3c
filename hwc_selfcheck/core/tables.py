"""A small table that rules can return without knowing how it will be shown.

Rules modules (tier progress, supervision, portfolio, ...) describe their
results as rows; a notebook shows them as HTML, a command prints them as
text. Keeping the table here, below the rules, means no rule has to import a
notebook or rendering module to hand its result over.
"""

from __future__ import annotations

import html
import re
from typing import Any

ITEM_ID = re.compile(r"\b[A-Z]{2}-\d{2}\b")
NOWRAP = "hwc-nowrap"  # the class that keeps a cell or an ID on one line (hwc.css and the reports' styles)


def cell_html(text: str, tag: str = "td", attributes: str = "") -> str:
    """One cell, escaped, that never breaks inside a word.

    Text wraps only at spaces: a cell with no space (an ID, a number, a file
    name such as my-training.csv) stays on one line, and an item ID inside
    longer text ("PC-10 Referring on") is kept whole, where a browser would
    otherwise break it at the hyphen.
    """
    if len(text.split()) <= 1:
        return f'<{tag}{attributes} class="{NOWRAP}">{html.escape(text)}</{tag}>'
    shown = ITEM_ID.sub(lambda m: f'<span class="{NOWRAP}">{m[0]}</span>', html.escape(text))
    return f"<{tag}{attributes}>{shown}</{tag}>"


class HtmlTable:
    """A small table that shows as HTML in notebooks and the book, and as text elsewhere."""

    def __init__(self, header: list[str], rows: list[list[Any]]) -> None:
        self.header = header
        self.rows = [[str(c) for c in row] for row in rows]

    def _repr_html_(self) -> str:
        head = "".join(cell_html(h, "th", ' scope="col"') for h in self.header)
        body = "".join("<tr>" + "".join(cell_html(c) for c in row) + "</tr>" for row in self.rows)
        return f'<table class="hwc-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'

    def __repr__(self) -> str:
        widths = [max(len(x) for x in col) for col in zip(self.header, *self.rows)]
        line = lambda cells: "  ".join(c.ljust(n) for c, n in zip(cells, widths)).rstrip()  # noqa: E731
        return "\n".join([line(self.header), *(line(r) for r in self.rows)])
