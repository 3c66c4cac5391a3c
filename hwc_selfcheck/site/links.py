"""Fill in the "Self-assess" links on item cards once the builder is known.

A card only knows the document where its item is rated; the builder knows
how that document's URL looks from the card's page (``.html`` or a folder),
so the URL is made here rather than typed when the card is written.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)


def resolve_self_assess_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for ref in doctree.findall(nodes.reference):
        target = ref.get("hwc_doc")
        if not target:
            continue
        if target not in app.env.all_docs:
            logger.warning("self-assess page %r is not in the book", target, location=docname)
            continue
        ref["refuri"] = app.builder.get_relative_uri(docname, target) + "#" + ref["hwc_anchor"]
