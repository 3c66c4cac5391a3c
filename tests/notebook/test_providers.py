"""The provider notebooks use a person's own files when present, and say when they show the example."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import EXAMPLE_ONLY_ENV
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.notebook.providers import EXAMPLE_COURSE, EXAMPLE_TEAM, cohort_or_example, course_or_example


def test_course_is_yours_or_the_example(fw: Framework, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(EXAMPLE_ONLY_ENV, raising=False)
    course, which = course_or_example(tmp_path / "none.csv", fw)
    assert course.name == "four-day-course" and "example" in which
    mine = tmp_path / "mine.csv"
    mine.write_text("day,session,learning_outcome,item_ids,delivery_mode\n1,Intro,Welcome,PC-01,face_to_face\n")
    course, which = course_or_example(mine, fw)
    assert len(course.sessions) == 1 and which == f"Using your course from {mine}."
    monkeypatch.setenv(EXAMPLE_ONLY_ENV, "1")
    assert course_or_example(mine, fw)[0].name == EXAMPLE_COURSE.stem


def test_team_is_yours_or_the_example(fw: Framework, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(EXAMPLE_ONLY_ENV, raising=False)
    team, earlier, which = cohort_or_example(tmp_path / "none", tmp_path / "none-earlier", fw)
    assert earlier is not None and "fictional" in which
    mine = tmp_path / "team"
    shutil.copytree(EXAMPLE_TEAM, mine)
    team, earlier, which = cohort_or_example(mine, tmp_path / "none-earlier", fw)
    assert earlier is None and team.people == len(list(mine.glob("*.json"))) - 1 and str(mine) in which
