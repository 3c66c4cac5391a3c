"""The knowledge checks in a notebook: a player (ipywidgets) and plain views.

:class:`QuizPlayer` shows one chapter's questions with a **Check answer**
button each and a running score, graded by :func:`questions.grade`, the same
rule the book's in-browser checks use. Nothing is saved: answers live only
while the notebook runs. :func:`show_question` and :func:`check_answer` give
fixed, printable views for worked examples, so a notebook's stored output
never depends on a person's clicks.
"""

from __future__ import annotations

import html
from typing import Any, Iterable, Optional

from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.core.wording import join_words, plural
from hwc_selfcheck.quiz.bank import Grade, QuestionBank, grade, load_questions
from hwc_selfcheck.quiz.models import HINTS, Question
from hwc_selfcheck.quiz.tries import key_sentence

PROMPT_FIRST = "Choose an answer first, then select Check answer."
STATIC_PLAYER = (
    '<div class="hwc-static-quiz"><p><strong>The questions.</strong> When you run this notebook in Jupyter, '
    "pick a chapter here and answer its questions. Each has a <em>Check answer</em> button that tells you "
    "whether you were right and why, and your score for the chapter is shown above the questions. In the "
    "book, the same questions are at the end of each chapter.</p></div>"
)


def chapter_table(bank: QuestionBank) -> HtmlTable:
    """Every chapter with questions, in book order, with how many of each type."""
    rows = [
        [s.title, s.chapter, len(s.questions), sum(q.type == "multiple" for q in s.questions)]
        for s in bank.sets
    ]
    return HtmlTable(["Chapter", "Page", "Questions", "With more than one right answer"], rows)


class QuestionView:
    """One question as a reader sees it before answering: prompt, hint and lettered options."""

    def __init__(self, question: Question) -> None:
        self.question = question

    def _repr_html_(self) -> str:
        q = self.question
        options = "".join(f"<li>{html.escape(o.id)}. {html.escape(o.text)}</li>" for o in q.options)
        return (
            f'<div class="hwc-question"><p><strong>{q.id}</strong> {html.escape(q.prompt)}</p>'
            f"<p><em>{HINTS[q.type]}</em></p><ul>{options}</ul></div>"
        )

    def __repr__(self) -> str:
        q = self.question
        return "\n".join([f"{q.id} {q.prompt}", HINTS[q.type], *(f"  {o.id}. {o.text}" for o in q.options)])


class FeedbackView:
    """What a learner sees after checking an answer: the verdict and why, option by option."""

    def __init__(self, result: Grade) -> None:
        self.result = result

    def _lines(self) -> list[tuple[str, str, str]]:
        """(option heading, what it was for the learner, feedback) for each option to explain."""
        out = []
        for option, chosen in self.result.feedback:
            if chosen:
                role = "your answer, right" if option.correct else "your answer, not right"
            else:
                role = "a right answer you did not choose"
            out.append((f"{option.id}. {option.text}", role, option.feedback))
        return out

    def _summary(self) -> str:
        r = self.result
        right = r.question.correct_ids
        return f"{r.verdict} You chose {join_words(r.chosen) or 'nothing'}. {key_sentence(right)}"

    def _repr_html_(self) -> str:
        q = self.result.question
        items = "".join(
            f"<li><strong>{html.escape(head)}</strong> ({role}): {html.escape(why)}</li>"
            for head, role, why in self._lines()
        )
        return (
            f'<div class="hwc-feedback" role="status"><p><strong>{html.escape(self._summary())}</strong></p>'
            f"<ul>{items}</ul><p>Source: {html.escape(q.source_section)}.</p></div>"
        )

    def __repr__(self) -> str:
        lines = [self._summary()]
        lines += [f"  {head} ({role}): {why}" for head, role, why in self._lines()]
        return "\n".join(lines + [f"Source: {self.result.question.source_section}."])


def show_question(question: Question) -> QuestionView:
    return QuestionView(question)


def check_answer(question: Question, chosen: Iterable[str] | str) -> FeedbackView:
    """Grade an answer given as letters (``"c"`` or ``"a d"``) and show the feedback."""
    return FeedbackView(grade(question, chosen))


class QuizPlayer:
    """An ipywidgets player for one chapter's questions at a time, with a score for the chapter."""

    def __init__(self, chapter: str = "book/role/boundaries", bank: Optional[QuestionBank] = None) -> None:
        import ipywidgets as w

        self.w = w
        self.bank = bank or load_questions()
        if self.bank.chapter(chapter) is None:
            raise ValueError(f"no questions for chapter {chapter!r}; choose from {', '.join(self.bank.chapters)}")
        self.results: dict[str, bool] = {}  # question ID -> right at its last check, across chapters
        self.rows: dict[str, dict[str, Any]] = {}
        self.chapter = w.Dropdown(options=[(s.title, s.chapter) for s in self.bank.sets],
                                  value=self.bank.chapter(chapter).chapter, description="Chapter",  # type: ignore[union-attr]
                                  layout=w.Layout(width="auto"))
        self.score = w.HTML()
        self.questions = w.VBox()
        self.chapter.observe(lambda change: self.show(change["new"]), names="value")
        intro = w.HTML("<p>Pick a chapter, answer each question and select <strong>Check answer</strong>. "
                       "Nothing is saved or sent anywhere: your answers last until you close the notebook.</p>")
        self.widget = w.VBox([intro, self.chapter, self.score, self.questions])
        self.show(self.chapter.value)

    @property
    def current(self) -> list[Question]:
        return self.bank.chapter(self.chapter.value).questions  # type: ignore[union-attr]

    def show(self, chapter: str) -> None:
        """Show a chapter's questions (kept answers are not shown again, but they still count)."""
        w = self.w
        self.rows.clear()
        boxes = []
        for number, q in enumerate(self.bank.chapter(chapter).questions, start=1):  # type: ignore[union-attr]
            if q.type == "single":
                choice: Any = w.RadioButtons(options=[(f"{o.id}. {o.text}", o.id) for o in q.options], value=None,
                                             layout=w.Layout(width="auto"))
            else:
                choice = w.VBox([w.Checkbox(value=False, description=f"{o.id}. {o.text}", indent=False,
                                            layout=w.Layout(width="auto")) for o in q.options])
            feedback = w.HTML()
            button = w.Button(description="Check answer", tooltip=f"Check your answer to {q.id}")
            button.on_click(lambda _b, qid=q.id: self.check(qid))
            self.rows[q.id] = {"choice": choice, "feedback": feedback, "letters": [o.id for o in q.options]}
            prompt = w.HTML(f"<p><strong>Question {number} ({q.id})</strong>: {html.escape(q.prompt)} "
                            f"<em>{HINTS[q.type]}</em></p>")
            boxes.append(w.VBox([prompt, choice, button, feedback]))
        self.questions.children = boxes
        self.score.value = self.score_text()

    def choose(self, question_id: str, letters: Iterable[str] | str) -> None:
        """Set the answer of a question shown now, as a person clicking would."""
        wanted = set(letters.split() if isinstance(letters, str) else letters)
        row = self.rows[question_id]
        if isinstance(row["choice"], self.w.RadioButtons):
            row["choice"].value = next(iter(wanted)) if wanted else None
        else:
            for letter, box in zip(row["letters"], row["choice"].children):
                box.value = letter in wanted

    def chosen(self, question_id: str) -> list[str]:
        row = self.rows[question_id]
        if isinstance(row["choice"], self.w.RadioButtons):
            return [row["choice"].value] if row["choice"].value else []
        return [letter for letter, box in zip(row["letters"], row["choice"].children) if box.value]

    def check(self, question_id: str) -> Optional[Grade]:
        """Grade the current answer, show its feedback and update the score; None if nothing is chosen."""
        feedback = self.rows[question_id]["feedback"]
        letters = self.chosen(question_id)
        if not letters:
            feedback.value = f"<p role='status'>{PROMPT_FIRST}</p>"
            return None
        result = grade(self.bank.get(question_id), letters)  # type: ignore[arg-type]
        self.results[question_id] = result.right
        feedback.value = FeedbackView(result)._repr_html_()
        self.score.value = self.score_text()
        return result

    def score_text(self) -> str:
        shown = [q.id for q in self.current]
        answered = [qid for qid in shown if qid in self.results]
        right = sum(self.results[qid] for qid in answered)
        return (f"<p role='status'><strong>Score for this chapter: {right} of {len(shown)} right</strong> "
                f"({len(answered)} checked so far).</p>")

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = STATIC_PLAYER
        bundle["text/plain"] = f"Knowledge checks player: {plural(len(self.bank.questions), 'question')} in {plural(len(self.bank.sets), 'chapter')}"
        return bundle
