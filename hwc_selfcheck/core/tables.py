"""A small table that rules can return without knowing how it will be shown.

Rules modules (tier progress, supervision, portfolio, ...) describe their
results as rows; a notebook shows them as HTML, a command prints them as
text. Keeping the table here, below the rules, means no rule has to import a
notebook or rendering module to hand its result over.
"""

from __future__ import annotations

import html
from typing import Any


class HtmlTable:
    """A small table that shows as HTML in notebooks and the book, and as text elsewhere."""

    def __init__(self, header: list[str], rows: list[list[Any]]) -> None:
        self.header = header
        self.rows = [[str(c) for c in row] for row in rows]

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in self.header)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in self.rows)
        return f'<table class="hwc-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'

    def __repr__(self) -> str:
        widths = [max(len(x) for x in col) for col in zip(self.header, *self.rows)]
        line = lambda cells: "  ".join(c.ljust(n) for c, n in zip(cells, widths)).rstrip()  # noqa: E731
        return "\n".join([line(self.header), *(line(r) for r in self.rows)])
