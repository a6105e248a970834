"""Lesson-ready tables derived from a corpus: filters, joins and counts.

The notebooks call these instead of writing pandas joins themselves, so the
prose can teach and every number shown comes from the corpus tables.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from claimlab.corpus import Corpus

ALL = "All"
UNATTRIBUTED = "(the outlet itself)"


def _pick(df: pd.DataFrame, column: str, value) -> pd.DataFrame:
    if value in (None, ALL, ""):
        return df
    if isinstance(value, (list, tuple, set, frozenset)):
        return df[df[column].isin(list(value))]
    return df[df[column] == value]


def statements(corpus: Corpus, outlet=None, actor=None, speaker_type=None, quote_type=None,
               article_id=None, include_repeats: bool = False) -> pd.DataFrame:
    """Attributions with their outlet and date, filtered; repeated headlines dropped by default."""
    a = corpus.attributions.merge(corpus.articles[["article_id", "outlet", "published"]],
                                  on="article_id", how="left")
    if not include_repeats and "repeat_of" in a:
        a = a[a["repeat_of"].fillna("") == ""]
    for col, val in (("outlet", outlet), ("actor", actor), ("speaker_type", speaker_type),
                     ("quote_type", quote_type), ("article_id", article_id)):
        a = _pick(a, col, val)
    cols = ["outlet", "article_id", "attribution_id", "speaker", "actor", "speaker_type", "cue",
            "quote_type", "channel", "content", "start", "end", "origin", "status"]
    return a[[c for c in cols if c in a.columns]].reset_index(drop=True)


def claims(corpus: Corpus, outlet=None, claimant=None, measure=None, article_id=None) -> pd.DataFrame:
    """Figures with outlet, claimant label and the statement that carries them, filtered."""
    f = corpus.figures.merge(corpus.articles[["article_id", "outlet", "published"]],
                             on="article_id", how="left")
    f = f.assign(claimant=f["claimant"].fillna("").replace("", UNATTRIBUTED))
    for col, val in (("outlet", outlet), ("claimant", claimant), ("measure", measure),
                     ("article_id", article_id)):
        f = _pick(f, col, val)
    cols = ["outlet", "article_id", "figure_id", "claimant", "measure", "low", "high", "unit",
            "qualifier", "text", "subset_of", "start", "end", "origin", "status"]
    return f[[c for c in cols if c in f.columns]].reset_index(drop=True)


def drafts(df: pd.DataFrame) -> pd.Series:
    """True for the rows nobody has checked yet (``status`` is ``draft``); all False without a status column."""
    if "status" not in df.columns:
        return pd.Series(False, index=df.index)
    return df["status"].fillna("").astype(str).str.strip().eq("draft")


def options(df: pd.DataFrame, column: str) -> list[str]:
    """'All' followed by the sorted distinct values of a column (for dropdowns)."""
    vals = sorted({str(v) for v in df[column].dropna() if str(v) != ""}) if column in df else []
    return [ALL] + vals


def provenance(corpus: Corpus) -> pd.DataFrame:
    """Who said it, through whom, and who printed it: one row per claimant → channel → outlet path.

    Repeated headlines and statements reported inside other statements are left out;
    ``statements`` counts how many attributions take each path.
    """
    a = statements(corpus)
    if "nested_in" in corpus.attributions:
        nested = set(corpus.attributions.loc[corpus.attributions["nested_in"].fillna("") != "",
                                             "attribution_id"])
        a = a[~a["attribution_id"].isin(nested)]
    arts = corpus.articles.set_index("article_id")
    wire = a["article_id"].map(arts["wire"] if "wire" in arts else pd.Series(dtype=str)).fillna("")
    channel = a["channel"].fillna("")
    use_wire = (channel == "") & (wire != "") & (wire != a["outlet"])
    channel = channel.where(~use_wire, wire).replace("", "(not stated)")
    df = pd.DataFrame({"claimant": a["actor"].fillna("").replace("", "(unnamed)"),
                       "channel": channel, "outlet": a["outlet"]})
    return (df.groupby(["claimant", "channel", "outlet"], as_index=False)
              .size().rename(columns={"size": "statements"})
              .sort_values(["outlet", "statements", "claimant", "channel"], ascending=[True, False, True, True])
              .reset_index(drop=True))


def term_counts(corpus: Corpus, by: str = "outlet", category=None) -> pd.DataFrame:
    """Framing terms counted per outlet (or article) and category: a table ready for a heat map."""
    t = corpus.terms.merge(corpus.articles[["article_id", "outlet"]], on="article_id", how="left")
    t = _pick(t, "category", category)
    if t.empty:
        return pd.DataFrame()
    return pd.crosstab(t[by], t["category"])


def term_table(corpus: Corpus, outlet=None, category=None, article_id=None) -> pd.DataFrame:
    """Every framing term with its outlet, and whether it sits inside attributed content."""
    t = corpus.terms.merge(corpus.articles[["article_id", "outlet"]], on="article_id", how="left")
    inside = []
    spans = {k: list(zip(g["start"], g["end"])) for k, g in corpus.attributions.groupby("article_id")}
    for r in t.itertuples(index=False):
        inside.append(any(s <= r.start and r.end <= e for s, e in spans.get(r.article_id, [])))
    t = t.assign(voice=["attributed" if x else "outlet" for x in inside])
    for col, val in (("outlet", outlet), ("category", category), ("article_id", article_id)):
        t = _pick(t, col, val)
    cols = ["outlet", "article_id", "term", "category", "refers_to", "voice", "start", "end"]
    return t[cols].reset_index(drop=True)


def years_when(month: int, day: int, weekday: str, years=range(2010, 2026)) -> list[int]:
    """Years in which month/day fell on ``weekday`` ("Monday" or "Mon")."""
    want = weekday.strip().lower()[:3]
    out = []
    for y in years:
        try:
            if dt.date(y, month, day).strftime("%a").lower() == want:
                out.append(y)
        except ValueError:  # 29 February in a year that is not a leap year
            continue
    return out


# Compact rows (ipywidgets' HTML widget sets a 28 px line height for one-line controls), text on the
# left and numbers on the right with each header aligned like its column, ids never broken, and long
# text wrapped so the table stays within its output area. The same rules are inline on every cell
# (see table_html), so they hold where a <style> element is stripped.
TABLE_CSS = ("<style>table.claimlab-table {border-collapse: collapse; line-height: 1.3; max-width: 100%;}"
             " table.claimlab-table th, table.claimlab-table td {padding: 0.2em 0.6em;"
             " vertical-align: top; border-bottom: 1px solid #ddd;}</style>")

MAX_HTML_ROWS = 50

_CELL = "padding:0.2em 0.6em;vertical-align:top;border-bottom:1px solid #ddd;"
# Text that must stay on one line: ids ("outlet-story-2019"), short codes and dates.
_NOWRAP_COLUMNS = ("id", "date", "published", "status", "origin")


def cell_style(align: str = "left", nowrap: bool = False) -> str:
    """The inline style of a cell in a claimlab table (for tables built by hand, as :func:`table_html` builds)."""
    return f"{_CELL}text-align:{align};" + ("white-space:nowrap;" if nowrap else "overflow-wrap:anywhere;")


TABLE_STYLE = "border-collapse:collapse;line-height:1.3;max-width:100%"


def _is_number(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column.dtype)


def _nowrap(name, column: pd.Series) -> bool:
    n = str(name).lower()
    if n == "id" or n.endswith("_id") or n in _NOWRAP_COLUMNS or n.endswith(("_of", "_in")):
        return True
    if _is_number(column):
        return True
    text = column.dropna().astype(str)  # one-word values (codes, ids) are never broken at their hyphens
    return len(text) > 0 and bool(text.str.len().max() <= 40) and not text.str.contains(r"\s").any()


def _cell_text(v) -> str:
    import html
    if v is None or (not isinstance(v, (list, tuple, dict)) and pd.isna(v)):
        return ""
    if isinstance(v, float):
        return f"{v:,.10g}"
    if isinstance(v, pd.Timestamp) and v == v.normalize():  # a date, as pandas shows it
        return v.strftime("%Y-%m-%d")
    return html.escape(str(v))


def table_html(df: pd.DataFrame, index: bool = False) -> str:
    """``df`` as an escaped HTML table whose headers sit over their columns.

    Numbers are right-aligned and text left-aligned, each header aligned like
    its column; ids and other one-word values never break; long text wraps.
    With ``index``, the index comes first as ordinary columns (headed by its
    name), and a name of the columns (as ``pd.crosstab`` gives) heads them all.
    """
    import html
    if index:
        names = [n if n is not None else "" for n in df.index.names]
        body = df.reset_index(names=[f"__index{i}" for i in range(len(names))])
    else:
        names, body = [], df
    cols = list(body.columns)
    labels = [(names[i] if i < len(names) else
               " · ".join(map(str, c)) if isinstance(c, tuple) else c) for i, c in enumerate(cols)]
    align, nowrap = [], []
    for i in range(len(cols)):
        column = body.iloc[:, i]
        align.append("right" if _is_number(column) else "left")
        nowrap.append(_nowrap(labels[i], column) or i < len(names) and _is_number(column))
    style = [cell_style(a, w) for a, w in zip(align, nowrap)]
    out = [f'<table class="claimlab-table" style="{TABLE_STYLE}">',
           "<thead>"]
    if index and df.columns.name is not None and not isinstance(df.columns, pd.MultiIndex):
        out.append("<tr>" + "".join(f'<th style="{_CELL}"></th>' for _ in names)
                   + f'<th scope="colgroup" colspan="{len(cols) - len(names)}" style="{_CELL}text-align:left">'
                   f"{html.escape(str(df.columns.name))}</th></tr>")
    out.append("<tr>" + "".join(f'<th scope="col" style="{s}font-weight:bold">{html.escape(str(lab))}</th>'
                                for s, lab in zip(style, labels)) + "</tr></thead><tbody>")
    for row in body.itertuples(index=False, name=None):
        out.append("<tr>" + "".join(
            (f'<th scope="row" style="{s}">' if i < len(names) else f'<td style="{s}">')
            + _cell_text(v) + ("</th>" if i < len(names) else "</td>")
            for i, (s, v) in enumerate(zip(style, row))) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def frame_html(df: pd.DataFrame) -> str:
    """How a notebook shows a dataframe: :func:`table_html`, with the index where it means something.

    Registered for ``pandas.DataFrame`` in IPython's HTML formatter when
    claimlab is imported in a kernel (pandas' own table right-aligns text and
    puts a crosstab's column name over its index).
    """
    show_index = not (isinstance(df.index, pd.RangeIndex) and df.index.name is None
                      and df.index.start == 0 and df.index.step == 1)
    limit = pd.get_option("display.max_rows") or len(df)
    shown = df.head(limit)
    more = f"<p>Showing the first {len(shown)} of {len(df)} rows.</p>" if len(df) > len(shown) else ""
    return ("<div class='claimlab-frame' style='overflow-x:auto;max-width:100%'>"
            + table_html(shown, index=show_index) + "</div>" + more)


def as_html(df: pd.DataFrame, max_rows: int = MAX_HTML_ROWS, empty: str = "No rows match these filters.",
            total: int | None = None) -> str:
    """An escaped HTML table for a widget, or a clear sentence when nothing matches.

    At most ``max_rows`` rows are shown, with a line saying how many there are
    in all: ``len(df)``, or ``total`` when ``df`` holds only the first rows.
    """
    import html
    total = len(df) if total is None and df is not None else (total or 0)
    if df is None or total == 0 or len(df) == 0:
        return f"<p class='claimlab-empty'><em>{html.escape(empty)}</em></p>"
    shown = df.head(max_rows)
    body = TABLE_CSS + table_html(shown)
    more = f"<p>Showing {len(shown)} of {total} rows.</p>" if total > len(shown) else ""
    return body + more


def score_table(scores: dict) -> pd.DataFrame:
    """Extractor scores (from :mod:`claimlab.evaluate`) as a tidy table: one row per metric."""
    rows = []
    for part in ("cue", "source", "content"):
        for how in ("exact", "overlap"):
            s = scores[part][how]
            rows.append({"what": part, "matching": how, "precision": s["precision"],
                         "recall": s["recall"], "F1": s["f1"]})
    for cov in ("cov30", "cov80"):
        s = scores["quote"][cov]
        rows.append({"what": "whole quotation", "matching": f"covers ≥ {cov[3:]} %",
                     "precision": s["precision"], "recall": s["recall"], "F1": s["f1"]})
    return pd.DataFrame(rows).round(2)
