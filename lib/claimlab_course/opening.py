"""Lesson 01's opening puzzle: the two death tolls of the Press TV article, read from the tables.

The lesson's first cell shows them with :func:`two_tolls`, so a student who has
never run a cell meets two quoted sentences, not the dataframe filtering that
finds them (lesson 06 teaches that).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown

from claimlab import format as fmt

if TYPE_CHECKING:
    import pandas as pd

    from claimlab.corpus import Corpus

ARTICLE = "presstv-idlib-2017"


def toll_rows(corpus: Corpus) -> tuple[pd.Series, pd.Series]:
    """The figures-table rows of SOHR's people killed and the Civil Defence's bodies recovered."""
    strike = corpus.figures[corpus.figures["article_id"] == ARTICLE]
    killed = strike[(strike["measure"] == "killed") & strike["low"].notna()].iloc[0]
    bodies = strike[strike["measure"] == "bodies recovered"].iloc[0]
    return killed, bodies


def two_tolls(corpus: Corpus) -> Markdown:
    """Each toll as its speaker's words, quoted from the article, then the two numbers side by side."""
    said = corpus.attributions.set_index("attribution_id")
    rows = toll_rows(corpus)
    lines = [f"> **{fmt.md(said.loc[f['attribution_id'], 'speaker'])}** {fmt.md(said.loc[f['attribution_id'], 'cue'])} "
             f"“{fmt.md(f['text'])}”.  \n" for f in rows]
    killed, bodies = rows
    return Markdown("\n".join(lines) + f"\nOne article, one day of strikes, two numbers: "
                    f"**{int(killed['low'])}** and **{int(bodies['low'])}**.")
