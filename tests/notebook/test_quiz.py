"""The notebook's knowledge-check player and its fixed worked-example views."""

from __future__ import annotations

import pytest

from hwc_selfcheck.notebook.quiz import PROMPT_FIRST, QuizPlayer, chapter_table, check_answer, show_question
from hwc_selfcheck.quiz.bank import QuestionBank, load_questions

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_questions()


def test_chapter_table_lists_every_chapter(bank: QuestionBank) -> None:
    table = chapter_table(bank)
    assert [r[1] for r in table.rows] == bank.chapters
    assert sum(int(r[2]) for r in table.rows) == len(bank.questions)


def test_question_view_shows_options_without_answers(bank: QuestionBank) -> None:
    view = show_question(bank.get("KC-BND-03"))
    text = repr(view)
    assert text.splitlines()[1] == "Choose every answer that is right. There may be more than one."
    assert "  d. A client mentions" in text and "feedback" not in view._repr_html_()
    assert "Right" not in text


def test_feedback_explains_choices_and_missed_answers(bank: QuestionBank) -> None:
    view = check_answer(bank.get("KC-BND-03"), "a b")
    text = repr(view)
    assert text.startswith("Partly right. You chose a and b. The right answers are a, c and d.")
    assert "(your answer, not right)" in text and text.count("(a right answer you did not choose)") == 2
    assert 'role="status"' in view._repr_html_()
    assert repr(check_answer(bank.get("KC-BND-01"), "c")).startswith("Right. You chose c. The right answer is c.")


def test_player_checks_answers_and_keeps_a_chapter_score(bank: QuestionBank) -> None:
    player = QuizPlayer("boundaries", bank)
    assert player.check("KC-BND-01") is None
    assert PROMPT_FIRST in player.rows["KC-BND-01"]["feedback"].value
    player.choose("KC-BND-01", "c")
    assert player.check("KC-BND-01").right
    player.choose("KC-BND-03", ["a", "c"])
    assert player.chosen("KC-BND-03") == ["a", "c"] and not player.check("KC-BND-03").right
    assert "Partly right." in player.rows["KC-BND-03"]["feedback"].value
    total = len(bank.chapter("boundaries").questions)
    assert f"1 of {total} right</strong> (2 checked so far)" in player.score.value
    player.chapter.value = "book/role/values"
    assert "0 of 5 right</strong> (0 checked so far)" in player.score.value
    player.chapter.value = "book/role/boundaries"
    assert f"1 of {total} right" in player.score.value


def test_player_refuses_an_unknown_chapter(bank: QuestionBank) -> None:
    with pytest.raises(ValueError, match="no questions for chapter 'nowhere'"):
        QuizPlayer("nowhere", bank)


def test_player_bundle_has_the_widget_and_a_static_note(bank: QuestionBank) -> None:
    bundle = QuizPlayer(bank=bank)._repr_mimebundle_()
    assert WIDGET_VIEW in bundle and "Check answer" in bundle["text/html"]
    assert f"{len(bank.questions)} questions" in bundle["text/plain"]
