"""Running the extractor: one article's rows, the typed DataFrames, and many
articles at once (:class:`Extraction`, with worker processes for large runs)."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd

from .attributions import Article, attribution_rows, find_attributions
from .figures import figure_rows

ATTRIBUTION_COLUMNS = [
    "article_id", "attribution_id", "speaker", "speaker_start", "speaker_end",
    "cue", "cue_start", "cue_end", "content", "content_start", "content_end",
    "start", "end", "actor", "speaker_type", "quote_type", "direct", "channel", "origin",
]
FIGURE_COLUMNS = [
    "article_id", "figure_id", "claimant", "measure", "low", "high", "unit",
    "qualifier", "text", "start", "end", "origin",
]
_ATTR_DTYPES = {
    "speaker_start": "Int64", "speaker_end": "Int64", "cue_start": "Int64", "cue_end": "Int64",
    "content_start": "Int64", "content_end": "Int64", "start": "Int64", "end": "Int64",
    "direct": "boolean",
}
_FIG_DTYPES = {"low": "Float64", "high": "Float64", "start": "Int64", "end": "Int64"}


def _frame(rows: list[tuple], columns: list[str], dtypes: dict[str, str]) -> pd.DataFrame:
    """A DataFrame from row tuples, built one typed column at a time (for many
    rows much faster than ``from_records`` followed by ``astype``)."""
    n = len(rows)
    data = {}
    for name, col in zip(columns, zip(*rows) if rows else [()] * len(columns)):
        dtype = dtypes.get(name, "string")
        if dtype == "Int64":
            try:  # no missing values: straight to a NumPy array
                data[name] = pd.arrays.IntegerArray(np.array(col, dtype=np.int64), np.zeros(n, dtype=bool))
                continue
            except TypeError:
                pass
        data[name] = pd.array(col, dtype=dtype)
    return pd.DataFrame(data, columns=columns)


def attr_frame(rows: list[tuple]) -> pd.DataFrame:
    return _frame(rows, ATTRIBUTION_COLUMNS, _ATTR_DTYPES)


def article_rows(text: str, article_id: str, figures: bool = True) -> tuple[list[tuple], list[tuple]]:
    """(attribution rows, figure rows) for one article, as plain tuples."""
    art = Article(text)
    attrs = attribution_rows(text, article_id, find_attributions(art))
    figs = figure_rows(text, article_id, attrs, art.fig_keys) if figures else []
    return attrs, figs


def extract_attributions(text: str, article_id: str = "") -> pd.DataFrame:
    """Attribution rows for one article (columns :data:`ATTRIBUTION_COLUMNS`)."""
    return attr_frame(article_rows(text, article_id, figures=False)[0])


# ---------------------------------------------------------------------------


def fig_frame(rows: list[tuple]) -> pd.DataFrame:
    return _frame(rows, FIGURE_COLUMNS, _FIG_DTYPES)


def extract_figures(text: str, article_id: str = "") -> pd.DataFrame:
    """Figure rows for one article (columns :data:`FIGURE_COLUMNS`)."""
    return fig_frame(article_rows(text, article_id)[1])


# ---------------------------------------------------------------------------
# many articles
# ---------------------------------------------------------------------------

def _batch(items: list[tuple[str, str]]) -> tuple[list[tuple], list[tuple]]:
    """Rows for a run of articles, as plain tuples."""
    attrs, figs = [], []
    for aid, text in items:
        a, f = article_rows(text, aid)
        attrs.extend(a)
        figs.extend(f)
    return attrs, figs


def batch_frames(items: list[tuple[str, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Worker side of :func:`extract`: the two DataFrames for a run of articles.

    Built here rather than from all the rows at the end: the worker processes
    share that work, and a DataFrame travels back cheaply (its number columns
    as arrays, not one Python object per value).
    """
    attrs, figs = _batch(items)
    return attr_frame(attrs), fig_frame(figs)


def _chunks(items: list[tuple[str, str]], n: int) -> list[list[tuple[str, str]]]:
    """``items`` cut, in order, into about ``n`` runs of similar total text length."""
    total = sum(len(t) for _, t in items)
    target = max(1, total // n)
    chunks, cur, size = [], [], 0
    for item in items:
        cur.append(item)
        size += len(item[1])
        if size >= target:
            chunks.append(cur)
            cur, size = [], 0
    if cur:
        chunks.append(cur)
    return chunks


class Extraction:
    """The extractor run over many articles, started now and read run by run.

    Creating it starts the work: with 2,000 articles or more (or ``workers``
    > 1) the articles are cut into about eight runs per worker, of similar
    total length, and handed to worker processes at once, so the caller can
    do other work while they run. Iterating yields ``(articles_done,
    attributions, figures)`` for each run, in the order of ``texts``.
    Serially, runs hold ``serial_run`` articles (all of them when None).
    Iterating to the end, or :meth:`close`, stops the workers.
    """

    def __init__(self, texts: dict[str, str], workers: int | None = None, serial_run: int | None = None):
        items = list(texts.items())
        if workers is None:
            workers = min(2, os.cpu_count() or 1) if len(items) >= 2000 else 1
        self.total = len(items)
        self._pool = None
        if workers <= 1 or len(items) < 2:
            step = serial_run or max(1, len(items))
            self._runs = [items[i:i + step] for i in range(0, len(items), step)] or [[]]
            self._results = (batch_frames(run) for run in self._runs)
        else:
            self._runs = _chunks(items, workers * 8)
            self._pool = ProcessPoolExecutor(max_workers=workers)
            self._results = self._pool.map(batch_frames, self._runs)

    def __iter__(self):
        done = 0
        try:
            for run, (attrs, figs) in zip(self._runs, self._results):
                done += len(run)
                yield done, attrs, figs
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def extract(texts: dict[str, str], workers: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(attributions, figures) for many articles, keyed by article_id.

    With many articles (≥ 2,000) the work is split over ``workers`` processes
    (default: up to 2 of the available CPUs); results are identical either way.
    Each worker takes about eight runs of articles in turn, so neither waits
    long for the other at the end, and the runs' DataFrames are joined in order
    (see :class:`Extraction`).
    """
    parts = [(a, f) for _, a, f in Extraction(texts, workers)]
    if len(parts) == 1:
        return parts[0]
    return (pd.concat([a for a, _ in parts], ignore_index=True),
            pd.concat([f for _, f in parts], ignore_index=True))
