"""Put the extractor's output beside the people's annotations, for lesson 08.

:func:`extracted` gives a copy of a corpus whose attributions, figures and
terms come from the machine; :func:`match_statements` lines the two up for
one article (found / missed / spurious); :class:`MachineReader` shows both
side by side.
"""

from __future__ import annotations

import dataclasses
import html
from typing import TYPE_CHECKING

import pandas as pd

from .views import as_html

if TYPE_CHECKING:
    from claimlab.corpus import Corpus


def extracted(corpus: Corpus):
    """The same texts, with every table of annotations made by the extractor."""
    from .extract import extract
    from .framing import find_terms
    attributions, figures = extract(corpus.texts)
    attributions = attributions.copy()
    attributions["direct"] = (attributions["quote_type"] == "direct").astype(bool)
    for col in ("nested_in", "repeat_of", "note"):
        attributions[col] = ""
    return dataclasses.replace(corpus, attributions=attributions, figures=figures,
                               terms=find_terms(corpus.texts))


def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_statements(people: pd.DataFrame, machine: pd.DataFrame) -> pd.DataFrame:
    """Pair statements whose content spans overlap (each used once, biggest overlap first).

    One row per statement: ``status`` is *found* (both have it), *missed* (only
    the people) or *spurious* (only the machine).
    """
    pairs = []
    for i, p in enumerate(people.itertuples(index=False)):
        for j, m in enumerate(machine.itertuples(index=False)):
            ov = _overlap((p.start, p.end), (m.start, m.end))
            if ov > 0:
                pairs.append((ov, i, j))
    from .evaluate import greedy_match

    used_p, used_m, rows = set(), set(), []
    for i, j in greedy_match(pairs):
        used_p.add(i)
        used_m.add(j)
        p, m = people.iloc[i], machine.iloc[j]
        rows.append({"status": "found", "start": int(p["start"]), "people_speaker": p["speaker"],
                     "people_content": p["content"], "machine_speaker": m["speaker"],
                     "machine_content": m["content"]})
    for i in range(len(people)):
        if i not in used_p:
            p = people.iloc[i]
            rows.append({"status": "missed", "start": int(p["start"]), "people_speaker": p["speaker"],
                         "people_content": p["content"], "machine_speaker": "", "machine_content": ""})
    for j in range(len(machine)):
        if j not in used_m:
            m = machine.iloc[j]
            rows.append({"status": "spurious", "start": int(m["start"]), "people_speaker": "",
                         "people_content": "", "machine_speaker": m["speaker"],
                         "machine_content": m["content"]})
    cols = ["status", "start", "people_speaker", "people_content", "machine_speaker", "machine_content"]
    return pd.DataFrame(rows, columns=cols).sort_values(["start", "status"]).reset_index(drop=True)


def scores(matched: pd.DataFrame) -> dict:
    """Counts and precision/recall from :func:`match_statements` (overlap matching)."""
    found = int((matched["status"] == "found").sum())
    missed = int((matched["status"] == "missed").sum())
    spurious = int((matched["status"] == "spurious").sum())
    precision = found / (found + spurious) if found + spurious else 0.0
    recall = found / (found + missed) if found + missed else 0.0
    return {"found": found, "missed": missed, "spurious": spurious,
            "precision": round(precision, 3), "recall": round(recall, 3)}


class MachineReader:
    """Choose an article; read the people's and the machine's annotations side by side."""

    def __init__(self, corpus: Corpus, machine=None, large: bool = False):
        import ipywidgets as W

        from .reader import article_options
        self.corpus = corpus
        self.machine = machine if machine is not None else extracted(corpus)
        self.large = large
        opts = article_options(corpus)
        self.article = W.Dropdown(options=opts, value=opts[0][1] if opts else None, description="Article",
                                  tooltip="Choose the article to compare", style={"description_width": "initial"},
                                  layout=W.Layout(width="auto", min_width="24em"))
        self.layer = W.ToggleButtons(options=[("Attributions", "attributions"), ("Figures", "figures")],
                                     value="attributions", description="Show",
                                     tooltips=["Who said what", "Numbers"], style={"description_width": "initial"})
        self.summary = W.HTML()
        self.left, self.right = W.HTML(layout=W.Layout(width="50%")), W.HTML(layout=W.Layout(width="50%"))
        self.table = W.HTML()
        self.widget = W.VBox([self.article, self.layer, self.summary, W.HBox([self.left, self.right]), self.table])
        self.article.observe(lambda _: self.update(), names="value")
        self.layer.observe(lambda _: self.update(), names="value")
        self.matched = None
        self.update()

    def update(self):
        from .reader import render_article
        aid, layer = self.article.value, self.layer.value
        if aid is None:
            self.summary.value = "<p><em>No articles in this corpus.</em></p>"
            return
        heading = "<h4 style='margin:0.2em 0'>{}</h4>"
        self.left.value = heading.format("Annotated by people") + render_article(self.corpus, aid, (layer,), large=self.large)
        self.right.value = heading.format("Found by the extractor") + render_article(self.machine, aid, (layer,), large=self.large)
        if layer == "attributions":
            people = self.corpus.attributions[self.corpus.attributions["article_id"] == aid]
            machine = self.machine.attributions[self.machine.attributions["article_id"] == aid]
            self.matched = match_statements(people, machine)
            s = scores(self.matched)
            self.summary.value = (f"<p>{s['found']} found, {s['missed']} missed, {s['spurious']} spurious "
                                  f"(precision {s['precision']:.2f}, recall {s['recall']:.2f}, "
                                  "matching statements whose content overlaps).</p>")
            self.table.value = as_html(self.matched.drop(columns=["start"]))
        else:
            n_p = int((self.corpus.figures["article_id"] == aid).sum())
            n_m = int((self.machine.figures["article_id"] == aid).sum())
            self.matched = None
            self.summary.value = f"<p>People marked {n_p} figure(s); the extractor found {n_m}.</p>"
            self.table.value = ""

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def describe(value) -> str:
    return html.escape(str(value))
