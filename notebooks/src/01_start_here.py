# %% [markdown]
# # Lesson 01 · Start here: one air strike, two death tolls
#
# **The question.** One Tuesday in February, air strikes were reported in
# the city of Idlib in Syria. Two groups gave numbers for the dead, and Iran's
# state-owned English channel, Press TV, printed both in one article. The
# numbers are not the same. **Is one of them wrong?**
#
# **Learning objectives.** By the end you can
# - run a cell, and re-run a notebook from the top;
# - use a widget (a menu or a check box) and see it change what is shown;
# - say why two death tolls for one event can differ without either being false;
# - tell a fact *stated* on a page from one somebody *inferred*;
# - read the left-over bits of a web page (menus, captions, share buttons) as
#   evidence of how a text reached you.
#
# **Time:** about 30 minutes. **Before you start:** nothing. No programming
# experience is needed; you will read more code than you write.

# %% [markdown]
# ## Run your first cell
#
# A notebook is a list of *cells*. Text cells like this one explain. Code
# cells hold Python. Click the code cell below and press **Shift + Enter**
# to run it: it loads the course's collection of news articles (the
# *corpus*) and shows the two numbers, word for word as the article
# prints them.

# %%
# Load the course's articles and tables; then show the two death tolls, quoted from the article.
import claimlab
import claimlab_course.opening
from IPython.display import Markdown

corpus = claimlab.load_corpus()
claimlab_course.opening.two_tolls(corpus)

# %% [markdown]
# If you ever see a red error box instead of an answer, choose **Kernel →
# Restart Kernel and Run All Cells…** from the menu. That runs the notebook
# again from the top, which fixes most problems.

# %% [markdown]
# ### Exercise 01.two_tolls
#
# Before you read on, commit to an answer. Type it in the box and press
# **Submit**: you will then see a model answer and what a strong answer
# contains. Nothing is marked right or wrong; this is your first guess, and
# Lesson 06 comes back to it.

# %% tags=["key"]
# Lesson 01 answer key: the opening puzzle, stated and inferred facts, and page furniture.
import re


QUESTIONS["01.two_tolls"] = Question(
    prompt="Does one of the two numbers have to be wrong? Give your decision, and your reason, "
           "in a sentence or two.",
    kind="judgement",
    answer="No. They count different things: the Observatory counts people killed, the Civil Defence counts "
           "bodies recovered, and the two need not match: a body may be recovered by someone else or not "
           "at all, and a person may die later in hospital. Each number is also a snapshot taken at some "
           "hour, and tolls usually change as days pass. To compare them I would need to know what each group counted, where and when.",
    hints=["It says what each number counts: people killed against bodies recovered.",
           "It names who gives each number; neither is the outlet's own count.",
           "It says what you would need to know to compare them: what was counted, where, and when.",
           "It does not pick a number because it is bigger, smaller or more precise."],
)

# %%
from claimlab_course import Exercise

Exercise("01.two_tolls", corpus)

# %% tags=["solution"]
# A model answer, submitted: the feedback shows the course's model answer and the rubric.
Exercise("01.two_tolls", corpus).check(
    "Not necessarily: the Observatory counts people killed and the Civil Defence counts bodies recovered, "
    "two different things, and each is a count at one moment.")

# %% tags=["test"]
# Course self-check: the quoted words stand in the article where the figures table says they do.
killed, bodies = claimlab_course.opening.toll_rows(corpus)
text = corpus.text(claimlab_course.opening.ARTICLE)
for f in (killed, bodies):
    assert text[int(f["start"]):int(f["end"])] == f["text"]
assert int(killed["low"]) != int(bodies["low"]) and killed["claimant"] != bodies["claimant"]
too_short = Exercise("01.two_tolls", corpus).check("One is wrong.")
assert too_short.ok is None and "at least" in too_short.message

# %% [markdown]
# ## Where the numbers come from
#
# The corpus is five real news articles about air strikes in Syria, from four
# outlets, with tables that the course team built by hand: who is quoted,
# which numbers are claimed and by whom, which labels each outlet uses. The
# next cell counts what those tables hold. The numbers are computed each time
# the cell runs, not typed in by hand.

# %%
a = corpus.articles
Markdown(
    f"The corpus holds **{len(a)} articles** from **{a['outlet'].nunique()} outlets**, "
    f"published between **{a['published'].min():%B %Y}** and **{a['published'].max():%B %Y}**. "
    f"Annotators marked **{len(corpus.attributions)} attributed statements**, "
    f"**{len(corpus.figures)} figures** about casualties, strikes and distances, and "
    f"**{len(corpus.terms)} framing terms**."
)

# %%
a[["article_id", "outlet", "published", "date_confidence", "headline"]]

# %% [markdown]
# Each row is one article; the two numbers above come from the Press TV one.
# Look at the `published` column. It looks like a plain fact, but the Press
# TV page gives **no date at all**. Somebody worked that date out, and says
# how sure they are (`date_confidence`) and why (`date_evidence`):

# %%
import html

from IPython.display import HTML

row = a.set_index("article_id").loc["presstv-idlib-2017"]
HTML(
    f"<p><strong>{html.escape(row['outlet'])}</strong>, dated {row['published']:%d %B %Y} "
    f"(confidence: {html.escape(row['date_confidence'])})</p>"
    f"<blockquote>{html.escape(row['date_evidence'])}</blockquote>"
)

# %% [markdown]
# ## Stated or inferred?
#
# This is the first habit of the course. Whenever a table (or a
# journalist) gives you a fact, ask: **is it stated on the page, or did
# someone infer it?** An inferred fact is a conclusion, so it must come with
# its reasons, and you can check them. Lesson 03 teaches how to check a date.
# (Every column of every table is described in the
# [appendix on the tables](appendix_tables.ipynb), for when you need it.)

# %% [markdown]
# ### Exercise 01.verbatim
#
# This exercise has a **Check** button. A wrong answer gets a hint, never the
# solution, so you can try again.

# %% tags=["key"]
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
           "(Tick every one that does.)",
    kind="multi",
    options=VERBATIM_OPTIONS,
    answer=_verbatim,
    hints=["A date like 2017-02-07 is written in a standard form by the course team: does any page write it "
           "that way? And who decided how confident to be?",
           "Headline, dateline and byline are printed at the top of a news page; the rest are somebody's "
           "conclusions about the page."],
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

u = a.set_index("article_id").loc["urdupoint-idlib-2019"]
u_text = corpus.text("urdupoint-idlib-2019")
for column in ["headline", "dateline", "byline", "published", "date_confidence", "event"]:
    found = re.search(r"(?<!\w)" + re.escape(str(u[column])) + r"(?!\w)", u_text)
    print(f"{column:16} {'on the page' if found else 'NOT on the page'}")
ex_verbatim.check(["headline", "dateline", "byline"])

# %% [markdown]
# ## Widgets: read the article yourself
#
# Some cells show *widgets*: menus, check boxes and buttons. When you use a
# widget, what it controls changes straight away; you do not re-run the
# cell. Below is the Press TV article. The numbers it reports are
# highlighted (hover over one to see who claims it). Tick **Attributions**
# to see who is quoted, or choose another article from the menu.

# %%
from claimlab.reader import ArticleReader

reader = ArticleReader(corpus, "presstv-idlib-2017")
reader.toggles["attributions"].value = False
reader.toggles["terms"].value = False
reader

# %% tags=["test"]
# Course self-check: the figures layer is on and the others off; switching article updates the page in place.
assert reader.layers == ("figures",) and "<mark" in reader.value and 'data-layer="attributions"' not in reader.value
assert 'data-kind="share"' in reader.value and "SHARE THIS ARTICLE" in reader.value
reader.article.value = "ibtimes-aleppo-2016"
assert 'data-kind="copyright"' in reader.value and "Copyright IBTimes" in reader.value
reader.article.value = "presstv-idlib-2017"

# %% [markdown]
# ## Page debris is evidence
#
# The grey lines in the reader are not the article: they are **page
# furniture** that came along when the page was saved. It is tempting to
# throw them away. An investigator keeps them, because each says something
# about **how the text reached us**:
#
# - **Navigation** ("News / Russia" on Press TV, "All news" on TASS):
#   whoever collected these articles saved whole web pages, menus included.
# - **Captions**: the Press TV page's second caption is about a photo taken
#   almost a year before the strikes. A caption dates its photo, not the
#   article (Lesson 03).
# - **Share buttons and promos** ("SHARE THIS ARTICLE", Press TV's other web
#   addresses): the page was built to be shared and to advertise the outlet.
# - **A copyright footer** ("© Copyright IBTimes 2024"): a year, but not the
#   year of the article.
# - **A sentence broken across lines**: some program changed the text on its
#   way to us. In the UrduPoint article, "U.S." has been split in two; the
#   next cell shows the characters around the break (`\n` is a line break).

# %%
raw = corpus.text("urdupoint-idlib-2019")
i = raw.index("U.\n\nS.")
raw[i - 40:i + 30]

# %% [markdown]
# The course marks every such line with its **kind** and never deletes it.
# The browser below lists the lines (*paragraphs*) of all five articles.
# Choose a kind, an article, or both.

# %%
import ipywidgets as widgets

from claimlab.views import as_html, options

kind_menu = widgets.Dropdown(options=options(corpus.paragraphs, "kind"), description="Kind",
                             tooltip="Show only paragraphs of this kind")
article_menu = widgets.Dropdown(options=options(corpus.paragraphs, "article_id"),
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
# ### Exercise 01.repeated_headline
#
# Use the browser: one article prints its headline twice. Which one?

# %% tags=["key"]
def _repeated(corpus):
    p = corpus.paragraphs
    return sorted(p.loc[p["kind"] == "repeated headline", "article_id"].unique())[0]


QUESTIONS["01.repeated_headline"] = Question(
    prompt="Which article prints its headline twice?",
    kind="choice",
    options=lambda c: sorted(c.articles["article_id"]),
    answer=_repeated,
    hints=["The browser has a Kind menu: one of the kinds is about a headline printed again.",
           "Choose that kind with Article set to All, and read the article_id of the row that appears."],
    explain="UrduPoint's page template printed the headline above the byline and again below it; the second "
            "copy differs only in capital letters. Count statements naively and you count that one twice.",
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
ex_repeat.reset()

# %% [markdown]
# ### Exercise 01.keep_debris
#
# A classmate wants to delete every line that is not body text before the
# class studies the articles: "it is just noise". Would you let them? Decide,
# and give one reason drawn from what you saw above.

# %% tags=["key"]
QUESTIONS["01.keep_debris"] = Question(
    prompt="Would you delete every line that is not body text before studying the articles? "
           "Decide, and give one reason from what you saw.",
    kind="judgement",
    answer="No: I would mark the lines and keep them. They are evidence of how the text reached us: the "
           "navigation shows whole web pages were saved, the file-photo caption carries a date that is not "
           "the article's, the copyright year would mislead anyone dating the article, and the broken \"U.S.\" "
           "shows a program changed the text. Deleting them also deletes the record of what I was given.",
    hints=["It makes a decision: keep the lines, delete them, or keep them but leave them out of counts.",
           "It names one concrete line from these articles and what it tells you.",
           "It separates 'not the article' from 'not evidence': furniture is no part of the story, "
           "but it is part of the record.",
           "If it would leave the lines out of a count, it says that this is a choice to report."],
)

# %%
Exercise("01.keep_debris", corpus)

# %% [markdown]
# ## The course map
#
# | Lesson | What you investigate |
# |---|---|
# | **01 · Start here** | one strike, two tolls; stated and inferred facts; page debris as evidence |
# | [02 · Sourcing](02_sourcing.ipynb) | outlets and their owners; wires and republication; who stands behind a story |
# | [03 · Dating an article](03_dating.ipynb) | the first moves (search, URL, archives, page metadata), then weekdays, officeholders and events |
# | [04 · Attribution](04_attribution.ipynb) | who said what; named, anonymous and institutional sources; reporting verbs |
# | [05 · Framing](05_framing.ipynb) | the labels each outlet gives the same actors |
# | [06 · Conflicting casualty reports](06_casualty_reports.ipynb) | claims as ranges, counting units, grading claims: the two tolls again |
# | [07 · Capstone](07_capstone.ipynb) | trace one claim to its origin and write an assessment |
# | [08 · Can a machine find who said what?](08_machine_attribution.ipynb) | an automatic extractor, its errors, and your own articles |
# | [09 · Case file: a story of your own](09_case_file.ipynb) | correct a machine's draft of a new story and investigate it from start to end |
# | [Appendix · The tables](appendix_tables.ipynb) | every table of the corpus, column by column, for reference |

# %% [markdown]
# ## Recap
#
# - Run a cell with **Shift + Enter**. If something goes wrong, restart and
#   run all cells. Widgets update what they control in place.
# - Two death tolls for one event can both be honest: ask what each counts,
#   who counts it, and when.
# - For every fact, ask whether it is **stated** on the page or **inferred**;
#   an inferred fact comes with reasons you can check.
# - Menus, captions, share buttons, repeated headlines, broken sentences and
#   copyright footers are evidence of how the text was collected. Mark them;
#   do not delete them.
#
# **Next:** [Lesson 02 · Sourcing](02_sourcing.ipynb)
