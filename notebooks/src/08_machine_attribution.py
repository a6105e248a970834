# %% [markdown]
# # Lesson 08 · Can a machine find who said what?
#
# **What this lesson teaches:** what an automatic attribution extractor does,
# how to measure how well it does it, and where it fails. At the end you run
# it on articles nobody has annotated, such as the news of your own week.
#
# **Learning objectives.** By the end you can
# - run the course's extractor on a corpus and read its output;
# - count found, missed and spurious statements for one article, and compute
#   precision and recall from the counts;
# - name three kinds of error the extractor makes, and explain why each one
#   happens;
# - load a folder of your own articles and say what the machine could not
#   work out about them.
#
# **Time:** about 30 minutes. **Before you start:** lesson 04 (attribution).

# %% [markdown]
# ## People annotated the corpus; now a machine tries
#
# In lesson 04 you read statements that two people had marked by hand: the
# speaker, the cue ("said", "according to") and the content. Doing that for
# every article of a busy news week is too slow. The course comes with an
# *extractor* that tries to do it automatically.
#
# The extractor does not understand language. It follows rules, such as
# these:
# - a quotation mark, then a comma and "said", then a name;
# - "according to" followed by a name, then a comma;
# - a reporting verb ("told", "accused", "denied") with a noun phrase before it.
#
# It runs offline, with no model to download, and takes a fraction of a
# second for our five articles.

# %%
import claimlab
import claimlab_course
from claimlab import machine
from IPython.display import Markdown

corpus = claimlab.load_corpus()
robot = machine.extracted(corpus)
people_n, robot_n = len(corpus.attributions), len(robot.attributions)
Markdown(f"People marked **{people_n}** attributed statements in the five articles; "
         f"the extractor found **{robot_n}**.")

# %% [markdown]
# The two numbers cannot tell us how *good* the extractor is. It may have
# found 60 real statements, or 60 things that are not statements at all. To
# know, we must compare statement by statement.

# %% [markdown]
# ## Side by side
#
# Choose an article. On the left are the statements people marked; on the
# right, what the extractor found. The table underneath pairs them up. A
# statement is **found** when both marked overlapping content. It is
# **missed** when only people marked it, and **spurious** when only the
# machine did.

# %%
side = machine.MachineReader(corpus, robot)
side

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
side.article.value = "presstv-idlib-2017"
assert "Found by the extractor" in side.right.value
assert set(side.matched["status"]) <= {"found", "missed", "spurious"}
side.layer.value = "figures"
assert side.matched is None and "figure(s)" in side.summary.value
side.layer.value = "attributions"
side.article.value = side.article.options[0][1]

# %% [markdown]
# ## Precision and recall, by hand
#
# Two numbers summarise the comparison:
# - **Precision**: of the statements the machine found, what share are real?
#   It is *found ÷ (found + spurious)*.
# - **Recall**: of the real statements, what share did the machine find?
#   It is *found ÷ (found + missed)*.
#
# Here is the comparison for the IBTimes article. Count the rows in each
# status yourself before you look at the summary line in the widget above.

# %%
ib_people = corpus.attributions[corpus.attributions["article_id"] == "ibtimes-aleppo-2016"]
ib_robot = robot.attributions[robot.attributions["article_id"] == "ibtimes-aleppo-2016"]
ib = machine.match_statements(ib_people, ib_robot)
ib[["status", "people_speaker", "machine_speaker", "people_content"]]

# %% tags=["key"]
# Lesson 08 answer key: counts come from the extractor run on the seeds.


def _ibtimes(corpus):
    from claimlab.machine import extracted, match_statements
    robot = extracted(corpus)
    people = corpus.attributions[corpus.attributions["article_id"] == "ibtimes-aleppo-2016"]
    found = robot.attributions[robot.attributions["article_id"] == "ibtimes-aleppo-2016"]
    return match_statements(people, found)


def _found(corpus):
    return int((_ibtimes(corpus)["status"] == "found").sum())


QUESTIONS["08.found"] = Question(
    prompt="In the IBTimes article, how many statements did the extractor find (status 'found')?",
    kind="number", answer=_found,
    hints=["Count the rows of the table whose status column says found.",
           "Missed rows have an empty machine_speaker; spurious rows have an empty people_speaker. Count the rest."],
    explain="A statement counts as found when both marked overlapping content.",
)

# %%
from claimlab_course import Exercise, check

ex1 = Exercise("08.found", corpus)
ex1

# %% tags=["solution"]
# Worked solution: count the rows whose status is "found".
print((ib["status"] == "found").sum())
ex1.check(int((ib["status"] == "found").sum()))

# %% [markdown]
# **Exercise 08.recall.** Use your counts to compute the extractor's recall
# on the IBTimes article. Write it as a decimal between 0 and 1 (two decimal
# places are enough), in place of the `...`.

# %% tags=["key"]
def _recall(corpus):
    m = _ibtimes(corpus)
    f, miss = (m["status"] == "found").sum(), (m["status"] == "missed").sum()
    return float(f / (f + miss))


QUESTIONS["08.recall"] = Question(
    prompt="The extractor's recall on the IBTimes article, as a decimal.",
    kind="number", answer=_recall, tolerance=0.011,
    hints=["Recall is found divided by (found + missed). Spurious rows do not count here.",
           "Count found and missed rows in the table, then divide: found / (found + missed)."],
    explain="Recall asks how much of what people marked the machine found.",
)

# %%
my_recall = ...
check("08.recall", my_recall, corpus)

# %% tags=["solution"]
# Worked solution: recall = found / (found + missed).
found = (ib["status"] == "found").sum()
missed = (ib["status"] == "missed").sum()
check("08.recall", round(found / (found + missed), 2), corpus)

# %% [markdown]
# ## The whole corpus, scored
#
# The course scores the extractor with the same method that researchers use.
# They compare the cue, the source and the content separately. Each is
# compared in two ways:
# - **exact**: the same characters, once spaces and punctuation are trimmed;
# - **overlap**: at least one shared character.
#
# F1 combines precision and recall into one number. It is high only when
# both are high.

# %%
from claimlab.evaluate import score_curated

scores = score_curated(corpus.attributions, corpus.texts)
claimlab.views.score_table(scores)

# %%
c = scores["content"]
Markdown(
    f"When we only ask that the content overlaps, the extractor's precision is "
    f"**{c['overlap']['precision']:.2f}** and its recall **{c['overlap']['recall']:.2f}**. "
    f"When we ask for the exact span, precision falls to **{c['exact']['precision']:.2f}**. "
    "The machine usually finds *where* a statement is, but often not exactly where it begins and ends."
)

# %% [markdown]
# ## The same extractor on 84 articles of election news
#
# The course team also measured the extractor on PolNeAR, a public corpus of
# US election news in which people marked every attribution by hand. The
# corpus may not be copied, so this course does not ship it. It ships only the
# scores, which are recomputed whenever the extractor changes. The command
# that reproduces them is in `docs/benchmarks.md`. The rules behind these
# scores were developed on another part of the corpus, so these articles
# were never used to tune them.

# %%
from claimlab.evaluate import recorded_scores

polnear = recorded_scores()
claimlab.views.score_table(polnear["scores"])

# %%
# What the project asked of the extractor (F1 unless it says precision), and
# roughly what research systems with trained language models reach.
GOALS = {("cue", "overlap"): 0.80, ("source", "overlap"): 0.78, ("content", "overlap"): 0.80,
         ("cue", "exact"): 0.70, ("source", "exact"): 0.70, ("quote", "cov30"): 0.80}
RESEARCH_F1 = 0.82
ps = polnear["scores"]
short = [f"{what} {how} ({ps[what][how]['f1']:.2f} against {goal:.2f})"
         for (what, how), goal in GOALS.items() if ps[what][how]["f1"] < goal]
Markdown(
    f"On {polnear['texts']} articles with {polnear['gold_relations']:,} statements marked by people, "
    f"the extractor's recall for cues is **{ps['cue']['overlap']['recall']:.2f}**, at a precision of "
    f"**{ps['cue']['overlap']['precision']:.2f}**: most of what it finds is right, but it misses "
    f"about {1 - ps['cue']['overlap']['recall']:.0%} of the statements. Research systems reach about "
    f"{RESEARCH_F1:.2f} F1. Of the course's own goals, {len(short)} of {len(GOALS)} are not reached: "
    + "; ".join(short) + "."
)

# %% [markdown]
# ## What goes wrong, and why
#
# Use the side-by-side reader above and look at the missed and spurious
# rows. Most errors fall into a few kinds:
# - **Nominal cues.** "accusations", "reports", "criticism": the statement is
#   a noun, not a verb, and the rules look for verbs.
# - **Headlines.** Headlines drop words ("US Says Carried Out 'Precise'
#   Strike"), so sentence rules do not fit them.
# - **Nested statements.** A statement reported inside another one ("the
#   ministry said that Washington keeps accusing Russia…") is left out on
#   purpose. The people who annotated PolNeAR gave each word to one statement
#   only, and the extractor follows their rule. The people who made this
#   course's tables marked the inner statement as well. Two careful teams
#   disagree here, so a score always depends on whose rules it follows.
# - **Verbs it has never seen.** The list of cue words comes from counting
#   which words people marked as cues in election news. A verb that is rare
#   there ("went on to discuss") is still missed.
# - **Unusual sentence shapes.** A known verb is missed when the sentence
#   around it has a shape the rules do not know: in "Humphrey, who calls Trump
#   a “sociopath,” said he doubts the plan", the quotation inside the aside
#   hides Humphrey, and the machine takes "calls" as the statement instead.
# - **Span edges.** The machine finds the statement but starts or ends it
#   in the wrong place, for example at the dateline.

# %% tags=["key"]
QUESTIONS["08.error_kind"] = Question(
    prompt=("Press TV's headline 'Russia rejects accusations of airstrikes' reports accusations made by "
            "someone. What kind of cue is 'accusations'?"),
    kind="choice",
    options=["reporting verb", "nominal cue", "according to", "direct quotation"],
    answer="nominal cue",
    hints=["Is 'accusations' a verb, like 'said', or something else?",
           "A cue that is a noun rather than a verb has its own name in the list of error kinds above."],
    explain="The rules look for verbs, so statements reported as nouns are often missed.",
)

# %%
ex3 = Exercise("08.error_kind", corpus)
ex3

# %% tags=["solution"]
# Worked solution: "accusations" is a noun that reports a statement: a nominal cue.
ex3.reveal()

# %% [markdown]
# ## Your own articles
#
# The extractor becomes useful on articles nobody has annotated. The course
# comes with a folder of two short **fictional** reports that were written
# for practice. Nobody has annotated them. Load the folder with
# `claimlab.load_corpus`, exactly as you would load a folder of real
# articles you saved as UTF-8 text files.

# %%
mine = claimlab.load_corpus(claimlab_course.cases.text_folder("varnel"))
mine.articles[["article_id", "headline", "dateline", "wire", "published", "metadata"]]

# %% [markdown]
# The `metadata` column says *inferred*: the machine read the headline,
# dateline and date from the text itself. It never guesses. The
# `uninferred` column lists what it could not find, and why.

# %%
mine.articles[["article_id", "uninferred"]]

# %% [markdown]
# Every row the extractor made says so in its `origin` column. The lessons'
# widgets work on such a corpus too. Here is the claim explorer from lesson 06
# on the practice articles.

# %%
explorer = claimlab.widgets.ClaimExplorer(mine)
explorer

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
assert set(mine.figures["origin"]) == {"extracted"}
explorer.set(article="market-strike")
assert len(explorer.table) == (mine.figures["article_id"] == "market-strike").sum() > 0
explorer.set(article="ceasefire-talks", measure="killed")
assert "No rows match" in explorer.table_out.value
explorer.set(article="All", measure="All")

# %% [markdown]
# Read the market article yourself and compare it with what the extractor
# found. The Varnel Observatory said 15 people had died, including four
# children. Did the extractor find that figure?

# %%
claimlab.views.claims(mine, article_id="market-strike")[["claimant", "measure", "low", "high", "text"]]

# %% tags=["key"]
QUESTIONS["08.missed_figure"] = Question(
    prompt="Did the extractor find the Varnel Observatory's figure of 15 dead? (yes / no)",
    kind="choice", options=["yes", "no"], answer="no",
    hints=["Look for 15 in the low and high columns of the table above.",
           "The table lists 12 killed, more than 40 wounded and 12 bodies. Is 15 among them?"],
    explain=("The sentence 'said 15 people had died' puts the number after the verb "
             "in a form the rules do not cover: check a machine's table against the text."),
)

# %%
ex4 = Exercise("08.missed_figure", corpus)
ex4

# %% tags=["solution"]
# Worked solution: the Observatory's "15 people had died" is not in the table.
ex4.reveal()

# %% [markdown]
# To use your own articles, make a folder beside this notebook. Put each
# article in it as a UTF-8 `.txt` file, and load it the same way:
# `claimlab.load_corpus("my_articles")`. If a file cannot be used (it is
# empty, not UTF-8, or not text at all), the corpus loads without it, and
# `corpus.problems` says which file and why.

# %% [markdown]
# ## Recap
#
# - The extractor follows rules; it has no understanding of the text.
# - Precision asks "how much of what it found is real?". Recall asks "how
#   much of what is real did it find?".
# - It misses nominal cues, headlines, nested statements and rare verbs. It
#   often gets a statement's edges wrong even when it finds the statement.
# - A score depends on the rules of the people who marked the text: the same
#   extractor scores differently against two teams' annotations.
# - On your own articles, check its output against the text before you
#   trust a single row: the `origin` column tells you which rows a machine made.
#
# **Next:** [Lesson 09 · Case file: a story of your own](09_case_file.ipynb),
# where you correct the machine's draft of a story nobody has annotated and
# investigate it from start to end.
