"""The question exports for training providers: JSON and CSV contracts, and the printable sheet."""

from __future__ import annotations

import csv
import io
import json

import pytest

from hwc_selfcheck.quiz.bank import QuestionBank, load_questions
from hwc_selfcheck.quiz.export import CSV_COLUMNS, FORMAT_VERSION, questions_as_csv, questions_as_json

QUESTION_FIELDS = {"id", "chapter", "type", "prompt", "options", "item_ids", "teaches", "source_section"}


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_questions()


def test_json_contract(bank: QuestionBank) -> None:
    data = json.loads(questions_as_json(bank.sets))
    assert data["format"] == "hwc-selfcheck/questions" and data["format_version"] == FORMAT_VERSION
    assert data["source"]["publication_reference"] == "B1570" and "exactly" in data["grading"]
    assert [c["chapter"] for c in data["chapters"]] == bank.chapters
    questions = [q for c in data["chapters"] for q in c["questions"]]
    assert len(questions) == len(bank.questions)
    for q in questions:
        assert set(q) == QUESTION_FIELDS
        assert all(set(o) == {"id", "text", "correct", "feedback"} for o in q["options"])
        assert "{{" not in json.dumps(q)
    first = data["chapters"][0]
    assert set(first) == {"chapter", "title", "questions"} and first["title"] == bank.sets[0].title


def test_json_for_one_chapter(bank: QuestionBank) -> None:
    data = json.loads(questions_as_json([bank.chapter("book/role/boundaries")]))
    assert [c["chapter"] for c in data["chapters"]] == ["book/role/boundaries"]


def test_csv_has_one_row_per_option(bank: QuestionBank) -> None:
    rows = list(csv.DictReader(io.StringIO(questions_as_csv(bank.sets))))
    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == sum(len(q.options) for q in bank.questions)
    q = bank.get("KC-BND-03")
    mine = [r for r in rows if r["question_id"] == "KC-BND-03"]
    assert [r["option"] for r in mine] == ["a", "b", "c", "d"]
    assert [r["correct"] for r in mine] == ["yes" if o.correct else "no" for o in q.options]
    assert {r["item_ids"] for r in mine} == {"; ".join(q.item_ids)}
    assert {r["chapter_title"] for r in mine} == {"Boundaries and referring on"}




