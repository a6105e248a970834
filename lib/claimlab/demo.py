"""The live-demo dashboard: claim explorer and highlighted article, large type, no code.

``make demo`` serves ``notebooks/demo.ipynb`` with Voila; the notebook shows
``Dashboard(corpus)``.  Choosing one article in the explorer also opens it
in the reader below, with the figures highlighted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as W

from . import views
from .reader import ArticleReader
from .widgets import ClaimExplorer

if TYPE_CHECKING:
    from claimlab.corpus import Corpus

CSS = """<style>
.claimlab-demo, .claimlab-demo .widget-label, .claimlab-demo select, .claimlab-demo button,
.claimlab-demo .widget-dropdown > select { font-size: 20px !important; }
.claimlab-demo .widget-dropdown, .claimlab-demo .widget-inline-hbox, .claimlab-demo .widget-checkbox
{ height: auto !important; min-height: 2.2em; }
.claimlab-demo .widget-dropdown > select { height: 2em !important; }
.claimlab-demo .widget-checkbox label, .claimlab-demo p, .claimlab-demo em { font-size: 18px !important; }
.claimlab-demo table.claimlab-table { font-size: 18px; border-collapse: collapse; }
.claimlab-demo table.claimlab-table td, .claimlab-demo table.claimlab-table th { padding: 4px 10px; }
.claimlab-demo h2 { font-size: 30px; }
</style>"""


class Dashboard:
    """Explorer on top, reader below; the explorer's article choice drives the reader."""

    def __init__(self, corpus: Corpus, large: bool = True):
        self.corpus = corpus
        self.explorer = ClaimExplorer(corpus, large=large)
        self.reader = ArticleReader(corpus, large=large)
        self.explorer.filters["article"].observe(self._follow, names="value")
        title = W.HTML("<h2>Conflicting Accounts · who claims which number?</h2>"
                       "<p style='font-size:20px'>Choose an outlet, a claimant, what is counted or an article. "
                       "Below, read the article with its statements, figures and framing terms highlighted; "
                       "hover over a highlight to see who said it.</p>")
        self.widget = W.VBox([W.HTML(CSS), title, self.explorer.widget,
                              W.HTML("<h2>Read the article</h2>"), self.reader.widget])
        self.widget.add_class("claimlab-demo")

    def _follow(self, change):
        if change["new"] not in (None, views.ALL):
            self.reader.article.value = change["new"]

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
