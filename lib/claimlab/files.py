"""Writing files so that nothing is lost half-way: a temporary file beside the target, then a rename.

Used by every module that saves a person's work (the annotator's tables, the
claim ledger, the drafted tables).  A write that fails leaves the old file as
it was, and a replaced file keeps its permissions.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["new_file_mode", "mode_for", "atomic_write"]


def new_file_mode() -> int:
    """The mode a new file gets here, as ``open()`` would give it: 0666 less the process's umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def mode_for(path: Path, like: Path | None = None) -> int:
    """The permissions ``path`` has (or ``like``, for a new file such as a backup); else :func:`new_file_mode`."""
    for candidate in (path, like):
        if candidate is not None:
            try:
                return candidate.stat().st_mode & 0o7777
            except OSError:
                pass
    return new_file_mode()


def atomic_write(path: Path, data: bytes, *, like: Path | None = None) -> None:
    """Replace ``path`` with ``data`` in one step (temporary file, fsync, ``os.replace``), keeping its mode.

    ``like`` gives the permissions for a file that does not exist yet (a backup
    takes its table's).  On any failure the temporary file is removed and
    ``path`` is untouched; the error is raised for the caller to explain.
    """
    path = Path(path)
    mode = mode_for(path, like)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
