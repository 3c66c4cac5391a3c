"""The framework as a 1EdTech CASE 1.0 package, for learning and course-management systems.

CASE (Competencies and Academic Standards Exchange) is the open standard that
such systems import competency frameworks from. The package holds:

- one ``CFDocument`` for the framework;
- one ``CFItem`` per area of appendix 2 and one per item (``humanCodingScheme``
  is the item ID, such as PC-01; ``fullStatement`` is its statement);
- ``isChildOf`` ``CFAssociations`` from each item to its area and from each
  area to the document.

Identifiers are UUIDs made from the item IDs (UUID version 5), so they never
change between builds and a system that imported the package once can update
it. The ``uri`` of each node is its UUID as a URN, because the edition has no
fixed web address. ``lastChangeDateTime`` is fixed (:data:`LAST_CHANGE`), so
the same data always gives the same file.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from hwc_selfcheck import __version__
from hwc_selfcheck.framework.export import SOURCE
from hwc_selfcheck.framework.loader import Framework

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:hwc-selfcheck:B1570")
LAST_CHANGE = "2026-11-24T00:00:00+00:00"  # when the items or areas last changed; move it on when they do
ITEM_TYPES = {
    "area": ("Competency area", "A section of appendix 2 of the framework that groups items."),
    "competency": ("Competency", "What a health and wellbeing coach should be able to do."),
    "general_capability": ("General capability", "Usually set by the employer or by law; gained through mandatory training."),
    "additional_model": ("Additional model or approach", "Desirable from Tier 2: a model or approach a coach in the NHS should know."),
    "supervisor_standard": ("Supervisor standard", "A minimum standard for health coaching supervisors."),
}


def node_id(kind: str, key: str) -> str:
    """The stable UUID of one node of the package (the same input always gives the same UUID)."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def _link(title: str, identifier: str) -> dict[str, str]:
    """A CASE LinkURI: title, identifier and uri of the node pointed to."""
    return {"title": title, "identifier": identifier, "uri": f"urn:uuid:{identifier}"}


def framework_as_case(fw: Framework) -> dict[str, Any]:
    """The whole framework as a CASE 1.0 ``CFPackage`` (plain JSON-ready data)."""
    doc_id = node_id("document", SOURCE["publication_reference"])
    document = _link(SOURCE["title"], doc_id)
    types = {k: _link(title, node_id("item-type", k)) for k, (title, _) in ITEM_TYPES.items()}

    def item(identifier: str, type_key: str, statement: str, short: str, code: str, position: int, notes: str) -> dict[str, Any]:
        return {
            "identifier": identifier,
            "uri": f"urn:uuid:{identifier}",
            "fullStatement": statement,
            "abbreviatedStatement": short,
            "humanCodingScheme": code,
            "listEnumeration": str(position),
            "CFItemType": ITEM_TYPES[type_key][0],
            "CFItemTypeURI": types[type_key],
            "language": "en",
            "notes": notes,
            "lastChangeDateTime": LAST_CHANGE,
            "CFDocumentURI": document,
        }

    def child_of(origin: dict[str, Any], destination: dict[str, str], position: int) -> dict[str, Any]:
        identifier = node_id("association", f"{origin['identifier']}:isChildOf:{destination['identifier']}")
        return {
            "identifier": identifier,
            "uri": f"urn:uuid:{identifier}",
            "associationType": "isChildOf",
            "sequenceNumber": position,
            "originNodeURI": _link(origin["abbreviatedStatement"], origin["identifier"]),
            "destinationNodeURI": destination,
            "lastChangeDateTime": LAST_CHANGE,
            "CFDocumentURI": document,
        }

    items: list[dict[str, Any]] = []
    associations: list[dict[str, Any]] = []
    for area in fw.areas:
        area_item = item(node_id("area", area.key), "area", area.source_title, area.title, area.code, area.number,
                         f"{' '.join(area.summary.split())} Appendix 2, section {area.number}.")
        items.append(area_item)
        associations.append(child_of(area_item, document, area.number))
        for position, it in enumerate((i for i in fw.items if i.area == area.key), start=1):
            level = "essential" if it.essential else "desirable"
            entry = item(node_id("item", it.id), it.kind, " ".join(it.statement.split()), it.title, it.id, position,
                         f"From Tier {it.min_tier}, {level}. Source: {it.source_section}.")
            items.append(entry)
            associations.append(child_of(entry, _link(area.title, area_item["identifier"]), position))
    return {
        "CFDocument": {
            "identifier": doc_id,
            "uri": f"urn:uuid:{doc_id}",
            "creator": SOURCE["publisher"],
            "title": SOURCE["title"],
            "lastChangeDateTime": LAST_CHANGE,
            "publisher": "hwc-selfcheck (an independent plain-English edition, not produced or endorsed by NHS England)",
            "description": f"{SOURCE['title']}, publication reference {SOURCE['publication_reference']}. {SOURCE['note']}",
            "subject": ["Health and wellbeing coaching"],
            "language": "en",
            "version": __version__,
            "notes": f"Made by hwc-selfcheck {__version__} from its framework data.",
            "CFPackageURI": _link(SOURCE["title"], doc_id),
        },
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {
            "CFConcepts": [],
            "CFSubjects": [],
            "CFLicenses": [],
            "CFItemTypes": [
                {**types[k], "description": description, "hierarchyCode": k, "lastChangeDateTime": LAST_CHANGE}
                for k, (_, description) in ITEM_TYPES.items()
            ],
            "CFAssociationGroupings": [],
        },
        "CFRubrics": [],
    }


def framework_as_case_json(fw: Framework) -> str:
    return json.dumps(framework_as_case(fw), indent=2, ensure_ascii=False) + "\n"
