"""Reading a course plan CSV: every problem found, each with its row and column."""

from __future__ import annotations

import typing
from pathlib import Path

import jsonschema
import pytest

from hwc_selfcheck.core.errors import MAX_PROBLEMS_SHOWN, InputError, InputProblems
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.notebook.providers import EXAMPLE_COURSE
from hwc_selfcheck.providers.course import (
    COLUMNS,
    DELIVERY_MODES,
    DeliveryMode,
    json_schema,
    read_course,
)

HEADER = ",".join(COLUMNS) + "\n"


def course_file(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "course.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_example_course_reads(fw: Framework) -> None:
    course = read_course(EXAMPLE_COURSE, fw)
    assert course.name == "four-day-course" and course.days == [1, 2, 3, 4]
    assert course.sessions[0].row == 2 and course.sessions[0].item_ids == ()
    assert course.sessions[1].item_ids == ("MF-12", "GC-06", "GC-07")


def test_friendly_spellings_are_read(tmp_path: Path, fw: Framework) -> None:
    path = course_file(
        tmp_path,
        'Day 2,Listening,"Listen, and show it",\"pc1, CE 02;CE-02\",Face to face\n,,,,\n3,Close,Say goodbye,,online live\n',
        header="Day,Session,Learning outcome,Item IDs,Delivery mode\n",
    )
    first, second = read_course(path, fw).sessions
    assert (first.day, first.item_ids, first.delivery_mode) == (2, ("PC-01", "CE-02"), "face_to_face")
    assert second.row == 4 and second.delivery_mode == "online_live"  # the empty row 3 still counts


def test_every_row_problem_is_listed_with_row_and_column(tmp_path: Path, fw: Framework) -> None:
    path = course_file(
        tmp_path,
        "1,Contracting,Agree a contract,PC-1O,face_to_face\n"
        "x,Listening,,CE-02,zoom\n"
        "2,Questions,Ask well,CE-03,face_to_face\n",
    )
    with pytest.raises(InputProblems) as caught:
        read_course(path, fw)
    assert caught.value.problems == [
        ("row 2, column item_ids", "'PC-1O' is not an item of the framework; did you mean PC-10, PC-01 or PC-09?"),
        ("row 3, column day", "'x' is not a day number such as 1 or 'Day 1'"),
        ("row 3, column learning_outcome", "is empty"),
        ("row 3, column delivery_mode",
         "'zoom' is not a delivery mode; use one of: face_to_face, online_live, e_learning, self_directed"),
    ]
    message = str(caught.value).splitlines()
    assert message[0] == f"{path}: 4 problems; fix them and run again:" and len(message) == 5


def test_one_problem_is_one_line(tmp_path: Path, fw: Framework) -> None:
    path = course_file(tmp_path, "0,Intro,Welcome,,e-learning\n")
    with pytest.raises(InputProblems) as caught:
        read_course(path, fw)
    assert str(caught.value) == f"{path}: row 2, column day: '0' is not a course day; days count from 1"


def test_delivery_mode_near_miss_gets_a_suggestion(tmp_path: Path, fw: Framework) -> None:
    with pytest.raises(InputProblems, match="'face to fce' is not a delivery mode; did you mean face_to_face"):
        read_course(course_file(tmp_path, "1,Intro,Welcome,,face to fce\n"), fw)


@pytest.mark.parametrize("count, shown", [(MAX_PROBLEMS_SHOWN, MAX_PROBLEMS_SHOWN), (MAX_PROBLEMS_SHOWN + 1, MAX_PROBLEMS_SHOWN)])
def test_long_lists_of_problems_are_cut_short(tmp_path: Path, fw: Framework, count: int, shown: int) -> None:
    path = course_file(tmp_path, "".join(f"{n + 1},S{n},Outcome,XX-99,face_to_face\n" for n in range(count)))
    with pytest.raises(InputProblems) as caught:
        read_course(path, fw)
    lines = str(caught.value).splitlines()[1:]
    assert len(caught.value.problems) == count
    assert sum(1 for line in lines if "XX-99" in line) == shown
    assert (lines[-1] == f"  ... and {count - shown} more") is (count > shown)


def test_header_problems_stop_at_once_with_a_suggestion(tmp_path: Path, fw: Framework) -> None:
    with pytest.raises(InputError, match="row 1: the column 'item_ids' is missing"):
        read_course(course_file(tmp_path, "1,Intro,Welcome,PC-01,face_to_face\n",
                                header="day,session,learning_outcome,itemids,delivery_mode\n"), fw)
    with pytest.raises(InputError, match=r"row 1: column trainer is not a column of a course plan"):
        read_course(course_file(tmp_path, "1,Intro,Welcome,PC-01,face_to_face,Jo\n", header=HEADER.strip() + ",trainer\n"), fw)


def test_a_comma_outside_quotes_stops_reading_and_keeps_earlier_problems(tmp_path: Path, fw: Framework) -> None:
    path = course_file(tmp_path, "1,Intro,Welcome,PC-99,face_to_face\n2,Goals,Set goals,CE-04,CE-05,face_to_face\n")
    with pytest.raises(InputProblems) as caught:
        read_course(path, fw)
    assert [w for w, _ in caught.value.problems] == ["row 2, column item_ids", "row 3"]
    assert "is there a comma that should be inside quotes?" in caught.value.problems[1][1]


def test_file_level_problems(tmp_path: Path, fw: Framework) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_course(tmp_path / "none.csv", fw)
    with pytest.raises(InputError, match="the course has no sessions"):
        read_course(course_file(tmp_path, ",,,,\n"), fw)
    latin = tmp_path / "latin.csv"
    latin.write_bytes((HEADER + "1,Café,Welcome,,face_to_face\n").encode("latin-1"))
    with pytest.raises(InputError, match="CSV UTF-8"):
        read_course(latin, fw)


def test_a_byte_order_mark_is_ignored(tmp_path: Path, fw: Framework) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(("\ufeff" + HEADER + "1,Intro,Welcome,,face_to_face\n").encode("utf-8"))
    assert read_course(path, fw).sessions[0].day == 1


def test_delivery_modes_match_the_model() -> None:
    assert list(DELIVERY_MODES) == list(typing.get_args(DeliveryMode))


def test_json_schema_describes_a_row() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    good = {"day": 1, "session": "Intro", "learning_outcome": "Welcome", "item_ids": ["PC-01"], "delivery_mode": "e_learning"}
    jsonschema.validate(good, schema)
    for bad in ({**good, "day": 0}, {**good, "item_ids": ["pc1"]}, {**good, "delivery_mode": "zoom"}, {**good, "extra": 1}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
