"""Checks for a corpus folder: raw files, checksums and curated tables.

``python -m claimlab validate [DIR]`` prints every problem as
``FILE:LINE: problem`` and exits 1 if there is any (0 when all is well,
2 when DIR cannot be read at all).  The same checks run inside
:func:`claimlab.load_corpus`, which lists the problems in ``corpus.problems``.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from pathlib import Path

from . import schema


class Problems(list):
    """A list of ``{"file", "line", "problem"}`` dicts, in the order found."""

    def add(self, file, line, problem: str) -> None:
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


def _int(value):
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
    for i, row in enumerate(rows):
        line = row.get("_line")
        for (col, allowed) in ((c, v) for (t, c), v in schema.ALLOWED.items() if t == table):
            value = row.get(col, "")
            if value not in allowed and not (value == "" and "" in allowed):
                problems.add(table, line, f"{col} {value!r} is not one of {sorted(a for a in allowed if a)}")
        if table in schema.SPANS:
            aid = row.get("article_id", "")
            text = texts.get(aid)
            if text is None:
                problems.add(table, line, f"article_id {aid!r} is not a loaded article")
                bad.add(i)
                continue
            for tcol, scol, ecol in schema.SPANS[table]:
                verbatim = row.get(tcol, "")
                s, e = _int(row.get(scol)), _int(row.get(ecol))
                if verbatim == "" and s is None and e is None:
                    if tcol in ("content", "cue", "text", "term"):
                        problems.add(table, line, f"{tcol} is empty")
                        bad.add(i)
                    continue
                if s in (None, "bad") or e in (None, "bad"):
                    problems.add(table, line, f"{scol}/{ecol} must be whole numbers (got "
                                              f"{row.get(scol)!r}, {row.get(ecol)!r})")
                    bad.add(i)
                    continue
                if not 0 <= s <= e <= len(text):
                    problems.add(table, line, f"{tcol} span {s}-{e} is outside {aid} "
                                              f"(length {len(text)})")
                    bad.add(i)
                    continue
                if text[s:e] != verbatim:
                    problems.add(table, line, f"{tcol} does not match the text at {s}-{e}: "
                                              f"table has {verbatim[:60]!r}, text has {text[s:e][:60]!r}")
                    bad.add(i)
        if table == "figures.csv":
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
                    problems.add(table, line, f"{col} {v!r} is not a number (leave it empty when vague)")
            if "low" in nums and "high" in nums and nums["low"] > nums["high"]:
                problems.add(table, line, f"low {nums['low']} is greater than high {nums['high']}")
    return bad


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m claimlab validate",
        description="Check a corpus folder (texts, SHA256SUMS and curated CSV tables). "
                    "Prints every problem as FILE:LINE: message and exits 1 if any.")
    ap.add_argument("dir", nargs="?", default=None,
                    help="corpus folder (default: the bundled seeds)")
    args = ap.parse_args(argv)
    from .corpus import CorpusError, load_corpus
    try:
        corpus = load_corpus(args.dir, extract=False)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    problems = corpus.problems
    import pandas as pd
    for p in problems.itertuples(index=False):
        where = p.file if pd.isna(p.line) else f"{p.file}:{int(p.line)}"
        print(f"{where}: {p.problem}")
    n = len(corpus.articles)
    summary = (f"{corpus.path}: {n} article(s), {len(corpus.attributions)} attribution(s), "
               f"{len(corpus.figures)} figure(s), {len(corpus.terms)} term(s); "
               f"{len(problems)} problem(s)")
    print(summary, file=sys.stderr if len(problems) else sys.stdout)
    return 1 if len(problems) else 0
