"""Lesson 04 answer key: attribution."""

from ..exercises import Question


def _anonymous(corpus):
    from ..views import statements
    return len(statements(corpus, speaker_type="anonymous"))


def _anonymous_explain(corpus):
    from ..views import statements
    st = statements(corpus, speaker_type="anonymous")
    official = int((st["actor"] == "US State Department").sum())
    unnamed = int((st["speaker"].fillna("") == "").sum())
    return (f"{official} of them come from the unnamed State Department official of the 2019 articles, and "
            f"{unnamed} have no speaker at all (cues such as \"reports\" and \"reportedly\"); the rest are "
            "vague groups such as \"American officials\".")


def _nauert_cue(corpus):
    att = corpus.attributions
    rows = att[(att["actor"] == "Heather Nauert") & att["content"].str.contains("chemical weapons provocation")]
    return rows.iloc[0]["cue"].lower()


def _quote_options(corpus):
    return sorted(set(corpus.attributions["quote_type"]) - {""})


def _a06_type(corpus):
    att = corpus.attributions
    return att.loc[att["attribution_id"] == "A06", "quote_type"].iloc[0]


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


QUESTIONS = {
    "04.anonymous": Question(
        prompt="How many statements in the corpus are attributed to anonymous sources (unnamed officials, "
               "vague collectives, or no speaker at all)? Repeated headlines do not count.",
        kind="number",
        answer=_anonymous,
        hints=["Use the statement explorer above: one of its menus sorts statements by the kind of speaker.",
               "Set Speaker type to anonymous and leave the other menus on All; the line under the menus "
               "says how many statements match."],
        explain=_anonymous_explain,
    ),
    "04.nauert_cue": Question(
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
    ),
    "04.quote_type": Question(
        prompt="TASS writes: The official also accused the Russian media of promoting \"inaccurate claims\" "
               "regarding the US operation in Idlib. Is this statement direct, indirect or mixed?",
        kind="choice",
        options=_quote_options,
        answer=_a06_type,
        hints=["Are all the official's words inside quotation marks, none of them, or only some?",
               "The sentence is in TASS's words, but two of them sit inside quotation marks."],
        explain="Mixed: a paraphrase in TASS's words (\"accused … of promoting\") with a quoted fragment "
                "(\"inaccurate claims\"). The outlet chose which two words to quote.",
    ),
    "04.evidence_aside": Question(
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
    ),
}
