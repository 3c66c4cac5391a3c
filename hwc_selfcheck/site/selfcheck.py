"""The in-browser self-check: its item file and its summary page.

The browser never has its own copy of the framework: at the end of each HTML
build this writes ``_static/hwc-items.js`` from the package's data (items,
the rating scale, evidence states, where each card is), and ``hwc-rules.js``
reads it. So Python and the browser cannot disagree about the items. It is a script
that sets ``window.HWC_ITEMS`` rather than a JSON file to fetch, because
browsers refuse fetches from pages opened as files (``file://``), and a coach
may well open the built site straight from a folder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Optional

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from hwc_selfcheck.assessment.record import FORMAT, NOTE_MAX, PSEUDONYM_MAX, RENAMED_ITEMS, SCHEMA_VERSION, json_schema
from hwc_selfcheck.core.files import MAX_RECORD_BYTES
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.scales import load_scales

from .statements import privacy_note

ITEMS_FILE = "hwc-items.js"
ITEMS_GLOBAL = "HWC_ITEMS"


# Words a schema holds for people (hwc-rules.js skips them): the page needs only the rules.
ANNOTATIONS = frozenset({"$schema", "$comment", "title", "description", "default"})


def rules_only(schema: Any) -> Any:
    """The schema without its annotations: it accepts and refuses exactly what the published one does.

    The item list is downloaded on every rated page, so its copy of the schema
    carries only what a check uses. Names under ``properties`` and ``$defs``
    are names, not annotations, so only their schemas are trimmed.
    """
    if not isinstance(schema, dict):
        return schema
    kept: dict[str, Any] = {}
    for key, value in schema.items():
        if key in ANNOTATIONS:
            continue
        if key in ("properties", "$defs"):
            kept[key] = {name: rules_only(sub) for name, sub in value.items()}
        else:
            kept[key] = rules_only(value)
    return kept


def items_payload(fw: Framework, urls: dict[str, str]) -> dict[str, Any]:
    """Everything the browser needs, and nothing else (the file is downloaded on every rated page)."""
    scales = load_scales()
    ids = [item.id for item in fw.items]
    return {
        "format": "hwc-selfcheck/items",
        "items_version": hashlib.sha256(",".join(ids).encode()).hexdigest()[:12],
        # schema: the one definition of a valid record, which hwc-rules.js applies to an imported file.
        "assessment": {"format": FORMAT, "schema_version": SCHEMA_VERSION, "note_max": NOTE_MAX,
                       "pseudonym_max": PSEUDONYM_MAX, "max_file_bytes": MAX_RECORD_BYTES, "schema": rules_only(json_schema())},
        "target": scales.rating.target,
        "levels": [lvl.model_dump() for lvl in scales.rating.levels],
        "evidence": [opt.model_dump() for opt in scales.evidence],
        "areas": [{"key": a.key, "title": a.title} for a in fw.areas],
        # Stored answers under an old item ID move to the new one (the package reads files the same way).
        "renamed": RENAMED_ITEMS,
        "items": [
            {"id": i.id, "area": i.area, "kind": i.kind, "title": i.title, "min_tier": i.min_tier,
             "essential": i.essential, "url": urls.get(i.id, "")}
            for i in fw.items
        ],
    }


def write_items_file(app: Sphinx, exception: Optional[Exception]) -> None:
    if exception is not None or app.builder.format != "html":
        return
    domain = app.env.get_domain("hwc")
    urls = {item_id: f"{app.builder.get_target_uri(doc)}#{anchor}"
            for item_id, (doc, anchor) in domain.items.items()}  # type: ignore[attr-defined]
    target = Path(app.outdir) / "_static" / ITEMS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(items_payload(load_framework(), urls), separators=(",", ":"))
    target.write_text(f"window.{ITEMS_GLOBAL} = {payload};\n", encoding="utf-8")


class SummaryDirective(SphinxDirective):
    """``{hwc-selfcheck-summary}``: where hwc-summary.js shows a person's own self-assessment."""

    def run(self) -> list[nodes.Node]:
        html = (
            '<div class="hwc-summary" data-hwc-summary>'
            '<p class="hwc-noscript"><strong>This page needs JavaScript</strong> to show your answers, '
            "because they are kept in your browser, not on a server. You can still read every "
            "competency, and you can rate yourself in the Jupyter notebooks instead.</p></div>"
        )
        return [nodes.raw("", html, format="html"), privacy_note(self.env.docname, "Your answers")]
