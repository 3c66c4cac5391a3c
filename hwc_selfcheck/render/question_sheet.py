"""The knowledge checks as a sheet to print: every question, then an answer key on a new page.

One self-contained HTML page, in the same frame as the other reports, for
training providers who run the checks on paper.
"""

from __future__ import annotations

from typing import Any, Sequence

from hwc_selfcheck import __version__
from hwc_selfcheck.core.wording import join_words, plural
from hwc_selfcheck.framework.export import SOURCE
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.quiz.export import GRADING
from hwc_selfcheck.quiz.models import HINTS, Question, QuestionSet
from hwc_selfcheck.render.page import frame
from hwc_selfcheck.render.templates import render


def _question(q: Question, fw: Framework) -> dict[str, Any]:
    """What the template shows of one question: on the sheet, and in the answer key."""
    items = "; ".join(f"{i} {fw.get(i).title}" for i in q.item_ids if fw.get(i))  # type: ignore[union-attr]
    return {"id": q.id, "prompt": q.prompt, "hint": HINTS[q.type], "options": q.options,
            "right": join_words(q.correct_ids), "teaches": q.teaches, "source_section": q.source_section, "items": items}


def questions_as_sheet(sets: Sequence[QuestionSet], fw: Framework) -> str:
    """A printable A4 question sheet followed by its answer key, as one self-contained HTML page."""
    count = sum(len(s.questions) for s in sets)
    title = f"Knowledge checks: {sets[0].title}" if len(sets) == 1 else "Induction knowledge checks"
    meta = (
        f"Questions written for hwc-selfcheck, an independent plain-English edition of {SOURCE['publisher']}'s "
        f"{SOURCE['title']} ({SOURCE['publication_reference']})."
    )
    footer = f"Made by hwc-selfcheck from its question data. Nothing was sent anywhere. (hwc-selfcheck {__version__})"
    shown = [{"title": s.title, "questions": [_question(q, fw) for q in s.questions]} for s in sets]
    return render("question-sheet.html", **frame(title, meta, footer), count=plural(count, "question"),
                  sets=shown, grading=GRADING)
