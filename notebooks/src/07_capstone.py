# %% [markdown]
# # Lesson 07 · Capstone: trace one claim to its origin
#
# **Start with a question.** Two Russian state agencies quote a US official
# calling a strike in Syria "a precise and targeted response". How would you
# find out whether that is true, and how sure could you be? This lesson
# traces it, first inside our articles and then off the page, and the answer
# changes on the way.
#
# **What this lesson teaches:** how to put the whole course together on a
# single claim: follow it back, step by step, to the earliest source you can
# reach; compare what survives at each step and what is added; decide how
# well it is supported; and write that down as a short, sourced assessment.
#
# **Learning objectives.** By the end you can
# - trace a claim from an outlet back through its channel to its claimant;
# - compare two versions of the same words and say what changed on the way;
# - tell apart *who said it* (the attribution) and *whether it is true* (the
#   claim), and say whether a second report is independent corroboration;
# - grade a claim on the course's scale and defend the grade in 2 to 5
#   sentences;
# - check a claim off the page (a military's own statement, other outlets'
#   tolls) and say how that changes your conclusion;
# - keep your assessments in a claim ledger, with the sources you checked,
#   and save it as a CSV file that you can open again next time.
#
# **Time:** about 65 minutes, 13 of them for two search tasks off the page. **Before you start:** Lessons 01 to 06. This
# lesson uses what they taught: outlets and channels (02), dates (03),
# attribution (04), framing (05) and grading claims (06).

# %% [markdown]
# ## Setting up
#
# Run the next cell (**Shift + Enter**). It loads the course's helper package
# and the articles, as in every lesson.

# %%
import claimlab
from claimlab_course import Exercise
from claimlab.ledger import ClaimLedger
import claimlab_course
from claimlab.format import and_join, md
from IPython.display import HTML, Markdown

corpus = claimlab.load_corpus()
corpus

# %% [markdown]
# ## The method: five questions for any claim
#
# 1. **What exactly is claimed?** Copy the words. A paraphrase is already
#    someone's version.
# 2. **Who claims it?** A named person, an institution, an unnamed official?
#    Is the claimant a party to the events, with a stake in how they are told?
# 3. **How did the words reach the outlet?** Look for the channel: "told
#    TASS", "in a statement", a wire in the dateline. Where the article does
#    not say, the trail stops there.
# 4. **What survives at each step, and what is added?** Compare every version
#    you can find: the quotation, the paraphrase, the headline. Watch the
#    speaker's name, the hedges and the asides.
# 5. **Does anyone independent back it up?** A second outlet repeating the
#    same source is not a second source.
#
# Then grade the claim and write your reasons down. We do it once together,
# then you do it on a claim of your choice.

# %% [markdown]
# ## Worked example: a "precise and targeted response"
#
# The United States struck what it called al-Qaeda leaders in Idlib, and the
# Russian military criticised the strike. The corpus has the US State
# Department's answer in an article by TASS, and in one by UrduPoint News that
# republishes Sputnik. Both headlines put the claim in the mouth of "US":

# %%
pair = ["tass-idlib-2019", "urdupoint-idlib-2019"]
articles = corpus.articles.set_index("article_id").loc[pair].reset_index()
HTML(claimlab.views.as_html(articles[["outlet", "wire", "published", "dateline", "headline"]]))

# %% [markdown]
# ### Step 1 · Every version of the official's words
#
# The headline is the shortest version of a claim, and the furthest from the
# speaker's own words. Start from the body instead, and collect every statement the articles credit to the State
# Department. `claimlab.ledger.trace` lists them with the part of the page
# each sits in, how the article names the speaker, and the channel where the
# article gives one.

# %%
versions = claimlab.ledger.trace(corpus, "US State Department", pair)
HTML(claimlab.views.as_html(versions[["outlet", "attribution_id", "part", "speaker", "cue", "channel", "content"]]))

# %%
per_outlet = versions["outlet"].value_counts().sort_index()
body = versions[versions["part"] == "body"]
Markdown(
    f"The articles credit **{len(versions)}** statements to the State Department: "
    + and_join(f"**{n}** in {md(outlet)}" for outlet, n in per_outlet.items())
    + ". In the body text the official is never named; the articles say "
    + and_join(f"“{md(s)}”" for s in sorted(set(body["speaker"]), key=str.casefold))
    + ". Only the headlines turn the unnamed official into “US”."
)

# %% [markdown]
# Read down the **speaker** column. TASS introduces "a US State Department
# official" who "told TASS", then calls them "the source", "the official",
# "he". UrduPoint News starts the same way ("a State Department official told
# Sputnik"), but its later names for the speaker are not all of the same
# kind. The name of the speaker is part of the claim: it tells you who stands
# behind the words.

# %% tags=["key"]
# Lesson 07 answer key (capstone: trace one claim to its origin).
#
# Every answer but one is computed from the corpus tables: the State Department
# official's statement as TASS and Sputnik (via UrduPoint News) carry it, the
# articles' ``wire`` column, and the parent chain of each claimant in actors.csv.


TASS_ARTICLE = "tass-idlib-2019"


SPUTNIK_ARTICLE = "urdupoint-idlib-2019"


OFFICIAL = "US State Department"


OBVIOUS = "obvious attempt to divert attention"


def _official(corpus):
    """The official's statements in the two articles of the worked example."""
    a = corpus.attributions
    return a[(a["actor"] == OFFICIAL) & a["article_id"].isin([TASS_ARTICLE, SPUTNIK_ARTICLE])
             & (a["repeat_of"].fillna("") == "")]


def _speaker_options(corpus) -> list[str]:
    """How UrduPoint News names whoever says the official's words in its body text, and TASS's name
    for the speaker of the "obvious attempt" quotation."""
    from claimlab.ledger import trace
    t = trace(corpus, OFFICIAL, [TASS_ARTICLE, SPUTNIK_ARTICLE])
    t = t[t["part"] == "body"]
    names = list(t.loc[t["article_id"] == SPUTNIK_ARTICLE, "speaker"])
    names += list(t.loc[(t["article_id"] == TASS_ARTICLE) & t["content"].str.contains(OBVIOUS, regex=False),
                        "speaker"])
    seen = {}
    for s in names:
        seen.setdefault(s.casefold(), s)
    return sorted(seen.values(), key=str.casefold)


def _obvious_speaker(corpus) -> str:
    a = _official(corpus)
    hit = a[(a["article_id"] == SPUTNIK_ARTICLE) & a["content"].str.contains(OBVIOUS, regex=False)]
    return hit.iloc[0]["speaker"]


QUESTIONS["07.speaker_shift"] = Question(
    prompt="TASS credits the words “obvious attempt to divert attention” to “the source”, the "
           "unnamed official. Whom does the UrduPoint News version credit them to?",
    kind="choice",
    options=_speaker_options,
    answer=_obvious_speaker,
    hints=["Find the UrduPoint News row of the table whose content contains “obvious attempt”.",
           "Read the speaker column (the article's own words), not the actor column."],
    explain="UrduPoint News (following Sputnik) writes “The State Department called it…”: an "
            "unnamed official's words now read as the voice of the whole institution. The words "
            "survived; who stands behind them changed.",
)

# %% [markdown]
# ### Exercise 07.speaker_shift

# %%
ex_speaker = Exercise("07.speaker_shift", corpus)
ex_speaker

# %% tags=["solution"]
# Worked solution: find the UrduPoint News row that holds the words, and read its speaker column.
row = versions[(versions["outlet"] == "UrduPoint News") & versions["content"].str.contains("obvious attempt")]
ex_speaker.check(row["speaker"].iloc[0])

# %% [markdown]
# How widely did the official's statement travel in our corpus? The
# statement explorer below holds every attributed statement of every article.
# Choose **US State Department** as the actor, and read the **outlet** and
# **speaker type** columns: the official of our example is anonymous.

# %%
explorer = claimlab.widgets.StatementExplorer(corpus)
explorer

# %% tags=["key"]
def _outlets_carrying(corpus) -> list[str]:
    a = corpus.attributions
    ids = a.loc[(a["actor"] == OFFICIAL) & (a["speaker_type"] == "anonymous"), "article_id"]
    return sorted(corpus.articles.loc[corpus.articles["article_id"].isin(ids), "outlet"].unique())


def _one_source(corpus) -> str:
    outlets = _outlets_carrying(corpus)
    return (f"No. The explorer's outlet column shows {len(outlets)} outlets ({' and '.join(outlets)}), three if you "
            "count Sputnik, which published the statement but whose own page is not in our corpus. However many "
            "outlets print it, every version leads back to one source, the unnamed official: more outlets show "
            "that the official said it, not that it is true.")


QUESTIONS["07.one_source"] = Question(
    prompt="In the explorer, choose the actor US State Department and read the outlet column. Several outlets print "
           "the unnamed official's statement. Does that make the claim better supported than if one outlet had "
           "printed it? Give your decision and your reason in two sentences.",
    kind="judgement",
    answer=_one_source,
    hints=["counts outlets, not articles or statements, and says how Sputnik fits (a channel here, a publisher "
           "elsewhere)",
           "traces every version back to the same claimant, the unnamed official",
           "separates support for the attribution (who said it) from support for the claim (is it true)"],
)

# %% [markdown]
# ### Exercise 07.one_source

# %%
ex_outlets = Exercise("07.one_source", corpus)
ex_outlets

# %% tags=["solution"]
# Model answer: every statement by an unnamed State Department official, and the outlets that print them.
official = claimlab.views.statements(corpus, actor="US State Department", speaker_type="anonymous")
print(sorted(official["outlet"].unique()), "all from:", sorted(official["actor"].unique()))
ex_outlets.reveal()

# %% [markdown]
# ### Step 2 · The route: claimant → channel → outlet
#
# The diagram below follows the same statements from the claimant, through
# the channel the article names, to the outlet that printed them. The width of
# a band is the number of statements. Hover over a band to read it.

# %%
route = claimlab.ledger.route(versions, "US State Department official")
fig = claimlab.plots.provenance_sankey(route)
fig

# %%
unstated = versions[versions["channel"] == ""]
Markdown(
    f"*Text alternative:* {claimlab.plots.alt_text(fig)} "
    + " ".join(f"{md(r.channel)} → {md(r.outlet)}: {r.statements} statement(s)." for r in route.itertuples())
    + " The statements with no channel stated are "
    + and_join(f"the {md(o)} {md(p)}" for o, p in sorted(set(zip(unstated["outlet"], unstated["part"]))))
    + ": the outlets' own summaries of the official's words."
)

# %% [markdown]
# The official's words take one route straight to TASS, which printed what
# it was told, and another to Sputnik, whose report reached our corpus only
# because UrduPoint News, a private Pakistani web portal, republished it.
# Lesson 02 showed how the dateline gives that chain away. Each agency says
# the official spoke to *it*, and neither article says how: in person, by
# telephone, or by e-mail.

# %%
same_day = articles["published"].nunique() == 1
Markdown(
    "**Which came first?** "
    + ("Both articles are dated the same day. TASS gives no time, and the time on the UrduPoint page has "
       "no time zone and is UrduPoint's, not Sputnik's, so the corpus cannot say which agency published "
       "first." if same_day else
       "The articles are dated differently: " + ", ".join(
           f"{md(r.outlet)} {r.published:%d %B %Y}" for r in articles.itertuples()) + ".")
    + " The earliest source we can reach is therefore the official's statement itself, "
    "in the two forms the agencies give it."
)

# %% [markdown]
# ### Step 3 · What survives, and what is added
#
# Put the versions side by side. In each table, words only in the left
# version are struck through (−), words only in the right version are
# underlined (+). First, the core quotation. TASS breaks it in two with
# "the source said"; UrduPoint prints it in one piece, so the left side below
# joins TASS's two parts.

# %%
tass_quote = claimlab.ledger.joined(corpus, "tass-idlib-2019", "A04", "A05")
urdu_quote = claimlab.ledger.joined(corpus, "urdupoint-idlib-2019", "B10")
HTML(claimlab.compare.side_by_side(tass_quote, urdu_quote, "TASS (A04 + A05)", "UrduPoint News, from Sputnik (B10)"))

# %% [markdown]
# The words survive almost exactly. The differences are small and
# mechanical. Where TASS breaks the quotation after "August 31", UrduPoint
# runs on with "August 31.This", without a space; TASS's quotation ends with
# a full stop; and "U.S." is broken across lines in UrduPoint's page as it
# was copied (Lesson 01). Quotations this close suggest that both agencies received the same written
# text, though neither article says so.
#
# Now the paraphrase in each opening paragraph, where the outlet speaks in
# its own words:

# %%
HTML(claimlab.compare.side_by_side(
    claimlab.ledger.joined(corpus, "tass-idlib-2019", "A03"),
    claimlab.ledger.joined(corpus, "urdupoint-idlib-2019", "B05"),
    "TASS paraphrase (A03)", "UrduPoint News / Sputnik paraphrase (B05)"))

# %% [markdown]
# Here the versions differ much more. Both agencies keep "precise and
# targeted" in quotation marks, which mark it as the official's own words
# inside their paraphrase (Lesson 05: marks that report words are not a
# hedge), and both insert a Russian legal aside into their paraphrase of the
# official:
# "(outlawed in Russia)" in TASS, "(banned in Russia)" in Sputnik's text.
# TASS keeps "leaders"; in this sentence Sputnik has the strike aimed at "the
# al-Qaeda terrorist group" as a whole.
#
# The menu below holds every pair of matching statements that
# `claimlab.compare` finds in the corpus. Look through them, and notice which
# of TASS's quotations never appear in a pair.

# %%
pairs = claimlab.compare.CompareWidget(corpus)
pairs

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
first = pairs.choice.value
for i in range(len(pairs.pairs)):
    pairs.choice.value = i
    assert pairs.pairs.loc[i, "attribution_a"] in pairs.value and pairs.pairs.loc[i, "attribution_b"] in pairs.value
    assert {pairs.pairs.loc[i, "outlet_a"], pairs.pairs.loc[i, "outlet_b"]} == {"TASS", "UrduPoint News"}
pairs.choice.value = first

# %% tags=["key"]
def quote_label(content: str, words: int = 9) -> str:
    """A quotation's first words, for an option list."""
    w = content.split()
    return " ".join(w[:words]) + (" …" if len(w) > words else "")


def _tass_quotes(corpus):
    a = _official(corpus)
    return a[(a["article_id"] == TASS_ARTICLE) & (a["quote_type"] == "direct")]


def _quote_options(corpus) -> list[str]:
    return [quote_label(c) for c in _tass_quotes(corpus)["content"]]


def _missing_quote(corpus) -> str:
    from claimlab.compare import statement_pairs
    pairs = statement_pairs(corpus)
    paired = set(pairs["attribution_a"]) | set(pairs["attribution_b"])
    missing = _tass_quotes(corpus)
    missing = missing[~missing["attribution_id"].isin(paired)]
    return quote_label(missing.iloc[0]["content"])


QUESTIONS["07.missing_quote"] = Question(
    prompt="Which of the official's direct quotations in TASS has no counterpart at all in the "
           "UrduPoint News version?",
    kind="choice",
    options=_quote_options,
    answer=_missing_quote,
    hints=["Use the comparison menu above: it lists every pair of matching quotations.",
           "A quotation that appears in no pair of the menu is one the other version left out."],
    explain="Only TASS carries the official's call on Russia to use its influence with the Assad "
            "regime to end the bombardments, and the call on Iran and Russia after it. The UrduPoint "
            "version stops quoting the official after the “obvious attempt” sentence; the corpus "
            "cannot tell us whether Sputnik received the rest and left it out.",
)

# %% [markdown]
# ### Exercise 07.missing_quote

# %%
ex_missing = Exercise("07.missing_quote", corpus)
ex_missing

# %% tags=["solution"]
# Worked solution: TASS's direct quotations of the official that appear in no pair of the comparison menu.
paired = set(pairs.pairs["attribution_a"]) | set(pairs.pairs["attribution_b"])
quotes = versions[(versions["outlet"] == "TASS") & (versions["quote_type"] == "direct")]
alone = quotes[~quotes["attribution_id"].isin(paired)]
from claimlab_course.keys.l07 import quote_label

ex_missing.check(quote_label(alone["content"].iloc[0]))

# %% [markdown]
# Each outlet also frames the claim in its own voice. The table below lists
# the hedges and asides in these articles (Lesson 05); the **voice** column
# says whether the words sit inside a statement the article attributes, or
# are the outlet speaking.

# %%
framing = claimlab.views.term_table(corpus, category=["hedge", "aside"], article_id=pair)
HTML(claimlab.views.as_html(framing[["outlet", "term", "category", "refers_to", "voice"]]))

# %%
own = framing[(framing["voice"] == "outlet") & (framing["refers_to"] == "US State Department")]
Markdown(
    "In its own voice, UrduPoint News (following Sputnik) adds after the official's words: "
    + "; ".join(f"“{md(t)}”" for t in own["term"])
    + ". TASS adds no such comment on the official. UrduPoint's headline also quotes the official's "
    "word 'Precise' on its own (the marks say whose word it is; some readers hear doubt in them) and "
    "sets the claim against Moscow's criticism."
)

# %% [markdown]
# **What survived the trip:** the official's key words, nearly letter for
# letter, in both versions. **What changed:** who is said to stand behind
# them (an unnamed official becomes "the State Department", and in both
# headlines "US"); how much of the statement is kept; and the framing around
# it, from legal asides to an outlet's doubt about the official's evidence.

# %% [markdown]
# ### Step 4 · Is there independent corroboration?
#
# Apart from the US side, the only voice on this strike in these articles
# is the Russian military's. Here is every figure they give about
# the strike:

# %%
strike_figures = claimlab.views.claims(corpus, article_id=pair)
HTML(claimlab.views.as_html(strike_figures[["outlet", "claimant", "measure", "low", "high", "qualifier", "text"]]))

# %%
vague = bool(strike_figures[["low", "high"]].isna().all(axis=None))
Markdown(
    f"The **{len(strike_figures)}** figures come from "
    + and_join(f"the {md(c)}" for c in sorted(set(strike_figures["claimant"])))
    + (", and none gives a number: the low and high columns are empty. " if vague else ". ")
    + "The Russian account does not say who the casualties were. So the two sides' accounts pull in "
    "different directions, but neither offers evidence a reader could check."
)

# %% tags=["key"]
QUESTIONS["07.independent"] = Question(
    prompt="TASS and Sputnik are two different news agencies. Do their two versions give "
           "independent corroboration that the strike was a “precise and targeted response”?",
    kind="choice",
    options=["yes", "no", "unclear"],
    answer="no",
    hints=["Ask where each version comes from: who gave TASS the words, and who gave Sputnik "
           "the words?",
           "Two reports of one source's words show that the source said it. Do they show that it "
           "is true?"],
    explain="Both agencies got the words from the same State Department official, so together "
            "they confirm that the official said it (the attribution), not that it is true (the "
            "claim). Corroboration needs a source that does not depend on the claimant.",
)

# %% [markdown]
# ### Exercise 07.independent

# %%
ex_independent = Exercise("07.independent", corpus)
ex_independent

# %% tags=["solution"]
# Worked solution: both versions come from one claimant, the official, so they are not independent of it.
print(sorted(set(versions["channel"]) - {""}), "lead back to one claimant:", sorted(set(route["claimant"])))
ex_independent.reveal()

# %% [markdown]
# ### Step 4b · Off the page: two timed checks
#
# Inside the corpus the trail ends with an unnamed official and a vague
# Russian count. Professional fact-checkers would now leave the articles
# (SIFT's *find better coverage*, Lesson 02). Do these two tasks with a timer;
# if your class has no internet, your instructor has the evidence on paper.
#
# **Task C · Does the official's line match what the US military said? (7 minutes)**
# Search for: `CENTCOM statement strike al-Qaida in Syria 31 August 2019`.
# US Central Command (CENTCOM) commands US forces in the Middle East, and
# publishes statements on its strikes. Find its statement of that day, or a
# news agency report that quotes it, and set its words beside the official's
# in Step 1.
#
# **Task D · What did others report as the toll? (6 minutes)**
# Search for: `Idlib strike 31 August 2019 killed Syrian Observatory`, and
# the same with `Reuters` or `AFP`. For each figure note who counted it, what
# it counts, and when it was given.

# %% tags=["key"]
QUESTIONS["07.lateral_centcom"] = Question(
    prompt="Task C (7 minutes): does the State Department official's line match US Central Command's public "
           "statement on the strike? What does that add to your trace, and what does it not add? Give your "
           "decision and your reason, naming what you read and its date.",
    kind="judgement",
    answer="It matches almost word for word. On 31 August 2019 CENTCOM's spokesman, Lt. Col. Earl Brown, said in an "
           "emailed statement that the operation \"targeted AQ-S leaders responsible for attacks threatening U.S. "
           "citizens, our partners, and innocent civilians\" at a facility north of Idlib (Reuters, \"U.S. forces "
           "attack Syrian al Qaeda facility - Defense Dept\", 31 August 2019). So the official repeated the US "
           "military's public line: the attribution to the US government is now firm. But CENTCOM is the same "
           "party that struck, so this is not independent corroboration that the strike was precise.",
    hints=["finds the statement or a report quoting it, with its date (31 August 2019) and who gave it",
           "compares the wording with the official's in Step 1 and says how close it is",
           "says what it adds: the line is the US government's public position, not an improvised remark",
           "says what it does not add: the military that struck is not independent of the State Department"],
)

# %% [markdown]
# ### Exercise 07.lateral_centcom: off the page (7 minutes)

# %%
Exercise("07.lateral_centcom", corpus)

# %% tags=["key"]
QUESTIONS["07.lateral_toll"] = Question(
    prompt="Task D (6 minutes): what did others report as the toll of the 31 August 2019 strike, and does it change "
           "how you read the Russian claim of “numerous casualties” or the US claim of a “targeted” strike? Give "
           "your answer with who counted, what, and when.",
    kind="judgement",
    answer="SOHR, the UK-based monitor, said on 31 August 2019 that the strikes, near Maarat Misrin in Idlib "
           "province, killed more than 40 militants, including some commanders (reported by Reuters that day). "
           "A monitor that is neither American nor Russian thus confirms that there were casualties, as the "
           "Russian side said, and describes the dead as fighters, in line with the US claim of a strike on "
           "militant leaders. It is one monitor's count on the day of the strike, and news agencies that "
           "repeat it are not further sources; whether any civilians were harmed, it does not say.",
    hints=["gives a figure with its claimant (who counted), its unit (militants killed) and its date",
           "notices when several agencies are all quoting the same monitor: one source, not several",
           "says what the count supports and what it leaves open (for example, civilian harm)",
           "says how it bears on both the Russian and the US claims"],
)

# %% [markdown]
# ### Exercise 07.lateral_toll: off the page (6 minutes)

# %%
Exercise("07.lateral_toll", corpus)

# %% [markdown]
# ### Step 5 · Grade it and write it down
#
# The course grades claims on the scale from Lesson 06, adapted from the
# monitoring group Airwars:

# %%
HTML(claimlab.views.as_html(claimlab.grading.scale_table()))

# %% [markdown]
# The scale was written for claims of harm. For any other claim, ask the
# same questions. Does the party the claim would hurt accept it (Confirmed)?
# Do two or more independent sources back it (Fair)? Is there one source, or
# none named (Weak)? Do the sources disagree about who is responsible
# (Contested)? Does the evidence point the other way (Discounted)?
#
# From the two articles alone, the claim comes from one source, the
# government that carried out the strike, speaking through an unnamed official
# who gives no evidence in either article. The two agencies repeat that one
# source. That is **Weak** (Step 6 revisits it with Tasks C and D).
#
# Could it be Contested? The Russian account of "numerous casualties and
# major destruction" pulls against "precise". But on the scale, Contested
# means disagreement about who caused the harm (several possible attackers,
# or, in the course's addition to Airwars' grade, the accused party denying
# it), and no one disputes who struck; the Russian figures, vague as they
# are, do not say who was hurt. A
# reader who argues for Contested has to say exactly which point the two
# accounts dispute. There is rarely only one defensible grade: what makes an
# assessment good is that it gives its reasons.
#
# This is the row the worked example adds to a claim ledger:

# %%
worked = {
    "claim": "The strike was “a precise and targeted response against AQ-S leadership responsible for "
             "planning attacks threatening U.S. citizens, our partners, and innocent civilians”.",
    "claimant": "US State Department, through an unnamed official",
    "channel": "told TASS; told Sputnik (republished by UrduPoint News)",
    "outlet": "TASS; UrduPoint News",
    "earliest_source": "The official's own words, in the two nearly identical forms TASS and Sputnik give them",
    "sources_checked": "TASS and UrduPoint News (Sputnik), 2 September 2019, in the corpus",
    "corroboration": "no",
    "grade": "Weak",
    "assessment": "An unnamed US State Department official told both TASS and Sputnik that the strike was "
                  "a precise and targeted response against al-Qaeda leaders; the two quotations match almost "
                  "word for word, so the attribution is solid. The claim itself rests on that one source, the "
                  "government that carried out the strike, and the official offers no evidence in either "
                  "article. The only other account, from the Russian military, reports casualties and "
                  "destruction but gives no number and does not say who was hurt. With one interested, "
                  "unnamed source and nothing independent, the claim is Weak.",
}
HTML(claimlab.ledger.table_html([worked]))

# %%
Markdown(f"The assessment has {claimlab.ledger.count_sentences(worked['assessment'])} sentences. "
         "Notice its shape: what is claimed and by whom; how it reached us; what supports or contradicts "
         "it; the grade and its reason.")

# %% [markdown]
# ### Step 6 · After reading off the page, the conclusion changes
#
# The grade above is what **the two articles alone** support. Tasks C and D
# add two sources from outside the corpus, and the trace has to say what
# they change:
#
# - **CENTCOM's statement** (Reuters, "U.S. forces attack Syrian al Qaeda
#   facility - Defense Dept", 31 August 2019) uses nearly the official's
#   words. The line is the US government's public position, so the
#   attribution is firm; but it is the same party speaking twice, not
#   independent support.
# - **SOHR's count** (reported by Reuters on 31 August 2019, as republished
#   by [Haaretz](https://www.haaretz.com/middle-east-news/syria/u-s-strikes-al-qaida-facility-in-syria-in-attack-on-leadership-pentagon-says-1.7772507)):
#   more than 40 militants killed, including some commanders, near Maarat
#   Misrin. SOHR is neither American nor Russian. That is independent support
#   for the part of the claim that says the strike targeted militant leaders.
#
# So the assessment changes, and must say so. The claim that the strike was
# aimed at, and hit, a gathering of militant leaders now has the claimant
# **and** an independent monitor behind it: **Fair**. The word "precise",
# if it means that no civilians were harmed, is still unsupported: none of
# these sources counts civilians. A good ledger records both the new grade
# and the sources that moved it, in the **Sources checked** column:

# %%
revised = dict(worked)
revised.update({
    "sources_checked": "TASS and UrduPoint News (Sputnik), 2 September 2019, in the corpus; CENTCOM statement, "
                       "31 August 2019, as quoted by Reuters that day; SOHR's toll, reported by Reuters, "
                       "31 August 2019",
    "corroboration": "yes",
    "grade": "Fair",
    "assessment": "An unnamed US State Department official told TASS and Sputnik that the strike was a precise "
                  "and targeted response against al-Qaeda leaders, repeating almost word for word CENTCOM's "
                  "statement of 31 August 2019, so the line is the US government's own. SOHR, a monitor "
                  "independent of both the US and Russia, reported that day that the strike killed more than 40 "
                  "militants, including commanders. With the claimant and an independent monitor agreeing that "
                  "militant leaders were hit, the targeting claim is Fair; that it was precise, with no civilian "
                  "harm, no source here shows. This revises the Weak grade the two articles alone supported.",
})
HTML(claimlab.ledger.table_html([worked, revised]))

# %% tags=["test"]
# Course self-check: the revised row is a valid ledger row, and says what changed.
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    _check = ClaimLedger(corpus, path=Path(tmp) / "revised.csv")
    assert _check.add(**revised), _check.message
    assert _check.rows[-1]["grade"] == "Fair" and "CENTCOM" in _check.rows[-1]["sources_checked"]
assert 2 <= claimlab.ledger.count_sentences(revised["assessment"]) <= 5
assert "revises" in revised["assessment"] and worked["grade"] == "Weak"

# %% [markdown]
# ### A rubric for your ledger entries
#
# Your instructor will read your ledger with this rubric. A **strong** entry
# does all six; a **weak** one usually misses the last three.
#
# 1. **The claim** is quoted, not summarised.
# 2. **The claimant** is named as precisely as the article allows, with
#    whether it is a party to the events, or unnamed.
# 3. **The route** says how the words reached the outlet, or that the
#    article does not say.
# 4. **Sources checked** lists every source you read, in the corpus and off
#    it, each with its date.
# 5. **Corroboration** separates "X said it" from "it is true", and counts
#    one source repeated as one source.
# 6. **The grade follows from the evidence**, and the assessment says why in
#    2 to 5 sentences, including what would change it.
#
# Two sample entries on the same claim, Press TV's report of SOHR's toll:

# %%
strong = {
    "claim": "“26 people were killed” in the air strikes on Idlib, “including 10 civilians”",
    "claimant": "SOHR (the Syrian Observatory for Human Rights), a monitor; not a party to the conflict",
    "channel": "(not stated): Press TV does not say how it got SOHR's figures",
    "outlet": "Press TV",
    "earliest_source": "Press TV's paraphrase; SOHR's own report of that day not yet found",
    "sources_checked": "Press TV, 7 February 2017 (in the corpus); searched SOHR's site for its report of that day",
    "corroboration": "no",
    "grade": "Weak",
    "assessment": "Press TV reports that SOHR counted 26 dead, 10 of them civilians, without saying where it got the "
                  "figures. The Syria Civil Defence, in the same paragraph, counts bodies recovered, a different "
                  "unit, so it neither confirms nor contradicts SOHR. One monitor's count, relayed by a state "
                  "broadcaster that calls it “so-called”, is Weak until SOHR's own report is found; if SOHR "
                  "says it is unclear whose aircraft struck, Contested is also defensible.",
}
weak = {
    "claim": "26 killed",
    "claimant": "Press TV",
    "channel": "",
    "outlet": "Press TV",
    "earliest_source": "",
    "sources_checked": "",
    "corroboration": "yes",
    "grade": "Fair",
    "assessment": "Two groups give numbers so it is confirmed.",
}
HTML(claimlab.ledger.table_html([strong, weak]))

# %% tags=["test"]
# Course self-check: the rubric's samples are valid ledger rows, and only the strong one lists its sources.
with tempfile.TemporaryDirectory() as tmp:
    _check = ClaimLedger(corpus, path=Path(tmp) / "samples.csv")
    assert _check.add(**strong) and _check.add(**weak), _check.message
assert strong["sources_checked"] and not weak["sources_checked"]
assert 2 <= claimlab.ledger.count_sentences(strong["assessment"]) <= 5
assert claimlab.ledger.count_sentences(weak["assessment"]) == 1

# %% [markdown]
# What is wrong with the weak entry: it summarises the claim ("26 killed"
# drops "including 10 civilians"); it makes Press TV the claimant, though
# Press TV only relays SOHR; it leaves the route and the sources checked
# empty; it counts the Civil Defence as corroboration though it counts a
# different thing; and its one-sentence assessment gives a grade with no
# reason that holds. The strong entry quotes, names the monitor, admits
# what it could not find, and says what would change its grade.

# %% [markdown]
# ## Your turn: trace another claim
#
# Pick a claim from the corpus and trace it with the five questions. Some
# claims that reward the effort:

# %%
suggestions = {
    "presstv-idlib-2017/F05": "a monitoring group's death toll, relayed by a state broadcaster that calls the "
                              "group “so-called”; the rescue service counts something else",
    "ibtimes-aleppo-2016/F14": "a named US official's share of Russian strikes, with no source given for the share",
    "ibtimes-aleppo-2016/E04": "a Russian spokesman's words that reached an American site through TASS",
    "ibtimes-aleppo-2016/F15": "a Russian claim, a US denial, and CNN in between",
    "ibtimes-aleppo-2016/F16": "a death toll for the whole war, with no source at all",
    "tass-nauert-2018/D08": "a US spokesperson dismisses “reports” that the article never sources",
}
lines = []
for ref, why in suggestions.items():
    f = claimlab.ledger.claim_fields(corpus, ref)
    short = " ".join(f["claim"].split()[:12]) + (" …" if len(f["claim"].split()) > 12 else "")
    lines.append(f"- **{md(f['outlet'])}** · {md(f['claimant'])}: “{md(short)}”. *Why:* {why}.")
Markdown("\n".join(lines))

# %% [markdown]
# Before you grade, ask question 2 of every claimant: **is it a party to the
# conflict?** The table shows each actor that claims a figure in the corpus,
# and the bodies above it (the **parent** column), so you can follow each one
# up to whom it speaks for.

# %%
HTML(claimlab.views.as_html(claimlab.ledger.claimant_table(corpus)))

# %% tags=["key"]
def _figure_claimants(corpus) -> list[str]:
    c = corpus.figures["claimant"].fillna("").str.strip()
    return sorted({x for x in c if x}, key=str.casefold)


def speaks_for_a_state(corpus, actor: str) -> bool:
    """True when ``actor`` is a government, or its parents in actors.csv lead up to one."""
    table = {r["actor"]: r for r in corpus.actors.to_dict("records")}
    seen = set()
    while actor in table and actor not in seen:
        seen.add(actor)
        if table[actor]["type"] == "government":
            return True
        actor = (table[actor].get("parent") or "").strip()
    return False


def _parties(corpus) -> list[str]:
    return [c for c in _figure_claimants(corpus) if speaks_for_a_state(corpus, c)]


QUESTIONS["07.party_claimants"] = Question(
    prompt="Which of these claimants of figures speak for a party to the conflict, that is, a "
           "government whose forces were carrying out air strikes in Syria, or one of its "
           "ministries, military bodies or officials? Select all that apply.",
    kind="multi",
    options=_figure_claimants,
    answer=_parties,
    hints=["Use the table of claimants: follow each one's parent column upwards until you reach "
           "a government, or nothing.",
           "Check the people too: whom do they work for? And a group can be close to one side "
           "without being a government that carries out air strikes."],
    explain="The Russian Defence Ministry, its reconciliation centre and Lieutenant General "
            "Rudskoi speak for Russia, as does “Russia” itself (the Russian government); Brett "
            "McGurk speaks for the United States, which led the coalition striking in Syria. SOHR "
            "and Syria Civil Defence are non-governmental groups (Press TV calls both "
            "opposition-linked, which is worth noting in a ledger), and an unnamed source is no "
            "one you can place at all.",
)

# %% [markdown]
# ### Exercise 07.party_claimants

# %%
ex_parties = Exercise("07.party_claimants", corpus)
ex_parties

# %% tags=["solution"]
# Worked solution: follow each claimant's parent column; keep those that lead up to a government.
from claimlab_course.keys.l07 import speaks_for_a_state

claimants = claimlab.ledger.claimant_table(corpus)
claimants = claimants[claimants["claims_figures"] == "yes"]["actor"]
ex_parties.check([c for c in claimants if speaks_for_a_state(corpus, c)])

# %% [markdown]
# ### Tools for tracing
#
# - **Read the article.** The reader below shows any article with its
#   statements, figures and framing terms highlighted; hover over a
#   highlight to see who said it and through which channel.
# - **Look for other versions.** The comparison menu above lists the
#   statements that appear, in nearly the same words, in more than one
#   article. If your claim is not in it, read the other articles about the
#   same event: a paraphrase can carry a claim in other words. If you find no
#   other version, say so in your assessment.
# - **Look for other numbers.** For a figure, check what other claimants say
#   about the same event: the articles table's **event** column tells you
#   which articles cover the same one.

# %%
reader = claimlab.reader.ArticleReader(corpus, "presstv-idlib-2017")
reader

# %% [markdown]
# ### Your claim ledger
#
# The ledger below keeps one row per claim you assess.
#
# 1. **Start from** a claim in the menu: it fills in the claim, the claimant
#    (with the article's own words for them in quotation marks), the channel
#    and the outlet. Check them against the article, and correct them if you
#    disagree.
# 2. Fill in the **earliest source** you could trace, the **sources checked**
#    (every source you read, in the corpus and off it, with its date; write
#    "none off the page" if you did not leave the corpus), whether there is
#    **independent corroboration** (yes, no, or unclear), and your **grade**.
# 3. Write your **assessment** in 2 to 5 sentences, like the worked example.
# 4. Press **Add**. If something is missing, the ledger says what, and adds
#    nothing. **Remove last** takes the last row off again.
# 5. Press **Export CSV** to save the ledger. It says the exact name of the
#    file it wrote, in the same folder as this notebook. If a different file
#    of that name is already there, it keeps that one under a backup name and
#    tells you which.
#
# When you run this notebook again, the ledger loads the file you saved and
# says so, so your work is not lost between sessions. The file opens in any
# spreadsheet program. Do at least one claim; three is better.

# %%
ledger = ClaimLedger(corpus)
ledger

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
import os
import tempfile
from pathlib import Path

def csv_files():                                            # the ledger writes only .csv files
    return sorted(f for f in os.listdir() if f.endswith(".csv"))

files_before = csv_files()
form, status, message, n = ledger.form_values(), ledger.status.value, ledger.message, len(ledger)
ledger.fill(ref="presstv-idlib-2017/F05")
assert ledger.form_values()["outlet"] == "Press TV" and "SOHR" in ledger.form_values()["claimant"]
ledger.add_button.click()                                   # no grade or assessment yet: refused
assert len(ledger) == n and "Nothing added" in ledger.message
ledger.fill(corroboration="no", grade="Weak", sources_checked="Press TV, 7 February 2017 (in the corpus)",
            assessment="Only SOHR gives this count. The rescue service counts bodies, a different unit.")
ledger.add_button.click()
assert len(ledger) == n + 1 and ledger.rows[-1]["ref"] == "presstv-idlib-2017/F05"
assert ledger.rows[-1]["sources_checked"] == "Press TV, 7 February 2017 (in the corpus)"
with tempfile.TemporaryDirectory() as tmp:
    saved = ledger.export(Path(tmp) / "check_ledger.csv")
    assert saved is not None and "check_ledger.csv" in ledger.message
    assert ClaimLedger(corpus, path=saved).rows == ledger.rows
assert ledger.remove_last()["ref"] == "presstv-idlib-2017/F05" and len(ledger) == n
ledger.fill(**form)
ledger.status.value, ledger.message = status, message
assert csv_files() == files_before

# %% [markdown]
# ### A checklist for your assessment
#
# - Did you quote the claim, not your summary of it?
# - Did you name the claimant as precisely as the article allows, and say if
#   it is a party to the events, or unnamed?
# - Did you say how the words reached the outlet, or that the article does
#   not say?
# - Did you look for every other version, and say what changed on the way?
# - Did you list the sources you checked, off the page too, each with its
#   date, and say whether they changed your grade?
# - Did you separate "X said it" from "it is true"?
# - Does your grade follow from what you found, and does the assessment say
#   why?

# %% [markdown]
# ## The course in review
#
# - **Lesson 01 · Start here.** Two death tolls for one strike, and a corpus
#   of articles about air strikes in Syria with tables of who said what;
#   which facts are copied from the page and which were worked out. An
#   article as scraped is evidence too: menus, captions and repeated
#   headlines are marked, not deleted.
# - **Lesson 02 · Sourcing.** Who owns an outlet, whose copy it runs, and
#   how a statement travels from claimant through channel to outlet.
# - **Lesson 03 · Dating.** Search the headline, read the URL, find the first
#   archive capture and the page's metadata; then weekdays, officeholders and
#   dated events can fix a date a page leaves out; a copyright line is not a
#   publication date.
# - **Lesson 04 · Attribution.** Who said what: named, anonymous and
#   institutional sources; direct, indirect and mixed quotation; the verbs
#   that carry them.
# - **Lesson 05 · Framing.** Labels, hedges, asides and evaluative words,
#   and whose voice each one is in.
# - **Lesson 06 · Conflicting casualty reports.** Claims as ranges, counting
#   units that differ, vague quantities that are not zero, independent
#   sources against one source repeated, and a scale for grading claims.
# - **Lesson 07 · Capstone.** All of it on one claim, written down in a
#   ledger you can keep.

# %% [markdown]
# ## Recap
#
# - Trace a claim back through every version you can find: headline,
#   paraphrase, quotation; outlet, channel, claimant.
# - Compare the versions: the words of a quotation may survive intact while
#   the speaker's name, the amount kept and the framing around it change.
# - Two outlets repeating one source are one source. They confirm who said
#   it, not that it is true.
# - Leave the page: the US military's own statement and a monitor's toll
#   moved the worked example from Weak to Fair for its targeting claim, and
#   the ledger says so, with the sources checked.
# - Grade the claim on the course's scale, and write 2 to 5 sentences that
#   say why. Keep them in your claim ledger, and export it to save it.
#
# **Next:** one more question, now that you have done all this by hand:
# [Lesson 08 · Can a machine find who said what?](08_machine_attribution.ipynb)
