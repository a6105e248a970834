"""Draft annotation tables for the articles of a folder that no table covers yet.

``draft(DIR)`` (or ``python -m claimlab draft DIR``) writes, beside the articles,
the same CSV tables a person writes by hand (``articles.csv``,
``attributions.csv``, ``figures.csv``, ``terms.csv`` and, where the drafted
rows name someone the tables do not know, ``actors.csv``/``outlets.csv``),
filled in by :mod:`claimlab.metadata`, :mod:`claimlab.extract` and
:mod:`claimlab.framing`.  Every drafted row ends with ``status`` = ``draft``:
a person checks it, corrects it and then marks it ``checked``.

Rules that keep people's work safe:

* A table that exists is never rewritten: drafted rows are appended after its
  existing bytes (through a temporary file in the same folder and
  :func:`os.replace`, so a failure leaves the old file as it was).  Every
  table is first written to its temporary file: if one cannot be, no table
  changes.  ``articles.csv`` is moved into place last, so a run stopped half-way
  is completed by the next one.
* An article listed in ``articles.csv`` counts as covered by every table that
  exists (as :func:`claimlab.load_corpus` reads it: no rows means none); any
  article a table has rows for is covered by that table.  Covered articles get
  no drafted rows, so running draft twice adds nothing the second time.
* A table draft cannot safely append to (a broken row, a header without the
  columns drafted rows need, a file that is not UTF-8) is left alone, nothing
  is written, and the message says how to fix it.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema
from .corpus import IGNORED_NAMES, MAX_TABLE_BYTES, TEXT_SUFFIXES, CorpusError, read_article
from .files import Refused, csv_field_limit, folder_problem, inside, mode_for, read_regular

STATUS = schema.STATUS
DRAFT = "draft"
# Where the articles.csv of a draft says which fields a person must fill in, and why.
MISSING = "missing"
# Tables draft writes, in the order it writes them: articles.csv last, so that if writing stops
# half-way the articles stay uncovered and the next run drafts what is missing.
WRITTEN = ("outlets.csv", "actors.csv", "attributions.csv", "figures.csv", "terms.csv", "articles.csv")
SPAN_TABLES = ("attributions.csv", "figures.csv", "terms.csv")
# Prefixes of drafted row ids: "<article_id>-A01", "<article_id>-F01", "<article_id>-T01".
ID_LETTERS = {"attributions.csv": "A", "figures.csv": "F", "terms.csv": "T"}
# Facts about an article that the metadata inference never attempts.
NEVER_INFERRED = {
    "outlet": "never guessed from the text (a wire credit is not the outlet)",
    "date_confidence": "set it once a person has checked the date",
    "byline": "not inferred",
    "relays": "not inferred",
    "event": "not inferred",
}
# Show a progress line while extracting from at least this many articles.
PROGRESS_FROM = 20


class DraftError(Exception):
    """The folder cannot be drafted at all (missing, not a folder, no articles)."""


@dataclass
class DraftReport:
    """What :func:`draft` did.

    ``drafted``: ids of the articles that got drafted rows; ``rows``: rows
    appended per table (a table created without rows shows 0);
    ``skipped``: ids of articles every table already covers; ``problems``:
    what went wrong (files not drafted, tables refused, files not writable);
    ``messages``: other things worth knowing.  ``written`` lists the files
    changed or created.
    """

    folder: Path
    drafted: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """A few lines for people: what was drafted where, and what to do next."""
        folder = self.folder
        lines = []
        if self.drafted:
            n = len(self.drafted)
            counts = ", ".join(_count(self.rows.get(t, 0), word) for t, word in
                               (("attributions.csv", "statement"), ("figures.csv", "figure"), ("terms.csv", "term")))
            extra = [_count(self.rows[t], t[:-5]) for t in ("actors.csv", "outlets.csv") if self.rows.get(t)]
            if extra:
                counts += " (and " + ", ".join(extra) + " they name)"
            files = ", ".join(str(p) for p in self.written)
            lines.append(f"drafted {_count(n, 'article')}: {counts} → {files}")
            if self.skipped:
                lines.append(f"left alone {len(self.skipped)} article(s) the tables already cover")
            lines.append("next: correct them with the annotation widget (every drafted row has "
                         "status 'draft'; set it to 'checked' once a person has checked it)")
        elif not self.problems:
            lines.append(f"nothing to draft: the tables in {folder} already cover all "
                         f"{len(self.skipped)} article(s); no file was changed")
        elif not self.written:
            lines.append(f"nothing was drafted in {folder}; no file was changed")
        lines.extend(self.messages)
        lines.extend(f"problem: {p}" for p in self.problems)
        return "\n".join(lines)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# ---------------------------------------------------------------------------
# reading what is there
# ---------------------------------------------------------------------------

@dataclass
class _Table:
    """An existing table as read: its bytes, header and rows (dicts of strings)."""

    name: str
    data: bytes
    header: list[str]
    rows: list[dict]
    newline: str


def _read_existing(path: Path) -> tuple[_Table | None, str | None]:
    """``(table, None)``, or ``(None, why draft cannot append to it)``."""
    name = path.name
    fix = "fix it or move the file away, then run draft again"
    try:
        data = read_regular(inside(path.parent, name), MAX_TABLE_BYTES)
    except Refused as exc:
        return None, f"{name} is not read: {exc}; {fix}"
    except OSError as exc:
        return None, f"cannot read {path}: {(exc.strerror or str(exc)).lower()}"
    if not data:
        return _Table(name, data, [], [], "\r\n"), None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, (f"{name} is not valid UTF-8 (byte {exc.start}): save it as UTF-8 CSV, "
                      "or move the file away, then run draft again")
    first_end = text.find("\n")
    newline = "\r\n" if first_end > 0 and text[first_end - 1] == "\r" else "\n"
    with csv_field_limit(len(text)):  # a cell may be longer than csv's default 128 KiB
        return _parse_existing(name, data, text, newline, fix)


def _parse_existing(name: str, data: bytes, text: str, newline: str, fix: str
                    ) -> tuple[_Table | None, str | None]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[dict] = []
    try:
        header = [h.strip() for h in next(reader, [])]
        if not any(header):
            return None, f"{name} has no header row: {fix}"
        line = reader.line_num + 1
        for rec in reader:
            if any(cell.strip() for cell in rec):
                short_status = len(rec) == len(header) - 1 and header[-1] == STATUS
                if len(rec) != len(header) and not short_status:
                    return None, (f"{name} line {line} has {len(rec)} cells but the header has "
                                  f"{len(header)}: {fix}")
                rows.append(dict(zip(header, rec, strict=False)))  # a short status row
            line = reader.line_num + 1
    except csv.Error as exc:
        return None, f"{name} is not a readable CSV file (line {reader.line_num}: {exc}): {fix}"
    return _Table(name, data, header, rows, newline), None


def _missing_columns(table: _Table, needed: list[str]) -> str | None:
    """A refusal message when ``table``'s header lacks columns drafted rows need."""
    if not table.header:  # an empty file: draft writes the header
        return None
    lacking = [c for c in needed if c not in table.header]
    if not lacking:
        return None
    if lacking == [STATUS]:
        return (f"{table.name} has no column {STATUS}, so drafted rows could not be told from checked "
                f"ones: add ',{STATUS}' at the end of its first line (its rows then count as checked), "
                "or move the file away, then run draft again")
    cols = ", ".join(lacking)
    return (f"{table.name} has no column{'s' if len(lacking) > 1 else ''} {cols}: fix the header "
            "or move the file away, then run draft again")


def _slug(name: str) -> str:
    """The article id the loader gives a file nobody listed (same rule as load_corpus)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "article"


def _article_files(folder: Path) -> list[Path]:
    return [folder / name for name in sorted(os.listdir(folder))
            if not name.startswith(".") and (folder / name).is_file()
            and Path(name).suffix.lower() in TEXT_SUFFIXES and name.lower() not in IGNORED_NAMES]


# ---------------------------------------------------------------------------
# making rows
# ---------------------------------------------------------------------------

def _cell(value) -> str:
    """A value as the curated tables write it: empty when missing, whole numbers without ".0"."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):  # NumPy floats too
        value = float(value)
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _ids(prefix: str, used: set[str]):
    """``prefix01``, ``prefix02``, ... skipping ids already in ``used`` (which it extends)."""
    n = 0
    while True:
        n += 1
        candidate = f"{prefix}{n:02d}"
        if candidate not in used:
            used.add(candidate)
            yield candidate


def _article_row(aid: str, fname: str, text: str) -> dict:
    from .metadata import infer_metadata
    meta = infer_metadata(text)
    why = dict(meta["uninferred"])
    published = meta["published"].isoformat() if meta["published"] else ""
    if published:
        evidence = (f"Machine draft: {published} is the only full date in the opening lines; "
                    "check it against the text, then set date_confidence.")
    else:
        evidence = f"Not inferred: {why.get('published', 'no date found')}."
    missing = [f"{f}: {r}" for f, r in meta["uninferred"]]
    missing += [f"{f}: {r}" for f, r in NEVER_INFERRED.items()]
    return {"article_id": aid, "file": fname, "outlet": "", "headline": meta["headline"],
            "published": published, "date_confidence": "", "date_evidence": evidence,
            "dateline": meta["dateline"], "byline": "", "wire": meta["wire"], "relays": "",
            "event": "", MISSING: "; ".join(missing), STATUS: DRAFT}


def _speaker_type(value: str) -> str:
    # The extractor calls a named speaker "named person"; the tables say "person".
    return "person" if value == "named person" else value


def _attribution_rows(aid: str, attrs, used: set[str]) -> list[dict]:
    new_id = _ids(f"{aid}-{ID_LETTERS['attributions.csv']}", used)
    rows = []
    for r in attrs:
        rows.append({
            "article_id": aid, "attribution_id": next(new_id),
            "speaker": _cell(r.speaker), "speaker_start": _cell(r.speaker_start),
            "speaker_end": _cell(r.speaker_end), "cue": _cell(r.cue), "cue_start": _cell(r.cue_start),
            "cue_end": _cell(r.cue_end), "content": _cell(r.content),
            "content_start": _cell(r.content_start), "content_end": _cell(r.content_end),
            "actor": _cell(r.actor), "speaker_type": _speaker_type(_cell(r.speaker_type)),
            "quote_type": _cell(r.quote_type), "channel": _cell(r.channel),
            "nested_in": "", "repeat_of": "", "note": "", STATUS: DRAFT,
        })
    return rows


def _statement_of(start: int, end: int, statements: list[tuple[int, int, str, str]]) -> str:
    """The drafted statement whose content holds a figure (the extractor's claimant rule)."""
    found = ""
    for cs, ce, _, sid in statements:
        if cs > start:
            break
        if end <= ce + 1:
            found = sid
    return found


def _figure_rows(aid: str, figs, statements: list[dict] | None, used: set[str]) -> list[dict]:
    new_id = _ids(f"{aid}-{ID_LETTERS['figures.csv']}", used)
    spans = sorted((int(a["content_start"]), int(a["content_end"]), a["actor"] or a["speaker"],
                    a["attribution_id"]) for a in statements or [])
    rows = []
    for r in figs:
        s, e = int(r.start), int(r.end)
        rows.append({
            "article_id": aid, "figure_id": next(new_id), "claimant": _cell(r.claimant),
            "measure": _cell(r.measure), "low": _cell(r.low), "high": _cell(r.high),
            "unit": _cell(r.unit), "qualifier": _cell(r.qualifier), "text": _cell(r.text),
            "start": str(s), "end": str(e),
            "attribution_id": _statement_of(s, e, spans) if statements is not None else "",
            "subset_of": "", "note": "", STATUS: DRAFT,
        })
    return rows


def _term_rows(aid: str, terms, used: set[str]) -> list[dict]:
    new_id = _ids(f"{aid}-{ID_LETTERS['terms.csv']}", used)
    return [{"article_id": aid, "term_id": next(new_id), "term": _cell(r.term), "start": _cell(r.start),
             "end": _cell(r.end), "category": _cell(r.category), "refers_to": "", "note": "",
             STATUS: DRAFT}
            for r in terms]


def _actor_rows(drafted: dict[str, list[dict]], known: set[str]) -> list[dict]:
    """One draft actors.csv row per actor or claimant the drafted rows name that is not known."""
    types: dict[str, str] = {}
    for a in drafted["attributions.csv"]:
        if a["actor"]:
            types.setdefault(a["actor"], "person" if a["speaker_type"] == "person" else "unknown")
    for f in drafted["figures.csv"]:
        if f["claimant"]:
            types.setdefault(f["claimant"], "unknown")
    return [{"actor": name, "type": kind, "country": "", "parent": "", "description": "", STATUS: DRAFT}
            for name, kind in types.items() if name not in known]


def _outlet_rows(articles: list[dict], known: set[str]) -> list[dict]:
    names = dict.fromkeys(a["outlet"] for a in articles if a["outlet"] and a["outlet"] not in known)
    return [{"outlet": name, "country": "", "ownership": "unknown", "parent": "", "kind": "",
             "citation": "", "note": "", STATUS: DRAFT} for name in names]


def _by_article(df) -> dict[str, list]:
    """The rows of ``df`` (as named tuples) per article_id, in order."""
    out: dict[str, list] = {}
    for r in df.itertuples(index=False):
        out.setdefault(r.article_id, []).append(r)
    return out


class _Progress:
    def __init__(self, total: int, show: bool):
        self.total, self.show = total, show and total >= PROGRESS_FROM

    def update(self, done: int) -> None:
        if self.show:
            print(f"\rDrafting statements and figures: {done:,}/{self.total:,} articles",
                  end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.show:
            print(file=sys.stderr)


# ---------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------

def _encode(header: list[str], rows: list[dict], newline: str, with_header: bool) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator=newline)
    if with_header:
        w.writerow(header)
    for row in rows:
        w.writerow([row.get(col, "") for col in header])
    return buf.getvalue().encode("utf-8")


def _why(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _write_all(folder: Path, plans: list[tuple[str, bytes, _Table | None]],
               report: DraftReport) -> bool:
    """Write the planned files: each to a temporary file in ``folder`` first (if any of them
    fails, no table is touched), then each into place with :func:`os.replace`."""
    staged: list[tuple[Path, Path, _Table | None]] = []
    try:
        for name, content, old in plans:
            path = folder / name
            if old is not None and not os.access(path, os.W_OK):
                report.problems.append(f"cannot write {path}: permission denied (the file is read-only)")
                return False
            try:
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".draft-tmp")
            except OSError as exc:
                hint = ("" if os.access(folder, os.W_OK) else
                        " (the folder is read-only: make it writable, or copy it somewhere you can write)")
                report.problems.append(f"cannot write {path}: {_why(exc)}{hint}")
                return False
            staged.append((path, Path(tmp), old))
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(content)
                    f.flush()
                    os.fsync(f.fileno())
                os.chmod(tmp, mode_for(path))
            except OSError as exc:
                report.problems.append(f"cannot write {path}: {_why(exc)}")
                return False
        for path, _, old in staged:  # nobody changed the tables while draft ran
            try:
                now = path.read_bytes() if path.exists() else None
            except OSError as exc:
                report.problems.append(f"cannot read {path}: {_why(exc)}")
                return False
            if now != (old.data if old is not None else None):
                report.problems.append(f"{path} changed while draft was running: run draft again")
                return False
        while staged:
            path, tmp, _ = staged[0]
            try:
                os.replace(tmp, path)
            except OSError as exc:
                done = ", ".join(p.name for p in report.written)
                report.problems.append(f"cannot write {path}: {_why(exc)}" + (
                    f" (already written: {done}; run draft again once it can be written)" if done else ""))
                return False
            staged.pop(0)
            report.written.append(path)
        return True
    finally:
        for _, tmp, _ in staged:
            try:
                tmp.unlink()
            except OSError:
                pass


# ---------------------------------------------------------------------------
# draft
# ---------------------------------------------------------------------------

def draft(folder, *, progress: bool = True) -> DraftReport:
    """Draft the tables of every article in ``folder`` that no table covers yet.

    Returns a :class:`DraftReport`.  Raises :class:`DraftError` when ``folder``
    is missing, not a folder or holds no article files.  See the module
    docstring for what is written and what is never touched.
    """
    folder = Path(folder)
    files = _files_to_draft(folder)
    report = DraftReport(folder)

    if not (folder / "articles.csv").exists() and (folder / "metadata.csv").exists():
        report.problems.append(
            "metadata.csv holds this folder's article metadata, and draft writes articles.csv, which "
            "would take its place: rename metadata.csv to articles.csv, then run draft again")
        return report

    tables = _read_tables(folder, report)
    if report.problems:
        return report

    texts, files_of, in_articles = _read_articles(files, tables, report)
    todo = _todo(texts, tables, in_articles)
    report.skipped = [a for a in texts if not any(a in ids for ids in todo.values())]
    to_draft = [a for a in texts if any(a in ids for ids in todo.values())]
    if not to_draft:
        return report

    # Refuse before the slow part if a table drafted rows go to cannot take them.
    refusals = [why for name in ("articles.csv",) + SPAN_TABLES if todo[name] and name in tables
                for why in [_missing_columns(tables[name], _needed(name))] if why]
    if refusals:
        report.problems += refusals
        return report

    drafted = _draft_rows(todo, texts, files_of, tables, progress)
    plans, refusals = _plan(tables, drafted, report)
    if refusals:
        report.problems += refusals
        return report
    if not _write_all(folder, plans, report):
        return report
    report.drafted = to_draft
    report.rows = {name: len(drafted[name]) for name, _, _ in plans}
    _check(folder, report)
    return report


def _files_to_draft(folder: Path) -> list[Path]:
    """The article files of ``folder``; :class:`DraftError` when there are none to draft."""
    why = folder_problem(folder)
    if why:
        raise DraftError(f"folder {why}" if why.startswith(("not found", "cannot")) else why)
    try:
        files = _article_files(folder)
    except OSError as exc:
        raise DraftError(f"cannot list {folder}: {_why(exc)}") from None
    if not files:
        raise DraftError(f"no articles in {folder}: expected UTF-8 .txt or .md files")
    return files


def _read_tables(folder: Path, report: DraftReport) -> dict[str, _Table]:
    """The tables draft writes that exist already; why one cannot be appended to goes to ``report``."""
    tables: dict[str, _Table] = {}
    for name in WRITTEN:
        if (folder / name).exists():
            table, why = _read_existing(folder / name)
            if why:
                report.problems.append(why)
            else:
                tables[name] = table
    return tables


def _read_articles(files: list[Path], tables: dict[str, _Table],
                   report: DraftReport) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """``(texts, files_of, in_articles)``: text and file name per article id, and the ids that
    articles.csv lists.  A file that cannot be read is a problem in ``report`` and is left out."""
    # Which article is which: listed in articles.csv, or named after its file.
    listed = {r.get("file", "").strip(): r.get("article_id", "").strip()
              for r in tables["articles.csv"].rows} if "articles.csv" in tables else {}
    used_aids = {aid for aid in listed.values() if aid}
    texts: dict[str, str] = {}
    files_of: dict[str, str] = {}
    for p in files:
        aid = _article_id(p, listed, used_aids)
        text, why = read_article(p.name, folder=p.parent)  # nothing outside the folder, no FIFO
        if why:
            report.problems.append(f"{p.name}: {why}; it was not drafted")
            continue
        texts[aid] = text
        files_of[aid] = p.name
    in_articles = {aid for aid, f in files_of.items() if f in listed}
    return texts, files_of, in_articles


def _article_id(path: Path, listed: dict[str, str], used: set[str]) -> str:
    """The id articles.csv gives the file, else its slug made unique among ``used`` (which it extends)."""
    if path.name in listed:
        return listed[path.name] or _slug(path.stem)
    base = aid = _slug(path.stem)
    n = 1
    while aid in used:
        n += 1
        aid = f"{base}-{n}"
    used.add(aid)
    return aid


def _todo(texts: dict[str, str], tables: dict[str, _Table], in_articles: set[str]) -> dict[str, list[str]]:
    """What each table lacks: the ids of the articles it needs drafted rows for."""
    todo: dict[str, list[str]] = {"articles.csv": [a for a in texts if a not in in_articles]}
    for name in SPAN_TABLES:
        has_rows = {r.get("article_id", "").strip() for r in tables[name].rows} if name in tables else set()
        covered = has_rows | (in_articles if name in tables else set())
        todo[name] = [a for a in texts if a not in covered]
    return todo


def _needed(name: str) -> list[str]:
    """The columns a table must have for draft to append rows to it."""
    return schema.TABLES[name] + [STATUS]


def _known(tables: dict[str, _Table], name: str, column: str) -> set[str]:
    """The values of ``column`` in the existing table ``name`` (none when it does not exist)."""
    return {r.get(column, "").strip() for r in tables[name].rows} if name in tables else set()


def _draft_rows(todo: dict[str, list[str]], texts: dict[str, str], files_of: dict[str, str],
                tables: dict[str, _Table], progress: bool) -> dict[str, list[dict]]:
    """The drafted rows of every table draft writes."""
    used_ids = {name: {r.get(schema.IDS[name], "").strip() for r in t.rows}
                for name, t in tables.items() if name in schema.IDS}
    drafted: dict[str, list[dict]] = {name: [] for name in WRITTEN}
    drafted["articles.csv"] = [_article_row(a, files_of[a], texts[a]) for a in todo["articles.csv"]]
    if todo["terms.csv"]:
        from .framing import find_terms
        found = find_terms({a: texts[a] for a in todo["terms.csv"]})
        for aid, part in _by_article(found).items():
            drafted["terms.csv"] += _term_rows(aid, part, used_ids.setdefault("terms.csv", set()))
    _draft_extracted(todo, texts, drafted, used_ids, progress)
    drafted["actors.csv"] = _actor_rows(drafted, _known(tables, "actors.csv", "actor"))
    drafted["outlets.csv"] = _outlet_rows(drafted["articles.csv"], _known(tables, "outlets.csv", "outlet"))
    return drafted


def _draft_extracted(todo: dict[str, list[str]], texts: dict[str, str], drafted: dict[str, list[dict]],
                     used_ids: dict[str, set[str]], progress: bool) -> None:
    """Add to ``drafted`` the statements and figures the extractor finds (the slow part)."""
    want_attr, want_fig = set(todo["attributions.csv"]), set(todo["figures.csv"])
    to_extract = [a for a in texts if a in want_attr or a in want_fig]
    if not to_extract:
        return
    from .extract import Extraction
    bar = _Progress(len(to_extract), progress)
    running = Extraction({a: texts[a] for a in to_extract}, serial_run=25)
    try:
        bar.update(0)
        for done, attrs, figs in running:
            a_parts, f_parts = _by_article(attrs), _by_article(figs)
            for aid in list(dict.fromkeys(list(a_parts) + list(f_parts))):
                _add_extracted(aid, a_parts, f_parts, want_attr, want_fig, drafted, used_ids)
            bar.update(done)
    finally:
        running.close()
        bar.close()


def _add_extracted(aid: str, a_parts: dict[str, list], f_parts: dict[str, list], want_attr: set[str],
                   want_fig: set[str], drafted: dict[str, list[dict]], used_ids: dict[str, set[str]]) -> None:
    """Add one article's extracted statements and figures to the tables that want them."""
    statements = None
    if aid in want_attr and aid in a_parts:
        statements = _attribution_rows(aid, a_parts[aid], used_ids.setdefault("attributions.csv", set()))
        drafted["attributions.csv"] += statements
    if aid in want_fig and aid in f_parts:
        drafted["figures.csv"] += _figure_rows(
            aid, f_parts[aid], statements if aid in want_attr else None,
            used_ids.setdefault("figures.csv", set()))


def _plan(tables: dict[str, _Table], drafted: dict[str, list[dict]],
          report: DraftReport) -> tuple[list[tuple[str, bytes, _Table | None]], list[str]]:
    """``(plans, refusals)``: the new bytes of each file to write (append to a table that exists,
    create one that does not), and why a table cannot take its drafted rows."""
    plans: list[tuple[str, bytes, _Table | None]] = []
    refusals: list[str] = []
    for name in WRITTEN:
        rows = drafted[name]
        old = tables.get(name)
        if not rows and not (name in SPAN_TABLES and old is None):
            continue  # a span table is created even without rows, so the next run knows it was drafted
        if old is not None and old.header:
            why = _missing_columns(old, _needed(name))
            if why:
                refusals.append(why)
                continue
            if name == "articles.csv" and MISSING not in old.header:
                report.messages.append(f"articles.csv has no column {MISSING}: the fields a person must "
                                       "fill in are the empty ones of each drafted row")
            content = _appended(old, rows)
        else:
            content = _created(name, rows, old)
        plans.append((name, content, old))
    return plans, refusals


def _appended(old: _Table, rows: list[dict]) -> bytes:
    """A table that has a header with ``rows`` after it: in the file's own column order and line
    ends; its bytes stay as they are."""
    prefix = old.data
    if not prefix.endswith((b"\n", b"\r")):
        prefix += old.newline.encode()
    return prefix + _encode(old.header, rows, old.newline, with_header=False)


def _created(name: str, rows: list[dict], old: _Table | None) -> bytes:
    """A new table (or one that was an empty file): draft's header, then ``rows``."""
    header = schema.TABLES[name] + ([MISSING] if name == "articles.csv" else []) + [STATUS]
    prefix = old.data if old is not None else b""
    return prefix + _encode(header, rows, "\r\n", with_header=True)


def _check(folder: Path, report: DraftReport) -> None:
    """Say if the folder, drafted rows included, does not pass the checks of ``validate``."""
    from .corpus import load_corpus
    try:
        corpus = load_corpus(folder, extract=False, progress=False)
    except CorpusError as exc:  # pragma: no cover - the folder was just listed
        report.messages.append(f"validate cannot load {folder}: {exc}")
        return
    n = len(corpus.problems)
    if n:
        first = corpus.problems.iloc[0]
        line = first["line"]
        where = first["file"] if line is None or str(line) in ("<NA>", "nan") else f"{first['file']}:{int(line)}"
        report.messages.append(
            f"python -m claimlab validate {folder} finds {n} problem(s), e.g. {where}: {first['problem']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m claimlab draft",
        description="Draft the annotation tables (articles.csv, attributions.csv, figures.csv, terms.csv, "
                    "and actors.csv/outlets.csv rows they need) for every article in DIR that no table "
                    "covers yet. Existing tables are only appended to; every drafted row has status 'draft'.")
    ap.add_argument("dir", metavar="DIR", help="folder of UTF-8 .txt or .md articles")
    ap.add_argument("--quiet", action="store_true", help="no progress line")
    args = ap.parse_args(argv)
    try:
        report = draft(args.dir, progress=not args.quiet)
    except DraftError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1
