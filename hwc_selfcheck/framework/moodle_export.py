"""The framework as a Moodle competency framework file (CSV), for Moodle's "Import competency framework" tool.

Most course providers run Moodle. Its admin tool ``tool_lpimportcsv`` makes a
competency framework from a CSV file, and this module writes one that the
tool takes as it is, with no column mapping and no editing. What the tool
requires, read from its importer (``framework_importer.php``) and from the
competency framework it creates (``core_competency\\competency_framework``):

- the 14 columns of :data:`HEADINGS`, in that order, with those headings
  (the importer reads columns by position and offers the headings it found as
  the default mapping); every row has all 14 cells, or the file is refused;
- exactly one row whose ``Is framework`` cell is true (``1``): the framework,
  with the rating scale as ``Scale values`` (the values joined by commas,
  lowest first, as Moodle writes a scale) and ``Scale configuration`` in
  Moodle's JSON form: first ``{"scaleid": ...}`` (the importer puts in the id
  of the scale it finds or makes), then one entry per value, numbered from 1,
  with its ``scaledefault`` and ``proficient`` flags. Moodle refuses a
  configuration without a default and at least one proficient value. The
  default is the value Moodle gives when a rule completes a competency, so it
  is the project's target level ("Confident"); that level and every level
  above it are proficient;
- ``Taxonomy`` on the framework row: one word per level of the tree, joined by
  commas, each one of Moodle's taxonomy words (:data:`MOODLE_TAXONOMIES`). The
  areas are the first level (``domain``), the items the second (``competency``);
- every other row is a competency: ``Parent ID number`` empty for a top-level
  competency (an area) or the ``ID number`` of its parent (the item's area).
  ``ID number`` must be unique in the file (the importer keys rows by it) and,
  like ``Short name``, at most 100 characters (longer ones are cut);
- ``Description format`` 1 means HTML (``FORMAT_HTML``). Descriptions are
  made with Jinja2 templates with autoescaping, so text from the data is never
  read as markup;
- competencies leave ``Scale values`` empty, so they use the framework's
  scale; ``Rule outcome`` is ``0`` and ``Rule config`` ``null``, as Moodle's own
  export writes a competency without a rule.

The framework's ``ID number`` carries the date the items last changed
(:data:`hwc_selfcheck.framework.case_export.LAST_CHANGE`): Moodle refuses a
second framework with the same ID number, so importing the same content twice
is refused, and a changed edition imports beside the old one.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from jinja2 import Environment

from hwc_selfcheck.framework.case_export import LAST_CHANGE
from hwc_selfcheck.framework.export import SOURCE
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import Area, Item
from hwc_selfcheck.framework.scales import RatingScale, load_scales

# The importer's headings (tool_lpimportcsv's language strings), in its column order.
HEADINGS = [
    "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values",
    "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
    "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework", "Taxonomy",
]
FORMAT_HTML = 1  # Moodle's FORMAT_HTML
# Every taxonomy word Moodle accepts (competency_framework::get_taxonomies_list).
MOODLE_TAXONOMIES = ("behaviour", "competency", "concept", "domain", "indicator", "level", "outcome",
                     "practice", "proficiency", "skill", "value")
TAXONOMIES = ("domain", "competency")  # level 1: the areas; level 2: the items
SCALE_ID_PLACEHOLDER = "1"  # replaced by the importer with the id of the scale it finds or makes
FRAMEWORK_ID_NUMBER = f"HWC-{SOURCE['publication_reference']}-{LAST_CHANGE[:10]}"
FRAMEWORK_SHORT_NAME = f"Health and wellbeing coaches ({SOURCE['publisher']} {SOURCE['publication_reference']})"

_TEMPLATES = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
_FRAMEWORK = _TEMPLATES.from_string(
    "<p>{{ title }}, publication reference {{ reference }}. {{ note }}</p>"
    "<p>An independent plain-English edition, not produced or endorsed by {{ publisher }}. "
    "The areas hold the items; each item's ID number is its ID in the framework (such as PC-01).</p>"
    "<p>Rating scale, lowest first: {{ levels }}. {{ target }} and above count as proficient.</p>"
)
_AREA = _TEMPLATES.from_string(
    "<p>{{ area.summary }}</p>"
    "{% if area.note %}<p>{{ area.note }}</p>{% endif %}"
    "<p>Appendix 2, section {{ area.number }}: {{ area.source_title }}. From Tier {{ area.min_tier }}.</p>"
)
_ITEM = _TEMPLATES.from_string(
    "<p>{{ item.statement }}</p>"
    "{% if item.standard %}<p><strong>Minimum standard:</strong> {{ item.standard }}</p>"
    "{% if item.standard_note %}<p><em>{{ item.standard_note }}</em></p>{% endif %}{% endif %}"
    "{% if gained or item.gained_note %}<p><strong>How it is gained:</strong>"
    "{% if gained %} {{ gained }}.{% endif %}{% if item.gained_note %} <em>{{ item.gained_note }}</em>{% endif %}</p>{% endif %}"
    "<p><strong>How it is evidenced:</strong> {{ evidenced }}."
    "{% if item.evidence_note %} <em>{{ item.evidence_note }}</em>{% endif %}</p>"
    "<p>From Tier {{ item.min_tier }}, {{ 'essential' if item.essential else 'desirable' }}. "
    "Source: {{ item.source_section }}.</p>"
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def scale_values(rating: RatingScale) -> str:
    """The rating scale as Moodle writes a scale: the values, lowest first, joined by commas."""
    return ",".join(level.label for level in rating.levels)


def scale_configuration(rating: RatingScale) -> str:
    """Moodle's JSON scale configuration: the scale id, then each value (from 1) with its flags."""
    config: list[dict[str, Any]] = [{"scaleid": SCALE_ID_PLACEHOLDER}]
    for position, level in enumerate(rating.levels, start=1):
        config.append({"id": position, "scaledefault": int(level.level == rating.target),
                       "proficient": int(level.level >= rating.target)})
    return json.dumps(config, separators=(",", ":"))


def _competency(parent: str, id_number: str, short_name: str, description: str) -> dict[str, str]:
    row = dict.fromkeys(HEADINGS, "")
    row.update({
        "Parent ID number": parent, "ID number": id_number, "Short name": short_name,
        "Description": description, "Description format": str(FORMAT_HTML),
        "Rule outcome (optional)": "0", "Rule config (optional)": "null",
    })
    return row


def _item_description(fw: Framework, item: Item) -> str:
    return _ITEM.render(
        item=item.model_copy(update={k: _one_line(v) for k, v in item.model_dump().items() if isinstance(v, str)}),
        gained="; ".join(fw.label("gained_through", t) for t in item.gained_through),
        evidenced="; ".join(fw.label("evidenced_by", t) for t in item.evidenced_by),
    )


def _area_description(area: Area) -> str:
    return _AREA.render(area=area.model_copy(update={"summary": _one_line(area.summary),
                                                     "note": _one_line(area.note) if area.note else None}))


def moodle_rows(fw: Framework) -> list[dict[str, str]]:
    """The framework row, then each area followed by its items, as heading -> cell."""
    rating = load_scales().rating
    framework = dict.fromkeys(HEADINGS, "")
    framework.update({
        "ID number": FRAMEWORK_ID_NUMBER,
        "Short name": FRAMEWORK_SHORT_NAME,
        "Description": _FRAMEWORK.render(
            title=SOURCE["title"], reference=SOURCE["publication_reference"], note=SOURCE["note"],
            publisher=SOURCE["publisher"], levels=", ".join(lvl.label for lvl in rating.levels),
            target=rating.label(rating.target)),
        "Description format": str(FORMAT_HTML),
        "Scale values": scale_values(rating),
        "Scale configuration": scale_configuration(rating),
        "Is framework": "1",
        "Taxonomy": ",".join(TAXONOMIES),
    })
    rows = [framework]
    for area in fw.areas:
        rows.append(_competency("", area.code, area.title, _area_description(area)))
        for item in (i for i in fw.items if i.area == area.key):
            rows.append(_competency(area.code, item.id, item.title, _item_description(fw, item)))
    return rows


def framework_as_moodle_csv(fw: Framework) -> str:
    """The whole file: UTF-8 text, comma-separated, every cell quoted where it needs to be."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADINGS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(moodle_rows(fw))
    return buffer.getvalue()
