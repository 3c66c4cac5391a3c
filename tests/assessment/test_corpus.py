"""The shared corpus of self-assessment files: the package gives every file the verdict the manifest records.

The site's importer is held to the same manifest, so the two accept and refuse
exactly the same files (see tests/corpus/assessment/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hwc_selfcheck.assessment.record import assessment_as_json, json_schema, read_assessment
from hwc_selfcheck.cli import app
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.files import MAX_RECORD_BYTES
from hwc_selfcheck.framework.loader import Framework

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "assessment"
MANIFEST = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
CASES = {case["file"]: case for case in MANIFEST["cases"]}

# How the package words each reason; the site words them its own way.
REASONS = [
    ("too-large", "is larger than"), ("not-utf8", "is not UTF-8"), ("empty", "the file is empty"),
    ("not-json", "not valid JSON"), ("not-an-object", "must hold a JSON object"),
    ("wrong-format", "field format:"), ("newer-version", "made by a newer hwc-selfcheck"),
    ("bad-version", "field schema_version:"), ("unknown-field", "is not a known field"),
    ("unknown-item", "is not an item of the framework"), ("renamed-twice", "is the old ID of"),
    ("future-date", "is in the future"),
]


def reason_of(message: str) -> str:
    return next((code for code, words in REASONS if words in message), "bad-value")


def build(case: dict[str, Any], folder: Path) -> Path:
    """The case's file: the stored one, or one made from its recipe in a temporary folder."""
    if not case.get("generated"):
        return CORPUS / case["file"]
    recipe = case["recipe"]
    if "base" in recipe:
        data = (CORPUS / recipe["base"]).read_bytes()
        data += recipe["pad_with"].encode() * (recipe["total_bytes"] - len(data))
    else:
        opening, closing = recipe["repeat"]
        data = (recipe["prefix"] + opening * recipe["depth"] + closing * recipe["depth"] + recipe["suffix"]).encode()
    path = folder / case["file"]
    path.write_bytes(data)
    return path


def test_the_manifest_lists_every_file_and_the_package_limit() -> None:
    stored = {p.name for p in CORPUS.iterdir()} - {"manifest.json", "README.md"}
    assert stored == {name for name, case in CASES.items() if not case.get("generated")}
    assert MANIFEST["max_file_bytes"] == MAX_RECORD_BYTES and str(MAX_RECORD_BYTES) in json_schema()["$comment"]
    assert {c["verdict"] for c in CASES.values()} == {"accepted", "refused"}
    assert all(c["file"].startswith("good-" if c["verdict"] == "accepted" else "bad-") for c in CASES.values())


@pytest.mark.parametrize("name", list(CASES))
def test_the_package_gives_each_file_its_verdict(fw: Framework, tmp_path: Path, name: str) -> None:
    case = CASES[name]
    path = build(case, tmp_path)
    try:
        record = read_assessment(path, fw, renamed=case.get("renamed"))
    except InputError as exc:
        message = str(exc)
        assert case["verdict"] == "refused", f"{name} was refused: {message}"
        assert "\n" not in message and message.startswith(f"{path}: ")
        if case["field"]:
            assert case["field"].split(".")[-1] in message, message
        if case["reason"]:
            assert reason_of(message) == case["reason"], message
        return
    assert case["verdict"] == "accepted", f"{name} was accepted"
    if "record" in case:
        assert json.loads(assessment_as_json(record, fw)) == case["record"]


# validate knows every record format, so another format's valid file (checklist ticks) is fine there.
@pytest.mark.parametrize("name", [n for n, c in CASES.items() if "renamed" not in c and n != "bad-wrong-format.json"])
def test_validate_gives_the_same_verdict(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    result = CliRunner().invoke(app, ["validate", str(build(case, tmp_path))])
    assert result.exit_code == (0 if case["verdict"] == "accepted" else 2), result.output
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
