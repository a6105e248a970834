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

import ipywidgets as W
import plotly.graph_objects as go
from IPython.display import display

from . import plots, views

_STYLE = {"description_width": "initial"}
# A range plot with more rows than this is unreadable (and slow to redraw); the table still counts all.
MAX_PLOTTED = 60


def _dropdown(name: str, values: list[str], tip: str) -> W.Dropdown:
    return W.Dropdown(options=values, value=views.ALL, description=name, tooltip=tip,
                      description_allow_html=False, style=_STYLE,
                      layout=W.Layout(width="auto", min_width="14em"))


class _Explorer:
    title = ""

    def __init__(self, corpus, large: bool = False):
        self.corpus = corpus
        self.large = large
        self.filters: dict[str, W.Dropdown] = {}
        self.table_out = W.HTML()
        self.figure_widget = go.FigureWidget()
        self.caption = W.HTML()
        self.table = None
        self.figure = None
        self._muted = False

    def _changed(self, change):
        if not self._muted:
            self.update()

    def _build(self):
        for dd in self.filters.values():
            dd.observe(self._changed, names="value")
        size = "1.25em" if self.large else "1em"
        head = W.HTML(f"<h3 style='font-size:{size}'>{self.title}</h3>")
        self.widget = W.VBox([head, W.HBox(list(self.filters.values()), layout=W.Layout(flex_flow="row wrap")),
                              self.caption, self.figure_widget, self.table_out])
        self.update()

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
        fw = self.figure_widget
        with fw.batch_update():
            fw.data = []
            fw.add_traces(list(self.figure.data))
            # Assigning a layout does not remove keys the new one lacks: clear them explicitly.
            fw.layout.annotations = self.figure.layout.annotations or ()
            fw.layout = self.figure.layout
            fw.layout.xaxis.autorange = True
            fw.layout.yaxis.autorange = self.figure.layout.yaxis.autorange or True

    def selection(self) -> dict:
        return {k: dd.value for k, dd in self.filters.items()}


class ClaimExplorer(_Explorer):
    """Casualty and strike figures: filter by outlet, claimant, measure and article."""

    title = "Claim explorer: who claims which number?"

    def __init__(self, corpus, large: bool = False):
        super().__init__(corpus, large)
        all_claims = self._all = views.claims(corpus)  # joined once; updates only filter it
        self.filters = {
            "outlet": _dropdown("Outlet", views.options(all_claims, "outlet"), "Which outlet published the figure"),
            "claimant": _dropdown("Claimant", views.options(all_claims, "claimant"), "Who the figure is attributed to"),
            "measure": _dropdown("Measure", views.options(all_claims, "measure"), "What is being counted"),
            "article": _dropdown("Article", views.options(corpus.articles, "article_id"), "One article only"),
        }
        self._build()

    def update(self):
        s = self.selection()
        t = self._all
        for col, key in (("outlet", "outlet"), ("claimant", "claimant"), ("measure", "measure"),
                         ("article_id", "article")):
            t = views._pick(t, col, s[key])
        self.table = t.reset_index(drop=True)
        shown = self.table[["outlet", "claimant", "measure", "low", "high", "unit", "qualifier", "text"]] \
            if len(self.table) else self.table
        self.table_out.value = views.as_html(shown)
        shown_claims = self.table.head(MAX_PLOTTED)
        self.figure = plots.interval_plot(shown_claims, large=self.large)
        more = (f" The plot shows the first {MAX_PLOTTED} of {len(self.table)} claims: filter to see the rest."
                if len(self.table) > MAX_PLOTTED else "")
        self.caption.value = f"<p><em>{html.escape(plots.alt_text(self.figure) + more)}</em></p>"
        self._show_figure()


class StatementExplorer(_Explorer):
    """Attributed statements: filter by outlet, actor, speaker type and quote type."""

    title = "Statement explorer: who said what, and how is it reported?"

    def __init__(self, corpus, large: bool = False):
        super().__init__(corpus, large)
        all_st = self._all = views.statements(corpus)  # joined once; updates only filter it
        self._cues = all_st["cue"].str.lower()
        self.filters = {
            "outlet": _dropdown("Outlet", views.options(all_st, "outlet"), "Which outlet reports the statement"),
            "actor": _dropdown("Actor", views.options(all_st, "actor"), "Who the statement is attributed to"),
            "speaker_type": _dropdown("Speaker type", views.options(all_st, "speaker_type"),
                                      "Named person, institution, or anonymous source"),
            "quote_type": _dropdown("Quote type", views.options(all_st, "quote_type"),
                                    "Direct quotation, paraphrase, or a mix"),
        }
        self._build()

    def update(self):
        s = self.selection()
        t = self._all
        for col in ("outlet", "actor", "speaker_type", "quote_type"):
            t = views._pick(t, col, s[col])
        self.table = t.reset_index(drop=True)
        shown = self.table[["outlet", "speaker", "actor", "speaker_type", "cue", "quote_type", "content"]] \
            if len(self.table) else self.table
        self.table_out.value = views.as_html(shown)
        counts = self._cues[t.index].value_counts() if len(self.table) else self.table
        self.figure = plots.bar(counts if len(self.table) else None,
                                "Reporting verbs and cues in the selection", "cue", "statements",
                                large=self.large)
        self.caption.value = (f"<p>{len(self.table)} statement(s) match. "
                              f"<em>{html.escape(plots.alt_text(self.figure))}</em></p>")
        self._show_figure()
