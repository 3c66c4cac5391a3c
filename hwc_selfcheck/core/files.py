"""File reading and writing shared by every command.

A save goes to a temporary file in the same folder and is then renamed over
the target, so a crash or a full disk never leaves a half-written file and a
person's existing file is only replaced by a complete new one. Reading a
person's record file turns the usual accidents (missing, unreadable, empty,
not UTF-8) into one clear :class:`InputError` before anything parses it, and
accepts the byte-order mark that spreadsheet tools put at the start.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Union

from hwc_selfcheck.core.errors import InputError


NOT_UTF8 = ("is not UTF-8 text, so it cannot be read; save it again as UTF-8 "
            "(in a spreadsheet, choose 'CSV UTF-8'; in a text editor, choose the encoding UTF-8)")


def read_text_file(path: Union[str, Path]) -> str:
    """A person's UTF-8 text file, or an InputError saying it is missing, unreadable or empty.

    A byte-order mark at the start is accepted and dropped: spreadsheets and
    some Windows editors write one, and the file is still UTF-8 text.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, None, "file not found; check the name and the folder") from None
    except IsADirectoryError:
        raise InputError(path, None, "is a folder, not a file; give the file inside it") from None
    except UnicodeDecodeError:
        raise InputError(path, None, NOT_UTF8) from None
    except OSError as exc:
        raise InputError(path, None, f"cannot be read ({exc.strerror or exc})") from None
    if not text.strip():
        raise InputError(path, None, "the file is empty")
    return text


def atomic_write_text(path: Union[str, Path], text: str) -> Path:
    """Write ``text`` to ``path`` atomically (UTF-8) and return the path."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def keep_aside(path: Union[str, Path]) -> Path:
    """Rename a file that could not be read, so the next save cannot overwrite what a person wrote."""
    from datetime import datetime

    source = Path(path)
    aside = source.with_name(f"{source.stem}.kept-{datetime.now():%Y%m%d-%H%M%S}{source.suffix}")
    source.rename(aside)
    return aside


def _mode_for(target: Path) -> int:
    """The permissions the saved file should have.

    A replaced file keeps its own; a new one gets what ``open`` would give it
    (0o666 less the umask). The temporary file is private (0o600) while it is
    written, and a report saved for colleagues must not stay that way.
    """
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_bytes(path: Union[str, Path], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(target)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target
