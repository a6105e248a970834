"""Lesson 02 answer key: sourcing."""

from ..exercises import Question


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


def _republisher(corpus):
    a = corpus.articles
    return a.loc[a["wire"] == "Sputnik", "outlet"].iloc[0]


def _konashenkov_channel(corpus):
    att = corpus.attributions
    rows = att[(att["actor"] == "Igor Konashenkov") & (att["article_id"] == "ibtimes-aleppo-2016")]
    channels = sorted(set(rows["channel"]) - {""})
    return channels[0]


def _told_tass(corpus):
    from ..views import provenance
    p = provenance(corpus)
    hit = p[(p["claimant"] == "US State Department") & (p["channel"] == "TASS") & (p["outlet"] == "TASS")]
    return int(hit["statements"].sum())


QUESTIONS = {
    "02.state_owned": Question(
        prompt="Which of these outlets are state-owned? Select all that apply (hold Ctrl, or Cmd on a Mac, "
               "to select more than one).",
        kind="multi",
        options=_outlets,
        answer=_state_owned,
        hints=["Read the ownership column of the outlets table: it says state-owned, private or public.",
               "Count the outlets whose ownership reads state-owned, and select every one of them, "
               "including any outlet that published none of the articles itself."],
        explain=_state_explain,
    ),
    "02.republisher": Question(
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
    ),
    "02.konashenkov_channel": Question(
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
    ),
    "02.told_tass": Question(
        prompt="How many statements did the anonymous State Department official give TASS directly "
               "(claimant US State Department, channel TASS, outlet TASS)?",
        kind="number",
        answer=_told_tass,
        hints=["Use the provenance explorer: choose the claimant US State Department and the outlet TASS.",
               "Several paths may remain; read the statements column of the path whose channel is TASS, "
               "not the one whose channel is (not stated)."],
        explain="These are the statements in the TASS article of 2 September 2019 that reached TASS "
                "because the official \"told TASS\". The headline and the standfirst repeat the official's "
                "words without naming a channel, so they sit on the (not stated) path.",
    ),
}
