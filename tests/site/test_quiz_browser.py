"""Knowledge checks in headless Chromium: keyboard, feedback, a second try, live region, kept scores."""

from __future__ import annotations

import json

from tests.site.waiting import wait_until

BOUNDARIES = "book/role/boundaries.html"
SUMMARY = "book/self-assessment/knowledge-checks.html"


def answers(page) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(page.evaluate("localStorage.getItem('hwc-quiz')") or "{}").get("answers", {})


def test_answer_by_keyboard_and_hear_the_feedback(page, site_url: str) -> None:
    page.goto(f"{site_url}/{BOUNDARIES}")
    page.focus("#kc-bnd-01-a")
    page.keyboard.press("Space")  # choose a
    page.keyboard.press("ArrowDown")  # b
    page.keyboard.press("ArrowDown")  # c, the right answer
    page.keyboard.press("Tab")  # to "Check answer"
    page.keyboard.press("Enter")
    feedback = page.locator("#kc-bnd-01-feedback")
    assert feedback.get_attribute("role") == "status" and feedback.get_attribute("aria-live") == "polite"
    assert feedback.inner_text().startswith("Right.")
    assert "(right answer)" in page.inner_text("#kc-bnd-01 .hwc-quiz-option:nth-of-type(3)")
    assert answers(page)["KC-BND-01"] == {"chosen": ["c"], "verdict": "right", "first": "right", "chapter": "book/role/boundaries",
                                          "tries": 1, "asked": False}
    assert "You got 1 of 1 right first time. 12 questions in this set." in page.inner_text("#hwc-quiz-book-role-boundaries-score")


def test_a_wrong_first_try_explains_the_choice_and_keeps_the_answer_back(page, site_url: str) -> None:
    page.goto(f"{site_url}/{BOUNDARIES}")
    assert page.is_hidden("#kc-bnd-01-answer") and page.is_hidden("#kc-bnd-01 .hwc-quiz-show")  # the no-JS answer block
    page.check("#kc-bnd-01-a")
    page.click("#kc-bnd-01 .hwc-quiz-check")
    text = page.inner_text("#kc-bnd-01-feedback")
    assert text.startswith("Not right. Try again, or select Show the answer.") and "non-clinical" in text
    assert "The right answer" not in text and "is the right answer" not in text
    link = page.locator("#kc-bnd-01-feedback .hwc-quiz-read-more a")
    assert link.get_attribute("href") == page.locator("#kc-bnd-01-answer .hwc-quiz-read-more a").get_attribute("href")
    assert "#" in link.get_attribute("href")  # the section that teaches it
    assert "(not right)" in page.inner_text("#kc-bnd-01 .hwc-quiz-option:nth-of-type(1)")
    assert page.inner_text("#kc-bnd-01 .hwc-quiz-option:nth-of-type(3)").count("right") == 0  # c is not given away
    assert page.is_visible("#kc-bnd-01 .hwc-quiz-show") and page.is_hidden("#kc-bnd-01-answer")


def test_the_second_wrong_try_shows_the_right_answer_and_why(page, site_url: str) -> None:
    page.goto(f"{site_url}/{BOUNDARIES}")
    page.check("#kc-bnd-01-a")
    page.click("#kc-bnd-01 .hwc-quiz-check")
    page.check("#kc-bnd-01-b")
    page.click("#kc-bnd-01 .hwc-quiz-check")
    text = page.inner_text("#kc-bnd-01-feedback")
    assert text.startswith("Not right. The right answer is c.") and "c is the right answer." in text
    assert "(right answer)" in page.inner_text("#kc-bnd-01 .hwc-quiz-option:nth-of-type(3)")
    assert page.is_hidden("#kc-bnd-01 .hwc-quiz-show")
    assert answers(page)["KC-BND-01"]["tries"] == 2 and answers(page)["KC-BND-01"]["first"] == "wrong"
    check = page.locator("#kc-bnd-01 .hwc-quiz-check")  # checking again would change nothing
    assert check.is_disabled() and check.inner_text() == "Answer shown"
    page.click("#hwc-quiz-book-role-boundaries .hwc-quiz-reset")
    assert check.is_enabled() and check.inner_text() == "Check answer"


def test_the_marks_wrap_with_the_options_words_on_a_narrow_screen(page, site_url: str) -> None:
    """At 320 px "(right answer)" ends the option's label instead of squeezing it into a column."""
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(f"{site_url}/{BOUNDARIES}")
    page.check("#kc-bnd-01-a")
    page.click("#kc-bnd-01 .hwc-quiz-check")
    page.click("#kc-bnd-01 .hwc-quiz-show")
    option = page.locator("#kc-bnd-01 .hwc-quiz-option").nth(2)
    assert option.locator("label .hwc-quiz-mark").inner_text().strip() == "(right answer)"
    label, box = option.locator("label").bounding_box(), option.bounding_box()
    assert label["width"] > box["width"] * 0.75, (label, box)


def test_show_the_answer_by_keyboard_is_heard_and_takes_focus_to_it(page, site_url: str) -> None:
    page.goto(f"{site_url}/{BOUNDARIES}")
    page.focus("#kc-bnd-01-a")
    page.keyboard.press("Space")  # choose a
    page.keyboard.press("Tab")  # to "Check answer"
    page.keyboard.press("Enter")
    feedback = page.locator("#kc-bnd-01-feedback")
    assert feedback.inner_text().startswith("Not right. Try again")
    page.keyboard.press("Tab")  # to "Show the answer", next after "Check answer"
    assert page.evaluate("() => document.activeElement.textContent") == "Show the answer"
    page.keyboard.press("Enter")
    assert feedback.get_attribute("role") == "status" and feedback.get_attribute("aria-live") == "polite"
    assert feedback.inner_text().startswith("Not right. The right answer is c.")
    assert page.evaluate("() => document.activeElement.id") == "kc-bnd-01-feedback"  # not lost to the page body
    assert answers(page)["KC-BND-01"]["asked"] is True
    page.reload()
    page.wait_for_selector("#kc-bnd-01-feedback:not(:empty)")
    assert page.inner_text("#kc-bnd-01-feedback").startswith("Not right. The right answer is c.")
    assert "You got 0 of 1 right first time." in page.inner_text("#hwc-quiz-book-role-boundaries-score")


def test_a_first_try_kept_over_a_reload_still_keeps_the_answer_back(page, site_url: str) -> None:
    page.goto(f"{site_url}/{BOUNDARIES}")
    page.check("#kc-bnd-01-d")
    page.click("#kc-bnd-01 .hwc-quiz-check")
    page.reload()
    page.wait_for_selector("#kc-bnd-01-feedback:not(:empty)")
    assert page.inner_text("#kc-bnd-01-feedback").startswith("Not right. Try again")
    assert page.is_visible("#kc-bnd-01 .hwc-quiz-show")


def test_an_answer_kept_before_second_tries_shows_its_answer(page, site_url: str) -> None:
    page.goto(f"{site_url}/{BOUNDARIES}")
    page.evaluate("""() => localStorage.setItem('hwc-quiz', JSON.stringify({ version: 1, answers: {
        'KC-BND-01': { chosen: ['a'], verdict: 'wrong', first: 'wrong', chapter: 'book/role/boundaries' } } }))""")
    page.reload()
    page.wait_for_selector("#kc-bnd-01-feedback:not(:empty)")
    assert page.inner_text("#kc-bnd-01-feedback").startswith("Not right. The right answer is c.")


def test_a_second_try_shows_feedback_but_does_not_raise_the_score(page, site_url: str) -> None:
    page.goto(f"{site_url}/{BOUNDARIES}")
    page.check("#kc-bnd-01-a")
    page.click("#kc-bnd-01 .hwc-quiz-check")
    page.check("#kc-bnd-01-c")
    page.click("#kc-bnd-01 .hwc-quiz-check")
    assert page.inner_text("#kc-bnd-01-feedback").startswith("Right.")
    assert "You got 0 of 1 right first time." in page.inner_text("#hwc-quiz-book-role-boundaries-score")
    assert answers(page)["KC-BND-01"]["first"] == "wrong" and answers(page)["KC-BND-01"]["tries"] == 2


def test_multiple_answer_questions_can_be_partly_right(page, site_url: str) -> None:
    page.goto(f"{site_url}/{BOUNDARIES}")
    form = page.locator("form.hwc-quiz[data-type='multiple']").first
    right = form.get_attribute("data-correct").split()
    qid = form.get_attribute("id")
    page.check(f"#{qid}-{right[0]}")
    page.click(f"#{qid} .hwc-quiz-check")
    assert page.inner_text(f"#{qid}-feedback").startswith("Partly right. Try again")
    page.click(f"#{qid} .hwc-quiz-show")
    key = page.inner_text(f"#{qid}-answer .hwc-quiz-key")  # the no-JS block's sentence: "a, b and c"
    assert key.startswith("The right answers are ") and page.inner_text(f"#{qid}-feedback").startswith(f"Partly right. {key}")


def test_score_survives_a_reload_and_fills_the_summary(page, site_url: str) -> None:
    page.goto(f"{site_url}/{BOUNDARIES}")
    page.check("#kc-bnd-01-c")
    page.click("#kc-bnd-01 .hwc-quiz-check")
    page.check("#kc-bnd-02-a")
    page.click("#kc-bnd-02 .hwc-quiz-check")
    page.reload()
    page.wait_for_selector("#kc-bnd-01-feedback:not(:empty)")
    assert page.is_checked("#kc-bnd-01-c")
    score = page.inner_text("#hwc-quiz-book-role-boundaries-score")
    assert "You got 1 of 2 right first time. 12 questions in this set." in score
    page.goto(f"{site_url}/{SUMMARY}")
    row = page.locator("tr[data-chapter='book/role/boundaries']")
    assert row.locator(".hwc-quiz-checked").inner_text() == "2 of 12"
    assert row.locator(".hwc-quiz-right").inner_text() in {"1", "2"}
    assert page.locator("tr[data-chapter='book/role/values'] .hwc-quiz-checked").inner_text().startswith("0 of")


def test_start_again_clears_one_chapter(page, site_url: str) -> None:
    page.goto(f"{site_url}/{BOUNDARIES}")
    page.check("#kc-bnd-01-c")
    page.click("#kc-bnd-01 .hwc-quiz-check")
    page.click("text=Start these questions again")
    assert answers(page) == {} and page.inner_text("#kc-bnd-01-feedback") == ""
    assert not page.is_checked("#kc-bnd-01-c")


def test_without_javascript_the_answers_are_in_details(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}/{BOUNDARIES}")
    tab.click("#kc-bnd-01-answer summary")
    assert "The right answer is c." in tab.inner_text("#kc-bnd-01-answer")
    context.close()


def test_axe_finds_nothing_after_answering(page, site_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{site_url}/{BOUNDARIES}")
    page.check("#kc-bnd-01-a")
    page.click("#kc-bnd-01 .hwc-quiz-check")
    result = Axe().run(page)
    assert not result.violations_count, result.generate_report()
    page.click("#kc-bnd-01 .hwc-quiz-show")
    result = Axe().run(page)
    assert not result.violations_count, result.generate_report()


VALUES = "book/role/values.html"


def test_two_tabs_keep_each_others_answers_and_show_them(page, site_url: str) -> None:
    boundaries, values, summary = page, page.context.new_page(), page.context.new_page()
    boundaries.goto(f"{site_url}/{BOUNDARIES}")
    values.goto(f"{site_url}/{VALUES}")
    summary.goto(f"{site_url}/{SUMMARY}")
    boundaries.check("#kc-bnd-01-c")
    boundaries.click("#kc-bnd-01 .hwc-quiz-check")
    values.check("#kc-val-02-c")
    values.click("#kc-val-02 .hwc-quiz-check")
    boundaries.check("#kc-bnd-02-a")
    boundaries.click("#kc-bnd-02 .hwc-quiz-check")
    assert sorted(answers(page)) == ["KC-BND-01", "KC-BND-02", "KC-VAL-02"]
    wait_until(summary, "document.querySelector(\"tr[data-chapter='book/role/values'] .hwc-quiz-checked\").textContent.startsWith('1 of')")
    assert summary.locator("tr[data-chapter='book/role/boundaries'] .hwc-quiz-checked").inner_text() == "2 of 12"
    other = page.context.new_page()
    other.goto(f"{site_url}/{BOUNDARIES}")
    other.check("#kc-bnd-03-a")  # chosen here, not yet checked: another tab's save leaves it be
    boundaries.click("text=Start these questions again")
    wait_until(other, "document.querySelector('#kc-bnd-01-feedback').textContent === ''")
    assert not other.is_checked("#kc-bnd-01-c") and other.is_checked("#kc-bnd-03-a")
    assert list(answers(page)) == ["KC-VAL-02"]
