"""Sourcing: who published an article, whose copy it carries, and how each statement reached it.

Tables and a widget for lessons 02 (sourcing) and 04 (attribution):

* :func:`outlet_roles` / :func:`outlets_html` / :func:`ownership_groups` — the
  outlets table with the part each outlet plays in the corpus (publisher,
  wire, relayed source) and its citation as a link, and outlets by ownership;
* :func:`article_sources` — per article: the outlet and its owner, the dateline
  and byline as printed, and the wire it credits with its owner;
* :func:`provenance_paths` / :func:`describe_paths` / :class:`ProvenanceExplorer`
  — :func:`claimlab.views.provenance` filtered, as a sentence per path (the text
  alternative of the diagram), and as a filter widget that redraws the table and
  the Sankey diagram in place;
* :func:`version`, :func:`compare_versions`, :func:`pair_speakers` and
  :func:`cue_counts` — the same statement in two outlets, and the reporting cues;

(The Markdown helpers the lessons use, ``md`` and ``and_join``, live in
:mod:`claimlab.format`.)

All corpus text that ends up in HTML is escaped here or by the functions called.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pandas as pd

from claimlab import plots, views
from claimlab.format import split_list as _split
from claimlab.format import text as _s  # a cell as text: "" for missing values
from claimlab.widgets import Explorer, dropdown

if TYPE_CHECKING:
    from claimlab.corpus import Corpus

__all__ = ["outlet_roles", "ownership_groups", "outlets_html", "article_sources",
           "provenance_paths", "describe_paths", "ProvenanceExplorer", "version", "compare_versions",
           "pair_speakers", "cue_counts"]


# ----------------------------------------------------------------------------- outlets

def outlet_roles(corpus: Corpus) -> pd.DataFrame:
    """The outlets table with a ``role`` column: what each outlet does in this corpus.

    Roles are "published N article(s)", "wire credited by <outlet>" and
    "relayed by <outlet>", joined with "; " (sorted, so the text is stable).
    """
    arts = corpus.articles
    roles: dict[str, list[str]] = {}
    for outlet, n in arts["outlet"].value_counts().sort_index().items():
        roles.setdefault(outlet, []).append(f"published {n} article(s)")
    for r in arts.sort_values("outlet").itertuples(index=False):
        wire = _s(getattr(r, "wire", ""))
        if wire and wire != r.outlet:
            roles.setdefault(wire, []).append(f"wire credited by {r.outlet}")
        for relayed in _split(getattr(r, "relays", "")):
            role = f"relayed by {r.outlet}"
            if relayed != wire and role not in roles.get(relayed, []):
                roles.setdefault(relayed, []).append(role)
    out = corpus.outlets.copy()
    out["role"] = [("; ".join(roles.get(o, [])) or "not in the articles") for o in out["outlet"]]
    cols = ["outlet", "country", "ownership", "parent", "kind", "role", "citation", "note"]
    return out[[c for c in cols if c in out.columns]].reset_index(drop=True)


def ownership_groups(corpus: Corpus) -> dict[str, list[str]]:
    """Ownership ("state-owned", "private", …) → the sorted outlets with it, from the outlets table."""
    o = corpus.outlets
    return {k: sorted(g["outlet"]) for k, g in o.groupby("ownership", sort=True)} if len(o) else {}


def outlets_html(corpus: Corpus) -> str:
    """:func:`outlet_roles` as an escaped HTML table whose citations are links."""
    df = outlet_roles(corpus)
    cols = [c for c in ("outlet", "country", "ownership", "parent", "role", "citation") if c in df.columns]
    left = views.cell_style("left")
    head = "".join(f'<th scope="col" style="{left}">{html.escape(c)}</th>' for c in cols)
    rows = []
    for r in df.to_dict("records"):
        cells = []
        for c in cols:
            text = _s(r.get(c))
            if c == "citation" and text.startswith(("https://", "http://")):
                cells.append(f'<td style="{left}"><a href="{html.escape(text, quote=True)}" target="_blank" '
                             f'rel="noopener">{html.escape(text)}</a></td>')
            else:
                cells.append(f'<td style="{left}">{html.escape(text)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table class="claimlab-table" style="{views.TABLE_STYLE}"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def article_sources(corpus: Corpus) -> pd.DataFrame:
    """Per article: outlet and owner, dateline and byline as printed, the wire credited and its owner.

    ``dateline`` is the page's dateline segment when there is one (it carries
    the agency credit, e.g. "/TASS/"), else the ``dateline`` column; ``byline``
    is the name the page prints, '' when there is none.
    """
    owner = dict(zip(corpus.outlets["outlet"], corpus.outlets["ownership"])) if len(corpus.outlets) else {}
    seg = corpus.segments
    printed = {}
    if len(seg):
        for r in seg[seg["kind"] == "dateline"].itertuples(index=False):
            printed.setdefault(r.article_id, r.text)
    rows = []
    for r in corpus.articles.to_dict("records"):
        wire = _s(r.get("wire"))
        rows.append({"outlet": r["outlet"], "ownership": owner.get(r["outlet"], "unknown"),
                     "article_id": r["article_id"],
                     "dateline": printed.get(r["article_id"], _s(r.get("dateline"))),
                     "byline": _s(r.get("byline")), "wire": wire,
                     "wire_ownership": owner.get(wire, "unknown") if wire else "",
                     "relays": _s(r.get("relays"))})
    return pd.DataFrame(rows, columns=["outlet", "ownership", "article_id", "dateline", "byline", "wire",
                                       "wire_ownership", "relays"])


# ----------------------------------------------------------------------------- provenance

def provenance_paths(corpus: Corpus, outlet=None, claimant=None, channel=None) -> pd.DataFrame:
    """:func:`claimlab.views.provenance`, filtered ("All" or None keeps every value)."""
    df = views.provenance(corpus)
    for col, value in (("outlet", outlet), ("claimant", claimant), ("channel", channel)):
        if value not in (None, "", views.ALL):
            df = df[df[col] == value]
    return df.reset_index(drop=True)


def describe_paths(paths: pd.DataFrame) -> str:
    """Every path as "claimant → channel → outlet (n)", HTML-escaped: the diagram in words."""
    if paths is None or len(paths) == 0:
        return "No statements match these filters."
    parts = [f"{html.escape(r.claimant)} → {html.escape(r.channel)} → {html.escape(r.outlet)} "
             f"({r.statements})" for r in paths.itertuples(index=False)]
    total = int(paths["statements"].sum())
    return f"{total} statement(s) along {len(paths)} path(s): " + "; ".join(parts) + "."


class ProvenanceExplorer(Explorer):
    """Claimant → channel → outlet: filter by outlet, claimant and channel; table and diagram update in place.

    Like the explorers in :mod:`claimlab.widgets`: ``.widget``, ``.filters``,
    ``.set(**values)``, ``.table`` (the paths shown) and ``.figure`` (the Sankey diagram).
    """

    title = "Provenance explorer: who said it, through whom, and who printed it?"

    def __init__(self, corpus: Corpus, large: bool = False):
        super().__init__(corpus, large)
        paths = views.provenance(corpus)
        self.filters = {
            "outlet": dropdown("Outlet", views.options(paths, "outlet"), "The outlet that printed the statement"),
            "claimant": dropdown("Claimant", views.options(paths, "claimant"), "Who the statement comes from"),
            "channel": dropdown("Channel", views.options(paths, "channel"),
                                 "How the words reached the outlet, where the text says so"),
        }
        self._build()

    def update(self):
        s = self.selection()
        self.table = provenance_paths(self.corpus, **s)
        self.table_out.value = views.as_html(self.table)
        self.figure = plots.provenance_sankey(self.table, large=self.large)
        if len(self.table) > 6:
            said = (f"{int(self.table['statements'].sum())} statement(s) along {len(self.table)} path(s); "
                    "the table below lists them.")
        else:
            said = describe_paths(self.table)
        self.caption.value = f"<p>{said} <em>{html.escape(plots.alt_text(self.figure))}</em></p>"
        self._show_figure()


# ----------------------------------------------------------------------------- versions of a statement

def _attribution(corpus: Corpus, attribution_id: str) -> dict:
    att = corpus.attributions
    rows = att[att["attribution_id"] == attribution_id]
    if rows.empty:
        raise KeyError(f"no attribution {attribution_id!r}")
    return rows.iloc[0].to_dict()


def version(corpus: Corpus, attribution_id: str, scope: str = "content") -> str:
    """The words of one statement: its ``content``, or the whole ``paragraph`` it stands in."""
    r = _attribution(corpus, attribution_id)
    if scope == "content":
        return _s(r.get("content"))
    if scope != "paragraph":
        raise ValueError("scope is 'content' or 'paragraph'")
    p = corpus.paragraphs
    start = int(r["start"])
    hit = p[(p["article_id"] == r["article_id"]) & (p["start"] <= start) & (p["end"] > start)]
    return _s(hit.iloc[0]["text"]) if len(hit) else _s(r.get("content"))


def _label(corpus: Corpus, attribution_id: str, scope: str) -> str:
    r = _attribution(corpus, attribution_id)
    outlets = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"]))
    wires = dict(zip(corpus.articles["article_id"], corpus.articles.get("wire", pd.Series(dtype=str))))
    outlet = outlets.get(r["article_id"], r["article_id"])
    wire = _s(wires.get(r["article_id"]))
    who = f"{outlet} / {wire}" if wire and wire != outlet else outlet
    what = "whole paragraph" if scope == "paragraph" else "statement"
    return f"{who} ({r['article_id']}, {attribution_id}, {what})"


def compare_versions(corpus: Corpus, a: str, b: str, scope_a: str = "content", scope_b: str = "content",
                     large: bool = False) -> str:
    """Two attributions side by side (:func:`claimlab.compare.side_by_side`), labelled with outlet, wire and id."""
    from claimlab.compare import side_by_side
    return side_by_side(version(corpus, a, scope_a), version(corpus, b, scope_b),
                        _label(corpus, a, scope_a), _label(corpus, b, scope_b), large=large)


def pair_speakers(corpus: Corpus) -> pd.DataFrame:
    """For each pair from :func:`claimlab.compare.statement_pairs`: how each outlet names the speaker and the cue."""
    from claimlab.compare import statement_pairs
    pairs = statement_pairs(corpus)
    att = corpus.attributions.set_index("attribution_id")
    rows = []
    for p in pairs.itertuples(index=False):
        row = {}
        for side in ("a", "b"):
            aid = getattr(p, f"attribution_{side}")
            r = att.loc[aid]
            row.update({f"outlet_{side}": getattr(p, f"outlet_{side}"), f"id_{side}": aid,
                        f"speaker_{side}": _s(r["speaker"]), f"speaker_type_{side}": _s(r["speaker_type"]),
                        f"cue_{side}": _s(r["cue"])})
        row["similarity"] = p.similarity
        rows.append(row)
    cols = [f"{k}_{s}" for s in ("a", "b") for k in ("outlet", "id", "speaker", "speaker_type", "cue")]
    return pd.DataFrame(rows, columns=cols + ["similarity"])


def cue_counts(corpus: Corpus, outlet=None) -> pd.DataFrame:
    """Reporting cues (lower-cased) with how many statements use each, in which outlets, and one example.

    Repeated headlines are left out, as in :func:`claimlab.views.statements`.
    Sorted by count, then alphabetically.
    """
    st = views.statements(corpus, outlet=outlet)
    if st.empty:
        return pd.DataFrame(columns=["cue", "statements", "outlets", "example_speaker", "example"])
    st = st.assign(cue=st["cue"].str.lower())
    rows = []
    for cue, g in st.groupby("cue", sort=True):
        first = g.iloc[0]
        content = " ".join(_s(first["content"]).split())
        rows.append({"cue": cue, "statements": len(g), "outlets": ", ".join(sorted(g["outlet"].unique())),
                     "example_speaker": _s(first["speaker"]) or "(no speaker named)",
                     "example": content if len(content) <= 90 else content[:89].rstrip() + "…"})
    df = pd.DataFrame(rows)
    return df.sort_values(["statements", "cue"], ascending=[False, True], kind="stable").reset_index(drop=True)
