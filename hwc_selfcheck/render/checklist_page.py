"""A checklist as a self-contained page to print, with a box for each line still to do.

The rules of the checklists (which lines, which are done) live in
:mod:`hwc_selfcheck.practice.checklists`; this module only lays them out, in
the frame every report shares (template ``checklist.html``).
"""

from __future__ import annotations

from hwc_selfcheck import __version__
from hwc_selfcheck.core.findings import cite
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.practice.checklists import ChecklistProgress, item_text
from hwc_selfcheck.render.page import frame
from hwc_selfcheck.render.templates import render


def checklist_html(fw: Framework, state: ChecklistProgress) -> str:
    """A self-contained page that prints on A4, with an empty box for each line not yet done."""
    c = state.checklist
    groups = []
    for group in c.groups:
        lines = []
        for item in group.items:
            source = cite(item.source_section)
            lines.append({"text": item_text(fw, item), "source": source[:1].upper() + source[1:],
                          "mark": "Done" if item.key in state.done else "\u2610"})
        groups.append({"title": group.title, "note": group.note, "lines": lines})
    footer = (f"From NHS England's framework (B1570), {cite(c.source_section)}. "
              f"Made by hwc-selfcheck {__version__} on your own device.")
    return render("checklist.html", **frame(c.title, f"For: {c.audience}", footer), purpose=c.purpose, groups=groups)
