"""Plotly figures for the lessons: accessible by default.

Every figure has a title, labelled axes, hover text naming the source, the
Okabe–Ito colour-blind-safe palette, and a one-sentence text alternative in
``fig.layout.meta["alt"]`` (also returned by :func:`alt_text`).
"""

from __future__ import annotations

import html
import sys
import threading

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .markup import OKABE_ITO


def _import_renderers() -> None:
    """Import plotly's renderers, and through them nbformat and jsonschema, from a fresh thread.

    jsonschema builds a Lark parser for IRIs when it is imported (with the
    rfc3987-syntax package that Jupyter installs). On CPython before 3.13 a
    call that lands on a boundary of the interpreter's frame stack allocates
    and frees memory on every call (CPython issue gh-142183), and whether
    that parser's recursion hits such a boundary depends only on how deep the
    importing code already is. In a Jupyter kernel, ``from claimlab import
    plots`` took 7.6 s where ``import claimlab.plots`` took 3.0 s, with 500,000
    mmap/munmap calls. A new thread starts at a small, fixed depth.
    """
    errors: list[BaseException] = []

    def load():
        try:
            import plotly.io._renderers  # noqa: F401
        except BaseException as e:  # re-raised in the caller's thread
            errors.append(e)

    worker = threading.Thread(target=load, name="claimlab-import-plotly-renderers")
    worker.start()
    worker.join()
    if errors:
        raise errors[0]


if sys.version_info < (3, 13) and "plotly.io._renderers" not in sys.modules:
    _import_renderers()

# Okabe & Ito (2008), "Color Universal Design": distinguishable with common colour-vision deficiencies.
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon"]

# JSON output that JupyterLab renders offline and nbval can compare; no CDN, no inline plotly.js.
pio.renderers.default = "plotly_mimetype"

# The look of plotly's "plotly_white" (white ground, pale grid), without its
# defaults for the dozens of trace types the course never draws: a figure
# copies and checks its whole template, and that one costs about 15 ms per
# figure, most of a widget update. Registered under a name of its own; the
# user's default template is left alone.
_GRID = "#EBF0F8"
_AXIS = {"gridcolor": _GRID, "linecolor": _GRID, "zerolinecolor": _GRID, "zerolinewidth": 2,
         "ticks": "", "automargin": True, "title": {"standoff": 15}}
pio.templates["claimlab"] = go.layout.Template(layout={
    "colorway": OKABE_ITO, "font": {"color": "#2a3f5f"}, "hoverlabel": {"align": "left"},
    "hovermode": "closest", "paper_bgcolor": "white", "plot_bgcolor": "white",
    "title": {"x": 0.05}, "xaxis": _AXIS, "yaxis": _AXIS,
})


def figure(cls=go.Figure):
    """An empty figure with the course's template (given at once, so plotly's default is never copied)."""
    return cls(layout={"template": "claimlab"})


class Figure(go.Figure):
    """A plotly figure that names itself for screen readers when a notebook shows it.

    plotly.js draws an SVG with no accessible name. Shown in a notebook, this
    figure first shows an invisible :class:`claimlab.figure_alt.FigureLabels`,
    which gives every plotly graph on the page its text alternative
    (``layout.meta["alt"]``) as ``aria-label``. Everything else is plotly's
    ``go.Figure``.
    """

    def _ipython_display_(self):
        from IPython.display import display

        from .figure_alt import FigureLabels

        display(FigureLabels())
        super()._ipython_display_()


def _make(title: str, alt: str, /, large: bool = False, data=(), **layout) -> go.Figure:
    """A figure built in one go from plain dicts: title, palette, font size and text alternative.

    Adding traces and annotations one by one re-checks the figure each time;
    giving them all at once checks each piece once.
    """
    spec = {"template": "claimlab", "title": {"text": title}, "colorway": OKABE_ITO,
            "font": {"size": 20 if large else 14}, "meta": {"alt": alt},
            "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
            # As wide as the output area (plotly.js draws 700 px wide without it).
            "autosize": True}
    spec.update(layout)  # a full title dict (position and all) replaces the plain one
    return Figure(data=list(data), layout=spec)


def alt_text(fig: go.Figure) -> str:
    """The figure's one-sentence text alternative."""
    meta = fig.layout.meta or {}
    return meta.get("alt", "") if isinstance(meta, dict) else ""


def _label(value, limit: int = 60) -> str:
    """Corpus text for a plotly label: plotly reads a subset of HTML, so escape it; keep it short."""
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return html.escape(text, quote=False)


def _fmt(v) -> str:
    return "" if pd.isna(v) else f"{v:,.10g}"


def interval_plot(claims: pd.DataFrame, large: bool = False, max_rows: int | None = None,
                  max_panels: int | None = None) -> go.Figure:
    """Each figure as a range from low to high, one row per claim, one panel per measure.

    Every measure (what is counted) gets a panel with an x axis of its own, so
    a count of strikes is never read against a count of people. Rows are
    coloured by claimant (legend above the panels); a row's label is short
    (claimant and figure id), the hover text gives everything. An open end
    ("more than 4,600") is drawn as an arrow; a vague quantity ("numerous
    casualties") is listed with a hollow marker at zero and the label "no
    number given", never as a zero.

    With ``max_panels`` only the measures with the most claims get a panel,
    and with ``max_rows`` at most that many rows are drawn, so the figure's
    height stays bounded; ``fig.layout.meta["note"]`` then says what is left
    out (empty when nothing is).
    """
    if claims is None or len(claims) == 0:
        return _make("Claims by claimant", "An empty chart: no claims match these filters.", large,
                     annotations=[{"text": "No claims match these filters.", "showarrow": False,
                                   "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper"}])
    total = len(claims)
    measure = claims["measure"].fillna("").astype(str)
    counts = measure.value_counts(sort=False)  # in order of first appearance
    order = sorted(counts.index, key=lambda m: -counts[m])  # stable: ties keep their order
    n_measures = len(order)
    if max_panels is not None and len(order) > max_panels:
        order = order[:max_panels]
        claims = claims[measure.isin(order)]
    if max_rows is not None and len(claims) > max_rows:
        claims = claims.head(max_rows)
        order = [m for m in order if m in set(claims["measure"].fillna("").astype(str))]
    units = sorted(set(claims["unit"].fillna("")) - {""})

    def lab(v, limit=60):
        return "" if pd.isna(v) else _label(v, limit)

    rows = []
    panel_of = {m: p for p, m in enumerate(order)}
    for raw in claims[["claimant", "measure", "outlet", "unit", "figure_id", "text", "low", "high"]].to_dict("records"):
        r = {**{k: lab(raw[k]) for k in ("claimant", "measure", "outlet", "unit", "figure_id")},
             "text": lab(raw["text"], 120), "low": raw["low"], "high": raw["high"],
             "panel": panel_of["" if pd.isna(raw["measure"]) else str(raw["measure"])]}
        # A short label (claimant and figure id) leaves the width to the data; the hover says everything.
        r["row"] = f"{lab(raw['claimant'], 24)} · {r['figure_id']}"
        rows.append(r)
    by_claimant: dict[str, list[dict]] = {}
    for r in rows:
        by_claimant.setdefault(r["claimant"], []).append(r)
    colour = {c: OKABE_ITO[i % len(OKABE_ITO)] for i, c in enumerate(by_claimant)}
    symbol = {c: SYMBOLS[i % len(SYMBOLS)] for i, c in enumerate(by_claimant)}
    in_legend: set[str] = set()

    def axes(p):
        return ("x", "y") if p == 0 else (f"x{p + 1}", f"y{p + 1}")

    traces = []
    for c, part in by_claimant.items():
        for p in sorted({r["panel"] for r in part}):
            xa, ya = axes(p)
            xs, ys, hover, mx, my, mhover, vx, vy, vhover = [], [], [], [], [], [], [], [], []
            for r in (r for r in part if r["panel"] == p):
                tip = (f"<b>{r['claimant']}</b> in {r['outlet']} ({r['figure_id']})<br>{r['measure']}: "
                       f"{_fmt(r['low']) or '?'} – {_fmt(r['high']) or '?'} {r['unit']}<br>“{r['text']}”")
                lo, hi, row = r["low"], r["high"], r["row"]
                if pd.isna(lo) and pd.isna(hi):
                    vx.append(0); vy.append(row); vhover.append(tip + "<br>(no number given)")
                    continue
                a = lo if not pd.isna(lo) else hi * 0.8  # "almost 5,500": open towards lower values
                b = hi if not pd.isna(hi) else a * 1.25 + 1
                xs += [a, b, None]; ys += [row, row, None]; hover += [tip, tip, None]
                if not pd.isna(lo):
                    mx.append(lo); my.append(row); mhover.append(tip)
                if not pd.isna(hi):
                    mx.append(hi); my.append(row); mhover.append(tip)
            common = {"type": "scatter", "name": c, "legendgroup": c, "hoverinfo": "text", "xaxis": xa, "yaxis": ya}
            for kind, show in (("lines", xs), ("markers", mx), ("vague", vx)):
                if not show:
                    continue
                t = {**common, "showlegend": c not in in_legend}
                in_legend.add(c)
                if kind == "lines":
                    t.update(x=xs, y=ys, mode="lines", line={"color": colour[c], "width": 6}, hovertext=hover)
                elif kind == "markers":
                    t.update(x=mx, y=my, mode="markers", hovertext=mhover,
                             marker={"color": colour[c], "size": 12, "symbol": symbol[c]})
                else:
                    t.update(x=vx, y=vy, mode="markers+text", hovertext=vhover,
                             text=["no number given"] * len(vx), textposition="middle right",
                             marker={"color": "white", "size": 12, "symbol": symbol[c] + "-open",
                                     "line": {"color": colour[c], "width": 2}})
                traces.append(t)
    arrows = []
    for r in rows:
        lo, hi = r["low"], r["high"]
        xa, ya = axes(r["panel"])
        if pd.isna(hi) and not pd.isna(lo):  # "more than": the arrow points up
            arrows.append({"x": lo * 1.25 + 1, "y": r["row"], "ax": -30, "ay": 0, "text": "", "xref": xa, "yref": ya,
                           "showarrow": True, "arrowhead": 2, "arrowcolor": colour[r["claimant"]]})
        elif pd.isna(lo) and not pd.isna(hi):  # "almost": the arrow points down
            arrows.append({"x": hi * 0.8, "y": r["row"], "ax": 30, "ay": 0, "text": "", "xref": xa, "yref": ya,
                           "showarrow": True, "arrowhead": 2, "arrowcolor": colour[r["claimant"]]})
    # Panels stacked top to bottom, each as tall as its rows; sizes in pixels, then as fractions.
    row_px, gap_px = (34, 62) if large else (26, 50)
    title_px, line_px = (44, 30) if large else (36, 24)
    legend_lines = 1 + len(by_claimant) // (3 if large else 4)  # a horizontal legend wraps
    top = title_px + legend_lines * line_px + (34 if large else 28)  # + the first panel's title
    panel_rows = [sum(1 for r in rows if r["panel"] == p) for p in range(len(order))]
    plot_px = sum(n * row_px + 20 for n in panel_rows) + gap_px * (len(order) - 1)
    bottom = 40
    height = top + plot_px + bottom
    layout = {}
    titles = []
    y = plot_px
    for p, m in enumerate(order):
        xa, ya = axes(p)
        h = panel_rows[p] * row_px + 20
        d0, d1 = (y - h) / plot_px, y / plot_px
        y -= h + gap_px
        unit = next((r["unit"] for r in rows if r["panel"] == p and r["unit"]), "")
        cats = list(dict.fromkeys(r["row"] for r in rows if r["panel"] == p))
        layout["xaxis" if p == 0 else f"xaxis{p + 1}"] = {
            "anchor": ya, "domain": [0, 1], "rangemode": "tozero", "automargin": True,
            "showticklabels": any(not (pd.isna(r["low"]) and pd.isna(r["high"]))
                                  for r in rows if r["panel"] == p)}
        layout["yaxis" if p == 0 else f"yaxis{p + 1}"] = {
            "anchor": xa, "domain": [max(0.0, d0), min(1.0, d1)], "type": "category", "autorange": "reversed",
            "categoryorder": "array", "categoryarray": cats, "automargin": True}
        titles.append({"text": f"<b>{_label(m) or '(no measure)'}</b>" + (f" ({unit})" if unit else ""),
                       "showarrow": False, "xref": "paper", "yref": "paper", "x": 0, "xanchor": "left",
                       "y": min(1.0, d1), "yanchor": "bottom", "yshift": 4, "font": {"size": 22 if large else 15}})
    vague = sum(1 for r in rows if pd.isna(r["low"]) and pd.isna(r["high"]))
    alt = (f"Ranges for {len(rows)} claim(s) by {len(by_claimant)} claimant(s), in {len(order)} panel(s), "
           f"one per measure; {vague} give no number at all. An arrow marks an open end."
           + (f" Each panel has its own scale ({', '.join(units)}): compare within one panel." if len(units) > 1 else ""))
    note = ""
    if len(rows) < total:
        note = (f"The plot shows {len(rows)} of {total} claims"
                + (f", in {len(order)} of {n_measures} measures (those with the most claims)"
                   if len(order) < n_measures else "")
                + ": filter to see the rest.")
    fig = _make("", alt, large, data=traces, annotations=titles + arrows,
                height=height, margin={"l": 10, "r": 20, "t": top, "b": bottom},
                title={"text": "What each claimant says, as ranges", "x": 0.01, "xanchor": "left",
                       "yref": "container", "y": 1 - 8 / height, "yanchor": "top"},
                legend={"title": {"text": "Claimant:"}, "orientation": "h", "x": 0, "xanchor": "left",
                        "yref": "container", "y": 1 - title_px / height, "yanchor": "top"},
                **layout)
    fig.layout.meta = {"alt": alt, "note": note}
    return fig


def _sankey_order(paths: pd.DataFrame, stages: tuple[str, ...]) -> dict[str, list]:
    """Node order per column, to keep bands from crossing: outlets by size, each earlier column by
    the weighted mean position of the nodes it flows into (one barycentre pass, right to left)."""
    order: dict[str, list] = {}
    last = stages[-1]
    order[last] = list(paths.groupby(last, sort=False)["statements"].sum().sort_values(ascending=False, kind="stable").index)
    for left, right in zip(stages[-2::-1], stages[:0:-1]):
        rank = {v: i for i, v in enumerate(order[right])}
        w = paths.assign(_pos=paths[right].map(rank) * paths["statements"])
        g = w.groupby(left, sort=False)[["_pos", "statements"]].sum()
        order[left] = list((g["_pos"] / g["statements"]).sort_values(kind="stable").index)
    return order


def provenance_sankey(paths: pd.DataFrame, large: bool = False) -> go.Figure:
    """Claimant → channel → outlet, with link widths counting statements.

    The node labels are drawn beside the diagram (claimants to the left of
    the first column, outlets to the right of the last) or, for the channels
    in the middle, on an opaque box, so that no band runs over a label; the
    full names are in the hover text. Nodes are placed by hand
    (``arrangement="fixed"``) so the labels can be put where the nodes are.
    """
    title = "Claimant → channel → outlet (width = number of statements)"
    if paths is None or len(paths) == 0:
        return _make("Where the statements come from", "An empty diagram: no statements.", large)
    stages = ("claimant", "channel", "outlet")
    font = 20 if large else 14
    height = 520 if large else 460
    top, bottom, pad = 60, 10, 18
    plot_h = height - top - bottom
    order = _sankey_order(paths, stages)
    totals = {col: paths.groupby(col, sort=False)["statements"].sum() for col in stages}
    # plotly (d3-sankey) scales every node by one factor, the one that fits the fullest column.
    ky = min((plot_h - (len(order[c]) - 1) * pad) / totals[c].sum() for c in stages)
    # The label columns: room for the longest label (about 0.55 em per character) of a 1,000 px plot.
    short = {c: {v: _label(v, 30) for v in order[c]} for c in stages}
    def room(col):
        return min(0.34, max(0.1, 0.55 * font * max(len(t) for t in short[col].values()) / 1000 + 0.02))
    x0, x1 = room("claimant"), 1 - room("outlet")
    labels, colours, xs, ys, hovers, index = [], [], [], [], [], {}
    annotations = []
    for stage, col in enumerate(stages):
        n = len(order[col])
        heights = [totals[col][v] * ky for v in order[col]]
        gap = (plot_h - sum(heights)) / (n - 1) if n > 1 else 0
        y = 0 if n > 1 else (plot_h - heights[0]) / 2
        x = (0.001, 0.5, 0.999)[stage]
        for v, h in zip(order[col], heights):
            centre = (y + h / 2) / plot_h
            index[(col, v)] = len(labels)
            labels.append("")  # drawn as an annotation below
            colours.append(OKABE_ITO[stage % len(OKABE_ITO)])
            xs.append(x)
            ys.append(max(centre, 0.001))
            hovers.append(f"{_label(v)} ({col}): {int(totals[col][v])} statement(s)")
            note = {"text": short[col][v], "yref": "paper", "y": 1 - centre, "yanchor": "middle",
                    "showarrow": False, "font": {"size": font}, "xref": "paper"}
            if stage == 0:
                note.update(x=x0 - 0.01, xanchor="right")
            elif stage == 2:
                note.update(x=x1 + 0.01, xanchor="left")
            else:
                note.update(x=(x0 + x1) / 2, xanchor="left", xshift=12, bgcolor="rgba(255,255,255,0.92)",
                            bordercolor="#555555", borderwidth=1, borderpad=2)
            annotations.append(note)
            y += h + gap
    src, dst, val, hover = [], [], [], []
    for r in paths.itertuples(index=False):
        for a, b in (("claimant", "channel"), ("channel", "outlet")):
            src.append(index[(a, getattr(r, a))]); dst.append(index[(b, getattr(r, b))])
            val.append(r.statements)
            hover.append(f"{_label(r.claimant)} → {_label(r.channel)} → {_label(r.outlet)}: "
                         f"{r.statements} statement(s)")
    sankey = {"type": "sankey", "arrangement": "fixed", "domain": {"x": [x0, x1], "y": [0, 1]},
              "node": {"label": labels, "color": colours, "pad": pad, "x": xs, "y": ys,
                       "customdata": hovers, "hovertemplate": "%{customdata}<extra></extra>"},
              "link": {"source": src, "target": dst, "value": val, "customdata": hover,
                       "hovertemplate": "%{customdata}<extra></extra>"}}

    def n(count, word):
        return f"{count} {word}" + ("" if count == 1 else "s")
    alt = (f"A flow diagram from {n(paths['claimant'].nunique(), 'claimant')} through "
           f"{n(paths['channel'].nunique(), 'channel')} to {n(paths['outlet'].nunique(), 'outlet')}, "
           f"{n(int(paths['statements'].sum()), 'statement')} in all.")
    return _make(title, alt, large, data=[sankey], height=height, annotations=annotations,
                 margin={"l": 10, "r": 10, "t": top, "b": bottom})


def heatmap(counts: pd.DataFrame, title: str, x_title: str, y_title: str, large: bool = False) -> go.Figure:
    """A count table as a heat map with the numbers written in each cell."""
    if counts is None or counts.empty:
        return _make(title, "An empty heat map: nothing to count.", large)
    trace = {"type": "heatmap", "z": counts.values, "x": [_label(c) for c in counts.columns],
             "y": [_label(i) for i in counts.index], "colorscale": "Cividis",
             "text": counts.values, "texttemplate": "%{text}",
             "hovertemplate": f"{y_title}: %{{y}}<br>{x_title}: %{{x}}<br>count: %{{z}}<extra></extra>",
             "colorbar": {"title": {"text": "count"}}}
    stacked = counts.stack()
    tops = [f"{a} × {b}" for a, b in stacked[stacked == stacked.max()].index]
    alt = (f"A heat map of {int(counts.values.sum())} counts across {counts.shape[0]} rows and "
           f"{counts.shape[1]} columns; the largest count, {int(stacked.max())}, is in "
           f"{' and '.join(tops)}.")
    return _make(title, alt, large, data=[trace],
                 xaxis={"title": {"text": x_title}}, yaxis={"title": {"text": y_title}})


def bar(counts: pd.Series, title: str, x_title: str, y_title: str = "count", large: bool = False) -> go.Figure:
    """A simple bar chart of a count series."""
    if counts is None or len(counts) == 0:
        return _make(title, "An empty bar chart: nothing to count.", large)
    trace = {"type": "bar", "x": [_label(i) for i in counts.index], "y": list(counts.values),
             "marker": {"color": OKABE_ITO[0]}, "hovertemplate": "%{x}: %{y}<extra></extra>"}
    alt = (f"A bar chart of {len(counts)} bars; the tallest is {counts.idxmax()} "
           f"with {int(counts.max())}.")
    return _make(title, alt, large, data=[trace],
                 xaxis={"title": {"text": x_title}}, yaxis={"title": {"text": y_title}})
