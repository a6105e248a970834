"""The claim ledger: one row per claim you traced, with your grade and a short assessment.

``ClaimLedger(corpus)`` is a notebook widget: a menu of the corpus's claims
(figures and attributed statements, labelled by outlet and a short text) that
fills in the claim, claimant, channel and outlet; boxes for what you found
(earliest source, independent corroboration, grade, assessment); buttons Add,
Remove last and Export CSV; and a table of the rows so far.  The same things
work from code: ``.rows``, ``.add(**fields)``, ``.remove_last()``,
``.export(path=None)`` and ``.load(path)``.

Saving never loses work:

* on construction, a ledger file that already exists at ``path`` is loaded,
  and the ledger says so.  A file there that cannot be read completely (not
  a ledger, an unclosed quote, a column that is not a ledger field) is left
  untouched: the ledger says why, starts empty and saves under a new name
  beside it (``my_claim_ledger-2.csv``);
* ``export`` writes a UTF-8 CSV (with a byte-order mark, so spreadsheet
  programs read the curly quotes correctly).  A cell that begins with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
  apostrophe, so no spreadsheet runs it as a formula (OWASP, "CSV
  Injection"); loading drops that apostrophe again.  If a *different* file is
  already there, one this ledger did not write itself, that file is first
  copied to a fresh backup name (``my_claim_ledger.bak.csv``,
  ``my_claim_ledger.bak-2.csv``, …) that never replaces anything; the message
  names every file written, relative to the notebook's folder;
* ``load`` will not drop rows you have not saved unless you say
  ``replace=True``.

Every piece of corpus or student text shown as HTML is escaped.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import grading, views
from .files import (
    Refused,
    atomic_write,
    csv_field_limit,
    from_spreadsheet,
    read_regular,
    spreadsheet_safe,
    swallowed_row,
)
from .format import shorten as _shorten
from .format import text as _plain
from .markup import feedback_box

if TYPE_CHECKING:
    from claimlab.corpus import Corpus

__all__ = ["ClaimLedger", "LedgerError", "FIELDS", "LABELS", "GRADES", "CORROBORATION", "DEFAULT_PATH",
           "SCALE", "claim_options", "claim_fields", "claimant_table", "trace", "route", "joined", "table_html",
           "grades_html", "count_sentences"]

DEFAULT_PATH = "my_claim_ledger.csv"

#: The ledger's columns, in order (also the CSV header).
FIELDS = ("claim", "claimant", "channel", "outlet", "earliest_source", "sources_checked", "corroboration",
          "grade", "assessment", "ref")

#: Names for people (form labels and table headers).
LABELS = {
    "claim": "Claim",
    "claimant": "Claimant",
    "channel": "Channel",
    "outlet": "Outlet",
    "earliest_source": "Earliest source found",
    "sources_checked": "Sources checked",
    "corroboration": "Independent corroboration",
    "grade": "Grade",
    "assessment": "Assessment",
    "ref": "Corpus reference",
}

CORROBORATION = ("yes", "no", "unclear")

# The grades and what they mean are lesson 06's scale (adapted from Airwars): one scale for the course.
GRADES = grading.GRADES
SCALE = grading.SCALE

_NOT_STATED = "(not stated)"
_OWN_WORDS = "(none: the outlet's own words)"


# ----------------------------------------------------------------------------- small helpers

def _text(value) -> str:
    """Any value as a stripped string; missing values (None, NA, NaN) as ''."""
    return _plain(value).strip()


def _where(path: Path) -> str:
    """The path as :func:`_shown` gives it, and, for a bare file name, where that is."""
    shown = _shown(path)
    return f"{shown} (in this notebook's folder)" if "/" not in shown and os.sep not in shown else shown


def _shown(path: Path) -> str:
    """A path as the student should read it: relative to the notebook's folder when it lies inside it."""
    here = Path.cwd().resolve()
    full = path if path.is_absolute() else here / path
    try:
        return Path(os.path.normpath(full)).relative_to(here).as_posix()
    except ValueError:
        return os.path.normpath(full)


def count_sentences(text: str) -> int:
    """Roughly how many sentences ``text`` has (a full stop, ! or ? before a capital letter or the end).

    "U.S. citizens" is one sentence, not two: the stop must be followed by a
    capital, an opening quotation mark or the end of the text.
    """
    text = _text(text)
    if not text:
        return 0
    ends = re.findall(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9]|\s*$)", text)
    return max(1, len(ends))


# ----------------------------------------------------------------------------- claims in the corpus

def _articles(corpus: Corpus) -> dict[str, dict]:
    if corpus is None or len(corpus.articles) == 0:
        return {}
    return {r["article_id"]: r for r in corpus.articles.to_dict("records")}


def _who(actor: str, speaker: str) -> str:
    """The claimant as a canonical actor, with the article's own words for them when they differ."""
    if speaker and actor and speaker.casefold() != actor.casefold():
        return f"{actor} (“{speaker}”)"
    return actor or speaker or "(unnamed)"


def _channel(stated: str, article: dict) -> str:
    if stated:
        return stated
    wire, outlet = _text(article.get("wire")), _text(article.get("outlet"))
    return wire if wire and wire != outlet else _NOT_STATED


def _statements(corpus: Corpus) -> pd.DataFrame:
    a = corpus.attributions
    if "repeat_of" in a.columns:
        a = a[a["repeat_of"].fillna("") == ""]
    return a


def claim_options(corpus: Corpus) -> list[tuple[str, str]]:
    """``(label, ref)`` for every figure, then every attributed statement, in corpus order.

    A label reads ``outlet · claimant · short text (id)``; a ref is
    ``article_id/figure_id`` or ``article_id/attribution_id``.  Repeated
    headlines are left out.
    """
    if corpus is None:
        return []
    arts = _articles(corpus)
    out = []
    for r in corpus.figures.to_dict("records"):
        outlet = _text(arts.get(r["article_id"], {}).get("outlet")) or r["article_id"]
        who = _text(r.get("claimant")) or "its own words"
        out.append((f"{outlet} · {who} · {_shorten(_text(r.get('text')), 70)} ({r['figure_id']})",
                    f"{r['article_id']}/{r['figure_id']}"))
    for r in _statements(corpus).to_dict("records"):
        outlet = _text(arts.get(r["article_id"], {}).get("outlet")) or r["article_id"]
        who = _text(r.get("actor")) or _text(r.get("speaker")) or "(unnamed)"
        out.append((f"{outlet} · {who} · {_shorten(_text(r.get('content')), 70)} ({r['attribution_id']})",
                    f"{r['article_id']}/{r['attribution_id']}"))
    return out


def claim_fields(corpus: Corpus, ref: str) -> dict[str, str]:
    """The fields a corpus claim fills in: claim, claimant, channel, outlet and ref.

    A figure's claim is the whole statement that carries it ("26 people were
    killed, including 10 civilians"), or the figure's own words when the
    outlet states it in its own voice.  Raises ``KeyError`` for an unknown ref.
    """
    article_id, _, item = str(ref).partition("/")
    arts = _articles(corpus)
    if article_id not in arts:
        raise KeyError(f"no article {article_id!r} in the corpus")
    art = arts[article_id]
    outlet = _text(art.get("outlet"))
    atts = corpus.attributions[corpus.attributions["article_id"] == article_id]
    by_id = {r["attribution_id"]: r for r in atts.to_dict("records")}
    figs = corpus.figures[(corpus.figures["article_id"] == article_id) & (corpus.figures["figure_id"] == item)]
    if len(figs):
        f = figs.iloc[0].to_dict()
        carrier = by_id.get(_text(f.get("attribution_id")))
        claimant = _text(f.get("claimant"))
        if carrier is not None:
            return {"claim": _text(carrier.get("content")) or _text(f.get("text")),
                    "claimant": _who(claimant or _text(carrier.get("actor")), _text(carrier.get("speaker"))),
                    "channel": _channel(_text(carrier.get("channel")), art), "outlet": outlet, "ref": ref}
        if claimant:
            return {"claim": _text(f.get("text")), "claimant": claimant,
                    "channel": _channel("", art), "outlet": outlet, "ref": ref}
        return {"claim": _text(f.get("text")), "claimant": f"{outlet} (in its own voice)",
                "channel": _OWN_WORDS, "outlet": outlet, "ref": ref}
    if item in by_id:
        r = by_id[item]
        return {"claim": _text(r.get("content")), "claimant": _who(_text(r.get("actor")), _text(r.get("speaker"))),
                "channel": _channel(_text(r.get("channel")), art), "outlet": outlet, "ref": ref}
    raise KeyError(f"no figure or attribution {item!r} in article {article_id!r}")


# ----------------------------------------------------------------------------- tracing one claimant

def trace(corpus: Corpus, actor: str, article_ids) -> pd.DataFrame:
    """Every statement by ``actor`` in the given articles, with the part of the page it sits in.

    Columns: outlet, article_id, attribution_id, part (headline, standfirst,
    body …), speaker (as the article names them), cue, channel (empty when the
    article does not say), quote_type and content.  Repeated headlines are
    left out.  Ordered as the articles are given, then by position.
    """
    ids = list(article_ids)
    st = views.statements(corpus, actor=actor, article_id=ids)
    paras = corpus.paragraphs
    parts = []
    for r in st.itertuples(index=False):
        p = paras[(paras["article_id"] == r.article_id) & (paras["start"] <= r.start) & (paras["end"] >= r.end)]
        if not len(p):   # content that runs over a paragraph break: the paragraph where it starts
            p = paras[(paras["article_id"] == r.article_id) & (paras["start"] <= r.start) & (paras["end"] > r.start)]
        parts.append(_text(p["kind"].iloc[0]) if len(p) else "")
    st = st.assign(part=parts, order=[ids.index(a) for a in st["article_id"]])
    st = st.sort_values(["order", "start"], kind="stable")
    cols = ["outlet", "article_id", "attribution_id", "part", "speaker", "cue", "channel", "quote_type", "content"]
    return st[cols].reset_index(drop=True)


def route(traced: pd.DataFrame, claimant: str | None = None) -> pd.DataFrame:
    """claimant → channel → outlet counts from :func:`trace`, ready for ``plots.provenance_sankey``.

    A statement whose article names no channel gets the channel "(not stated)".
    """
    if traced is None or len(traced) == 0:
        return pd.DataFrame(columns=["claimant", "channel", "outlet", "statements"])
    df = pd.DataFrame({"claimant": claimant or "the claimant",
                       "channel": [c if _text(c) else _NOT_STATED for c in traced["channel"]],
                       "outlet": traced["outlet"]})
    return (df.groupby(["claimant", "channel", "outlet"], as_index=False, sort=True).size()
              .rename(columns={"size": "statements"}).reset_index(drop=True))


def claimant_table(corpus: Corpus) -> pd.DataFrame:
    """Every actor that claims a figure, and every actor above one in the parent column of actors.csv.

    Columns: actor, type, country, parent, and ``claims_figures`` (yes/no), so a
    reader can follow each claimant up to the body it speaks for.
    """
    actors = {r["actor"]: r for r in corpus.actors.to_dict("records")}
    claimants = {_text(c) for c in corpus.figures["claimant"]} - {""}
    wanted, todo = set(), sorted(claimants)
    while todo:
        a = todo.pop()
        if a in wanted or a not in actors:
            continue
        wanted.add(a)
        todo.append(_text(actors[a].get("parent")))
    rows = [{"actor": a, "type": _text(actors[a].get("type")), "country": _text(actors[a].get("country")),
             "parent": _text(actors[a].get("parent")), "claims_figures": "yes" if a in claimants else "no"}
            for a in sorted(wanted, key=str.casefold)]
    return pd.DataFrame(rows, columns=["actor", "type", "country", "parent", "claims_figures"])


def joined(corpus: Corpus, article_id: str, *attribution_ids: str) -> str:
    """The contents of several attributions of one article, in the order given, joined by a space.

    For a quotation the article interrupts with "the source said".
    """
    a = corpus.attributions
    a = a[a["article_id"] == article_id].set_index("attribution_id")
    return " ".join(_text(a.loc[i, "content"]) for i in attribution_ids)


# ----------------------------------------------------------------------------- HTML

def table_html(rows: list[dict], empty: str = "No rows yet: fill in the form and press Add.") -> str:
    """The rows as an escaped HTML table, numbered from 1 (the corpus reference column left out)."""
    if not rows:
        return views.as_html(pd.DataFrame(), empty=empty)
    df = pd.DataFrame([{"#": i, **{LABELS[k]: r.get(k, "") for k in FIELDS if k != "ref"}}
                       for i, r in enumerate(rows, start=1)])
    return ("<div style='overflow-x:auto;max-width:100%'>" + views.as_html(df, max_rows=len(df) + 1)
            + "</div>")


def grades_html() -> str:
    """The five grades and what they mean (lesson 06's scale), as a collapsible HTML list."""
    items = "".join(f"<li><strong>{html.escape(g)}</strong>: {html.escape(SCALE[g])}</li>" for g in GRADES)
    return (f"<details><summary>What the grades mean (the scale from lesson 06)</summary><ul>{items}</ul>"
            "<p>The scale was written for claims of harm. For another kind of claim, ask the same "
            "questions: does the party the claim would hurt accept it? Do two or more independent "
            "sources back it? Is there only one source, or none named? Do the sources disagree about "
            "who is responsible? "
            "Does the evidence point the other way?</p></details>")


def _select(dropdown, value) -> None:
    """Set a Dropdown by value; ``None`` or ``""`` selects its placeholder option (value ``""``).

    The placeholder's value is ``""``, not ``None``: ipywidgets treats ``None``
    as "nothing selected" and would show an empty box instead of its label.
    """
    dropdown.value = value or ""


def _status(kind: str, message: str) -> str:
    ok = {"ok": True, "problem": False, "info": None}[kind]
    return feedback_box(ok, html.escape(message), extra_style="white-space:pre-wrap")


# ----------------------------------------------------------------------------- CSV

def _csv_bytes(rows: list[dict]) -> bytes:
    """The rows as a UTF-8 CSV with a byte-order mark; no cell can run as a spreadsheet formula."""
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=list(FIELDS), extrasaction="ignore", lineterminator="\r\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: spreadsheet_safe(_plain(r.get(k, ""))) for k in FIELDS})
    return buf.getvalue().encode("utf-8-sig")


def _header_key(name: str) -> str | None:
    """The field a CSV header names: a field name or its label, any case and spacing."""
    norm = re.sub(r"[\s_]+", " ", _text(name).lstrip("\ufeff")).casefold()
    for field in FIELDS:
        if norm in (field.replace("_", " "), LABELS[field].casefold()):
            return field
    return None


# A ledger holds tens of rows; a file this big is not one (and is not read into memory).
MAX_LEDGER_BYTES = 64 * 1024 * 1024


class _Incomplete(Exception):
    """The file cannot be read completely: reading it would lose something; the message says what."""


def _read_rows(path: Path) -> tuple[list[dict] | None, str]:
    """Rows of a ledger CSV, or ``(None, why not)``.

    Raises :class:`_Incomplete` for a file that is a ledger but cannot be read
    without losing something (an unbalanced quote, extra cells, a column that
    is not a ledger field, a column twice).
    """
    try:
        data = read_regular(path, MAX_LEDGER_BYTES)
    except FileNotFoundError:
        return None, f"there is no file {_shown(path)}"
    except Refused as exc:
        return None, f"{_shown(path)} is {exc}"
    except OSError as exc:
        return None, f"{_shown(path)} cannot be read ({exc.strerror or exc})"
    note = ""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        note = " It was not saved as UTF-8, so it was read as Windows-1252: check any accented letters."
    if not text.strip():
        return None, f"{_shown(path)} is empty"
    first = text.splitlines()[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        with csv_field_limit(len(text)):  # an assessment may be longer than csv's default 128 KiB
            header = next(reader, [])
            keys = [_header_key(h) for h in header]
            if "claim" not in keys or "assessment" not in keys:
                return None, (f"{_shown(path)} does not look like a claim ledger: its first line needs the "
                              f"columns {', '.join(FIELDS)}")
            _check_header(header, keys)
            rows = _ledger_rows(reader, header, keys)
            extra = [h.strip() for h, k in zip(header, keys) if k is None and h.strip()]
            if extra:  # all empty, or _ledger_rows would have refused the file
                note += (f" The column(s) {', '.join(map(repr, extra))} are not ledger fields; they are empty, "
                         "so nothing is lost, and a ledger saved from here leaves them out.")
    except csv.Error as exc:
        raise _Incomplete(f"line {reader.line_num} cannot be read ({exc}): a quote is not closed") from None
    return rows, note


def _check_header(header: list[str], keys: list[str | None]) -> None:
    twice = sorted({k for k in keys if k and keys.count(k) > 1})
    if twice:
        raise _Incomplete(f"the column {LABELS[twice[0]]!r} appears twice, so which one holds your words "
                          "is unclear")


def _ledger_rows(reader, header: list[str], keys: list[str | None]) -> list[dict]:
    """The rows, with any cell the ledger cannot keep reported (raises :class:`_Incomplete`)."""
    rows = []
    line = reader.line_num + 1
    for values in reader:
        lines = reader.line_num - line + 1
        if len(values) > len(header) and any(v.strip() for v in values[len(header):]):
            merged = f" (lines {line}-{line + lines - 1} ran together: a quote is not closed)" if lines > 1 else ""
            raise _Incomplete(f"line {line} has {len(values)} cells but the header has {len(header)}{merged}")
        if lines > 1 and (len(values) < len(header) or any(swallowed_row(v, len(header), reader.dialect.delimiter)
                                                           for v in values)):
            raise _Incomplete(f"lines {line}-{line + lines - 1} ran together into one row (a cell holds lines "
                              "that read as rows of their own): a quote is not closed")
        unknown = [h for h, k, v in zip(header, keys, values) if k is None and v.strip()]
        if unknown:
            raise _Incomplete(f"the column {unknown[0].strip()!r} (line {line}) is not a ledger field, and a "
                              "ledger saved from here would drop it")
        row = {k: "" for k in FIELDS}
        for key, value in zip(keys, values):
            if key:
                row[key] = from_spreadsheet(value.strip())
        if any(row.values()):
            # Spelling a spreadsheet may have changed; anything else is kept exactly as it was saved.
            row["grade"] = {g.casefold(): g for g in GRADES}.get(row["grade"].casefold(), row["grade"])
            if row["corroboration"].casefold() in CORROBORATION:
                row["corroboration"] = row["corroboration"].casefold()
            rows.append(row)
        line = reader.line_num + 1
    return rows


class LedgerError(ValueError):
    """A ledger cannot be made with these arguments; the message says what to give instead."""


def _ledger_path(path: str | os.PathLike) -> Path:
    """``path`` as a ledger file name; :class:`LedgerError` for one no file can have."""
    text = os.fspath(path) if isinstance(path, (str, os.PathLike)) else None
    if not isinstance(text, str) or not text.strip() or "\x00" in text:
        raise LedgerError(f"{path!r} cannot be a ledger's file name: give one such as {DEFAULT_PATH!r}")
    p = Path(text)
    if p.is_dir():
        raise LedgerError(f"{text} is a folder: give a file name for the ledger, such as "
                          f"{(p / DEFAULT_PATH).as_posix()!r}")
    return p


def _fresh_name(path: Path) -> Path:
    """A name beside ``path`` that does not exist yet: name-2.csv, name-3.csv, …"""
    suffix = path.suffix or ".csv"
    for n in range(2, 10_000):
        candidate = path.with_name(f"{path.stem}-{n}{suffix}")
        if not os.path.lexists(candidate):
            return candidate
    raise LedgerError(f"too many files named like {path.name} here: tidy some away first")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _backup_name(path: Path) -> Path:
    """A backup name beside ``path`` that does not exist yet: name.bak.csv, name.bak-2.csv, …"""
    suffix = path.suffix or ".csv"
    for n in range(1, 10_000):
        tag = ".bak" if n == 1 else f".bak-{n}"
        candidate = path.with_name(f"{path.stem}{tag}{suffix}")
        if not candidate.exists():
            return candidate
    raise OSError(f"too many backups of {path.name}: tidy some away first")


# ----------------------------------------------------------------------------- the ledger

class ClaimLedger:
    """A form for assessing claims, the rows so far, and their CSV file.

    ``ClaimLedger(corpus, path="my_claim_ledger.csv")``: ``path`` is relative to
    the notebook's folder.  Widgets, for code and tests: ``.choice`` (the claim
    menu), ``.inputs`` (field name → input widget), ``.add_button``,
    ``.remove_button``, ``.export_button``, ``.status`` and ``.table`` (HTML).
    ``.message`` is the last thing the ledger said.
    """

    def __init__(self, corpus: Corpus | None = None, path: str | os.PathLike = DEFAULT_PATH):
        import ipywidgets as W

        self.corpus = corpus
        self.path = _ledger_path(path)
        self._rows: list[dict] = []
        self._saved: list[dict] = []            # the rows as last loaded or saved
        self._written: dict[str, str] = {}      # file -> digest of what this ledger last wrote there
        self.message = ""

        style = {"description_width": "15em"}
        wide = W.Layout(width="100%", max_width="60em")
        self.choice = W.Dropdown(options=[("— choose a claim from the corpus, or type your own below —", "")]
                                 + claim_options(corpus), index=0, description="Start from",
                                 tooltip="Pick a figure or statement; it fills in the claim, claimant, "
                                         "channel and outlet", style=style, layout=wide)
        self.inputs = {
            "claim": W.Textarea(description=LABELS["claim"], placeholder="the claim, in the outlet's words",
                                rows=3, style=style, layout=wide),
            "claimant": W.Text(description=LABELS["claimant"], placeholder="who makes the claim",
                               style=style, layout=wide),
            "channel": W.Text(description=LABELS["channel"],
                              placeholder="how it reached the outlet: 'told TASS', a statement, a wire…",
                              style=style, layout=wide),
            "outlet": W.Text(description=LABELS["outlet"], placeholder="who published it", style=style, layout=wide),
            "earliest_source": W.Text(description=LABELS["earliest_source"],
                                      placeholder="the earliest version you could trace, and where",
                                      style=style, layout=wide),
            "sources_checked": W.Textarea(description=LABELS["sources_checked"],
                                          placeholder="what you checked, and where: other outlets, the original "
                                                      "statement, an archive copy, a monitor's database…",
                                          rows=2, style=style, layout=wide),
            "corroboration": W.Dropdown(description=LABELS["corroboration"], options=list(CORROBORATION),
                                        value="unclear", style=style, layout=W.Layout(width="24em"),
                                        tooltip="Does anyone independent of the claimant back the claim up?"),
            "grade": W.Dropdown(description=LABELS["grade"], options=[("— choose —", "")] + [(g, g) for g in GRADES],
                                index=0, style=style, layout=W.Layout(width="24em"),
                                tooltip="How far the evidence supports the claim"),
            "assessment": W.Textarea(description=LABELS["assessment"],
                                     placeholder="2 to 5 sentences: what is claimed, who stands behind it, "
                                                 "what supports or contradicts it, and your grade's reason",
                                     rows=5, style=style, layout=wide),
        }
        self.add_button = W.Button(description="Add", button_style="primary", icon="plus",
                                   tooltip="Add the form as a new row of the ledger")
        self.remove_button = W.Button(description="Remove last", button_style="warning", icon="minus",
                                      tooltip="Remove the last row of the ledger")
        self.export_button = W.Button(description="Export CSV", icon="download",
                                      tooltip="Save the ledger as a CSV file beside this notebook")
        self.status = W.HTML(layout=W.Layout(min_height="2em"))
        self.table = W.HTML(layout=W.Layout(width="100%"))
        self.choice.observe(self._chosen, names="value")
        self.add_button.on_click(lambda _: self._add_from_form())
        self.remove_button.on_click(lambda _: self.remove_last())
        self.export_button.on_click(lambda _: self.export())
        head = W.HTML("<h3>Claim ledger</h3>")
        form = W.VBox([self.choice] + list(self.inputs.values()) + [W.HTML(grades_html())])
        buttons = W.HBox([self.add_button, self.remove_button, self.export_button])
        self.widget = W.VBox([head, form, buttons, self.status, self.table])

        if os.path.lexists(self.path):
            if not self.load(self.path, replace=True):
                self._open_beside(self.path)
        else:
            self._say("info", f"A new, empty ledger. Export CSV will save it as {_where(self.path)}.")
        self._refresh()

    # ------------------------------------------------------------------ data
    @property
    def rows(self) -> list[dict]:
        """The rows so far, as a list of dicts (copies: change them with the methods)."""
        return [dict(r) for r in self._rows]

    def __len__(self):
        return len(self._rows)

    @property
    def unsaved(self) -> bool:
        """True when the rows differ from what was last loaded or saved."""
        return self._rows != self._saved

    def add(self, **fields) -> bool:
        """Add one row; ``True`` if added.  A clear message (in ``.message``) either way.

        Fields are those in ``FIELDS``; claim, assessment and grade are required.
        ``corroboration`` is yes, no or unclear (unclear when left out).
        """
        unknown = sorted(set(fields) - set(FIELDS))
        if unknown:
            return self._refuse(f"Nothing added: {', '.join(map(repr, unknown))} is not a ledger field. "
                                f"The fields are {', '.join(FIELDS)}.")
        row = {k: _text(fields.get(k, "")) for k in FIELDS}
        row["corroboration"] = row["corroboration"].casefold() or "unclear"
        grade = {g.casefold(): g for g in GRADES}.get(row["grade"].casefold())
        problems = []
        if not row["claim"]:
            problems.append("The claim is empty: choose a claim from the menu, or type one in the Claim box.")
        if not row["assessment"]:
            problems.append("The assessment is empty: write 2 to 5 sentences on what is claimed, who stands "
                            "behind it, and what supports or contradicts it.")
        if grade is None and not row["grade"]:
            problems.append("Choose a grade: " + ", ".join(GRADES) + ".")
        elif grade is None:
            problems.append(f"{row['grade']!r} is not a grade; the grades are " + ", ".join(GRADES) + ".")
        if row["corroboration"] not in CORROBORATION:
            problems.append(f"Independent corroboration must be {', '.join(CORROBORATION[:-1])} or "
                            f"{CORROBORATION[-1]}, not {row['corroboration']!r}.")
        if problems:
            return self._refuse("Nothing added. " + " ".join(problems))
        row["grade"] = grade
        self._rows.append(row)
        n = count_sentences(row["assessment"])
        note = "" if 2 <= n <= 5 else (
            f" Your assessment looks like {n} sentence{'s' if n != 1 else ''}; aim for 2 to 5 "
            "(Remove last, edit, and Add again).")
        self._say("ok", f"Added row {len(self._rows)}: {_shorten(row['claim'], 60)}.{note} "
                        "Press Export CSV to save it.")
        self._refresh()
        return True

    def remove_last(self) -> dict | None:
        """Remove the last row and return it (``None`` when the ledger is empty)."""
        if not self._rows:
            self._say("info", "The ledger is empty: there is no row to remove.")
            self._refresh()
            return None
        row = self._rows.pop()
        saved = " It is still in the saved CSV file until you export again." if row in self._saved else ""
        self._say("ok", f"Removed row {len(self._rows) + 1}: {_shorten(row['claim'], 60)}.{saved}")
        self._refresh()
        return row

    def export(self, path: str | os.PathLike | None = None) -> Path | None:
        """Save the rows as a UTF-8 CSV; the path written, or ``None`` if nothing was written.

        ``path`` defaults to the ledger's own file.  A different file already at
        that path is kept under a fresh backup name first (see the module notes).
        """
        target = _ledger_path(path) if path is not None else self.path
        if not self._rows:
            self._say("info", f"The ledger is empty, so there is nothing to save; {_shown(target)} was not touched.")
            self._refresh()
            return None
        data = _csv_bytes(self._rows)
        key = str(target.resolve())
        backup = None
        try:
            if os.path.lexists(target) and not target.is_file():
                what = "a folder" if target.is_dir() else "not a regular file"
                self._say("problem", f"Could not save {_shown(target)}: it is {what}, so it was left alone. "
                                     "Nothing was lost: the rows are still here. Try another name, e.g. "
                                     "ledger.export(\"ledger2.csv\").")
                self._refresh()
                return None
            if target.exists():
                old = read_regular(target, MAX_LEDGER_BYTES)
                if old == data:
                    self._saved = self.rows
                    self._say("ok", f"{_shown(target)} already holds these {len(self._rows)} row(s); "
                                    "nothing needed saving.")
                    self._refresh()
                    return target
                if self._written.get(key) != _digest(old):
                    backup = _backup_name(target)
                    shutil.copy2(target, backup)
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, data)
        except (OSError, Refused) as exc:
            self._say("problem", f"Could not save {_shown(target)}: {getattr(exc, 'strerror', None) or exc}. "
                                 "Nothing was lost: "
                                 "the rows are still here. Try another name, e.g. ledger.export(\"ledger2.csv\").")
            self._refresh()
            return None
        self._written[key] = _digest(data)
        self._saved = self.rows
        msg = f"Saved {len(self._rows)} row(s) to {_where(target)}."
        if backup is not None:
            msg += f" The file that was there before is kept as {_shown(backup)}."
        self._say("ok", msg)
        self._refresh()
        return target

    def load(self, path: str | os.PathLike, replace: bool = False) -> bool:
        """Load a saved ledger CSV in place of the rows here; ``True`` if loaded.

        Refuses (and says why) when the rows here are not saved yet, unless
        ``replace=True``.  Afterwards Export CSV saves back to ``path``.
        """
        path = _ledger_path(path)
        if self._rows and self.unsaved and not replace:
            return self._refuse(f"Not loaded: the {len(self._rows)} row(s) here are not all saved yet. "
                                f"Export them first, or call ledger.load(\"{_shown(path)}\", replace=True) "
                                "to drop them.")
        try:
            rows, note = _read_rows(path)
        except _Incomplete as exc:
            return self._refuse(f"{_shown(path)} cannot be read completely: {exc}. It is left as it is, and "
                                "the ledger here is unchanged.")
        if rows is None:
            return self._refuse(f"Could not load a ledger: {note}. The ledger is unchanged.")
        self._rows = rows
        self._saved = self.rows
        self.path = path
        self._say("ok", f"Loaded {len(rows)} row(s) from {_shown(path)}, saved earlier. New rows are added "
                        f"after them, and Export CSV saves to the same file.{note}")
        self._refresh()
        return True

    def _open_beside(self, unreadable: Path) -> None:
        """Start empty, saving to a new name beside a file that cannot be loaded (which stays as it is)."""
        why = self.message.replace(" The ledger is unchanged.", "").replace(
            " It is left as it is, and the ledger here is unchanged.", "")
        self.path = _fresh_name(unreadable)
        self._say("problem", f"{why} That file is kept untouched. This ledger starts empty and Export CSV "
                             f"saves it as {_where(self.path)}. To go on with the old rows, fix that file (in a "
                             f"text editor) and open it with ledger.load(\"{_shown(unreadable)}\").")

    # ------------------------------------------------------------------ the form
    def fill(self, **fields) -> None:
        """Set form fields from code (names as in ``.inputs``; ``ref`` sets the claim menu)."""
        if "ref" in fields:                      # first: choosing a claim fills in fields given after it
            _select(self.choice, fields["ref"])
        for name, value in fields.items():
            if name == "ref":
                continue
            if name in self.inputs:
                if name == "grade":
                    _select(self.inputs[name], value)
                else:
                    self.inputs[name].value = _text(value) or ("unclear" if name == "corroboration" else "")
            else:
                raise KeyError(f"no field {name!r}; fields are {', '.join(FIELDS)}")

    def form_values(self) -> dict[str, str]:
        """What the form holds now, as ``add`` takes it."""
        values = {name: _text(w.value) for name, w in self.inputs.items()}
        values["ref"] = _text(self.choice.value)
        return values

    def clear_form(self) -> None:
        """Empty the form (the rows are not touched)."""
        _select(self.choice, None)
        for name, w in self.inputs.items():
            if name == "grade":
                _select(w, None)
            else:
                w.value = "unclear" if name == "corroboration" else ""

    def _chosen(self, change):
        if not change["new"] or self.corpus is None:
            return
        fields = claim_fields(self.corpus, change["new"])
        for name in ("claim", "claimant", "channel", "outlet"):
            self.inputs[name].value = fields[name]

    def _add_from_form(self):
        if self.add(**self.form_values()):
            self.clear_form()

    # ------------------------------------------------------------------ display
    def _say(self, kind: str, message: str) -> None:
        self.message = message
        self.status.value = _status(kind, message)

    def _refuse(self, message: str) -> bool:
        self._say("problem", message)
        return False

    def _refresh(self) -> None:
        self.table.value = table_html(self._rows)
        self.remove_button.disabled = not self._rows

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        # The plain-text form stays the same whatever the ledger holds, so saved notebooks don't churn.
        data["text/plain"] = "Claim ledger (open this notebook in Jupyter to use the form)"
        return bundle

    def __repr__(self):
        return f"<ClaimLedger {_shown(self.path)}: {len(self._rows)} row(s)>"
