"""The question exports for training providers: JSON and CSV contracts, and the printable sheet."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from bs4 import BeautifulSoup

from hwc_selfcheck.framework import Framework
from hwc_selfcheck.question_export import (
    CSV_COLUMNS, FORMAT_VERSION, questions_as_csv, questions_as_json, questions_as_sheet,
)
from hwc_selfcheck.questions import QuestionBank, load_questions

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


def test_sheet_has_questions_then_a_key_on_a_new_page(bank: QuestionBank, fw: Framework) -> None:
    sheet = questions_as_sheet(bank.sets, fw)
    doc = BeautifulSoup(sheet, "html.parser")
    assert doc.html["lang"] == "en" and doc.title.get_text() == "Induction knowledge checks"
    key = doc.find("h2", string="Answer key")
    assert "break-before: page" in key["style"]
    before = "".join(str(t) for t in key.find_all_previous("h3"))
    after = key.find_all_next(string=re.compile(r"^KC-[A-Z]{3}-\d{2}: "))
    assert all(q.id in before for q in bank.questions)
    answers = {s.split(":")[0]: s.split(": ")[1] for s in after}
    assert answers == {q.id: ", ".join(q.correct_ids) for q in bank.questions}
    assert "@page { size: A4" in sheet


def test_sheet_is_self_contained_with_ordered_headings(bank: QuestionBank, fw: Framework) -> None:
    sheet = questions_as_sheet([bank.chapter("role-values")], fw)
    doc = BeautifulSoup(sheet, "html.parser")
    assert not doc.find_all(["script", "link", "img", "iframe"]) and "http" not in sheet
    levels = [int(h.name[1]) for h in doc.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))
    assert doc.title.get_text() == "Knowledge checks: Values and behaviours"
    values = bank.chapter("role-values").questions
    assert sheet.count("Choose one answer.") == sum(q.type == "single" for q in values)
    assert sheet.count("Choose every answer that is right.") == sum(q.type == "multiple" for q in values)
