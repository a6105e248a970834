"""Reading and writing files safely.

Writing so that nothing is lost half-way: a temporary file beside the target,
then a rename.  Used by every module that saves a person's work (the
annotator's tables, the claim ledger, the drafted tables).  A write that fails
leaves the old file as it was, and a replaced file keeps its permissions.

Reading a folder someone else made (a shared corpus) so that nothing outside
it is read: :func:`inside` resolves a name (links included) and refuses one
that leaves the folder, and :func:`read_regular` reads only a regular file, and
never more than a size limit, so a link to ``/etc/passwd``, a FIFO or a device
in a corpus folder is a :class:`Refused` with a reason, never read.
"""

from __future__ import annotations

import contextlib
import csv
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["new_file_mode", "mode_for", "atomic_write", "Refused", "inside", "read_regular", "kind_of",
           "spreadsheet_safe", "from_spreadsheet", "csv_field_limit", "swallowed_row", "folder_problem"]

# A spreadsheet takes a cell that begins with one of these for a formula (or, for tab and
# carriage return, strips them and looks at what follows).  OWASP's "CSV Injection" page
# (https://owasp.org/www-community/attacks/CSV_Injection) and ASVS requirement 1.2.10 list
# them and advise a leading single quote, which spreadsheets read as "this cell is text".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` as a CSV export writes it: a leading apostrophe when a spreadsheet would evaluate it.

    A cell that already begins with apostrophes followed by such a character gets
    one more, so :func:`from_spreadsheet` gives back exactly the text written.
    """
    if cell.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def from_spreadsheet(cell: str) -> str:
    """The text :func:`spreadsheet_safe` was given: one leading apostrophe dropped where it added one."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


class Refused(Exception):
    """A file that is not read, and why (the message is for people)."""


def kind_of(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words ("a folder", "a FIFO (named pipe)", ...)."""
    for test, words in ((stat.S_ISREG, "a file"), (stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a link"),
                        (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                        (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return words
    return "a special file"


def inside(folder: Path, name: str | os.PathLike) -> Path:
    """The real path of ``name`` in ``folder``, links followed; :class:`Refused` when it leaves the folder.

    ``name`` is relative to ``folder`` (as the ``file`` column of a table or an
    entry of ``SHA256SUMS``); an absolute path, a ``..`` that climbs out, or a
    link to anywhere outside the folder is refused.  The file need not exist.
    """
    text = os.fspath(name)
    if not text.strip():
        raise Refused("the name is empty")
    if "\x00" in text:
        raise Refused(f"{text!r} holds a NUL character, which no file name can")
    if os.path.isabs(text) or Path(text).drive:
        raise Refused(f"{text!r} is an absolute path: name a file inside the folder instead")
    root = Path(folder).resolve()
    try:
        real = (root / text).resolve()
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise Refused(f"{text!r} cannot be resolved ({getattr(exc, 'strerror', None) or exc})") from None
    if real != root and root not in real.parents:
        raise Refused(f"{text!r} leads outside the folder (to {real}); only files inside the folder are read")
    return real


def folder_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot be opened as a folder ("not found: ...", "not a folder: ..."), or None."""
    try:
        folder.stat()
    except FileNotFoundError:
        return f"not found: {folder}"
    except (OSError, ValueError) as exc:  # a name too long, a NUL in it, no permission
        return f"cannot be opened: {str(folder)!r} ({getattr(exc, 'strerror', None) or exc})"
    if not folder.is_dir():
        return f"not a folder: {folder} (give the folder that holds the articles)"
    return None


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    :class:`Refused` (never a read) for a folder, FIFO, socket or device, and for a
    file larger than ``limit``; ``OSError`` when the file cannot be opened.
    """
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise Refused(f"{kind_of(st.st_mode)}, not a regular file: not read")
    if st.st_size > limit:
        raise Refused(_too_large(st.st_size, limit))
    # O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it does not hang.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                 | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Refused(f"{kind_of(st.st_mode)}, not a regular file: not read")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # it grew since it was measured
            raise Refused(_too_large(total, limit))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size / 2**20:.1f} MB; the limit is {limit / 2**20:.0f} MB): not read"


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


@contextlib.contextmanager
def csv_field_limit(size: int):
    """Let :mod:`csv` read a cell of up to ``size`` characters (its default stops at 128 KiB).

    For a text already in memory, its length covers every cell of it.
    """
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, min(size + 1, 2**31 - 1)))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def swallowed_row(cell: str, width: int, delimiter: str = ",") -> str | None:
    """A line inside ``cell`` that reads as a whole row of a ``width``-column table, or None.

    A quote opened in one row and closed rows later turns those rows into one
    cell that still parses; the rows it swallowed show as lines with the table's
    number of cells.  Only tables of 3 or more columns are judged (in narrower
    ones, any sentence with a comma would look like a row).
    """
    if width < 3 or "\n" not in cell:
        return None
    for line in cell.splitlines()[1:]:
        if line.count(delimiter) >= width - 1:
            cells = next(csv.reader([line], delimiter=delimiter), [])
            if len(cells) == width:
                return line
    return None
