"""The knowledge checks as a sheet to print: every question, then an answer key on a new page.

One self-contained HTML page, in the same frame as the other reports, for
training providers who run the checks on paper.
"""

from __future__ import annotations

import html
from typing import Sequence

from hwc_selfcheck.core.wording import join_words, plural
from hwc_selfcheck.framework.export import SOURCE
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.quiz.export import GRADING
from hwc_selfcheck.quiz.models import HINTS, Question, QuestionSet
from hwc_selfcheck.render.page import page

BOX = '<span aria-hidden="true">\u2610</span>'  # an empty tick box, for pen and paper


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
    right = join_words(q.correct_ids)
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
        f"<p>{plural(count, 'question')}. Tick one box for each question, or every box that is right where the question "
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
