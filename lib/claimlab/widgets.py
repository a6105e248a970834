"""Filter widgets that update a table and a figure in place.

Each explorer is a small class: ``.widget`` is what the notebook displays,
``.filters`` maps a name to its Dropdown, and ``.table`` / ``.figure`` hold
what is shown now, so a test cell can set a filter and check the result.
Figures are shown in a ``plotly.graph_objects.FigureWidget`` that is updated
in place, so nothing is printed into the cell's own output (an ``Output``
widget would leak its contents into nbval's comparison).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as W
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from IPython.display import display

from . import plots, views
from .figure_alt import FigureLabels

if TYPE_CHECKING:
    from claimlab.corpus import Corpus

_STYLE = {"description_width": "initial"}
# A range plot with more rows or panels than this is too tall to read (and slow to redraw): it shows
# the measures with the most claims, at most this many rows; the caption says so and the table counts all.
MAX_PLOTTED = 30
MAX_PANELS = 12
# Likewise for the bar chart of cues: the most frequent ones are drawn.
MAX_BARS = 40


def dropdown(name: str, values: list[str], tip: str) -> W.Dropdown:
    return W.Dropdown(options=values, value=views.ALL, description=name, tooltip=tip,
                      description_allow_html=False, style=_STYLE,
                      layout=W.Layout(width="auto", min_width="14em"))


class Explorer:
    title = ""

    def __init__(self, corpus: Corpus, large: bool = False):
        self.corpus = corpus
        self.large = large
        self.filters: dict[str, W.Dropdown] = {}
        self.table_out = W.HTML()
        self.figure_widget = None  # made from the first figure (see _show_figure)
        self.caption = W.HTML()
        self.figure = None
        self._muted = False
        self._rows = np.zeros(0, dtype=np.intp)  # positions in self._all of the rows that match
        self._table = None
        self._drafts = np.zeros(0, dtype=bool)

    def _draft_filter(self) -> None:
        """Where some rows are machine drafts nobody has checked: a Rows menu, checked rows by default."""
        self._drafts = views.drafts(self._all).to_numpy()
        if self._drafts.any():
            self.filters["rows"] = W.Dropdown(
                options=[("checked rows only", "checked"), ("checked rows and drafts", "all")], value="checked",
                description="Rows", tooltip="Drafts are rows a machine made that nobody has checked yet",
                style=_STYLE, layout=W.Layout(width="auto", min_width="14em"))

    def _draft_note(self) -> str:
        """How many rows are drafts, and whether they are shown (empty when there are none)."""
        n = int(self._drafts.sum())
        if not n:
            return ""
        shown = self.filters["rows"].value == "all"
        return (f" {n} of {len(self._drafts)} row(s) are still drafts nobody has checked"
                + (": they are shown, marked draft." if shown else
                   ": they are hidden (choose Rows: checked rows and drafts to see them)."))

    @property
    def table(self) -> pd.DataFrame:
        """The rows that match the filters now (built when first asked for after an update)."""
        if self._table is None:
            self._table = self._all.iloc[self._rows].reset_index(drop=True)
        return self._table

    @table.setter
    def table(self, value: pd.DataFrame):  # explorers that do not filter self._all set it directly
        self._table = value

    def _index(self, columns):
        """Code each filter column once, so that an update compares small integers, not strings."""
        self._codes = {}
        for col in columns:
            codes, uniques = pd.factorize(self._all[col])  # missing values get -1 and match no option
            self._codes[col] = (codes, {v: i for i, v in enumerate(uniques)})

    def _match(self, pairs) -> np.ndarray:
        """Positions of the rows whose columns equal the chosen values ("All" matches everything)."""
        mask = None
        for col, value in pairs:
            if value in (None, views.ALL, ""):
                continue
            codes, lookup = self._codes[col]
            m = codes == lookup.get(value, -2)
            mask = m if mask is None else mask & m
        if "rows" in self.filters and self.filters["rows"].value == "checked":
            mask = ~self._drafts if mask is None else mask & ~self._drafts
        rows = np.arange(len(self._all)) if mask is None else np.flatnonzero(mask)
        self._rows, self._table = rows, None
        return rows

    def _changed(self, change):
        if not self._muted:
            self.update()

    def _build(self):
        for dd in self.filters.values():
            dd.observe(self._changed, names="value")
        size = "1.25em" if self.large else "1em"
        head = W.HTML(f"<h3 style='font-size:{size}'>{self.title}</h3>")
        self.update()  # before the box is built: the FigureWidget starts with the first figure
        self.widget = W.VBox([head, W.HBox(list(self.filters.values()), layout=W.Layout(flex_flow="row wrap")),
                              self.caption, self.figure_widget, FigureLabels(), self.table_out])

    def set(self, **values):
        """Set several filters at once (names as in ``.filters``), then update once."""
        self._muted = True
        try:
            for name, value in values.items():
                if name not in self.filters:
                    raise KeyError(f"no filter {name!r}; filters are {', '.join(self.filters)}")
                self.filters[name].value = value
        finally:
            self._muted = False
        self.update()
        return self

    def _ipython_display_(self):
        display(self.widget)

    def _show_figure(self):
        if self.figure_widget is None:
            # A FigureWidget sends its figure to the page once, when it is made; later changes travel as
            # messages that only a page already open receives. Voila fetches the widgets' state after
            # the notebook has run, so a widget made empty and filled afterwards is drawn empty there.
            self.figure_widget = go.FigureWidget(self.figure)
            # plotly.js's "responsive" option redraws the figure at the output's width when the window
            # changes size. FigureWidget has no public way to pass plotly.js options: this trait is the
            # one its page side hands to Plotly.newPlot.
            self.figure_widget._config = {"responsive": True}
            return
        fw = self.figure_widget
        new = self.figure.layout
        # Assigning a layout does not remove keys the new one lacks: clear them explicitly
        # (the annotations, and the axes of panels the new figure does not have).
        keep = new.to_plotly_json()
        old_axes = [k for k in fw.layout.to_plotly_json() if k.startswith(("xaxis", "yaxis")) and k not in keep]
        if old_axes:
            fw.plotly_relayout({key: None for key in old_axes})
        with fw.batch_update():
            fw.data = []
            fw.add_traces(list(self.figure.data))
            fw.layout.annotations = new.annotations or ()
            fw.layout = new
            for key in keep:  # a user's zoom is forgotten
                if key.startswith("xaxis"):
                    fw.layout[key].autorange = True
                elif key.startswith("yaxis"):
                    fw.layout[key].autorange = new[key].autorange or True

    def selection(self) -> dict:
        return {k: dd.value for k, dd in self.filters.items()}


class ClaimExplorer(Explorer):
    """Casualty and strike figures: filter by outlet, claimant, measure and article."""

    title = "Claim explorer: who claims which number?"

    def __init__(self, corpus: Corpus, large: bool = False):
        super().__init__(corpus, large)
        all_claims = self._all = views.claims(corpus)  # joined once; updates only filter it
        self.filters = {
            "outlet": dropdown("Outlet", views.options(all_claims, "outlet"), "Which outlet published the figure"),
            "claimant": dropdown("Claimant", views.options(all_claims, "claimant"), "Who the figure is attributed to"),
            "measure": dropdown("Measure", views.options(all_claims, "measure"), "What is being counted"),
            "article": dropdown("Article", views.options(corpus.articles, "article_id"), "One article only"),
        }
        self._index(["outlet", "claimant", "measure", "article_id"])
        self._draft_filter()
        self._build()

    def update(self):
        s = self.selection()
        rows = self._match([("outlet", s["outlet"]), ("claimant", s["claimant"]),
                            ("measure", s["measure"]), ("article_id", s["article"])])
        chosen = self._all.iloc[rows]
        cols = ["outlet", "claimant", "measure", "low", "high", "unit", "qualifier", "text"]
        self.table_out.value = views.as_html(chosen.head(views.MAX_HTML_ROWS)[cols + (["status"] if self._drafts.any() else [])],
                                             total=len(rows))
        self.figure = plots.interval_plot(chosen, large=self.large, max_rows=MAX_PLOTTED, max_panels=MAX_PANELS)
        note = self.figure.layout.meta.get("note", "") if isinstance(self.figure.layout.meta, dict) else ""
        more = f" {note}" if note else ""
        self.caption.value = f"<p><em>{html.escape(plots.alt_text(self.figure) + more + self._draft_note())}</em></p>"
        self._show_figure()


class StatementExplorer(Explorer):
    """Attributed statements: filter by outlet, actor, speaker type and quote type."""

    title = "Statement explorer: who said what, and how is it reported?"

    def __init__(self, corpus: Corpus, large: bool = False):
        super().__init__(corpus, large)
        all_st = self._all = views.statements(corpus)  # joined once; updates only filter it
        self._cue_codes, self._cue_names = pd.factorize(all_st["cue"].str.lower())
        self.filters = {
            "outlet": dropdown("Outlet", views.options(all_st, "outlet"), "Which outlet reports the statement"),
            "actor": dropdown("Actor", views.options(all_st, "actor"), "Who the statement is attributed to"),
            "speaker_type": dropdown("Speaker type", views.options(all_st, "speaker_type"),
                                      "Named person, institution, or anonymous source"),
            "quote_type": dropdown("Quote type", views.options(all_st, "quote_type"),
                                    "Direct quotation, paraphrase, or a mix"),
        }
        self._index(list(self.filters))
        self._draft_filter()
        self._build()

    def cue_counts(self) -> pd.Series:
        """Statements per (lower-cased) cue in the selection: most first, ties in order of appearance.

        The same order as ``table["cue"].str.lower().value_counts()``, without building the table.
        """
        codes = self._cue_codes[self._rows]
        codes = codes[codes >= 0]
        counts = np.bincount(codes, minlength=len(self._cue_names))
        first = np.full(len(self._cue_names), len(codes))
        np.minimum.at(first, codes, np.arange(len(codes)))
        present = np.flatnonzero(counts)
        order = present[np.lexsort((first[present], -counts[present]))]
        return pd.Series(counts[order], index=pd.Index(self._cue_names[order], name="cue"), name="count")

    def update(self):
        s = self.selection()
        rows = self._match([(col, s[col]) for col in ("outlet", "actor", "speaker_type", "quote_type")])
        first = self._all.iloc[rows[:views.MAX_HTML_ROWS]]
        cols = ["outlet", "speaker", "actor", "speaker_type", "cue", "quote_type", "content"]
        self.table_out.value = views.as_html(first[cols + (["status"] if self._drafts.any() else [])],
                                             total=len(rows))
        counts = self.cue_counts()
        self.figure = plots.bar(counts.head(MAX_BARS) if len(counts) else None,
                                "Reporting verbs and cues in the selection", "cue", "statements",
                                large=self.large)
        more = (f" The chart shows the {MAX_BARS} most frequent of {len(counts)} cues."
                if len(counts) > MAX_BARS else "")
        self.caption.value = (f"<p>{len(rows)} statement(s) match.{html.escape(self._draft_note())} "
                              f"<em>{html.escape(plots.alt_text(self.figure) + more)}</em></p>")
        self._show_figure()
