"""Checks for a corpus folder: raw files, checksums and curated tables.

:func:`claimlab.load_corpus` runs these checks and lists the problems in
``corpus.problems``; ``python -m claimlab validate [DIR]`` (in
:mod:`claimlab.__main__`) prints them.  This module works on plain rows and
texts and imports nothing from the loader, so the dependency runs one way:
corpus -> validate.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

from . import schema


class Problems(list):
    """A list of ``{"file", "line", "problem"}`` dicts, in the order found."""

    def add(self, file: str | Path, line: int | None, problem: str) -> None:
        self.append({"file": str(file), "line": line, "problem": problem})


def check_checksums(folder: Path, problems: Problems) -> None:
    """Compare every file named in ``SHA256SUMS`` with its recorded digest."""
    manifest = folder / "SHA256SUMS"
    if not manifest.exists():
        return
    for lineno, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split(maxsplit=1)
        if len(parts) != 2:
            problems.add("SHA256SUMS", lineno, "expected '<sha256>  <file name>'")
            continue
        digest, name = parts[0], parts[1].lstrip("*").strip()
        path = folder / name
        if not path.exists():
            problems.add("SHA256SUMS", lineno, f"{name} is listed but missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest.lower():
            problems.add(name, None, "raw bytes changed since SHA256SUMS was written "
                                     "(seed articles are never edited)")


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
    """Check span offsets, verbatim text, allowed values and numbers of one table.

    ``rows`` carry their CSV line number in ``_line``.  Returns the indexes of
    rows that cannot be used (their spans do not match the text); every such
    row is also reported in ``problems``.
    """
    bad: set[int] = set()
    allowed = [(col, values) for (t, col), values in schema.ALLOWED.items() if t == table]
    for i, row in enumerate(rows):
        line = row.get("_line")
        _check_allowed(table, row, line, allowed, problems)
        if table in schema.SPANS:
            aid = row.get("article_id", "")
            text = texts.get(aid)
            if text is None:  # nothing more about this row can be checked
                problems.add(table, line, f"article_id {aid!r} is not a loaded article")
                bad.add(i)
                continue
            if not _spans_match(table, row, line, aid, text, problems):
                bad.add(i)
        if table == "figures.csv":
            _check_figure_range(row, line, problems)
    return bad


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
    """``low`` and ``high`` are numbers (or empty), and low <= high."""
    nums = {}
    for col in ("low", "high"):
        v = row.get(col, "")
        if v == "":
            continue
        try:
            nums[col] = float(v)
            if math.isnan(nums[col]):
                raise ValueError
        except ValueError:
            problems.add("figures.csv", line, f"{col} {v!r} is not a number (leave it empty when vague)")
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
