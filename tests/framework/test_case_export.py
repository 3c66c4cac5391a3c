"""The CASE 1.0 package: the structure systems expect, stable identifiers, links that resolve."""

from __future__ import annotations

import json
import re

import jsonschema

from hwc_selfcheck.framework.case_export import framework_as_case, framework_as_case_json, node_id
from hwc_selfcheck.framework.loader import Framework

UUID = {"type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"}
DATE_TIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$"}
LINK = {"type": "object", "required": ["title", "identifier", "uri"], "additionalProperties": False,
        "properties": {"title": {"type": "string"}, "identifier": UUID, "uri": {"type": "string", "pattern": "^[a-z]+:"}}}
# The parts of the CASE 1.0 CFPackage binding this export relies on: required fields and their types.
CF_PACKAGE = {
    "type": "object",
    "required": ["CFDocument", "CFItems", "CFAssociations"],
    "properties": {
        "CFDocument": {"type": "object", "required": ["identifier", "uri", "creator", "title", "lastChangeDateTime"],
                       "properties": {"identifier": UUID, "lastChangeDateTime": DATE_TIME, "CFPackageURI": LINK}},
        "CFItems": {"type": "array", "items": {
            "type": "object", "required": ["identifier", "uri", "fullStatement", "lastChangeDateTime"],
            "properties": {"identifier": UUID, "fullStatement": {"type": "string", "minLength": 1},
                           "humanCodingScheme": {"type": "string"}, "CFItemType": {"type": "string"},
                           "CFItemTypeURI": LINK, "CFDocumentURI": LINK, "lastChangeDateTime": DATE_TIME}}},
        "CFAssociations": {"type": "array", "items": {
            "type": "object",
            "required": ["identifier", "uri", "associationType", "originNodeURI", "destinationNodeURI", "lastChangeDateTime"],
            "properties": {"identifier": UUID, "sequenceNumber": {"type": "integer"},
                           "associationType": {"enum": ["isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes",
                                                        "isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel"]},
                           "originNodeURI": LINK, "destinationNodeURI": LINK, "lastChangeDateTime": DATE_TIME}}},
        "CFDefinitions": {"type": "object", "properties": {"CFItemTypes": {"type": "array", "items": {
            "type": "object", "required": ["identifier", "uri", "title", "hierarchyCode", "lastChangeDateTime"]}}}},
    },
}


def test_package_matches_the_case_structure(fw: Framework) -> None:
    jsonschema.validate(framework_as_case(fw), CF_PACKAGE)


def test_every_item_and_area_is_there_with_its_code_and_statement(fw: Framework) -> None:
    items = framework_as_case(fw)["CFItems"]
    by_code = {i["humanCodingScheme"]: i for i in items}
    assert len(items) == len(fw.items) + len(fw.areas)
    for item in fw.items:
        assert by_code[item.id]["fullStatement"] == " ".join(item.statement.split())
        assert by_code[item.id]["abbreviatedStatement"] == item.title
    assert {a.code for a in fw.areas} <= set(by_code)


def test_identifiers_are_unique_and_every_link_resolves(fw: Framework) -> None:
    package = framework_as_case(fw)
    document = package["CFDocument"]["identifier"]
    nodes = {i["identifier"] for i in package["CFItems"]} | {document}
    types = {t["identifier"] for t in package["CFDefinitions"]["CFItemTypes"]}
    every = [document] + [i["identifier"] for i in package["CFItems"]] + [a["identifier"] for a in package["CFAssociations"]]
    assert len(every) == len(set(every))
    for association in package["CFAssociations"]:
        assert association["originNodeURI"]["identifier"] in nodes
        assert association["destinationNodeURI"]["identifier"] in nodes
    assert all(i["CFItemTypeURI"]["identifier"] in types for i in package["CFItems"])
    assert all(i["uri"] == f"urn:uuid:{i['identifier']}" for i in package["CFItems"])


def test_items_are_children_of_their_area_and_areas_of_the_document(fw: Framework) -> None:
    package = framework_as_case(fw)
    parent = {a["originNodeURI"]["identifier"]: a["destinationNodeURI"]["identifier"]
              for a in package["CFAssociations"] if a["associationType"] == "isChildOf"}
    document = package["CFDocument"]["identifier"]
    for area in fw.areas:
        assert parent[node_id("area", area.key)] == document
    for item in fw.items:
        assert parent[node_id("item", item.id)] == node_id("area", item.area)
    assert len(parent) == len(package["CFItems"])


def test_output_is_the_same_every_time(fw: Framework) -> None:
    first = framework_as_case_json(fw)
    assert first == framework_as_case_json(fw) and json.loads(first)["CFDocument"]["title"]
    assert re.fullmatch(UUID["pattern"], node_id("item", "PC-01"))
    assert node_id("item", "PC-01") == node_id("item", "PC-01") != node_id("item", "PC-02")
