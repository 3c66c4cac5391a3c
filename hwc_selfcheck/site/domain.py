"""A small Sphinx domain that knows where each item's card is.

A domain (rather than extra std labels) gets purge and parallel-merge right
for free, and lets an unknown ID surface as an ordinary nitpicky warning.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from hwc_selfcheck.framework.loader import load_framework


class ItemRole(XRefRole):
    """``{hwc}`PC-01```: shows "PC-01 Contracting" and links to the card.

    Registered both as ``hwc:ref`` and as the short ``hwc``; the short name
    would otherwise be read as a role without a domain, so it is pinned here.
    """

    def create_xref_node(self):  # type: ignore[override]
        self.refdomain, self.reftype = "hwc", "ref"
        self.classes = ["xref", "hwc", "hwc-ref"]
        return super().create_xref_node()

    def process_link(self, env, refnode, has_explicit_title, title, target):  # type: ignore[override]
        target = target.strip().upper()
        if not has_explicit_title:
            item = load_framework().get(target)
            title = f"{target} {item.title}" if item else target
        return title, target

    def result_nodes(self, document, env, node, is_ref):  # type: ignore[override]
        """Keep the ID in one piece ("PC-10" never splits at its hyphen), letting the title wrap."""
        for inner in node.findall(nodes.inline):
            text = inner.astext()
            item_id, space, rest = text.partition(" ")
            if item_id == node["reftarget"]:
                inner.children = []
                inner += nodes.inline(item_id, item_id, classes=["hwc-nowrap"])
                inner += nodes.Text(space + rest)
            break
        return super().result_nodes(document, env, node, is_ref)


class HwcDomain(Domain):
    name = "hwc"
    label = "Health and wellbeing coach framework"
    roles = {"ref": ItemRole(innernodeclass=nodes.inline, warn_dangling=True)}
    initial_data: dict[str, Any] = {"items": {}}  # item ID -> (docname, anchor)

    @property
    def items(self) -> dict[str, tuple[str, str]]:
        return self.data.setdefault("items", {})

    def note_item(self, item_id: str, docname: str, anchor: str) -> None:
        if item_id in self.items and self.items[item_id][0] != docname:
            other = self.items[item_id][0]
            from sphinx.util import logging

            logging.getLogger(__name__).warning(
                "item %s is rendered on both %s and %s", item_id, other, docname
            )
        self.items[item_id] = (docname, anchor)

    def clear_doc(self, docname: str) -> None:
        for item_id, (doc, _anchor) in list(self.items.items()):
            if doc == docname:
                del self.items[item_id]

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for item_id, (doc, anchor) in otherdata["items"].items():
            if doc in docnames:
                self.items[item_id] = (doc, anchor)

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> Optional[Element]:
        found = self.items.get(target.upper())
        if not found:
            return None
        docname, anchor = found
        return make_refnode(builder, fromdocname, docname, anchor, contnode, target)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):  # type: ignore[override]
        ref = self.resolve_xref(env, fromdocname, builder, "ref", target, node, contnode)
        return [("hwc:ref", ref)] if ref is not None else []

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        for item_id, (docname, anchor) in self.items.items():
            yield item_id, item_id, "item", docname, anchor, 1
