"""Load a folder of articles and its tables into pandas dataframes.

``load_corpus()`` reads the bundled seeds: five raw articles plus the curated
tables in ``seeds/*.csv``.  ``load_corpus(DIR)`` reads any folder of plain-text
articles (UTF-8 ``.txt`` or ``.md``).  Tables the folder provides are used as
curated annotations; for articles they do not cover, metadata is inferred
from the text (:mod:`claimlab.metadata`) and attributions and figures come
from the extractor (:mod:`claimlab.extract`).  Every row says where it came
from in its ``origin`` column: ``curated`` or ``extracted``/``inferred``.
A table may end with a ``status`` column (see :mod:`claimlab.draft`): ``draft``
marks rows a machine wrote that nobody has checked yet.  Where a table has it,
the frame keeps it, and rows the loader itself extracts or infers are ``draft``.

Every entry of the folder is either used (an article, a table, ``SHA256SUMS``,
a README or LICENSE) or listed in ``corpus.problems`` with the reason it is
not: links that lead outside the folder, links to nothing, sub-folders,
FIFOs, sockets and devices, backups, hidden and unknown files.  Nothing
outside the folder is read: every name (the ``file`` column of the metadata
table, ``SHA256SUMS`` entries, links) is resolved and refused when it leaves
the folder, special files are never opened and no file is read past its size
limit (:mod:`claimlab.files`).  A table that cannot be used is one problem,
not one per row of the tables that depend on it.

Offsets are Python ``str`` offsets (end exclusive) into the article text as
decoded from UTF-8 without newline translation; a leading byte-order mark is
not part of the text.  So ``corpus.texts[a][start:end]`` is the annotated span.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import schema
from .files import Refused, csv_field_limit, folder_problem, inside, kind_of, read_regular, swallowed_row
from .validate import Problems, check_checksums, check_ids_and_references, check_rows

if TYPE_CHECKING:
    from tqdm.std import tqdm

    from .extract import Extraction

TEXT_SUFFIXES = (".txt", ".md")
IGNORED_NAMES = {"readme.md", "readme.txt", "license.txt", "license.md"}
# Files a corpus folder may hold besides articles.
SUPPORT_FILES = {"SHA256SUMS", "metadata.csv", *schema.TABLES}
SUPPORT_NAMES = {name.lower() for name in SUPPORT_FILES}
# A news article is tens of kilobytes; anything this big is a dump, not an article.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
# A table of statements for tens of thousands of articles stays well below this.
MAX_TABLE_BYTES = 256 * 1024 * 1024


class CorpusError(Exception):
    """The corpus cannot be loaded (or, with ``strict=True``, has problems)."""


def bundled_seeds() -> Path:
    """The folder of the bundled seed corpus."""
    env = os.environ.get("CLAIMLAB_SEEDS")
    if env:
        return Path(env)
    packaged = Path(__file__).resolve().parent / "_seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


def read_article(path: Path, folder: Path | None = None) -> tuple[str | None, str | None]:
    """``(text, None)`` for a usable article, else ``(None, why not)``.

    Only a regular file is read, and never more than ``MAX_ARTICLE_BYTES``.  With
    ``folder``, ``path`` is a name relative to it and anything outside it is refused.
    """
    try:
        if folder is not None:
            path = inside(folder, path)
        data = read_regular(path, MAX_ARTICLE_BYTES)
    except Refused as exc:
        why = str(exc)
        if why.startswith("too large"):
            why += ": split it into one file per article"
        return None, why
    except OSError as exc:
        return None, f"cannot be read: {exc.strerror or exc}"
    data = data.removeprefix(codecs.BOM_UTF8)
    if not data.strip():
        return None, "empty file: there is no text to load"
    if b"\x00" in data[:65536]:
        return None, "binary file (it contains NUL bytes): save the article as plain UTF-8 text"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        line = data.count(b"\n", 0, exc.start) + 1
        return None, (f"not valid UTF-8: byte 0x{bad:02x} at line {line} (byte {exc.start}); "
                      "re-save the file as UTF-8 (it may be Latin-1 or Windows-1252)")
    return text, None


def read_csv_text(path: Path, limit: int = MAX_TABLE_BYTES) -> str:
    """The text of a CSV table (UTF-8, a byte-order mark dropped); :class:`Refused` or ``OSError`` if unusable.

    ``UnicodeDecodeError`` when it is not UTF-8.
    """
    return read_regular(path, limit).decode("utf-8-sig")


def _read_table(path: Path, problems: Problems) -> list[dict] | None:
    """Rows of a CSV file as dicts of strings, each with its line number in ``_line``.

    A table that cannot be used at all gives one problem and ``None``; so does one
    whose rows mostly have the wrong number of cells (a wrong delimiter, or an
    unbalanced quote that ran the rows together), rather than a problem per row.
    """
    name = path.name
    try:
        text = read_csv_text(inside(path.parent, name))
    except Refused as exc:
        problems.add(name, None, f"{exc}; the table is not used")
        return None
    except OSError as exc:
        problems.add(name, None, f"cannot be read ({exc.strerror or exc}); the table is not used")
        return None
    except UnicodeDecodeError as exc:
        problems.add(name, None, f"not valid UTF-8 ({exc.reason}); save the table as UTF-8 CSV")
        return None
    wrong: list[tuple[int, int, int]] = []   # (line, cells, physical lines) of rows with a wrong cell count
    try:
        with csv_field_limit(len(text)):
            reader = csv.reader(io.StringIO(text, newline=""), strict=True)
            header = next(reader, None)
            if header is None:
                problems.add(name, None, "empty table (no header row)")
                return None
            header = [h.strip() for h in header]
            rows = []
            line = reader.line_num + 1
            for rec in reader:
                if any(cell.strip() for cell in rec):
                    # A status column added at the end of the header: rows without that cell are checked.
                    short_status = len(rec) == len(header) - 1 and header[-1] == schema.STATUS
                    if len(rec) != len(header) and not short_status:
                        wrong.append((line, len(rec), reader.line_num - line + 1))
                    elif reader.line_num > line and any(swallowed_row(c, len(header)) for c in rec):
                        wrong.append((line, len(rec), reader.line_num - line + 1))
                    row = dict(zip(header, rec + [""] * (len(header) - len(rec))))
                    row["_line"] = line
                    rows.append(row)
                line = reader.line_num + 1
    except csv.Error as exc:
        problems.add(name, None, f"not a readable CSV file (line {reader.line_num}: {exc}); "
                                 "check its quotes; the table is not used")
        return None
    if _table_is_broken(name, header, rows, wrong, problems):
        return None
    missing = [c for c in schema.ESSENTIAL.get(name, []) if c not in header]
    if missing:
        problems.add(name, 1, f"missing column(s): {', '.join(missing)}; the table is not used")
        return None
    duplicated = sorted({h for h in header if h and header.count(h) > 1})
    if duplicated:
        problems.add(name, 1, f"column(s) {', '.join(duplicated)} appear more than once, so which value "
                              "counts is unclear; rename or remove the copy; the table is not used")
        return None
    id_col = schema.IDS.get(name) if name in ("attributions.csv", "figures.csv", "terms.csv") else None
    for n, row in enumerate(rows, 1):
        for col in schema.TABLES.get(name, []):
            row.setdefault(col, "")
        if id_col and id_col not in header:
            row[id_col] = f"{name.split('.')[0][:1].upper()}{n:04d}"
    return rows


def _table_is_broken(name: str, header: list[str], rows: list[dict], wrong: list[tuple[int, int, int]],
                     problems: Problems) -> bool:
    """Report rows with the wrong number of cells: one problem for a table that is broken as a whole."""
    merged = [w for w in wrong if w[2] > 1]
    if merged:
        line, cells, lines = merged[0]
        problems.add(name, line, f"an unbalanced quote seems to run lines {line}-{line + lines - 1} together "
                                 f"into one row of {cells} cells (the header has {len(header)}, and the "
                                 "row's cells hold lines that read as rows); close the quote; the table "
                                 "is not used")
        return True
    if len(wrong) >= 3 and len(wrong) * 2 > len(rows):
        counts = sorted({c for _, c, _ in wrong})
        problems.add(name, None, f"{len(wrong)} of {len(rows)} rows do not have the header's {len(header)} "
                                 f"cells (they have {', '.join(map(str, counts[:5]))}): is it separated by "
                                 "commas, with quotes around cells that hold commas? The table is not used")
        return True
    for line, cells, _ in wrong:
        problems.add(name, line, f"{cells} cells, header has {len(header)}")
    return False


@dataclass
class Corpus:
    """A loaded corpus: the raw texts and one tidy dataframe per kind of thing."""

    path: Path
    texts: dict[str, str]
    articles: pd.DataFrame
    outlets: pd.DataFrame
    actors: pd.DataFrame
    paragraphs: pd.DataFrame
    attributions: pd.DataFrame
    figures: pd.DataFrame
    terms: pd.DataFrame
    segments: pd.DataFrame
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["file", "line", "problem"]))

    def text(self, article_id: str) -> str:
        """The raw text of one article."""
        try:
            return self.texts[article_id]
        except KeyError:
            known = ", ".join(sorted(self.texts)) or "none"
            raise KeyError(f"no article {article_id!r}; the corpus has: {known}") from None

    def __repr__(self) -> str:
        # The folder's name only: a full path would differ on every machine (and in saved notebooks).
        return (f"<Corpus {self.path.name}: {len(self.articles)} articles, {len(self.attributions)} "
                f"attributions, {len(self.figures)} figures, {len(self.terms)} terms, "
                f"{len(self.problems)} problems>")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "article"


def _frame(rows: list[dict], columns: list[str], origin: str | None = None) -> pd.DataFrame:
    extra = [c for r in rows[:1] for c in r if c not in columns and not c.startswith("_")]
    df = pd.DataFrame([{k: v for k, v in r.items() if not k.startswith("_")} for r in rows],
                      columns=columns + extra)
    if origin is not None:
        df["origin"] = origin
    return df


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    for col in df.columns:
        if col in schema.INT_COLUMNS:
            df[col] = pd.to_numeric(df[col].replace("", None), errors="coerce").astype("Int64")
        elif col in schema.FLOAT_COLUMNS:
            df[col] = pd.to_numeric(df[col].replace("", None), errors="coerce").astype("Float64")
        elif col in schema.DATE_COLUMNS:
            df[col] = pd.to_datetime(df[col].replace("", None), errors="coerce", format="mixed")
    return df


def _paragraphs(texts: dict[str, str], segments: pd.DataFrame) -> pd.DataFrame:
    """One row per non-blank line of each text, with its offsets and its kind."""
    kinds = {(r.article_id, int(r.start), int(r.end)): r.kind
             for r in segments.itertuples(index=False)} if len(segments) else {}
    aids, nums, starts, ends, kind_col, bodies = [], [], [], [], [], []
    for aid, text in texts.items():
        pos, n = 0, 0
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped:
                n += 1
                s = pos + (len(line) - len(line.lstrip()))
                e = s + len(stripped)
                aids.append(aid); nums.append(n); starts.append(s); ends.append(e)
                kind_col.append(kinds.get((aid, s, e), "body")); bodies.append(stripped)
            pos += len(line) + 1
    return pd.DataFrame({"article_id": aids, "paragraph": pd.array(nums, dtype="Int64"),
                         "start": pd.array(starts, dtype="Int64"), "end": pd.array(ends, dtype="Int64"),
                         "kind": kind_col, "text": bodies})


# Extracting this many articles or more shows a progress bar (unless ``progress=False``).
PROGRESS_MIN_ARTICLES = 200
PROGRESS_LABEL = "Finding statements and figures"


@dataclass
class _Load:
    """What one :func:`load_corpus` call has gathered so far; each step reads and adds to it.

    The steps run in this order, and the problems they find are listed in it:
    checksums, tables, the folder's files, the articles; then, while the
    extractor works, inferred metadata and the curated tables' rows.
    """

    folder: Path
    problems: Problems = field(default_factory=Problems)
    # Curated tables by file name; each row a dict of strings with its CSV line in ``_line``.
    tables: dict[str, list[dict]] = field(default_factory=dict)
    meta_rows: list[dict] | None = None   # articles.csv, else metadata.csv
    meta_name: str = "articles.csv"       # which of the two
    # Tables there that cannot be used -> the one problem that says so.
    broken: dict[str, dict] = field(default_factory=dict)
    files: list[tuple[str, Path]] = field(default_factory=list)  # text files in the folder: name, real path
    # Real path of each file the metadata table names -> (the name as written, its row).
    listed: dict[Path, tuple[str, dict]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    article_rows: list[dict] = field(default_factory=list)
    # Articles whose attributions / figures / framing terms come from the machine.
    todo_attr: dict[str, str] = field(default_factory=dict)
    todo_fig: dict[str, str] = field(default_factory=dict)
    todo_terms: dict[str, str] = field(default_factory=dict)
    running: Extraction | None = None
    # The corpus's tables by name ("articles", "attributions", ...), built by the later steps.
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)


def load_corpus(path: str | os.PathLike | None = None, *, strict: bool = False,
                extract: bool = True, progress: bool | None = None) -> Corpus:
    """Load a corpus folder; ``None`` means the bundled seeds.

    Every good file is loaded; every file or table row that cannot be used is
    listed in ``corpus.problems`` (columns ``file, line, problem``).  With
    ``strict=True`` any problem raises one :class:`CorpusError` naming them all.
    ``extract=False`` skips the extractor for articles without curated tables.
    ``progress`` shows a progress bar (default: when extracting
    ``PROGRESS_MIN_ARTICLES`` or more articles).
    """
    load = _Load(_corpus_folder(path))
    check_checksums(load.folder, load.problems)
    _read_tables(load)
    _list_folder(load)
    _read_articles(load)
    if not load.texts and not load.problems:
        raise CorpusError(f"no articles in {load.folder}: expected UTF-8 .txt or .md files")
    _plan_machine_annotations(load, extract)
    # With many articles the extractor works in other processes; this one
    # meanwhile infers the metadata, checks the curated tables and finds the
    # framing terms.
    _start_extraction(load)
    try:
        bar = _progress_bar(load.running, progress)
        _infer_metadata(load)
        _check_tables(load)
        _add_framing_terms(load)
        _collect_extraction(load, bar)
    finally:
        if load.running is not None:
            load.running.close()
    return _assemble(load, strict)


def _corpus_folder(path: str | os.PathLike | None) -> Path:
    folder = Path(path) if path is not None else bundled_seeds()
    why = folder_problem(folder)
    if why:
        raise CorpusError(why if why.startswith("not a folder") else f"corpus folder {why}")
    return folder


def _read_tables(load: _Load) -> None:
    """The curated tables the folder has, and its metadata table (articles.csv or metadata.csv)."""
    for name in schema.TABLES:
        if os.path.lexists(load.folder / name):
            rows = _read_table(load.folder / name, load.problems)
            if rows is not None:
                load.tables[name] = rows
            else:
                load.broken[name] = load.problems[-1]
    load.meta_rows = load.tables.get("articles.csv")
    has_articles = os.path.lexists(load.folder / "articles.csv")
    if os.path.lexists(load.folder / "metadata.csv"):
        if has_articles:
            load.problems.add("metadata.csv", None, "not used: articles.csv holds this folder's metadata "
                                                    "(merge the two, or remove one)")
        else:
            load.meta_rows = _read_table(load.folder / "metadata.csv", load.problems)
            if load.meta_rows is None:
                load.broken["metadata.csv"] = load.problems[-1]
            else:
                load.meta_name = "metadata.csv"


def _entry_problem(folder: Path, entry: os.DirEntry) -> tuple[Path | None, str | None]:
    """``(real path, None)`` for a regular file the loader may read (a link inside the folder included),
    else ``(None, why it is not read)``."""
    try:
        st = entry.stat(follow_symlinks=False)
    except OSError as exc:
        return None, f"cannot be examined ({exc.strerror or exc}): not read"
    real = Path(entry.path)
    if stat.S_ISLNK(st.st_mode):
        try:
            real = inside(folder, entry.name)
        except Refused as exc:
            return None, f"a link: {exc}"
        try:
            st = os.stat(real)
        except OSError:
            return None, f"a link to {os.readlink(entry.path)!r}, which does not exist: not read"
    if stat.S_ISDIR(st.st_mode):
        return None, ("a folder: not read (only the files directly in the corpus folder are read, "
                      "and files that articles.csv names)")
    if not stat.S_ISREG(st.st_mode):
        return None, f"{kind_of(st.st_mode)}, not a regular file: not read"
    return real, None


def _list_folder(load: _Load) -> None:
    """Which files are articles: those in the metadata table, then any other text file.

    Every entry of the folder is either used (an article, a table, SHA256SUMS, a
    README or LICENSE) or listed in the problems with the reason it is not read.
    """
    try:
        entries = sorted(os.scandir(load.folder), key=lambda e: e.name)
    except OSError as exc:
        raise CorpusError(f"cannot list {load.folder}: {exc.strerror or exc}; "
                          "check that you may read the folder") from None
    for entry in entries:
        name, lower = entry.name, entry.name.lower()
        if name in SUPPORT_FILES:  # read (or refused, with the reason) by the step that reads it
            continue
        real, why = _entry_problem(load.folder, entry)
        if why:
            load.problems.add(name, None, why)
        elif name.startswith("."):
            load.problems.add(name, None, "a hidden file: not read (rename it without the leading dot "
                                          "if it is an article)")
        elif os.path.splitext(lower)[1] in TEXT_SUFFIXES:
            if lower not in IGNORED_NAMES:
                load.files.append((name, real))
        elif lower.endswith(".bak") or ".bak." in lower or ".bak-" in lower:
            load.problems.add(name, None, "a backup copy: not read (the annotator keeps the previous "
                                          "version of a table here)")
        elif lower in SUPPORT_NAMES:  # "Articles.csv": the loader reads only the exact name
            load.problems.add(name, None, f"not read: a table must be named exactly "
                                          f"{next(n for n in SUPPORT_FILES if n.lower() == lower)}")
        else:
            load.problems.add(name, None, "not an article: only UTF-8 .txt and .md files are loaded")
    table = load.meta_name
    seen: dict[Path, int] = {}
    for row in load.meta_rows or []:
        fname = row.get("file", "").strip()
        if not fname:
            load.problems.add(table, row["_line"], "file is empty")
            continue
        try:
            real = inside(load.folder, fname)
        except Refused as exc:
            load.problems.add(table, row["_line"], f"file {exc}; the article is not read")
            continue
        if not os.path.lexists(real):
            load.problems.add(table, row["_line"], f"file {fname!r} not found in {load.folder}")
        elif real in seen:
            load.problems.add(table, row["_line"], f"file {fname!r} is the same file as line {seen[real]}")
        else:
            seen[real] = row["_line"]
            load.listed[real] = (fname, row)


def _read_articles(load: _Load) -> None:
    """Each article's text and its ``articles`` row (curated, or to be inferred)."""
    used_ids: dict[str, str] = {}
    paths = [(fname, real) for real, (fname, _) in load.listed.items()]
    first = {real: fname for fname, real in paths}   # real path -> the one name it is read under
    # Of several names for one file, the file itself is read rather than a link to it.
    root = load.folder.resolve()
    for name, real in load.files:
        if real not in first and root / name == real:
            first[real] = name
    for name, real in load.files:
        if real in load.listed and load.listed[real][0] in (name, f"./{name}"):
            continue  # the file the metadata table names
        if first.setdefault(real, name) != name:  # another name (a link) for a file read already
            load.problems.add(name, None, f"the same file as {first[real]}: read once, as {first[real]}")
        elif real not in load.listed:
            paths.append((name, real))
    for shown, real in paths:
        row = load.listed.get(real, (None, None))[1]
        text, why = read_article(real)
        if why:
            load.problems.add(shown, None, why)
            continue
        aid = (row or {}).get("article_id", "").strip() or _slug(Path(shown).stem)
        if aid in used_ids:
            load.problems.add(shown, (row or {}).get("_line"),
                              f"duplicate article_id {aid!r} (already used by {used_ids[aid]}); "
                              "give each article its own id")
            continue
        used_ids[aid] = shown
        load.texts[aid] = text
        load.article_rows.append(_article_row(aid, shown, row))


def _article_row(aid: str, fname: str, row: dict | None) -> dict:
    """The ``articles`` row of one article: its curated metadata row, or an empty one to infer."""
    if row is None:  # filled in by _infer_metadata, while the extractor runs
        rec = {c: "" for c in schema.TABLES["articles.csv"]}
        rec.update(article_id=aid, file=fname, metadata="inferred")
        return rec
    rec = {c: row.get(c, "") for c in schema.TABLES["articles.csv"]}
    rec.update({k: v for k, v in row.items() if not k.startswith("_")})
    rec["article_id"] = aid
    rec["metadata"] = "curated"
    rec["uninferred"] = ""
    rec["_line"] = row.get("_line")
    return rec


def _plan_machine_annotations(load: _Load, extract: bool) -> None:
    """Articles the curated tables do not cover get machine annotations (none when not ``extract``)."""
    curated_ids = {r["article_id"] for r in load.article_rows if r["metadata"] == "curated"}

    def uncovered(table: str) -> dict[str, str]:
        return {a: t for a, t in load.texts.items() if not (table in load.tables and a in curated_ids)}

    if extract:
        load.todo_attr = uncovered("attributions.csv")
        load.todo_fig = uncovered("figures.csv")
        load.todo_terms = uncovered("terms.csv")


def _start_extraction(load: _Load) -> None:
    """Start the extractor on every article that needs attributions or figures."""
    items = {**load.todo_attr, **load.todo_fig}
    if items:
        from .extract import Extraction
        load.running = Extraction(items, serial_run=250)


def _progress_bar(running: Extraction | None, progress: bool | None) -> tqdm | None:
    """A tqdm bar for a long extraction (a widget in Jupyter, text on stderr elsewhere), else None."""
    if running is None:
        return None
    if not (progress if progress is not None else running.total >= PROGRESS_MIN_ARTICLES):
        return None
    from tqdm.auto import tqdm
    return tqdm(total=running.total, desc=PROGRESS_LABEL, unit="article")


def _infer_metadata(load: _Load) -> None:
    """Headline, dateline, wire and date from the text, for articles no metadata table covers."""
    inferred = [rec for rec in load.article_rows if rec["metadata"] == "inferred"]
    if not inferred:
        return
    from .metadata import infer_metadata
    for rec in inferred:
        meta = infer_metadata(load.texts[rec["article_id"]])
        rec.update(headline=meta["headline"], dateline=meta["dateline"], wire=meta["wire"],
                   published=meta["published"].isoformat() if meta["published"] else "",
                   uninferred="; ".join(f"{f}: {why}" for f, why in meta["uninferred"]))


def _check_tables(load: _Load) -> None:
    """Check the curated tables against the texts and make their frames.

    Rows whose spans do not match the text are reported in ``problems`` and left out.
    """
    tables = load.tables
    if "articles.csv" in tables:
        tables["articles.csv"] = [r for r in load.article_rows if r["metadata"] == "curated"]
    check_ids_and_references(dict(tables), load.problems)
    _fold_orphans(load)
    usable: dict[str, list[dict]] = {}
    for name in ("attributions.csv", "figures.csv", "terms.csv", "segments.csv"):
        rows = tables.get(name, [])
        bad = check_rows(name, rows, load.texts, load.problems)
        usable[name] = [r for i, r in enumerate(rows) if i not in bad]
    for name in ("articles.csv", "outlets.csv", "actors.csv"):
        if name in tables:
            check_rows(name, tables[name], load.texts, load.problems)

    articles = _typed(_frame(load.article_rows, schema.TABLES["articles.csv"]))
    load.frames = {
        "articles": articles[[c for c in articles.columns if c not in ("metadata", "uninferred")]
                             + ["metadata", "uninferred"]],
        "outlets": _typed(_frame(tables.get("outlets.csv", []), schema.TABLES["outlets.csv"])),
        "actors": _typed(_frame(tables.get("actors.csv", []), schema.TABLES["actors.csv"])),
        "segments": _typed(_frame(usable["segments.csv"], schema.TABLES["segments.csv"])),
    }
    for kind in ("terms", "attributions", "figures"):
        load.frames[kind] = _frame(usable[f"{kind}.csv"], schema.TABLES[f"{kind}.csv"], "curated")


def _fold_orphans(load: _Load) -> None:
    """When the metadata table cannot be used, the annotation rows of the articles it named are not
    used either: say so in the one problem about that table, not once per row."""
    meta = next((name for name in ("articles.csv", "metadata.csv") if name in load.broken), None)
    if meta is None:
        return
    counts = {}
    for name in ("attributions.csv", "figures.csv", "terms.csv", "segments.csv"):
        rows = load.tables.get(name)
        if rows:
            kept = [r for r in rows if r.get("article_id", "") in load.texts]
            if len(kept) < len(rows):
                counts[name] = len(rows) - len(kept)
                load.tables[name] = kept
    if counts:
        load.broken[meta]["problem"] += (
            "; so the rows of the articles it names are not used either: "
            + ", ".join(f"{n} of {name}" for name, n in counts.items()))


def _add_framing_terms(load: _Load) -> None:
    if load.todo_terms:
        from .framing import find_terms
        load.frames["terms"] = _concat(load.frames["terms"], find_terms(load.todo_terms))


def _collect_extraction(load: _Load, bar: tqdm | None) -> None:
    """Wait for the extractor's runs and add their rows for the articles that need them."""
    running = load.running
    if running is None:
        return
    parts_a, parts_f = [], []
    for done, a, f in running:
        parts_a.append(a)
        parts_f.append(f)
        if bar is not None:
            bar.update(done - bar.n)
    if bar is not None:
        bar.close()
    x_attr = pd.concat(parts_a, ignore_index=True) if len(parts_a) > 1 else parts_a[0]
    x_fig = pd.concat(parts_f, ignore_index=True) if len(parts_f) > 1 else parts_f[0]
    if len(load.todo_attr) < running.total:
        x_attr = x_attr[x_attr["article_id"].isin(list(load.todo_attr))]
    if len(load.todo_fig) < running.total:
        x_fig = x_fig[x_fig["article_id"].isin(list(load.todo_fig))]
    load.frames["attributions"] = _concat(load.frames["attributions"], x_attr)
    load.frames["figures"] = _concat(load.frames["figures"], x_fig)


def _assemble(load: _Load, strict: bool) -> Corpus:
    """The Corpus (typed frames, paragraphs, problems); with ``strict``, raise if there are problems."""
    f = load.frames
    segments = f["segments"]
    # Where a table has a status column, the rows a machine made in this load are drafts too.
    _mark_drafts(f["articles"], f["articles"]["metadata"] == "inferred")
    for kind in ("attributions", "figures", "terms"):
        _mark_drafts(f[kind], f[kind]["origin"] == "extracted")
    prob = pd.DataFrame(list(load.problems), columns=["file", "line", "problem"])
    prob["line"] = prob["line"].astype("Int64")
    corpus = Corpus(load.folder, load.texts, f["articles"].reset_index(drop=True), f["outlets"],
                    f["actors"], _paragraphs(load.texts, segments),
                    _finish_attributions(_typed(f["attributions"])).reset_index(drop=True),
                    _typed(f["figures"]).reset_index(drop=True),
                    _typed(f["terms"]).reset_index(drop=True), segments, prob)
    if strict and len(prob):
        listing = "\n".join(f"  {p.file}{'' if pd.isna(p.line) else ':' + str(p.line)}: {p.problem}"
                            for p in prob.itertuples(index=False))
        raise CorpusError(f"{len(prob)} problem(s) in {load.folder}:\n{listing}")
    return corpus


def _concat(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    if len(a) == 0:
        return b.reset_index(drop=True).copy()
    if len(b) == 0:
        return a
    return pd.concat([a, b], ignore_index=True)


def _mark_drafts(df: pd.DataFrame, machine: pd.Series) -> None:
    if schema.STATUS in df.columns:
        df[schema.STATUS] = df[schema.STATUS].fillna("")
        df.loc[machine, schema.STATUS] = "draft"


def _finish_attributions(df: pd.DataFrame) -> pd.DataFrame:
    """Add the derived public columns: start/end (the content span) and direct."""
    for col in ("nested_in", "repeat_of", "note", "channel"):
        if col not in df.columns:
            df[col] = ""
        df[col] = df[col].fillna("")
    df["start"] = df["content_start"].astype("Int64")
    df["end"] = df["content_end"].astype("Int64")
    df["direct"] = (df["quote_type"] == "direct").astype(bool)
    return df


if __name__ == "__main__":  # pragma: no cover
    print(load_corpus(sys.argv[1] if len(sys.argv) > 1 else None))
