"""Behaviour tests for claimlab.extract on small invented texts."""

import pandas as pd
import pytest

from claimlab.extract import (
    ATTRIBUTION_COLUMNS,
    FIGURE_COLUMNS,
    Extraction,
    extract,
    extract_attributions,
    extract_figures,
)


def _only(df, **eq):
    sel = df
    for k, v in eq.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, f"expected one row with {eq}, got:\n{df.to_string()}"
    return sel.iloc[0]


def _check_offsets(text, df):
    for r in df.itertuples(index=False):
        assert text[r.content_start:r.content_end] == r.content
        assert (r.start, r.end) == (r.content_start, r.content_end)
        assert text[r.cue_start:r.cue_end] == r.cue
        if r.speaker:
            assert text[r.speaker_start:r.speaker_end] == r.speaker
        else:
            assert pd.isna(r.speaker_start) and pd.isna(r.speaker_end)


# --------------------------------------------------------------------------- schema

def test_columns_and_dtypes():
    df = extract_attributions('"The bridge is safe," the engineer said.', "a1")
    assert list(df.columns) == ATTRIBUTION_COLUMNS
    for c in ("speaker_start", "speaker_end", "cue_start", "cue_end", "content_start",
              "content_end", "start", "end"):
        assert str(df[c].dtype) == "Int64", c
    assert str(df["direct"].dtype) == "boolean"
    for c in ("article_id", "speaker", "cue", "content", "actor", "speaker_type",
              "quote_type", "channel", "origin"):
        assert str(df[c].dtype) == "string", c
    assert df["attribution_id"].iloc[0] == "a1-x1"
    assert df["origin"].iloc[0] == "extracted"


def test_empty_text_gives_typed_empty_frames():
    a = extract_attributions("", "e")
    f = extract_figures("", "e")
    assert len(a) == 0 and list(a.columns) == ATTRIBUTION_COLUMNS
    assert len(f) == 0 and list(f.columns) == FIGURE_COLUMNS
    assert str(f["low"].dtype) == "Float64"


# --------------------------------------------------------------------------- direct quotes

@pytest.mark.parametrize("q_open,q_close", [('"', '"'), ("“", "”")])
def test_direct_quote_speaker_after(q_open, q_close):
    text = f"{q_open}The bridge will reopen next week,{q_close} the engineer said."
    df = extract_attributions(text, "d")
    r = _only(df, cue="said")
    assert r.speaker == "the engineer"
    assert r.content == f"{q_open}The bridge will reopen next week,{q_close}"
    assert r.quote_type == "direct" and bool(r.direct) is True
    assert r.speaker_type == "anonymous"
    assert r.actor == "engineer"
    _check_offsets(text, df)


def test_direct_quote_inverted_speaker():
    text = "“Nobody expected the vote to be this close,” said Maria Keller, a council member."
    r = _only(extract_attributions(text), cue="said")
    assert r.speaker.startswith("Maria Keller")
    assert r.content.startswith("“Nobody expected")
    assert r.speaker_type == "named person"


def test_single_curly_quotes_are_direct():
    text = "‘We have seen no evidence of that,’ the spokesman said."
    r = _only(extract_attributions(text), cue="said")
    assert r.content == "‘We have seen no evidence of that,’"
    assert r.quote_type == "direct"


def test_speaker_colon_quote():
    text = 'The minister said: "Our position has not changed at all."'
    df = extract_attributions(text)
    r = _only(df, cue="said")
    assert r.speaker == "The minister"
    assert r.content == '"Our position has not changed at all."'
    assert r.quote_type == "direct"
    _check_offsets(text, df)


def test_interrupted_quote_gives_two_rows_with_one_cue():
    text = ('"We have studied the proposal carefully," the source said, '
            '"and we will answer within a week."')
    df = extract_attributions(text, "i")
    assert len(df) == 2
    assert df["cue_start"].nunique() == 1
    assert set(df["speaker"]) == {"the source"}
    assert df["content"].tolist() == ['"We have studied the proposal carefully,"',
                                      '"and we will answer within a week."']
    _check_offsets(text, df)


def test_follow_on_quote_after_attribution_sentence():
    text = ('"The talks were useful," the source said. '
            '"A second round is planned for the spring."')
    df = extract_attributions(text)
    assert len(df) == 2
    assert df["content"].iloc[1] == '"A second round is planned for the spring."'
    assert df["speaker"].iloc[1] == "the source"


def test_pronoun_resolves_to_previous_named_speaker():
    text = ('Anna Berg, the agency director, said the budget would shrink. '
            '"We will have to close two offices," she added.')
    df = extract_attributions(text)
    r = _only(df, cue="added")
    assert r.speaker == "she"
    assert r.actor == "Anna Berg"
    assert r.speaker_type == "named person"


def test_unresolved_pronoun_is_anonymous():
    text = '"It was a mistake," he said.'
    r = _only(extract_attributions(text), cue="said")
    assert r.speaker == "he" and r.speaker_type == "anonymous"


# --------------------------------------------------------------------------- indirect

def test_indirect_said_that_runs_to_sentence_end():
    text = "The mayor said that the new tram line would open in June. Traffic was light."
    df = extract_attributions(text)
    r = _only(df, cue="said")
    assert r.speaker == "The mayor"
    assert r.content == "that the new tram line would open in June"
    assert r.quote_type == "indirect" and bool(r.direct) is False
    _check_offsets(text, df)


def test_indirect_without_that_and_institution():
    text = "The Foreign Ministry warned the sanctions would hurt ordinary people."
    r = _only(extract_attributions(text), cue="warned")
    assert r.speaker == "The Foreign Ministry"
    assert r.content == "the sanctions would hurt ordinary people"
    assert r.speaker_type == "institution"


def test_content_first_then_speaker_at_sentence_end():
    text = "The plant will stay closed until the inspection ends, officials said."
    df = extract_attributions(text)
    r = _only(df, cue="said")
    assert r.speaker == "officials"
    assert r.content == "The plant will stay closed until the inspection ends"
    assert r.speaker_type == "anonymous"
    _check_offsets(text, df)


def test_according_to_first_and_last():
    text = ("According to the health ministry, the clinic treated 40 patients. "
            "The road was blocked for hours, according to local residents.")
    df = extract_attributions(text)
    first = _only(df, speaker="the health ministry")
    assert first.cue == "According to"
    assert first.content == "the clinic treated 40 patients"
    last = _only(df, speaker="local residents")
    assert last.content == "The road was blocked for hours"
    _check_offsets(text, df)


def test_told_sets_channel():
    text = "A senior diplomat told TASS that the meeting had been postponed."
    r = _only(extract_attributions(text), cue="told")
    assert r.speaker == "A senior diplomat"
    assert r.channel == "TASS"
    assert r.content == "that the meeting had been postponed"
    assert r.speaker_type == "anonymous"


def test_no_channel_when_not_told():
    r = _only(extract_attributions("The council said the budget was approved."), cue="said")
    assert r.channel == ""


def test_mixed_quote():
    text = 'The official called the report "deeply misleading and politically motivated."'
    df = extract_attributions(text)
    r = _only(df, speaker="The official")
    assert r.quote_type == "mixed"
    assert bool(r.direct) is False
    assert '"deeply misleading' in r.content


def test_quote_inside_content_is_not_a_second_attribution():
    text = 'She said the mayor had "told us nothing," which angered residents.'
    df = extract_attributions(text)
    assert len(df) == 1
    assert df["quote_type"].iloc[0] == "mixed"


def test_reportedly_has_no_speaker():
    text = "The minister reportedly resigned after the vote."
    df = extract_attributions(text)
    r = _only(df, cue="reportedly")
    assert r.speaker == "" and pd.isna(r.speaker_start) and pd.isna(r.speaker_end)
    assert r.content == "The minister reportedly resigned after the vote"
    _check_offsets(text, df)


def test_headline_dash_attribution():
    text = "US concerned by possible offensive near the border — Department of State\n\nBody text here."
    df = extract_attributions(text)
    r = _only(df, cue="—")
    assert r.speaker == "Department of State"
    assert r.content == "US concerned by possible offensive near the border"
    assert r.speaker_type == "institution"
    _check_offsets(text, df)


def test_plain_narration_has_no_attributions():
    text = "The ferry left the harbour at noon. Heavy rain fell across the region on Sunday."
    assert len(extract_attributions(text)) == 0


# --------------------------------------------------------------------------- figures

def _fig(text, **eq):
    return _only(extract_figures(text, "f"), **eq)


def test_figure_exact_count():
    r = _fig("Officials said 26 people were killed in the attack.", measure="killed")
    assert (r.low, r.high) == (26, 26)
    assert r.claimant == "Officials"
    assert r.qualifier == ""


def test_figure_lower_bound_qualifier():
    r = _fig("More than 4,600 civilians have been killed since March.", measure="civilians killed")
    assert r.low == 4600 and pd.isna(r.high)
    assert r.qualifier == "more than"
    assert r.claimant == ""  # outlet states it


def test_figure_upper_bound_qualifier():
    r = _fig("Almost 5,500 people were injured, according to the health department.",
             measure="injured")
    assert pd.isna(r.low) and r.high == 5500
    assert r.qualifier == "almost"
    assert r.claimant == "health department"


@pytest.mark.parametrize("text", [
    "The strike left numerous casualties, the governor said.",
    "An unspecified number of casualties was reported near the border.",
    "Fatalities were reported after the shelling.",
])
def test_vague_figures_stay_missing_never_zero(text):
    df = extract_figures(text)
    assert len(df) == 1
    assert df["low"].isna().all() and df["high"].isna().all()


def test_zero_strikes():
    r = _fig("The coalition did not carry out a single strike in the area.", measure="strikes")
    assert (r.low, r.high) == (0, 0)


def test_number_words_and_share():
    r = _fig("Seventy percent of the strikes hit residential areas, the monitor claimed.",
             measure="share of strikes")
    assert r.low == 70 and r.unit == "percent"
    assert r.claimant == "monitor"
    r = _fig("Ten soldiers were wounded overnight.", measure="injured")
    assert r.low == 10


def test_dozens_is_a_lower_bound():
    r = _fig("Dozens of people were killed overnight.", measure="killed")
    assert r.low == 24 and pd.isna(r.high)


def test_decimal_distance():
    r = _fig("The convoy stopped 12.5 miles from the city.", measure="distance")
    assert r.low == 12.5 and r.unit == "miles"


def test_targets_hit_and_destroyed():
    df = extract_figures("The army said it hit 35 targets and destroyed 12 targets overnight.")
    assert dict(zip(df["measure"], df["low"])) == {"targets hit": 35, "targets destroyed": 12}


def test_years_are_not_figures():
    assert len(extract_figures("In 2016 the ceasefire collapsed.")) == 0


# --------------------------------------------------------------------------- batch

def test_extract_many_matches_single_calls():
    texts = {
        "a": '"We are ready," the commander said. About 300 people were displaced.',
        "b": "According to the report, 12 strikes were carried out.",
    }
    attrs, figs = extract(texts)
    assert set(attrs["article_id"]) == {"a", "b"}
    single = extract_attributions(texts["a"], "a")
    got = attrs[attrs["article_id"] == "a"].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, single)
    assert list(figs.columns) == FIGURE_COLUMNS
    assert _only(figs, article_id="b").measure == "strikes"
    assert _only(figs, article_id="b").claimant == "report"


def test_extract_parallel_equals_serial():
    texts = {f"n{i}": f'"Item {i} is fine," the clerk said. {i + 3} people were injured.'
             for i in range(40)}
    a1, f1 = extract(texts, workers=1)
    a2, f2 = extract(texts, workers=2)
    pd.testing.assert_frame_equal(a1, a2)
    pd.testing.assert_frame_equal(f1, f2)


def test_extraction_runs_come_in_order_and_add_up():
    texts = {f"n{i}": f'"Item {i} is fine," the clerk said. {i + 3} people were injured.'
             for i in range(40)}
    a1, f1 = extract(texts, workers=1)
    for kwargs in ({"workers": 2}, {"workers": 1, "serial_run": 7}):
        runs = list(Extraction(texts, **kwargs))
        done = [d for d, _, _ in runs]
        assert done == sorted(done) and done[-1] == len(texts) and len(runs) > 1
        pd.testing.assert_frame_equal(pd.concat([a for _, a, _ in runs], ignore_index=True), a1)
        pd.testing.assert_frame_equal(pd.concat([f for _, _, f in runs], ignore_index=True), f1)


def test_extraction_closed_early_leaves_no_workers():
    import multiprocessing
    texts = {f"n{i}": f"The clerk said {i} people were injured." for i in range(40)}
    running = Extraction(texts, workers=2)
    next(iter(running))
    running.close()
    assert multiprocessing.active_children() == []


# --------------------------------------------------------------------------- figures: linear time

def _numbers_article(n: int) -> str:
    """One article of ``n`` short sentences, each with a counted figure, half
    of them inside an attribution's content."""
    return " ".join(
        (f"Officials said {i % 97 + 2} people were killed in village {i}." if i % 2 else
         f"About {i % 89 + 3} people were injured near road {i}.") for i in range(n))


def _best_of(fn, repeat: int = 3) -> float:
    import time
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def test_figure_extraction_time_grows_linearly():
    """Four times the sentences take about four times as long (it was about
    fourteen: each figure was compared with every figure and content before it)."""
    small, large = _numbers_article(2000), _numbers_article(8000)
    _, figs = extract({"a": large}, workers=1)
    assert len(figs) == 8000  # every sentence's figure is found, none lost
    t_small = _best_of(lambda: extract({"a": small}, workers=1))
    t_large = _best_of(lambda: extract({"a": large}, workers=1))
    ratio = t_large / t_small
    assert ratio < 6, f"2,000 sentences {t_small:.3f} s, 8,000 {t_large:.3f} s: ratio {ratio:.1f}"


def test_figure_in_a_content_gets_that_speaker_among_many():
    text = _numbers_article(400)
    attrs, figs = extract({"a": text}, workers=1)
    inside = figs[figs["text"].str.contains("killed")]
    outside = figs[figs["text"].str.contains("injured")]
    assert len(inside) == 200 and len(outside) == 200
    assert set(inside["claimant"]) == {"Officials"}
    assert set(outside["claimant"]) == {""}


# --------------------------------------------------------------------------- learned words, univocal output

def test_learned_words_file_is_read_and_thresholds_apply(tmp_path):
    from claimlab.extract.vocabulary import learned_cues, learned_words
    p = tmp_path / "w.tsv"
    p.write_text("# comment\ncue\techoed\t16\t21\t12\ncue\tto\t1754\t19878\t610\n"
                 "cue\tgoofily\t5\t6\t1\nsource\tpollster\t9\t12\t7\n", encoding="utf-8")
    words = learned_words(p)
    assert words["source"]["pollster"] == (9, 12, 7)
    # "to": a small share of its uses; "goofily": one text (and an adverb)
    assert learned_cues(words["cue"], min_times=4, min_texts=3, min_share=0.4) == {"echoed"}
    with pytest.warns(UserWarning, match="hand-made word lists only"):
        assert learned_words(tmp_path / "absent.tsv") == {}


def test_learned_words_file_with_a_bad_line_says_where(tmp_path):
    from claimlab.extract.vocabulary import learned_words
    p = tmp_path / "w.tsv"
    p.write_text("cue\techoed\t16\t21\t12\ncue\tsaid\tmany\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"w\.tsv, line 2"):
        learned_words(p)


def test_shipped_learned_cues_are_cues():
    from claimlab.extract.vocabulary import CUE_FORMS, LEARNED_CUES
    assert LEARNED_CUES and LEARNED_CUES <= CUE_FORMS
    text = "The senator echoed that the plan was unfair to farmers."
    row = _only(extract_attributions(text), cue="echoed")
    assert row["speaker"] == "The senator"
    assert row["content"] == "that the plan was unfair to farmers"  # PolNeAR keeps "that"


def test_a_cue_inside_another_statement_is_not_a_statement_of_its_own():
    text = "The mayor said that the governor denied any plan to close the bridge."
    df = extract_attributions(text)
    assert list(df["cue"]) == ["said"]
    assert "denied" in df["content"].iloc[0]


def test_univocal_keeps_separate_statements():
    text = "The mayor said the bridge is safe. The governor denied that the bridge would close."
    df = extract_attributions(text)
    assert sorted(df["cue"]) == ["denied", "said"]


# --------------------------------------------------------------------------- source noun phrases

@pytest.mark.parametrize("text, speaker", [
    ("Longtime Democratic pollster Pat Caddell said the race was close.",
     "Longtime Democratic pollster Pat Caddell"),
    ("In Iowa, GOP frontrunner Donald Trump said he would win.", "GOP frontrunner Donald Trump"),
    ("Yesterday Trump said he would win.", "Trump"),
    ("When the polls closed Trump said he would win.", "Trump"),
])
def test_source_takes_in_titles_and_modifiers_back_to_the_clause_start(text, speaker):
    assert _only(extract_attributions(text), cue="said")["speaker"] == speaker


# --------------------------------------------------------------------------- names

def test_names_are_clean_noun_phrases():
    from claimlab.extract.names import clean_name, is_clean_name, name_problem
    for good in ("Richards", "GOP frontrunner Donald Trump", "the Secretary of State", "U.S.", "the King",
                 "Martin Luther King Jr.", "52 percent of voters", "his early-morning tweets"):
        assert is_clean_name(good), (good, name_problem(good))
    for bad, why in (("Richards.", "ends in"), ("series of similarly coordinated", "not a noun"),
                     ("The Florida senator is", "verb"), ("his campaign and", "ends with"),
                     ("which senator", "starts with"), ("Trump, speaking in Ohio,", "ends in"),
                     ("Ann Moss, an engineer, using the old name", "verb 'using'")):
        assert why in (name_problem(bad) or ""), (bad, name_problem(bad))
    assert clean_name("The Florida senator is") == "The Florida senator"
    assert clean_name("his campaign and") == "his campaign"
    assert clean_name("series of similarly coordinated") == "series"
    assert clean_name("However") == ""
    assert clean_name("Barkley, who said he typically votes") == "Barkley"  # appositive
    assert clean_name("the farm where farmhands") == "farmhands"  # the subject before the cue
    assert clean_name("who") == "who" and is_clean_name("she")  # pronouns, resolved for actors


def test_names_from_a_story_with_poor_phrases():
    text = ("More than 40 people were killed, series of similarly coordinated sources said on Tuesday. "
            '"We counted 12 bodies," said Richards. The Florida senator is said to be angry. '
            "But Smith said the count was wrong.")
    from claimlab.extract.names import is_clean_name
    attrs, figs = extract({"a": text}, workers=1)
    names = [n for n in list(attrs["actor"]) + list(attrs["speaker"]) + list(figs["claimant"]) if n]
    assert names and all(is_clean_name(n) for n in names), names
    assert "Richards" in set(attrs["actor"]) and "Smith" in set(attrs["actor"])
    # the figure inside Richards's quotation is his
    assert _only(figs, text="12 bodies")["claimant"] == "Richards"


def test_pronouns_resolve_to_the_nearest_compatible_named_speaker():
    text = ("Anna Berg, the agency director, said the convoy was late. The ministry said it was on "
            "time. She added that roads were closed. It denied that too. Critics, who said the delay "
            "was deliberate, were angry. \"We are fine,\" he said. Tom Ode said the count was wrong. "
            "He added that the roads were open.")
    df = extract_attributions(text)
    actor = dict(zip(df["cue"] + "@" + df["speaker"], df["actor"]))
    assert actor["added@She"] == "Anna Berg"      # not the ministry, nearer but no person
    assert actor["denied@It"] == "ministry"       # not Anna Berg, nearer but no institution
    assert actor["said@who"] == "Critics"          # the phrase before the comma
    assert actor["said@he"] == "Anna Berg"        # his quotation comes first, but he stands after her
    assert actor["added@He"] == "Tom Ode"         # the nearest person
    assert set(df.loc[df["cue"] == "added", "speaker_type"]) == {"named person"}


def test_coordinated_second_statement_stops_the_first_content():
    text = "The mayor said the bridge is safe, but the engineers warned that the cables are worn."
    df = extract_attributions(text)
    assert _only(df, cue="said")["content"] == "the bridge is safe"
    assert _only(df, cue="warned")["speaker"] == "the engineers"


def test_adverbs_and_auxiliaries_belong_to_the_cue():
    df = extract_attributions("Trump subsequently defended the remarks at a rally in Ohio.")
    row = _only(df, speaker="Trump")
    assert row["cue"] == "subsequently defended"
    df = extract_attributions("Clinton is calling the plan a disaster for workers.")
    assert _only(df, speaker="Clinton")["cue"] == "is calling"


def test_second_verb_of_a_subject_keeps_the_subject():
    text = "Opposition commanders dismissed the claim as propaganda and said their fighters held the bridge."
    df = extract_attributions(text)
    assert set(df["speaker"]) == {"Opposition commanders"}


def test_subject_with_a_lowercase_head_no_list_knows():
    df = extract_attributions("Tunnels are many, and Border Patrol agents described the ground as cheese.")
    assert _only(df, cue="described")["speaker"] == "Border Patrol agents"
    # inside a relative clause the subject is the word after "where", not "the farm"
    df = extract_attributions("It rained hard on the farm where farmhands said the crop was lost.")
    assert list(df["speaker"]) == ["farmhands"]


def test_two_relations_holding_each_others_cue_keep_one():
    df = extract_attributions("The derogatory comments had two goals, the admiral said.")
    assert list(df["cue"]) == ["said"] and list(df["speaker"]) == ["the admiral"]


def test_asked_questions():
    df = extract_attributions("When asked about the wall, Trump said it would be built.")
    row = _only(df, cue="asked about")  # the particle belongs to the cue, as in PolNeAR
    assert row["content"] == "the wall" and row["speaker"] in ("", None) or pd.isna(row["speaker"])
    assert _only(df, cue="said")["speaker"] == "Trump"
    df = extract_attributions("A reporter asked Sanders how he was feeling on caucus day.")
    assert _only(df, cue="asked")["content"] == "how he was feeling on caucus day"


# --------------------------------------------------------------------------- issue 13, second round

def test_modifiers_before_an_appositive_name_belong_to_the_speaker():
    df = extract_attributions("The finance minister, Lou Jiwei, suggested that officials should curb complaints.")
    assert _only(df, cue="suggested")["speaker"] == "The finance minister, Lou Jiwei"


def test_double_apostrophe_quotation_before_speaker_and_cue():
    # a two-word quotation is too short for the quotation rules: the cue rule takes it
    text = "''Quite embarrassing,'' Mr. Rubel said. ''The stock did not do well.''"
    df = extract_attributions(text)
    assert set(df["speaker"]) == {"Mr. Rubel"} and len(df) == 2
    assert set(df["cue_start"]) == {text.index("said")}


@pytest.mark.parametrize("text, speaker", [
    ("Six in 10 say he is at least somewhat decisive.", "Six in 10"),
    ("RNC spokesman Sean Spicer on Thursday evening said the party was not in a crisis.",
     "RNC spokesman Sean Spicer"),
])
def test_subjects_before_a_share_or_a_time_phrase(text, speaker):
    assert _only(extract_attributions(text), cue_start=text.index(" sa") + 1)["speaker"] == speaker


def test_loose_speaker_after_an_inverted_cue_following_a_quotation():
    text = "“She did not like that,” said a 2008 Clinton veteran. “She cut the prep time.”"
    df = extract_attributions(text)
    assert set(df["speaker"]) == {"a 2008 Clinton veteran"}
    # the second quotation continues the statement (same cue)
    assert len(df) == 2 and df["cue_start"].nunique() == 1


def test_no_loose_speaker_from_a_clause_after_the_cue():
    # "that ..." after an inverted cue is no speaker
    df = extract_attributions("“We will see,” said that the talks would go on.")
    assert not (df["speaker"].fillna("") == "that the talks would go on").any()


def test_infinitive_and_outlet_patterns():
    df = extract_attributions("His spokesman declined to comment.")
    row = _only(df, cue="declined")
    assert (row["speaker"], row["content"]) == ("His spokesman", "to comment")
    df = extract_attributions("The pilot was careful, an airport official told The New York Times.")
    row = _only(df, cue="told")
    assert (row["speaker"], row["content"]) == ("an airport official", "The pilot was careful")
    df = extract_attributions("Mr. Band asked her to call the minister at once.")
    assert _only(df, cue="asked")["content"] == "her to call the minister at once"
    # no infinitive, no object-and-infinitive: still no "asked" statement
    assert extract_attributions("Mr. Band asked her a favour on Monday.").empty


def test_a_nested_statement_with_its_own_speaker_cuts_the_outer_content():
    text = ("After the court refused to hear the case, Governor Pat Lee blamed the four judges "
            "for the ruling.")
    df = extract_attributions(text)
    assert "blamed" in set(df["cue"])
    assert "Pat Lee" not in _only(df, cue="refused")["content"]


def test_participle_phrase_takes_the_speaker_of_the_sentence():
    text = "“We have to worry about it,” he said, referring to the comments made by the rival."
    df = extract_attributions(text)
    row = _only(df, cue="referring to")
    assert row["speaker"] == "he" and row["content"].startswith("the comments")


def test_sentence_opening_in_a_poll():
    df = extract_attributions("In the CBS poll, the senator's lead remained in double digits.")
    row = _only(df, cue="In")
    assert (row["speaker"], row["content"]) == ("the CBS poll", "the senator's lead remained in double digits")
    # "in a poll" inside a sentence is not taken (it cost F1 on PolNeAR train)
    assert extract_attributions("He moved to second place in a new survey.").empty


def test_follow_on_quotation_after_a_long_apposition():
    text = ("“You can count early voters,” said Rick Tyler, a spokesman for the senator and his "
            "campaign in the state. “You know who they are.”")
    df = extract_attributions(text)
    assert len(df) == 2 and df["cue_start"].nunique() == 1
    assert set(df["speaker"]) == {"Rick Tyler, a spokesman for the senator and his campaign in the state"}
    assert set(df["actor"]) == {"Rick Tyler"}


@pytest.mark.parametrize("q_open, q_close", [("“", '"'), ('"', "”")])
def test_quotation_with_mismatched_marks(q_open, q_close):
    text = f"{q_open}I fundamentally disagree with the plan,{q_close} said retired general Mick Bednarek."
    df = extract_attributions(text)
    row = _only(df, cue="said")
    assert row["content"] == f"{q_open}I fundamentally disagree with the plan,{q_close}"


def test_possessive_in_an_apposition_before_the_cue():
    df = extract_attributions("Tad Devine, Sanders' senior media adviser, said the rivals were wrong.")
    assert _only(df, cue="said")["speaker"] == "Tad Devine, Sanders' senior media adviser"


@pytest.mark.parametrize("text, speaker", [
    # an inverted speaker keeps its appositives (PolNeAR's sources do)
    ("“The bridge will hold,” said Nora Quill, an engineer from Dayton.", "Nora Quill, an engineer from Dayton"),
    ("The bridge will hold, said Nora Quill, 52, the county engineer, after the test.",
     "Nora Quill, 52, the county engineer"),
    ("The bridge will hold, according to the Harbor Trust, a local charity.", "the Harbor Trust, a local charity"),
    ("“The bridge will hold,” said Nora Quill, 55, of Dayton.", "Nora Quill, 55, of Dayton"),
    ("“The bridge will hold,” said Nora Quill, then the county engineer.", "Nora Quill, then the county engineer"),
    # before the cue too, through a preposition inside the appositive
    ("Nora Quill, an engineer from Dayton, said the bridge would hold.", "Nora Quill, an engineer from Dayton"),
    # an aside, a relative clause or a dateline is no appositive
    ("Nora Quill, in an interview, said the bridge would hold.", "Nora Quill"),
    ("“The bridge will hold,” said Nora Quill, who built it in 1990.", "Nora Quill"),
    ("“The bridge will hold,” said Nora Quill, adding that it was tested.", "Nora Quill"),
    ("“The bridge will hold,” said Nora Quill, surrounded by engineers.", "Nora Quill"),
    # a participle clause after an appositive is not part of it
    ("“The span will hold,” said Nora Quill, a county engineer, using the old name for the bridge.",
     "Nora Quill, a county engineer"),
    ("“The bridge will hold,” said Nora Quill, for example.", "Nora Quill"),
])
def test_appositives_belong_to_the_speaker(text, speaker):
    df = extract_attributions(text)
    _check_offsets(text, df)
    row = df[df["cue"].isin(["said", "according to"])].iloc[0]
    assert row["speaker"] == speaker
    assert row["actor"] == speaker.split(",")[0].removeprefix("the ")


@pytest.mark.parametrize("text, cue, content", [
    # a particle opening the content belongs to the cue
    ("The mayor spoke about the new harbour budget.", "spoke about", "the new harbour budget"),
    ("The mayor warned against a second toll on the bridge.", "warned against", "a second toll on the bridge"),
    ("The council called for a new vote on the harbour.", "called for", "a new vote on the harbour"),
    # more particles ("shrugged off", "fired back"), also after a participle cue
    ("The mayor shrugged off the new harbour audit.", "shrugged off", "the new harbour audit"),
    ("Asked about the harbour, the mayor said the bridge would hold.", "Asked about", "the harbour"),
    # "to" and "as" only after a few verbs ("pointed to", "known as"), not after "expected"
    ("Smith, responding to the new audit, said the harbour was safe.", "responding to", "the new audit"),
    # a noun cue keeps it in the content
    ("The mayor faced criticism of the harbour plan.", "criticism", "of the harbour plan"),
    # "that" stays in the content
    ("The mayor said that the harbour would close.", "said", "that the harbour would close"),
])
def test_particles_and_statements_belong_to_the_cue(text, cue, content):
    df = extract_attributions(text)
    _check_offsets(text, df)
    row = _only(df, cue=cue)
    assert row["content"] == content


@pytest.mark.parametrize("text, speaker", [
    # the noun phrase a speaker completes is taken in, when it opens the clause
    ("The senator from Vermont said the bridge would hold.", "The senator from Vermont"),
    ("After the vote, people close to the mayor said the bridge would hold.", "people close to the mayor"),
    ("Smith and his aides said the bridge would hold.", "Smith and his aides"),
    ("A recent survey by the Harbor Trust found that the bridge would hold.", "A recent survey by the Harbor Trust"),
    # not when a clause comes before the link word
    ("The bridge was built in 1990 and engineers said it would hold.", "engineers"),
])
def test_the_noun_phrase_before_a_speaker(text, speaker):
    df = extract_attributions(text)
    _check_offsets(text, df)
    assert df.iloc[0]["speaker"] == speaker


def test_a_speaker_starts_after_a_paragraph_break():
    text = "8:59 p.m.\n\nNora Quill said the bridge would hold."
    row = _only(extract_attributions(text), cue="said")
    assert row["speaker"] == "Nora Quill" and row["actor"] == "Nora Quill"


@pytest.mark.parametrize("text, speaker, content", [
    # the subject of a passive cue or of "seems" is not who speaks
    ("The new bridge is expected to open in May.", "", "to open in May"),
    ("The harbour plan seemed to please the council.", "", None),
    # the agent after "by" is, and the subject is what the statement is about
    ("The harbour plan was criticized by Nora Quill as too costly.", "Nora Quill", "The harbour plan"),
    ("The harbour plan was criticized by county engineer Nora Quill.", "county engineer Nora Quill", "The harbour plan"),
    # "seems to" before a cue verb keeps the subject
    ("On Monday the mayor seemed to suggest that the bridge would close.", "the mayor", None),
    # a state of mind stays with its subject
    ("The engineers are convinced that the bridge will hold.", "The engineers", "that the bridge will hold"),
])
def test_passive_and_seem_cues(text, speaker, content):
    df = extract_attributions(text)
    _check_offsets(text, df)
    row = df.iloc[0]
    assert row["speaker"] == speaker
    if content is not None:
        assert row["content"] == content


@pytest.mark.parametrize("text, speaker", [
    ("Some said the bridge would hold.", "Some"),
    ("The engineers met, and many said the bridge would hold.", "many"),
])
def test_a_quantifier_alone_is_the_speaker(text, speaker):
    row = _only(extract_attributions(text), cue="said")
    assert row["speaker"] == speaker and row["speaker_type"] == "anonymous"


@pytest.mark.parametrize("text, speaker", [
    # a participle's speaker is the sentence's subject, after an opening phrase or dateline
    ("In a debate on Monday, Nora Quill lowered her estimate, saying the bridge was sound.", "Nora Quill"),
    ("DAYTON — The county council delayed the vote, saying the bridge was sound.", "The county council"),
    ("But he kept the toll, saying the bridge was sound.", "he"),
])
def test_the_subject_of_a_participle_after_an_opening_phrase(text, speaker):
    row = _only(extract_attributions(text), cue="saying")
    assert row["speaker"] == speaker


@pytest.mark.parametrize("text, speaker", [
    # a possessive marked by its apostrophe alone
    ("Sanders’ campaign said the plan would fail.", "Sanders’ campaign"),
    # a determiner and nouns after a subordinator are the subject, not a clause
    ("After the appeals court refused to act, the governor said the plan would fail.", "the appeals court"),
    ("When the polls closed Trump said he had won.", "Trump"),
])
def test_subjects_after_a_possessive_or_a_subordinator(text, speaker):
    df = extract_attributions(text)
    assert df.iloc[0]["speaker"] == speaker


@pytest.mark.parametrize("text, speaker, cue", [
    # an auxiliary clinging to a pronoun belongs to the cue, and the pronoun resolves
    ("He’s not saying what the council will do.", "He", "’s not saying"),
    ("They’re supportive of the new bridge plan.", "They", "’re supportive of"),
    ("She’s studying the plan and says the bridge will fail.", "She", "says"),
    # a possessive stays with the name
    ("Trump’s campaign said the rally would go ahead.", "Trump’s campaign", "said"),
    # no particle for a time phrase or a passive
    ("Cruz has said for weeks that the bridge is safe.", "Cruz", "has said"),
])
def test_clitic_auxiliaries_and_particles(text, speaker, cue):
    df = extract_attributions(text)
    _check_offsets(text, df)
    row = df.iloc[0]
    assert (row["speaker"], row["cue"]) == (speaker, cue)


@pytest.mark.parametrize("text, speaker", [
    # an inverted speaker runs over lowercase nouns and modifiers
    ("“The bridge will hold,” said one former senior agency official.", "one former senior agency official"),
    ("“The bridge will hold,” said Dayton councilmember Nora Quill when asked.", "Dayton councilmember Nora Quill"),
    # and stops at a function word, and a participle after it shares it
    ("“The bridge will hold,” said county engineer Nora Quill during the test, adding that it was safe.",
     "county engineer Nora Quill"),
])
def test_an_inverted_speaker_with_lowercase_nouns(text, speaker):
    df = extract_attributions(text)
    _check_offsets(text, df)
    assert set(df["speaker"]) == {speaker}


def test_a_subject_shared_by_two_cues_keeps_its_appositive():
    text = "Nora Quill, a county engineer, said the bridge was sound and questioned why it was closed."
    df = extract_attributions(text)
    _check_offsets(text, df)
    assert set(df["speaker"]) == {"Nora Quill, a county engineer"}
    assert len(df) == 2


def test_an_inverted_speaker_keeps_of_a_named_body():
    df = extract_attributions("“The bridge will hold,” said Nora Quill of the Harbor Trust.")
    assert _only(df, cue="said")["speaker"] == "Nora Quill of the Harbor Trust"


def test_a_title_does_not_end_an_according_to_source():
    df = extract_attributions("The bridge will hold, according to Mr. Quill of the Harbor Trust.")
    assert _only(df, cue="according to")["speaker"] == "Mr. Quill of the Harbor Trust"


# --------------------------------------------------------------------------- issue 13, fourth round

@pytest.mark.parametrize("text, cue", [
    # "in a statement" joins the cue when the sentence ends after it or "that" follows
    ("“The bridge will hold,” the mayor said in a statement.", "said in a statement"),
    ("The mayor said in a statement that the bridge would hold.", "said in a statement"),
    ("“The bridge will hold,” the mayor wrote on Twitter.", "wrote on Twitter"),
    ("The mayor has said repeatedly that the bridge would hold.", "has said repeatedly"),
    # but not before ", adding ...", where PolNeAR and the course's tables keep it out
    ("“The bridge will hold,” the mayor said in a statement, adding that it was safe.", "said"),
])
def test_a_channel_phrase_after_the_cue(text, cue):
    df = extract_attributions(text)
    _check_offsets(text, df)
    assert df.iloc[0]["cue"] == cue


@pytest.mark.parametrize("text, cue", [
    # an infinitive's "to" and an auxiliary before "both" / "since" belong to the cue
    ("The mayor and the governor have both urged the council to rebuild the bridge.", "have both urged"),
    ("The mayor has since said that the bridge would hold.", "has since said"),
    ("The vote put pressure on the mayor to say whether the bridge would hold.", "to say"),
])
def test_words_before_the_cue_verb(text, cue):
    df = extract_attributions(text)
    _check_offsets(text, df)
    assert cue in list(df["cue"])


@pytest.mark.parametrize("text", [
    "The harbour board issued a statement saying the bridge would hold.",
    "The harbour board put out a statement on Friday saying the bridge would hold.",
])
def test_issued_a_statement_saying_is_one_cue(text):
    df = extract_attributions(text)
    _check_offsets(text, df)
    row = df.iloc[0]
    assert row["cue"].startswith(("issued", "put out")) and row["cue"].endswith("saying")
    assert row["content"] == "the bridge would hold"


@pytest.mark.parametrize("text, speaker", [
    # a noun ending in -ly and "those" + participle end a clean name
    ("Then a member of the family suggested the bridge would hold.", "a member of the family"),
    ("Most of those surveyed say the bridge will hold.", "Most of those surveyed"),
    # an -ing adjective inside a name ("leading Democrats")
    ("Clinton and leading Democrats said the bridge would hold.", "Clinton and leading Democrats"),
    # a time phrase between speaker and cue is not part of the speaker
    ("A judge last month ordered that the bridge be closed.", "A judge"),
    # "Aides to X": a noun of service takes "to" and the person
    ("Aides to Mr. Quill say the bridge was weak.", "Aides to Mr. Quill"),
])
def test_names_ending_in_ly_or_ed_nouns(text, speaker):
    df = extract_attributions(text)
    _check_offsets(text, df)
    assert df.iloc[0]["speaker"] == speaker


def test_similarly_coordinated_is_still_no_name():
    from claimlab.extract.names import name_problem
    assert name_problem("series of similarly coordinated") is not None
    assert name_problem("a member of the family") is None


def test_a_passive_cue_ending_in_a_particle_has_no_speaker():
    # "was widely seen as": the subject is what is seen, not who speaks
    df = extract_attributions("The harbour plan was widely seen as a failure of the council.")
    assert len(df) == 1 and (df.iloc[0]["speaker"] in ("", None) or pd.isna(df.iloc[0]["speaker"]))


def test_a_shared_cue_stays_shared_when_widened():
    text = "“The bridge will hold,” the mayor said in a statement. “It was built to last.”"
    df = extract_attributions(text)
    _check_offsets(text, df)
    assert len(df) == 2 and set(df["cue"]) == {"said in a statement"}


@pytest.mark.parametrize("text, cue, content", [
    # the feeling noun after "expressed" / "voiced" belongs to the cue, with its preposition
    ("The mayor expressed sharp reservations about the bridge plan.", "expressed sharp reservations about",
     "the bridge plan"),
    ("The mayor voiced concern that the bridge would fail.", "voiced concern", "that the bridge would fail"),
])
def test_expressed_concern_is_one_cue(text, cue, content):
    df = extract_attributions(text)
    _check_offsets(text, df)
    row = df.iloc[0]
    assert (row["cue"], row["content"]) == (cue, content)
