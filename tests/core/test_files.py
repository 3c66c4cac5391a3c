"""Saves are atomic: a failed write leaves the old file as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hwc_selfcheck.core import files
from hwc_selfcheck.core.files import atomic_write_text, is_inside, overwritten_input, same_file


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_failure_keeps_old_file_and_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("precious")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_new_files_get_normal_permissions_and_replaced_files_keep_theirs(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fresh = atomic_write_text(tmp_path / "report.html", "x")
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "private.json"
        kept.write_text("old")
        kept.chmod(0o600)
        atomic_write_text(kept, "new")
        assert kept.stat().st_mode & 0o777 == 0o600 and kept.read_text() == "new"
    finally:
        os.umask(old)


def test_same_file_sees_through_links_dots_and_hard_links(tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text("x")
    (tmp_path / "link.html").symlink_to(plan)
    os_link = tmp_path / "hard.html"
    os.link(plan, os_link)
    assert same_file(tmp_path / "sub" / ".." / "plan.csv", plan)
    assert same_file(tmp_path / "link.html", plan) and same_file(os_link, plan)
    assert not same_file(tmp_path / "plan.html", plan)  # not there yet, so it cannot be the plan
    assert overwritten_input([tmp_path / "a.html", os_link], [tmp_path / "b.csv", plan]) == (os_link, plan)
    assert overwritten_input([tmp_path / "a.html"], [plan]) is None
    assert is_inside(tmp_path / "link.html", tmp_path) and not is_inside(tmp_path, tmp_path / "sub")


def test_a_record_file_over_the_limit_or_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    from hwc_selfcheck.core.errors import InputError
    from hwc_selfcheck.core.files import MAX_RECORD_BYTES, read_text_file

    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_RECORD_BYTES + 1))
    for path in (big, Path("/dev/zero")):  # a device has no size to check: it is read only up to the limit
        with pytest.raises(InputError, match="is larger than 5 MB"):
            read_text_file(path)
    latin = tmp_path / "latin.json"
    latin.write_bytes("Zoë".encode("latin-1"))
    with pytest.raises(InputError, match=r"is not UTF-8 text \(byte 0xeb at position 2 is not UTF-8\)"):
        read_text_file(latin)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf{}")
    assert read_text_file(bom) == "{}"
def test_reading_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    from hwc_selfcheck.core.files import read_text_file

    path = tmp_path / "record.json"
    path.write_bytes(b"\xef\xbb\xbf" + '{"a": "caf\u00e9"}'.encode())
    assert read_text_file(path) == '{"a": "caf\u00e9"}'


@pytest.mark.parametrize("make, words", [
    (lambda p: p.write_bytes("caf\xe9".encode("latin-1")), "is not UTF-8 text (byte 0xe9 at position 3 is not UTF-8); save it again as UTF-8 (from a spreadsheet, choose 'CSV UTF-8'"),
    (lambda p: p.mkdir(), "is a folder, not a file"),
    (lambda p: p.write_text(" \n"), "the file is empty"),
    (lambda p: None, "file not found; check the name and the folder"),
])
def test_reading_problems_are_plain(tmp_path: Path, make, words: str) -> None:
    from hwc_selfcheck.core.errors import InputError
    from hwc_selfcheck.core.files import read_text_file

    path = tmp_path / "record.json"
    make(path)
    with pytest.raises(InputError) as caught:
        read_text_file(path)
    assert caught.value.where is None and caught.value.problem.startswith(words)
    assert "codec" not in caught.value.problem and "Errno" not in caught.value.problem
