"""A checklist as a self-contained page to print, with a box for each line still to do.

The rules of the checklists (which lines, which are done) live in
:mod:`hwc_selfcheck.practice.checklists`; this module only lays them out, in
the same style as the other printable reports.
"""

from __future__ import annotations

import html

from hwc_selfcheck import __version__
from hwc_selfcheck.core.findings import cite
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.practice.checklists import ChecklistProgress, item_text
from hwc_selfcheck.render.page import document


def checklist_html(fw: Framework, state: ChecklistProgress) -> str:
    """A self-contained page that prints on A4, with an empty box for each line not yet done."""
    e = html.escape
    c = state.checklist
    parts = [f"<p>{e(c.purpose)}</p>"]
    for group in c.groups:
        parts.append(f"<h2>{e(group.title)}</h2>")
        if group.note:
            parts.append(f"<p>{e(group.note)}</p>")
        parts.append('<table><thead><tr><th scope="col">Check</th><th scope="col">Source</th>'
                     '<th scope="col">Done?</th></tr></thead><tbody>')
        for item in group.items:
            mark = "Done" if item.key in state.done else "☐"
            source = cite(item.source_section)
            parts.append(f"<tr><td>{e(item_text(fw, item))}</td><td>{e(source[:1].upper() + source[1:])}</td>"
                         f"<td>{mark}</td></tr>")
        parts.append("</tbody></table>")
    footer = (f"From NHS England's framework (B1570), {cite(c.source_section)}. "
              f"Made by hwc-selfcheck {__version__} on your own device.")
    return document(c.title, c.title, f"For: {c.audience}", parts, footer)
