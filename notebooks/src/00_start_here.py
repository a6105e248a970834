# %% [markdown]
# # Lesson 00 · Start here
#
# **What this lesson teaches:** how to work in a Jupyter notebook, how the
# course is organised, and what is in the collection of news articles we will
# investigate.
#
# **Learning objectives.** By the end you can
# - run a cell, and re-run the notebook from the top;
# - use a widget (a drop-down menu or a button) and see it change what is shown;
# - say what the five articles of the course are about.
#
# **Time:** about 30 minutes. **Before you start:** nothing. No programming
# experience is needed; you will read more code than you write.

# %% [markdown]
# ## Why this course
#
# When an air strike hits a town in a war, the first reports disagree. One
# government says it hit terrorists; another says it hit civilians; a
# monitoring group counts the dead; a rescue service counts bodies. Each
# outlet picks some of these voices, quotes them, paraphrases them, and
# labels them.
#
# In this course you read such coverage **like an investigator**:
# - **Sourcing.** Who published this, and who stands behind it?
# - **Attribution.** Who said what, and how did the outlet frame it?
# - **Conflicting casualty reports.** Why do the numbers from different
#   claimants disagree?

# %% [markdown]
# ## How a notebook works
#
# A notebook is a list of *cells*. Text cells like this one explain. Code
# cells hold Python. Click a code cell and press **Shift + Enter** to run it.
# What it shows appears underneath.
#
# Run the next cell. It loads the course's helper package, `claimlab`, and
# the collection of articles (the *corpus*).

# %%
import claimlab
from IPython.display import Markdown

corpus = claimlab.load_corpus()
corpus

# %% [markdown]
# The line that came back is a short summary of the corpus. If you ever see
# a red error box instead, choose **Kernel → Restart Kernel and Run All
# Cells…** from the menu. That runs the notebook again from the top, which
# fixes most problems.

# %% [markdown]
# ## The corpus at a glance
#
# The next cell counts what the course's tables hold. These numbers are
# computed from the tables each time the cell runs, not typed in by hand.

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
corpus.articles[["outlet", "published", "headline"]]

# %% [markdown]
# Each row is one article. The `published` column is the date each article
# came out. For four of the five articles, the course team had to *work out*
# that date: the two TASS pages give a day and a month but no year, and the
# Press TV and IBTimes pages give no date at all. Lesson 03 shows how.

# %% [markdown]
# ## Widgets: controls that change what you see
#
# Some cells show *widgets*: menus, check boxes and buttons. When you use a
# widget, what it controls updates straight away; you do not re-run the
# cell. Try it below: choose an outlet, and the list of headlines changes.

# %%
import ipywidgets as widgets

outlet_menu = widgets.Dropdown(options=sorted(a["outlet"].unique()), description="Outlet",
                               tooltip="Choose an outlet to list its headlines")
headlines = widgets.HTML()


def show_headlines(change=None):
    rows = a[a["outlet"] == outlet_menu.value]
    headlines.value = claimlab.views.as_html(rows[["published", "headline"]])


outlet_menu.observe(show_headlines, names="value")
show_headlines()
widgets.VBox([outlet_menu, headlines])

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
outlet_menu.value = "Press TV"
assert "Russia rejects accusations" in headlines.value
outlet_menu.value = "TASS"
assert headlines.value.count("</tr>") == 3  # a header row and two TASS articles

# %% [markdown]
# ## Your first exercise
#
# Exercises check your answer straight away. A wrong answer gets a hint, not
# the solution, so you can try again. Use the table above: **which outlet
# published two of the five articles?**

# %% tags=["key"]
# Lesson 00 answer key.


def _two(corpus):
    counts = corpus.articles["outlet"].value_counts()
    return counts.index[0]


QUESTIONS["00.two_articles"] = Question(
    prompt="Which outlet published two of the five articles?",
    kind="choice",
    options=lambda c: sorted(c.articles["outlet"].unique()),
    answer=_two,
    hints=["Look at the outlet column of the articles table: which name appears twice?",
           "Choose an outlet in the Outlet menu above and count the headlines it lists."],
    explain="TASS, Russia's state news agency, published two of the articles.",
)

# %%
from claimlab_course import Exercise

Exercise("00.two_articles", corpus)

# %% [markdown]
# ## The course map
#
# | Lesson | What you investigate |
# |---|---|
# | [01 · Meet the corpus](01_meet_the_corpus.ipynb) | the articles, what we know about them and what we had to infer; scraped debris as evidence |
# | [02 · Sourcing](02_sourcing.ipynb) | outlets and their owners; wires and republication; who stands behind a story |
# | [03 · Dating an article](03_dating.ipynb) | weekdays, officeholders and events as evidence for a date |
# | [04 · Attribution](04_attribution.ipynb) | who said what; named, anonymous and institutional sources; reporting verbs |
# | [05 · Framing](05_framing.ipynb) | the labels each outlet gives the same actors |
# | [06 · Conflicting casualty reports](06_casualty_reports.ipynb) | claims as ranges, counting units, grading claims |
# | [07 · Capstone](07_capstone.ipynb) | trace one claim to its origin and write an assessment |
# | [08 · Can a machine find who said what?](08_machine_attribution.ipynb) | an automatic extractor, its errors, and your own articles |
# | [09 · Case file: a story of your own](09_case_file.ipynb) | correct a machine's draft of a new story and investigate it from start to end |

# %% [markdown]
# ## Recap
#
# - Run a cell with **Shift + Enter**. If something goes wrong, restart and
#   run all cells.
# - Widgets update what they control in place.
# - The corpus is five articles from four outlets, with tables of statements,
#   figures and framing terms.
#
# **Next:** [Lesson 01 · Meet the corpus](01_meet_the_corpus.ipynb)
