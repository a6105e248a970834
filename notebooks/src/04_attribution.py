# %% [markdown]
# # Lesson 04 · Attribution: who said what
#
# **Start with a question.** Two Russian agencies print the same words from
# "a US State Department official", and a headline turns them into what "US
# says". Who is actually speaking, and how much should their being unnamed
# matter to you?
#
# **What this lesson teaches:** how a news article tells you who said
# something, and how much that tells you. You will take statements apart
# into speaker, cue and content; sort sources into named people,
# institutions and anonymous sources; read what a reporting verb implies;
# tell a quotation from a paraphrase; and compare one statement as two
# outlets printed it.
#
# **Learning objectives.** By the end you can
# - find the speaker, the cue and the content of an attributed statement;
# - say whether a source is a named person, an institution or anonymous, and
#   what each lets a reader check;
# - say what a reporting verb ("said", "accused", "dismissed", "refuted") or
#   a cue without a speaker ("reports", "reportedly") implies;
# - tell direct, indirect and mixed quotation apart;
# - compare two outlets' versions of the same statement and name what each
#   added or changed.
#
# **Time:** about 40 minutes. **Before you start:** Lesson 01, and
# Lesson 02, which follows the State Department statement we compare here
# through TASS and Sputnik.

# %% [markdown]
# ## Setting up
#
# Run the next cell (**Shift + Enter**) to load the helper package and the
# articles.

# %%
import claimlab
from claimlab_course import Exercise
import claimlab_course
from claimlab.format import and_join, md
from IPython.display import HTML, Markdown

corpus = claimlab.load_corpus()
corpus

# %% [markdown]
# ## 1 · Anatomy of an attribution
#
# Take this sentence from TASS (30 August 2018):
#
# > Nauert dismissed reports that a chemical weapons provocation is being
# > staged by militants in Idlib as "false flag reporting."
#
# It has three parts:
#
# - the **speaker**, who is said to have said it: *Nauert*;
# - the **cue**, the word that tells you someone is being reported: *dismissed*;
# - the **content**, what she is reported to have said: *reports that … as
#   "false flag reporting."*
#
# Every row of the course's attribution table is one such statement, with
# the three parts marked in the text. The article reader below highlights
# them: speakers **bold and underlined**, cues *italic with a dotted
# underline*, content tinted. Hover over a highlight to see who the speaker
# is and how the statement is quoted. Use the menu to open another article.

# %%
reader = claimlab.reader.ArticleReader(corpus, "tass-nauert-2018")
reader.toggles["figures"].value = False
reader.toggles["terms"].value = False
reader

# %% [markdown]
# Look at the standfirst (the line under the headline) in the reader. Inside
# Nauert's statement sits a second one: *reports that a chemical weapons
# provocation is being staged*. The cue is the noun "reports", and nobody is
# named as their source. The table records it as a statement with no speaker.

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
assert 'data-layer="attributions"' in reader.value and 'data-layer="figures"' not in reader.value
reader.toggles["attributions"].value = False
assert 'data-layer="attributions"' not in reader.value
reader.toggles["attributions"].value = True
reader.article.value = "presstv-idlib-2017"
assert "reportedly" in reader.value
reader.article.value = "tass-nauert-2018"
assert "false flag reporting" in reader.value

# %%
statements = claimlab.views.statements(corpus)
speakerless = statements[statements["speaker"] == ""]
Markdown(
    f"The corpus holds **{len(statements)} statements** (headlines a page printed twice are counted once). "
    "A *statement* here is one row of the attributions table: one unbroken piece of attributed text. "
    "So a quotation interrupted by “the source said” is two statements, and a standfirst that repeats a "
    "sentence of the article is a statement of its own; count utterances instead and you get fewer. "
    f"In **{len(speakerless)}** of them no speaker is named at all; their cues are "
    f"{and_join(sorted(set('“' + md(c) + '”' for c in speakerless['cue'].str.lower())))}."
)

# %% [markdown]
# ## 2 · Who is speaking? Named, institutional and anonymous sources
#
# Each statement's source is one of three kinds (the `speaker_type` column):
#
# - **person:** a named individual, such as *US Secretary of State
#   spokesperson Heather Nauert* or *Lieutenant General Sergei Rudskoi*. You
#   can look up what else they have said, and they answer for their words.
# - **institution:** a body speaking as a whole: *Russia's Defense Ministry*,
#   *the Russian reconciliation center*, *Russia*, *the U.S.* Someone wrote or
#   said the words, but the article does not say who. When the speaker is a
#   whole country ("Russia said"), ask which part of its government spoke.
# - **anonymous:** an unnamed official (*a US State Department official*),
#   a vague group (*American officials*, *Western* accusations), or no one at
#   all (*reports*, *reportedly*, *are said to be*). You cannot investigate a
#   source you cannot name: you have to trust the outlet that heard it.

# %%
counts = statements["speaker_type"].value_counts().sort_index()
fig = claimlab.plots.bar(counts, "Statements by kind of source", "kind of source", "statements")
fig

# %%
Markdown("*Text alternative:* " + "; ".join(f"{md(kind)}: {n} statements" for kind, n in counts.items()) + ".")

# %% [markdown]
# **The anonymous official of 2019.** Both 2019 articles share one source: a
# US State Department official who is never named. It is the source they
# share, not their only one: each also reports the Russian Defence
# Ministry's account of the same strike. The next cell
# lists every way each outlet refers to that source. Notice how the source
# drifts: in the headlines the unnamed official becomes simply "US", and
# Sputnik's version ends by attributing one quotation to "The State
# Department" as a whole, which makes an anonymous remark look like an
# official position.

# %%
official = claimlab.views.statements(corpus, actor="US State Department",
                                     article_id=["tass-idlib-2019", "urdupoint-idlib-2019"])
HTML(claimlab.views.as_html(official[["outlet", "attribution_id", "speaker", "speaker_type", "cue", "channel"]]))

# %% [markdown]
# ## 3 · Explore the statements
#
# The statement explorer filters every statement by outlet, by actor (who
# the statement is attributed to), by kind of source and by quote type. The
# table, the bar chart of cues and the count under the menus update as soon
# as you choose.

# %%
explorer = claimlab.widgets.StatementExplorer(corpus)
explorer

# %% tags=["key"]
# Lesson 04 answer key: attribution.


def _anonymous_weight(corpus):
    from claimlab.views import statements
    st = statements(corpus, speaker_type="anonymous")
    assert (st["actor"] == "US State Department").any(), "the unnamed official is no longer anonymous"
    return ("Less weight as evidence of an official position, though not necessarily less true. Heather Nauert "
            "speaks on the record, so she answers for her words and can be quoted back to her; the 2019 official "
            "cannot be identified, so readers must trust TASS that the person exists and holds the post. That "
            "TASS and Sputnik print nearly the same words makes it likely the official said them, but a report "
            "should say “an unnamed official”, never “the State Department” or “the US”.")


QUESTIONS["04.anonymous_weight"] = Question(
    prompt="Set the explorer's Speaker type to anonymous and read the rows. TASS's 2019 article rests on “a US "
           "State Department official” who is never named; its 2018 article quotes Heather Nauert, the "
           "Department's spokesperson, by name. Should a reader give the unnamed official's words less weight? "
           "Give your decision and your reason in two sentences.",
    kind="judgement",
    answer=_anonymous_weight,
    hints=["says what a name lets a reader do: check the person, hold them to their words",
           "notes that with an unnamed source you rely on the outlet (here a Russian state agency) that heard it",
           "separates “was it said?” (two agencies print nearly the same words) from “is it true?”",
           "says how the source should be attributed in your own report: an unnamed official, not “the US”"],
)

# %% [markdown]
# ### Exercise 04.anonymous_weight

# %%
ex_anonymous = Exercise("04.anonymous_weight", corpus)
ex_anonymous

# %% tags=["solution"]
# Model answer: the anonymous statements, and the model answer with its rubric.
anonymous = claimlab.views.statements(corpus, speaker_type="anonymous")
print(anonymous["actor"].value_counts())
ex_anonymous.reveal()

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
explorer.set(speaker_type="anonymous")
assert len(explorer.table) == len(claimlab.views.statements(corpus, speaker_type="anonymous"))
assert f"{len(explorer.table)} statement(s) match" in explorer.caption.value
assert "US State Department" in set(explorer.table["actor"])
assert ex_anonymous.check("less").ok is None                       # a judgement wants a reason
explorer.set(speaker_type="All", actor="Heather Nauert")
assert set(explorer.table["speaker_type"]) == {"person"}
explorer.set(actor="All")
assert len(explorer.table) == len(statements)

# %% [markdown]
# ## 4 · Reporting verbs and what they imply
#
# The cue is never just a label. Each verb tells you how the outlet wants
# you to take the statement:
#
# | cue | what it implies |
# |---|---|
# | *said*, *told*, *added*, *continued*, *according to* | neutral: the outlet passes the words on without comment. "Told TASS" also names the channel. |
# | *stressed*, *reiterated*, *has repeatedly stressed* | the speaker insists; the outlet gives the statement weight. |
# | *claimed* | casts doubt: a claim is something not yet shown to be true. |
# | *accused*, *keeps accusing*, *criticized*, *slams* | the content is a charge against someone; "slams" (a headline word) adds heat. |
# | *rejects*, *dismissed*, *denied* | the speaker says something is false; the outlet does not say who is right. |
# | *has refuted* | in the strict sense that news style guides keep, "refute" means to *prove* false, and then the outlet has taken the speaker's side. Dictionaries also give the looser sense "deny", so the verb may mean no more than *rejects*. |
# | *accusations*, *reports*, *criticism*, *advice* | nominal cues: a statement turned into a noun, often with no speaker. Whose reports? |
# | *reportedly*, *are said to be* | no source at all: the outlet passes on something it does not attribute to anyone. |
#
# The table below counts the cues that actually occur, with an example of each.

# %%
cues = claimlab_course.sourcing.cue_counts(corpus)
HTML(claimlab.views.as_html(cues))

# %%
top = cues.iloc[0]
used = set(cues["cue"])
Markdown(
    f"The most common cue is **“{md(top['cue'])}”**, in {top['statements']} of the {len(statements)} statements. "
    f"“Claimed” {'does' if 'claimed' in used else 'does not'} occur as a cue in our articles; "
    f"“refuted” occurs only as **{and_join(sorted(md(c) for c in used if 'refuted' in c))}**, in "
    f"{and_join(sorted(map(md, cues.loc[cues['cue'].str.contains('refuted'), 'outlets'])))}."
)

# %% [markdown]
# A few cues worth a second look:
#
# - Press TV writes that "Russia has refuted reports about its alleged role
#   in air raids". Read strictly, as many news style guides ask, *refuted* says the reports were shown to be false, yet the article
#   gives no evidence beyond the ministry's denial. Dictionaries also record
#   "refute" in the looser sense of "deny", and Press TV's own headline says
#   "Russia rejects accusations", so the writer may have meant no more than
#   that. Either way, *denied* would have left no doubt. The reports
#   themselves have no source.
# - UrduPoint's headline says "Moscow Slams Its Failure To
#   Coordinate", and its last paragraph says Russia "has repeatedly stressed
#   that its forces never attack residential areas". Both verbs lend Russia's
#   side force.
# - TASS reports the reconciliation centre's complaint that Washington "keeps
#   accusing Russia of its alleged indiscriminate shelling". A statement
#   inside a statement: the centre reports what Washington says, and the
#   hedge *alleged* takes Russia's side.
# - Heather Nauert *dismissed* the chemical-weapons reports: TASS records the
#   rejection without endorsing either side.

# %% tags=["key"]
def _nauert_cue(corpus):
    att = corpus.attributions
    rows = att[(att["actor"] == "Heather Nauert") & att["content"].str.contains("chemical weapons provocation")]
    return rows.iloc[0]["cue"].lower()


QUESTIONS["04.nauert_cue"] = Question(
    prompt="Which reporting verb does TASS use when Heather Nauert rejects the reports that a "
           "chemical-weapons provocation is being staged in Idlib? Type the verb as printed.",
    kind="text",
    answer=_nauert_cue,
    accept=["dismiss", "dismisses"],
    hints=["Open the TASS article of August 2018 in the article reader and look for \"false flag "
           "reporting\": the cue is highlighted in italics with a dotted underline.",
           "The verb comes straight after her name, before the word \"reports\"."],
    explain="\"Dismissed\": TASS reports that she waved the reports away as \"false flag reporting\". "
            "The verb records a rejection without saying who was right.",
)

# %% [markdown]
# ### Exercise 04.nauert_cue

# %%
Exercise("04.nauert_cue", corpus)

# %% tags=["solution"]
# Worked solution: the cue of Nauert's statement about the chemical weapons provocation.
nauert = claimlab.views.statements(corpus, actor="Heather Nauert")
answer = nauert.loc[nauert["content"].str.contains("chemical weapons provocation"), "cue"].iloc[0]
Exercise("04.nauert_cue", corpus).check(answer)

# %% [markdown]
# ## 5 · Quoted, paraphrased or mixed
#
# - **Direct** quotation: the speaker's exact words, inside quotation marks.
#   *"We've seen that before," she said.* The outlet vouches that these were
#   the words.
# - **Indirect** quotation (paraphrase): the outlet's words for what the
#   speaker meant, with no quotation marks. *The United States are concerned
#   about the possibility of any kind of offensives … Heather Nauert has told
#   reporters.* You are reading the outlet's summary.
# - **Mixed**: a paraphrase with a few quoted words inside: *Nauert dismissed
#   reports … as "false flag reporting."* The outlet chose which words to
#   quote and wrote the rest itself.

# %%
qt = statements["quote_type"].value_counts()
Markdown("In the corpus: " + ", ".join(f"**{n}** {kind}" for kind, n in qt.items()) + " statements.")

# %% tags=["key"]
def _quote_options(corpus):
    return sorted(set(corpus.attributions["quote_type"]) - {""})


def _a06_type(corpus):
    att = corpus.attributions
    return att.loc[att["attribution_id"] == "A06", "quote_type"].iloc[0]


QUESTIONS["04.quote_type"] = Question(
    prompt="TASS writes: The official also accused the Russian media of promoting \"inaccurate claims\" "
           "regarding the US operation in Idlib. Is this statement direct, indirect or mixed?",
    kind="choice",
    options=_quote_options,
    answer=_a06_type,
    hints=["Are all the official's words inside quotation marks, none of them, or only some?",
           "The sentence is in TASS's words, but two of them sit inside quotation marks."],
    explain="Mixed: a paraphrase in TASS's words (\"accused … of promoting\") with a quoted fragment "
            "(\"inaccurate claims\"). The outlet chose which two words to quote.",
)

# %% [markdown]
# ### Exercise 04.quote_type

# %%
Exercise("04.quote_type", corpus)

# %% tags=["solution"]
# Worked solution: look up the statement in the table (it is A06 in the TASS article of 2019).
a06 = claimlab.views.statements(corpus, article_id="tass-idlib-2019")
Exercise("04.quote_type", corpus).check(a06.loc[a06["attribution_id"] == "A06", "quote_type"].iloc[0])

# %% [markdown]
# ## 6 · One statement, two outlets
#
# In Lesson 02 you saw the same State Department official's statement reach
# TASS directly and reach UrduPoint News through Sputnik. The course can
# find statements in different articles that use nearly the same words, and
# show them side by side: words found only in the left version are **struck
# through** (marked −), words found only in the right version are
# **underlined** (marked +).

# %%
pairs = claimlab_course.sourcing.pair_speakers(corpus)
Markdown(
    f"The corpus has **{len(pairs)}** pairs of near-identical statements, all between "
    f"{and_join(sorted(map(md, set(pairs['outlet_a']) | set(pairs['outlet_b']))))}. "
    "How each outlet names the speaker:"
)

# %%
HTML(claimlab.views.as_html(pairs))

# %%
compare = claimlab.compare.CompareWidget(corpus)
compare

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
first = compare.choice.value
compare.choice.value = len(compare.pairs) - 1
assert "<del" in compare.value and "<ins" in compare.value
compare.choice.value = first

# %% [markdown]
# The widget compares only the words inside the attribution. Three changes
# are worth looking at closely; the cells below show each one.
#
# **An aside in each outlet's voice.** Both agencies paraphrase the
# official's description of the strike, and both add a legal aside about
# al-Qaeda that a US official would have no reason to say: TASS writes
# "(outlawed in Russia)", Sputnik "(banned in Russia)". Russian media routinely add such a
# note when they name an organisation banned in Russia. It is the outlet
# speaking inside the paraphrase. The paraphrases differ in a word too:
# TASS calls the strike a "response", the word the official uses in the
# quotation both outlets print; Sputnik's paraphrase calls it an "attack".

# %%
HTML(claimlab_course.sourcing.compare_versions(corpus, "A03", "B05"))

# %% [markdown]
# **An insertion in square brackets.** Square brackets inside a quotation mark
# words the outlet added to the speaker's. Sputnik's version reads "the
# [President Bashar] Assad regime". Notice too what each agency keeps of the
# official's sentence ("We completely reject efforts by Russian media…").
# Both paraphrase it as a charge with the cue *accused* and a quoted
# fragment (TASS in its standfirst and again in its text); the difference is
# that TASS also prints the whole sentence as a direct quotation, while
# Sputnik gives only its paraphrase, so its readers never see the official's
# full words.

# %%
HTML(claimlab_course.sourcing.compare_versions(corpus, "A07", "B11"))

# %% [markdown]
# **An aside outside the quotation.** Here the left column is TASS's
# quotation and the right column Sputnik's whole sentence, so you can see
# what Sputnik wrote around the quoted words: a new speaker ("The State
# Department called it") and, after the closing quotation mark, an aside.

# %%
HTML(claimlab_course.sourcing.compare_versions(corpus, "A08", "B12", scope_b="paragraph"))

# %% [markdown]
# The course's table of framing terms records every such aside in the two
# versions. The `voice` column says where the words sit: *attributed* means
# inside a reported statement, *outlet* means outside any statement, in the
# outlet's own voice. Careful: "inside" is not the same as "said by the
# speaker". "(outlawed in Russia)" and "[President Bashar]" sit inside
# reported statements, yet the outlets wrote them.

# %%
asides = claimlab.views.term_table(corpus, category="aside",
                                   article_id=["tass-idlib-2019", "urdupoint-idlib-2019"])
HTML(claimlab.views.as_html(asides[["outlet", "term", "refers_to", "voice"]]))

# %% tags=["key"]
OFFICIAL = "The US State Department official (it is part of the quotation)"


def _version_label(corpus, article_id):
    r = corpus.articles.set_index("article_id").loc[article_id]
    wire = r.get("wire") or ""
    return f"{wire}, as republished by {r['outlet']}" if wire and wire != r["outlet"] else r["outlet"]


def _aside_options(corpus):
    return [_version_label(corpus, a) for a in ("tass-idlib-2019", "urdupoint-idlib-2019")] + [OFFICIAL]


def _aside_answer(corpus):
    t = corpus.terms
    row = t[(t["category"] == "aside") & t["term"].str.contains("without providing any evidence")].iloc[0]
    return _version_label(corpus, row["article_id"])


QUESTIONS["04.evidence_aside"] = Question(
    prompt="Which version of the State Department statement adds the words \"albeit without providing "
           "any evidence that such attacks did take place\"?",
    kind="choice",
    options=_aside_options,
    answer=_aside_answer,
    hints=["Compare the two versions side by side: words found only on one side are marked.",
           "Check whether the words sit inside the quotation marks (the official speaking) or after "
           "them (the outlet speaking)."],
    explain="Sputnik's version, which UrduPoint News republished. The aside comes after the closing "
            "quotation mark, so it is the outlet's voice, not the official's; TASS has nothing like it.",
)

# %% [markdown]
# ### Exercise 04.evidence_aside

# %%
Exercise("04.evidence_aside", corpus)

# %% tags=["solution"]
# Worked solution: the aside containing "evidence" and the article it is in.
evidence = asides[asides["term"].str.contains("evidence")]
Markdown(f"The aside is in the **{md(evidence['outlet'].iloc[0])}** article, whose dateline credits Sputnik.")

# %% tags=["solution"]
Exercise("04.evidence_aside", corpus).reveal()

# %% [markdown]
# The official's claim, that Syrian and Russian air strikes targeted
# civilians, comes with no evidence in either version: it is an anonymous
# source's assertion. Sputnik's aside points that out, but the aside offers
# no evidence either, and Sputnik does not add the same caution to the
# Russian military's claims in the same report. Noticing *where* an outlet
# adds doubt, and where it does not, is the subject of Lesson 05.

# %% [markdown]
# ## 7 · Transfer: a report nobody annotated for you
#
# Everything so far came with its statements marked. Here is a short report
# the course wrote for practice (it is **fictional**, and says so on its
# first line): the wire agency Orrery Wire on an air strike in an invented
# country. Nothing is highlighted. Read it as you read TASS and Sputnik:
# find each speaker, and ask which of them you could check.

# %%
practice = claimlab.load_corpus(claimlab_course.cases.text_folder("serrow"), extract=False)
HTML(claimlab.reader.render_article(practice, "orrery-wire", layers=()))

# %% tags=["key"]
def _orrery_key():
    key = claimlab_course.cases.key_corpus("serrow")
    aid = key.articles.loc[key.articles["file"] == "orrery_wire.txt", "article_id"].iloc[0]
    return key.attributions[key.attributions["article_id"] == aid]


def _transfer_speakers(corpus):
    named = _orrery_key()
    named = named[named["speaker"].str.len() > 3]   # pronouns ("it", "he") are not sources to choose
    return list(dict.fromkeys(named["speaker"]))[:8]


def _transfer_anonymous(corpus):
    att = _orrery_key()
    return att.loc[(att["speaker_type"] == "anonymous") & att["speaker"].str.contains("official"), "speaker"].iloc[0]


QUESTIONS["04.transfer_anonymous"] = Question(
    prompt="In the Orrery Wire report above, which of these sources is an unnamed official, whose words you "
           "cannot check against anyone?",
    kind="choice",
    options=_transfer_speakers,
    answer=_transfer_anonymous,
    hints=["Look for a speaker the report describes by rank or job, with no name.",
           "Which source \"asked not to be named\"?"],
    explain="The senior defence official who asked not to be named. Only the wire heard them, and the "
            "report gives no name or document: you have to trust Orrery Wire. Notice that the newspaper "
            "which relays this wire (the other practice articles, in Lesson 09) drops the official's words.",
)

# %% [markdown]
# ### Exercise 04.transfer_anonymous

# %%
Exercise("04.transfer_anonymous", corpus)

# %% [markdown]
# ## Recap
#
# - An attribution has a **speaker**, a **cue** and **content**. Some cues
#   ("reports", "reportedly") name no speaker at all.
# - Sources are **named people**, **institutions** or **anonymous**. Only a
#   named source can be checked; an anonymous one rests on the outlet's word.
# - Reporting verbs carry judgements: *said* is neutral, *accused* reports a
#   charge, *dismissed* a rejection; *refuted*, in the strict sense style
#   guides keep, takes the speaker's side (dictionaries also allow "deny").
# - **Direct** quotation gives the speaker's words, **indirect** the outlet's
#   summary, **mixed** a summary with quoted fragments the outlet chose.
# - The same statement in two outlets can differ in its speaker ("the
#   source" vs "The State Department"), its cue, bracketed insertions and
#   asides in the outlet's own voice.
#
# **Next:** [Lesson 05 · Framing](05_framing.ipynb)
