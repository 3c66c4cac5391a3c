"""JSON records: a missing, empty, broken or foreign file is one clear error."""

import datetime
from pathlib import Path

import pytest
from pydantic import BaseModel

from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.json_records import read_json_model, read_json_record


@pytest.mark.parametrize("text, where, words", [
    (None, None, "file not found"),
    ("  ", None, "the file is empty"),
    ('{"format": "x/y", "a": ', "line 1 column 24", "not valid JSON: the file ends too soon; is it cut short?"),
    ('{"format": "x/y" "a": 1}', "line 1 column 18", "not valid JSON: a comma is missing between two entries"),
    ('{"format": "x/y", "a": yes}', "line 1 column 24", "not valid JSON: a value is missing or is not JSON"),
    ('{"format": "x/y",}', "line 1 column 18", "not valid JSON: a field name must be in double quotes"),
    ('{"format": "x/y"} {}', "line 1 column 19", "not valid JSON: there is more after the end of the record"),
    ('{"format": "hwc-selfcheck/assessment"}', "field format", "is 'hwc-selfcheck/assessment'; this is not a hwc-selfcheck thing"),
    ("[1, 2]", "field format", "is None"),
])
def test_problems_before_any_field(tmp_path: Path, text, where, words: str) -> None:
    path = tmp_path / "record.json"
    if text is not None:
        path.write_text(text)
    with pytest.raises(InputError) as caught:
        read_json_record(path, "x/y", "thing")
    assert caught.value.where == where and words in caught.value.problem


def test_a_good_record(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_text('{"format": "x/y", "a": 1}')
    assert read_json_record(path, "x/y", "thing") == {"format": "x/y", "a": 1}


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"format": "x/y", "a": 1}')
    assert read_json_record(path, "x/y", "thing") == {"format": "x/y", "a": 1}


def test_text_that_is_not_utf8_says_how_to_save_it(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_bytes('{"format": "x/y", "note": "caf\xe9"}'.encode("cp1252"))
    with pytest.raises(InputError) as caught:
        read_json_record(path, "x/y", "thing")
    assert caught.value.problem.startswith("is not UTF-8 text") and "codec" not in str(caught.value)


class Thing(BaseModel):
    format: str
    date: datetime.date


def test_an_impossible_date_names_the_field_in_plain_english(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_text('{"format": "x/y", "date": "2026-02-30"}')
    with pytest.raises(InputError) as caught:
        read_json_model(path, "x/y", "thing", Thing)
    assert str(caught.value) == f"{path}: field date: 30 February 2026 does not exist"
