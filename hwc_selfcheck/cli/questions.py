"""``hwc-selfcheck questions``: list the knowledge checks, or export them for a course.

Registered on the main command by one import line in cli.py.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from hwc_selfcheck.cli.app import app, fail, framework_or_exit, write_or_fail
from hwc_selfcheck.cli.usage import App
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.wording import join_words, plural
from hwc_selfcheck.quiz.bank import QuestionBank, load_questions
from hwc_selfcheck.quiz.export import questions_as_csv, questions_as_json
from hwc_selfcheck.render.question_sheet import questions_as_sheet

questions_app = App(help="The knowledge-check questions: list them, or export them for a course.", no_args_is_help=True)
app.add_typer(questions_app, name="questions")


class QuestionFormat(str, Enum):
    json = "json"
    csv = "csv"
    sheet = "sheet"


def questions_or_exit() -> QuestionBank:
    framework_or_exit()
    try:
        return load_questions()
    except InputError as exc:
        raise fail(f"the question data is broken: {exc}") from None


@questions_app.command("list")
def list_chapters() -> None:
    """Show each chapter that has questions, and how many."""
    bank = questions_or_exit()
    width = max(len(s.chapter) for s in bank.sets)
    typer.echo(f"{'Chapter':<{width}}  {'Questions':>9}  Title")
    for s in bank.sets:
        typer.echo(f"{s.chapter:<{width}}  {len(s.questions):>9}  {s.title}")
    typer.echo(f"\n{plural(len(bank.questions), 'question')} in {plural(len(bank.sets), 'chapter')}.")


@questions_app.command("export")
def export(
    fmt: QuestionFormat = typer.Option(..., "--format", help="json, csv (one row per option) or sheet (printable HTML with an answer key)."),
    chapter: Optional[str] = typer.Option(None, "--chapter", metavar="DOC", help="Only this chapter, e.g. book/role/boundaries."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write here instead of standard output."),
) -> None:
    """Export the questions, with every option's feedback, for training providers."""
    bank = questions_or_exit()
    sets = list(bank.sets)
    if chapter is not None:
        found = bank.chapter(chapter)
        if found is None:
            near = bank.suggest(chapter)
            hint = f" Did you mean {join_words(near, 'or')}?" if near else ""
            raise fail(f"--chapter: no questions for {chapter!r}.{hint} Try 'hwc-selfcheck questions list'.")
        sets = [found]
    if fmt is QuestionFormat.sheet:
        text = questions_as_sheet(sets, framework_or_exit())
    else:
        text = questions_as_json(sets) if fmt is QuestionFormat.json else questions_as_csv(sets)
    if out is None:
        typer.echo(text, nl=False)
        return
    write_or_fail(out, text, inputs={})
    typer.echo(f"Wrote {plural(sum(len(s.questions) for s in sets), 'question')} to {out}", err=True)
