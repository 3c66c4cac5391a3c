"""Load, validate and grade the knowledge-check questions in ``data/questions/``.

The single reader of the question data: the Sphinx directive, the exports, the
command line and the notebook all go through :func:`load_questions`.

Figures that the rule data holds (hours, frequencies, codes) are never typed
into a question. A question writes ``{{tiers.2.nhs_coaching_hours}}`` and the
loader fills in the figure from ``rules.yml``, so a question can never
disagree with the rest of the book.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional

from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.wording import join_words, noun
from hwc_selfcheck.framework.loader import DATA_DIR, Framework, load_framework, read_yaml, validate_data
from hwc_selfcheck.quiz.models import Option, Question, QuestionSet

QUESTIONS_SUBDIR = "questions"
ORDER_FILE = "chapters.yml"
HEADER_KEYS = {"chapter", "title", "questions"}
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")


def file_name_for(chapter: str) -> str:
    """The question file of a chapter: ``book/role/boundaries`` -> ``role-boundaries.yml``."""
    return chapter.removeprefix("book/").replace("/", "-") + ".yml"


def _pick(entries: list[Any], part: str) -> Any:
    """An entry of a list in the rule data: by its ``key`` or ``tier``, or by position from 1."""
    for entry in entries:
        if isinstance(entry, dict) and (entry.get("key") == part or str(entry.get("tier")) == part):
            return entry
    if part.isdigit() and not any(isinstance(e, dict) for e in entries) and 1 <= int(part) <= len(entries):
        return entries[int(part) - 1]
    raise KeyError(part)


def figure(facts: dict[str, Any], name: str) -> str:
    """The value at a dotted path in the rule data, e.g. ``supervision.clinical.interval_months``."""
    node: Any = facts
    for part in name.split("."):
        if isinstance(node, dict):
            node = node[part]
        elif isinstance(node, list):
            node = _pick(node, part)
        else:
            raise KeyError(part)
    if isinstance(node, bool) or not isinstance(node, (str, int)):
        raise KeyError(name)
    return str(node)


def fill_figures(text: str, facts: dict[str, Any], path: Path, where: str) -> str:
    """Replace every ``{{path}}`` in ``text`` with the figure from the rule data."""

    def one(match: re.Match[str]) -> str:
        try:
            return figure(facts, match[1])
        except KeyError:
            raise InputError(
                path, where, f"'{{{{{match[1]}}}}}' names no figure in rules.yml (for example '{{{{recording.code}}}}')"
            ) from None

    filled = PLACEHOLDER.sub(one, text)
    if "{{" in filled or "}}" in filled:
        raise InputError(path, where, "has a '{{' or '}}' that is not a figure like '{{recording.code}}'")
    return filled


@dataclass(frozen=True)
class QuestionBank:
    """Every chapter's questions, in book order."""

    sets: tuple[QuestionSet, ...]
    _by_id: dict[str, Question] = field(default_factory=dict, repr=False, compare=False)
    _by_chapter: dict[str, QuestionSet] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_chapter.update({s.chapter: s for s in self.sets})
        self._by_id.update({q.id: q for s in self.sets for q in s.questions})

    @property
    def questions(self) -> list[Question]:
        return [q for s in self.sets for q in s.questions]

    @property
    def chapters(self) -> list[str]:
        return [s.chapter for s in self.sets]

    def get(self, question_id: str) -> Optional[Question]:
        return self._by_id.get(question_id.strip().upper())

    def chapter(self, name: str) -> Optional[QuestionSet]:
        """A chapter's questions by document name (``book/role/boundaries``), file name or last part."""
        wanted = name.strip().strip("/").removesuffix(".md").removesuffix(".yml")
        if wanted in self._by_chapter:
            return self._by_chapter[wanted]
        for s in self.sets:
            if wanted in (file_name_for(s.chapter).removesuffix(".yml"), s.chapter.removeprefix("book/")):
                return s
        last = [s for s in self.sets if s.chapter.rsplit("/", 1)[-1] == wanted]
        return last[0] if len(last) == 1 else None

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Nearest chapter names to a mistyped one, best first."""
        wanted = name.strip().strip("/")
        return difflib.get_close_matches(wanted, self.chapters, n=limit, cutoff=0.4) or [
            c for c in self.chapters if wanted and wanted in c
        ][:limit]


def _load_set(path: Path, facts: dict[str, Any], fw: Framework) -> QuestionSet:
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list):
        raise InputError(path, None, "must be a mapping with 'chapter', 'title' and a list under 'questions'")
    unknown = set(raw) - HEADER_KEYS
    if unknown:
        raise InputError(path, None, f"unknown top-level {noun(len(unknown), 'key')}: {', '.join(sorted(unknown))}")
    chapter = raw.get("chapter")
    questions = []
    for position, entry in enumerate(raw["questions"], start=1):
        if not isinstance(entry, dict):
            raise InputError(path, f"question number {position}", "must be a mapping of fields")
        where = f"question {entry.get('id', f'number {position}')}"
        if "chapter" in entry and entry["chapter"] != chapter:
            raise InputError(path, f"{where}, field chapter", f"is {entry['chapter']!r} but the file is for {chapter!r}")
        question: Question = validate_data(Question, {"chapter": chapter, **entry}, path, where)
        where = f"question {question.id}"
        for item_id in question.item_ids:
            if fw.get(item_id) is None:
                near = fw.suggest(item_id)
                hint = f"; did you mean {join_words(near, 'or')}?" if near else ""
                raise InputError(path, f"{where}, field item_ids", f"unknown item {item_id!r}{hint}")
        options = [
            option.model_copy(update={
                "text": fill_figures(option.text, facts, path, f"{where}, option {option.id}, field text"),
                "feedback": fill_figures(option.feedback, facts, path, f"{where}, option {option.id}, field feedback"),
            })
            for option in question.options
        ]
        prompt = fill_figures(question.prompt, facts, path, f"{where}, field prompt")
        questions.append(question.model_copy(update={"prompt": prompt, "options": options}))
    return validate_data(QuestionSet, {**raw, "questions": questions}, path, None)


def load_questions_from(data_dir: Path, fw: Framework) -> QuestionBank:
    """Load and validate every question file; raise InputError on any problem."""
    folder = data_dir / QUESTIONS_SUBDIR
    order_path = folder / ORDER_FILE
    order = read_yaml(order_path)
    if not isinstance(order, list) or not all(isinstance(c, str) for c in order) or not order:
        raise InputError(order_path, None, "must be a list of chapter document names, in book order")
    files = {p.name: p for p in folder.glob("*.yml") if p.name != ORDER_FILE}
    expected = {file_name_for(c): c for c in order}
    unlisted = sorted(set(files) - set(expected))
    if unlisted:
        raise InputError(files[unlisted[0]], None, f"is not listed in {ORDER_FILE}; add its chapter there")
    facts = fw.rules.model_dump(mode="json")
    sets: list[QuestionSet] = []
    seen_ids: dict[str, Path] = {}
    seen_codes: dict[str, str] = {}
    for chapter in order:
        path = folder / file_name_for(chapter)
        if path.name not in files:
            raise InputError(order_path, f"chapter {chapter}", f"has no question file {path.name}")
        qset = _load_set(path, facts, fw)
        if qset.chapter != chapter:
            raise InputError(path, "field chapter", f"is {qset.chapter!r}; a file named {path.name} must hold {chapter!r}")
        for q in qset.questions:
            if q.id in seen_ids:
                raise InputError(path, f"question {q.id}", f"ID already used in {seen_ids[q.id].name}")
            owner = seen_codes.setdefault(q.code, chapter)
            if owner != chapter:
                raise InputError(path, f"question {q.id}, field id", f"code {q.code} belongs to {owner}; use this file's own code")
            seen_ids[q.id] = path
        sets.append(qset)
    return QuestionBank(tuple(sets))


@lru_cache(maxsize=1)
def load_questions() -> QuestionBank:
    """The questions shipped with the package (cached: they never change at run time)."""
    return load_questions_from(DATA_DIR, load_framework())


@dataclass(frozen=True)
class Grade:
    """The result of answering one question, with the feedback a learner should see.

    The rule, which the in-browser checks follow too: an answer is right when
    the options chosen are exactly the right options (for a single-answer
    question, the one right option).
    """

    question: Question
    chosen: tuple[str, ...]

    @property
    def right(self) -> bool:
        return set(self.chosen) == set(self.question.correct_ids)

    @property
    def missed(self) -> list[Option]:
        """Right options the learner did not choose."""
        return [o for o in self.question.options if o.correct and o.id not in self.chosen]

    @property
    def feedback(self) -> list[tuple[Option, bool]]:
        """(option, chosen) for each option chosen, then each right option missed."""
        picked = [(o, True) for o in self.question.options if o.id in self.chosen]
        return picked + [(o, False) for o in self.missed]

    @property
    def verdict(self) -> str:
        if self.right:
            return "Right."
        if self.question.type == "multiple" and set(self.chosen) & set(self.question.correct_ids):
            return "Partly right."
        return "Not right."


def grade(question: Question, chosen: Iterable[str] | str) -> Grade:
    """Grade an answer given as option letters (``"b"``, ``["a", "c"]`` or ``"a c"``)."""
    letters = chosen.replace(",", " ").split() if isinstance(chosen, str) else list(chosen)
    letters = [c.strip().lower() for c in letters]
    known = [o.id for o in question.options]
    unknown = [c for c in letters if c not in known]
    if unknown:
        raise ValueError(f"{question.id} has no option {unknown[0]!r}; choose from {', '.join(known)}")
    if not letters:
        raise ValueError(f"{question.id}: choose an answer first")
    if question.type == "single" and len(set(letters)) > 1:
        raise ValueError(f"{question.id} has one right answer: choose only one option")
    return Grade(question, tuple(sorted(set(letters))))
