"""File reading and writing shared by every command.

A save goes to a temporary file in the same folder and is then renamed over
the target, so a crash or a full disk never leaves a half-written file and a
person's existing file is only replaced by a complete new one. Reading a
person's record file turns the usual accidents (missing, unreadable, empty,
too big, not UTF-8) into one clear :class:`InputError` before anything parses
it, and accepts the byte-order mark that spreadsheet tools put at the start.
Before a command saves anything, :func:`overwritten_input` says whether one
of its outputs is one of its inputs, so nothing a person wrote is replaced by
a report.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable, Optional, Union

from hwc_selfcheck.core.errors import InputError


# The largest record file a person can give (a self-assessment, a supervisor record, checklist ticks). A full
# self-assessment with the longest notes allowed is well under 2 MB; anything bigger is the wrong file, and
# reading it whole would only waste memory. The site's importer refuses the same files (see
# tests/corpus/assessment/manifest.json, which states this figure for it).
MAX_RECORD_BYTES = 5 * 1024 * 1024
SAVE_AS_UTF8 = "save it again as UTF-8 (from a spreadsheet, choose 'CSV UTF-8'; in a text editor, the encoding UTF-8)"


def read_text_file(path: Union[str, Path], limit: int = MAX_RECORD_BYTES) -> str:
    """A person's UTF-8 text file, or an InputError saying it is missing, unreadable, too big, not UTF-8 or empty.

    A byte-order mark at the start (which spreadsheets and Windows editors
    add) is allowed and dropped. No more than ``limit`` bytes are ever read,
    so even a device or a pipe given by mistake cannot fill the memory.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            # A regular file says its size, so a small one is read whole (read(limit + 1) would set aside
            # 5 MB for every file); anything else (a pipe, a device) is read only up to the limit.
            small_file = stat.S_ISREG(info.st_mode) and info.st_size <= limit
            data = handle.read() if small_file else handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(path, None, "file not found; check the name and the folder") from None
    except IsADirectoryError:
        raise InputError(path, None, "is a folder, not a file; give the file inside it") from None
    except OSError as exc:
        raise InputError(path, None, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise InputError(path, None, f"is larger than {limit // (1024 * 1024)} MB, the most a record file can be; "
                                     "is it the right file?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, None, f"is not UTF-8 text (byte {exc.object[exc.start]:#04x} at position {exc.start} "
                                     f"is not UTF-8); {SAVE_AS_UTF8}") from None
    if not text.strip():
        raise InputError(path, None, "the file is empty")
    return text


def same_file(first: Union[str, Path], second: Union[str, Path]) -> bool:
    """Whether two paths name one file: the same real path (links and ``..`` resolved), or the same file on disk.

    The second test also catches a hard link, or a name typed in another case
    on a file system that ignores case, which the real path alone would miss.
    """
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist, so it cannot be the other
        return False


def overwritten_input(outputs: Iterable[Path], inputs: Iterable[Path]) -> Optional[tuple[Path, Path]]:
    """The first output that is also an input, with that input; None when every output is safe to write."""
    inputs = list(inputs)
    for out in outputs:
        for source in inputs:
            if same_file(out, source):
                return out, source
    return None


def is_inside(path: Union[str, Path], folder: Union[str, Path]) -> bool:
    """Whether ``path`` is in ``folder`` or any folder below it, by real path."""
    real, top = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, top]) == top


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
