"""The export is a public contract: its shape is checked field by field."""

from __future__ import annotations

import csv
import io
import json

from hwc_selfcheck.framework.export import CSV_COLUMNS, FORMAT_VERSION, framework_as_csv, framework_as_json
from hwc_selfcheck.framework.loader import Framework

REQUIRED_ITEM_FIELDS = {
    "id", "area", "kind", "title", "statement", "gained_through", "evidenced_by", "min_tier", "source_section",
}


def test_json_contract(fw: Framework) -> None:
    data = json.loads(framework_as_json(fw))
    assert data["format"] == "hwc-selfcheck/framework" and data["format_version"] == FORMAT_VERSION
    assert data["source"]["publication_reference"] == "B1570"
    assert len(data["items"]) == len(fw.items) == 90
    for item in data["items"]:
        assert REQUIRED_ITEM_FIELDS <= set(item)
        assert isinstance(item["gained_through"], list) and isinstance(item["evidenced_by"], list)
        assert isinstance(item["min_tier"], int)
    assert [(t["tier"], t["nhs_coaching_hours"]) for t in data["tiers"]] == [(1, 50), (2, 200), (3, 500), (4, 1000)]
    for key in ("supervision", "sessions", "nhs_values", "i_statements", "recording", "areas", "vocabulary"):
        assert data[key], key
    used = {t for i in data["items"] for t in i["gained_through"]}
    assert used <= set(data["vocabulary"]["gained_through"])


def test_csv_has_one_row_per_item(fw: Framework) -> None:
    rows = list(csv.DictReader(io.StringIO(framework_as_csv(fw))))
    assert list(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == [i.id for i in fw.items]
    pc01 = rows[0]
    assert pc01["gained_through"] == "face_to_face_training; e_learning"
    assert {r["essential"] for r in rows if r["kind"] == "additional_model"} == {"no"}


def test_json_carries_the_portfolio_mapping(fw: Framework) -> None:
    vocabulary = json.loads(framework_as_json(fw))["vocabulary"]
    mapping = vocabulary["portfolio_entry_types"]
    assert mapping["recorded_session"]["evidences"] == ["observed_practice"]
    assert {t for e in mapping.values() for t in e["evidences"]} <= set(vocabulary["evidenced_by"])
