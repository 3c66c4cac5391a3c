"""Saves are atomic: a failed write leaves the old file as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from hwc_selfcheck.core import files
from hwc_selfcheck.core.files import atomic_write_text


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
    import os

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


def test_reading_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    from hwc_selfcheck.core.files import read_text_file

    path = tmp_path / "record.json"
    path.write_bytes(b"\xef\xbb\xbf" + '{"a": "caf\u00e9"}'.encode())
    assert read_text_file(path) == '{"a": "caf\u00e9"}'


@pytest.mark.parametrize("make, words", [
    (lambda p: p.write_bytes("caf\xe9".encode("latin-1")), "is not UTF-8 text, so it cannot be read; save it again as UTF-8"),
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
