"""The review file: read strictly, published as a schema, and matched against the coach's record plainly."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.records.portfolio_file import parse_portfolio, read_portfolio_file
from hwc_selfcheck.records.review_file import (
    CHANGED,
    DIFFERENT,
    SAME,
    json_schema,
    match_review,
    parse_review,
    read_review,
    review_as_json,
)
from hwc_selfcheck.records.validate import record_schemas, validate_record

REVIEW = example_path("sam-review.json")
PORTFOLIO = example_path("sam-portfolio.json")
TODAY = date(2026, 6, 1)


def raw() -> dict:
    return json.loads(REVIEW.read_text(encoding="utf-8"))


def test_the_example_review_is_of_the_example_portfolio_unchanged(fw: Framework) -> None:
    review, held = read_review(REVIEW, fw), read_portfolio_file(PORTFOLIO, fw)
    assert review.fingerprint == held.fingerprint
    match = match_review(review, held.fingerprint, held.pseudonym, held.assessment)
    assert (match.state, match.text) == (SAME, "This record is the one the review by Alex Morgan (example) "
                                               "(2026-04-14) looked at, unchanged since.")
    assert validate_record(REVIEW) == (f"{REVIEW} is a valid review by 'Alex Morgan (example)' of 'Sam (example)''s "
                                       "record, 2026-04-14: 5 items looked at and 0 approvals.")


def test_saving_the_same_records_on_another_day_keeps_the_fingerprint(fw: Framework) -> None:
    sam = json.loads(PORTFOLIO.read_text(encoding="utf-8"))
    again = {**copy.deepcopy(sam), "date": "2026-05-01"}
    again["assessment"]["date"] = "2026-05-01"
    again["hours"][0]["note"] = " " + again["hours"][0]["note"]  # spaces at the ends are not kept by the reader
    assert parse_portfolio(again, "again", fw, TODAY).fingerprint == parse_portfolio(sam, "sam", fw, TODAY).fingerprint


def test_a_record_changed_since_says_which_items(fw: Framework) -> None:
    sam = json.loads(PORTFOLIO.read_text(encoding="utf-8"))
    sam["assessment"]["ratings"]["PC-06"]["level"] = 2
    held = parse_portfolio(sam, "sam", fw, TODAY)
    match = match_review(read_review(REVIEW, fw), held.fingerprint, held.pseudonym, held.assessment)
    assert (match.state, match.text) == (CHANGED, "This record has changed since the review by Alex Morgan (example) "
                                                  "(2026-04-14): 1 item it looked at changed since (PC-06).")
    sam = json.loads(PORTFOLIO.read_text(encoding="utf-8"))
    sam["hours"].pop()
    held = parse_portfolio(sam, "sam", fw, TODAY)
    match = match_review(read_review(REVIEW, fw), held.fingerprint, held.pseudonym, held.assessment)
    assert match.state == CHANGED and match.text.endswith("but no item it looked at has changed.")


def test_a_review_of_someone_elses_record_is_said_plainly(fw: Framework) -> None:
    sam = {**json.loads(PORTFOLIO.read_text(encoding="utf-8")), "pseudonym": "Kim"}
    held = parse_portfolio(sam, "kim", fw, TODAY)
    match = match_review(read_review(REVIEW, fw), held.fingerprint, held.pseudonym, held.assessment)
    assert (match.state, match.text) == (DIFFERENT, "This is not the record the review by Alex Morgan (example) "
                                                    "(2026-04-14) looked at: that was 'Sam (example)''s record, this "
                                                    "is 'Kim''s. Check you have the right files.")


@pytest.mark.parametrize(("change", "where", "words"), [
    (lambda r: r.update(format="hwc-selfcheck/assessment"), "field format", "this is not a hwc-selfcheck review"),
    (lambda r: r.update(schema_version=2), "field schema_version", "made by a newer hwc-selfcheck"),
    (lambda r: r.update(reviewer=" "), "field reviewer", "must not be blank"),
    (lambda r: r.update(date="2026-06-02"), "field date", "2026-06-02 is in the future"),
    (lambda r: r["items"]["PC-01"].update(level="3"), "field items.PC-01.level", "is not a whole number"),
    (lambda r: r["items"].update({"PC-99": r["items"]["PC-01"]}), "item PC-99", "is not an item of the framework"),
    (lambda r: r["approvals"].append({"tier": 2, "date": "2026-04-15", "name": "A", "own_tier": 3,
                                      "independent": True}), "approvals, entry 1, field date",
     "2026-04-15 is after the review's date, 2026-04-14"),
    (lambda r: r["items"]["PC-01"].update(level=2.5), None, "2.5 is not a whole number"),
])
def test_bad_reviews_name_the_field(fw: Framework, change, where, words: str) -> None:  # type: ignore[no-untyped-def]
    bad = raw()
    change(bad)
    with pytest.raises(InputError) as caught:
        parse_review(bad, "review.json", fw, TODAY)
    assert caught.value.where == where and words in caught.value.problem


def test_the_published_schema_accepts_the_example_and_refuses_what_the_reader_refuses(tmp_path: Path) -> None:
    schema = json_schema()
    assert record_schemas()["review"][1]() == schema
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(raw())
    for change in (lambda r: r.update(extra=1), lambda r: r["items"]["PC-01"].update(seen="ABC"),
                   lambda r: r["items"].update({"pc1": r["items"]["PC-01"]})):
        bad = raw()
        change(bad)
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


def test_a_review_written_out_reads_back_the_same(fw: Framework, tmp_path: Path) -> None:
    review = read_review(REVIEW, fw)
    copy_path = tmp_path / "again.json"
    copy_path.write_text(review_as_json(review), encoding="utf-8")
    assert read_review(copy_path, fw) == review
