"""The knowledge-check questions: fair, complete, tied to the framework and the book.

Data checks run on the shipped questions; loader checks break a private copy of
the data on purpose and expect one precise message (file, question, field).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework, load_framework_from
from hwc_selfcheck.quiz.bank import (
    ORDER_FILE,
    QuestionBank,
    figure,
    file_name_for,
    grade,
    load_questions,
    load_questions_from,
)

REPO = Path(__file__).resolve().parents[2]
# The parts of the book whose chapters must have questions (captions in _toc.yml).
PARTS_WITH_QUESTIONS = ("The role", "Employing a coach", "Development")
MIN_PER_CHAPTER = 5
MIN_BOUNDARIES = 10  # the issue asks for ten on boundaries and referral
# Digits a question may contain outside a {{figure}}: citations and tier names, never a rule's figure.
ALLOWED_DIGITS = re.compile(
    r"\{\{[^}]*\}\}|\bsections? \d[\d.]*(?:(?:, | and | or |; )\d[\d.]*)*|\bappendix \d|\btiers? \d(?: (?:and|or|to) \d)?"
    r"|\bB4\.5\b|\bHbA1c\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_questions()


def toc_chapters() -> list[str]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    return [c["file"] for part in toc["parts"] if part["caption"] in PARTS_WITH_QUESTIONS for c in part["chapters"]]


def raw_files() -> list[tuple[Path, dict]]:
    folder = REPO / "hwc_selfcheck" / "data" / "questions"
    return [(p, yaml.safe_load(p.read_text())) for p in sorted(folder.glob("*.yml")) if p.name != ORDER_FILE]


# --- the shipped questions ----------------------------------------------------


def test_every_chapter_of_parts_2_to_4_has_questions_in_book_order(bank: QuestionBank) -> None:
    chapters = toc_chapters()
    assert len(chapters) == 19
    assert bank.chapters == chapters


def test_enough_questions_per_chapter(bank: QuestionBank) -> None:
    short = {s.chapter: len(s.questions) for s in bank.sets if len(s.questions) < MIN_PER_CHAPTER}
    assert not short, short
    assert len(bank.chapter("book/role/boundaries").questions) >= MIN_BOUNDARIES


def test_ids_are_unique_and_use_their_chapter_code(bank: QuestionBank) -> None:
    ids = [q.id for q in bank.questions]
    assert len(ids) == len(set(ids))
    for qset in bank.sets:
        assert len({q.code for q in qset.questions}) == 1, qset.chapter
        assert [int(q.id[-2:]) for q in qset.questions] == list(range(1, len(qset.questions) + 1)), qset.chapter
    assert len({s.questions[0].code for s in bank.sets}) == len(bank.sets)


def test_right_answers_and_feedback_on_every_option(bank: QuestionBank) -> None:
    for q in bank.questions:
        right = q.correct_ids
        assert len(right) == 1 if q.type == "single" else len(right) >= 1, q.id
        assert len(right) < len(q.options), f"{q.id}: every option is right, so nothing is tested"
        for option in q.options:
            assert option.feedback and option.feedback != option.text, f"{q.id} option {option.id}"


def test_item_ids_are_framework_items(bank: QuestionBank, fw: Framework) -> None:
    unknown = [(q.id, i) for q in bank.questions for i in q.item_ids if fw.get(i) is None]
    assert not unknown


def test_titles_match_the_pages(bank: QuestionBank) -> None:
    for qset in bank.sets:
        source = (REPO / f"{qset.chapter}.md").read_text()
        assert f"\n# {qset.title}\n" in source, qset.chapter


def test_pages_end_with_their_questions() -> None:
    for chapter in toc_chapters():
        text = (REPO / f"{chapter}.md").read_text().rstrip()
        assert text.endswith("## Check your understanding\n\n```{hwc-questions}\n```"), chapter


def test_no_figure_from_the_rules_is_typed_into_a_question() -> None:
    typed = []
    for path, raw in raw_files():
        for q in raw["questions"]:
            texts = [q["prompt"]] + [o[k] for o in q["options"] for k in ("text", "feedback")]
            for text in texts:
                left = ALLOWED_DIGITS.sub("", str(text))
                if re.search(r"\d", left):
                    typed.append(f"{path.name} {q['id']}: {left!r}")
    assert not typed, "write {{figure}} instead:\n" + "\n".join(typed)


def test_figures_are_filled_in_from_the_rules(bank: QuestionBank, fw: Framework) -> None:
    assert bank.get("KC-TIE-01").option("b").text.startswith(f"{fw.rules.tiers[1].nhs_coaching_hours} hours")
    assert fw.rules.recording.code in bank.get("KC-REC-01").option("c").text
    assert bank.get("KC-SUP-02").option("c").text == fw.rules.supervision[1].frequency
    assert not any("{{" in o.text + o.feedback for q in bank.questions for o in q.options)


def test_teaches_anchors_exist_in_the_built_book(built_book: Path, bank: QuestionBank) -> None:
    missing = []
    pages: dict[str, BeautifulSoup] = {}
    for q in bank.questions:
        page = built_book / f"{q.teaches_doc}.html"
        if not page.exists():
            missing.append(f"{q.id}: no page {q.teaches_doc}")
            continue
        soup = pages.setdefault(q.teaches_doc, BeautifulSoup(page.read_text(), "html.parser"))
        if soup.find(id=q.teaches_anchor) is None:
            missing.append(f"{q.id}: no #{q.teaches_anchor} on {q.teaches_doc}")
    assert not missing, "\n".join(missing)


# --- figures ------------------------------------------------------------------


def test_figure_paths() -> None:
    facts = {"tiers": [{"tier": 1, "h": 50}, {"tier": 2, "h": 200}], "kinds": [{"key": "clinical", "f": "x"}],
             "values": ["first", "second"], "flag": True}
    assert figure(facts, "tiers.2.h") == "200"
    assert figure(facts, "kinds.clinical.f") == "x"
    assert figure(facts, "values.1") == "first" and figure(facts, "values.2") == "second"
    for bad in ("values.0", "values.3", "tiers.5.h", "flag", "tiers", "kinds.other.f", "nothing"):
        with pytest.raises(KeyError):
            figure(facts, bad)


# --- loader errors --------------------------------------------------------------


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def load_error(data_dir: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_questions_from(data_dir, load_framework_from(data_dir))
    assert "\n" not in str(caught.value)
    return caught.value


def test_a_rule_change_reaches_the_questions(data_copy: Path) -> None:
    edit(data_copy / "rules.yml", "nhs_coaching_hours: 200", "nhs_coaching_hours: 250")
    bank = load_questions_from(data_copy, load_framework_from(data_copy))
    assert bank.get("KC-TIE-01").option("b").text.startswith("250 hours")


def test_unknown_figure_names_question_option_and_field(data_copy: Path) -> None:
    edit(data_copy / "questions" / "development-tiers.yml", "{{tiers.2.nhs_coaching_hours}}", "{{tiers.2.hours}}")
    err = load_error(data_copy)
    assert err.path.endswith("development-tiers.yml")
    assert err.where == "question KC-TIE-01, option b, field text"
    assert "{{tiers.2.hours}}" in err.problem


def test_broken_placeholder_is_refused(data_copy: Path) -> None:
    edit(data_copy / "questions" / "development-tiers.yml", "{{tiers.2.nhs_coaching_hours}}", "{{ tier two }}")
    assert "not a figure" in load_error(data_copy).problem


def test_single_answer_question_with_two_right_options(data_copy: Path) -> None:
    path = data_copy / "questions" / "role-values.yml"
    edit(path, "        text: The coach's, who should find them out alone.\n        correct: false",
         "        text: The coach's, who should find them out alone.\n        correct: true")
    err = load_error(data_copy)
    assert err.where == "question KC-VAL-02, field options"
    assert "exactly one right option, found 2" in err.problem


def test_multiple_answer_question_with_no_right_option(data_copy: Path) -> None:
    path = data_copy / "questions" / "role-referrals.yml"
    raw = yaml.safe_load(path.read_text())
    for option in raw["questions"][3]["options"]:
        option["correct"] = False
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    err = load_error(data_copy)
    assert err.where == "question KC-REF-04, field options" and "at least one right option" in err.problem


def test_missing_feedback_names_the_option(data_copy: Path) -> None:
    path = data_copy / "questions" / "role-referrals.yml"
    raw = yaml.safe_load(path.read_text())
    del raw["questions"][1]["options"][2]["feedback"]
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    err = load_error(data_copy)
    assert err.path.endswith("role-referrals.yml")
    assert err.where == "question KC-REF-02, field options, entry 3, feedback" and err.problem.startswith("is missing")


def test_options_must_be_lettered_in_order(data_copy: Path) -> None:
    path = data_copy / "questions" / "role-referrals.yml"
    raw = yaml.safe_load(path.read_text())
    raw["questions"][2]["options"][1]["id"] = "c"
    raw["questions"][2]["options"][2]["id"] = "b"
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    assert "lettered a, b, c, d in order" in load_error(data_copy).problem


def test_unknown_item_suggests_the_nearest(data_copy: Path) -> None:
    edit(data_copy / "questions" / "role-boundaries.yml", "item_ids: [PC-10, PC-02]", "item_ids: [PC-10, PC-20]")
    err = load_error(data_copy)
    assert err.where == "question KC-BND-01, field item_ids"
    assert "'PC-20'" in err.problem and "did you mean" in err.problem


def test_badly_shaped_teaches(data_copy: Path) -> None:
    edit(data_copy / "questions" / "role-boundaries.yml",
         "teaches: book/role/boundaries#safeguarding", "teaches: book/role/boundaries")
    err = load_error(data_copy)
    assert err.where == "question KC-BND-06, field teaches" and "heading id" in err.problem


def test_duplicate_id_across_files(data_copy: Path) -> None:
    edit(data_copy / "questions" / "role-values.yml", "id: KC-VAL-05", "id: KC-BEN-05")
    err = load_error(data_copy)
    assert err.where == "question KC-BEN-05" and "already used in role-benefits.yml" in err.problem
    assert err.path.endswith("role-values.yml")


def test_a_chapter_code_belongs_to_one_file(data_copy: Path) -> None:
    edit(data_copy / "questions" / "role-values.yml", "id: KC-VAL-05", "id: KC-BEN-09")
    err = load_error(data_copy)
    assert err.where == "question KC-BEN-09, field id" and "belongs to book/role/benefits" in err.problem
    assert err.path.endswith("role-values.yml")


def test_file_must_hold_its_own_chapter(data_copy: Path) -> None:
    edit(data_copy / "questions" / "role-values.yml", "chapter: book/role/values", "chapter: book/role/benefits")
    err = load_error(data_copy)
    assert err.path.endswith("role-values.yml") and err.where == "field chapter"
    assert err.problem == "is 'book/role/benefits'; a file named role-values.yml must hold 'book/role/values'"


def test_question_cannot_move_to_another_chapter(data_copy: Path) -> None:
    edit(data_copy / "questions" / "role-values.yml", "  - id: KC-VAL-05\n", "  - id: KC-VAL-05\n    chapter: book/role/mdt\n")
    err = load_error(data_copy)
    assert err.path.endswith("role-values.yml") and err.where == "question KC-VAL-05, field chapter"
    assert err.problem == "is 'book/role/mdt' but the file is for 'book/role/values'"


def test_every_file_is_listed_in_the_order(data_copy: Path) -> None:
    (data_copy / "questions" / "role-extra.yml").write_text("chapter: book/role/extra\ntitle: X\nquestions: []\n")
    err = load_error(data_copy)
    assert err.path.endswith("role-extra.yml") and ORDER_FILE in err.problem


def test_every_listed_chapter_has_a_file(data_copy: Path) -> None:
    (data_copy / "questions" / "role-mdt.yml").unlink()
    err = load_error(data_copy)
    assert err.path.endswith(ORDER_FILE) and err.where == "chapter book/role/mdt"
    assert err.problem == "has no question file role-mdt.yml"


def test_unknown_top_level_key(data_copy: Path) -> None:
    edit(data_copy / "questions" / "role-mdt.yml", "title: ", "titel: x\ntitle: ")
    assert "unknown top-level key: titel" in load_error(data_copy).problem


def test_file_names_follow_the_page() -> None:
    assert file_name_for("book/role/boundaries") == "role-boundaries.yml"
    assert file_name_for("book/development/supervision-and-evidence") == "development-supervision-and-evidence.yml"


# --- finding chapters and grading ----------------------------------------------


def test_chapter_lookup_is_forgiving_but_not_ambiguous(bank: QuestionBank) -> None:
    for name in ("book/role/boundaries", "/book/role/boundaries.md", "role-boundaries", "role/boundaries", "boundaries"):
        assert bank.chapter(name).chapter == "book/role/boundaries", name
    assert bank.chapter("supervision").chapter == "book/employing/supervision"
    assert bank.chapter("book/role/nope") is None
    assert "book/role/boundaries" in bank.suggest("book/role/boundary")


def test_single_answer_grading(bank: QuestionBank) -> None:
    q = bank.get("KC-BND-01")
    assert grade(q, "c").right and grade(q, ["C"]).verdict == "Right."
    wrong = grade(q, "a")
    assert not wrong.right and wrong.verdict == "Not right."
    assert [(o.id, chosen) for o, chosen in wrong.feedback] == [("a", True), ("c", False)]
    with pytest.raises(ValueError, match="choose only one"):
        grade(q, "a c")


def test_multiple_answer_grading_needs_exactly_the_right_options(bank: QuestionBank) -> None:
    q = bank.get("KC-BND-03")
    assert q.correct_ids == ["a", "c", "d"]
    assert grade(q, "a c d").right and grade(q, "d,c,a").right
    partly = grade(q, "a c")
    assert not partly.right and partly.verdict == "Partly right." and [o.id for o in partly.missed] == ["d"]
    assert not grade(q, "a b c d").right
    assert grade(q, "b").verdict == "Not right."


def test_grading_refuses_empty_or_unknown_answers(bank: QuestionBank) -> None:
    q = bank.get("KC-BND-03")
    with pytest.raises(ValueError, match="choose an answer first"):
        grade(q, [])
    with pytest.raises(ValueError, match="no option 'e'"):
        grade(q, "a e")


# --- rules the mutation test found unpinned -------------------------------------


def test_a_question_is_found_by_its_id_in_any_case(bank: QuestionBank) -> None:
    assert bank.get(" kc-bnd-03 ").id == "KC-BND-03" and bank.get("KC-BND-99") is None


def test_suggestions_fall_back_to_chapters_containing_the_words(bank: QuestionBank) -> None:
    assert bank.suggest("/book/development/tier/")[0] == "book/development/tiers"
    assert bank.suggest("mdt") == ["book/role/mdt"]  # too short to be close: found as part of a name
    assert bank.suggest("employing/super", limit=1) == ["book/employing/supervision"]
    assert bank.suggest("zzzz") == [] and bank.suggest("   ") == []


def test_figures_may_have_spaces_inside_the_braces(data_copy: Path) -> None:
    edit(data_copy / "questions" / "development-tiers.yml", "{{tiers.2.nhs_coaching_hours}}",
         "{{ tiers.2.nhs_coaching_hours }}")
    bank = load_questions_from(data_copy, load_framework_from(data_copy))
    assert bank.get("KC-TIE-01").option("b").text.startswith("200 hours")


def test_loader_messages_are_exact(data_copy: Path) -> None:
    edit(data_copy / "questions" / "development-tiers.yml", "{{tiers.2.nhs_coaching_hours}}", "{{tiers.2.hours}}")
    assert load_error(data_copy).problem == (
        "'{{tiers.2.hours}}' names no figure in rules.yml (for example '{{recording.code}}')")


def test_a_broken_placeholder_message_is_exact(data_copy: Path) -> None:
    edit(data_copy / "questions" / "development-tiers.yml", "{{tiers.2.nhs_coaching_hours}}", "{{ tier two }}")
    err = load_error(data_copy)
    assert (err.where, err.problem) == ("question KC-TIE-01, option b, field text",
                                        "has a '{{' or '}}' that is not a figure like '{{recording.code}}'")


@pytest.mark.parametrize("text, where, problem", [
    ("- just a list\n", None, "must be a mapping with 'chapter', 'title' and a list under 'questions'"),
    ("chapter: book/role/mdt\ntitle: X\nquestions: [just text]\n", "question number 1", "must be a mapping of fields"),
    ("chapter: book/role/mdt\ntitle: X\nquestions: []\nextra: 1\nmore: 2\n", None, "unknown top-level keys: extra, more"),
])
def test_a_badly_shaped_question_file(data_copy: Path, text: str, where: str | None, problem: str) -> None:
    (data_copy / "questions" / "role-mdt.yml").write_text(text)
    err = load_error(data_copy)
    assert err.path.endswith("role-mdt.yml") and (err.where, err.problem) == (where, problem)


def test_the_chapter_order_must_be_a_list_of_names(data_copy: Path) -> None:
    (data_copy / "questions" / ORDER_FILE).write_text("[]\n")
    err = load_error(data_copy)
    assert err.path.endswith(ORDER_FILE) and err.problem == "must be a list of chapter document names, in book order"


def test_grading_messages_name_the_question_and_the_choices(bank: QuestionBank) -> None:
    q = bank.get("KC-BND-03")
    with pytest.raises(ValueError) as caught:
        grade(q, "a e")
    assert str(caught.value) == "KC-BND-03 has no option 'e'; choose from a, b, c, d"
    with pytest.raises(ValueError) as caught:
        grade(q, " , ")
    assert str(caught.value) == "KC-BND-03: choose an answer first"
    with pytest.raises(ValueError) as caught:
        grade(bank.get("KC-BND-01"), ["a", " B "])
    assert str(caught.value) == "KC-BND-01 has one right answer: choose only one option"


def test_an_answer_is_kept_as_sorted_letters_and_the_same_letter_twice_is_one_choice(bank: QuestionBank) -> None:
    assert grade(bank.get("KC-BND-03"), "d, A,c").chosen == ("a", "c", "d")
    single = grade(bank.get("KC-BND-01"), "c C")
    assert single.chosen == ("c",) and single.right


def test_feedback_lists_chosen_options_then_right_ones_missed(bank: QuestionBank) -> None:
    partly = grade(bank.get("KC-BND-03"), "b c")
    assert [(o.id, chosen) for o, chosen in partly.feedback] == [("b", True), ("c", True), ("a", False), ("d", False)]
    assert partly.verdict == "Partly right." and grade(bank.get("KC-BND-03"), ("a", "c", "d")).feedback[-1][1] is True


def test_suggestions_are_loose_but_few(bank: QuestionBank) -> None:
    assert bank.suggest("boundary") == ["book/role/boundaries"]  # not close enough for a strict match
    assert bank.suggest("mdt/") == ["book/role/mdt"]  # slashes at the ends do not count
    assert len(bank.suggest("book/role/x")) == 3


def test_a_chapter_is_found_by_its_file_name(bank: QuestionBank) -> None:
    assert bank.chapter("role-boundaries.yml").chapter == "book/role/boundaries"


def test_only_slashes_and_spaces_are_trimmed_from_a_chapter_name(bank: QuestionBank) -> None:
    assert bank.chapter("Xboundaries") is None and bank.chapter("boundariesX") is None
    assert bank.suggest("mdtX") == []


@pytest.mark.parametrize("stray", ["200 }} hours", "200 {{ hours"])
def test_a_stray_brace_pair_is_refused_on_its_own(data_copy: Path, stray: str) -> None:
    edit(data_copy / "questions" / "development-tiers.yml",
         "prompt: How many hours of coaching experience in the NHS does Tier 2 ask for?",
         f"prompt: How many hours ({stray}) of coaching experience in the NHS does Tier 2 ask for?")
    err = load_error(data_copy)
    assert err.path.endswith("development-tiers.yml")
    assert (err.where, err.problem) == ("question KC-TIE-01, field prompt",
                                        "has a '{{' or '}}' that is not a figure like '{{recording.code}}'")


def test_a_question_without_an_id_is_named_by_its_position(data_copy: Path) -> None:
    path = data_copy / "questions" / "role-mdt.yml"
    raw = yaml.safe_load(path.read_text())
    del raw["questions"][1]["id"]
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    err = load_error(data_copy)
    assert (err.where, err.problem.startswith("is missing")) == ("question number 2, field id", True)


@pytest.mark.parametrize("item, problem", [
    ("PC-20", "unknown item 'PC-20'; did you mean PC-10, PC-09 or PC-08?"),
    ("ZZ-99", "unknown item 'ZZ-99'"),
])
def test_an_unknown_item_message_is_exact(data_copy: Path, item: str, problem: str) -> None:
    edit(data_copy / "questions" / "role-boundaries.yml", "item_ids: [PC-10, PC-02]", f"item_ids: [PC-10, {item}]")
    err = load_error(data_copy)
    assert err.path.endswith("role-boundaries.yml") and err.where == "question KC-BND-01, field item_ids"
    assert err.problem == problem


def test_figures_are_filled_in_prompts_and_feedback_too(data_copy: Path) -> None:
    path = data_copy / "questions" / "development-tiers.yml"
    edit(path, "prompt: How many hours of coaching experience in the NHS does Tier 2 ask for?",
         "prompt: Tier 1 asks for {{tiers.1.nhs_coaching_hours}} hours. How many does Tier 2 ask for?")
    edit(path, "feedback: This is Tier 2 (section 8.2; appendix 2 introduction).",
         "feedback: This is Tier 2, {{tiers.2.nhs_coaching_hours}} hours (section 8.2).")
    question = load_questions_from(data_copy, load_framework_from(data_copy)).get("KC-TIE-01")
    assert question.prompt == "Tier 1 asks for 50 hours. How many does Tier 2 ask for?"
    assert question.option("b").feedback == "This is Tier 2, 200 hours (section 8.2)."


def test_an_unknown_figure_in_feedback_names_the_field(data_copy: Path) -> None:
    path = data_copy / "questions" / "development-tiers.yml"
    edit(path, "feedback: This is Tier 2 (section 8.2; appendix 2 introduction).",
         "feedback: This is Tier 2, {{tiers.2.hours}} hours.")
    err = load_error(data_copy)
    assert err.path.endswith("development-tiers.yml") and err.where == "question KC-TIE-01, option b, field feedback"


def test_the_chapter_order_must_hold_only_names(data_copy: Path) -> None:
    (data_copy / "questions" / ORDER_FILE).write_text("- book/role/values\n- 2\n")
    assert load_error(data_copy).problem == "must be a list of chapter document names, in book order"


def test_a_missing_figure_names_the_part_not_found() -> None:
    facts = {"values": ["first"], "flag": True, "kinds": [{"key": "a"}]}
    for name, part in (("values.3", "3"), ("values.1.x", "x"), ("kinds.b", "b"), ("flag", "flag")):
        with pytest.raises(KeyError) as caught:
            figure(facts, name)
        assert caught.value.args == (part,), name


def test_a_problem_with_the_whole_file_names_the_file(data_copy: Path) -> None:
    path = data_copy / "questions" / "role-mdt.yml"
    raw = yaml.safe_load(path.read_text())
    del raw["title"]
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    err = load_error(data_copy)
    assert err.path.endswith("role-mdt.yml") and err.where == "field title"
