"""``{hwc-questions}``: every chapter ends with its questions as accessible forms.

The markup tested here is the contract the book's script relies on (see
``hwc_selfcheck/site/questions.py``). Error cases use a tiny Sphinx
project built in a temporary folder.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.application import Sphinx

from hwc_selfcheck.quiz.bank import QuestionBank, load_questions
from hwc_selfcheck.quiz.models import Question


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_questions()


def page(built_book: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((built_book / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def check_form(form: Tag, q: Question, built_book: Path) -> None:
    a = q.anchor
    assert form.name == "form" and form["id"] == a and "hwc-quiz" in form["class"]
    assert (form["data-question"], form["data-chapter"], form["data-type"]) == (q.id, q.chapter, q.type)
    assert form["data-correct"] == " ".join(q.correct_ids)
    fieldset = form.find("fieldset")
    assert q.prompt in fieldset.legend.get_text(" ")
    inputs = fieldset.find_all("input")
    assert [i["value"] for i in inputs] == [o.id for o in q.options]
    assert {i["type"] for i in inputs} == {"checkbox" if q.type == "multiple" else "radio"}
    assert {i["name"] for i in inputs} == {a}
    for field, option in zip(inputs, q.options):
        label = form.find("label", attrs={"for": field["id"]})
        assert label is not None and option.text in label.get_text(" "), f"{q.id} {option.id}"
    button = form.find("button")
    assert button["type"] == "submit" and button.get_text(strip=True) == "Check answer"
    live = form.find(id=f"{a}-feedback")
    assert live["role"] == "status" and live["aria-live"] == "polite" and not live.get_text(strip=True)
    details = form.find("details")
    assert details.summary.get_text(strip=True) == "Show the answer"
    for option in q.options:
        why = details.find(id=f"{a}-{option.id}-why")
        assert why["data-correct"] == str(option.correct).lower() and option.feedback in why.get_text(" ")
        assert ("Right." if option.correct else "Not right.") in why.get_text(" ")
    href = details.select_one("p.hwc-quiz-read-more a[href]")["href"]
    parts = urlsplit(href)
    assert parts.fragment == q.teaches_anchor
    target = (built_book / q.chapter).parent / parts.path if parts.path else built_book / f"{q.chapter}.html"
    assert target.resolve() == (built_book / f"{q.teaches_doc}.html").resolve()
    items = details.select("p.hwc-quiz-items a[href]")
    assert [x.get_text(" ").split()[0] for x in items] == q.item_ids
    key = details.select_one("p.hwc-quiz-key").get_text()
    right = q.correct_ids
    assert key == (f"The right answer is {right[0]}." if len(right) == 1 else
                   f"The right answers are {', '.join(right[:-1])} and {right[-1]}.")  # never "a and b and c"


def test_each_chapter_ends_with_its_questions(built_book: Path, bank: QuestionBank) -> None:
    for qset in bank.sets:
        doc = page(built_book, qset.chapter)
        article = doc.select_one("article")
        assert article.find_all("h2")[-1].get_text(strip=True).startswith("Check your understanding"), qset.chapter
        box = article.select_one("section#check-your-understanding div.hwc-quiz-set")
        assert box["data-chapter"] == qset.chapter and box["data-title"] == qset.title
        assert box["data-questions"].split() == [q.id for q in qset.questions]
        assert box.select_one("p.hwc-quiz-score[role=status][aria-live=polite]") is not None
        forms = box.find_all("form")
        assert [f["data-question"] for f in forms] == [q.id for q in qset.questions]
        for form, q in zip(forms, qset.questions):
            check_form(form, q, built_book)


def test_question_ids_are_unique_on_their_page(built_book: Path, bank: QuestionBank) -> None:
    for chapter in bank.chapters:
        doc = page(built_book, chapter)
        box = doc.select_one("div.hwc-quiz-set")
        ours = Counter(tag["id"] for tag in [box, *box.find_all(id=True)])
        assert not [i for i, n in ours.items() if n > 1], chapter
        elsewhere = Counter(tag["id"] for tag in doc.find_all(id=True))
        assert all(elsewhere[i] == 1 for i in ours), chapter


# --- errors, in a tiny project ----------------------------------------------------


def build(tmp_path: Path, pages: dict[str, str]) -> str:
    """Build a small reStructuredText project with the extension; return its warnings."""
    src = tmp_path / "src"
    for name, text in {"conf.py": 'extensions = ["hwc_selfcheck.site"]\n', **pages}.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text)
    warnings = io.StringIO()
    app = Sphinx(str(src), str(src), str(tmp_path / "out"), str(tmp_path / "doctrees"), "html",
                 status=None, warning=warnings, freshenv=True)
    app.build()
    return warnings.getvalue()


def test_build_warns_when_a_taught_heading_is_missing(tmp_path: Path) -> None:
    warnings = build(tmp_path, {
        "index.rst": "Home\n====\n\n.. toctree::\n\n   book/role/values\n",
        "book/role/values.rst": "Values\n======\n\nCheck\n-----\n\n.. hwc-questions::\n",
    })
    assert "question KC-VAL-01 teaches book/role/values#the-six-nhs-values, but that page has no heading" in warnings
    assert "question KC-VAL-04 teaches page 'book/framework/professional', which is not in the book" in warnings


def test_build_refuses_unknown_or_repeated_chapters(tmp_path: Path) -> None:
    warnings = build(tmp_path, {
        "index.rst": "Home\n====\n\n.. hwc-questions:: book/role/boundary\n\n"
                     ".. hwc-questions:: book/role/mdt\n\n.. hwc-questions:: mdt\n",
    })
    assert "no questions for chapter 'book/role/boundary'; did you mean book/role/boundaries" in warnings
    assert "the questions of book/role/mdt are already on this page" in warnings


def test_summary_lists_every_chapter_and_warns_about_a_missing_one(tmp_path: Path, bank: QuestionBank) -> None:
    missing = "book/role/mdt"
    stubs = {f"{c}.rst": "Page\n====\n\nCheck your understanding\n------------------------\n" for c in bank.chapters if c != missing}
    toctree = "".join(f"   {c}\n" for c in bank.chapters if c != missing)
    warnings = build(tmp_path, {"index.rst": f"Home\n====\n\n.. hwc-questions-summary::\n\n.. toctree::\n\n{toctree}", **stubs})
    assert f"knowledge checks summary: chapter '{missing}' is not in the book" in warnings
    assert warnings.count("knowledge checks summary") == 1
    table = BeautifulSoup((tmp_path / "out" / "index.html").read_text(), "html.parser").select_one("table.hwc-quiz-summary")
    rows = table.select("tbody tr")
    assert [r["data-chapter"] for r in rows] == bank.chapters
    for row, qset in zip(rows, bank.sets):
        assert row["data-questions"].split() == [q.id for q in qset.questions]
        assert row.th.a["href"] == f"{qset.chapter}.html#check-your-understanding"
        assert row.th.get_text() == qset.title and row.select_one("td.hwc-quiz-right").get_text() == ""
