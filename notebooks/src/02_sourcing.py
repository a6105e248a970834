# %% [markdown]
# # Lesson 02 · Sourcing: who stands behind a story
#
# **Start with a question.** A Pakistani news site prints a US official's
# words about a US air strike in Syria. Who actually gave you those words, and
# who paid for them to reach you? By the end of this lesson you can follow
# them back, and you will have checked two outlets off the page.
#
# **What this lesson teaches:** how to find out who published an article, who
# owns that outlet, whose reporting the article actually carries, and how each
# quoted statement travelled from the person who said it to the page you read.
#
# **Learning objectives.** By the end you can
# - look up who owns each outlet in the course and say why ownership matters;
# - recognise a wire credit in a dateline, and a relay in the text
#   ("told TASS", "according to Russian news agency Tass", "CNN reported");
# - say what a dateline and a byline tell you, and what they do not;
# - use two of the SIFT moves: *investigate the source* (on the page, and
#   off it, by reading what others say) and *trace the claim*;
# - follow a statement from claimant through channel to outlet in a
#   provenance diagram, and filter it to one outlet or one claimant.
#
# **Time:** about 45 minutes, 11 of them for two search tasks off the page. **Before you start:** Lesson 01 (how notebooks
# and widgets work, and the articles of the corpus).

# %% [markdown]
# ## Setting up
#
# Run the next cell (**Shift + Enter**). It loads the course's helper package
# and the articles, as in the earlier lessons.

# %%
import claimlab
from claimlab_course import Exercise
import claimlab_course
from claimlab.format import and_join, md
from IPython.display import HTML, Markdown

corpus = claimlab.load_corpus()
corpus

# %% [markdown]
# ## Stop first: the SIFT moves
#
# Mike Caulfield, who studies and teaches web literacy, sums up what professional
# fact-checkers do in four moves he calls **SIFT**
# ([Caulfield, "SIFT (The Four Moves)", 2019](https://hapgood.us/2019/06/19/sift-the-four-moves/)).
# In our own words:
#
# 1. **Stop.** Before you believe, share or argue with something, pause. Ask
#    whether you know this outlet and this claim, and what you are trying to
#    find out. If you don't know, use the other three moves.
# 2. **Investigate the source.** Spend a minute finding out who is behind the
#    outlet: who owns it, who pays for it, what it is known for. Read what
#    *others* say about it, not only what it says about itself.
# 3. **Find better coverage.** If the source is weak or unknown, look for
#    other reporting of the same claim: you care whether the claim is true,
#    not whether this particular article is.
# 4. **Trace claims, quotes and media to the original context.** Articles
#    pass on what others said. Follow the chain back to where a quotation or
#    a number first appeared, and check that it was passed on faithfully.
#
# This lesson practises two of the moves: **investigate the source**
# (sections 1 to 3) and **trace the claim** (sections 4 and 5).

# %% [markdown]
# ## 1 · Investigate the source: outlets and their owners
#
# The course keeps a table of the outlets that appear in the articles, with
# a link to a page that supports each row. The `role` column says what each
# outlet does in our articles: whether it published one, or whether another
# outlet passes on its reporting.

# %%
HTML(claimlab_course.sourcing.outlets_html(corpus))

# %%
groups = claimlab_course.sourcing.ownership_groups(corpus)
Markdown(
    f"Of the **{len(corpus.outlets)} outlets** in the table, **{len(groups.get('state-owned', []))}** are "
    f"state-owned ({and_join(map(md, groups.get('state-owned', [])))}) and **{len(groups.get('private', []))}** "
    f"are private ({and_join(map(md, groups.get('private', [])))})."
)

# %% [markdown]
# **Why ownership matters.** A state-owned outlet is paid for by a
# government and answers, in the end, to it. That does not make every
# sentence it prints false: Lesson 04 shows TASS and Sputnik quoting a US
# official's criticism of Russian media in nearly the same words. But when a
# state-owned outlet
# writes about its own government's opponents, or about a war its
# government is fighting, you should expect its choices of words, voices and
# asides to lean towards that government, and you should look for a second
# source. Private outlets have owners and interests too; they are just
# different ones.
#
# **Lateral reading.** Notice where the citations point: to an encyclopedia
# article *about* each outlet, not to the outlet's own "About us" page. That
# is the habit SIFT recommends: find out what others say about a source.
#
# Notice also the outlets that published **none** of our articles but whose
# reporting is inside them: their `role` says so. An article can carry the
# work of an outlet whose name is not at the top of the page.

# %% tags=["key"]
# Lesson 02 answer key: sourcing.


def _outlets(corpus):
    return sorted(corpus.outlets["outlet"])


def _state_owned(corpus):
    o = corpus.outlets
    return sorted(o.loc[o["ownership"] == "state-owned", "outlet"])


def _state_explain(corpus):
    o = corpus.outlets
    state = o[o["ownership"] == "state-owned"]
    rest = o[o["ownership"] != "state-owned"]
    owners = "; ".join(f"{r.outlet}: {r.parent} ({r.country})" for r in state.sort_values("outlet").itertuples())
    return (f"The state-owned outlets, with their owners: {owners}. "
            f"The others ({', '.join(sorted(rest['outlet']))}) are not owned by a state.")


QUESTIONS["02.state_owned"] = Question(
    prompt="Which of these outlets are state-owned? Select all that apply (hold Ctrl, or Cmd on a Mac, "
           "to select more than one).",
    kind="multi",
    options=_outlets,
    answer=_state_owned,
    hints=["Read the ownership column of the outlets table: it says state-owned, private or public.",
           "Count the outlets whose ownership reads state-owned, and select every one of them, "
           "including any outlet that published none of the articles itself."],
    explain=_state_explain,
)

# %% [markdown]
# ### Exercise 02.state_owned

# %%
Exercise("02.state_owned", corpus)

# %% tags=["solution"]
# Worked solution (instructor version only): read the ownership column of the outlets table.
state_owned = claimlab_course.sourcing.ownership_groups(corpus)["state-owned"]
Exercise("02.state_owned", corpus).check(state_owned)

# %% [markdown]
# ## Off the page: two lateral-reading tasks (timed)
#
# The outlets table is a start, but SIFT's second move means leaving the
# page: open a new tab and read what **others** say about the outlet, not what
# it says about itself. SIFT asks for a minute or so on this before you
# read on; here you take a little longer, as practice. Each task below
# says what to search for, what a good answer contains, and how long it
# should take. Set a timer. If your class has no internet, your instructor
# has the evidence on paper.
#
# **Task A · Who owns IBTimes? (6 minutes)**
# Search for: `IBT Media owners Olivet University`, and
# `Newsweek Media Group Manhattan district attorney raid 2018`. Read two
# results from different publications (not IBTimes' own "About" page).
#
# **Task B · What happened to Press TV in Britain? (5 minutes)**
# Search for: `Ofcom Press TV licence revoked 2012`. Find the regulator's
# own statement, or two news reports that quote it, and note the date and
# the reason given.

# %% tags=["key"]
QUESTIONS["02.lateral_ibtimes"] = Question(
    prompt="Task A (6 minutes): after reading what others say about IBTimes' owners, would you treat the IBTimes "
           "article as a reliable source on the Syrian war, or look for other coverage first? Give your decision "
           "and your reason, naming at least one source you read and its date.",
    kind="judgement",
    answer="Look for other coverage first. IBTimes belonged to IBT Media (renamed Newsweek Media Group), whose "
           "founders have close ties to Olivet University, a school founded by the pastor David Jang (San "
           "Francisco Chronicle, 20 January 2018). On 18 January 2018 investigators of the Manhattan district "
           "attorney raided the company's offices and took away servers, in a probe of the company's finances "
           "(Newsweek's own report, republished by IBTimes on 18 January 2018), and later that year the company "
           "and its founders were charged with fraud (TheWrap, 2018). None of this shows that the 2016 article is "
           "wrong, but it is a reason not to rely on this outlet alone: the article itself relays TASS and CNN, "
           "so I would read those.",
    hints=["names the owner (IBT Media, later Newsweek Media Group) and its ties to Olivet University",
           "cites what it read by publication and date, from someone other than IBTimes itself",
           "separates questions about the owner's conduct from evidence that this article is wrong",
           "ends with an action: what to read instead or as well (here, TASS's and CNN's own reports)"],
)

# %% [markdown]
# ### Exercise 02.lateral_ibtimes: off the page (6 minutes)

# %%
Exercise("02.lateral_ibtimes", corpus)

# %% tags=["key"]
QUESTIONS["02.lateral_presstv"] = Question(
    prompt="Task B (5 minutes): Press TV lost its licence to broadcast in the UK. Does that make its 2017 report "
           "of the Idlib strikes untrustworthy? Give your decision and your reason, with the date and the reason "
           "the regulator gave.",
    kind="judgement",
    answer="Not by itself. Ofcom, the UK regulator, revoked Press TV's licence on 20 January 2012 because "
           "editorial control of the channel lay with Press TV in Tehran rather than with the London company "
           "that held the licence (Ofcom's statement, as quoted by Press Gazette and journalism.co.uk on 20 "
           "January 2012); in 2011 Ofcom had also fined it £100,000 for broadcasting an interview with the "
           "journalist Maziar Bahari obtained under duress in an Iranian prison. That confirms that an Iranian "
           "state body runs Press TV, so I expect its framing to lean towards Iran's government and its allies, "
           "and I check its figures at their sources (SOHR, the Civil Defence) rather than through it.",
    hints=["gives the decision's date (20 January 2012) and the reason Ofcom gave: editorial control in Tehran",
           "mentions the earlier fine over an interview obtained under duress, or says why it matters",
           "does not jump from “lost a licence” to “every sentence is false”: the licence was about control",
           "says what that means for reading the article: check its figures at their own sources"],
)

# %% [markdown]
# ### Exercise 02.lateral_presstv: off the page (5 minutes)

# %%
Exercise("02.lateral_presstv", corpus)

# %% [markdown]
# ## 2 · Wires and republication
#
# A **wire** (a news agency) writes reports that other outlets reprint,
# often word for word. When an outlet runs wire copy, it usually says so in
# the **dateline**, the line that opens the first paragraph. A **relay** is
# looser: an outlet's own reporter passes on what another outlet reported,
# and says so in the text.
#
# The table below puts, for each article, the outlet and its owner next to
# the dateline as printed, the byline (if any), the wire the dateline credits
# and its owner, and the other outlets the article relays.

# %%
sources = claimlab_course.sourcing.article_sources(corpus)
HTML(claimlab.views.as_html(sources))

# %%
carried = sources[(sources["wire"] != "") & (sources["wire"] != sources["outlet"])]
lines = [f"- **{md(r.outlet)}** ({r.ownership}) carries a report by **{md(r.wire)}** ({r.wire_ownership})."
         for r in carried.itertuples()]
relayed = sources[sources["relays"] != ""]
lines += [f"- **{md(r.outlet)}** ({r.ownership}) relays {and_join(map(md, r.relays.split('; ')))}."
          for r in relayed.itertuples() if r.relays != r.wire]
Markdown("\n".join(lines))

# %% [markdown]
# **One statement, two state agencies.** On 31 August 2019 the United States
# struck what it said were al-Qaeda leaders near Idlib, and Russia's military
# complained. An unnamed US State Department official answered with a
# statement, and that statement reached readers by two Russian state-owned
# routes:
#
# - **TASS directly.** TASS's article says the official "told TASS". Its
#   dateline, "WASHINGTON, September 2. /TASS/.", names the agency between
#   slashes: this is TASS's own copy.
# - **Sputnik, then UrduPoint News.** The official also "told Sputnik". The
#   version in our corpus was published by UrduPoint News, a private
#   Pakistani web portal, and its dateline gives the chain away:
#   "MOSCOW (UrduPoint News / Sputnik - 02nd September, 2019)". A reader in
#   Pakistan who trusts UrduPoint is reading a Russian state agency's report.
#
# **An American site relaying Russian and American outlets.** IBTimes, a
# private US site, has no dateline or wire credit at all, but inside the text
# it relays two other outlets: it quotes the Russian Defence Ministry's
# spokesman "according to Russian news agency Tass", and ends a paragraph with
# "CNN reported". So what IBTimes's readers learn of the Russian spokesman's
# words comes to them from Russia's state news agency.

# %% tags=["key"]
def _republisher(corpus):
    a = corpus.articles
    return a.loc[a["wire"] == "Sputnik", "outlet"].iloc[0]


QUESTIONS["02.republisher"] = Question(
    prompt="Which outlet republished a report by Sputnik?",
    kind="choice",
    options=_outlets,
    answer=_republisher,
    hints=["A republished report usually credits the original agency in its dateline, at the start "
           "of the first paragraph.",
           "In the table of who stands behind each article, find the row whose wire column names "
           "Sputnik, and read its outlet."],
    explain="UrduPoint News, a private Pakistani web portal: its dateline reads "
            "\"MOSCOW (UrduPoint News / Sputnik - 02nd September, 2019)\".",
)

# %% [markdown]
# ### Exercise 02.republisher

# %%
Exercise("02.republisher", corpus)

# %% tags=["solution"]
# Worked solution: the article whose wire is Sputnik, and its outlet.
Exercise("02.republisher", corpus).check(sources.loc[sources["wire"] == "Sputnik", "outlet"].iloc[0])

# %% [markdown]
# ## 3 · Datelines and bylines
#
# - A **dateline** says where (and often when) a report was filed, and in
#   agency copy, whose copy it is. It tells you where the *reporting* was put
#   together, not where the speaker was: the same US official's statement is
#   datelined WASHINGTON by TASS and MOSCOW by Sputnik.
# - A **byline** names the person who wrote the report, so that you can look
#   up their other work and their expertise (SIFT's second move, applied to a
#   person).

# %%
with_byline = sources[sources["byline"] != ""]
no_dateline = sources[sources["dateline"] == ""]
Markdown(
    f"Only **{len(with_byline)}** of the {len(sources)} articles prints a name on a byline "
    f"({and_join(f'{md(r.outlet)}: {md(r.byline)}' for r in with_byline.itertuples())}). "
    f"**{len(no_dateline)}** have no dateline at all "
    f"({and_join(f'the {md(r.outlet)} article' for r in no_dateline.itertuples())})."
)

# %% [markdown]
# With no byline, no single person answers for an article: only the outlet
# does, so investigating the source means investigating the outlet. Even the
# one byline needs care. The UrduPoint page names Zeeshan Aziz, but its
# dateline credits Sputnik for the report, and the page does not say what his
# part was (writing, editing or posting it). Sputnik's own reporter is not
# named anywhere.

# %% [markdown]
# ## 4 · Trace the claim: claimant → channel → outlet
#
# Every attributed statement has travelled. Think of three stops:
#
# 1. the **claimant**, who said it (a person, a ministry, an unnamed official);
# 2. the **channel**, how the words reached the outlet, *where the text says
#    so*: "told TASS", "told reporters", "in a statement", or a wire credited
#    in the dateline;
# 3. the **outlet** that printed it.
#
# The diagram below draws every path in the corpus; the width of a band is
# the number of statements that took it. Hover over a band to read its path.
# Headlines repeated by a page template are left out, and so are statements
# reported *inside* other statements.

# %%
paths = claimlab.views.provenance(corpus)
fig = claimlab.plots.provenance_sankey(paths)
fig

# %%
Markdown(f"*Text alternative:* {claimlab.plots.alt_text(fig)} The table below lists every path, "
         "with the number of statements that took it.")

# %%
HTML(claimlab.views.as_html(paths))

# %%
unstated = int(paths.loc[paths["channel"] == "(not stated)", "statements"].sum())
Markdown(
    f"For **{unstated}** of the {int(paths['statements'].sum())} statements, the article never says how the "
    "words reached it: the channel is *(not stated)*. Often the claim was made in public, but the article "
    "does not say so, and you cannot trace those statements any further from the article alone."
)

# %% [markdown]
# TASS appears twice in the diagram: as a *channel* in the middle column
# (the words came through TASS) and as an *outlet* in the right-hand column
# (TASS printed them). Read the diagram with SIFT's fourth move in mind:
#
# - **UrduPoint News** gets *everything* through Sputnik: the dateline
#   credits Sputnik for the whole report, so every claimant in it, the US
#   official and the Russian Defence Ministry alike, reaches UrduPoint's
#   readers by way of a Russian state agency.
# - **TASS** got the US official's words directly ("told TASS"), and Heather
#   Nauert's from what she said to journalists ("has told reporters").
# - **IBTimes** got the Russian spokesman's words through TASS.
#
# One relay does not show as a channel. IBTimes writes "The U.S. denied these
# charges, CNN reported." The US denial is reported *inside* CNN's report, so
# the diagram counts it as CNN's statement. The statement table shows both
# layers: the row for "CNN reported" and, inside it, the US denial with
# channel CNN.

# %%
ibtimes = claimlab.views.statements(corpus, outlet="IBTimes")
HTML(claimlab.views.as_html(ibtimes[["speaker", "actor", "cue", "channel", "content"]]))

# %% [markdown]
# ## 5 · Explore the paths yourself
#
# The explorer below shows the same diagram with three menus. Choose an
# **outlet** to see where its statements come from, a **claimant** to see
# which outlets printed that source, or a **channel** to see what came
# through it. The table, the diagram and the sentence under the menus change
# straight away.

# %%
explorer = claimlab_course.sourcing.ProvenanceExplorer(corpus)
explorer

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
explorer.set(outlet="IBTimes", claimant="Igor Konashenkov")
assert list(explorer.table["channel"]) == ["TASS"], explorer.table
assert "Igor Konashenkov → TASS → IBTimes" in explorer.caption.value
assert claimlab.plots.alt_text(explorer.figure).startswith("A flow diagram from 1 claimant through")
explorer.set(outlet="UrduPoint News", claimant="All")
assert set(explorer.table["channel"]) == {"Sputnik"}
explorer.set(outlet="All", claimant="All", channel="All")
assert explorer.table.equals(claimlab.views.provenance(corpus))

# %% tags=["key"]
def _konashenkov_channel(corpus):
    att = corpus.attributions
    rows = att[(att["actor"] == "Igor Konashenkov") & (att["article_id"] == "ibtimes-aleppo-2016")]
    channels = sorted(set(rows["channel"]) - {""})
    return channels[0]


QUESTIONS["02.konashenkov_channel"] = Question(
    prompt="IBTimes quotes Igor Konashenkov, the Russian Defence Ministry's spokesman. Through which "
           "outlet did his words reach IBTimes?",
    kind="text",
    answer=_konashenkov_channel,
    accept=["Tass news agency", "Russian news agency Tass", "the Russian news agency Tass"],
    hints=["Read the sentence that names Konashenkov in the IBTimes article to its end: it says "
           "where the quotation came from.",
           "In the provenance explorer, choose Konashenkov as the claimant and read the channel column."],
    explain="TASS: IBTimes quotes him \"according to Russian news agency Tass\". IBTimes did not "
            "hear him itself; it passed on what a Russian state agency reported.",
)

# %% [markdown]
# ### Exercise 02.konashenkov_channel

# %%
Exercise("02.konashenkov_channel", corpus)

# %% tags=["solution"]
# Worked solution: filter the paths to Konashenkov in IBTimes and read the channel.
konashenkov = claimlab_course.sourcing.provenance_paths(corpus, outlet="IBTimes", claimant="Igor Konashenkov")
Exercise("02.konashenkov_channel", corpus).check(konashenkov["channel"].iloc[0])

# %% tags=["key"]
def _direct_or_relay(corpus):
    from claimlab.views import provenance
    p = provenance(corpus)
    official = p[p["claimant"] == "US State Department"]
    assert {"TASS", "Sputnik"} <= set(official["channel"]), "the official's two channels changed"
    return ("TASS's version: the article says the official “told TASS”, one step from the speaker, while "
            "UrduPoint News prints Sputnik's copy, one step further away. But either way the words come from an "
            "unnamed official through a Russian state agency, so before quoting them I would look for the US "
            "government's own public statement on the strike, or an outlet with a different owner that received "
            "the same words, and say in my report whose version I quote.")


QUESTIONS["02.direct_or_relay"] = Question(
    prompt="You want to quote the unnamed US official in a report of your own. The explorer shows the words "
           "reaching TASS directly and reaching UrduPoint News through Sputnik. Which version would you quote, "
           "and what would you check before you do? Give your decision and your reason in two sentences.",
    kind="judgement",
    answer=_direct_or_relay,
    hints=["chooses the version closest to the speaker (“told TASS”) and says why",
           "notes that both routes run through a Russian state agency, and that the official is unnamed",
           "names a check off the page: the US government's own statement, or an outlet with a different owner",
           "says the report should tell its reader whose version it quotes"],
)

# %% [markdown]
# ### Exercise 02.direct_or_relay

# %%
ex_route = Exercise("02.direct_or_relay", corpus)
ex_route

# %% tags=["solution"]
# Model answer: the path with the fewest steps is US State Department → TASS → TASS.
print(claimlab_course.sourcing.provenance_paths(corpus, claimant="US State Department", outlet="TASS"))
ex_route.reveal()

# %% [markdown]
# ## What to do next with a real story
#
# You have now done two of the SIFT moves on our articles. With a story of
# your own you would go on:
#
# - **Investigate the source:** who owns the outlet, and whose copy is it
#   running (look at the dateline)? If no one signs it, the outlet alone
#   answers for it.
# - **Trace the claim:** for each quotation, who said it, and how did it get
#   here? "Told TASS" is a direct line; "according to Russian news agency
#   Tass" is a relay, so the place to check is TASS's own report.
# - **Find better coverage:** look for the same statement from a different
#   route, ideally the original: here, the State Department's own words, or
#   an outlet with a different owner that received them too.

# %% [markdown]
# ## Recap
#
# - Ownership tells you whose interests an outlet may serve: TASS, Sputnik
#   and Press TV are state-owned; UrduPoint News, IBTimes and CNN are
#   private. The outlets table links to a source for each row.
# - The dateline shows whose copy you are reading: UrduPoint News's report
#   is Sputnik's. IBTimes relays TASS and CNN inside its text.
# - A byline names who wrote a story; most of our articles have none, so
#   only the outlet answers for them.
# - SIFT: **S**top, **I**nvestigate the source, **F**ind better coverage,
#   **T**race claims to their original context.
# - Investigating a source means leaving its page: what others report about
#   IBTimes' owners, or about Press TV losing its UK licence in 2012, tells
#   you how far to lean on them, but not that a given article is false.
# - A provenance diagram follows each statement from claimant through
#   channel to outlet; where the channel is not stated, the trail ends in
#   the article.
#
# **Next:** [Lesson 03 · Dating an article](03_dating.ipynb)
