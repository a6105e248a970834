# %% [markdown]
# # Lesson 06 · Conflicting casualty reports
#
# **Start with a question.** After the same air strikes on Idlib, Press TV
# quotes one group saying 26 people were killed and another saying 15 bodies
# were recovered. Is one of them wrong? By the end of this lesson you can
# answer that, and say how sure anyone can be.
#
# **What this lesson teaches:** how to read the numbers in war reporting:
# who claims each number, what exactly it counts, how precise it is, and how
# far the evidence in an article supports it. Numbers from different
# claimants often disagree because they count different things; a careful
# reader keeps them apart instead of averaging them.
#
# **Learning objectives.** By the end you can
# - read a figure as a claim: a claimant, a counting unit, and a range from
#   low to high;
# - explain why "killed", "bodies recovered", "taken to hospital" and
#   "casualties" cannot be compared directly, and what a subset is;
# - keep a vague quantity vague ("numerous casualties" has no number, not
#   zero) and an open range open ("more than", "almost");
# - say whether two sources are independent or one source repeated;
# - say how the main monitors of the Syrian war count their dead, why a toll
#   needs a date, and why a party's number and a monitor's number are
#   different kinds of evidence;
# - grade a claim on a five-step scale adapted from the casualty monitor
#   Airwars, and defend your grade from the text in one line before you see
#   the feedback.
#
# **Time:** about 50 minutes. **Before you start:** Lesson 02 (Sourcing),
# Lesson 04 (Attribution) and Lesson 05 (Framing), whose "so-called" you will
# meet again here.

# %% [markdown]
# ## Setting up
#
# Run the next cell (**Shift + Enter**). It loads the helper package, the
# articles and their table of figures: one row per number or vague quantity
# about deaths, injuries, strikes, targets, distances or displacement.

# %%
import claimlab
import claimlab_course
from claimlab_course import Exercise
from claimlab_course import GradingWidget
from claimlab.widgets import ClaimExplorer
from IPython.display import HTML, Markdown

corpus = claimlab.load_corpus()
claims = claimlab.views.claims(corpus)
fig_row = corpus.figures.set_index("figure_id")  # look a figure up by its id, e.g. fig_row.loc["F05"]
named = sorted(set(claims["claimant"]) - {claimlab.views.UNATTRIBUTED, "(unnamed)"})
Markdown(f"The corpus holds **{len(claims)} figures** in **{claims['article_id'].nunique()} articles**, "
         f"from **{len(named)} named claimants**, an unnamed source, and the outlets themselves.")

# %% [markdown]
# ## 1 · A figure is a claim
#
# A number in a news report is not a fact that fell from the sky. Someone
# claimed it, an outlet printed it, and it counts one particular thing. The
# figures table records, for each number:
#
# - **claimant**: who the outlet says the number comes from. The claim
#   explorer below writes *(the outlet itself)* when the outlet states it in
#   its own voice, and *(unnamed)* when the outlet reports it from a source it
#   does not name;
# - **measure**: the counting unit, such as killed, civilians killed, bodies
#   recovered, hospitalised, casualties or positions hit;
# - **low** and **high**: the range the words allow. An exact number gives the
#   same low and high; "more than" gives only a low; "almost" gives only a
#   high; a vague word gives neither;
# - **qualifier**: the word that sets the range ("more than", "almost",
#   "numerous");
# - **subset_of**: the figure this one is part of.
#
# Here are the figures about the dead and injured in the Press TV article,
# which reports air strikes on the Syrian city of Idlib:

# %%
idlib = claimlab.views.claims(corpus, article_id="presstv-idlib-2017",
                              measure=["killed", "civilians killed", "bodies recovered", "hospitalised"])
HTML(claimlab.views.as_html(idlib[["figure_id", "claimant", "measure", "low", "high", "qualifier",
                                   "text", "subset_of"]]))

# %% [markdown]
# Careful with the last row: Press TV's own "civilian deaths" is not about
# these strikes at all. It comes from a later paragraph about the US-led
# coalition's air campaign in Syria. Two figures in the same article are not
# necessarily about the same event.
#
# ## 2 · Counting units: what exactly is counted?

# %%
killed, civilians, bodies, hospital = (fig_row.loc[f] for f in ("F05", "F06", "F07", "F08"))
Markdown(
    f"In the same paragraph, Press TV reports two organisations. **{killed.claimant}** "
    f"(the Syrian Observatory for Human Rights) says *“{killed.text}”*, including "
    f"*“{civilians.text}”*. **{hospital.claimant}** says *“{bodies.text}”* and "
    f"*“{hospital.text}”*.\n\n"
    f"It is tempting to say the two disagree ({killed.low:.0f} dead against {bodies.low:.0f}) or to "
    f"average them. Neither is right, because they count different things:"
)

# %% [markdown]
# - **Killed** counts people dead. A monitoring group builds such a count
#   from reports by contacts on the ground, and it may include people who
#   died later of their wounds.
# - **Bodies recovered** counts the bodies a rescue service has pulled out *so
#   far*. Bodies still under rubble, or taken away by families, are not in it.
# - **Taken to hospital** counts people who needed treatment, mostly the
#   injured; it is not a death toll at all.
# - **Casualties**, in military usage, means the killed *and* the wounded
#   together, but news reports often use it loosely. Unless the text says
#   which, you cannot tell.
#
# Civilians are a **subset**: the civilians killed are *part of* the people
# killed, not extra. The `subset_of` column records this, so a total is never
# added up twice.
#
# So the honest summary is not "between the two figures" but: *SOHR says this
# many people died, some of them civilians; the Civil Defence says this many
# bodies were recovered and this many people were taken to hospital* (it
# does not say who took them there). The figures do
# not contradict each other (a death toll higher than the number of bodies
# recovered so far is no contradiction), but they do not confirm each
# other's numbers either.
#
# The chart draws each figure as a range. Exact numbers are single points;
# hover over a point to read the claim.

# %%
fig = claimlab.plots.interval_plot(idlib)
fig

# %%
Markdown(f"*Text alternative:* {claimlab.plots.alt_text(fig)} " + " ".join(
    f"{r.claimant}, {r.measure}: “{r.text}”." for r in idlib.itertuples()))

# %% tags=["key"]
# Lesson 06 answer key: exercises, and the grades the text can defend for each claim.
#
# ``GRADING`` is read by :mod:`claimlab.grading`.  For every graded figure it
# gives each of the five grades (adapted from Airwars' civilian-harm grading,
# https://airwars.org/about/methodology/) with a reason: ``defensible`` grades
# are ones a careful reader can argue for from the evidence in the articles
# alone; ``not_defensible`` ones the text does not support.  Reasons may name a
# figure as ``{F05}``: the grading widget replaces it with that figure's words
# from figures.csv, so no number is typed here by hand.
import pandas as pd


def _figure(corpus, text: str) -> pd.Series:
    f = corpus.figures
    return f[f["text"] == text].iloc[0]


def _subset_options(corpus) -> list[str]:
    f = corpus.figures
    sohr = _figure(corpus, "10 civilians")
    same = f[(f["article_id"] == sohr["article_id"]) & (f["figure_id"] != sohr["figure_id"])
             & f["unit"].isin(["people", "bodies"])]
    return sorted(same["text"])


def _subset_answer(corpus) -> str:
    f = corpus.figures.set_index("figure_id")
    return f.loc[_figure(corpus, "10 civilians")["subset_of"], "text"]


QUESTIONS["06.subset"] = Question(
    prompt="SOHR gives a figure for civilians killed. Which other figure in the Press TV "
           "article is that figure part of?",
    kind="choice",
    options=_subset_options,
    answer=_subset_answer,
    hints=["Read the SOHR sentence again: which word joins the civilians to another number?",
           "Look at the subset_of column of the figures table for SOHR's civilian figure."],
    explain=lambda c: (f"The civilians are included in “{_subset_answer(c)}”: one claimant, "
                       "one count, with a subset inside it. They are not part of Syria Civil "
                       "Defence's figures, which count different things."),
)

# %% [markdown]
# ### Exercise 06.subset

# %%
ex_subset = Exercise("06.subset", corpus)
ex_subset

# %% tags=["solution"]
# Worked solution: SOHR's civilian figure names the figure it is part of in subset_of.
part_of = fig_row.loc[fig_row.loc["F06", "subset_of"], "text"]
ex_subset.check(part_of)

# %% [markdown]
# ## 3 · Vague stays vague: missing is not zero
#
# Some claims give no number at all. TASS reports that, according to the
# Russian reconciliation centre, the US strike near Idlib "has left
# numerous casualties". Sputnik, as UrduPoint prints it, reports the Russian
# Defence Ministry saying "an unspecified number of casualties". Press TV
# says air strikes "reportedly hit Idlib, leaving fatalities".
#
# The figures table keeps these **vague**: both low and high are empty. They
# are never zero, because zero would be a claim that nobody was hurt, the
# opposite of what was said. Nor should you invent a number ("numerous" must
# be at least ten?): the claimant chose not to give one, and that choice is
# itself worth noticing.

# %%
vague = claims[claims["low"].isna() & claims["high"].isna()]
HTML(claimlab.views.as_html(vague[["outlet", "figure_id", "claimant", "measure", "low", "high", "text"]]))

# %%
Markdown(f"**{len(vague)}** of the {len(claims)} figures give no number. In the claim explorer's chart "
         "(section 6) they appear as hollow markers labelled *no number given*, never as zero.")

# %% tags=["key"]
MISSING = "Both are missing: no number is given"


_VAGUE_OPTIONS = ["0 and 0", "1 and 1", MISSING, "A low of 1 and no high"]


def _vague_answer(corpus) -> str:
    r = _figure(corpus, "numerous casualties")
    if pd.isna(r["low"]) and pd.isna(r["high"]):
        return MISSING
    return f"{r['low']:g} and {r['high']:g}"


QUESTIONS["06.vague"] = Question(
    prompt="What low and high values does the figures table give for the Russian "
           "reconciliation centre's “numerous casualties”?",
    kind="choice",
    options=_VAGUE_OPTIONS,
    answer=_vague_answer,
    hints=["Filter the claim explorer to the Russian Reconciliation Centre and read the low and "
           "high columns.",
           "Does the word “numerous” give any number at all? The data dictionary says what "
           "happens to a vague quantity."],
    explain="A vague quantity has no number, so both ends are left empty. Zero would be a "
            "claim that nobody was hurt, the opposite of what the centre said.",
)

# %% [markdown]
# ### Exercise 06.vague

# %%
ex_vague = Exercise("06.vague", corpus)
ex_vague

# %% tags=["solution"]
# Worked solution: look up the row for "numerous casualties" (empty cells are missing values).
HTML(claimlab.views.as_html(claims.loc[claims["text"] == "numerous casualties", ["claimant", "low", "high"]]))

# %% tags=["solution"]
ex_vague.reveal()

# %% [markdown]
# ## 4 · Open ranges, and a crosshead that drops a word
#
# "More than" and "almost" give a range that is open at one end:

# %%
open_ended = claims[claims["low"].isna() != claims["high"].isna()]
HTML(claimlab.views.as_html(open_ended[["outlet", "figure_id", "claimant", "measure", "low", "high",
                                        "qualifier", "text"]]))

# %%
rudskoi, crosshead = fig_row.loc["F11"], fig_row.loc["F10"]
heads = corpus.paragraphs[(corpus.paragraphs["article_id"] == crosshead.article_id)
                          & (corpus.paragraphs["start"] <= crosshead.start) & (crosshead.end <= corpus.paragraphs["end"])]
Markdown(
    f"Press TV reports Lieutenant General Sergei Rudskoi of the Russian General Staff saying "
    f"*“{rudskoi.text}”* had been targeted. “{rudskoi.qualifier.capitalize()}” makes "
    f"{rudskoi.high:,.0f} an **upper bound**: the table gives a high of {rudskoi.high:,.0f} and no low.\n\n"
    f"But the small heading (a *crosshead*) that Press TV puts above that paragraph reads "
    f"*“{heads['text'].iloc[0]}”*. Set it against the sentence under it, and the crosshead:\n\n"
    f"- drops “{rudskoi.qualifier}”, so an upper bound becomes an exact figure;\n"
    f"- drops Rudskoi's name, so the number reads as Press TV's own;\n"
    f"- says the positions were “hit”, where the sentence says they “had been targeted”: a position "
    f"can be targeted and missed;\n"
    f"- drops “in the Syrian and Russian airstrikes”, so it no longer says whose strikes they were;\n"
    f"- calls the positions “militant” where the sentence says “terrorist-held”.\n\n"
    f"Do not read that last change as Press TV overruling Rudskoi's own word: "
    f"the sentence is a paraphrase (“…Sergei Rudskoi, said almost 5,500 terrorist-held positions had been "
    f"targeted…”, with no quotation marks), and in a paraphrase the outlet picks the words (Lesson 05). “Terrorist-held” may be "
    f"Rudskoi's word or Press TV's; the article does not let us tell. What it does show is Press TV "
    f"printing two labels for the same positions. "
    f"Readers who skim only the headings take away a different claim from the one made."
)

# %% [markdown]
# Watch for this whenever a number moves from the body of an article into a
# headline, crosshead, chart or social-media post: qualifiers ("almost",
# "up to", "at least") and attributions ("Russia says") are the first words
# to go.

# %% tags=["key"]
def _crosshead_figure(corpus) -> pd.Series:
    """The figure printed in a crosshead (a paragraph of kind "crosshead")."""
    p = corpus.paragraphs[corpus.paragraphs["kind"] == "crosshead"]
    for r in corpus.figures.itertuples(index=False):
        inside = p[(p["article_id"] == r.article_id) & (p["start"] <= r.start) & (r.end <= p["end"])]
        if len(inside):
            return corpus.figures[corpus.figures["figure_id"] == r.figure_id].iloc[0]
    raise LookupError("no figure sits in a crosshead")


def _dropped_word(corpus) -> str:
    head = _crosshead_figure(corpus)
    f = corpus.figures
    body = f[(f["article_id"] == head["article_id"]) & (f["measure"] == head["measure"])
             & (f["figure_id"] != head["figure_id"])]
    return body.iloc[0]["qualifier"]


QUESTIONS["06.crosshead"] = Question(
    prompt="The Press TV crosshead repeats the figure for positions hit from the paragraph under it, "
           "where Press TV reports what Rudskoi said. Which word that limits the number does it drop?",
    kind="text",
    answer=_dropped_word,
    hints=["Compare the crosshead with the paragraph under it, where Rudskoi is quoted.",
           "The missing word turns an exact number into an upper bound; look at the "
           "qualifier column for Rudskoi's figure."],
    explain="The paragraph says “almost”, an upper bound with no lower end. The crosshead prints an "
            "exact figure and drops Rudskoi's name too, so the number reads as Press TV's own. (The "
            "paragraph is a paraphrase, so even “almost” is Press TV's report of what he said, not his "
            "own recorded words.)",
)

# %% [markdown]
# ### Exercise 06.crosshead

# %%
ex_crosshead = Exercise("06.crosshead", corpus)
ex_crosshead

# %% tags=["solution"]
# Worked solution: compare the two figures for positions hit in the Press TV article.
positions = claimlab.views.claims(corpus, article_id="presstv-idlib-2017", measure="positions hit")
HTML(claimlab.views.as_html(positions[["figure_id", "claimant", "low", "high", "qualifier", "text"]]))

# %% tags=["solution"]
ex_crosshead.check(fig_row.loc["F11", "qualifier"])

# %% [markdown]
# ## 5 · Who stands behind a number? Independent and derivative sources
#
# Two reports that agree are strong evidence only if they are
# **independent**: if each has its own way of knowing. Two outlets printing
# the *same* source are one source, however many pages it appears on.
# Lesson 02 traced how statements travel; here is each figure with its
# claimant, the outlet that printed it, and the wire agency the article's
# dateline credits (empty where there is none).

# %%
routes = claims.merge(corpus.articles[["article_id", "wire"]], on="article_id")
HTML(claimlab.views.as_html(routes[["figure_id", "claimant", "wire", "outlet", "measure", "text"]]))

# %%
centre = corpus.actors.set_index("actor").loc["Russian Reconciliation Centre"]
Markdown(
    f"**The US strike near Idlib.** TASS reports casualties on the word of the Russian reconciliation "
    f"centre; UrduPoint, printing Sputnik, on the word of the Russian Defence Ministry. The actors table says "
    f"the centre's parent is the **{centre.parent}**. So two outlets, two Russian state agencies, and two "
    f"names for the claimant, but **one source**: a party to the conflict speaking about its rival's strike. "
    f"Neither report gives a number."
)

# %% [markdown]
# **The Idlib strikes reported by Press TV.** SOHR and the Syria Civil Defence
# are two different organisations, and they count different things, which
# suggests two separate counts. But we meet both only through Press TV,
# which calls both "so-called" and ties both to the opposition (Lesson 05).
# From this article alone we cannot check how either organisation counted,
# whether one relied on the other, or whether Press TV reported them fully.
# To do that you would go to SOHR's and the Civil Defence's own reports of
# that day (SIFT's *trace the claim*, Lesson 02).
#
# **Rudskoi's strike counts** are a military officer reporting his own side's
# results. No one else in the corpus gives these numbers.

# %% [markdown]
# ### Who counts the dead, and how
#
# The names behind casualty figures in Syria come back again and again. They
# do not count the same thing, in the same way, or for the same reasons. In
# brief (each point with the source it comes from):
#
# - **SOHR, the Syrian Observatory for Human Rights**, is run from Coventry,
#   England, by Rami Abdulrahman, who pieces together reports phoned in by a
#   network of sources inside Syria (Reuters, "Coventry - an unlikely home to
#   prominent Syria activist", 8 December 2011). It counts the dead on both
#   sides, soldiers and rebels as well as civilians; in 2013 four men inside
#   Syria collated reports for it from more than 230 activists, and all sides
#   accused it of bias (*The New York Times*, "Behind Syrian War Casualty
#   Data Is One Busy Man", 9 April 2013).
# - **The Syria Civil Defence, the "White Helmets"**, is a volunteer search
#   and rescue service founded in 2013 to fill the gap left where the Syrian
#   government's emergency services had withdrawn
#   ([Devex, "The White Helmets", organisation profile](https://www.devex.com/organizations/the-white-helmets-122887)).
#   Its numbers are what its own teams handled at the scene: bodies
#   recovered, people pulled out alive, people taken to hospital. That is why
#   Press TV's article has it counting *bodies* and *people taken to
#   hospital*, not deaths.
# - **SNHR, the Syrian Network for Human Rights**, was founded in June 2011
#   to document civilian deaths, arrests and disappearances
#   ([SNHR, "The Syrian Network for Human Rights Documentation of Violations Was a Long and Tiresome Journey over the Past Decade", 22 December 2020](https://snhr.org/blog/2020/12/22/the-syrian-network-for-human-rights-documentation-of-violations-was-a-long-and-tiresome-journey-over-the-past-decade/)).
#   It counts **civilians only**, victim by victim, and records for each the
#   place of death and the party it holds responsible
#   ([SNHR, monthly report on June 2021, 1 July 2021](https://sn4hr.org/blog/2021/07/01/56470/)).
# - **The UN human-rights office (OHCHR)** does not collect reports of its
#   own from the front. It merges lists from several sources, drops
#   duplicates, and keeps only deaths with a full name, a date and a place.
#   On 24 September 2021 it reported 350,209 identified people, civilians and
#   combatants, killed from March 2011 to March 2021, and called the figure a
#   minimum, "certainly an under-count" (High Commissioner Michelle Bachelet
#   to the Human Rights Council, 24 September 2021, as reported that day by
#   AFP and by Xinhua).
# - **Airwars** tracks claims of civilian harm from *international* military
#   action, mainly air and artillery strikes. It monitors local-language
#   media and social media every day, archives every report, follows
#   allegations up with the belligerents, and grades each incident
#   ([Airwars, "Methodology"](https://airwars.org/about/methodology/)). It
#   treats its incidents as "live", to be updated as new information comes
#   in (Airwars, methodology note on Gaza, October 2023).
#
# **Why tolls rise, so every figure needs a time.** Bodies are found under
# rubble days later, the wounded die, families report deaths late, and
# monitors merge new lists. A toll is always *a toll as of some moment*. SOHR
# raised its whole-war toll by about 105,000 in June 2021 after months of
# checking documents (AFP's report of 24 September 2021, as above); in this lesson's
# practice case the rescuers have 17 bodies on the first day and "dozens" still
# missing. So when you write a figure down, write down *when* it was given,
# and never set a Tuesday count against a Friday count as if they disagreed.
#
# **A party's number and a monitor's number are different kinds of
# evidence.** A defence ministry talking about a strike is a **party to the
# conflict**: its figure is evidence of what that party wants on the
# record, and it rarely shows how it counted. When a party *admits* harm it
# caused, the admission is strong evidence, because it goes against the
# party's own interest (that is what *Confirmed* will mean in section 7). A
# **monitor** is not fighting; it publishes a method, names or counts victims
# one by one, and can be checked against other monitors. Monitors have
# leanings and blind spots of their own, so a monitor's number is evidence of
# what *it documented, by its method*, not the last word.

# %% tags=["key"]
QUESTIONS["06.party_or_monitor"] = Question(
    prompt="A classmate writes: “Russia says it did not carry out a single strike on Idlib, and SOHR says 26 "
           "people were killed, so the two accounts contradict each other and we cannot say anything.” Do you "
           "agree? Give your decision and your reason in two sentences.",
    kind="judgement",
    answer="No. The two claims answer different questions: SOHR, a monitor, says how many people it counted "
           "dead (as of that day) and says itself that it is unclear whose aircraft struck; Russia, a party to "
           "the conflict, denies that its own planes were involved. Both can be true at once, so we can say "
           "that SOHR documented 26 deaths and that Russia denies responsibility, and leave who struck open.",
    hints=["says the claims are about different things: a count of the dead, and who was responsible",
           "tells a monitor's count from a party's denial, and says why each is evidence of a different kind",
           "says what can still be stated, with its source (and its date), instead of giving up",
           "does not treat the denial as evidence that nobody died"],
)

# %% [markdown]
# ### Exercise 06.party_or_monitor

# %%
Exercise("06.party_or_monitor", corpus)

# %% [markdown]
# **Figures with no claimant** rest on the outlet alone. Some may be well
# known elsewhere, but the article gives you no way to check them, and no
# date for them.

# %% tags=["key"]
def _unsourced_toll(corpus):
    f = corpus.figures
    row = f[(f["figure_id"] == "F16") & (f["claimant"].fillna("").str.strip() == "")]
    assert len(row) == 1, "the IBTimes whole-war toll is no longer an unsourced figure"
    return ("Not as it stands. IBTimes gives “Over 250,000 people have died” in its own voice, with no "
            "claimant and no date, and “over” gives only a floor. Before repeating it I would find who counted "
            "(SOHR, the UN human-rights office or another monitor), what they counted (all deaths or "
            "civilians) and as of when, and quote that source with its date instead.")


QUESTIONS["06.unsourced_toll"] = Question(
    prompt="IBTimes writes “Over 250,000 people have died” in the war, with no source. You are writing a short "
           "briefing on the war as it stood in early 2016. Would you repeat this figure as it stands? Give your "
           "decision and your reason in two sentences.",
    kind="judgement",
    answer=_unsourced_toll,
    hints=["notices that the figure has no claimant: it rests on IBTimes alone",
           "asks for a date: a whole-war toll keeps rising, so it must say as of when",
           "notes that “over” sets only a lower bound",
           "says what to look for instead: who counted, what (all deaths or civilians), by what method"],
)

# %% [markdown]
# ### Exercise 06.unsourced_toll

# %%
ex_unsourced = Exercise("06.unsourced_toll", corpus)
ex_unsourced

# %% tags=["solution"]
# Model answer (instructor version only): submit it to show the rubric.
ex_unsourced.reveal()

# %% [markdown]
# ## 6 · The claim explorer
#
# The explorer draws the figures as ranges, coloured by claimant, with the
# table underneath. Each counting unit gets its own panel with its own scale,
# so a count of people is never read against a count of strikes or a
# distance. Use the menus to filter by **outlet**, **claimant**, **measure**
# or **article**; the chart, its description and the table change straight
# away. Hover over a bar or point to read the whole claim.
#
# One warning: within a panel, a whole-war toll still dwarfs the toll of one
# strike. Choose one article before comparing lengths.

# %%
explorer = ClaimExplorer(corpus)
explorer.set(article="presstv-idlib-2017")
explorer

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
assert idlib["claimant"].iloc[-1] == claimlab.views.UNATTRIBUTED  # the "last row" of section 1
assert fig_row.loc["F06", "subset_of"] == "F05" and fig_row.loc["F10", "qualifier"] == ""
# The words section 4 quotes from the crosshead and the sentence under it, and the paraphrase it names.
assert "hit" in crosshead.text.split() and "militant" in crosshead.text and list(heads["kind"]) == ["crosshead"]
assert "Sergei Rudskoi, said almost 5,500 terrorist-held positions had been targeted in the Syrian and " \
       "Russian airstrikes" in corpus.text("presstv-idlib-2017")
assert corpus.attributions.set_index("attribution_id").loc[rudskoi.attribution_id, "quote_type"] == "indirect"
explorer.set(article="All", claimant="SOHR")
assert list(explorer.table["figure_id"]) == ["F05", "F06"]
assert claimlab.plots.alt_text(explorer.figure).startswith("Ranges for 2 claim(s) by 1 claimant(s)")
explorer.set(claimant="All", measure="casualties")
assert explorer.table["low"].isna().all() and explorer.table["high"].isna().all()
assert "2 give no number at all" in explorer.caption.value
explorer.set(measure="All", outlet="IBTimes", article="presstv-idlib-2017")
assert "No rows match these filters." in explorer.table_out.value
explorer.set(outlet="All", claimant="All", measure="All", article="presstv-idlib-2017")
assert set(explorer.table["article_id"]) == {"presstv-idlib-2017"}

# %% [markdown]
# Things to try: choose the claimant **Sergei Rudskoi** and see an upper
# bound ("almost": the bar is drawn up from zero, with a marker only at the
# top), a lower bound ("more than": a marker with an arrow pointing right)
# and an exact figure (a single marker) side by side. Choose the measure **casualties**: two
# hollow markers, two reports of the same strike from the same ministry, and
# no number in either.

# %% [markdown]
# ## 7 · Grading claims like a casualty monitor
#
# [Airwars](https://airwars.org/about/methodology/) is a not-for-profit
# group that monitors civilian harm from air and artillery strikes. It
# collects every local and international report of an incident and grades
# how well the harm is supported, on a five-step scale. We adapt that scale
# to grade a claim **from the evidence in our articles alone**. In our own
# words:

# %%
HTML(claimlab.views.as_html(claimlab.grading.scale_table()))

# %% [markdown]
# Airwars grades whole incidents, using every source it can find, and it
# records civilian harm specifically. Our version is narrower: you grade one
# claim in one article, using only what the corpus says. It also changes one
# grade: Airwars' *Contested* is for competing claims about who was
# responsible (several possible attackers). The course adds **"or the accused
# party denies it"**, so a denial by the party said to have struck counts as
# contesting the claim here; at Airwars, a denial alone would not move an
# incident into that grade. It also widens *Discounted* with **"or the
# claim's own source has withdrawn it"**, the commonest way a claim is
# knocked down in news text. Three things follow:
#
# - A claim can fit more than one description. A single-source claim whose
#   attacker is disputed is both *Weak* and *Contested*. Pick the grade you
#   can best defend, and say why.
# - **Confirmed** needs the party said to be responsible to accept the harm.
#   A claim by one side about its enemy's strike can never confirm it,
#   however official the source.
# - **Discounted** needs evidence, not labels. An outlet calling a city
#   "militant-held" (Lesson 05) is not evidence that the dead were fighters.
#
# Choose a claim in the menu, read the paragraph it comes from, pick a grade,
# write **one line saying why** in the *Why* box, and press **Check**. The
# feedback waits for your reason; then it tells you whether the text can
# defend your grade, and why. A grade it cannot defend gets a hint, then a more
# precise one; the third try names the grades the text supports. There is
# often more than one defensible grade.

# %% tags=["key"]
_NOT_CONFIRMED_RUSSIA = (
    "Confirmed needs the party said to be responsible to accept the harm. The strike was "
    "American; the US official quoted in the coverage calls it a precise response against "
    "al-Qaeda leaders and says nothing about casualties. A claim by the other side cannot "
    "confirm it.")


_NOT_FAIR_RUSSIA = (
    "Fair needs two or more independent sources. Both casualty claims about this strike come "
    "from the Russian Defence Ministry (the reconciliation centre is part of it), relayed by "
    "two Russian state agencies, TASS and Sputnik. Repeating one source is not corroboration.")


_CONTESTED_US_STRIKE = (
    "Arguable, on the course's wider reading of Contested (\"or the accused party denies it\", "
    "which Airwars' own grade does not include). Nobody disputes who struck: the US says it carried "
    "out the strike. But the accused party does answer the Russian side: the State Department "
    "official accuses Russian media of promoting \"inaccurate claims\" about the operation, and "
    "those claims may well include the casualties. Against that: the official never mentions casualties, "
    "so it is not a denial of this claim in so many words. If you choose Contested, say that you "
    "read the rejection as a denial; Weak is the safer grade.")


_NOT_DISCOUNTED_US_STRIKE = (
    "Discounted needs evidence that those harmed were combatants, or that someone else was "
    "responsible. The only word on the target comes from the side that struck (al-Qaeda "
    "leaders, it says); that is a claim, not evidence about who was actually hurt. Note also "
    "that the Russian claim never says the casualties were civilians: a reason for caution, "
    "not a reason to discount.")


_IDLIB_2017_CONTESTED = (
    "The text gives competing accounts of responsibility: SOHR itself says it was not clear "
    "whether Syrian, Russian or US-led coalition aircraft carried out the strikes, and the "
    "Russian Defence Ministry denies that its planes have struck Idlib at all since the start of "
    "2017. With several possible "
    "attackers and a denial, Contested is the grade that fits best.")


_IDLIB_2017_NOT_CONFIRMED = (
    "Confirmed needs the party responsible to accept the harm. In this article no air force "
    "accepts anything: the only belligerent that speaks, Russia, denies striking Idlib.")


_IDLIB_2017_NOT_DISCOUNTED = (
    "Discounted needs evidence that those killed were combatants, or that another party is most "
    "likely responsible. Press TV calls Idlib \"militant-held\", but that is a label for the "
    "city, not evidence about the dead; and SOHR names three possible attackers without "
    "favouring one.")


_IDLIB_2017_NOT_FAIR = (
    "Two organisations do report harm from the strikes, but Fair also needs the harm tied to a "
    "likely attacker, and the text names none: SOHR says it is unclear whose aircraft they were. "
    "The two organisations also count different things ({F05} against {F07}), so they do not "
    "corroborate each other's numbers.")


GRADING: dict[str, dict] = {
    "F01": {
        "defensible": {
            "Weak": "One source, the Russian reconciliation centre, which is part of a party to the "
                    "conflict and speaks about its rival's strike. It gives no number ({F01}), no "
                    "names and no evidence, and no one else in the article reports casualties.",
            "Contested": _CONTESTED_US_STRIKE,
        },
        "not_defensible": {
            "Confirmed": _NOT_CONFIRMED_RUSSIA,
            "Fair": _NOT_FAIR_RUSSIA,
            "Discounted": _NOT_DISCOUNTED_US_STRIKE,
        },
    },
    "F02": {
        "defensible": {
            "Weak": "One source, the Russian Defence Ministry, reaching UrduPoint through Sputnik. "
                    "It is the same ministry as the reconciliation centre in the TASS article, so "
                    "the two reports count as one source, and neither gives a number ({F02}).",
            "Contested": _CONTESTED_US_STRIKE,
        },
        "not_defensible": {
            "Confirmed": _NOT_CONFIRMED_RUSSIA,
            "Fair": _NOT_FAIR_RUSSIA,
            "Discounted": _NOT_DISCOUNTED_US_STRIKE,
        },
    },
    "F04": {
        "defensible": {
            "Contested": _IDLIB_2017_CONTESTED,
            "Weak": "The sentence itself names no source at all: airstrikes \"reportedly\" hit Idlib, "
                    "leaving {F04}. Graded on its own, an unsourced report is at best Weak; the "
                    "sourced figures come only in the next paragraph.",
        },
        "not_defensible": {
            "Confirmed": _IDLIB_2017_NOT_CONFIRMED,
            "Fair": _IDLIB_2017_NOT_FAIR,
            "Discounted": _IDLIB_2017_NOT_DISCOUNTED,
        },
    },
    "F05": {
        "defensible": {
            "Contested": _IDLIB_2017_CONTESTED,
            "Weak": "If you grade the number itself, it has a single source: only SOHR says "
                    "{F05}. Syria Civil Defence counts something else ({F07}), which does not "
                    "confirm SOHR's total.",
        },
        "not_defensible": {
            "Confirmed": _IDLIB_2017_NOT_CONFIRMED,
            "Fair": _IDLIB_2017_NOT_FAIR,
            "Discounted": _IDLIB_2017_NOT_DISCOUNTED,
        },
    },
    "F06": {
        "defensible": {
            "Contested": _IDLIB_2017_CONTESTED,
            "Weak": "Only SOHR separates civilians from the other dead ({F06}, part of {F05}); "
                    "Syria Civil Defence says nothing about who the dead were. For the civilian "
                    "count there is one source.",
        },
        "not_defensible": {
            "Confirmed": _IDLIB_2017_NOT_CONFIRMED,
            "Fair": _IDLIB_2017_NOT_FAIR,
            "Discounted": "Nothing in the text shows that these dead were combatants. Press TV's "
                          "label \"militant-held\" for the city and its \"so-called\" for SOHR are "
                          "framing, not evidence about the victims.",
        },
    },
    "F07": {
        "defensible": {
            "Contested": _IDLIB_2017_CONTESTED,
            "Weak": "Only Syria Civil Defence counts bodies ({F07}). SOHR's figure is a count of "
                    "people killed, a different unit, so it neither confirms nor contradicts this "
                    "one.",
        },
        "not_defensible": {
            "Confirmed": _IDLIB_2017_NOT_CONFIRMED,
            "Fair": _IDLIB_2017_NOT_FAIR,
            "Discounted": _IDLIB_2017_NOT_DISCOUNTED,
        },
    },
    "F08": {
        "defensible": {
            "Contested": _IDLIB_2017_CONTESTED,
            "Weak": "Only Syria Civil Defence reports people taken to hospital ({F08}); SOHR gives "
                    "no figure for the injured. One source for this count.",
        },
        "not_defensible": {
            "Confirmed": _IDLIB_2017_NOT_CONFIRMED,
            "Fair": _IDLIB_2017_NOT_FAIR,
            "Discounted": _IDLIB_2017_NOT_DISCOUNTED,
        },
    },
    "F09": {
        "defensible": {
            "Weak": "Press TV states this in its own voice ({F09}) with no source, no number, and "
                    "no place or date for any death. The text offers no second source.",
        },
        "not_defensible": {
            "Confirmed": "Nothing in this article shows the US-led coalition accepting civilian "
                         "deaths. (Outside the article, the coalition has itself admitted some "
                         "civilian deaths in Syria and Iraq; bringing in that evidence is research "
                         "beyond the text, and would confirm particular incidents, not this "
                         "sweeping sentence.)",
            "Fair": "Fair needs two or more credible sources; the article gives none, only Press "
                    "TV's own assertion.",
            "Contested": "No one in the article offers a competing account of who caused these "
                         "deaths; the sentence names one party, the US-led coalition, and nobody "
                         "disputes it here.",
            "Discounted": "The text gives no evidence that those killed were combatants or that "
                          "someone else was responsible.",
        },
    },
}

# %%
grader = GradingWidget(corpus)
grader

# %% tags=["solution"]
# Worked example: SOHR's death toll. Confirmed cannot be defended (no air force accepts the harm;
# Russia denies striking), while Contested can (SOHR itself says it is unclear whose aircraft struck).
grader.set("F05")
grader.check("Contested", "SOHR itself says it is unclear whose aircraft struck, and Russia denies it")

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
grader.set("F05")
assert grader.check("Confirmed").ok is None and "say in one line why" in grader.value   # a reason first
fb = grader.check("Confirmed", "the Russian ministry is an official source")
assert fb.ok is False and "Hint:" in fb.message and "Hard to defend" in grader.value
assert "Grades the text can defend" not in fb.message          # a hint first, not the answer
assert grader.check("Contested").ok is True and "Your reason:" in grader.value
grader.set("F01")
assert grader.reason.value == ""
assert grader.check("Weak", "one ministry, no number, nobody else").ok is True
assert "reconciliation centre" in grader.value
assert grader.check("Discounted").ok is False
grader.set("F01")
assert grader.grade.value is None and grader.value == "" and grader.reason.value == ""

# %% [markdown]
# When you have graded a few claims, notice the pattern: from these
# articles alone, nothing rises above *Weak* or *Contested*. That is not a
# failure of your reading. A single article rarely holds enough evidence to
# settle a casualty claim; it tells you who claims what, and where to look
# next.
#
# ### The other grades: a practice case
#
# So that you see the whole scale at work, the grader below holds claims from
# the course's practice case, three **fictional** reports (written for the
# course; the country, the people and the outlets are invented) of an air
# strike on a grain depot in the town of Serrow. Here the party that struck
# admits civilian deaths, an independent monitor publishes a count from names
# collected from families, and a health directorate withdraws its own first
# toll. Grade each claim, with your one-line reason: this time *Confirmed*,
# *Fair* and *Discounted* each have their claim.

# %% tags=["key"]
# The practice case "serrow" (fictional, lib/claimlab_course/cases/serrow): claims whose best grade is
# Confirmed, Fair or Discounted, which no claim in the seed articles supports.
_SERROW_NOT_CONTESTED = (
    "Nobody in the texts disputes who struck: the Defence Ministry says its own aircraft hit the depot. "
    "The sides disagree about what was inside it and who died, not about the attacker.")

_SERROW_NOT_DISCOUNTED = (
    "Nothing shows that the dead were fighters: that is the ministry's claim ({F09}), and the Front "
    "answers {F30}. Nor has anyone withdrawn this claim.")

CASE_GRADING: dict[str, dict[str, dict]] = {"serrow": {
    "F33": {
        "defensible": {
            "Confirmed": "The party that carried out the strike accepts the harm: the Defence Ministry "
                         "itself admits {F33} died. An admission against its own interest is the "
                         "strongest evidence a news text can hold, even though only the Front's own "
                         "outlet reports it.",
            "Fair": "Independent sources report civilian deaths at the depot the air force says it hit: the "
                    "rescuers, the hospital and the Civilian Harm Monitor. Fair is sound; Confirmed is "
                    "better, because the attacker's side admits it.",
        },
        "not_defensible": {
            "Weak": "Weak is for one source or none named; here the ministry, the rescuers, the hospital "
                    "and the monitor all report civilians harmed.",
            "Contested": _SERROW_NOT_CONTESTED,
            "Discounted": _SERROW_NOT_DISCOUNTED,
        },
    },
    "F10": {
        "defensible": {
            "Confirmed": "A senior defence official, speaking for the side that struck, says {F10}. It is "
                         "anonymous and hedged (\"probably\"), but it is the attacker's side accepting "
                         "harm; the ministry later says so on the record ({F33}).",
            "Fair": "The rescuers, the hospital and the monitor, independent of each other, report harm at "
                    "the depot the air force says it hit, so Fair holds even if you set the unnamed "
                    "official aside.",
        },
        "not_defensible": {
            "Weak": "Weak means one source or none; this harm is reported by several independent sources "
                    "and admitted by the attacker's side.",
            "Contested": _SERROW_NOT_CONTESTED,
            "Discounted": _SERROW_NOT_DISCOUNTED,
        },
    },
    "F14": {
        "defensible": {
            "Fair": "The Calvorne Civilian Harm Monitor, an independent group, counts {F14} from names "
                    "collected from families; the rescuers and the hospital report the dead and wounded "
                    "separately, and the attacker is known. Two or more independent sources tied to a "
                    "likely attacker: Fair.",
        },
        "not_defensible": {
            "Confirmed": "The ministry accepts {F33}, not 19 to 27. Its admission confirms that civilians "
                         "died, not this range; for the monitor's number, Fair is the grade.",
            "Weak": "The monitor is not alone: the rescuers, the hospital and even the ministry report dead "
                    "civilians, and the monitor says how it counted (names from families).",
            "Contested": _SERROW_NOT_CONTESTED,
            "Discounted": _SERROW_NOT_DISCOUNTED,
        },
    },
    "F12": {
        "defensible": {
            "Discounted": "The claim's own source has withdrawn it: the health directorate first put the "
                          "toll at 31, then lowered it to 23 because some victims had been registered at "
                          "both hospitals. The 31 no longer stands; report the 23, with its date.",
        },
        "not_defensible": {
            "Confirmed": "Nobody accepts 31 any more, not even the directorate that first gave it.",
            "Fair": "No other source gives 31: the rescuers count 17 bodies and the monitor 19 to 27 "
                    "civilians, and the directorate itself replaced it with 23.",
            "Weak": "Weak is for a claim that still stands on one source. This one has been withdrawn by "
                    "that source, which is more than weak.",
            "Contested": _SERROW_NOT_CONTESTED,
        },
    },
    "F11": {
        "defensible": {
            "Weak": "One source, the Front, a party to the fighting, with no names and no method. It also "
                    "had to correct another claim (the working school). The independent monitor counts "
                    "fewer, {F14}.",
        },
        "not_defensible": {
            "Confirmed": "The ministry accepts {F33}, not more than 40; an admission confirms only what it "
                         "admits.",
            "Fair": "No independent source supports more than 40: the monitor's {F14} is lower, and the "
                    "rescuers count bodies, a different unit.",
            "Contested": _SERROW_NOT_CONTESTED,
            "Discounted": "The evidence does not show that the dead were fighters, and the Front has not "
                          "withdrawn this claim: a high, single-source number is Weak, not Discounted.",
        },
    },
}}

# %%
serrow = claimlab_course.cases.key_corpus("serrow")
case_grader = GradingWidget(serrow, case="serrow")
case_grader

# %% tags=["solution"]
# Worked example: the ministry's own admission, reported by the Front's outlet.
case_grader.set("F33")
case_grader.check("Confirmed", "the side that struck admits that at least six civilians died")

# %% tags=["test"]
# Course self-check: each of Confirmed, Fair and Discounted is the grade the key defends for one case claim.
from claimlab.grading import defensible
best = {fid: defensible(fid, claimlab_course.grading_key("serrow")) for fid in ("F33", "F14", "F12")}
assert best == {"F33": ["Confirmed", "Fair"], "F14": ["Fair"], "F12": ["Discounted"]}, best
case_grader.set("F12")
assert case_grader.check("Discounted", "the directorate withdrew its own 31").ok is True
assert "lowered it to 23" in case_grader.value and "Your reason:" in case_grader.value
assert "the death toll at 31" in case_grader.details.value

# %% [markdown]
# ## Transfer: figures nobody annotated for you
#
# A short practice report (fictional, written for the course) of an air strike
# on a grain depot. Its figures are not marked. Read every number and ask the
# questions of this lesson: who claims it, what does it count, and when?

# %%
practice = claimlab.load_corpus(claimlab_course.cases.text_folder("serrow"), extract=False)
HTML(claimlab.reader.render_article(practice, "orrery-wire", layers=()))

# %% tags=["key"]
TRANSFER_RIGHT = ("Both can be right: they count different things at different times (bodies pulled from the "
                  "rubble by Wednesday, and deaths the directorate registered across the town's hospitals).")


def _transfer_units(corpus):
    key = claimlab_course.cases.key_corpus("serrow")
    f = key.figures.merge(key.articles[["article_id", "file"]], on="article_id")
    f = f[f["file"] == "orrery_wire.txt"]
    bodies = set(f.loc[f["high"] == 17, "measure"])
    toll = set(f.loc[f["high"] == 23, "measure"])
    assert bodies and toll, "the practice key no longer has the 17 and the 23"
    return TRANSFER_RIGHT if bodies.isdisjoint(toll) else "no answer: the key's units changed"


QUESTIONS["06.transfer_units"] = Question(
    prompt="The rescuers say they recovered 17 bodies; the health directorate says 23 people were killed. "
           "What do you make of the two numbers?",
    kind="choice",
    options=["One of them must be wrong: two honest counts of the same strike would give the same number.",
             "The 23 must include the 11 fighters the ministry mentions, so only 12 civilians died.",
             TRANSFER_RIGHT,
             "Take the average, 20, as the best estimate, since each side counts a little differently."],
    answer=_transfer_units,
    hints=["Which counting unit does each number have: what exactly is counted?",
           "Bodies recovered so far, and people registered as killed, can both be true at once."],
    explain="Different units, different times: the rescuers counted bodies they had pulled out by Wednesday "
            "(and said dozens were still missing); the directorate counted registered deaths, and even "
            "lowered its own figure from 31 after finding double counts. Neither number refutes the other; "
            "averaging them would mix two measures.",
)

# %% [markdown]
# ### Exercise 06.transfer_units

# %%
Exercise("06.transfer_units", corpus)

# %% [markdown]
# ## Recap
#
# - A figure is a claim: a **claimant**, a **counting unit** and a **range**.
#   Check all three before comparing two numbers.
# - "Killed", "bodies recovered", "taken to hospital" and "casualties" count
#   different things; civilians killed are a **subset** of the killed. SOHR's
#   and the Civil Defence's figures cannot be set against each other.
# - Vague quantities stay vague: **missing, never zero**. Open ranges stay
#   open: "almost" gives only a high, "more than" only a low.
# - Headings drop qualifiers and attributions: Press TV's crosshead turned
#   the "almost" of the sentence under it into an exact number of its own,
#   "targeted" into "hit", and dropped Rudskoi's name and whose strikes
#   they were.
# - Two reports of one source are one source: the Russian casualty claims
#   about the US strike come from one ministry through two state agencies.
# - Monitors count differently: SOHR tallies all deaths from contacts on the
#   ground, the Civil Defence what its teams recovered, SNHR civilians by
#   name, the UN only deaths with a name, a date and a place, Airwars
#   incidents of civilian harm. Tolls rise, so every figure needs a time; a
#   party's number and a monitor's are different kinds of evidence.
# - Grading (adapted from Airwars): *Confirmed* needs the responsible party
#   to accept the harm, as the Serrow ministry does; *Fair*, independent
#   sources, like the Serrow monitor's; *Discounted*, evidence against the
#   claim or its withdrawal by its own source, like the directorate's 31. From
#   our real articles alone, most claims are *Weak* or *Contested*. Say why
#   before you look at the feedback.
#
# **Next:** [Lesson 07 · Capstone](07_capstone.ipynb)
