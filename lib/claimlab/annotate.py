"""Correct a machine-made draft by hand, in the notebook.

``Annotator("path/to/folder")`` shows one article of a corpus folder with its
statements, figures and framing terms highlighted, lists the rows of one kind
with their status, and lets a person accept, delete, change or add rows.
Spans are set by selecting text in the article with the mouse.

The folder holds UTF-8 article files and CSV tables in the format of
``seeds/README.md`` (:mod:`claimlab.schema`).  A table may end in a ``status``
column: ``draft`` for a machine-made row, ``checked`` for a row a person
accepted or edited; an empty status, or no such column, means checked.

Every change is written at once: to a temporary file in the same folder that
then replaces the table (``os.replace``, keeping the file's permissions),
after the previous version was kept as ``<table>.bak``.  Each save reads the
table from disk again and changes only its own rows (by id), so two widgets on
one folder keep each other's changes; a row changed on disk since this widget
read it is refused and reloaded.  Changed and added rows get the status
``checked``; a change that would leave out what the corpus loader needs (a
statement's cue or types) is refused, and a new row that lacks it waits in the
form, unsaved, until it is complete.  An actor or claimant missing from
``actors.csv`` is added there as a draft row in the same change.
Nothing is written when a change is refused, and the message says why.
The Article tab does the same for the article's own row of ``articles.csv``
(outlet, headline, date, dateline, byline, …); an outlet that ``outlets.csv``
lacks is added there as a draft row in the same change.
Reopening the folder continues where you stopped; ``Undo`` takes back the
changes of this session one by one.

Offsets are Python ``str`` offsets (code points, end exclusive) into the text
as read with :func:`claimlab.corpus.read_article`.  The browser counts UTF-16
code units, so the text view cuts the text into pieces in Python, each piece
carrying its start offset; the browser turns a selection point into the
piece's start plus the code points before the point inside that piece.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import anywidget
import ipywidgets as W
import traitlets

from . import schema
from .corpus import MAX_TABLE_BYTES, TEXT_SUFFIXES, read_article
from .files import Refused, atomic_write, csv_field_limit, inside, read_regular
from .format import figure_range
from .markup import BLUE, GREEN, VERMILLION
from .reader import Shown

__all__ = ["ARTICLE_FIELDS", "KINDS", "AnnotationError", "Annotator", "DraftFolder", "TextView", "article_missing",
           "check_article", "missing", "missing_fields", "sentence_spans"]


class AnnotationError(ValueError):
    """A change that was refused; the message is meant for the person annotating."""


@dataclass(frozen=True)
class Kind:
    name: str        # what people call it
    table: str       # file name
    id_col: str
    spans: tuple     # (text column, start column, end column), the main span last
    prefix: str      # first letter of new ids when the table has none to imitate

    @property
    def main(self):
        return self.spans[-1]


KINDS: dict[str, Kind] = {
    "statements": Kind("statement", "attributions.csv", "attribution_id", tuple(schema.SPANS["attributions.csv"]), "A"),
    "figures": Kind("figure", "figures.csv", "figure_id", tuple(schema.SPANS["figures.csv"]), "F"),
    "terms": Kind("term", "terms.csv", "term_id", tuple(schema.SPANS["terms.csv"]), "T"),
}
_PART_NAMES = {"speaker": "speaker", "cue": "cue", "content": "content", "text": "figure", "term": "term"}

DRAFT, CHECKED = "draft", "checked"


def _required(table: str) -> list[str]:
    """Columns whose allowed values (schema.ALLOWED) do not include empty: a finished row needs them."""
    return sorted(col for (t, col), allowed in schema.ALLOWED.items() if t == table and "" not in allowed)


def missing(kind: str, row: dict) -> list[str]:
    """The values a row still needs before it can be accepted (e.g. a statement's speaker type)."""
    return [col for col in _required(KINDS[kind].table) if not _s(row.get(col)).strip()]
_NUMBER_RE = re.compile(r"\d+(\.\d+)?")


def _s(value) -> str:
    return "" if value is None else str(value)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def esc(value) -> str:
    return html.escape(_s(value), quote=True)


# ----------------------------------------------------------------------------- sentences

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "gov", "sen",
                  "rep", "st", "jr", "sr", "no", "mt", "ft", "rev", "hon", "vs", "etc", "inc", "co", "corp",
                  "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, covering the whole text between them.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes
    or brackets) followed by a space and a word that does not start in lower
    case, or at a line break.  A full stop after an abbreviation ("Mr.") or an
    initial ("U.") does not end a sentence.  Used to check that a statement's
    cue stands in the sentence(s) of its content or next to them (``"…," she
    said. "…"`` continues a quotation in the next sentence).
    """
    spans, start = [], 0
    for m in _SENTENCE_END_RE.finditer(text):
        cut = m.end()
        if m.group() != "\n":
            after = text[cut:].lstrip(" \t\u00a0")
            if after[:1].islower():
                continue
            word = re.search(r"(\w+)[.]$", text[start:m.start() + 1])
            if m.group().startswith(".") and word and (
                    word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        if cut > start:
            if spans and not text[start:cut].strip():
                spans[-1] = (spans[-1][0], cut)  # white space joins the sentence before it
            else:
                spans.append((start, cut))
        start = cut
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _sentences_around(sentences: list[tuple[int, int]], start: int, end: int, extra: int = 0) -> tuple[int, int]:
    """The stretch of whole sentences that the span ``start:end`` touches, and ``extra`` more on each side."""
    hit = [i for i, (s, e) in enumerate(sentences) if s < max(end, start + 1) and e > start]
    if not hit:
        return start, end
    lo, hi = max(0, hit[0] - extra), min(len(sentences) - 1, hit[-1] + extra)
    return sentences[lo][0], sentences[hi][1]


# ----------------------------------------------------------------------------- tables on disk

@dataclass
class Table:
    """One CSV table: its header (in file order) and rows as dicts of strings."""

    name: str
    header: list[str]
    rows: list[dict]
    exists: bool
    newline: str = "\n"
    bom: bool = False
    raw: bytes | None = None   # the file as read (for undo)

    def ids(self, id_col: str) -> list[str]:
        return [r.get(id_col, "") for r in self.rows]


def read_table(path: Path) -> Table:
    """Read a CSV table; a missing file gives an empty table with the schema's columns."""
    name = path.name
    if not path.exists():
        return Table(name, list(schema.TABLES.get(name, [])), [], exists=False)
    try:  # only a regular file inside the folder, never more than the loader's limit
        raw = read_regular(inside(path.parent, name), MAX_TABLE_BYTES)
    except (Refused, OSError) as exc:
        raise AnnotationError(f"{name} cannot be used: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AnnotationError(f"{name} is not valid UTF-8 ({exc.reason}); save it as UTF-8 CSV") from None
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    first = text.split("\n", 1)[0]
    newline = "\r\n" if first.endswith("\r") else "\n"
    try:
        with csv_field_limit(len(text)):
            records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise AnnotationError(f"{name} is not a readable CSV file: {exc}") from None
    if not records:
        return Table(name, list(schema.TABLES.get(name, [])), [], exists=True, newline=newline, bom=bom, raw=raw)
    header = [h.strip() for h in records[0]]
    rows = []
    for rec in records[1:]:
        if not any(cell.strip() for cell in rec):
            continue
        row = dict(zip(header, rec + [""] * (len(header) - len(rec))))
        rows.append(row)
    return Table(name, header, rows, exists=True, newline=newline, bom=bom, raw=raw)


def table_bytes(table: Table) -> bytes:
    """The table as CSV bytes; a ``status`` column is added at the end when missing."""
    header = list(table.header)
    if "status" not in header:
        header.append("status")
    for row in table.rows:
        for col in row:
            if col not in header:
                header.append(col)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=table.newline)
    writer.writerow(header)
    for row in table.rows:
        writer.writerow([_s(row.get(col, "")) for col in header])
    data = out.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if table.bom else data


def status_of(row: dict) -> str:
    """``draft`` or ``checked`` (an empty or missing status means checked)."""
    return DRAFT if _s(row.get("status")).strip().lower() == DRAFT else CHECKED


# ----------------------------------------------------------------------------- an article's details

ARTICLE = "article"  # the Annotator's tab for the chosen article's row of articles.csv
ARTICLE_FIELDS = ("outlet", "headline", "dateline", "byline", "wire", "relays", "published", "date_confidence",
                  "date_evidence", "event")
VERBATIM_FIELDS = ("headline", "dateline", "byline")  # must stand in the text word for word (or be empty)
MISSING_COL = "missing"  # what ``claimlab draft`` could not infer: "field: reason; field: reason"
_CONFIDENCES = ("high", "medium", "low")
_QUOTE_CLASSES = {c: "[\"“”„«»]" for c in "\"“”„«»"} | {c: "['‘’`]" for c in "'‘’`"}


def missing_fields(row: dict) -> dict[str, str]:
    """The ``missing`` column of a drafted articles.csv row as ``{field: reason}``."""
    out = {}
    for part in re.split(r";\s*(?=[a-z_]+:)", _s(row.get(MISSING_COL))):
        field_name, _, reason = part.partition(":")
        if field_name.strip():
            out[field_name.strip()] = reason.strip()
    return out


def article_missing(row: dict) -> list[str]:
    """What an articles.csv row still needs before it can be accepted."""
    lacking = [] if _s(row.get("outlet")).strip() else ["outlet"]
    if _s(row.get("published")).strip() and not _s(row.get("date_confidence")).strip():
        lacking.append("date_confidence")
    return lacking


def _loose_pattern(value: str) -> str:
    """A regex for ``value`` that ignores case, runs of white space and the kind of quotation mark."""
    return r"\s+".join("".join(_QUOTE_CLASSES.get(c, re.escape(c)) for c in word) for word in value.split())


def _verbatim_problem(col: str, value: str, text: str) -> str | None:
    if not value or value in text:
        return None
    label = col.replace("_", " ")
    near = re.search(_loose_pattern(value), text, flags=re.IGNORECASE) if value.split() else None
    hint = (f" The text has “{_short(near.group(), 80)}” (its spaces, quotation marks or capitals differ): select "
            f"it in the article and press the {label}'s “selection” button to copy it exactly" if near else "")
    return (f"the {label} “{_short(value, 60)}” does not occur word for word in the article. The {label} is a "
            f"verbatim column: copy it from the text exactly, or leave it empty (the ✕ button) when the article "
            f"has no {label}.{hint}").rstrip(".")


def _date_problem(value: str) -> str | None:
    if not value:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return (f"published must be a date written YYYY-MM-DD, such as 2019-09-02; got {value!r}. Work the day out "
                "from the text and give your reasons in the date evidence")
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        return f"published {value!r} is not a real date ({exc}); write it YYYY-MM-DD, such as 2019-09-02"
    return None


def check_article(row: dict, text: str, changed=ARTICLE_FIELDS) -> dict:
    """The articles.csv row with the ``changed`` fields tidied and checked, or AnnotationError."""
    row = dict(row)
    for col in ARTICLE_FIELDS:
        if col not in changed:
            continue
        value = _s(row.get(col)).strip()
        if col == "date_confidence":
            value = value.lower()
            if value and value not in _CONFIDENCES:
                raise AnnotationError(f"date confidence must be one of {', '.join(_CONFIDENCES)} (or empty while the "
                                      f"date is unknown); got {value!r}")
        why = _date_problem(value) if col == "published" else (
            _verbatim_problem(col, value, text) if col in VERBATIM_FIELDS else None)
        if why:
            raise AnnotationError(why)
        if col in ("outlet", "wire", "published", "date_confidence") and "\n" in value:
            raise AnnotationError(f"the {col.replace('_', ' ')} must be on one line")
        row[col] = value
    if _s(row.get("date_confidence")).strip() and not _s(row.get("published")).strip():
        raise AnnotationError("a date confidence needs a published date: give the date, or leave the confidence "
                              "empty")
    return row


# ----------------------------------------------------------------------------- the folder

def _article_label(row: dict) -> str:
    return " — ".join(b for b in (_s(row.get("outlet")).strip(), _short(_s(row.get("headline")), 70)) if b)


@dataclass
class Article:
    article_id: str
    file: str
    label: str
    text: str


@dataclass
class Edit:
    """One row of one table: ``old`` as this folder last read it (None: a new row), ``new`` (None: removed)."""

    table: str
    id_col: str
    row_id: str
    old: dict | None
    new: dict | None
    index: int | None = None     # where the row stood (a removed row goes back there on undo)
    if_absent: bool = False      # a new row that is skipped when the table has it already (an actor)

    def inverse(self) -> Edit:
        return Edit(self.table, self.id_col, self.row_id, self.new, self.old, self.index)


@dataclass
class Change:
    """One saved change: what it did, the rows it touched, and each file's bytes before and after."""

    what: str
    before: dict[str, bytes | None] = field(default_factory=dict)
    after: dict[str, bytes | None] = field(default_factory=dict)
    edits: list[Edit] = field(default_factory=list)


CHANGED_ELSEWHERE = ("this row was changed elsewhere since you opened it (another annotator, or the file was edited): "
                     "it is reloaded; make your change again")


def _same_row(a: dict, b: dict) -> bool:
    """Two rows hold the same values (a column one of them lacks counts as empty)."""
    return all(_s(a.get(c)) == _s(b.get(c)) for c in set(a) | set(b))


def _find(rows: list[dict], id_col: str, row_id: str) -> int | None:
    return next((i for i, r in enumerate(rows) if _s(r.get(id_col)) == row_id), None)


def short_id(row_id: str, article_id: str) -> str:
    """The part of a row id after its article's id ("A01" for "wash-post-…-A01"); the id itself otherwise."""
    for sep in ("-", "_", ":", "."):
        if article_id and row_id.startswith(article_id + sep) and len(row_id) > len(article_id) + 1:
            return row_id[len(article_id) + 1:]
    return row_id


def _needs(name: str, lacking: list[str], accept: bool) -> str:
    words = " and the ".join(c.replace("_", " ") for c in lacking)
    if accept:
        return f"choose the {words} before accepting"
    return (f"a {name} needs its {words}, or the corpus loader leaves it out: "
            + ("select the new cue and press the cue's “selection” button instead of clearing it"
               if lacking == ["cue"] else f"choose the {words}"))


_LINK_WORDS = {"attribution_id": "no longer points to this", "nested_in": "is no longer nested in this",
               "repeat_of": "is no longer marked as a repeat of this", "subset_of": "is no longer a subset of this"}


def _link_words(kind: str, col: str, label: str, name: str) -> str:
    return f"{KINDS[kind].name} {label} {_LINK_WORDS.get(col, 'no longer points to this')} {name}"


class DraftFolder:
    """A corpus folder whose tables are being corrected.  All writes go through here.

    ``kind`` arguments are the keys of :data:`KINDS`: ``statements``, ``figures``, ``terms``.
    Methods that change something raise :class:`AnnotationError` (and write
    nothing) when the change is refused, and return a message saying what was done.
    """

    def __init__(self, path):
        self.path = Path(path).expanduser()
        if not self.path.is_dir():
            raise AnnotationError(f"{self.path} is not a folder: give the folder that holds the articles and tables")
        self.history: list[Change] = []
        self.problems: list[str] = []
        self.reload()

    # -- reading

    def reload(self, texts: bool = True) -> None:
        """Read the tables (and, unless ``texts=False``, the articles) again from disk."""
        self.tables = {k: read_table(self.path / kind.table) for k, kind in KINDS.items()}
        self.actors_table = read_table(self.path / "actors.csv")
        self.articles_table = read_table(self.path / "articles.csv")
        self.outlets_table = read_table(self.path / "outlets.csv")
        if texts or not hasattr(self, "articles"):
            self._read_articles()
        else:  # the texts stay; the labels follow articles.csv (an outlet or headline may have changed)
            for row in self.articles_table.rows:
                art = self.articles.get(_s(row.get("article_id")).strip())
                if art is not None:
                    art.label = _article_label(row) or art.article_id
        self.problems = self._article_problems + self._table_problems()

    def _read_articles(self) -> None:
        articles = self.articles_table
        problems = []
        self.articles: dict[str, Article] = {}
        listed = set()
        for row in articles.rows:
            aid, name = _s(row.get("article_id")).strip(), _s(row.get("file")).strip()
            if not aid or not name:
                continue
            listed.add(name)
            text, why = read_article(name, folder=self.path)
            if text is None:
                problems.append(f"{name} ({aid}): {why}")
                continue
            self.articles[aid] = Article(aid, name, _article_label(row) or aid, text)
        for f in sorted(self.path.iterdir()):
            if f.suffix.lower() in TEXT_SUFFIXES and f.name not in listed and f.name.lower() not in (
                    "readme.md", "readme.txt", "license.md", "license.txt"):
                problems.append(f"{f.name} is not listed in articles.csv, so its rows cannot be found; not shown")
        self._article_problems = problems

    def _table_problems(self) -> list[str]:
        problems = []
        for k, kind in KINDS.items():
            ids = Counter(self.tables[k].ids(kind.id_col))
            dup = sorted(i for i, n in ids.items() if i and n > 1)
            if dup:
                problems.append(f"{kind.table}: the id(s) {', '.join(dup)} are used twice; only the first row "
                                "of each can be edited here")
            if ids[""]:
                problems.append(f"{kind.table}: {ids['']} row(s) without a {kind.id_col}; they cannot be "
                                "edited here")
        return problems

    def writable(self) -> bool:
        return os.access(self.path, os.W_OK)

    @property
    def actors(self) -> list[str]:
        return sorted({_s(r.get("actor")).strip() for r in self.actors_table.rows} - {""})

    def text(self, article_id: str) -> str:
        return self.articles[article_id].text

    def rows(self, kind: str, article_id: str | None = None) -> list[dict]:
        """Rows of one kind (optionally of one article), in file order."""
        rows = self.tables[kind].rows
        if article_id is not None:
            rows = [r for r in rows if _s(r.get("article_id")) == article_id]
        return rows

    def row(self, kind: str, row_id: str) -> dict:
        id_col = KINDS[kind].id_col
        for r in self.tables[kind].rows:
            if r.get(id_col) == row_id:
                return r
        raise AnnotationError(f"there is no {KINDS[kind].name} {row_id!r} any more (was it deleted?)")

    def drafts(self, kind: str | None = None, article_id: str | None = None) -> int:
        """How many rows are still drafts."""
        kinds = [kind] if kind else list(KINDS)
        return sum(status_of(r) == DRAFT for k in kinds for r in self.rows(k, article_id))

    def drafts_by_article(self) -> dict[str, int]:
        """Draft rows of every kind per article id, in one pass."""
        counts: dict[str, int] = {}
        for k in KINDS:
            for r in self.tables[k].rows:
                if status_of(r) == DRAFT:
                    aid = _s(r.get("article_id"))
                    counts[aid] = counts.get(aid, 0) + 1
        return counts

    # -- checking

    def _span(self, text: str, label: str, start: str, end: str, required: bool) -> tuple[int, int] | None:
        start, end = _s(start).strip(), _s(end).strip()
        if not start and not end:
            if required:
                raise AnnotationError(f"the {label} needs a span: select its words in the article")
            return None
        try:
            s, e = int(start), int(end)
        except ValueError:
            bad = start if not re.fullmatch(r"-?\d+", start) else end
            raise AnnotationError(f"the {label}'s start and end must be whole numbers (character offsets); "
                                  f"got {bad!r}") from None
        if s < 0 or e > len(text):
            raise AnnotationError(f"the {label} span {s}–{e} is outside the text, which has {len(text)} "
                                  f"characters (offsets 0–{len(text)})")
        if s >= e:
            raise AnnotationError(f"the {label} span {s}–{e} is empty: its end must be after its start")
        if not text[s:e].strip():
            raise AnnotationError(f"the {label} span {s}–{e} holds only spaces or line breaks")
        return s, e

    def check(self, kind: str, row: dict, text: str, changed: set[str] = frozenset()) -> dict:
        """The row made consistent with the text (verbatim columns refilled), or AnnotationError."""
        k = KINDS[kind]
        row = dict(row)
        spans = {}
        for text_col, s_col, e_col in k.spans:
            label = _PART_NAMES[text_col]
            span = self._span(text, label, row.get(s_col), row.get(e_col), required=(text_col, s_col, e_col) == k.main)
            spans[text_col] = span
            if span is None:
                row[text_col], row[s_col], row[e_col] = "", "", ""
            else:
                row[text_col], row[s_col], row[e_col] = text[span[0]:span[1]], str(span[0]), str(span[1])
        if kind == "statements":
            cue, content = spans["cue"], spans["content"]
            if cue and content and changed & {"cue_start", "cue_end", "content_start", "content_end"}:
                lo, hi = _sentences_around(sentence_spans(text), *content, extra=1)
                if not (lo <= cue[0] and cue[1] <= hi):
                    what = text[cue[0]:cue[1]]
                    if changed & {"cue_start", "cue_end"}:
                        raise AnnotationError(
                            f"the cue “{_short(what, 40)}” ({cue[0]}–{cue[1]}) is outside the statement's sentence "
                            f"({lo}–{hi}: the content's sentence and the one before and after it): choose a cue there")
                    raise AnnotationError(
                        f"the content is not in (or next to) the sentence of its cue “{_short(what, 40)}” "
                        f"({cue[0]}–{cue[1]}): select content there, or clear the cue first")
            for col, allowed in (("speaker_type", ("person", "institution", "anonymous")),
                                 ("quote_type", ("direct", "indirect", "mixed"))):
                value = _s(row.get(col)).strip()
                if value and value not in allowed:
                    raise AnnotationError(f"{col.replace('_', ' ')} must be one of {', '.join(allowed)} "
                                          f"(or empty); got {value!r}")
                row[col] = value
        if kind == "figures":
            values = {}
            for col in ("low", "high"):
                value = _s(row.get(col)).strip()
                if value and not _NUMBER_RE.fullmatch(value):
                    raise AnnotationError(f"{col} must be a number such as 26 or 12.5 (no commas or words), "
                                          f"or empty when the text gives no {col} bound; got {value!r}")
                row[col] = value
                values[col] = float(value) if value else None
                if value and not math.isfinite(values[col]):
                    raise AnnotationError(f"{col} is too large: {value!r}")
            if values["low"] is not None and values["high"] is not None and values["low"] > values["high"]:
                raise AnnotationError(f"low ({row['low']}) is above high ({row['high']}): low is the smaller bound")
        if kind == "terms":
            value = _s(row.get("category")).strip()
            allowed = sorted(schema.ALLOWED[("terms.csv", "category")])
            if value and value not in allowed:
                raise AnnotationError(f"category must be one of {', '.join(allowed)} (or empty); got {value!r}")
        return row

    # -- writing

    def _commit(self, what: str, edits: list[Edit], conflict: str = CHANGED_ELSEWHERE,
                record: bool = True) -> str:
        """Apply ``edits`` to the tables as they are on disk now and write them atomically; all or nothing.

        Each table is read again first and only the edited rows change (by id), so a change saved
        meanwhile by someone else (another Annotator on the folder) is kept.  An edited row that
        differs on disk from what this folder last read is refused with ``conflict``, and the
        folder is read again.
        """
        tables: dict[str, Table] = {}
        for e in edits:
            if e.table not in tables:
                tables[e.table] = read_table(self.path / e.table)
        done_edits = []
        for e in edits:
            rows = tables[e.table].rows
            i = _find(rows, e.id_col, e.row_id)
            if e.old is None and i is not None:
                if e.if_absent:
                    continue
                self.reload(texts=False)
                raise AnnotationError(conflict.replace("this row", f"the id {e.row_id}"))
            if e.old is not None and (i is None or not _same_row(rows[i], e.old)):
                self.reload(texts=False)
                raise AnnotationError(conflict)
            if e.new is None:
                del rows[i]
            elif i is None:
                rows.insert(len(rows) if e.index is None else min(e.index, len(rows)), dict(e.new))
            else:
                rows[i] = dict(e.new)
            done_edits.append(Edit(e.table, e.id_col, e.row_id, e.old, e.new, i if e.new is None else e.index))
        payload = {name: table_bytes(table) for name, table in tables.items()}
        change = Change(what, edits=done_edits)
        self._write_files(payload, change)
        change.after = payload
        if record:
            self.history.append(change)
        self.reload(texts=False)
        return what

    def _write_files(self, payload: dict[str, bytes | None], change: Change) -> None:
        """Write each file atomically (keeping a .bak); on a failure put back what was written and say why."""
        done: list[str] = []
        try:
            for name, data in payload.items():
                path = self.path / name
                before = path.read_bytes() if path.exists() else None
                change.before[name] = before
                self._replace(path, data, before)
                done.append(name)
        except OSError as exc:
            for name in done:  # put back what this change already wrote
                try:
                    self._replace(self.path / name, change.before[name], None, backup=False)
                except OSError:
                    pass
            self.reload(texts=False)
            reason = exc.strerror or str(exc)
            if isinstance(exc, PermissionError) or not self.writable():
                reason = f"the folder {self.path} is read-only ({reason})"
            raise AnnotationError(f"nothing was saved: {reason}") from None

    def _replace(self, path: Path, data: bytes | None, before: bytes | None, backup: bool = True) -> None:
        """Atomically make ``path`` hold ``data`` (None: remove it); keep ``before`` as ``<name>.bak``."""
        if backup and before is not None:
            self._atomic(path.with_name(path.name + ".bak"), before)
        if data is None:
            if path.exists():
                path.unlink()
            return
        self._atomic(path, data)

    def _atomic(self, path: Path, data: bytes) -> None:
        """Write through a temporary file; keep the file's permissions (a .bak: its table's; new: as open() would make it)."""
        table = path.with_name(path.name[:-4]) if path.name.endswith(".bak") else None
        atomic_write(path, data, like=table)

    def _edit(self, kind: str, old: dict | None, new: dict | None) -> Edit:
        k = KINDS[kind]
        rid = _s((new if new is not None else old).get(k.id_col))
        return Edit(k.table, k.id_col, rid, old, new)

    def _actor_edits(self, row: dict) -> tuple[list[Edit], str]:
        """actors.csv rows (draft, type unknown) for an actor or claimant it lacks, and a note saying so."""
        if not (self.path / "actors.csv").exists() and not self.actors_table.rows:
            return [], ""
        known = {a.lower(): a for a in self.actors}
        edits, added = [], []
        for col in ("actor", "claimant"):
            name = _s(row.get(col)).strip()
            if not name or name in known.values() or name in added:
                continue
            if name.lower() in known:
                raise AnnotationError(f"actors.csv writes this name “{known[name.lower()]}”: write it the same way "
                                      "(choose it from the list)")
            t = self.actors_table
            header = list(t.header) or list(schema.TABLES["actors.csv"])
            new = dict.fromkeys(header, "") | {"actor": name, "type": "unknown", "status": DRAFT}
            edits.append(Edit("actors.csv", "actor", name, None, new, if_absent=True))
            added.append(name)
        note = "".join(f" (and added “{a}” to actors.csv as a draft row of type unknown: fill in its type, "
                       "country and description there)" for a in added)
        return edits, note

    def incomplete(self, kind: str, row: dict) -> list[str]:
        """What the corpus loader would still reject in this row: values it needs (a statement's cue, types)."""
        lacking = list(missing(kind, row))
        if kind == "statements" and not _s(row.get("cue_start")).strip():
            lacking.insert(0, "cue")
        return lacking

    def _save_row(self, kind: str, old: dict, new: dict, what: str, accept: bool = False) -> str:
        """Save ``new`` in place of ``old``: refused if it lacks what ``old`` had; draft while incomplete."""
        k = KINDS[kind]
        before, after = self.incomplete(kind, old), self.incomplete(kind, new)
        worse = [c for c in after if c not in before]
        if worse or (accept and after):
            raise AnnotationError(_needs(k.name, worse or after, accept))
        new["status"] = DRAFT if after else CHECKED
        edits, note = self._actor_edits(new)
        return self._commit(what + note, [*edits, self._edit(kind, old, new)])

    def accept(self, kind: str, row_id: str) -> str:
        """Mark a row as checked, as it is."""
        row = self.row(kind, row_id)
        new = self.check(kind, row, self._article_of(row).text)
        return self._save_row(kind, row, new, f"accepted {KINDS[kind].name} {row_id}", accept=True)

    def update(self, kind: str, row_id: str, changes: dict) -> str:
        """Change some columns of a row (spans by their start/end columns); the row becomes checked.

        A change that would leave out something the corpus loader needs (a statement's cue, speaker
        type or quote type) is refused; a row that lacked it already stays a draft until it is complete.
        """
        row = self.row(kind, row_id)
        article = self._article_of(row)
        merged = dict(row)
        merged.update({c: _s(v) for c, v in changes.items()})
        changed = {c for c in changes if _s(changes[c]) != _s(row.get(c))}
        if not changed:
            return f"{KINDS[kind].name} {row_id}: nothing changed"
        new = self.check(kind, merged, article.text, changed)
        cols = ", ".join(sorted({c.rsplit("_", 1)[0] if c.endswith(("_start", "_end")) else c for c in changed}))
        return self._save_row(kind, row, new, f"changed {cols or 'nothing'} of {KINDS[kind].name} {row_id}")

    def delete(self, kind: str, row_id: str) -> str:
        """Remove a row; links to it from other rows (figures' statement, nesting, subsets) are cleared."""
        row = self.row(kind, row_id)
        aid = _s(row.get("article_id"))
        edits = [self._edit(kind, row, None)]
        links = {"statements": [("statements", "nested_in"), ("statements", "repeat_of"), ("figures", "attribution_id")],
                 "figures": [("figures", "subset_of")], "terms": []}[kind]
        cleared = []
        for other, col in links:
            for r in self.tables[other].rows:
                if _s(r.get(col)) == row_id and r is not row:
                    edits.append(self._edit(other, r, dict(r, **{col: ""})))
                    cleared.append(_link_words(other, col, short_id(_s(r.get(KINDS[other].id_col)), aid),
                                               KINDS[kind].name))
        what = f"deleted {KINDS[kind].name} {row_id}"
        if cleared:
            what += f" ({'; '.join(cleared)})"
        return self._commit(what, edits)

    def new_id(self, kind: str, article_id: str, ids: set[str] | None = None) -> str:
        """An id for a new row that no row of the table uses, in the style of the article's ids."""
        k = KINDS[kind]
        if ids is None:
            ids = set(self.tables[kind].ids(k.id_col)) | set(read_table(self.path / k.table).ids(k.id_col))
        models = [r.get(k.id_col, "") for r in self.rows(kind, article_id)] or sorted(ids)
        prefix, width = k.prefix, 2
        for model in models:
            m = re.fullmatch(r"(.*?)(\d+)", model)
            if m:
                prefix, width = m.group(1), len(m.group(2))
                break
        numbers = [int(m.group(1)) for i in ids if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", i))]
        n = max(numbers, default=0) + 1
        while f"{prefix}{n:0{width}d}" in ids:
            n += 1
        return f"{prefix}{n:0{width}d}"

    def new_row(self, kind: str, article_id: str, start: int, end: int, **values) -> dict:
        """A new row (not saved) whose main span is ``start:end``, checked against the text; its id is empty."""
        if article_id not in self.articles:
            raise AnnotationError(f"no article {article_id!r} in this folder")
        k = KINDS[kind]
        header = list(self.tables[kind].header) or list(schema.TABLES[k.table])
        row = dict.fromkeys(header, "")
        row.update({c: _s(v) for c, v in values.items()})
        _, s_col, e_col = k.main
        row.update({"article_id": article_id, k.id_col: "", s_col: _s(start), e_col: _s(end)})
        return self.check(kind, row, self.text(article_id), set(row))

    def add(self, kind: str, article_id: str, start: int, end: int, **values) -> tuple[str, str]:
        """Add a row whose main span (content, figure text or term) is ``start:end``. Returns (id, message).

        The row must be complete (a statement needs its cue, speaker type and quote type too).
        """
        k = KINDS[kind]
        row = self.new_row(kind, article_id, start, end, **values)
        lacking = self.incomplete(kind, row)
        if lacking:
            raise AnnotationError(_needs(k.name, lacking, False))
        row[k.id_col] = new_id = self.new_id(kind, article_id)
        row["status"] = CHECKED
        edits, note = self._actor_edits(row)
        return new_id, self._commit(f"added {k.name} {new_id}{note}", [*edits, self._edit(kind, None, row)])

    def undo(self) -> str:
        """Take back the last change of this session.

        When the files are as this change left them they get their bytes back; otherwise only the
        rows it touched go back, and only if nobody changed them since (else it is refused).
        """
        if not self.history:
            raise AnnotationError("there is nothing to undo in this session")
        change = self.history[-1]
        try:
            now = {name: (self.path / name).read_bytes() if (self.path / name).exists() else None
                   for name in change.after}
            if now == change.after:
                for name, before in change.before.items():
                    self._replace(self.path / name, before, now[name])
                self.reload(texts=False)
            else:
                self._commit("", [e.inverse() for e in reversed(change.edits)], record=False, conflict=(
                    "cannot undo: this row was changed elsewhere since this change was saved: it is reloaded; "
                    "change it by hand if it is still wrong"))
        except OSError as exc:
            self.reload(texts=False)
            raise AnnotationError(f"could not undo: {exc.strerror or exc}") from None
        self.history.pop()
        return f"undid: {change.what}"

    def _article_of(self, row: dict) -> Article:
        aid = _s(row.get("article_id"))
        if aid not in self.articles:
            raise AnnotationError(f"the row's article {aid!r} is not in this folder's articles.csv (or its file "
                                  "cannot be read)")
        return self.articles[aid]

    # -- an article's own row (articles.csv)

    def article_row(self, article_id: str) -> dict:
        """The article's row of articles.csv (the first, if its id is listed twice)."""
        for r in self.articles_table.rows:
            if _s(r.get("article_id")).strip() == article_id:
                return r
        raise AnnotationError(f"articles.csv has no row for {article_id!r} any more")

    @property
    def outlets(self) -> list[str]:
        return sorted({_s(r.get("outlet")).strip() for r in self.outlets_table.rows} - {""})

    def _article_tables(self, old: dict, new: dict) -> tuple[list[Edit], str]:
        """The edits for an articles.csv row ``old`` -> ``new``; outlets.csv gains an unknown outlet."""
        edits = []  # outlets.csv first: stopped half-way, every outlet articles.csv names is still listed
        outlet, note = new.get("outlet", ""), ""
        if outlet and outlet not in self.outlets:
            same = [o for o in self.outlets if o.lower() == outlet.lower()]
            if same:
                raise AnnotationError(f"outlets.csv writes this outlet “{same[0]}”: write it the same way (choose it "
                                      "from the list)")
            header = list(self.outlets_table.header) or list(schema.TABLES["outlets.csv"])
            row = dict.fromkeys(header, "") | {"outlet": outlet, "ownership": "unknown", "status": DRAFT}
            edits.append(Edit("outlets.csv", "outlet", outlet, None, row, if_absent=True))
            note = (f" (and added “{outlet}” to outlets.csv as a draft row: fill in its country, ownership and "
                    "citation there)")
        edits.append(Edit("articles.csv", "article_id", _s(old.get("article_id")).strip(), old, new))
        return edits, note

    def _article_text(self, article_id: str) -> str:
        if article_id not in self.articles:
            raise AnnotationError(f"the text of {article_id!r} cannot be read, so its details cannot be checked")
        return self.articles[article_id].text

    def update_article(self, article_id: str, changes: dict) -> str:
        """Change some of the article's details (:data:`ARTICLE_FIELDS`); the row becomes checked.

        A new outlet is added to outlets.csv as a draft row, in the same change, so that
        the folder still validates.
        """
        unknown = sorted(set(changes) - set(ARTICLE_FIELDS))
        if unknown:
            raise AnnotationError(f"{', '.join(unknown)} cannot be edited here; the article's details are "
                                  f"{', '.join(ARTICLE_FIELDS)}")
        row = self.article_row(article_id)
        text = self._article_text(article_id)
        changed = {c for c, v in changes.items() if _s(v).strip() != _s(row.get(c)).strip()}
        if not changed:
            return f"article {article_id}: nothing changed"
        new = check_article(dict(row) | {c: _s(v) for c, v in changes.items()}, text, changed)
        new["status"] = CHECKED
        if MISSING_COL in row:  # a field a person filled in is no longer missing
            left = {f: why for f, why in missing_fields(row).items() if not (f in changed and new.get(f))}
            new[MISSING_COL] = "; ".join(f"{f}: {why}" for f, why in left.items())
        tables, note = self._article_tables(row, new)
        what = f"changed {', '.join(c.replace('_', ' ') for c in sorted(changed))} of article {article_id}"
        return self._commit(what + note, tables)

    def accept_article(self, article_id: str) -> str:
        """Mark the article's details checked, as they are (every field is checked first)."""
        row = self.article_row(article_id)
        new = check_article(row, self._article_text(article_id))
        lacking = article_missing(new)
        if lacking:
            raise AnnotationError(f"fill in the {' and the '.join(c.replace('_', ' ') for c in lacking)} before "
                                  "accepting")
        new["status"] = CHECKED
        tables, note = self._article_tables(row, new)
        return self._commit(f"accepted the details of article {article_id}" + note, tables)


# ----------------------------------------------------------------------------- the text view (browser side)

_ESM = r"""
const PARTS = ["content", "speaker", "cue", "figure", "term"];
const LEGEND = [
  ["content", "statement content (blue tint)"],
  ["speaker", "speaker (bold, underlined)"],
  ["cue", "cue (italic, dotted underline)"],
  ["figure", "figure (orange box)"],
  ["term", "framing term (yellow, dashed underline)"],
];

function cpLen(s) {
  let n = 0;
  for (const _ of s) n++;   // iterates code points, as Python counts
  return n;
}

function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "cla-annot";
  const legend = document.createElement("div");
  legend.className = "cla-legend";
  legend.setAttribute("role", "note");
  for (const [part, words] of LEGEND) {
    const key = document.createElement("span");
    key.className = "cla-key cla-" + part;
    key.textContent = words;
    legend.append(key, " ");
  }
  const hint = document.createElement("span");
  hint.className = "cla-hint";
  hint.textContent = "Click a highlight to choose its row. Select words with the mouse, then use a “selection” button.";
  legend.append(hint);
  const box = document.createElement("div");
  box.className = "cla-text";
  box.setAttribute("role", "document");
  box.setAttribute("aria-label", "Article text: select words with the mouse to set a span");
  root.append(legend, box);
  el.append(root);

  let lastFocus = null;
  function draw() {
    const frag = document.createDocumentFragment();
    for (const p of model.get("pieces")) {
      const span = document.createElement("span");
      span.dataset.s = String(p.s);
      span.textContent = p.t;
      for (const k of (p.k || "").split(" ")) {
        if (PARTS.includes(k)) span.classList.add("cla-" + k);
        if (k === "focus") span.classList.add("cla-focus");
        if (k === "draft") span.classList.add("cla-draft");
      }
      if (p.tip) span.title = p.tip;
      if (p.lab) span.dataset.lab = p.lab;
      if (p.r && p.r.length) span.dataset.r = p.r.join(" ");
      frag.append(span);
    }
    box.replaceChildren(frag);
    scrollToFocus(0);
  }

  // Bring the chosen row into view once, when it changes (not on every redraw).  On opening, the
  // box is not laid out yet: try again until it is (a hidden tab is laid out when it is shown).
  let waiting = null;
  function scrollToFocus(tries) {
    if (waiting !== null) { clearTimeout(waiting); waiting = null; }
    const focus = model.get("focus");
    const first = box.querySelector(".cla-focus");
    if (!focus || focus === lastFocus || !first) return;
    if (!box.isConnected || box.clientHeight === 0) {
      if (tries < 600) waiting = setTimeout(() => scrollToFocus(tries + 1), tries < 20 ? 50 : 500);
      return;
    }
    const outer = box.getBoundingClientRect(), inner = first.getBoundingClientRect();
    if (inner.top < outer.top || inner.bottom > outer.bottom) box.scrollTop += inner.top - outer.top - 60;
    lastFocus = focus;
  }

  // A DOM boundary point -> Python offset (code points) into the article.
  function offsetOf(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const piece = node.parentElement && node.parentElement.closest("[data-s]");
      if (piece && box.contains(piece)) return Number(piece.dataset.s) + cpLen(node.data.slice(0, offset));
    }
    // An element boundary, or a point outside the text: the start of the first piece after it.
    const here = document.createRange();
    here.setStart(node, offset);
    here.collapse(true);
    for (const piece of box.children) {
      if (here.comparePoint(piece, 0) >= 0) return Number(piece.dataset.s);
    }
    return model.get("length");
  }

  function report(inside) {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (!range.intersectsNode(box)) return;
    if (!inside && range.collapsed) return;
    let a = offsetOf(range.startContainer, range.startOffset);
    let b = offsetOf(range.endContainer, range.endOffset);
    if (b < a) [a, b] = [b, a];
    const old = model.get("selection") || {};
    model.set("selection", { start: a, end: b, n: (old.n || 0) + 1 });
    model.save_changes();
  }
  // Only a selection made in the text counts: a click elsewhere (the row list, a button) must not
  // send again words that are still selected from before.
  let downInside = false;
  const onMouseDown = (event) => { downInside = box.contains(event.target); };
  const onMouseUp = (event) => {
    const inside = box.contains(event.target);
    if (!downInside && !inside) return;
    downInside = false;
    setTimeout(() => report(inside), 0);
  };
  // A click (no words selected) on a highlight chooses its row; clicking again on overlapping
  // highlights goes through their rows in turn.
  const onClick = (event) => {
    const sel = window.getSelection();
    if (sel && sel.rangeCount && !sel.getRangeAt(0).collapsed) return;
    const piece = event.target.closest && event.target.closest("[data-r]");
    if (!piece || !box.contains(piece)) return;
    const refs = piece.dataset.r.split(" ");
    const chosen = model.get("focus");
    const at = refs.findIndex((r) => r.slice(r.indexOf(":") + 1) === chosen);
    const old = model.get("clicked") || {};
    model.set("clicked", { row: refs[(at + 1) % refs.length], n: (old.n || 0) + 1 });
    model.save_changes();
  };
  // When Python has used (or dropped) the selection, the words are no longer shown selected.
  const onSelection = () => {
    const sel = model.get("selection") || {};
    const dom = window.getSelection();
    if (sel.start === undefined && dom && dom.rangeCount && dom.getRangeAt(0).intersectsNode(box)) {
      dom.removeAllRanges();
    }
  };
  const onKeyUp = (event) => {
    if (event.shiftKey || event.key === "Shift") report(true);
  };
  document.addEventListener("mousedown", onMouseDown);
  document.addEventListener("mouseup", onMouseUp);
  box.addEventListener("keyup", onKeyUp);
  box.addEventListener("click", onClick);
  model.on("change:selection", onSelection);
  box.tabIndex = 0;
  // The pieces carry the focus classes, and Python sets `focus` before them: redraw on pieces only.
  model.on("change:pieces", draw);
  draw();
  return () => {
    document.removeEventListener("mousedown", onMouseDown);
    document.removeEventListener("mouseup", onMouseUp);
    model.off("change:pieces", draw);
    model.off("change:selection", onSelection);
    if (waiting !== null) clearTimeout(waiting);
  };
}

export default { render };
"""

_CSS = """
.cla-annot { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #1a1a1a;
  max-width: 100%; box-sizing: border-box; min-width: 0; }
.cla-legend { font-size: 12.5px; line-height: 2; margin: 0 0 6px 0; }
.cla-legend .cla-key { padding: 0 3px; margin-right: 4px; white-space: nowrap; }
.cla-hint { color: #4d4d4d; }
.cla-text { white-space: pre-wrap; overflow-wrap: anywhere; overflow-x: hidden; overflow-y: auto;
  max-height: 60vh; min-height: 12em; line-height: 1.75; font-size: 15px; padding: 8px 12px;
  border: 1px solid #bdbdbd; border-radius: 6px; background: #ffffff; color: #1a1a1a;
  user-select: text; -webkit-user-select: text; cursor: text; box-sizing: border-box; }
.cla-text [data-r] { cursor: pointer; }
.cla-text:focus { outline: 2px solid #0072B2; outline-offset: 1px; }
.cla-content { background: #D6ECFA; }
.cla-speaker { font-weight: 700; text-decoration: underline solid #0072B2 2px; text-underline-offset: 3px; }
.cla-cue { font-style: italic; text-decoration: underline dotted #0072B2 2px; text-underline-offset: 3px; }
.cla-figure { background: #F9E1B5; border: 2px solid #D55E00; border-radius: 2px; }
.cla-term { background: #FAF6BD; text-decoration: underline dashed #009E73 2px; text-underline-offset: 4px; }
.cla-text .cla-focus { outline: 2px solid #1a1a1a; outline-offset: 0; }
.cla-text [data-lab]::before { content: attr(data-lab); font: 600 11px/1.2 system-ui, sans-serif; color: #ffffff;
  background: #1a1a1a; border-radius: 3px; padding: 0 3px; margin-right: 2px; vertical-align: 2px;
  font-style: normal; text-decoration: none; display: inline-block; user-select: none; -webkit-user-select: none; }
"""


class TextView(anywidget.AnyWidget):
    """The article text with highlights; reports the mouse selection as Python offsets.

    ``pieces``: ``[{"s": start, "t": text, "k": "content speaker …", "tip": hover text, "lab": label}]``
    whose texts joined are the article.  ``selection``: ``{"start", "end", "n"}`` set by the browser
    (``n`` counts selections, so selecting the same words twice is still a change).
    """

    _esm = _ESM
    _css = _CSS
    pieces = traitlets.List(traitlets.Dict()).tag(sync=True)
    length = traitlets.Int(0).tag(sync=True)
    focus = traitlets.Unicode("").tag(sync=True)
    selection = traitlets.Dict().tag(sync=True)
    clicked = traitlets.Dict().tag(sync=True)


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    part: str      # content, speaker, cue, figure, term
    row_id: str
    tip: str
    draft: bool
    label: str = ""   # the short id shown in the text (the row id when empty)
    kind: str = ""    # statements, figures, terms: a click on the mark chooses ``kind:row_id``


def cut_pieces(text: str, marks: list[Mark], focus: str = "") -> list[dict]:
    """The text cut at every mark boundary: one dict per piece (see :class:`TextView`).

    ``r`` lists the rows a piece belongs to as ``kind:id``, the shortest mark first (what a click chooses).
    """
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text)} | {p for m in marks for p in (m.start, m.end)})
    pieces = []
    for lo, hi in itertools.pairwise(cuts):
        over = [m for m in marks if m.start <= lo and m.end >= hi]
        kinds = []
        for m in sorted(over, key=lambda m: ("content", "speaker", "cue", "figure", "term").index(m.part)):
            if m.part not in kinds:
                kinds.append(m.part)
        if any(m.row_id == focus for m in over):
            kinds.append("focus")
        if any(m.draft for m in over):
            kinds.append("draft")
        tips = list(dict.fromkeys(m.tip for m in over))
        labels = [f"{m.label or m.row_id} {m.part}" for m in over if m.row_id == focus and m.start == lo]
        refs = list(dict.fromkeys(f"{m.kind}:{m.row_id}" for m in sorted(over, key=lambda m: m.end - m.start)
                                  if m.kind))
        pieces.append({"s": lo, "t": text[lo:hi], "k": " ".join(kinds), "tip": "\n".join(tips),
                       "lab": " · ".join(labels), "r": refs})
    return pieces


def _status_word(row: dict) -> str:
    return "draft" if status_of(row) == DRAFT else "checked"


def marks_of_row(kind: str, r: dict, rid: str | None = None, label: str | None = None) -> list[Mark]:
    """The highlights of one row (``rid``/``label`` name a row that has no id yet)."""
    k = KINDS[kind]
    rid = _s(r.get(k.id_col)) if rid is None else rid
    label = short_id(rid, _s(r.get("article_id"))) if label is None else label
    draft, ref = status_of(r) == DRAFT, ("" if label == "new" else kind)
    marks = []
    if kind == "statements":
        who = _s(r.get("speaker")) or "no named speaker"
        if _s(r.get("actor")) and r.get("actor") != r.get("speaker"):
            who += f" → {r.get('actor')}"
        if _s(r.get("speaker_type")):
            who += f" ({r.get('speaker_type')})"
        how = f"{r.get('quote_type')} quote" if _s(r.get("quote_type")) else "statement"
        for part in ("speaker", "cue", "content"):
            s, e = _int(r.get(f"{part}_start")), _int(r.get(f"{part}_end"))
            if s is not None and e is not None:
                tip = f"Statement {rid} ({_status_word(r)}) — {part}: {how} by {who}"
                marks.append(Mark(s, e, part, rid, tip, draft, label, ref))
        return marks
    s, e = _int(r.get("start")), _int(r.get("end"))
    if s is None or e is None:
        return marks
    if kind == "figures":
        tip = (f"Figure {rid} ({_status_word(r)}) — {_s(r.get('measure')) or 'number'}: "
               f"{figure_range(r.get('low'), r.get('high'))} {_s(r.get('unit'))}".rstrip()
               + (f", claimed by {r.get('claimant')}" if _s(r.get("claimant")) else ", in the outlet's own voice"))
        return [Mark(s, e, "figure", rid, tip, draft, label, ref)]
    tip = f"Term {rid} ({_status_word(r)}) — {_s(r.get('category')) or 'term'}"
    if _s(r.get("refers_to")):
        tip += f", refers to {r.get('refers_to')}"
    return [Mark(s, e, "term", rid, tip, draft, label, ref)]


def marks_for(folder: DraftFolder, article_id: str) -> list[Mark]:
    return [m for kind in KINDS for r in folder.rows(kind, article_id) for m in marks_of_row(kind, r)]


def _int(value) -> int | None:
    try:
        return int(_s(value).strip())
    except ValueError:
        return None


# ----------------------------------------------------------------------------- the widget

_STYLE = {"description_width": "initial"}
_COLOURS = {"ok": GREEN, "error": VERMILLION, "info": BLUE}
_FIELD_TIPS = {
    "actor": "The canonical entity the speaker stands for (a name from actors.csv)",
    "speaker_type": "person, institution, or anonymous (an unnamed official or a vague collective)",
    "quote_type": "direct (in quotation marks), indirect (paraphrase) or mixed",
    "claimant": "Who claims the number (a name from actors.csv); empty when the outlet states it itself",
    "measure": "What is counted: killed, civilians killed, injured, strikes, …",
    "low": "The lower bound as a number (26, 12.5); empty when the text gives none. Never 0 for a vague figure",
    "high": "The upper bound as a number; empty when the text gives none",
    "unit": "The unit: people, strikes, miles, …",
    "category": "actor_label, hedge, aside or evaluative",
    "refers_to": "Who or what the term labels",
}


_ARTICLE_LABELS = {"outlet": "Outlet", "headline": "Headline", "dateline": "Dateline", "byline": "Byline",
                   "wire": "Wire", "relays": "Relays", "published": "Published", "date_confidence": "Date confidence",
                   "date_evidence": "Date evidence", "event": "Event"}
_ARTICLE_TIPS = {
    "outlet": "The outlet that published the article (a name from outlets.csv); never the wire: a TASS story run "
              "by UrduPoint News has the outlet UrduPoint News. A new name is added to outlets.csv as a draft",
    "headline": "The headline, word for word as it stands in the text",
    "dateline": "The dateline, word for word (such as “WASHINGTON, September 2. /TASS/.”); empty when there is none",
    "byline": "The byline (the author), word for word; empty when there is none",
    "wire": "The news agency credited in the dateline (TASS, Reuters, …); empty when none is credited",
    "relays": "Other outlets whose reporting the article passes on, separated by “; ”",
    "published": "The publication date, written YYYY-MM-DD",
    "date_confidence": "high: the text states the date; medium or low: you worked it out",
    "date_evidence": "Your reasoning for the date: weekdays, officeholders, dated events, and why a copyright "
                     "line is not a publication date",
    "event": "The event the article reports, in a few words",
}


def _message(kind: str, text: str) -> str:
    return (f'<div role="status" aria-live="polite" style="border-left:6px solid {_COLOURS[kind]};'
            f'padding:4px 10px;margin:4px 0;background:#f7f7f7;overflow-wrap:anywhere">{esc(text)}</div>')


class Annotator(Shown):
    """The correction widget for a draft folder.  Display it in a notebook cell.

    Parts that code (and tests) can drive: ``.article`` (Dropdown), ``.kind``
    (ToggleButtons), ``.rows`` (Select of row ids), ``.text`` (:class:`TextView`;
    set ``.text.selection = {"start": s, "end": e}`` as the browser does),
    ``.fields`` (column -> widget of the form), ``.set_buttons`` (span text
    column -> "from selection" button), ``.accept_button``, ``.delete_button``,
    ``.undo_button``, ``.add_statement_button``, ``.add_figure_button``,
    ``.add_term_button`` and ``.status`` (the message shown last).  ``.summaries`` (kind -> the
    chosen row's one-line summary at the top of its form); ``.pending`` (a new row that is not
    complete yet, so not saved; None otherwise); ``.text.clicked = {"row": "kind:id", "n": n}``
    is what the browser sends when a highlight is clicked.

    The Article tab (``.kind.value = "article"``) shows the article's row of
    articles.csv: ``.article_fields`` (column -> widget, saved on Enter or when
    left), ``.article_notes`` (what the machine inferred or could not),
    ``.article_set_buttons`` / ``.article_clear_buttons`` (headline, dateline,
    byline from the selection, or empty), ``.article_accept_button`` and
    ``.article_save_button``.
    """

    def __init__(self, folder):
        self._busy = False
        self.last_message = ("info", "")
        self.status = W.HTML(layout=W.Layout(width="auto", min_height="2.2em"))
        try:
            self.folder = folder if isinstance(folder, DraftFolder) else DraftFolder(folder)
        except AnnotationError as exc:  # shown in the widget, not as a traceback
            self.folder = None
            self._say("error", f"Cannot open {folder}: {exc}.")
            self.widget = W.VBox([self.status], layout=W.Layout(width="auto"))
            self.widget.add_class("cla-annotator")
            return
        f = self.folder

        self.title = W.HTML()
        self.article = W.Dropdown(description="Article", tooltip="Choose the article to correct", style=_STYLE,
                                  layout=W.Layout(width="auto", min_width="16em", flex="1 1 24em"))
        self.kind = W.ToggleButtons(options=[("Statements", "statements"), ("Figures", "figures"), ("Terms", "terms"),
                                             ("Article", ARTICLE)],
                                    value="statements", description="Rows",
                                    tooltips=["Who said what: speaker, cue and content",
                                              "Numbers and vague quantities",
                                              "Framing labels, hedges, asides and evaluative words",
                                              "The article's details: outlet, headline, date, dateline, byline, "
                                              "wire, relays, event"],
                                    style={"description_width": "initial", "button_width": "auto"},
                                    layout=W.Layout(width="auto"))
        self.undo_button = W.Button(description="Undo", icon="undo", tooltip="Take back the last saved change",
                                    layout=W.Layout(width="auto"))
        self.counter = W.HTML(layout=W.Layout(width="auto"))
        self.text = TextView(layout=W.Layout(width="auto"))
        self.selected = W.HTML(value=self._selection_html(), layout=W.Layout(width="auto"))
        self.rows = W.Select(description="", rows=9, tooltip="The rows of this kind in this article; choose one to "
                             "edit it", layout=W.Layout(width="auto"))
        self.accept_button = W.Button(description="Accept", icon="check", button_style="success",
                                      tooltip="The row is right as it is: mark it checked",
                                      layout=W.Layout(width="auto"))
        self.delete_button = W.Button(description="Delete", icon="trash", button_style="danger",
                                      tooltip="The row is wrong: remove it", layout=W.Layout(width="auto"))
        self.add_statement_button = W.Button(description="New statement", icon="plus",
                                             tooltip="Add a statement whose content is the selected text",
                                             layout=W.Layout(width="auto"))
        self.add_figure_button = W.Button(description="New figure", icon="plus",
                                          tooltip="Add a figure whose text is the selected words",
                                          layout=W.Layout(width="auto"))
        self.add_term_button = W.Button(description="New term", icon="plus",
                                        tooltip="Add a framing term: the selected words",
                                        layout=W.Layout(width="auto"))

        self.fields: dict[str, W.Widget] = {}
        self.previews: dict[str, W.HTML] = {}
        self.set_buttons: dict[str, W.Button] = {}
        self.clear_buttons: dict[str, W.Button] = {}
        self.summaries: dict[str, W.HTML] = {}
        self.pending: dict | None = None  # a new row that is not complete yet, so not saved
        self._shown_focus: str | None = None
        self.forms = {k: self._form(k) for k in KINDS}
        self.form_box = W.VBox(layout=W.Layout(width="auto"))
        self._build_article_form()

        head = W.HBox([self.article, self.undo_button], layout=W.Layout(flex_flow="row wrap", align_items="center",
                                                                       width="auto"))
        kindbar = W.HBox([self.kind, self.counter], layout=W.Layout(flex_flow="row wrap", align_items="center",
                                                                    width="auto"))
        left = W.VBox([self.text, self.selected],
                      layout=W.Layout(flex="3 1 28em", min_width="0", width="auto", margin="0 12px 0 0"))
        actions = W.HBox([self.accept_button, self.delete_button], layout=W.Layout(flex_flow="row wrap"))
        adds = W.HBox([self.add_statement_button, self.add_figure_button, self.add_term_button],
                      layout=W.Layout(flex_flow="row wrap"))
        self._kindbar = kindbar
        self._row_parts = [self.rows, actions, self.form_box, W.HTML("<b>Add what the draft missed</b> "
                           "(select the words first)"), adds]
        right = W.VBox([kindbar, *self._row_parts], layout=W.Layout(flex="2 1 22em", min_width="0", width="auto"))
        self._right = right
        main = W.HBox([left, right], layout=W.Layout(flex_flow="row wrap", width="auto", align_items="flex-start"))
        self.widget = W.VBox([self.title, head, self.status, main],
                             layout=W.Layout(width="auto"))
        self.widget.add_class("cla-annotator")

        self.article.observe(self._on_article, names="value")
        self.kind.observe(self._on_kind, names="value")
        self.rows.observe(self._on_row, names="value")
        self.text.observe(self._on_selection, names="selection")
        self.text.observe(self._on_click, names="clicked")
        self.accept_button.on_click(self._on_accept)
        self.delete_button.on_click(self._on_delete)
        self.undo_button.on_click(self._on_undo)
        self.add_statement_button.on_click(lambda b: self._on_add("statements"))
        self.add_figure_button.on_click(lambda b: self._on_add("figures"))
        self.add_term_button.on_click(lambda b: self._on_add("terms"))

        self._refresh_articles(first=True)
        notes = list(f.problems)
        if not f.articles:
            self._say("error", f"No articles to annotate in {f.path}: articles.csv must list the article files.")
        elif not f.writable():
            self._say("error", f"The folder {f.path} is read-only: you can look, but changes cannot be saved.")
        elif notes:
            self._say("info", "; ".join(notes))
        else:
            self._say("info", "Choose a row to check it. Every change is saved at once; Undo takes it back.")

    # -- building

    def _form(self, kind: str) -> W.VBox:
        k = KINDS[kind]
        self.summaries[kind] = W.HTML(layout=W.Layout(width="auto"))
        children = [self.summaries[kind]]
        top = []
        if kind == "statements":  # the types first: at 1366x768 the end of the form is below the fold
            self.fields["statements:speaker_type"] = W.Dropdown(options=["", "person", "institution", "anonymous"],
                                                                description="Speaker type")
            self.fields["statements:quote_type"] = W.Dropdown(options=["", "direct", "indirect", "mixed"],
                                                              description="Quote type")
            top = ["speaker_type", "quote_type"]
            for col in top:
                self._style_field(kind, col)
            children.append(W.HBox([self.fields[f"statements:{c}"] for c in top],
                                   layout=W.Layout(flex_flow="row wrap", width="auto", margin="0 0 4px 0")))
        for text_col, s_col, e_col in k.spans:
            part = _PART_NAMES[text_col]
            start = W.Text(placeholder="start", tooltip=f"Where the {part} starts (character offset)",
                           continuous_update=False, layout=W.Layout(width="5.2em"))
            end = W.Text(placeholder="end", tooltip=f"Where the {part} ends (character offset, exclusive)",
                         continuous_update=False, layout=W.Layout(width="5.2em"))
            setb = W.Button(description="selection", icon="i-cursor",
                            tooltip=f"Set the {part} to the words selected in the article",
                            layout=W.Layout(width="auto"))
            row = [W.HTML(f"<b>{esc(part.capitalize())}</b>", layout=W.Layout(width="5.2em")), start, end, setb]
            key = f"{kind}:{text_col}"
            if text_col == "speaker":  # (a statement without a cue is left out by the loader: no ✕ for it)
                clear = W.Button(description="", icon="times", tooltip=f"This statement has no {part}: clear it",
                                 layout=W.Layout(width="2.4em"))
                clear.on_click(lambda b, kind=kind, tc=text_col: self._on_clear(kind, tc))
                self.clear_buttons[key] = clear
                row.append(clear)
            setb.on_click(lambda b, kind=kind, tc=text_col: self._on_set_span(kind, tc))
            self.set_buttons[key] = setb
            preview = W.HTML(layout=W.Layout(width="auto", margin="0 0 4px 5.4em"))
            self.previews[key] = preview
            self.fields[f"{kind}:{s_col}"], self.fields[f"{kind}:{e_col}"] = start, end
            children += [W.HBox(row, layout=W.Layout(flex_flow="row wrap", align_items="center")), preview]
        actors = self.folder.actors
        if kind == "statements":
            self.fields["statements:actor"] = W.Combobox(options=actors, description="Actor", ensure_option=False,
                                                         continuous_update=False)
            cols = ["actor"]
        elif kind == "figures":
            self.fields["figures:claimant"] = W.Combobox(options=actors, description="Claimant", ensure_option=False,
                                                         continuous_update=False)
            measures = sorted({_s(r.get("measure")) for r in self.folder.rows("figures")} - {""})
            self.fields["figures:measure"] = W.Combobox(options=measures, description="Measure",
                                                        ensure_option=False, continuous_update=False)
            self.fields["figures:low"] = W.Text(description="Low", placeholder="empty: no lower bound",
                                                continuous_update=False)
            self.fields["figures:high"] = W.Text(description="High", placeholder="empty: no upper bound",
                                                 continuous_update=False)
            units = sorted({_s(r.get("unit")) for r in self.folder.rows("figures")} - {""})
            self.fields["figures:unit"] = W.Combobox(options=units, description="Unit", ensure_option=False,
                                                     continuous_update=False)
            cols = ["claimant", "measure", "low", "high", "unit"]
        else:
            self.fields["terms:category"] = W.Dropdown(
                options=[""] + sorted(schema.ALLOWED[("terms.csv", "category")]), description="Category")
            self.fields["terms:refers_to"] = W.Text(description="Refers to", continuous_update=False)
            cols = ["category", "refers_to"]
        for col in cols:
            children.append(self._style_field(kind, col))
        for key, w in self.fields.items():
            if key.startswith(kind + ":"):
                w.observe(lambda ch, kind=kind: self._on_field(kind), names="value")
        return W.VBox(children, layout=W.Layout(width="auto", border="1px solid #d0d0d0", padding="6px",
                                                margin="6px 0"))

    def _style_field(self, kind: str, col: str) -> W.Widget:
        w = self.fields[f"{kind}:{col}"]
        w.tooltip = _FIELD_TIPS[col]
        w.style = {"description_width": "7.5em"}
        w.layout = W.Layout(width="auto", max_width="26em")
        return w

    # -- showing

    def _say(self, kind: str, text: str) -> None:
        self.last_message = (kind, text)
        self.status.value = _message(kind, text)

    @property
    def message(self) -> str:
        """The text of the message shown last."""
        return self.last_message[1]

    def _refresh_articles(self, first: bool = False, row_id: str | None = None) -> None:
        f = self.folder
        options = []
        counts = f.drafts_by_article()
        for aid, art in f.articles.items():
            n = counts.get(aid, 0)
            options.append((f"{art.label} — {n} draft{'s' if n != 1 else ''}" if n else f"{art.label} — all checked",
                            aid))
        current = self.article.value
        if first:
            current = next((aid for aid in f.articles if counts.get(aid)), next(iter(f.articles), None))
        self._busy = True
        try:
            self.article.options = options
            self.article.value = current if current in f.articles else (options[0][1] if options else None)
        finally:
            self._busy = False
        if first:
            kinds = [k for k in KINDS if f.drafts(k, self.article.value)] if self.article.value else []
            if not kinds and self.article.value and status_of(self._article_row_or_empty()) == DRAFT:
                kinds = [ARTICLE]
            self._busy = True
            try:
                self.kind.value = kinds[0] if kinds else "statements"
            finally:
                self._busy = False
        self._refresh(keep_row=not first, row_id=row_id)

    def _refresh(self, keep_row: bool = True, row_id: str | None = None) -> None:
        """Redraw the text, the row list, the counter and the form from the folder."""
        f, aid, kind = self.folder, self.article.value, self.kind.value
        self.title.value = (f'<div style="font-size:1.1em;font-weight:600;overflow-wrap:anywhere">Correcting the '
                            f'draft in {esc(f.path.name or str(f.path))}</div>')
        if aid is None:
            self.text.pieces, self.text.length = [], 0
            self.rows.options = []
            self.form_box.children = []
            self.counter.value = ""
            return
        if kind == ARTICLE:
            self._show_article()
            return
        if self._right.children[1] is not self.rows:
            self._right.children = [self._kindbar, *self._row_parts]
        k = KINDS[kind]
        rows = f.rows(kind, aid)
        options = [(self._row_label(kind, r), r[k.id_col]) for r in rows if r.get(k.id_col)]
        wanted = row_id if row_id is not None else (self.rows.value if keep_row else None)
        ids = [v for _, v in options]
        if self.pending is not None:
            wanted = None  # the form shows the new row, which is not in the list until it is saved
        elif wanted not in ids:
            wanted = next((r[k.id_col] for r in rows if status_of(r) == DRAFT and r.get(k.id_col)),
                          ids[0] if ids else None)
        self._busy = True
        try:
            self.rows.options = options
            self.rows.value = wanted
        finally:
            self._busy = False
        left, total = f.drafts(kind, aid), len(rows)
        all_left = f.drafts()
        self.counter.value = (f'<span style="margin-left:8px">{left} of {total} {esc(kind)} here still draft'
                              f'{"" if left == 1 else "s"} · {all_left} draft row{"" if all_left == 1 else "s"} '
                              f'left in the folder</span>')
        self._show_row()

    def _row_label(self, kind: str, r: dict) -> str:
        k = KINDS[kind]
        lacking = self.folder.incomplete(kind, r)
        flag = "DRAFT" if status_of(r) == DRAFT else "✓ checked"
        if lacking:
            flag += f" (needs {', '.join(c.replace('_', ' ') for c in lacking)})"
        if kind == "statements":
            speaker, actor = " ".join(_s(r.get("speaker")).split()), _s(r.get("actor")).strip()
            who = speaker or "(no speaker)"
            if actor and actor != speaker:
                who += f" → {actor}"
            what = f"{who}: “{_short(_s(r.get('content')), 50)}”"
        elif kind == "figures":
            what = (f"{_s(r.get('measure')) or 'figure'} {figure_range(r.get('low'), r.get('high'))}: "
                    f"“{_short(_s(r.get('text')), 40)}”")
        else:
            what = f"{_s(r.get('category')) or 'term'}: “{_short(_s(r.get('term')), 40)}”"
        return f"{flag} {short_id(_s(r.get(k.id_col)), _s(r.get('article_id')))} · {what}"

    def _show_row(self) -> None:
        """Fill the form with the chosen row (or the new row not saved yet); redraw the text with it in focus."""
        kind, rid, aid = self.kind.value, self.rows.value, self.article.value
        pending = self.pending
        marks = marks_for(self.folder, aid)
        if pending is not None:
            marks += marks_of_row(kind, pending, "NEW", "new")
        focus = "NEW" if pending is not None else (rid or "")
        if focus != self._shown_focus:  # another row (or article): a selection made before is not for it
            self._shown_focus = focus
            self.text.selection = {}
        self.text.length = len(self.folder.text(aid))
        self.text.focus = focus
        self.text.pieces = cut_pieces(self.folder.text(aid), marks, focus)
        has_row = rid is not None or pending is not None
        self.accept_button.disabled = self.delete_button.disabled = not has_row
        self.delete_button.description = "Discard" if pending is not None else "Delete"
        self.undo_button.disabled = not self.folder.history
        if not has_row:
            self.form_box.children = [W.HTML(f"<i>No {esc(kind)} in this article yet. Select words in the text "
                                             "and add one below.</i>")]
            return
        self.form_box.children = [self.forms[kind]]
        row = pending if pending is not None else self.folder.row(kind, rid)
        self.summaries[kind].value = self._summary_html(kind, row)
        self._busy = True
        try:
            for key, w in self.fields.items():
                k, col = key.split(":", 1)
                if k != kind:
                    continue
                value = _s(row.get(col))
                if isinstance(w, W.Dropdown) and value not in w.options:
                    w.options = list(w.options) + [value]
                w.value = value
        finally:
            self._busy = False
        self._show_previews(kind, row)

    def _summary_html(self, kind: str, row: dict) -> str:
        """The chosen row in one line: which, its status, and what it still needs."""
        k = KINDS[kind]
        lacking = self.folder.incomplete(kind, row)
        needs = (f' · <span style="color:#A33C00">still needs: {esc(", ".join(c.replace("_", " ") for c in lacking))}'
                 '</span>' if lacking else "")
        if row is self.pending:
            head = f"<b>New {esc(k.name)}</b> · not saved yet: it is saved when it is complete"
        else:
            rid = _s(row.get(k.id_col))
            state = "<b>DRAFT</b>" if status_of(row) == DRAFT else "<b>✓ checked</b>"
            head = (f'<span title="{esc(rid)}">{esc(k.name.capitalize())} '
                    f'<b>{esc(short_id(rid, _s(row.get("article_id"))))}</b></span> · {state}')
        return f'<div style="overflow-wrap:anywhere;margin-bottom:4px">{head}{needs}</div>'

    def _show_previews(self, kind: str, row: dict) -> None:
        for text_col, _, _ in KINDS[kind].spans:
            verbatim = _s(row.get(text_col))
            shown = f"“{esc(_short(verbatim, 140))}”" if verbatim else "<i>none</i>"
            self.previews[f"{kind}:{text_col}"].value = (
                f'<span style="color:#4d4d4d;font-size:0.9em;overflow-wrap:anywhere">{shown}</span>')

    def _selection_html(self) -> str:
        sel = getattr(self, "text", None) and self.text.selection
        if self.article.value is None:
            return ""
        if not sel or sel.get("start") is None or sel.get("start") == sel.get("end"):
            return ('<span style="color:#4d4d4d;font-size:0.9em">Nothing selected: select words in the text '
                    'with the mouse.</span>')
        text = self.folder.text(self.article.value)
        s, e = int(sel["start"]), int(sel["end"])
        return (f'<span style="font-size:0.9em;overflow-wrap:anywhere">Selected {s}–{e}: '
                f'“{esc(_short(text[s:e], 120))}”</span>')

    # -- handlers

    def _drop_pending(self) -> str:
        """Forget the new row that was not complete; a note for the message ("" when there was none)."""
        if self.pending is None:
            return ""
        self.pending = None
        return " The new row was not complete, so it was not saved."

    def _on_article(self, change):
        if self._busy:
            return
        note = self._drop_pending()
        self.text.selection = {}
        self._refresh(keep_row=False)
        n = self.folder.drafts(article_id=self.article.value)
        self._say("info", (f"{n} draft row{'' if n == 1 else 's'} left in this article." if n
                           else "Every row of this article is checked.") + note)

    def _on_kind(self, change):
        if not self._busy:
            note = self._drop_pending()
            self._refresh(keep_row=False)
            if note:
                self._say("info", note.strip())

    def _on_row(self, change):
        if not self._busy and change["new"] is not None:
            note = self._drop_pending()
            self._show_row()
            if note:
                self._say("info", note.strip())

    def _on_click(self, change):
        """A click on a highlight in the text chooses its row."""
        ref = _s((change["new"] or {}).get("row"))
        kind, _, rid = ref.partition(":")
        if kind not in KINDS or not rid or self.article.value is None:
            return
        try:
            self.folder.row(kind, rid)
        except AnnotationError as exc:
            self._say("error", f"{exc}.")
            return
        note = self._drop_pending()
        self._busy = True
        try:
            self.kind.value = kind
        finally:
            self._busy = False
        self._refresh(row_id=rid)
        if note:
            self._say("info", note.strip())

    def _on_selection(self, change):
        self.selected.value = self._selection_html()

    def _after_save(self, message: str, row_id: str | None = None, saved: str | None = None) -> None:
        """Redraw, choosing ``row_id``; the message notes what the saved row ``saved`` still lacks."""
        self._refresh_articles(row_id=row_id)
        note = ""
        if saved is not None:
            lacking = self.folder.incomplete(self.kind.value, self.folder.row(self.kind.value, saved))
            if lacking:
                note = (f" It stays a draft until it is complete; still to choose: "
                        f"{', '.join(c.replace('_', ' ') for c in lacking)}.")
        self._say("ok", f"Saved: {message}.{note}")

    def _selection(self) -> tuple[int, int]:
        """The current selection, trimmed of surrounding white space; AnnotationError when there is none."""
        sel = self.text.selection or {}
        if self.article.value is None:
            raise AnnotationError("there is no article to annotate in this folder")
        text = self.folder.text(self.article.value)
        try:
            s, e = int(sel.get("start")), int(sel.get("end"))
        except (TypeError, ValueError):
            raise AnnotationError("nothing is selected: select words in the article first") from None
        if not (0 <= s <= e <= len(text)):
            raise AnnotationError(f"the selection {s}–{e} is outside the text ({len(text)} characters): select "
                                  "again")
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            raise AnnotationError("the selection is empty: select words in the article first")
        return s, e

    def _form_values(self, kind: str) -> dict:
        return {key.split(":", 1)[1]: _s(w.value) for key, w in self.fields.items() if key.startswith(kind + ":")}

    def _apply_pending(self, kind: str, values: dict) -> bool:
        """Change the new row that is not saved yet; save it once it is complete."""
        f, aid, row = self.folder, self.article.value, self.pending
        changed = {c for c in values if _s(values[c]) != _s(row.get(c))}
        if not changed:
            return True
        try:
            new = f.check(kind, dict(row) | {c: _s(v) for c, v in values.items()}, f.text(aid), changed)
            lacking = f.incomplete(kind, new)
            if not lacking:
                k = KINDS[kind]
                _, s_col, e_col = k.main
                rest = {c: v for c, v in new.items() if c not in (k.id_col, "article_id", s_col, e_col, "status")}
                new_id, message = f.add(kind, aid, int(new[s_col]), int(new[e_col]), **rest)
        except AnnotationError as exc:
            self._say("error", f"Not saved: {exc}.")
            return False
        if lacking:
            self.pending = new
            self._show_row()
            self._say("info", f"Not saved yet: the new {KINDS[kind].name} still needs its "
                      f"{', '.join(c.replace('_', ' ') for c in lacking)}; it is saved when it is complete.")
            return True
        self.pending = None
        self._after_save(message, new_id, saved=new_id)
        return True

    def _apply(self, kind: str, values: dict) -> bool:
        if self.pending is not None:
            return self._apply_pending(kind, values)
        rid = self.rows.value
        if rid is None:
            return False
        try:
            message = self.folder.update(kind, rid, values)
        except AnnotationError as exc:
            self._say("error", f"Not saved: {exc}.")
            self._refresh()  # the form shows what is saved (reloaded when the row was changed elsewhere)
            return False
        if message.endswith("nothing changed"):
            self._say("info", message[0].upper() + message[1:] + ".")
            return True
        self._after_save(message, rid, saved=rid)
        return True

    def _chosen_row(self, kind: str) -> dict | None:
        if self.pending is not None:
            return self.pending
        if self.rows.value is None:
            return None
        return self.folder.row(kind, self.rows.value)

    def _on_field(self, kind: str) -> None:
        if self._busy:
            return
        self._apply(kind, self._form_values(kind))

    def _on_set_span(self, kind: str, text_col: str) -> None:
        row = self._chosen_row(kind)
        if row is None:
            self._say("error", f"Not saved: there is no {KINDS[kind].name} chosen; add one first.")
            return
        try:
            s, e = self._selection()
        except AnnotationError as exc:
            self._say("error", f"Not saved: {exc}.")
            return
        self.text.selection = {}  # used: it is not applied a second time, to this row or another
        _, s_col, e_col = next(sp for sp in KINDS[kind].spans if sp[0] == text_col)
        values = {col: _s(row.get(col)) for col in self._form_values(kind)}  # unsaved typing is not sent along
        values[s_col], values[e_col] = str(s), str(e)
        self._apply(kind, values)

    def _on_clear(self, kind: str, text_col: str) -> None:
        if self._chosen_row(kind) is None:
            return
        _, s_col, e_col = next(sp for sp in KINDS[kind].spans if sp[0] == text_col)
        self._apply(kind, {s_col: "", e_col: ""})

    def _on_accept(self, button=None) -> None:
        kind, rid = self.kind.value, self.rows.value
        if self.pending is not None:
            lacking = self.folder.incomplete(kind, self.pending)
            self._say("error", f"Not saved: choose the {' and the '.join(c.replace('_', ' ') for c in lacking)} "
                      "of the new row first; it is saved as soon as it is complete.")
            return
        if rid is None:
            self._say("error", "Nothing to accept: choose a row first.")
            return
        try:
            message = self.folder.accept(kind, rid)
        except AnnotationError as exc:
            self._say("error", f"Not saved: {exc}.")
            self._refresh()
            return
        # on to the next draft of this kind after this row (in list order), else the first draft before it
        k = KINDS[kind]
        ids = [r[k.id_col] for r in self.folder.rows(kind, self.article.value) if r.get(k.id_col)]
        drafts = {r[k.id_col] for r in self.folder.rows(kind, self.article.value) if status_of(r) == DRAFT}
        here = ids.index(rid) if rid in ids else -1
        nxt = next((i for i in ids[here + 1:] + ids[:here + 1] if i in drafts), rid)
        self._after_save(message, nxt, saved=rid)

    def _on_delete(self, button=None) -> None:
        kind, rid = self.kind.value, self.rows.value
        if self.pending is not None:
            self.pending = None
            self._refresh(keep_row=False)
            self._say("info", f"The new {KINDS[kind].name} was discarded (it had not been saved).")
            return
        if rid is None:
            self._say("error", "Nothing to delete: choose a row first.")
            return
        try:
            message = self.folder.delete(kind, rid)
        except AnnotationError as exc:
            self._say("error", f"Not saved: {exc}.")
            self._refresh()
            return
        self._after_save(message + " (Undo brings it back)")

    def _on_undo(self, button=None) -> None:
        self._drop_pending()
        try:
            message = self.folder.undo()
        except AnnotationError as exc:
            msg = str(exc)
            self._refresh_articles()
            self._say("error", msg[0].upper() + msg[1:] + ".")
            return
        self._refresh_articles()
        self._say("ok", message[0].upper() + message[1:] + ".")

    def _on_add(self, kind: str) -> None:
        f, aid = self.folder, self.article.value
        try:
            s, e = self._selection()
            values = {}
            if kind == "figures":
                words = f.text(aid)[s:e].strip()
                if _NUMBER_RE.fullmatch(words):
                    values = {"low": words, "high": words}
            row = f.new_row(kind, aid, s, e, **values)
            lacking = f.incomplete(kind, row)
            if not lacking:
                new_id, message = f.add(kind, aid, s, e, **values)
        except AnnotationError as exc:
            self._say("error", f"Not saved: {exc}.")
            return
        self.text.selection = {}
        self._drop_pending()
        self._busy = True
        try:
            self.kind.value = kind
        finally:
            self._busy = False
        if lacking:  # kept here until complete: the corpus loader would leave out (or complain about) it
            self.pending = row
            self._refresh()
            self._say("info", f"New {KINDS[kind].name}, not saved yet: "
                      + ("select its cue (such as “said”) and press the cue's “selection” button, and choose the "
                         if "cue" in lacking else "choose the ")
                      + " and the ".join(c.replace("_", " ") for c in lacking if c != "cue")
                      + ". It is saved as soon as it is complete; Discard drops it.")
            return
        self._after_save(message, new_id, saved=new_id)

    # -- the Article tab: the chosen article's row of articles.csv

    def _build_article_form(self) -> None:
        self.article_fields: dict[str, W.Widget] = {}
        self.article_notes: dict[str, W.HTML] = {}
        self.article_set_buttons: dict[str, W.Button] = {}
        self.article_clear_buttons: dict[str, W.Button] = {}
        self.article_summary = W.HTML(layout=W.Layout(width="auto"))
        children = [self.article_summary]
        for col in ARTICLE_FIELDS:
            label = _ARTICLE_LABELS[col]
            if col == "outlet":
                w = W.Combobox(options=self.folder.outlets, ensure_option=False, continuous_update=False)
            elif col == "date_confidence":
                w = W.Dropdown(options=["", *_CONFIDENCES])
            elif col in ("headline", "date_evidence", "event"):
                w = W.Textarea(rows=3 if col == "date_evidence" else 2, continuous_update=False)
            else:
                w = W.Text(continuous_update=False, placeholder="YYYY-MM-DD" if col == "published" else "")
            w.description, w.tooltip = label, _ARTICLE_TIPS[col]
            w.style = {"description_width": "8.2em"}
            w.layout = W.Layout(width="auto", flex="1 1 auto", min_width="0")
            w.observe(lambda ch, col=col: self._on_article_field(col), names="value")
            self.article_fields[col] = w
            note = W.HTML(layout=W.Layout(width="auto", flex="1 1 10em", min_width="0"))
            self.article_notes[col] = note
            under = [note]  # under the field, where it lines up with the field's box
            if col in VERBATIM_FIELDS:
                setb = W.Button(description="selection", icon="i-cursor", layout=W.Layout(width="auto", flex="0 0 auto"),
                                tooltip=f"Set the {col} to the words selected in the article (copied exactly)")
                clear = W.Button(description="", icon="times", layout=W.Layout(width="2.4em", flex="0 0 auto"),
                                 tooltip=f"The article has no {col}: leave it empty")
                setb.on_click(lambda b, col=col: self._on_article_set(col))
                clear.on_click(lambda b, col=col: self._on_article_clear(col))
                self.article_set_buttons[col], self.article_clear_buttons[col] = setb, clear
                under = [setb, clear, note]
            children += [W.HBox([w], layout=W.Layout(width="auto")),
                         W.HBox(under, layout=W.Layout(width="auto", align_items="center", margin="0 0 2px 8.6em",
                                                       flex_flow="row wrap"))]
        self.article_accept_button = W.Button(
            description="Accept details", icon="check", button_style="success", layout=W.Layout(width="auto"),
            tooltip="The details are right as they are: mark the article's row checked")
        self.article_save_button = W.Button(
            description="Save", icon="save", layout=W.Layout(width="auto"),
            tooltip="Save every field as it stands in the form (the row becomes checked)")
        self.article_accept_button.on_click(self._on_article_accept)
        self.article_save_button.on_click(self._on_article_save)
        children.append(W.HBox([self.article_accept_button, self.article_save_button],
                               layout=W.Layout(flex_flow="row wrap")))
        self.article_form = W.VBox(children, layout=W.Layout(width="auto", border="1px solid #d0d0d0",
                                                             padding="6px", margin="6px 0"))
        self.article_form.add_class("cla-article-form")

    def _article_row_or_empty(self) -> dict:
        try:
            return self.folder.article_row(self.article.value)
        except AnnotationError:
            return {}

    def _show_article(self) -> None:
        """The Article tab: the chosen article's details in the form, each with what the machine did."""
        f, aid = self.folder, self.article.value
        if self._right.children[1] is not self.article_form:
            self._right.children = [self._kindbar, self.article_form]
        text = f.text(aid)
        self.text.length, self.text.focus = len(text), ""
        self.text.pieces = cut_pieces(text, marks_for(f, aid), "")
        self.undo_button.disabled = not f.history
        row = self._article_row_or_empty()
        self._busy = True
        try:
            self.article_fields["outlet"].options = f.outlets
            for col, w in self.article_fields.items():
                value = _s(row.get(col))
                if isinstance(w, W.Dropdown) and value not in w.options:
                    w.options = [*w.options, value]  # shown as it is; Accept then says what is wrong
                w.value = value
        finally:
            self._busy = False
        draft = status_of(row) == DRAFT
        reasons = missing_fields(row)
        for col, note in self.article_notes.items():
            note.value = _article_note(col, _s(row.get(col)).strip(), text, draft, reasons.get(col))
        lacking = article_missing(row)
        state = ("<b>DRAFT</b>: check each value against the text, fill in what is missing, then accept"
                 if draft else "<b>✓ checked</b>")
        still = (f" · still to fill in: {esc(', '.join(c.replace('_', ' ') for c in lacking))}" if lacking else "")
        self.article_summary.value = (f'<div style="overflow-wrap:anywhere">Article <b>{esc(aid)}</b> '
                                      f'({esc(f.articles[aid].file)}) · {state}{still}</div>')
        left = f.drafts()
        self.counter.value = (f'<span style="margin-left:8px">{left} draft row{"" if left == 1 else "s"} left in '
                              'the folder</span>')

    def _article_saved(self, message: str) -> None:
        if message.endswith("nothing changed"):
            if self.last_message[0] != "ok":  # (Save right after a field saved itself on leaving it)
                self._say("info", message[0].upper() + message[1:] + ": the form holds what is saved.")
            return
        self._refresh_articles()
        lacking = article_missing(self._article_row_or_empty())
        note = f" Still to fill in: {', '.join(c.replace('_', ' ') for c in lacking)}." if lacking else ""
        self._say("ok", f"Saved: {message}.{note}")

    def _article_change(self, changes: dict) -> bool:
        try:
            message = self.folder.update_article(self.article.value, changes)
        except AnnotationError as exc:
            self._say("error", f"Not saved: {exc}.")
            return False
        self._article_saved(message)
        return True

    def _on_article_field(self, col: str) -> None:
        if not self._busy and self.article.value is not None:
            self._article_change({col: _s(self.article_fields[col].value)})

    def _on_article_save(self, button=None) -> None:
        if self.article.value is not None:
            self._article_change({col: _s(w.value) for col, w in self.article_fields.items()})

    def _on_article_accept(self, button=None) -> None:
        if self.article.value is None:
            return
        try:
            message = self.folder.accept_article(self.article.value)
        except AnnotationError as exc:
            self._say("error", f"Not saved: {exc}.")
            return
        self._article_saved(message)

    def _on_article_set(self, col: str) -> None:
        try:
            s, e = self._selection()
        except AnnotationError as exc:
            self._say("error", f"Not saved: {exc}.")
            return
        words = self.folder.text(self.article.value)[s:e]
        if "\n" in words:
            self._say("error", f"Not saved: the {col} is one line of the article; select words within one line.")
            return
        if self._article_change({col: words}):
            self.text.selection = {}

    def _on_article_clear(self, col: str) -> None:
        if self.article.value is not None:
            self._article_change({col: ""})


def _article_note(col: str, value: str, text: str, draft: bool, reason: str | None) -> str:
    """What to know about one of an article's details: not in the text, not inferred, or the machine's guess."""
    if col in VERBATIM_FIELDS and value and value not in text:
        words, colour = "⚠ not in the text word for word: copy it from the text, or leave it empty", "#A33C00"
    elif reason is not None and draft:
        why = "fill it in if the text has it" if reason == "not inferred" else reason
        words, colour = f"not inferred by the machine: {why}", "#A33C00"
    elif reason is not None:
        words, colour = f"the machine could not infer this ({reason}); a person has checked it", "#4d4d4d"
    elif draft and value:
        words, colour = (("written by the machine: replace it with your own reasoning" if col == "date_evidence"
                          else "inferred by the machine: check it"), "#005B8F")
    else:
        return ""
    return (f'<div style="color:{colour};font-size:0.85em;line-height:1.25;margin:1px 0;overflow-wrap:anywhere">'
            f'{esc(words)}</div>')


# ----------------------------------------------------------------------------- command line

def write_notebook(folder, path) -> Path:
    """Write a notebook whose one cell shows the Annotator on ``folder`` (made absolute); return its path.

    This is what Voila serves for ``make annotate``.
    """
    import nbformat

    folder = Path(folder).expanduser().resolve()
    if not folder.is_dir():
        raise AnnotationError(f"{folder} is not a folder: give the folder that holds the articles and tables")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells.append(nbformat.v4.new_code_cell(f"import claimlab.annotate\nclaimlab.annotate.Annotator({str(folder)!r})"))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def main(argv=None) -> int:
    """``python -m claimlab.annotate notebook DIR OUT.ipynb``: write the notebook that shows DIR's Annotator."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m claimlab.annotate",
                                     description="Correct a machine-made draft of a corpus folder by hand.")
    sub = parser.add_subparsers(dest="command", required=True)
    nb = sub.add_parser("notebook", help="write a notebook that shows the annotator for DIR (for Voila)")
    nb.add_argument("folder", metavar="DIR", help="the corpus folder: articles plus draft tables")
    nb.add_argument("out", metavar="OUT.ipynb", help="where to write the notebook")
    args = parser.parse_args(argv)
    try:
        path = write_notebook(args.folder, args.out)
    except (AnnotationError, OSError) as exc:
        print(f"claimlab.annotate: {exc}", file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
