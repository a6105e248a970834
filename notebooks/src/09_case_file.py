# %% [markdown]
# # Lesson 09 · Case file: a story of your own
#
# **Start with a question.** Three reports of one air strike give half a
# dozen counts of the dead, and one of them comes from the armed group that was
# hit. Which claim would you check first, and how would you start, with
# nobody's notes to help you?
#
# **What this lesson teaches:** how to investigate a story that nobody has
# annotated for you. So far every article came with its statements, figures
# and labels marked by the course team. Here a machine drafts those tables,
# you correct the draft, and then you make the moves of Lessons 02 to 07 on
# your own: who published it and whose copy it carries, who said what, which
# numbers disagree and why, and which claim you would check first.
#
# **Learning objectives.** By the end you can
# - say what the machine could and could not work out about where a story
#   comes from, and fill in the rest yourself;
# - correct a machine's draft of who said what, and count the named,
#   institutional and anonymous sources a story rests on;
# - keep casualty figures apart by counting unit and claimant, and grade one;
# - choose the claim you would check first, say why, and record it in a
#   claim ledger with the sources you checked.
#
# **Time:** about 90 minutes on the practice case (correcting the draft of
# one article takes about 20 of them); longer on a story of your own. **Before you start:** Lessons 02, 04, 06 and 07.
#
# **Which story?** The cell below says which folder of articles this lesson
# works on. `None` means the course's practice case: three short **fictional**
# reports of one air strike in an invented country, from a wire agency, a
# newspaper that relays it, and an armed group's own website. To work on a
# story of your own, save each article as a `.txt` file in a folder, and put
# the folder's name in quotation marks instead of `None`, for example
# `CASE_DIR = "my_story"`. Then run the whole notebook again.

# %% tags=["parameters"]
CASE_DIR = None

# %% [markdown]
# ## Setting up: the machine's draft
#
# The next cell loads the helper packages and asks the machine for a **draft**
# of the tables: who published each article, and every statement, figure and
# framing word it can find. The draft is written into the story's folder as
# CSV files, beside the articles, with every row marked `draft`. Running the
# cell again never overwrites them: it only drafts articles that are new.

# %%
import claimlab
import claimlab_course
from claimlab import draft, views
from claimlab.format import and_join, md
from claimlab_course import Exercise
from IPython.display import HTML, Markdown, display

folder = claimlab_course.cases.working_folder(CASE_DIR)
report = draft.draft(folder, progress=False)
corpus = claimlab.load_corpus(folder)
case = claimlab_course.cases.which(corpus)   # the practice case's name, or None for a story of your own
Markdown(claimlab_course.case_file.draft_summary(report, corpus))

# %% [markdown]
# ## 1 · Sourcing: who published it, and whose copy is it?
#
# First read the story. The reader shows each article as it was saved, with
# nothing marked yet; use the menu to switch articles.

# %%
reader = claimlab.reader.ArticleReader(corpus)
for layer in reader.toggles.values():
    layer.value = False
reader

# %% [markdown]
# Now start where Lesson 02 started. The table shows what the machine could
# read off each page: the headline, the dateline and byline as printed, the
# wire agency a dateline credits, and a publication date. The machine never
# guesses the outlet (a wire credit is not the publisher), and it leaves the
# date's confidence to you. The last column lists the fields a person still
# has to fill in: you can do that in the annotation widget below, in its
# **Article** tab.

# %%
HTML(views.as_html(claimlab_course.case_file.sourcing_table(corpus)))

# %% [markdown]
# A machine can copy a dateline; it cannot tell you who owns an outlet, or
# whether a date it found is the day of publication or the day of the
# events. Those are your moves:
#
# - **Whose copy is it?** A dateline that credits a wire ("(Orrery Wire)",
#   "(Reuters)") means the words may be the agency's, not the outlet's.
#   Compare the versions: what did the outlet keep, drop or harden?
# - **Who stands behind the outlet?** Look it up *off the page*: its owner,
#   its funding, what others say about it (Lesson 02).
# - **When was it published?** A weekday and a day of the month pin down the
#   year (Lesson 03); a copyright line gives the year of the page, not of the
#   article.

# %% tags=["key"]
# Model answers exist only for the practice cases; for any other story a judgement item shows its rubric alone.
from claimlab_course import cases

MODEL_ANSWERS = {
    "serrow": {
        "09.sourcing": "Veyra Voice: it is the armed group's own website, its byline names nobody (\"our "
                       "correspondent in the valley\"), it gives no date, and it states the Front's claims as "
                       "fact (\"Regime massacre\"). First I would check who runs and funds the site, and "
                       "whether anyone outside the Front reports the same toll.",
        "09.anonymous": "\"A senior defence official who asked not to be named\" says some civilians had "
                        "probably been killed because the Front kept weapons next to homes. It cannot be "
                        "checked: no name, no document, and only Orrery Wire carries it (the Morning Post "
                        "drops it). I would want the ministry to say it on the record, or another outlet to "
                        "confirm it independently; the ministry's later admission of \"at least six civilians\" "
                        "in Veyra Voice points the same way but comes to us through the other side.",
        "09.figures": "The rescuers' 17 bodies recovered and the Front's \"more than 40\" civilians killed: "
                      "they count different things (bodies found by Wednesday, against deaths claimed by a "
                      "party to the fighting), so they cannot be compared directly. I grade the Front's figure "
                      "Weak: only the Front gives it, it has not published the names behind it (it says it will "
                      "hand them to the monitor, and its own site has confirmed 23), and the independent "
                      "monitor, counting names from families, puts civilian deaths at 19 to 27.",
        "09.first_check": "The Defence Ministry's claim that it struck two weapons stores: the ministry's case "
                          "for the strike rests on it, the Front denies it, and Orrery Wire says it could not "
                          "verify what the depot held. Next I would look for the ministry's own statement, "
                          "satellite or photo evidence, and what the Civilian Harm Monitor finds.",
    },
}


def model_answer(corpus, qid):
    return MODEL_ANSWERS.get(cases.which(corpus), {}).get(qid)


QUESTIONS["09.sourcing"] = Question(
    prompt="Which article would you trust least as a record of what happened, and what is the first thing "
           "you would check about who stands behind it? Two sentences.",
    kind="judgement",
    answer=lambda corpus: model_answer(corpus, "09.sourcing"),
    hints=["names one article and the outlet or group behind it",
           "gives a reason from the page itself (no byline, no date, a party to the events, a relayed wire)",
           "names a check you would make off the page (the owner, other coverage, an archive copy)"],
)

# %% [markdown]
# ### Exercise 09.sourcing

# %%
Exercise("09.sourcing", corpus)

# %% tags=["solution"]
# The model answer for the practice case (a story of your own has none: use the rubric).
Exercise("09.sourcing", corpus).reveal()

# %% [markdown]
# ## 2 · Attribution: correct the machine's draft
#
# The annotation widget shows one article at a time with the machine's
# statements highlighted, and the list of rows beside it. For each row you
# can **Accept** it, **Delete** it, or change it: select words in the
# article with the mouse, then press the **selection** button beside
# Speaker, Cue or Content to make them that part; fix the speaker type and
# the quote type in their menus (scroll the form down to see them). A
# statement the machine missed? Select its content, press **New statement**,
# then set its speaker, cue and types the same way. Every change is saved
# straight away, with status `checked`; **Undo** takes the last one back, and
# if you close the notebook you will find your work where you left it.
#
# Work through the **Statements** tab of at least one article. The checks of
# Lesson 04 apply: is the speaker a noun phrase, not a fragment? Is the cue
# the word that reports ("said", "claimed", "accusations")? Does the content
# stop where the speaker's words stop? The **Figures** and **Terms** tabs hold
# the machine's numbers and framing words: you will need the figures in
# section 3. The draft counts shown in the widget include all three tabs.

# %%
annotator = claimlab.annotate.Annotator(folder)
annotator

# %% [markdown]
# Once you have corrected some statements, run the next cell again: it
# reloads your work and counts the statements by kind of source, keeping the
# ones you checked apart from the drafts nobody has checked yet.

# %%
corpus = claimlab.load_corpus(folder)
display(Markdown("\n\n".join(claimlab_course.case_file.table_problems(corpus))))
HTML(views.as_html(claimlab_course.case_file.source_counts(corpus)))

# %% [markdown]
# Named people can be looked up and held to their words; an institution
# speaks through someone the article does not name; an anonymous source
# rests entirely on the outlet's word (Lesson 04).

# %% tags=["key"]
QUESTIONS["09.anonymous"] = Question(
    prompt="Pick one statement from an anonymous or institutional source in this story. What does it claim, "
           "and what would you need before you trusted it?",
    kind="judgement",
    answer=lambda corpus: model_answer(corpus, "09.anonymous"),
    hints=["quotes or closely paraphrases one statement and says who is said to have made it",
           "says why the source cannot be checked from the article (no name, a body speaking as a whole)",
           "names what would help: a named official, a document, an independent source saying the same"],
)

# %% [markdown]
# ### Exercise 09.anonymous

# %%
Exercise("09.anonymous", corpus)

# %% tags=["solution"]
# The model answer for the practice case (a story of your own has none: use the rubric).
Exercise("09.anonymous", corpus).reveal()

# %% [markdown]
# ### Where the machine went wrong
#
# For the practice case the course has a key: every statement as the course
# team marked it. Run the next cell **after** you have corrected the draft: it
# counts, article by article, the statements the machine found, missed, or
# made up (matched by overlapping content, as in Lesson 08). For a story of
# your own there is no key: your corrections are the key.

# %%
Markdown(claimlab_course.case_file.machine_vs_key(corpus))

# %% [markdown]
# ## 3 · Figures: what each number counts, and who claims it
#
# Lesson 06 read every casualty figure as a claim: a claimant, a counting
# unit (killed, bodies recovered, wounded…), and a range from low to high.
# The table lists the figures in this story by counting unit, as they stand
# now: the machine's draft plus whatever you corrected. The machine misses
# figures and misreads some ranges ("between 19 and 27" may come out as 19),
# so check each one against the text, and correct or add it in the widget's
# **Figures** tab; then run this cell again.

# %%
corpus = claimlab.load_corpus(folder)
figures = claimlab_course.case_file.figure_table(corpus)
HTML(views.as_html(figures, max_rows=60))

# %% [markdown]
# Before you compare two numbers, check that they count the same thing, for
# the same event, from the same time: a toll counted on the first night is
# often lower than one counted a week later, and bodies recovered are not
# the same as people killed.

# %% tags=["key"]
QUESTIONS["09.figures"] = Question(
    prompt="Two figures in this story seem to disagree. Name them, say whether they can be compared at all, "
           "and grade one of them on the scale of Lesson 06 (Confirmed, Fair, Weak, Contested, Discounted), "
           "with your reason. (A story with no figures? Say which number you would want, and who could give "
           "it.)",
    kind="judgement",
    answer=lambda corpus: model_answer(corpus, "09.figures"),
    hints=["names two figures with their claimants",
           "says what each counts (its unit) and whether the units, the event and the time match",
           "gives one grade and ties it to the evidence in the text (who stands behind the number, "
           "who else reports it, whether the party responsible accepts or denies it)"],
)

# %% [markdown]
# ### Exercise 09.figures

# %%
Exercise("09.figures", corpus)

# %% tags=["solution"]
# The model answer for the practice case (a story of your own has none: use the rubric).
Exercise("09.figures", corpus).reveal()

# %% [markdown]
# ## 4 · Your ledger: the claim you would check first
#
# Which claim in this story matters most, and is least supported? Record it
# in the claim ledger of Lesson 07: choose it from the menu (or type it), say
# who makes it and how it reached the outlet, which **sources you checked**,
# and your grade with its reason. Export the ledger to keep it: it is saved
# beside this notebook as `my_case_ledger.csv`. The menu offers the
# statements and figures as they were when this cell ran: after more
# corrections, run it again.

# %%
corpus = claimlab.load_corpus(folder)
ledger = claimlab.ledger.ClaimLedger(corpus, path="my_case_ledger.csv")
ledger

# %% tags=["key"]
QUESTIONS["09.first_check"] = Question(
    prompt="Why is the claim in your ledger the one to check first? Say what rests on it and what you would "
           "do next to check it.",
    kind="judgement",
    answer=lambda corpus: model_answer(corpus, "09.first_check"),
    hints=["names the claim and who makes it",
           "says what rests on it (a death toll, a denial, who is to blame)",
           "names a next step that goes beyond the articles (the original statement, another outlet, "
           "a monitor's records)"],
)

# %% [markdown]
# ### Exercise 09.first_check

# %%
Exercise("09.first_check", corpus)

# %% tags=["solution"]
# The model answer for the practice case (a story of your own has none: use the rubric).
Exercise("09.first_check", corpus).reveal()

# %% [markdown]
# ## Self-assessment
#
# Tick what you did. An unticked box is the next thing to practise.

# %%
claimlab_course.case_file.checklist([
    "I said who published each article and whose copy it carries.",
    "I checked at least one fact about an outlet off the page (for the invented outlets of the practice "
    "case: I wrote down what I would look up).",
    "I corrected the machine's draft of at least one article.",
    "I counted the named, institutional and anonymous sources the story rests on.",
    "I kept the figures apart by counting unit and claimant.",
    "I graded one figure and gave a reason from the text.",
    "I recorded the claim I would check first, with the sources I checked.",
])

# %% [markdown]
# ## Recap
#
# - A machine's draft is a start, not an answer: it can copy a dateline and
#   find most reporting verbs, but it cannot tell you who owns an outlet, and
#   it cuts speakers and contents short.
# - Correcting the draft is close reading: speaker, cue and content, one
#   statement at a time.
# - Figures are claims: keep them apart by counting unit, claimant and time
#   before you compare them.
# - The claim to check first is the one that matters most and rests on the
#   least: write down why, and what you checked.
#
# **Next:** take a story from this week's news and run this lesson on it
# (see the box at the top), or go back to [Lesson 01 · Start here](01_start_here.ipynb)
# for the course map.
