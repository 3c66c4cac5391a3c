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
