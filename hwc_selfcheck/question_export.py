"""The knowledge checks for training providers: JSON, CSV and a printable sheet.

JSON and CSV are a public contract like the framework export (fields are only
ever added, and ``format_version`` rises when they are). The sheet is one
self-contained HTML page, in the same frame as the other reports: every
question, then an answer key with the reason for each option, on a new page.
"""

from __future__ import annotations

import csv
import html
import io
import json
from typing import Any, Sequence

from . import __version__
from .export import SOURCE
from .framework import Framework
from .html_page import page
from .question_models import Question, QuestionSet

FORMAT_NAME = "hwc-selfcheck/questions"
FORMAT_VERSION = 1
GRADING = (
    "An answer is right when the options chosen are exactly the options marked correct: "
    "for a single-answer question, the one right option."
)
CSV_COLUMNS = [
    "question_id", "chapter", "chapter_title", "type", "prompt", "option", "option_text", "correct",
    "feedback", "item_ids", "teaches", "source_section",
]
HINTS = {"single": "Choose one answer.", "multiple": "Choose every answer that is right. There may be more than one."}
BOX = '<span aria-hidden="true">\u2610</span>'  # an empty tick box, for pen and paper


def questions_as_dict(sets: Sequence[QuestionSet]) -> dict[str, Any]:
    """The chapters' questions as plain JSON-ready data, with how answers are graded."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "generator": f"hwc-selfcheck {__version__}",
        "source": SOURCE,
        "grading": GRADING,
        "chapters": [s.model_dump(mode="json") for s in sets],
    }


def questions_as_json(sets: Sequence[QuestionSet]) -> str:
    return json.dumps(questions_as_dict(sets), indent=2, ensure_ascii=False) + "\n"


def questions_as_csv(sets: Sequence[QuestionSet]) -> str:
    """One row per option, so a spreadsheet can filter and sort; question fields repeat on each row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for qset in sets:
        for q in qset.questions:
            for option in q.options:
                writer.writerow({
                    "question_id": q.id, "chapter": q.chapter, "chapter_title": qset.title, "type": q.type,
                    "prompt": q.prompt, "option": option.id, "option_text": option.text,
                    "correct": "yes" if option.correct else "no", "feedback": option.feedback,
                    "item_ids": "; ".join(q.item_ids), "teaches": q.teaches, "source_section": q.source_section,
                })
    return buffer.getvalue()


def _question_block(q: Question) -> str:
    e = html.escape
    options = "".join(f"<li>{BOX} {e(o.id)}. {e(o.text)}</li>" for o in q.options)
    return (
        f'<section class="question" style="break-inside: avoid"><h3>{e(q.id)}</h3>'
        f"<p>{e(q.prompt)}</p><p><em>{HINTS[q.type]}</em></p>"
        f'<ul style="list-style: none; padding-left: 0.5rem">{options}</ul></section>'
    )


def _answer_block(q: Question, fw: Framework) -> str:
    e = html.escape
    right = ", ".join(q.correct_ids)
    reasons = "".join(
        f"<li><strong>{e(o.id)}. {'Right' if o.correct else 'Not right'}.</strong> {e(o.feedback)}</li>"
        for o in q.options
    )
    items = "; ".join(f"{i} {fw.get(i).title}" for i in q.item_ids if fw.get(i))  # type: ignore[union-attr]
    where = f"Taught in the book at {e(q.teaches)}. Source: {e(q.source_section)}." + (
        f" Framework items: {e(items)}." if items else ""
    )
    return (
        f'<div style="break-inside: avoid"><p><strong>{e(q.id)}: {e(right)}</strong></p>'
        f'<ul>{reasons}</ul><p class="meta">{where}</p></div>'
    )


def questions_as_sheet(sets: Sequence[QuestionSet], fw: Framework) -> str:
    """A printable A4 question sheet followed by its answer key, as one self-contained HTML page."""
    count = sum(len(s.questions) for s in sets)
    title = f"Knowledge checks: {sets[0].title}" if len(sets) == 1 else "Induction knowledge checks"
    body = [
        "<p>Name: ______________________________ Date: ________________</p>",
        f"<p>{count} questions. Tick one box for each question, or every box that is right where the question "
        "says there may be more than one. The answer key, with the reason for every option, starts on a new "
        "page.</p>",
    ]
    for qset in sets:
        body.append(f"<h2>{html.escape(qset.title)}</h2>")
        body += [_question_block(q) for q in qset.questions]
    body.append('<h2 style="break-before: page">Answer key</h2>')
    body.append(f"<p>{html.escape(GRADING)}</p>")
    for qset in sets:
        body.append(f"<h3>{html.escape(qset.title)}</h3>")
        body += [_answer_block(q, fw) for q in qset.questions]
    meta = (
        f"Questions written for hwc-selfcheck, an independent plain-English edition of {SOURCE['publisher']}'s "
        f"{SOURCE['title']} ({SOURCE['publication_reference']})."
    )
    return page(title, meta, body, "Made by hwc-selfcheck from its question data. Nothing was sent anywhere.")
