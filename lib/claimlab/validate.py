"""Checks for a corpus folder: raw files, checksums and curated tables.

Every cell is checked against its type: spans against the text, categorical
columns against their allowed values, dates as real dates written YYYY-MM-DD,
numbers as finite numbers; ids are unique and references resolve.  Every
``SHA256SUMS`` line is checked, and names that leave the folder are refused.

:func:`claimlab.load_corpus` runs these checks and lists the problems in
``corpus.problems``; ``python -m claimlab validate [DIR]`` (in
:mod:`claimlab.__main__`) prints them.  This module works on plain rows and
texts and imports nothing from the loader, so the dependency runs one way:
corpus -> validate.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from datetime import date
from pathlib import Path

from . import schema
from .files import Refused, inside, read_regular


class Problems(list):
    """A list of ``{"file", "line", "problem"}`` dicts, in the order found."""

    def add(self, file: str | Path, line: int | None, problem: str) -> None:
        # A line break in a file name must not start a line of its own where the problems are printed.
        self.append({"file": _printable(str(file)), "line": line, "problem": _printable(problem)})


def _printable(text: str) -> str:
    """``text`` with each character that does not print (line breaks, tabs, controls) escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


# SHA256SUMS lists a few hundred files at most; a bigger one is not a manifest.
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
# Files a manifest entry may name are hashed up to this size (the loader reads nothing bigger).
MAX_HASHED_BYTES = 256 * 1024 * 1024


def check_checksums(folder: Path, problems: Problems) -> None:
    """Compare every file named in ``SHA256SUMS`` with its recorded digest.

    Every line is either a match or a problem; an entry that names a file
    outside the folder (``../x``, an absolute path, a link) or a special file is
    refused, never read.
    """
    manifest = folder / "SHA256SUMS"
    if not os.path.lexists(manifest):
        return
    try:
        text = read_regular(inside(folder, "SHA256SUMS"), MAX_MANIFEST_BYTES).decode("utf-8-sig")
    except Refused as exc:
        problems.add("SHA256SUMS", None, f"{exc}; no checksum was checked")
        return
    except OSError as exc:
        problems.add("SHA256SUMS", None, f"cannot be read ({exc.strerror or exc}); no checksum was checked")
        return
    except UnicodeDecodeError:
        problems.add("SHA256SUMS", None, "not UTF-8 text; no checksum was checked (write it with sha256sum)")
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split(maxsplit=1)
        if len(parts) != 2 or not re.fullmatch(r"[0-9a-fA-F]{64}", parts[0]):
            problems.add("SHA256SUMS", lineno, "expected '<sha256>  <file name>' (64 hex digits, two spaces, "
                                               "the name), as sha256sum writes it")
            continue
        digest, name = parts[0], parts[1].rstrip("\r").lstrip("*").strip()
        why = _checksum_problem(folder, name, digest)
        if why == _CHANGED:  # said of the file itself, which is what changed
            problems.add(name, None, why)
        elif why:
            problems.add("SHA256SUMS", lineno, why)


def _checksum_problem(folder: Path, name: str, digest: str) -> str | None:
    """Why the file ``name`` does not match ``digest``, or None."""
    try:
        path = inside(folder, name)
        if not os.path.lexists(path):
            return f"{name} is listed but missing"
        data = read_regular(path, MAX_HASHED_BYTES)
    except Refused as exc:
        return f"{name}: {exc}"
    except OSError as exc:
        return f"{name} cannot be read ({exc.strerror or exc})"
    if hashlib.sha256(data).hexdigest() != digest.lower():
        return _CHANGED
    return None


_CHANGED = "raw bytes changed since SHA256SUMS was written (seed articles are never edited)"


def _int(value: str | None) -> int | str | None:
    """A whole number from a table cell, None when empty, ``"bad"`` when not whole."""
    if value is None or value == "":
        return None
    try:
        f = float(value)
    except ValueError:
        return "bad"
    return int(f) if f.is_integer() else "bad"


def check_rows(table: str, rows: list[dict], texts: dict[str, str], problems: Problems) -> set[int]:
    """Check span offsets, verbatim text, allowed values, dates and numbers of one table.

    ``rows`` carry their CSV line number in ``_line``.  Returns the indexes of
    rows that cannot be used (their spans do not match the text, or their
    article is not loaded); every such row is also reported in ``problems``,
    the rows of articles that are not loaded as one problem for the table.
    """
    bad: set[int] = set()
    allowed = [(col, values) for (t, col), values in schema.ALLOWED.items() if t == table]
    unloaded: dict[str, list] = {}
    for i, row in enumerate(rows):
        line = row.get("_line")
        _check_allowed(table, row, line, allowed, problems)
        _check_types(table, row, line, problems)
        if table in schema.SPANS:
            aid = row.get("article_id", "")
            text = texts.get(aid)
            if text is None:  # nothing more about this row can be checked
                unloaded.setdefault(aid, []).append(line)
                bad.add(i)
                continue
            if not _spans_match(table, row, line, aid, text, problems):
                bad.add(i)
        if table == "figures.csv":
            _check_figure_range(row, line, problems)
    if unloaded:
        problems.add(table, None, unloaded_rows(unloaded))
    return bad


def unloaded_rows(unloaded: dict[str, list]) -> str:
    """One sentence for the rows of articles that are not loaded: ``{article_id: [line, ...]}``."""
    n = sum(len(lines) for lines in unloaded.values())
    parts = [f"{aid!r} (line{'s' if len(lines) > 1 else ''} {_lines(lines)})"
             for aid, lines in list(unloaded.items())[:5]]
    more = f" and {len(unloaded) - 5} more" if len(unloaded) > 5 else ""
    return (f"{n} row(s) name an article_id that is not a loaded article, so they are not used: "
            f"{', '.join(parts)}{more}")


def _lines(lines: list) -> str:
    known = [x for x in lines if x is not None]
    if not known:
        return "?"
    return str(known[0]) if len(known) == 1 else f"{known[0]}-{known[-1]}"


def date_problem(value: str) -> str | None:
    """Why ``value`` is not a date written YYYY-MM-DD (a real day of a real month), or None."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{value!r} is not a date written YYYY-MM-DD, such as 2019-09-02"
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"{value!r} is not a real date (check the month and the day: YYYY-MM-DD)"
    return None


def number_problem(value: str) -> str | None:
    """Why ``value`` is not a finite number such as 26 or 12.5, or None."""
    try:
        f = float(value)
    except ValueError:
        return f"{value!r} is not a number such as 26 or 12.5 (no commas or words; leave it empty when vague)"
    if not math.isfinite(f):
        return f"{value!r} is not a finite number"
    return None


def _check_types(table: str, row: dict, line: int | None, problems: Problems) -> None:
    """Dates are real dates and numbers real numbers (empty cells are allowed)."""
    for col, check in ((c, date_problem) for c in schema.DATE_COLUMNS):
        value = (row.get(col) or "").strip()
        if value and (why := check(value)):
            problems.add(table, line, f"{col} {why}")
    if table in ("figures.csv",):
        for col in sorted(schema.FLOAT_COLUMNS):
            value = (row.get(col) or "").strip()
            if value and (why := number_problem(value)):
                problems.add(table, line, f"{col} {why}")


def _check_allowed(table: str, row: dict, line: int | None,
                   allowed: list[tuple[str, set[str]]], problems: Problems) -> None:
    for col, values in allowed:
        value = row.get(col, "")
        if value not in values and not (value == "" and "" in values):
            problems.add(table, line, f"{col} {value!r} is not one of {sorted(a for a in values if a)}")


def _spans_match(table: str, row: dict, line: int | None, aid: str, text: str,
                 problems: Problems) -> bool:
    """Report every span of ``row`` that is not its verbatim text; True when all match."""
    ok = True
    for tcol, scol, ecol in schema.SPANS[table]:
        why = _span_problem(row, tcol, scol, ecol, aid, text)
        if why:
            problems.add(table, line, why)
            ok = False
    return ok


def _span_problem(row: dict, tcol: str, scol: str, ecol: str, aid: str, text: str) -> str | None:
    """Why one span (text column, start and end columns) of ``row`` is wrong, or None."""
    verbatim = row.get(tcol, "")
    s, e = _int(row.get(scol)), _int(row.get(ecol))
    if verbatim == "" and s is None and e is None:  # an optional span left out
        return f"{tcol} is empty" if tcol in ("content", "cue", "text", "term") else None
    if s in (None, "bad") or e in (None, "bad"):
        return f"{scol}/{ecol} must be whole numbers (got {row.get(scol)!r}, {row.get(ecol)!r})"
    if not 0 <= s <= e <= len(text):
        return f"{tcol} span {s}-{e} is outside {aid} (length {len(text)})"
    if text[s:e] != verbatim:
        return (f"{tcol} does not match the text at {s}-{e}: "
                f"table has {verbatim[:60]!r}, text has {text[s:e][:60]!r}")
    return None


def _check_figure_range(row: dict, line: int | None, problems: Problems) -> None:
    """low <= high, when both are numbers (:func:`_check_types` reports those that are not)."""
    nums = {}
    for col in ("low", "high"):
        v = (row.get(col) or "").strip()
        if v and number_problem(v) is None:
            nums[col] = float(v)
    if "low" in nums and "high" in nums and nums["low"] > nums["high"]:
        problems.add("figures.csv", line, f"low {nums['low']} is greater than high {nums['high']}")


def check_ids_and_references(tables: dict[str, list[dict]], problems: Problems) -> None:
    """Unique ids and foreign keys between the curated tables."""
    ids: dict[str, set[str]] = {}
    for table, col in schema.IDS.items():
        seen: dict[str, int] = {}
        for row in tables.get(table, []):
            v = row.get(col, "")
            if v == "":
                problems.add(table, row.get("_line"), f"{col} is empty")
            elif v in seen:
                problems.add(table, row.get("_line"), f"duplicate {col} {v!r} (first on line {seen[v]})")
            else:
                seen[v] = row.get("_line")
        ids[table] = set(seen)
    for (table, col), (target, _) in schema.REFERENCES.items():
        if table not in tables or target not in tables:
            continue
        for row in tables[table]:
            v = row.get(col, "")
            if v and v not in ids.get(target, set()):
                problems.add(table, row.get("_line"), f"{col} {v!r} is not in {target}")
