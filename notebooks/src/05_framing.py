# %% [markdown]
# # Lesson 05 · Framing: the labels outlets give the same actors
#
# **Start with a question.** The same armed groups in Idlib are "terrorists"
# in one article, "militants" in another and "the opposition" in a third.
# Whose words are these, the outlet's or the people it quotes, and what can
# counting them tell you?
#
# **What this lesson teaches:** how outlets frame the people and groups in a
# story through the words they choose: who is a "terrorist", a "militant" or
# "the opposition", whose government is a "regime", which sources are
# "so-called". You will learn to tell an outlet's own words from the words it
# reports, and to count framing terms without fooling yourself.
#
# **Learning objectives.** By the end you can
# - name the four kinds of framing term in the course's tables: actor labels,
#   hedges, asides and evaluative words;
# - say whether a label is in the outlet's own voice, inside a quotation or
#   inside a paraphrase, and why the difference matters;
# - recognise a legal aside such as "(outlawed in Russia)" and what it tells
#   you about the publisher;
# - spot repetition and page furniture that inflate a count;
# - read a heat map of counts per outlet, and say what such counts cannot
#   tell you.
#
# **Time:** about 40 minutes. **Before you start:** Lesson 04 (Attribution).
# You need its ideas of a direct quotation, a paraphrase and a cue.

# %% [markdown]
# ## Setting up
#
# Run the next cell (**Shift + Enter**). It loads the course's helper package,
# the articles, and the table of framing terms the annotators marked in them.

# %%
import claimlab
import ipywidgets as widgets
import pandas as pd
from claimlab_course import Exercise
from claimlab.reader import ArticleReader
from IPython.display import HTML, Markdown

corpus = claimlab.load_corpus()
terms = claimlab.views.term_table(corpus)
Markdown(f"The annotators marked **{len(terms)} framing terms** in the "
         f"**{len(corpus.articles)} articles**, one row per occurrence.")

# %% [markdown]
# ## 1 · Four kinds of framing term
#
# Every row of the term table has a `category`:
#
# - **actor_label**: a name for a person, group, place or government that
#   carries a judgement. "Terrorists", "militants", "rebel-held", "the
#   opposition", "Assad regime", "Daesh" and "Takfiri elements" can all point
#   at overlapping groups of armed men, and each says something different about
#   them.
# - **hedge**: a word that keeps a claim at arm's length. "Reportedly",
#   "alleged", "so-called", "what they said were", and *scare quotes*:
#   quotation marks around a single word that the writer uses while holding
#   it at a distance, as when Russia's Defence Ministry spokesman mocks the
#   Pentagon's advice to change strategy to "‘help’" the United States. Most
#   quotation marks are not hedges: they only say whose words these are
#   (section 5).
# - **aside**: words added in brackets or between commas that explain or
#   comment on an actor: "(outlawed in Russia)", "[President Bashar]", "also
#   known as ISIS", or UrduPoint's "albeit without providing any evidence that
#   such attacks did take place".
# - **evaluative**: words that judge: "well-known lies", "war of words",
#   "Slams", "wreaking havoc", "sweeping gains".
#
# The `refers_to` column says who or what is labelled, and the annotators'
# `note` explains the less obvious rows.

# %%
by_category = terms["category"].value_counts().sort_index()
Markdown("In the corpus: " + ", ".join(f"**{n}** {cat}" for cat, n in by_category.items()) + ".")

# %% [markdown]
# ## 2 · One set of fighters, many names
#
# The table below lists every actor label and how often each outlet uses it.
# Read down a column to see one outlet's vocabulary, and across a row to see
# who uses a word.

# %%
labels = terms[terms["category"] == "actor_label"]
pd.crosstab(labels["term"].str.lower(), labels["outlet"]).rename_axis(index="label", columns="outlet")

# %% [markdown]
# Some things to notice (open the articles in section 8 to check each one):
#
# - **Press TV**, Iran's state broadcaster, uses the most labels in its own
#   voice (the next section shows how to tell). It calls the armed groups in Syria "terror outfits",
#   "foreign-backed militants", "terrorist groups" and "Takfiri elements"
#   (*Takfiri* is a pejorative for Sunni extremists who declare other Muslims
#   unbelievers), and it calls the Islamic State group "Daesh", the Arabic
#   acronym its opponents use.
# - **UrduPoint News**, republishing Sputnik, calls Idlib "the rebel-held
#   province": "rebel" is a milder word than "terrorist".
# - **IBTimes**, a US site, speaks of "the opposition" and "opposition
#   groups", in the paraphrase of the US accusation and in McGurk's quotation.
# - **TASS** draws a line between two of these words in its own voice: the
#   Russian and Turkish presidents will discuss "separating the opposition
#   from terrorists". Whether a given armed group is "opposition" or
#   "terrorist" is exactly what the sides disagree about.
#
# And one label never appears in the outlet's own voice: "regime".

# %%
regime = terms[terms["term"].str.contains("regime", case=False)]
Markdown(
    f"\"Assad regime\" and \"Syrian regime\" appear **{len(regime)} times**, in "
    f"**{regime['article_id'].nunique()} articles** by {' and '.join(sorted(regime['outlet'].unique()))}. "
    f"Their voice column says: {', '.join(sorted(regime['voice'].unique()))}. Every one sits inside a "
    "statement by a US official: the Russian outlets quote the word, but never use it themselves."
)

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
inside = [a.actor for t in regime.itertuples() for a in corpus.attributions.itertuples()
          if a.article_id == t.article_id and a.start <= t.start and t.end <= a.end]
assert set(regime["voice"]) == {"attributed"}
assert inside and set(inside) <= {"US State Department", "Heather Nauert"}, inside

# %% [markdown]
# ## 3 · Whose voice is it?
#
# A label means something different depending on who is speaking. There are
# three cases:
#
# 1. **The outlet's own voice.** Press TV writes "the so-called Syrian
#    Observatory for Human Rights". No one else is speaking: Press TV owns the
#    label.
# 2. **Inside a direct quotation.** "We completely reject efforts by Russian
#    media to promote inaccurate claims instead of highlighting the
#    humanitarian crisis being exacerbated by the Assad regime", says the US
#    official in TASS's article. "Assad regime" is the official's phrase; TASS
#    chose to quote it.
# 3. **Inside a paraphrase.** Here the outlet reports what someone said *in
#    its own words*. TASS's headline says the US strike was a response "to
#    terrorists", and its first paragraph speaks of "leaders of terrorist
#    groups affiliated with Al-Qaeda (outlawed in Russia)". But when the
#    official is quoted directly, he speaks of "AQ-S leadership". In a
#    paraphrase the outlet picks the words, so a label there may be the
#    outlet's, not the speaker's.
#
# The term table's `voice` column is worked out from *position*: a term is
# **attributed** when it lies inside the content of a reported statement
# (Lesson 04's attributions), and **outlet** otherwise. That is a useful
# first sort, but it cannot tell a quotation from a paraphrase, and it has
# two traps you will meet in this lesson:
#
# - TASS's "(outlawed in Russia)" lies inside the paraphrase of the US
#   official, so the column says *attributed*. The words are TASS's.
# - Press TV's "reportedly" opens a report with no named source. The
#   annotators count that sentence as an attribution with no speaker, and the
#   cue "reportedly" lies inside its content, so the column says *attributed*
#   even though nobody but Press TV is speaking.
#
# Here is the split by outlet:

# %%
pd.crosstab(terms["outlet"], terms["voice"], margins=True, margins_name="total")

# %%
voice = pd.crosstab(terms["outlet"], terms["voice"])
own_share = (voice["outlet"] / voice.sum(axis=1)).sort_values()
Markdown(
    f"For **{own_share.index[0]}**, only **{voice.loc[own_share.index[0], 'outlet']}** of its "
    f"{voice.loc[own_share.index[0]].sum()} terms are in its own voice; **{own_share.index[-1]}** uses "
    f"**{voice.loc[own_share.index[-1], 'outlet']}** of its {voice.loc[own_share.index[-1]].sum()} in its own "
    f"voice. One frames mostly through the words it chooses to report; the other says more itself."
)

# %% [markdown]
# ## 4 · Explore the terms yourself
#
# Use the menus to pick an **outlet**, a **category** and a **voice**. The
# table underneath changes straight away, and the line above it counts the
# rows. You will need this explorer for the exercises.

# %%
outlet_menu = widgets.Dropdown(options=claimlab.views.options(terms, "outlet"), description="Outlet",
                               tooltip="Show one outlet's terms")
category_menu = widgets.Dropdown(options=claimlab.views.options(terms, "category"), description="Category",
                                 tooltip="actor_label, hedge, aside or evaluative")
voice_menu = widgets.Dropdown(options=claimlab.views.options(terms, "voice"), description="Voice",
                              tooltip="outlet: the outlet's own words; attributed: inside a reported statement")
term_list = widgets.HTML()


def show_terms(change=None):
    rows = claimlab.views.term_table(corpus, outlet=outlet_menu.value, category=category_menu.value)
    if voice_menu.value != claimlab.views.ALL:
        rows = rows[rows["voice"] == voice_menu.value]
    shown = rows[["outlet", "term", "category", "refers_to", "voice"]]
    term_list.value = f"<p>{len(rows)} term(s) match.</p>" + claimlab.views.as_html(shown)


for menu in (outlet_menu, category_menu, voice_menu):
    menu.observe(show_terms, names="value")
show_terms()
widgets.VBox([widgets.HBox([outlet_menu, category_menu, voice_menu]), term_list])

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
outlet_menu.value, category_menu.value, voice_menu.value = "Press TV", "hedge", "outlet"
assert term_list.value.startswith("<p>3 term(s) match.</p>"), term_list.value[:80]
assert term_list.value.count("so-called") == 2
outlet_menu.value, category_menu.value = "IBTimes", "aside"
assert "also known as ISIS" in term_list.value
outlet_menu.value, category_menu.value, voice_menu.value = "TASS", "evaluative", "All"
assert "No rows match" not in term_list.value
voice_menu.value = "outlet"
assert "No rows match these filters." in term_list.value
outlet_menu.value = category_menu.value = voice_menu.value = claimlab.views.ALL
assert term_list.value.startswith(f"<p>{len(terms)} term(s) match.</p>")

# %% [markdown]
# ## 5 · Hedges: keeping a claim at arm's length
#
# A hedge tells you how far the writer stands behind a claim. Set the
# explorer's category to **hedge** and look at who hedges what:
#
# - **"so-called"**. Press TV introduces both sources of its casualty figures,
#   the Syrian Observatory for Human Rights (SOHR) and the Syria Civil Defence,
#   as "so-called". It then reports their figures anyway. Keep this in mind
#   for Lesson 06, where those figures are the centre of attention.
# - **"alleged"**. Press TV writes of Russia's "alleged role in air raids";
#   TASS of Washington "accusing Russia of its alleged indiscriminate
#   shelling". Both hedges protect Russia. Both sit in a paraphrase of a
#   Russian statement (the Defence Ministry's denial, the reconciliation
#   centre's complaint), so in neither sentence can we tell whether the
#   outlet or the Russian side chose the word.
# - **"what they said were"**, **"what are said to be"**. UrduPoint: US forces
#   struck "what they said were positions of al-Qaeda leaders". Press TV: the
#   US-led coalition strikes "what are said to be Daesh terrorists". The outlet
#   declines to take the US description of the target on trust.
# - **Quotation marks that report, and scare quotes.** TASS's headline puts
#   the US phrase in quotation marks, ‘precise and targeted response’, and
#   UrduPoint's headline quotes one word of it, 'Precise'. Marks like these
#   mostly say whose words they are: both headlines begin "US says", and the
#   official did use the words. So the term table does not count them as
#   hedges; it codes the quoted words as *evaluative* (the official's own
#   verdict on his strike), like "inaccurate claims" and "false flag
#   reporting". Some readers hear doubt in UrduPoint's single quoted word.
#   That is a possible reading, but the marks alone do not prove it;
#   UrduPoint's aside on another of the official's claims, "albeit without
#   providing any evidence that such attacks did take place" (section 6), is
#   a plainer sign of distance. A true *scare quote* holds a word at a
#   distance instead of reporting it: inside his own quotation, Russia's
#   Defence Ministry spokesman Igor Konashenkov puts "‘help’" and
#   "‘strategies’" in scare quotes. That is sarcasm by the speaker, which
#   IBTimes reports, and no outlet in the corpus does the same in its own
#   sentences. (The rule is written out in the seeds' data dictionary,
#   `seeds/README.md`.)

# %% tags=["key"]
# Lesson 05 answer key (framing). Answers are computed from the term tables.
from claimlab import views


def _outlets(corpus) -> list[str]:
    return sorted(corpus.articles["outlet"].unique())


def _so_called(corpus) -> str:
    t = views.term_table(corpus)
    hits = t[(t["term"].str.casefold() == "so-called") & t["refers_to"].str.contains("SOHR", regex=False)]
    return sorted(hits["outlet"].unique())[0]


QUESTIONS["05.so_called"] = Question(
    prompt="Which outlet calls the Syrian Observatory for Human Rights (SOHR) “so-called”?",
    kind="choice",
    options=_outlets,
    answer=_so_called,
    hints=["Set the Category filter of the term table to hedge and look for “so-called”.",
           "SOHR is quoted in only one article: the one about air strikes on Idlib that "
           "Russia denies carrying out."],
    explain="Press TV, Iran's state broadcaster, writes “the so-called Syrian Observatory for Human "
            "Rights” and “the so-called Syria Civil Defense”, in its own voice.",
)

# %% [markdown]
# ### Exercise 05.so_called

# %%
ex_so_called = Exercise("05.so_called", corpus)
ex_so_called

# %% tags=["solution"]
# Worked solution: the rows whose term is "so-called", and their outlet.
so_called = terms[terms["term"] == "so-called"]
ex_so_called.check(so_called["outlet"].iloc[0])

# %% tags=["key"]
BOTH, NEITHER = "Both", "Neither"


def _presstv_hedges(corpus):
    return views.term_table(corpus, outlet="Press TV", category="hedge")


def _attributed_hedges(corpus) -> list[str]:
    t = _presstv_hedges(corpus)
    return sorted(t.loc[t["voice"] == "attributed", "term"])


def _hedge_options(corpus) -> list[str]:
    return _attributed_hedges(corpus) + [BOTH, NEITHER]


def _is_speakerless_cue(corpus, term) -> bool:
    """The term is itself the cue of a statement that names no speaker ("reportedly")."""
    a = corpus.attributions
    a = a[(a["article_id"] == term.article_id) & (a["speaker"].fillna("") == "")]
    return bool(((a["cue_start"] <= term.start) & (term.end <= a["cue_end"])).any())


def _presstv_own_hedge(corpus) -> str:
    t = _presstv_hedges(corpus)
    t = t[t["voice"] == "attributed"]
    own = sorted(r.term for r in t.itertuples() if _is_speakerless_cue(corpus, r))
    if not own:
        return NEITHER
    return BOTH if len(own) == len(t) else own[0]


def _presstv_hedges_explain(corpus) -> str:
    t = _presstv_hedges(corpus)
    column = int((t["voice"] == "outlet").sum())
    return (f"“{_presstv_own_hedge(corpus)}”. Its sentence names no speaker at all, and the word is itself the "
            "cue, so nobody but Press TV says it. “Alleged” sits in Press TV's paraphrase of Russia's denial "
            "(“Russia has refuted reports about its alleged role…”): in a paraphrase the outlet picks the "
            "words, so it may be Press TV's, but Russia may have used it too, and the article does not let "
            f"us tell. So Press TV uses {column} hedges in its own voice by the voice column's count, at least "
            f"{column + 1} by a reader's, and {len(t)} if “alleged” is its word too.")


QUESTIONS["05.presstv_hedges"] = Question(
    prompt="The voice column counts two of Press TV's hedges as attributed, because they lie inside "
           "the span of a reported statement. Which of them can only be Press TV's own word?",
    kind="choice",
    options=_hedge_options,
    answer=_presstv_own_hedge,
    hints=["Filter the explorer to outlet Press TV, category hedge, voice attributed; then find each "
           "word in the article (section 8) and ask who is speaking in its sentence.",
           "One of them is the cue of a statement with no speaker; the other sits in a paraphrase of "
           "Russia's Defence Ministry, where the words could be Press TV's or Russia's."],
    explain=_presstv_hedges_explain,
)

# %% [markdown]
# ### Exercise 05.presstv_hedges

# %%
ex_hedges = Exercise("05.presstv_hedges", corpus)
ex_hedges

# %% tags=["solution"]
# Worked solution: Press TV's hedges that the voice column calls attributed, and the statements around
# them. "reportedly" is the cue of a statement with no speaker; "alleged" sits in a paraphrase of Russia.
hedged = claimlab.views.term_table(corpus, outlet="Press TV", category="hedge")
hedged = hedged[hedged["voice"] == "attributed"]
around = corpus.attributions[corpus.attributions["article_id"] == "presstv-idlib-2017"]
around = around[[any(a.start <= t.start and t.end <= a.end for t in hedged.itertuples())
                 for a in around.itertuples()]]
HTML(claimlab.views.as_html(around[["speaker", "cue", "quote_type", "content"]]))

# %% tags=["solution"]
ex_hedges.check("reportedly")

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
assert ex_so_called.check("TASS").ok is False and "Hint" in ex_so_called.feedback.value
assert ex_so_called.check("Press TV").ok is True
assert ex_hedges.check("alleged").ok is False and ex_hedges.check("Both").ok is False
assert ex_hedges.check("reportedly").ok is True
# Quotation marks are hedges only as scare quotes: in the seeds, Konashenkov's two, in his own quotation.
marked = terms[(terms["category"] == "hedge") & terms["term"].str.contains("[‘’'\"“”]")]
assert set(marked["term"]) == {"‘help’", "‘strategies.’"} and set(marked["voice"]) == {"attributed"}
assert not terms[terms["term"].isin(["precise and targeted response", "Precise"])]["category"].eq("hedge").any()
ex_so_called.input.value, ex_hedges.input.value = None, None
for ex in (ex_so_called, ex_hedges):
    ex.feedback.value, ex.attempts = "", 0

# %% [markdown]
# ## 6 · Asides: legal formulas and editorial comments
#
# Set the explorer's category to **aside**. Three sorts turn up:
#
# - **Legal asides.** TASS writes "Al-Qaeda (outlawed in Russia)" and "Jabhat
#   al-Nusra (a terrorist organization outlawed in Russia)"; Sputnik's report,
#   as UrduPoint prints it, has "the al-Qaeda terrorist group (banned in
#   Russia)". Russian media attach such a formula whenever they name an
#   organisation banned in Russia as a matter of routine. It is house style
#   shaped by Russian law,
#   not the reporter's own judgement, and it tells you something about the
#   publisher: this is copy written under Russian rules. Notice that TASS and
#   Sputnik put it *inside their paraphrases of a US official*.
# - **Editorial insertions** in square brackets, inside a quotation: "the
#   [President Bashar] Assad regime" (UrduPoint) and "the [Syrian] government
#   troops" (Press TV, quoting Rudskoi). The brackets mark words the outlet
#   added to the speaker's.
# - **Comment in the outlet's voice.** UrduPoint adds, after the US
#   accusation, "albeit without providing any evidence that such attacks did
#   take place", and describes Russia as a country "which is a guarantor of
#   the Syrian ceasefire and also assists Damascus in facilitating the return
#   of refugees". Press TV adds that SOHR is "affiliated to Syria opposition
#   groups" and that the Civil Defence "is run by the opposition". Each aside
#   tells the reader how to weigh someone before they speak.

# %% tags=["key"]
def _categories(corpus) -> list[str]:
    return sorted(corpus.terms["category"].unique())


def _outlawed_category(corpus) -> str:
    t = corpus.terms
    return t.loc[t["term"] == "(outlawed in Russia)", "category"].iloc[0]


QUESTIONS["05.outlawed"] = Question(
    prompt="Which category does TASS's “(outlawed in Russia)” belong to?",
    kind="choice",
    options=_categories,
    answer=_outlawed_category,
    hints=["It is not a name for anyone and it does not weaken a claim: it is an addition in "
           "brackets.",
           "Filter the term table to TASS and find the bracketed words."],
    explain="An aside: words the outlet inserts to comment on, or explain, the actor it names.",
)

# %% [markdown]
# ### Exercise 05.outlawed

# %%
ex_outlawed = Exercise("05.outlawed", corpus)
ex_outlawed

# %% tags=["solution"]
# Worked solution: look the term up in the term table.
ex_outlawed.check(terms.loc[terms["term"] == "(outlawed in Russia)", "category"].iloc[0])

# %% tags=["key"]
def _outlawed_outlet(corpus) -> str:
    t = views.term_table(corpus)
    return t.loc[t["term"] == "(outlawed in Russia)", "outlet"].iloc[0]


_WHOSE = ["The US State Department official's", "TASS's", "Al-Qaeda's"]


def _whose_answer(corpus) -> str:
    return "TASS's" if _outlawed_outlet(corpus) == "TASS" else _WHOSE[0]


QUESTIONS["05.whose_aside"] = Question(
    prompt="The voice column marks “(outlawed in Russia)” as attributed, because it sits inside "
           "TASS's paraphrase of the US official. Whose words are they?",
    kind="choice",
    options=_WHOSE,
    answer=_whose_answer,
    hints=["Would a US State Department official describe al-Qaeda by what Russian law says "
           "about it?",
           "Hover over the attribution in the article reader: the annotators' note says who "
           "inserted the aside."],
    explain="TASS's. The formula is one Russian media attach to organisations banned in Russia; "
            "it sits inside a paraphrase, and in a paraphrase the outlet chooses the words.",
)

# %% [markdown]
# ### Exercise 05.whose_aside

# %%
ex_whose = Exercise("05.whose_aside", corpus)
ex_whose

# %% tags=["solution"]
# Worked solution: the term's voice says "attributed", but the note on the statement around it
# says who inserted the aside.
around = corpus.attributions[corpus.attributions["content"].str.contains("(outlawed in Russia)", regex=False)]
HTML(claimlab.views.as_html(around[["speaker", "quote_type", "content", "note"]]))

# %% tags=["solution"]
ex_whose.reveal()

# %% [markdown]
# ## 7 · Counting: page furniture, repetition, and what counts cannot say
#
# Before you count labels per outlet, look at *where* on the page they sit.
# Lesson 01 showed that the scraped pages carry headlines, standfirsts
# (the summary under a headline), crossheads and, on UrduPoint's page, a
# headline printed twice by the page template. A label in a repeated
# headline, or in a standfirst that repeats a sentence of the article, is
# counted twice.

# %%
para = corpus.paragraphs[["article_id", "start", "end", "kind"]]
placed = terms.merge(para, on="article_id", suffixes=("", "_para"))
placed = placed[(placed["start"] >= placed["start_para"]) & (placed["end"] <= placed["end_para"])]
pd.crosstab(placed["kind"], placed["outlet"], margins=True, margins_name="total")

# %%
outside = placed[placed["kind"] != "body"]
Markdown(
    f"**{len(outside)}** of the {len(placed)} terms sit outside the body paragraphs, "
    f"**{(placed['kind'] == 'repeated headline').sum()}** of them in UrduPoint's repeated headline and "
    f"**{(placed['kind'] == 'standfirst').sum()}** in TASS's standfirsts, which repeat sentences of the body. "
    "Whether repeats should count depends on your question: a reader *sees* a headline twice, "
    "but the outlet *chose* the word once."
)

# %% [markdown]
# Now the counts per outlet and category, as a heat map: the darker the
# cell, the more terms; the number is written in each cell.

# %%
counts = claimlab.views.term_counts(corpus)
fig = claimlab.plots.heatmap(counts, "Framing terms per outlet and category",
                             x_title="category", y_title="outlet")
fig

# %%
per_article = corpus.articles["outlet"].value_counts()
Markdown(
    f"*Text alternative:* {claimlab.plots.alt_text(fig)} "
    + " ".join(f"{o}: " + ", ".join(f"{n} {c}" for c, n in counts.loc[o].items()) + "."
               for o in counts.index)
)

# %% [markdown]
# Before you read on, judge a conclusion someone might draw from this chart.

# %% tags=["key"]
def _counts_claim(corpus):
    counts = views.term_counts(corpus)
    top = counts.sum(axis=1).idxmax()
    return (f"No. {top} has the most terms in the chart, but the count mixes its own words with the words it "
            "quotes from others, counts repeated headlines and standfirsts twice, and grows with the number and "
            "length of its articles; and five articles chosen because they cover the same events are not a "
            "sample of any outlet's output. To judge an outlet's framing I would compare its own-voice labels "
            "for the same actors, article by article, and say what the handful of articles cannot show.")


QUESTIONS["05.counts_claim"] = Question(
    prompt="A classmate looks at the heat map and writes: “The outlet with the most framing terms is the most "
           "biased outlet.” Do you agree? Give your decision and your reason in two sentences.",
    kind="judgement",
    answer=_counts_claim,
    hints=["points out that quoted words are counted with the outlet's own words (section 3)",
           "mentions repetition, or unequal numbers and lengths of articles",
           "says that five articles chosen for their events are not a sample of an outlet's output",
           "proposes a fairer comparison: own-voice labels for the same actors, in context"],
)

# %% [markdown]
# ### Exercise 05.counts_claim

# %%
Exercise("05.counts_claim", corpus)

# %% [markdown]
# **Read these counts with great care.**

# %%
Markdown(
    "- The outlets do not have the same number of articles: "
    + ", ".join(f"{o} has {n}" for o, n in per_article.sort_index().items())
    + ". An outlet with more articles, or longer ones, gets more terms.\n"
    "- The counts include quoted words: most of TASS's labels are other people's (section 3).\n"
    "- A repeated headline or standfirst counts the same word twice (above).\n"
    f"- Above all, **{len(corpus.articles)} articles say nothing general about an outlet.** "
    "They were picked because they cover the same events, not as a sample of each outlet's output. "
    "To say how Press TV or TASS *usually* labels the groups in Idlib, you would need hundreds of "
    "articles chosen for that purpose, and a check that two annotators mark the same terms."
)

# %% [markdown]
# ## 8 · Read the terms in context
#
# Counting strips words of their sentences. The reader below shows one
# article with its framing terms highlighted (yellow, with a dashed
# underline); hover over a highlight to see its category, what it refers
# to, and the annotators' note. Turn on **Attributions** as well to see
# which terms sit inside a reported statement, and choose another article
# from the menu.

# %%
reader = ArticleReader(corpus, "presstv-idlib-2017")
reader.toggles["attributions"].value = False
reader.toggles["figures"].value = False
reader

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
assert reader.layers == ("terms",)
assert 'data-layer="terms"' in reader.value and 'data-layer="attributions"' not in reader.value
assert reader.value.count('data-part="term"') >= len(terms[terms["article_id"] == "presstv-idlib-2017"])
reader.article.value = "urdupoint-idlib-2019"
assert "(banned in Russia)" in reader.value
reader.toggles["attributions"].value = True
assert 'data-layer="attributions"' in reader.value
reader.toggles["attributions"].value = False
reader.article.value = "presstv-idlib-2017"
assert reader.layers == ("terms",) and "Takfiri" in reader.value

# %% [markdown]
# Try this with the reader: open the **TASS** article about the US strike
# (the first in the menu), switch on **Attributions**, and find
# "(outlawed in Russia)". It sits inside the tinted span of the US official's
# paraphrased statement, but it is TASS's formula. Then open the **UrduPoint
# News** article and compare its wording of the same statement.

# %% [markdown]
# ## Recap
#
# - Framing terms come in four kinds: **actor labels** ("terrorists",
#   "militants", "rebel-held", "the opposition", "regime", "Daesh",
#   "Takfiri"), **hedges** ("so-called", "alleged", "reportedly", scare
#   quotes; quotation marks that only report someone's words are not
#   hedges), **asides** ("(outlawed in Russia)", "[President Bashar]") and
#   **evaluative** words ("well-known lies", "war of words").
# - Ask *whose* word a label is: the outlet's own, the speaker's in a direct
#   quotation, or the outlet's choice inside a paraphrase. The `voice` column
#   sorts by position only; check the hard cases in the text.
# - Press TV calls SOHR and the Syria Civil Defence "so-called" in its own
#   voice; only US officials say "regime"; Russian state media add legal
#   asides even inside paraphrases of Americans.
# - Repeated headlines and standfirsts inflate counts, and counts from a
#   handful of articles say nothing general about an outlet.
#
# **Next:** [Lesson 06 · Conflicting casualty reports](06_casualty_reports.ipynb)
