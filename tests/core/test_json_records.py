"""JSON records: a missing, empty, broken or foreign file is one clear error."""

from pathlib import Path

import pytest

from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.json_records import read_json_record


@pytest.mark.parametrize("text, where, words", [
    (None, None, "file not found"),
    ("  ", None, "the file is empty"),
    ('{"format": "x/y", "a": ', "line 1 column 24", "not valid JSON"),
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
