"""Mend the places where the theme and the notebook extension write invalid HTML.

The W3C Nu HTML checker (run on every built page by
``tests/site/test_valid_html.py``) found two:

- furo wraps each table (and each display formula) in a scrolling
  ``<div class="table-wrapper">`` and copies *all* the table's attributes onto
  it, its ``id`` too, so a numbered table's id appears twice. The wrapper only
  scrolls; the id (the target of the caption's link) stays on the table.
- myst-nb writes the "Show code cell source" line of a notebook's hidden code
  as two ``<p>`` elements inside ``<summary>``, where only phrasing content
  may go. They are written as ``<span>`` here, with the same classes;
  ``hwc.css`` styles them as the theme styles the paragraphs. (The summary's
  name becomes the words it shows, not myst-nb's "Toggle hidden content".)

The root ``index.html``, which sends a visitor on to the first page, is
written as a whole page by ``security.py``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

WRAPPERS = {"table-wrapper", "math-wrapper"}


class UnshareWrapperIds(SphinxPostTransform):
    """After furo's wrapping transform (priority 500): ids stay on the wrapped node only."""

    formats = ("html",)
    default_priority = 510

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            if WRAPPERS.intersection(wrapper["classes"]) and wrapper.children:
                inner = set(wrapper.children[0].get("ids", []))
                wrapper["ids"] = [i for i in wrapper["ids"] if i not in inner]


def visit_hidden_code(self: Any, node: HideCodeCellNode) -> None:
    """myst-nb's opening of a hidden code cell, with phrasing content in ``<summary>``.

    Without myst-nb's ``aria-label`` ("Toggle hidden content") too, so the
    control's name is the words it shows ("Show code cell source"): WCAG 2.5.3,
    label in name.
    """
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {escape(classes)}">\n<summary>\n')
    self.body.append(f'<span class="collapsed admonition-title">{escape(node["prompt_show"])}</span>\n')
    self.body.append(f'<span class="expanded admonition-title">{escape(node["prompt_hide"])}</span>\n</summary>\n')


def setup_valid_html(app: Sphinx) -> None:
    """Called from the extension's setup (after myst-nb's, whose visitor this replaces)."""
    app.add_post_transform(UnshareWrapperIds)
    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_code, depart_HideCellInput))
