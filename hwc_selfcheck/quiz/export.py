"""The knowledge checks for training providers as data: JSON and CSV.

JSON and CSV are a public contract like the framework export (fields are only
ever added, and ``format_version`` rises when they are). The printable sheet
is rendering, so it lives in :mod:`hwc_selfcheck.render.question_sheet`.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Sequence

from hwc_selfcheck import __version__
from hwc_selfcheck.framework.export import SOURCE
from hwc_selfcheck.quiz.models import QuestionSet

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
