"""A second try before the answer (quiz/tries.py): what a learner is told after each try.

The browser words every try the same way; tests/js/quiz.test.js holds it to the
results made here for every question.
"""

from __future__ import annotations

import pytest

from hwc_selfcheck.quiz.bank import grade, load_questions
from hwc_selfcheck.quiz.models import Question
from hwc_selfcheck.quiz.tries import SHOW_ANSWER, TRIES_BEFORE_ANSWER, Tries, key_sentence, score_line


@pytest.fixture(scope="module")
def single() -> Question:
    """KC-BND-01: one right answer, c."""
    return load_questions().get("KC-BND-01")  # type: ignore[return-value]


@pytest.fixture(scope="module")
def multiple() -> Question:
    """A question with three or more right answers, so lists of three or more are worded too."""
    return next(q for q in load_questions().questions if q.type == "multiple" and len(q.correct_ids) >= 3)


def tried(question: Question, *answers: str, asked: bool = False) -> Tries:
    return Tries(tuple(grade(question, a) for a in answers), asked)


def explained(t: Tries) -> list[tuple[str, str]]:
    return [(o.id, words) for o, words in t.explained]


def test_the_key_is_a_list_as_people_write_it() -> None:
    assert key_sentence(["c"]) == "The right answer is c."
    assert key_sentence(["a", "c"]) == "The right answers are a and c."
    assert key_sentence(["a", "b", "c"]) == "The right answers are a, b and c."
    assert key_sentence(["a", "b", "c", "d"]) == "The right answers are a, b, c and d."


def test_a_wrong_first_try_explains_the_choice_and_keeps_the_answer_back(single: Question) -> None:
    t = tried(single, "a")
    assert (t.revealed, t.first_right) == (False, False)
    assert t.headline == f"Not right. Try again, or select {SHOW_ANSWER}."
    assert explained(t) == [("a", "a.")]
    assert SHOW_ANSWER == "Show the answer" and TRIES_BEFORE_ANSWER == 2


def test_the_second_wrong_try_shows_the_right_answer_and_why(single: Question) -> None:
    t = tried(single, "a", "b")
    assert t.revealed and t.headline == "Not right. The right answer is c."
    assert explained(t) == [("b", "b."), ("c", "c is the right answer.")]
    assert [o.feedback for o, _ in t.explained] == [single.option("b").feedback, single.option("c").feedback]


def test_asking_shows_the_answer_after_one_try(single: Question) -> None:
    t = tried(single, "d", asked=True)
    assert t.revealed and t.headline == "Not right. The right answer is c."
    assert explained(t) == [("d", "d."), ("c", "c is the right answer.")]


def test_right_at_the_second_try_is_right_but_not_right_first_time(single: Question) -> None:
    t = tried(single, "a", "c")
    assert t.revealed and t.headline == "Right." and not t.first_right
    assert explained(t) == [("c", "c.")]
    assert tried(single, "c").first_right and tried(single, "c").revealed


def test_partly_right_names_every_right_answer_only_once_revealed(multiple: Question) -> None:
    right = multiple.correct_ids
    first = tried(multiple, right[0])
    assert not first.revealed and first.headline == f"Partly right. Try again, or select {SHOW_ANSWER}."
    assert explained(first) == [(right[0], f"{right[0]}.")]
    second = tried(multiple, right[0], right[1])
    assert second.revealed and second.headline == f"Partly right. {key_sentence(right)}"
    assert ", " in second.headline and " and " in second.headline
    assert explained(second) == [(right[1], f"{right[1]}.")] + [(c, f"{c} is a right answer.") for c in right if c != right[1]]


def test_tries_need_a_try_at_one_question(single: Question, multiple: Question) -> None:
    with pytest.raises(ValueError) as caught:
        Tries(())
    assert str(caught.value) == "a question is tried before its answer can be shown: give at least one try"
    with pytest.raises(ValueError) as caught:
        Tries((grade(single, "a"), grade(multiple, "a")))
    assert str(caught.value) == "every try must be at the same question"


def test_the_score_is_a_sentence_people_read() -> None:
    assert score_line(0, 0, 5) == ""  # nothing checked yet: nothing to say
    assert score_line(0, 1, 5) == "You got 0 of 1 right first time. 5 questions in this set."
    assert score_line(1, 1, 1) == "You got 1 of 1 right first time. 1 question in this set."
