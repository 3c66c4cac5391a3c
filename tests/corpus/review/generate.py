"""The conformance corpus of supervisors' reviews: inputs, each with the package's own results.

The site's ``hwc-portfolio-fingerprint.js`` (with ``-review.js``, ``-reviewfile.js`` and ``-approval.js``) repeats the fingerprint, the review file's
checks, the side-by-side views and the conditions for an approval. This
script makes the cases both must agree on, from the package alone:

- ``vectors.json``: values with their canonical text and fingerprint (shared
  test vectors: text with quotes, controls, accents, emoji, nested objects),
  and whole portfolio files with their record fingerprint and each rating's;
- ``files.json``: review files, each with whether the package accepts it and
  the field it names when it does not;
- ``views.json``: a coach's record and a review, with both views side by side,
  the talk-about order and what the match says;
- ``conditions.json``: a coach's records and an approval, with what the
  package says is still missing.

Nothing depends on the clock: "today" is fixed. Regenerate after changing a
rule, then run ``make test-js``::

    .venv/bin/python -m tests.corpus.review.generate
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.assessment.review_views import difference_words, rating_fingerprint, talk_about, view_rows
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.fingerprint import canonical_text, fingerprint
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.practice.review_approvals import ApprovalView, approval_conditions, as_approval, condition_text
from hwc_selfcheck.records.portfolio_file import parse_portfolio
from hwc_selfcheck.records.review_file import match_review, parse_review
from tests.corpus.files import write

CORPUS = Path(__file__).parent
TODAY = date(2026, 6, 1)
SAM = json.loads(example_path("sam-portfolio.json").read_text(encoding="utf-8"))
REVIEW = json.loads(example_path("sam-review.json").read_text(encoding="utf-8"))

VALUES: list[Any] = [
    None, True, False, 0, 7, -3, 2.0, "", "plain", 'quote " and backslash \\', "tab\tline\nreturn\r",
    "bell \x07 delete \x7f", "café naïve ñ", "emoji 🙂 and 𝄞", "€ £ ¥", "line\u2028separator",
    [], [1, "a", None], {}, {"b": 1, "a": 2, "A": 3, "_": 4}, {"é": 1, "e": 2, "z": 3},
    {"nested": {"list": [{"y": 1, "x": [True, False]}], "text": "ok"}},
    "a" * 200,
]


def vectors() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"value": v, "canonical": canonical_text(v), "fingerprint": fingerprint(v)}
                                 for v in VALUES]
    fw = load_framework()
    changed = copy.deepcopy(SAM)
    changed["assessment"]["ratings"]["PC-01"]["note"] += " (changed)"
    spaced = copy.deepcopy(SAM)
    spaced["hours"][0]["setting"] = "  GP practice  "
    spaced["date"] = "2026-04-01"
    for name, raw in (("Sam's example", SAM), ("Sam's, one note changed", changed),
                      ("Sam's, spaces and a new save date", spaced), ("empty", {**SAM, "assessment": None, "hours": [],
                                                                                    "supervision": [], "training": [],
                                                                                    "approvals": [], "evidence": []})):
        held = parse_portfolio(raw, name, fw, TODAY)
        ratings = held.assessment.ratings if held.assessment else {}
        out.append({"portfolio": raw, "name": name, "fingerprint": held.fingerprint,
                    "ratings": {i: rating_fingerprint(i, r) for i, r in ratings.items()}})
    return out


def _mutated(name: str, change: Callable[[dict[str, Any]], Any]) -> tuple[str, dict[str, Any]]:
    raw = copy.deepcopy(REVIEW)
    change(raw)
    return name, raw


APPROVAL = {"tier": 2, "date": "2026-04-14", "name": "Alex Morgan", "own_tier": 3, "independent": True,
            "evidence": [1, 3], "note": ""}


def files(fw: Framework) -> list[dict[str, Any]]:
    item = lambda r: r["items"]["PC-01"]  # noqa: E731
    cases = [
        ("the example", lambda r: None),
        ("with an approval", lambda r: r["approvals"].append(dict(APPROVAL))),
        ("no items, no approvals", lambda r: (r.update(items={}, approvals=[]))),
        ("schema_version true", lambda r: r.update(schema_version=True)),
        ("level written 3.0", lambda r: item(r).update(level=3.0)),
        ("level null: a comment only", lambda r: item(r).update(level=None)),
        ("optional fields left out", lambda r: [item(r).pop(k) for k in ("comment", "evidence_confirmed")]
         + [r.pop(k) for k in ("comment", "approvals")]),
        ("not an object", lambda r: r.clear()),
        ("another format", lambda r: r.update(format="hwc-selfcheck/portfolio")),
        ("newer schema version", lambda r: r.update(schema_version=2)),
        ("schema version 0", lambda r: r.update(schema_version=0)),
        ("reviewer missing", lambda r: r.pop("reviewer")),
        ("reviewer blank", lambda r: r.update(reviewer="   ")),
        ("reviewer a number", lambda r: r.update(reviewer=3)),
        ("reviewer too long", lambda r: r.update(reviewer="x" * 81)),
        ("date not on the calendar", lambda r: r.update(date="2026-02-30")),
        ("date with a time", lambda r: r.update(date="2026-04-14T10:00")),
        ("date in the future", lambda r: r.update(date="2026-06-02")),
        ("coach missing", lambda r: r.pop("coach")),
        ("fingerprint in capitals", lambda r: r.update(fingerprint=r["fingerprint"].upper())),
        ("fingerprint too short", lambda r: r.update(fingerprint="abc")),
        ("comment too long", lambda r: r.update(comment="x" * 2001)),
        ("an unknown field", lambda r: r.update(signature="A.M.")),
        ("items a list", lambda r: r.update(items=[])),
        ("an item not an object", lambda r: r["items"].update({"PC-01": 3})),
        ("an item ID in lower case", lambda r: r["items"].update({"pc-01": item(r)})),
        ("an item not in the framework", lambda r: r["items"].update({"PC-99": item(r)})),
        ("level missing", lambda r: item(r).pop("level")),
        ("level 5", lambda r: item(r).update(level=5)),
        ("level as text", lambda r: item(r).update(level="3")),
        ("level true", lambda r: item(r).update(level=True)),
        ("level 2.5", lambda r: item(r).update(level=2.5)),
        ("coach level missing", lambda r: item(r).pop("coach_level")),
        ("evidence confirmed as 1", lambda r: item(r).update(evidence_confirmed=1)),
        ("seen missing", lambda r: item(r).pop("seen")),
        ("an unknown field in an item", lambda r: item(r).update(agree=True)),
        ("approvals an object", lambda r: r.update(approvals={})),
        ("approval tier 1", lambda r: r["approvals"].append({**APPROVAL, "tier": 1})),
        ("approval tier 5", lambda r: r["approvals"].append({**APPROVAL, "tier": 5})),
        ("approval own tier 0", lambda r: r["approvals"].append({**APPROVAL, "own_tier": 0})),
        ("approval independent as yes", lambda r: r["approvals"].append({**APPROVAL, "independent": "yes"})),
        ("approval name empty", lambda r: r["approvals"].append({**APPROVAL, "name": ""})),
        ("approval evidence 0", lambda r: r["approvals"].append({**APPROVAL, "evidence": [0]})),
        ("approval evidence twice", lambda r: r["approvals"].append({**APPROVAL, "evidence": [2, 2]})),
        ("approval evidence as text", lambda r: r["approvals"].append({**APPROVAL, "evidence": ["1"]})),
        ("approval evidence not a list", lambda r: r["approvals"].append({**APPROVAL, "evidence": 1})),
        ("approval missing independent", lambda r: r["approvals"].append(
            {k: v for k, v in APPROVAL.items() if k != "independent"})),
        ("approval after the review", lambda r: r["approvals"].append({**APPROVAL, "date": "2026-04-15"})),
        ("an unknown field in an approval", lambda r: r["approvals"].append({**APPROVAL, "signed": True})),
        ("an approval not an object", lambda r: r["approvals"].append(2)),
    ]
    out = []
    for name, change in cases:
        _name, raw = _mutated(name, change)
        text = json.dumps(raw, ensure_ascii=False)
        try:
            parse_review(json.loads(text), "review.json", fw, TODAY)
            verdict: dict[str, Any] = {"accepted": True}
        except InputError as exc:
            verdict = {"accepted": False, "where": exc.where, "problem": exc.problem}
        out.append({"name": name, "text": text, "today": TODAY.isoformat(), **verdict})
    return out


def views(fw: Framework) -> list[dict[str, Any]]:
    out = []
    changed = copy.deepcopy(SAM)
    changed["assessment"]["ratings"]["PC-06"]["level"] = 3
    renamed = {**copy.deepcopy(SAM), "pseudonym": "Someone else"}
    dropped = copy.deepcopy(SAM)
    del dropped["assessment"]["ratings"]["PC-02"]
    hours_added = copy.deepcopy(SAM)
    hours_added["hours"].append({"date": "2026-04-01", "hours": "1", "setting": "", "nhs": "yes", "supervised": "yes",
                                 "note": ""})
    ties = copy.deepcopy(REVIEW)
    ties["items"]["PC-04"]["level"] = 1
    ties["items"]["PC-07"]["comment"] = "Well done."
    ties["items"]["PC-02"]["level"] = None
    for name, record, review in (("unchanged", SAM, REVIEW), ("an item changed since", changed, REVIEW),
                                 ("a different record", renamed, REVIEW), ("an item no longer rated", dropped, REVIEW),
                                 ("only hours changed", hours_added, REVIEW), ("ties, comments, no level", SAM, ties)):
        held = parse_portfolio(record, name, fw, TODAY)
        parsed = parse_review(review, name, fw, TODAY)
        assert held.assessment is not None
        rows = view_rows(fw, held.assessment, parsed.items)
        match = match_review(parsed, held.fingerprint, held.pseudonym, held.assessment)
        out.append({
            "name": name, "portfolio": record, "review": review,
            "rows": [{"id": r.item.id, "coach_level": r.coach_level, "supervisor_level": r.supervisor_level,
                      "difference": r.difference, "state": r.state, "changed": r.changed, "words": difference_words(r)}
                     for r in rows],
            "talk": [r.item.id for r in talk_about(rows)],
            "match": {"state": match.state, "text": match.text},
        })
    return out


def conditions(fw: Framework) -> list[dict[str, Any]]:
    def hours(count: int, day: str = "2026-01-05", supervised: str = "yes", nhs: str = "yes") -> list[dict[str, str]]:
        """``count`` entries of 10 hours, two a day on the days up to ``day`` (a day holds at most 24 hours)."""
        last = date.fromisoformat(day)
        return [{"date": (last - timedelta(days=i // 2)).isoformat(), "hours": "10", "setting": "", "nhs": nhs,
                 "supervised": supervised, "note": ""} for i in range(count)]

    course = [{"date": "2025-09-11", "course": "PCI course", "pci_accredited": "yes", "days": "4", "note": ""}]
    evidence = [{"date": "2025-10-15", "type": "recorded_session", "items": "PC-01", "note": "", "where_kept": ""}] * 3
    earlier = {"date": "2026-02-01", "tier": "2", "approved_by": "Jo Reid", "independent": "yes",
               "competency_evidence": "yes", "note": ""}
    a = dict(APPROVAL)
    cases = [
        ("Tier 2, everything in place", dict(hours=hours(20), training=course, evidence=evidence), a, []),
        ("Tier 2, too few hours", dict(hours=hours(10), training=course, evidence=evidence), a, []),
        ("Tier 2, no training", dict(hours=hours(20), evidence=evidence), a, []),
        ("Tier 2, hours after the approval date", dict(hours=hours(20, "2026-05-01"), training=course,
                                                      evidence=evidence), a, []),
        ("Tier 2, not independent", dict(hours=hours(20), training=course, evidence=evidence),
         {**a, "independent": False}, []),
        ("Tier 2, supervisor at Tier 2", dict(hours=hours(20), training=course, evidence=evidence),
         {**a, "own_tier": 2}, []),
        ("Tier 2, no evidence relied on", dict(hours=hours(20), training=course, evidence=evidence),
         {**a, "evidence": []}, []),
        ("Tier 2, evidence entry beyond the list", dict(hours=hours(20), training=course, evidence=evidence),
         {**a, "evidence": [1, 5]}, []),
        ("Tier 2, unsupervised hours only", dict(hours=hours(20, supervised="no"), training=course,
                                                 evidence=evidence), a, []),
        ("Tier 3 without Tier 2's approval", dict(hours=hours(50), training=course, evidence=evidence),
         {**a, "tier": 3, "independent": False}, []),
        ("Tier 3 after Tier 2's approval", dict(hours=hours(50), training=course, evidence=evidence,
                                                approvals=[earlier]), {**a, "tier": 3, "independent": False}, []),
        ("Tier 3 on Tier 2's approval in the same review", dict(hours=hours(50), training=course, evidence=evidence),
         {**a, "tier": 3, "independent": False}, [dict(a)]),
        ("Tier 4, too few hours", dict(hours=hours(60), training=course, evidence=evidence, approvals=[earlier]),
         {**a, "tier": 4, "own_tier": 4}, [{**a, "tier": 3}]),
        ("nothing at all", dict(), {**a, "tier": 4, "own_tier": 1, "independent": False, "evidence": []}, []),
    ]
    out = []
    for name, lists, approval, before in cases:
        raw = {"format": "hwc-selfcheck/portfolio", "schema_version": 1, "pseudonym": "Corpus", "date": "2026-05-01",
               "hours": lists.get("hours", []), "training": lists.get("training", []),
               "approvals": lists.get("approvals", []), "evidence": lists.get("evidence", [])}
        held = parse_portfolio(raw, name, fw, TODAY)
        view = ApprovalView.model_validate(approval)
        earlier_views = [ApprovalView.model_validate(x) for x in before]
        agreed = held.approvals + [as_approval(v, n) for n, v in enumerate(earlier_views, start=1)]
        missing = approval_conditions(fw, view, held.hours, held.training, agreed, len(held.evidence))
        out.append({"name": name, "portfolio": raw, "approval": approval, "earlier": before,
                    "missing": [condition_text(c) for c in missing]})
    return out


def build() -> dict[str, Any]:
    """Every corpus file by name, as the package makes it now."""
    fw = load_framework()
    made = {"vectors.json": vectors(), "files.json": files(fw), "views.json": views(fw),
            "conditions.json": conditions(fw)}
    return {name: {"about": "Made by tests/corpus/review/generate.py from the package; do not edit.",
                   "cases": value} for name, value in made.items()}


def main() -> None:
    write(CORPUS, build())


if __name__ == "__main__":
    main()
