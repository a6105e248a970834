"""Plotly figures for the lessons: accessible by default.

Every figure has a title, labelled axes, hover text naming the source, the
Okabe–Ito colour-blind-safe palette, and a one-sentence text alternative in
``fig.layout.meta["alt"]`` (also returned by :func:`alt_text`).
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

# Okabe & Ito (2008), "Color Universal Design": distinguishable with common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon"]

# JSON output that JupyterLab renders offline and nbval can compare; no CDN, no inline plotly.js.
pio.renderers.default = "plotly_mimetype"


def _base(fig: go.Figure, title: str, alt: str, large: bool = False) -> go.Figure:
    fig.update_layout(
        title={"text": title}, template="plotly_white", colorway=OKABE_ITO,
        font={"size": 20 if large else 14}, meta={"alt": alt},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
    )
    return fig


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


def interval_plot(claims: pd.DataFrame, large: bool = False) -> go.Figure:
    """Each figure as a range from low to high, one row per claim, coloured by claimant.

    An open end ("more than 4,600") is drawn as an arrow; a vague quantity
    ("numerous casualties") is listed with a hollow marker at zero and the
    label "no number given", never as a zero.
    """
    fig = go.Figure()
    if claims is None or len(claims) == 0:
        fig.add_annotation(text="No claims match these filters.", showarrow=False,
                           x=0.5, y=0.5, xref="paper", yref="paper")
        return _base(fig, "Claims by claimant", "An empty chart: no claims match these filters.", large)
    units = sorted(set(claims["unit"].fillna("")) - {""})
    df = claims.copy()
    for col in ("claimant", "measure", "outlet", "unit", "figure_id"):
        df[col] = df[col].fillna("").map(_label)
    df["text"] = df["text"].fillna("").map(lambda t: _label(t, 120))
    df["row"] = [f"{r.claimant} · {r.measure} ({r.figure_id})" for r in df.itertuples()]
    claimants = list(dict.fromkeys(df["claimant"]))
    colour = {c: OKABE_ITO[i % len(OKABE_ITO)] for i, c in enumerate(claimants)}
    symbol = {c: SYMBOLS[i % len(SYMBOLS)] for i, c in enumerate(claimants)}
    for c in claimants:
        part = df[df["claimant"] == c]
        xs, ys, hover, mx, my, mhover, vx, vy, vhover = [], [], [], [], [], [], [], [], []
        for r in part.itertuples():
            tip = (f"<b>{r.claimant}</b> in {r.outlet}<br>{r.measure}: "
                   f"{_fmt(r.low) or '?'} – {_fmt(r.high) or '?'} {r.unit}<br>“{r.text}”")
            lo, hi = r.low, r.high
            if pd.isna(lo) and pd.isna(hi):
                vx.append(0); vy.append(r.row); vhover.append(tip + "<br>(no number given)")
                continue
            a = lo if not pd.isna(lo) else hi * 0.8  # "almost 5,500": open towards lower values
            b = hi if not pd.isna(hi) else a * 1.25 + 1
            xs += [a, b, None]; ys += [r.row, r.row, None]; hover += [tip, tip, None]
            if not pd.isna(lo):
                mx.append(lo); my.append(r.row); mhover.append(tip)
            if not pd.isna(hi):
                mx.append(hi); my.append(r.row); mhover.append(tip)
        if xs:
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": colour[c], "width": 6},
                                     name=c, legendgroup=c, hovertext=hover, hoverinfo="text"))
        if mx:
            fig.add_trace(go.Scatter(x=mx, y=my, mode="markers", showlegend=not xs, name=c, legendgroup=c,
                                     marker={"color": colour[c], "size": 12, "symbol": symbol[c]},
                                     hovertext=mhover, hoverinfo="text"))
        if vx:
            fig.add_trace(go.Scatter(x=vx, y=vy, mode="markers+text", name=c, legendgroup=c,
                                     showlegend=not (xs or mx), text=["no number given"] * len(vx),
                                     textposition="middle right",
                                     marker={"color": "white", "size": 12, "symbol": symbol[c] + "-open",
                                             "line": {"color": colour[c], "width": 2}},
                                     hovertext=vhover, hoverinfo="text"))
    for r in df.itertuples():
        if pd.isna(r.high) and not pd.isna(r.low):  # "more than": the arrow points up
            fig.add_annotation(x=r.low * 1.25 + 1, y=r.row, ax=-30, ay=0, text="", showarrow=True,
                               arrowhead=2, arrowcolor=colour[r.claimant])
        elif pd.isna(r.low) and not pd.isna(r.high):  # "almost": the arrow points down
            fig.add_annotation(x=r.high * 0.8, y=r.row, ax=30, ay=0, text="", showarrow=True,
                               arrowhead=2, arrowcolor=colour[r.claimant])
    numbered = df.dropna(subset=["low", "high"], how="all")
    alt = (f"Ranges for {len(df)} claim(s) by {len(claimants)} claimant(s); "
           f"{len(df) - len(numbered)} give no number at all. An arrow marks an open end."
           + (f" The claims count different things ({', '.join(units)}): compare within one measure."
              if len(units) > 1 else ""))
    fig.update_xaxes(title_text="Claimed value (range from low to high)", rangemode="tozero")
    fig.update_yaxes(title_text="Claimant · what is counted", autorange="reversed", type="category")
    fig.update_layout(height=max(300, 60 + 38 * len(df)), legend_title_text="Claimant")
    return _base(fig, "What each claimant says, as ranges", alt, large)


def provenance_sankey(paths: pd.DataFrame, large: bool = False) -> go.Figure:
    """Claimant → channel → outlet, with link widths counting statements."""
    fig = go.Figure()
    if paths is None or len(paths) == 0:
        return _base(fig, "Where the statements come from", "An empty diagram: no statements.", large)
    labels: list[str] = []
    index: dict[tuple[str, str], int] = {}
    colours: list[str] = []
    for stage, col in enumerate(("claimant", "channel", "outlet")):
        for v in paths[col]:
            if (col, v) not in index:
                index[(col, v)] = len(labels)
                labels.append(_label(v))
                colours.append(OKABE_ITO[stage % len(OKABE_ITO)])
    src, dst, val, hover = [], [], [], []
    for r in paths.itertuples(index=False):
        for a, b in (("claimant", "channel"), ("channel", "outlet")):
            src.append(index[(a, getattr(r, a))]); dst.append(index[(b, getattr(r, b))])
            val.append(r.statements)
            hover.append(f"{_label(r.claimant)} → {_label(r.channel)} → {_label(r.outlet)}: "
                         f"{r.statements} statement(s)")
    fig.add_trace(go.Sankey(node={"label": labels, "color": colours, "pad": 18},
                            link={"source": src, "target": dst, "value": val, "customdata": hover,
                                  "hovertemplate": "%{customdata}<extra></extra>"}))
    def n(count, word):
        return f"{count} {word}" + ("" if count == 1 else "s")
    alt = (f"A flow diagram from {n(paths['claimant'].nunique(), 'claimant')} through "
           f"{n(paths['channel'].nunique(), 'channel')} to {n(paths['outlet'].nunique(), 'outlet')}, "
           f"{n(int(paths['statements'].sum()), 'statement')} in all.")
    fig.update_layout(height=520 if large else 460)
    return _base(fig, "Claimant → channel → outlet (width = number of statements)", alt, large)


def heatmap(counts: pd.DataFrame, title: str, x_title: str, y_title: str, large: bool = False) -> go.Figure:
    """A count table as a heat map with the numbers written in each cell."""
    fig = go.Figure()
    if counts is None or counts.empty:
        return _base(fig, title, "An empty heat map: nothing to count.", large)
    fig.add_trace(go.Heatmap(z=counts.values, x=[_label(c) for c in counts.columns],
                             y=[_label(i) for i in counts.index], colorscale="Cividis",
                             text=counts.values, texttemplate="%{text}",
                             hovertemplate=f"{y_title}: %{{y}}<br>{x_title}: %{{x}}<br>count: %{{z}}<extra></extra>",
                             colorbar={"title": {"text": "count"}}))
    stacked = counts.stack()
    tops = [f"{a} × {b}" for a, b in stacked[stacked == stacked.max()].index]
    alt = (f"A heat map of {int(counts.values.sum())} counts across {counts.shape[0]} rows and "
           f"{counts.shape[1]} columns; the largest count, {int(stacked.max())}, is in "
           f"{' and '.join(tops)}.")
    fig.update_xaxes(title_text=x_title)
    fig.update_yaxes(title_text=y_title)
    return _base(fig, title, alt, large)


def bar(counts: pd.Series, title: str, x_title: str, y_title: str = "count", large: bool = False) -> go.Figure:
    """A simple bar chart of a count series."""
    fig = go.Figure()
    if counts is None or len(counts) == 0:
        return _base(fig, title, "An empty bar chart: nothing to count.", large)
    fig.add_trace(go.Bar(x=[_label(i) for i in counts.index], y=list(counts.values),
                         marker_color=OKABE_ITO[0], hovertemplate="%{x}: %{y}<extra></extra>"))
    fig.update_xaxes(title_text=x_title)
    fig.update_yaxes(title_text=y_title)
    alt = (f"A bar chart of {len(counts)} bars; the tallest is {counts.idxmax()} "
           f"with {int(counts.max())}.")
    return _base(fig, title, alt, large)
