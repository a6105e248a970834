# %% [markdown]
# # Lesson 01 · Meet the corpus
#
# **What this lesson teaches:** what the course's collection of articles (the
# *corpus*) holds, table by table; which facts about each article are copied
# from the page and which the course team had to work out; and what the
# left-over bits of web pages in the texts tell you about how the articles
# reached us.
#
# **Learning objectives.** By the end you can
# - load the corpus and name its main tables;
# - read the articles table column by column, and tell a fact *stated* on the
#   page from one the annotators *inferred*;
# - find the evidence behind an inferred publication date;
# - look at an article's raw text and its paragraphs, and recognise page
#   furniture (menus, photo captions, share buttons, footers) as evidence of
#   how the text was collected.
#
# **Time:** 30–45 minutes. **Before you start:** [Lesson 00 · Start here](00_start_here.ipynb).

# %% [markdown]
# ## Loading the corpus
#
# Run the next cell. It loads the course's helper package and the corpus, and
# the last line shows a one-line summary of what was loaded.

# %%
import html

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML, Markdown

import claimlab
from claimlab_course import Exercise
from claimlab.reader import ArticleReader
from claimlab.views import as_html

corpus = claimlab.load_corpus()
corpus

# %% [markdown]
# `corpus` is not one table but several, each a *DataFrame* (a table you can
# filter and count in Python). You reach each one with a dot:
# `corpus.articles`, `corpus.paragraphs`, and so on.
#
# | table | one row per … | used most in |
# |---|---|---|
# | `articles` | article: outlet, headline, date, dateline | this lesson, Lesson 03 |
# | `paragraphs` | line of text, with its *kind* (body text or page furniture) | this lesson |
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
# ## The articles table, column by column
#
# Here is the articles table with a few of its columns. Each row is one article.

# %%
corpus.articles[["article_id", "outlet", "published", "date_confidence", "dateline", "byline", "wire", "relays"]]

# %% [markdown]
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

# %% [markdown]
# ## What we know, and what we had to infer
#
# Look at the `published` column again, and then at the articles' datelines.
# A dateline such as "WASHINGTON, August 30" gives a day and a month, but no
# year. The next cell counts how sure the annotators are about each date.

# %%
conf = corpus.articles["date_confidence"].value_counts()
stated = corpus.articles["date_evidence"].str.startswith("Stated")
Markdown(
    f"Of the **{len(corpus.articles)} articles**, the page states the full date for "
    f"**{int(stated.sum())}**; for the other **{int((~stated).sum())}** the annotators inferred it. "
    f"Their confidence is *high* for **{conf.get('high', 0)}** articles and *medium* for "
    f"**{conf.get('medium', 0)}**."
)

# %% [markdown]
# An inferred date is a conclusion, so it comes with its reasons. The
# `date_evidence` column holds them. Here is the evidence for the TASS
# article about the State Department spokesperson, Heather Nauert:

# %%
row = corpus.articles.set_index("article_id").loc["tass-nauert-2018"]
HTML(
    f"<p><strong>{html.escape(row['outlet'])}</strong>, dated {row['published']:%d %B %Y} "
    f"(confidence: {html.escape(row['date_confidence'])})</p>"
    f"<blockquote>{html.escape(row['date_evidence'])}</blockquote>"
)

# %% [markdown]
# The reasoning is a chain of small checks: on which weekday a date fell, who
# held which office when, and when a meeting took place. Each link can be
# checked by anyone, and Lesson 03 shows you how. Whenever a table gives you
# a fact, ask the same question: **is this stated on the page, or did someone
# infer it?**

# %% [markdown]
# ### Exercise 01.verbatim
#
# Which columns hold words copied letter for letter from the page? Compare
# the row above with the raw text of the article (the next section shows you
# how to read raw text, if you want to look first).

# %% tags=["key"]
# Lesson 01 answer key: the corpus, its articles table and its paragraphs.
import re


#: The columns offered in "01.verbatim": some copied from the page, some worked out by the annotators.
VERBATIM_OPTIONS = ["headline", "dateline", "byline", "published", "date_confidence", "event"]


def _verbatim(corpus):
    """The offered columns whose every non-empty value stands, word for word, in its article's text."""
    found = []
    for col in VERBATIM_OPTIONS:
        pairs = [(r["article_id"], str(r[col])) for _, r in corpus.articles.iterrows()
                 if str(r[col]) not in ("", "nan", "NaT", "<NA>", "None")]
        if pairs and all(re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", corpus.text(a)) for a, v in pairs):
            found.append(col)
    return found


QUESTIONS["01.verbatim"] = Question(
    prompt="Which of these columns of the articles table copy words letter for letter from the article's page? "
           "(Choose every one that does; hold Ctrl or Cmd to choose several.)",
    kind="multi",
    options=VERBATIM_OPTIONS,
    answer=_verbatim,
    hints=["Take each column in turn and look for its value, exactly as written, in the raw text above.",
           "A date like 2019-09-02 is written by the annotators in a standard form: does the page ever "
           "write it that way? And who decided how confident to be?"],
    explain="headline, dateline and byline are copied from the page; published, date_confidence and event "
            "are the annotators' own conclusions, which is why date_evidence explains them.",
)

# %%
ex_verbatim = Exercise("01.verbatim", corpus)
ex_verbatim

# %% tags=["solution"]
# Worked solution: a column is copied from the page if its value stands, word for word, in the raw text.
# The UrduPoint article has a value in every one of these columns, so it is a good one to test.
import re

u = corpus.articles.set_index("article_id").loc["urdupoint-idlib-2019"]
u_text = corpus.text("urdupoint-idlib-2019")
for column in ["headline", "dateline", "byline", "published", "date_confidence", "event"]:
    value = str(u[column])
    found = re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", u_text)
    print(f"{column:16} {'on the page' if found else 'NOT on the page'}")
ex_verbatim.check(["headline", "dateline", "byline"])

# %% [markdown]
# ## The raw text
#
# Behind every table is a plain text file. `corpus.text(article_id)` gives an
# article exactly as it was saved: one long string of characters, line breaks
# and all. Here is the UrduPoint article, shown as it is (the grey box keeps
# every line break).

# %%
raw = corpus.text("urdupoint-idlib-2019")
HTML(f"<pre style='white-space:pre-wrap;background:#f5f5f5;padding:0.8em'>{html.escape(raw)}</pre>")

# %% [markdown]
# Read it as an investigator. Some lines are not the article at all:
# - the headline appears **twice**, once above the author's line and once below
#   it, with small differences in capital letters;
# - the author's line says "6 minutes ago": six minutes before the page was
#   copied, not before you read it;
# - inside the long quotation, "U." ends one line and "S. citizens" starts a
#   new one.
#
# To see exactly what is in the text, ask Python for the characters around
# the break. In what comes back, `\n` stands for a line break:

# %%
i = raw.index("U.\n\nS.")
raw[i - 40:i + 30]

# %% [markdown]
# A line break has crept into the middle of "U.S.". We cannot know for sure
# which program put it there; a likely guess is one that took the full stop
# after "U" for the end of a sentence. A few words earlier, "August 31.This
# operation" has lost a space. Neither is the journalist's doing: they are
# marks left by the way the text was copied.

# %% [markdown]
# ## Paragraphs and their kinds
#
# The loader cuts each text at its line breaks. Every non-empty line becomes
# a row of `corpus.paragraphs`, with its position in the text (`start` and
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
corpus.paragraphs[["article_id", "paragraph", "kind", "text"]].head(6)

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
# ## Browse the paragraphs
#
# Choose a kind, an article, or both. The table underneath changes straight
# away; you do not need to re-run the cell.

# %%
kind_menu = widgets.Dropdown(options=claimlab.views.options(corpus.paragraphs, "kind"), description="Kind",
                             tooltip="Show only paragraphs of this kind")
article_menu = widgets.Dropdown(options=claimlab.views.options(corpus.paragraphs, "article_id"),
                                description="Article", tooltip="Show only paragraphs of this article")
paragraph_count = widgets.HTML()
paragraph_table = widgets.HTML()


def show_paragraphs(change=None):
    rows = corpus.paragraphs
    if kind_menu.value != "All":
        rows = rows[rows["kind"] == kind_menu.value]
    if article_menu.value != "All":
        rows = rows[rows["article_id"] == article_menu.value]
    paragraph_count.value = f"<p role='status'>{len(rows)} paragraph(s) match.</p>"
    paragraph_table.value = as_html(rows[["article_id", "paragraph", "kind", "text"]], max_rows=80)


kind_menu.observe(show_paragraphs, names="value")
article_menu.observe(show_paragraphs, names="value")
show_paragraphs()
widgets.VBox([widgets.HBox([kind_menu, article_menu]), paragraph_count, paragraph_table])

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
kind_menu.value = "caption"
captions = int((corpus.paragraphs["kind"] == "caption").sum())
assert f"{captions} paragraph(s)" in paragraph_count.value and "Hmeimim" in paragraph_table.value
article_menu.value = "tass-nauert-2018"
assert "2 paragraph(s)" in paragraph_count.value and "Martinez Monsivais" in paragraph_table.value
kind_menu.value = "share"
assert "No rows match" in paragraph_table.value
kind_menu.value = "All"
article_menu.value = "All"
assert f"{len(corpus.paragraphs)} paragraph(s)" in paragraph_count.value

# %% [markdown]
# ### Exercise 01.boilerplate
#
# *Boilerplate* is text a web page repeats around every article. How many
# paragraphs in the whole corpus are **not** body text?

# %% tags=["key"]
def _boilerplate(corpus):
    return int((corpus.paragraphs["kind"] != "body").sum())


def _boilerplate_explain(corpus):
    p = corpus.paragraphs
    n = _boilerplate(corpus)
    return (f"{n} of the {len(p)} paragraphs are not body text: headlines, captions, navigation, "
            "share links and the like, which the page put around the article.")


QUESTIONS["01.boilerplate"] = Question(
    prompt="How many paragraphs in the whole corpus are NOT body text (their kind is anything but 'body')?",
    kind="number",
    answer=_boilerplate,
    hints=["Every paragraph has a kind. Count all the rows whose kind is not 'body'.",
           "The bar chart of kinds shows one bar per kind: add up every bar except the 'body' bar."],
    explain=_boilerplate_explain,
)

# %%
ex_boiler = Exercise("01.boilerplate", corpus)
ex_boiler

# %% tags=["solution"]
# Worked solution: keep the rows whose kind is not "body", and count them.
not_body = corpus.paragraphs[corpus.paragraphs["kind"] != "body"]
ex_boiler.check(len(not_body))

# %% [markdown]
# ### Exercise 01.repeated_headline
#
# Use the paragraph browser: which article prints its headline twice?

# %% tags=["key"]
def _repeated(corpus):
    p = corpus.paragraphs
    return sorted(p.loc[p["kind"] == "repeated headline", "article_id"].unique())[0]


QUESTIONS["01.repeated_headline"] = Question(
    prompt="Which article prints its headline twice?",
    kind="choice",
    options=lambda c: sorted(c.articles["article_id"]),
    answer=_repeated,
    hints=["The paragraph browser has a Kind menu: one of the kinds is about a headline printed again.",
           "Choose that kind with Article set to All, and read the article_id of the row that appears."],
    explain="UrduPoint's page template printed the headline above the byline and again below it; "
            "the second copy differs only in capital letters ('In Idlib' / 'in Idlib').",
)

# %%
ex_repeat = Exercise("01.repeated_headline", corpus)
ex_repeat

# %% tags=["solution"]
# Worked solution: the paragraphs of kind "repeated headline" name their article.
ex_repeat.check(corpus.paragraphs.loc[corpus.paragraphs["kind"] == "repeated headline", "article_id"].iloc[0])

# %% tags=["test"]
# Course self-check: a wrong answer gets a hint, never the solution; then the exercise is reset.
feedback = ex_repeat.check("tass-idlib-2019")
assert feedback.ok is False and feedback.message.startswith("Not yet. Hint:")
assert "urdupoint" not in feedback.message.lower()
assert ex_repeat.check("urdupoint-idlib-2019").ok
ex_repeat.input.value = None
ex_repeat.feedback.value = ""
ex_repeat.attempts = 0

# %% [markdown]
# ## Page furniture as evidence
#
# It is tempting to throw the non-body lines away. An investigator keeps them,
# because each one says something about **how the text reached us**:
#
# - **Navigation** ("All news" on the TASS pages, "News / Russia" on Press TV):
#   whoever collected these articles saved whole web pages, menus included,
#   not a clean feed from the news agency.
# - **Captions and photo credits**: the page had photos, some supplied by other
#   organisations (AP, Reuters). A caption can carry its own date; Lesson 03
#   shows that a caption's date is not always the article's date.
# - **Share buttons and promos** ("SHARE THIS ARTICLE", Press TV's alternate
#   web addresses): the page was built to be shared and to advertise the outlet.
# - **A repeated headline**: UrduPoint's page template prints the headline twice.
#   Count statements naively and you count that one twice; the attributions
#   table marks the copy with `repeat_of`.
# - **Relative times** ("6 minutes ago"): they were relative to the moment the
#   page was copied.
# - **A sentence broken across lines** ("U." / "S. citizens"): some program
#   changed the text on its way to us.
# - **A copyright footer** ("© Copyright IBTimes 2024"): a year, but not the
#   year of the article. Lesson 03 explains why.
#
# The article reader below shows an article with its page furniture greyed
# out and labelled with its kind. The highlight check boxes are for later
# lessons; they start switched off here. Choose another article from the menu
# to compare pages.

# %%
reader = ArticleReader(corpus, "presstv-idlib-2017")
for box in reader.toggles.values():
    box.value = False
reader

# %% tags=["test"]
# Course self-check: switching article updates the page in place; boilerplate is labelled with its kind.
assert 'data-kind="share"' in reader.value and "SHARE THIS ARTICLE" in reader.value
reader.article.value = "ibtimes-aleppo-2016"
assert 'data-kind="copyright"' in reader.value and "Copyright IBTimes" in reader.value
assert "<mark" not in reader.value
reader.article.value = "presstv-idlib-2017"

# %% [markdown]
# ### Exercise 01.share_kind
#
# What kind of line is "SHARE THIS ARTICLE"?

# %% tags=["key"]
def _share_kind(corpus):
    p = corpus.paragraphs
    return p.loc[p["text"] == "SHARE THIS ARTICLE", "kind"].iloc[0]


def _kinds(corpus):
    return sorted(corpus.paragraphs["kind"].unique())


QUESTIONS["01.share_kind"] = Question(
    prompt="What kind of line is 'SHARE THIS ARTICLE'?",
    kind="choice",
    options=_kinds,
    answer=_share_kind,
    hints=["It is a button a reader clicks to post the article elsewhere, not something a journalist wrote.",
           "Set the paragraph browser to the Press TV article and find the row with that text: "
           "its kind column gives the answer."],
    explain="It is the label of the Press TV page's share button, copied along with the article.",
)

# %%
ex_share = Exercise("01.share_kind", corpus)
ex_share

# %% tags=["solution"]
# Worked solution: find the paragraph with that text and read its kind.
p = corpus.paragraphs
ex_share.check(p.loc[p["text"] == "SHARE THIS ARTICLE", "kind"].iloc[0])

# %% [markdown]
# ## Recap
#
# - `claimlab.load_corpus()` gives one object with several tables: articles,
#   paragraphs, outlets, actors, attributions, terms, figures and segments.
# - In the articles table, headline, dateline and byline are copied from the
#   page; the publication date, its confidence and the event are the
#   annotators' conclusions, and `date_evidence` says why.
# - `corpus.text(article_id)` is the raw text; `corpus.paragraphs` cuts it into
#   lines, and `kind` says whether a line is body text or page furniture.
# - Menus, captions, share buttons, repeated headlines, broken sentences and
#   copyright footers are evidence of how the text was collected. Keep them in
#   view instead of deleting them.
#
# **Next:** [Lesson 02 · Sourcing](02_sourcing.ipynb)
