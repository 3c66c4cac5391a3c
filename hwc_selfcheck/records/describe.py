"""What a record's fields hold, in words, made from the record's own JSON Schema.

``--help`` lists the fields of every JSON record a command reads. Writing them
out by hand would drift from the models that check the files, so this reads
the published schema (see :func:`hwc_selfcheck.records.validate.record_schemas`)
and says what each field takes: "a whole number from 1 to 4", "text, up to 80
characters", "one of none, planned, collected or confirmed".
"""

from __future__ import annotations

import json
from typing import Any

from hwc_selfcheck.core.wording import join_words

Row = tuple[str, str]  # (field, what it holds)


def _resolve(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return schema["$defs"][ref.removeprefix("#/$defs/")]
    return node


def _range(node: dict[str, Any], whole: bool) -> str:
    low, high = node.get("minimum"), node.get("maximum")
    show = (lambda v: str(int(v))) if whole else (lambda v: f"{v:g}")
    if node.get("exclusiveMinimum") is not None:
        words = f"more than {show(node['exclusiveMinimum'])}"
        return words + (f" and at most {show(high)}" if high is not None else "")
    if low is not None and high is not None:
        return f"from {show(low)} to {show(high)}"
    return f"at least {show(low)}" if low is not None else f"at most {show(high)}" if high is not None else ""


def _kind(node: dict[str, Any], schema: dict[str, Any]) -> str:
    """What one value takes, in words."""
    node = _resolve(node, schema)
    if "const" in node:
        return f"always {json.dumps(node['const'])}"
    if "enum" in node:
        return "one of " + join_words([str(v) for v in node["enum"]], "or")
    if "anyOf" in node:  # pydantic writes a Decimal as a number or a string: describe the number
        numbers = [n for n in node["anyOf"] if n.get("type") == "number"]
        if numbers:
            return _kind(numbers[0], schema)
    kind = node.get("type")
    if kind == "string" and node.get("format") == "date":
        return 'a date in quotes, like "2026-03-31"; not in the future'
    if kind == "string":
        low, high = node.get("minLength", 0), node.get("maxLength")
        if high:
            return f"text in quotes, {low or 0} to {high} characters" if low else f"text in quotes, up to {high} characters"
        return "text in quotes, not empty" if low else "text in quotes"
    if kind == "integer":
        span = _range(node, whole=True)
        return f"a whole number {span}".strip()
    if kind == "number":
        span = _range(node, whole=False)
        return f"a number {span}".strip()
    if kind == "boolean":
        return "true or false"
    if kind == "array":
        items = _resolve(node.get("items", {}), schema)
        if items.get("type") == "object":
            return "a list of entries in square brackets, each with the fields below"
        return f"a list in square brackets of {_kind(items, schema)}"
    if kind == "object":
        values = _resolve(node.get("additionalProperties") or {}, schema)
        keys = (node.get("propertyNames") or {}).get("pattern")
        by = "item ID (like PC-01)" if keys else "name"
        if values.get("type") == "object":
            return f"a group in curly brackets, by {by}, each with the fields below"
        return f"a group in curly brackets: by {by}, {_kind(values, schema)}" if values else "a group in curly brackets"
    return "a value"


def describe_fields(schema: dict[str, Any], node: dict[str, Any] | None = None, prefix: str = "") -> list[Row]:
    """(field, what it takes) for every field of a record, nested fields named by their path."""
    node = _resolve(node if node is not None else schema, schema)
    required = set(node.get("required", ()))
    rows: list[Row] = []
    for name, field in node.get("properties", {}).items():
        field = _resolve(field, schema)
        words = _kind(field, schema)
        described = field.get("description", "")
        if described and "const" not in field:
            words += f". {described.rstrip('.')}"
        if name not in required and "const" not in field:
            default = field.get("default")
            words += " (may be left out" + (f"; {json.dumps(default)} if it is" if default not in (None, "", [], {}) else "") + ")"
        path = f"{prefix}{name}"
        rows.append((path, words))
        inner = _resolve(field.get("items", {}), schema) if field.get("type") == "array" else \
            _resolve(field.get("additionalProperties") or {}, schema) if field.get("type") == "object" else {}
        if inner.get("type") == "object" and inner.get("properties"):
            step = "[ ]." if field.get("type") == "array" else ".ID." if field.get("propertyNames") else ".NAME."
            rows += describe_fields(schema, inner, f"{path}{step}")
    return rows
