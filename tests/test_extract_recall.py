"""Recall rules of the attribution extractor (issue 13, third round): cue
shapes the earlier rules missed.  Sentences written for these tests."""

from claimlab.extract import extract_attributions


def _cues(text):
    return list(extract_attributions(text, "t").cue)


def _row(text, cue):
    df = extract_attributions(text, "t")
    rows = df[df.cue == cue]
    assert len(rows) == 1, list(df.cue)
    return rows.iloc[0]


def test_noun_after_determiner_or_possessive_is_no_cue():
    assert _cues("The mayor's remarks about the flood drew a crowd to the square.") == []
    assert _cues("The new plans for the harbour were shown to the council on Monday.") == []
    assert _cues("Voters in the valley gave 40 percent support to the school levy.") == []


def test_noun_or_verb_word_is_still_a_verb_after_a_subject():
    r = _row("The ferry company plans to add two boats next spring.", "plans")
    assert r.speaker == "The ferry company"


def test_long_subject_of_a_saying_verb():
    r = _row("Some 40 percent of the farmers polled said the rain came too late.", "said")
    assert r.speaker.startswith("Some 40 percent of the farmers")
    assert r.content == "the rain came too late"


def test_clause_subject_after_leading_but():
    r = _row("But nearly half of the farmers polled say the rain came too late.", "say")
    assert r.speaker.startswith("nearly half of the farmers")
    assert r.content == "the rain came too late"


def test_subordinate_clause_is_no_subject():
    df = extract_attributions("Because most of those polled said the rain was late, the fair moved.", "t")
    assert not any(sp.startswith("Because") for sp in df.speaker)


def test_inverted_speaker_still_wins_over_clause_subject():
    r = _row("The bridge is perfectly safe for trucks, said Ann Moss, the county engineer.", "said")
    assert r.speaker == "Ann Moss, the county engineer" or r.speaker == "Ann Moss"
    assert r.content == "The bridge is perfectly safe for trucks"


def test_learned_two_word_cue():
    from claimlab.extract.vocabulary import LEARNED_PAIRS
    assert "made clear" in LEARNED_PAIRS
    r = _row("The governor made clear that the budget would not pass this year.", "made clear")
    assert r.speaker == "The governor"
    assert r.content == "that the budget would not pass this year"


def test_learned_pairs_hold_no_auxiliary_pairs():
    from claimlab.extract.vocabulary import LEARNED_PAIRS
    assert "has also" not in LEARNED_PAIRS and "a statement" not in LEARNED_PAIRS
    assert all(len(p.split()) == 2 for p in LEARNED_PAIRS)


def test_passive_asked_takes_the_question():
    r = _row("The mayor was asked about the closed bridge during a radio show.", "was asked")
    assert r.content.startswith("about the closed bridge")
    assert r.speaker == ""


def test_asked_by_names_the_asker():
    r = _row("The mayor was asked by Ann Moss whether the bridge would reopen, and she shrugged.",
             "was asked")
    assert r.speaker == "Ann Moss"
    assert r.content == "whether the bridge would reopen"


def test_when_asked_in_mid_sentence():
    text = "“Not this year,” she said when asked whether the bridge would reopen."
    r = _row(text, "asked")
    assert r.content == "whether the bridge would reopen"


def test_participle_after_quote_comma_or_preposition():
    r = _row("The mayor called the plan “a good start,” adding that more money was needed.", "adding")
    assert r.speaker == "The mayor"
    assert r.content == "that more money was needed"
    r = _row("The mayor surprised the council by saying the bridge would close.", "saying")
    assert r.speaker.startswith("The mayor")
    assert r.content == "the bridge would close"


def test_to_say_takes_the_sentence_subject():
    r = _row("The engineer went so far as to say the bridge was unsafe.", "to say")  # "to" is in the cue, as in PolNeAR
    assert r.speaker == "The engineer"
    assert r.content == "the bridge was unsafe"


def test_told_long_object_before_that():
    r = _row("The mayor told cheering farmers in the square that the dam would be built.", "told")
    assert r.speaker == "The mayor"
    assert r.content == "that the dam would be built"


def test_time_phrase_then_that_clause_after_the_cue():
    text = "Ann Moss, engineer of Lake County, said on Sunday that the dam had held."
    r = _row(text, "said")
    assert r.content == "that the dam had held"


def test_clause_subject_with_a_cue_in_a_relative_clause():
    text = "Even the old harbour pilots, who warned about the reef for years, said the lights were too dim."
    r = _row(text, "said")
    assert r.speaker.startswith("the old harbour pilots")
    assert r.content == "the lights were too dim"


def test_plural_nouns_are_no_cues():
    assert _cues("Critics of the harbour plan met on Monday, and their comments filled two pages.") == []
    assert _cues("The policies that the council passed last year cost the town a great deal.") == []


def test_still_now_soon_stand_inside_the_cue():
    r = _row("The mayor now says the bridge will reopen in May.", "now says")
    assert r.speaker == "The mayor"
    assert r.content == "the bridge will reopen in May"


def test_asked_a_long_object_whether():
    text = "A reporter asked the tired old harbour master of the town whether the pier was safe."
    r = _row(text, "asked")
    assert r.content == "whether the pier was safe"


def test_inverted_saying_verb_with_a_long_speaker():
    text = "The dam will hold through the spring, said a handful of Democrats who grew up there."
    r = _row(text, "said")
    assert r.speaker.startswith("a handful of Democrats")
    assert r.content == "The dam will hold through the spring"


def test_participle_opening_the_sentence():
    text = "Citing the new river gauges, Ann Moss shut the gates."
    r = _row(text, "Citing")
    assert r.speaker == "Ann Moss"
    assert r.content == "the new river gauges"
