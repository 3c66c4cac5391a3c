"""A second try before the answer: what a learner is told after each try at a knowledge check.

When a wrong answer gives every right answer away at once, trying again teaches
nothing. So, as course platforms do with "multiple tries", a try that is not
right gets the feedback for the options chosen (why each is or is not right)
and the chance to try again; the right answer, with why, comes after a right
try, after the second try, or when the learner asks for it. The score still
counts first tries only (``first_right``).

The book's script (``site/static/hwc-quiz.js``) words every try the same way:
the Node tests give it each question's tries with the results made here
(``tests/js/fixtures.py``) and require identical words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from hwc_selfcheck.core.wording import join_words, noun, plural
from hwc_selfcheck.quiz.bank import Grade
from hwc_selfcheck.quiz.models import Option

TRIES_BEFORE_ANSWER = 2
SHOW_ANSWER = "Show the answer"


def key_sentence(correct: Sequence[str]) -> str:
    """The right options as people write a list: 'The right answers are a, b and c.'"""
    return f"The right {noun(len(correct), 'answer is', 'answers are')} {join_words(correct)}."


@dataclass(frozen=True)
class Tries:
    """A learner's tries at one question, in order, and whether they asked to see the answer."""

    tries: tuple[Grade, ...]
    asked: bool = False

    def __post_init__(self) -> None:
        if not self.tries:
            raise ValueError("a question is tried before its answer can be shown: give at least one try")
        if len({t.question.id for t in self.tries}) > 1:
            raise ValueError("every try must be at the same question")

    @property
    def last(self) -> Grade:
        return self.tries[-1]

    @property
    def first_right(self) -> bool:
        """What the score counts: right at the first try."""
        return self.tries[0].right

    @property
    def revealed(self) -> bool:
        """Whether the right answer is shown: after a right try, the second try, or on asking."""
        return self.last.right or self.asked or len(self.tries) >= TRIES_BEFORE_ANSWER

    @property
    def headline(self) -> str:
        """The first sentence or two of the feedback."""
        if self.last.right:
            return self.last.verdict
        if self.revealed:
            return f"{self.last.verdict} {key_sentence(self.last.question.correct_ids)}"
        return f"{self.last.verdict} Try again, or select {SHOW_ANSWER}."

    @property
    def explained(self) -> list[tuple[Option, str]]:
        """Each option whose feedback is shown, with the words before it: the options chosen ('a.'),
        then, once the answer is revealed, each right option not chosen ('c is the right answer.')."""
        chosen = [(o, f"{o.id}.") for o in self.last.question.options if o.id in self.last.chosen]
        if not self.revealed:
            return chosen
        which = "the right answer" if len(self.last.question.correct_ids) == 1 else "a right answer"
        return chosen + [(o, f"{o.id} is {which}.") for o in self.last.missed]


def score_line(right: int, checked: int, total: int) -> str:
    """A chapter's score as a sentence, or nothing before any question is checked: 'You got 0 of 1 right
    first time. 5 questions in this set.' Only first tries count (``Tries.first_right``)."""
    if not checked:
        return ""
    return f"You got {right} of {checked} right first time. {plural(total, 'question')} in this set."
