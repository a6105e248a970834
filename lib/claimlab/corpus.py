"""Load a folder of articles and its tables into pandas dataframes.

``load_corpus()`` reads the bundled seeds: five raw articles plus the curated
tables in ``seeds/*.csv``.  ``load_corpus(DIR)`` reads any folder of plain-text
articles (UTF-8 ``.txt`` or ``.md``).  Tables the folder provides are used as
curated annotations; for articles they do not cover, metadata is inferred
from the text (:mod:`claimlab.metadata`) and attributions and figures come
from the extractor (:mod:`claimlab.extract`).  Every row says where it came
from in its ``origin`` column: ``curated`` or ``extracted``/``inferred``.

Offsets are Python ``str`` offsets (end exclusive) into the article text as
decoded from UTF-8 without newline translation; a leading byte-order mark is
not part of the text.  So ``corpus.texts[a][start:end]`` is the annotated span.
"""

from __future__ import annotations

import codecs
import csv
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema
from .validate import Problems, check_checksums, check_ids_and_references, check_rows

TEXT_SUFFIXES = (".txt", ".md")
IGNORED_NAMES = {"readme.md", "readme.txt", "license.txt", "license.md"}
# Files a corpus folder may hold besides articles.
SUPPORT_NAMES = {"sha256sums", "metadata.csv"} | {name.lower() for name in schema.TABLES}
# A news article is tens of kilobytes; anything this big is a dump, not an article.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024


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


def practice_articles() -> Path:
    """A folder of two short fictional articles that nobody annotated (lesson 08)."""
    return Path(__file__).resolve().parent / "practice_articles"


def read_article(path: Path) -> tuple[str | None, str | None]:
    """``(text, None)`` for a usable article, else ``(None, why not)``."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            return None, (f"too large for one article ({size / 2**20:.1f} MB; the limit is "
                          f"{MAX_ARTICLE_BYTES // 2**20} MB): split it into one file per article")
        data = path.read_bytes()
    except OSError as exc:
        return None, f"cannot be read: {exc.strerror or exc}"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
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


def _read_table(path: Path, problems: Problems) -> list[dict] | None:
    """Rows of a CSV file as dicts of strings, each with its line number in ``_line``."""
    name = path.name
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            if header is None:
                problems.add(name, None, "empty table (no header row)")
                return None
            header = [h.strip() for h in header]
            rows = []
            line = reader.line_num + 1
            for rec in reader:
                if any(cell.strip() for cell in rec):
                    if len(rec) != len(header):
                        problems.add(name, line, f"{len(rec)} cells, header has {len(header)}")
                    row = dict(zip(header, rec + [""] * (len(header) - len(rec))))
                    row["_line"] = line
                    rows.append(row)
                line = reader.line_num + 1
    except UnicodeDecodeError as exc:
        problems.add(name, None, f"not valid UTF-8 ({exc.reason}); save the table as UTF-8 CSV")
        return None
    except csv.Error as exc:
        problems.add(name, None, f"not a readable CSV file: {exc}")
        return None
    missing = [c for c in schema.ESSENTIAL.get(name, []) if c not in header]
    if missing:
        problems.add(name, 1, f"missing column(s): {', '.join(missing)}; the table is not used")
        return None
    id_col = schema.IDS.get(name) if name in ("attributions.csv", "figures.csv", "terms.csv") else None
    for n, row in enumerate(rows, 1):
        for col in schema.TABLES.get(name, []):
            row.setdefault(col, "")
        if id_col and id_col not in header:
            row[id_col] = f"{name.split('.')[0][:1].upper()}{n:04d}"
    return rows


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


def load_corpus(path: str | os.PathLike | None = None, *, strict: bool = False,
                extract: bool = True, progress: bool | None = None) -> Corpus:
    """Load a corpus folder; ``None`` means the bundled seeds.

    Every good file is loaded; every file or table row that cannot be used is
    listed in ``corpus.problems`` (columns ``file, line, problem``).  With
    ``strict=True`` any problem raises one :class:`CorpusError` naming them all.
    ``extract=False`` skips the extractor for articles without curated tables.
    ``progress`` shows a progress bar (default: when extracting 200+ articles).
    """
    folder = Path(path) if path is not None else bundled_seeds()
    if not folder.exists():
        raise CorpusError(f"corpus folder not found: {folder}")
    if not folder.is_dir():
        raise CorpusError(f"not a folder: {folder} (give the folder that holds the articles)")
    problems = Problems()
    check_checksums(folder, problems)

    tables: dict[str, list[dict]] = {}
    for name in schema.TABLES:
        p = folder / name
        if p.exists():
            rows = _read_table(p, problems)
            if rows is not None:
                tables[name] = rows
    meta_rows = tables.get("articles.csv")
    if meta_rows is None and (folder / "metadata.csv").exists():
        meta_rows = _read_table(folder / "metadata.csv", problems)

    # Which files are articles: those in the metadata table, then any other text file.
    files = []
    for name in sorted(os.listdir(folder)):
        p = folder / name
        if name.startswith(".") or not p.is_file():
            continue
        if p.suffix.lower() in TEXT_SUFFIXES:
            if p.name.lower() not in IGNORED_NAMES:
                files.append(p)
        elif p.name.lower() not in SUPPORT_NAMES and not p.name.lower().endswith(".bak"):  # backups: not read
            problems.add(p.name, None, "not an article: only UTF-8 .txt and .md files are loaded")
    listed: dict[str, dict] = {}
    for row in meta_rows or []:
        fname = row.get("file", "").strip()
        if not fname:
            problems.add("articles.csv", row["_line"], "file is empty")
            continue
        if not (folder / fname).is_file():
            problems.add("articles.csv", row["_line"], f"file {fname!r} not found in {folder}")
            continue
        listed[fname] = row

    texts: dict[str, str] = {}
    article_rows: list[dict] = []
    used_ids: dict[str, str] = {}
    for p in [folder / f for f in listed] + [p for p in files if p.name not in listed]:
        text, why = read_article(p)
        if why:
            problems.add(p.name, None, why)
            continue
        row = listed.get(p.name)
        aid = (row or {}).get("article_id", "").strip() or _slug(p.stem)
        if aid in used_ids:
            problems.add(p.name, (row or {}).get("_line"),
                         f"duplicate article_id {aid!r} (already used by {used_ids[aid]}); "
                         "give each article its own id")
            continue
        used_ids[aid] = p.name
        texts[aid] = text
        if row is not None:
            rec = {c: row.get(c, "") for c in schema.TABLES["articles.csv"]}
            rec.update({k: v for k, v in row.items() if not k.startswith("_")})
            rec["article_id"] = aid
            rec["metadata"] = "curated"
            rec["uninferred"] = ""
        else:  # filled in below, while the extractor runs
            rec = {c: "" for c in schema.TABLES["articles.csv"]}
            rec.update(article_id=aid, file=p.name, metadata="inferred")
        article_rows.append(rec)

    if not texts and not problems:
        raise CorpusError(f"no articles in {folder}: expected UTF-8 .txt or .md files")

    # Articles the curated tables do not cover get machine annotations. With many
    # articles the extractor works in other processes; this one meanwhile infers
    # the metadata, checks the curated tables and finds the framing terms.
    curated_ids = {r["article_id"] for r in article_rows if r["metadata"] == "curated"}
    todo_attr = {a: t for a, t in texts.items()
                 if not ("attributions.csv" in tables and a in curated_ids)}
    todo_fig = {a: t for a, t in texts.items()
                if not ("figures.csv" in tables and a in curated_ids)}
    todo_terms = {a: t for a, t in texts.items() if not ("terms.csv" in tables and a in curated_ids)}
    items = {**todo_attr, **todo_fig} if extract else {}
    running = None
    if items:
        from .extract import Extraction
        running = Extraction(items, serial_run=250)
    try:
        return _finish_loading(folder, texts, tables, listed, article_rows, problems,
                               running, todo_attr, todo_fig, todo_terms if extract else {},
                               strict, progress)
    finally:
        if running is not None:
            running.close()


def _finish_loading(folder, texts, tables, listed, article_rows, problems,
                    running, todo_attr, todo_fig, todo_terms, strict, progress) -> Corpus:
    """The rest of :func:`load_corpus`, done while ``running`` (an Extraction or None) works."""
    bar = None
    if running is not None and (progress if progress is not None else running.total >= 200):
        bar = _Progress(running.total, "Finding statements and figures")
    inferred = [rec for rec in article_rows if rec["metadata"] == "inferred"]
    if inferred:
        from .metadata import infer_metadata
        for rec in inferred:
            meta = infer_metadata(texts[rec["article_id"]])
            rec.update(headline=meta["headline"], dateline=meta["dateline"], wire=meta["wire"],
                       published=meta["published"].isoformat() if meta["published"] else "",
                       uninferred="; ".join(f"{f}: {why}" for f, why in meta["uninferred"]))

    # Curated span tables: rows are checked against the texts; bad rows are reported, not used.
    if "articles.csv" in tables:
        tables["articles.csv"] = [dict(r, _line=(listed.get(r["file"]) or {}).get("_line"))
                                  for r in article_rows if r["metadata"] == "curated"]
    check_ids_and_references({k: v for k, v in tables.items()}, problems)
    usable: dict[str, list[dict]] = {}
    for name in ("attributions.csv", "figures.csv", "terms.csv", "segments.csv"):
        rows = tables.get(name, [])
        bad = check_rows(name, rows, texts, problems)
        usable[name] = [r for i, r in enumerate(rows) if i not in bad]
    for name in ("outlets.csv", "actors.csv"):
        if name in tables:
            check_rows(name, tables[name], texts, problems)

    articles = _typed(_frame(article_rows, schema.TABLES["articles.csv"]))
    articles = articles[[c for c in articles.columns if c not in ("metadata", "uninferred")]
                        + ["metadata", "uninferred"]]
    outlets = _typed(_frame(tables.get("outlets.csv", []), schema.TABLES["outlets.csv"]))
    actors = _typed(_frame(tables.get("actors.csv", []), schema.TABLES["actors.csv"]))
    segments = _typed(_frame(usable["segments.csv"], schema.TABLES["segments.csv"]))
    terms = _frame(usable["terms.csv"], schema.TABLES["terms.csv"], "curated")
    attributions = _frame(usable["attributions.csv"], schema.TABLES["attributions.csv"], "curated")
    figures = _frame(usable["figures.csv"], schema.TABLES["figures.csv"], "curated")

    if todo_terms:
        from .framing import find_terms
        terms = _concat(terms, find_terms(todo_terms))
    if running is not None:
        parts_a, parts_f = [], []
        for done, a, f in running:
            parts_a.append(a)
            parts_f.append(f)
            if bar:
                bar.update(done)
        if bar:
            bar.close()
        x_attr = pd.concat(parts_a, ignore_index=True) if len(parts_a) > 1 else parts_a[0]
        x_fig = pd.concat(parts_f, ignore_index=True) if len(parts_f) > 1 else parts_f[0]
        if len(todo_attr) < running.total:
            x_attr = x_attr[x_attr["article_id"].isin(list(todo_attr))]
        if len(todo_fig) < running.total:
            x_fig = x_fig[x_fig["article_id"].isin(list(todo_fig))]
        attributions = _concat(attributions, x_attr)
        figures = _concat(figures, x_fig)

    attributions = _finish_attributions(_typed(attributions))
    figures = _typed(figures)
    terms = _typed(terms)
    paragraphs = _paragraphs(texts, segments)
    prob = pd.DataFrame(list(problems), columns=["file", "line", "problem"])
    prob["line"] = prob["line"].astype("Int64")
    corpus = Corpus(folder, texts, articles.reset_index(drop=True), outlets, actors, paragraphs,
                    attributions.reset_index(drop=True), figures.reset_index(drop=True),
                    terms.reset_index(drop=True), segments, prob)
    if strict and len(prob):
        listing = "\n".join(f"  {p.file}{'' if pd.isna(p.line) else ':' + str(p.line)}: {p.problem}"
                            for p in prob.itertuples(index=False))
        raise CorpusError(f"{len(prob)} problem(s) in {folder}:\n{listing}")
    return corpus


class _Progress:
    """A progress bar: an ipywidgets bar inside Jupyter, a line on stderr elsewhere."""

    def __init__(self, total: int, label: str):
        self.total, self.label, self.widget = total, label, None
        try:
            from IPython import get_ipython
            if get_ipython() is not None and "IPKernelApp" in get_ipython().config:
                import ipywidgets as W
                from IPython.display import display
                self.widget = W.IntProgress(value=0, min=0, max=total, description=label,
                                            style={"description_width": "initial"})
                display(self.widget)
        except ImportError:
            self.widget = None
        self.update(0)

    def update(self, done: int) -> None:
        if self.widget is not None:
            self.widget.value = done
        else:
            print(f"\r{self.label}: {done:,}/{self.total:,} articles", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.widget is not None:
            self.widget.bar_style = "success"
        else:
            print(file=sys.stderr)


def _concat(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    if len(a) == 0:
        return b.reset_index(drop=True).copy()
    if len(b) == 0:
        return a
    return pd.concat([a, b], ignore_index=True)


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
