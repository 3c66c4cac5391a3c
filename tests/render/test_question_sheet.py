"""The printable question sheet: questions, then an answer key on a new page; self-contained."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from hwc_selfcheck.core.wording import join_words
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.quiz.bank import QuestionBank, load_questions
from hwc_selfcheck.render.question_sheet import questions_as_sheet


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_questions()


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
    assert answers == {q.id: join_words(q.correct_ids) for q in bank.questions}  # "a, c and d"
    assert "@page { size: A4" in sheet


def test_sheet_is_self_contained_with_ordered_headings(bank: QuestionBank, fw: Framework) -> None:
    sheet = questions_as_sheet([bank.chapter("role-values")], fw)
    doc = BeautifulSoup(sheet, "html.parser")
    assert not doc.find_all(["script", "link", "img", "iframe"]) and "http:" not in sheet and "https:" not in sheet
    levels = [int(h.name[1]) for h in doc.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))
    assert doc.title.get_text() == "Knowledge checks: Values and behaviours"
    values = bank.chapter("role-values").questions
    assert sheet.count("Choose one answer.") == sum(q.type == "single" for q in values)
    assert sheet.count("Choose every answer that is right.") == sum(q.type == "multiple" for q in values)
