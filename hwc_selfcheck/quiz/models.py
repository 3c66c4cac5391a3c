"""Typed models of the knowledge-check questions in ``data/questions/``.

Strict like the framework models (unknown keys are refused), so a typo in a
question file is reported instead of silently dropping a field. The rules a
question must follow to be fair to a learner live here: every option explains
itself, a single-answer question has exactly one right answer, and so on.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from hwc_selfcheck.framework.models import ID_PATTERN, Strict

QuestionType = Literal["single", "multiple"]
QUESTION_TYPES: tuple[str, ...] = QuestionType.__args__  # type: ignore[attr-defined]

# KC (knowledge check), a three-letter chapter code, a two-digit number.
QUESTION_ID = re.compile(r"^KC-([A-Z]{3})-(\d{2})$")
OPTION_LETTERS = "abcdefgh"
# A Sphinx document name, e.g. book/role/boundaries.
DOCNAME = r"^[a-z0-9_-]+(/[a-z0-9_-]+)*$"
# A document name, '#' and the HTML id of a heading on that page.
TEACHES = re.compile(r"^([a-z0-9_-]+(?:/[a-z0-9_-]+)*)#([a-z0-9][a-z0-9-]*)$")

NonEmpty = Field(min_length=1)

# What a person is told under each kind of question, wherever it is shown.
HINTS = {"single": "Choose one answer.", "multiple": "Choose every answer that is right. There may be more than one."}


class Option(Strict):
    """One answer a learner can choose, and why it is right or wrong."""

    id: str = Field(pattern=r"^[a-h]$")
    text: str = NonEmpty
    correct: bool
    feedback: str = NonEmpty


class Question(Strict):
    """One knowledge check: a prompt, its options, and where the answer is taught."""

    id: str
    chapter: str = Field(pattern=DOCNAME)
    type: QuestionType
    prompt: str = NonEmpty
    options: list[Option] = Field(min_length=2, max_length=len(OPTION_LETTERS))
    item_ids: list[str] = Field(default_factory=list)
    teaches: str
    source_section: str = NonEmpty

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not QUESTION_ID.match(value):
            raise ValueError("must look like KC, a hyphen, three capital letters, a hyphen and two digits, e.g. KC-BND-01")
        return value

    @field_validator("item_ids")
    @classmethod
    def _item_id_shape(cls, value: list[str]) -> list[str]:
        for item_id in value:
            if not ID_PATTERN.match(item_id):
                raise ValueError(f"{item_id!r} is not an item ID like PC-01")
        if len(set(value)) != len(value):
            raise ValueError("lists an item more than once")
        return value

    @field_validator("teaches")
    @classmethod
    def _teaches_shape(cls, value: str) -> str:
        if not TEACHES.match(value):
            raise ValueError("must be a page and a heading id, e.g. book/role/boundaries#safeguarding")
        return value

    @field_validator("options")
    @classmethod
    def _fair_options(cls, value: list[Option], info: ValidationInfo) -> list[Option]:
        letters = [o.id for o in value]
        expected = list(OPTION_LETTERS[: len(letters)])
        if letters != expected:
            raise ValueError(f"must be lettered {', '.join(expected)} in order, found {', '.join(letters)}")
        right = sum(o.correct for o in value)
        qtype = info.data.get("type")
        if qtype == "single" and right != 1:
            raise ValueError(f"a single-answer question needs exactly one right option, found {right}")
        if qtype == "multiple" and right < 1:
            raise ValueError("a multiple-answer question needs at least one right option")
        texts = [o.text.casefold() for o in value]
        if len(set(texts)) != len(texts):
            raise ValueError("two options have the same text")
        return value

    @property
    def code(self) -> str:
        """The chapter code in the ID (``BND`` in ``KC-BND-01``)."""
        return QUESTION_ID.match(self.id)[1]  # type: ignore[index]

    @property
    def anchor(self) -> str:
        """The HTML id of the question's form in the book."""
        return self.id.lower()

    @property
    def correct_ids(self) -> list[str]:
        return [o.id for o in self.options if o.correct]

    @property
    def teaches_doc(self) -> str:
        return self.teaches.split("#", 1)[0]

    @property
    def teaches_anchor(self) -> str:
        return self.teaches.split("#", 1)[1]

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)


class QuestionSet(Strict):
    """The questions of one chapter page: one YAML file."""

    chapter: str = Field(pattern=DOCNAME)
    title: str = NonEmpty
    questions: list[Question] = Field(min_length=1)
