# %% [markdown]
# # Appendix · The course's tables, column by column
#
# **What this is:** a reference, not a lesson. It lists every table of the
# corpus, what one row of each holds, and, for the articles and paragraphs
# tables, what every column means and where it comes from. Come back to it
# whenever a lesson uses a column you do not know. There are no exercises.
#
# **Time:** about 10 minutes to read through; look things up as you need them.
# **Before you start:** [Lesson 01 · Start here](01_start_here.ipynb).

# %%
import claimlab
import pandas as pd
from IPython.display import HTML, Markdown

from claimlab.views import as_html

corpus = claimlab.load_corpus()
corpus

# %% [markdown]
# ## The tables
#
# `corpus` is not one table but several, each a *DataFrame* (a table you can
# filter and count in Python). You reach each one with a dot:
# `corpus.articles`, `corpus.paragraphs`, and so on.
#
# | table | one row per … | used most in |
# |---|---|---|
# | `articles` | article: outlet, headline, date, dateline | Lessons 01 and 03 |
# | `paragraphs` | line of text, with its *kind* (body text or page furniture) | Lesson 01 |
# | `outlets` | outlet: country, owner | Lesson 02 |
# | `attributions` | statement: who said what, and how it is reported | Lesson 04 |
# | `terms` | framing label or hedge ("regime", "so-called") | Lesson 05 |
# | `figures` | number of dead, injured, strikes … and who claims it | Lesson 06 |
# | `actors`, `segments` | who the speakers are; where the page furniture is | throughout |
#
# The next cell counts the rows of each table.

# %%
tables = ["articles", "paragraphs", "outlets", "actors", "attributions", "terms", "figures", "segments"]
pd.DataFrame({"table": tables, "rows": [len(getattr(corpus, t)) for t in tables]})

# %% [markdown]
# ## The articles table
#
# Every column has a job. Some columns are **copied from the page**, letter
# for letter; some are **worked out by the annotators** (the people who built
# the tables) from what the page says; a few are **added by the loader**, the
# code that reads the files.
#
# | column | what it holds | where it comes from |
# |---|---|---|
# | `article_id` | a short name for the article, used in every other table | chosen by the annotators |
# | `file` | the text file in `seeds/` | the folder |
# | `outlet` | who published it (a name from the outlets table) | worked out |
# | `headline` | the headline | copied from the page |
# | `published` | the publication date | worked out, except where the page states it |
# | `date_confidence` | how sure the annotators are of that date: high, medium or low | worked out |
# | `date_evidence` | the reasoning behind the date | written by the annotators |
# | `dateline` | the place (and date) line at the start of the story, e.g. "WASHINGTON, August 30" | copied from the page |
# | `byline` | the author's name line | copied from the page |
# | `wire` | the news agency named in the dateline | worked out |
# | `relays` | other outlets whose reports the article passes on | worked out |
# | `event` | what happened, in the annotators' words | written by the annotators |
# | `metadata`, `uninferred` | "curated" for hand-made rows; for your own articles, which facts the loader could not find | added by the loader |
#
# An empty cell means the page has no such thing: most of these articles have
# no byline, for example. To see **every** column of one article, turn its row
# on its side:

# %%
one = corpus.articles.set_index("article_id").loc[["tass-nauert-2018"]]
one = one.assign(published=one["published"].dt.strftime("%Y-%m-%d")).T
HTML(as_html(one.reset_index().rename(columns={"index": "column"})))

# %%
stated = corpus.articles["date_evidence"].str.startswith("Stated")
conf = corpus.articles["date_confidence"].value_counts()
Markdown(
    f"Of the **{len(corpus.articles)} articles**, the page states the full date for "
    f"**{int(stated.sum())}**; for the other **{int((~stated).sum())}** the annotators inferred it. "
    f"Their confidence is *high* for **{conf.get('high', 0)}** articles and *medium* for "
    f"**{conf.get('medium', 0)}**."
)

# %% [markdown]
# ## The paragraphs table
#
# `corpus.text(article_id)` gives an article exactly as it was saved. The
# loader cuts each text at its line breaks: every non-empty line becomes a
# row of `corpus.paragraphs`, with its position in the text (`start` and
# `end`, counted in characters) and its **kind**:
#
# | kind | what the line is |
# |---|---|
# | `body` | the article's own text |
# | `headline`, `repeated headline` | the headline, and a second copy the page printed |
# | `standfirst` | the summary line under the headline |
# | `byline` | the author's line |
# | `navigation` | a menu or section link, such as "All news" |
# | `caption`, `photo credit` | text under a photo, and who took it |
# | `crosshead` | a small heading inside the story |
# | `promo`, `share` | advertising for the outlet, and share buttons |
# | `copyright` | the site's copyright footer |
#
# The annotators marked these spans in `segments.csv`; the loader gives each
# paragraph its kind from there. A dateline shares its line with the first
# sentence, so that paragraph counts as body.

# %%
corpus.paragraphs[["article_id", "paragraph", "kind", "start", "end", "text"]].head(6)

# %%
kinds = corpus.paragraphs["kind"].value_counts()
fig = claimlab.plots.bar(kinds, "Paragraphs in the corpus, by kind", "kind of line", "paragraphs")
fig

# %%
Markdown(
    claimlab.plots.alt_text(fig)
    + f" Of {len(corpus.paragraphs)} paragraphs, {kinds.get('body', 0)} are body text and "
    f"{len(corpus.paragraphs) - kinds.get('body', 0)} are something else, spread over {len(kinds) - 1} other kinds."
)

# %% [markdown]
# ## The other tables
#
# The lessons that use them describe their columns as they go; the full list,
# with every allowed value, is in `seeds/README.md`. Their columns:

# %%
HTML(as_html(pd.DataFrame({
    "table": tables[2:],
    "columns": [", ".join(getattr(corpus, t).columns) for t in tables[2:]],
})))

# %% [markdown]
# ## Recap
#
# - `claimlab.load_corpus()` gives one object with several tables: articles,
#   paragraphs, outlets, actors, attributions, terms, figures and segments.
# - In the articles table, headline, dateline and byline are copied from the
#   page; the publication date, its confidence and the event are the
#   annotators' conclusions, and `date_evidence` says why.
# - `corpus.paragraphs` cuts each text into lines, and `kind` says whether a
#   line is body text or page furniture.
#
# **Back to:** [Lesson 01 · Start here](01_start_here.ipynb)
