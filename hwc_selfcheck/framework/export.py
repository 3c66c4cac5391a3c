"""The framework export: a public, documented contract (JSON and CSV).

Tools outside this project (course builders, spreadsheets, the in-browser
self-check) rely on these shapes, so fields are only ever added, never renamed
or removed, and ``format_version`` rises when anything is added.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hwc_selfcheck import __version__
from hwc_selfcheck.framework.loader import Framework

FORMAT_NAME = "hwc-selfcheck/framework"
FORMAT_VERSION = 2  # 2: vocabulary.portfolio_entry_types added
SOURCE = {
    "title": "Workforce development framework for health and wellbeing coaches",
    "publisher": "NHS England",
    "publication_reference": "B1570",
    "note": "Statements are rewritten in plain English; meaning and figures are unchanged.",
}
CSV_COLUMNS = [
    "id", "area", "kind", "title", "statement", "gained_through", "evidenced_by",
    "min_tier", "essential", "standard", "gained_note", "evidence_note", "source_section",
]


def framework_as_dict(fw: Framework) -> dict[str, Any]:
    """The whole framework as plain JSON-ready data."""
    rules = fw.rules.model_dump(mode="json")
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "generator": f"hwc-selfcheck {__version__}",
        "source": SOURCE,
        "areas": [a.model_dump(mode="json") for a in fw.areas],
        "items": [item.model_dump(mode="json") for item in fw.items],
        "tiers": rules["tiers"],
        "supervision": rules["supervision"],
        "supervision_notes": rules["supervision_notes"],
        "sessions": rules["sessions"],
        "nhs_values": rules["nhs_values"],
        "i_statements": rules["i_statements"],
        "recording": rules["recording"],
        "minimum_training": rules["minimum_training"],
        "vocabulary": fw.vocabulary.model_dump(mode="json"),
    }


def framework_as_json(fw: Framework) -> str:
    return json.dumps(framework_as_dict(fw), indent=2, ensure_ascii=False) + "\n"


def framework_as_csv(fw: Framework) -> str:
    """One row per item; list fields are vocabulary terms joined by '; '."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in fw.items:
        row = item.model_dump(mode="json")
        row["gained_through"] = "; ".join(item.gained_through)
        row["evidenced_by"] = "; ".join(item.evidenced_by)
        row["essential"] = "yes" if item.essential else "no"
        writer.writerow({col: "" if row.get(col) is None else row[col] for col in CSV_COLUMNS})
    return buffer.getvalue()
