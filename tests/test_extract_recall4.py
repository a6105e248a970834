"""Behaviour tests for the fourth round of cue shapes (issue 13), on invented sentences."""

from claimlab.extract import extract_attributions


def _rows(text):
    df = extract_attributions(text)
    for r in df.itertuples(index=False):
        assert text[r.content_start:r.content_end] == r.content
        assert text[r.cue_start:r.cue_end] == r.cue
    return df


def _only_content(df, speaker):
    rows = df[df["speaker"] == speaker]
    assert len(rows) == 1, df.to_string()
    return rows.iloc[0]["content"]


def test_a_line_break_after_an_abbreviation_ends_the_sentence():
    text = ("The mayor said the new plant would bring jobs back to the U.S.\n\n"
            "“It is the right thing to do,” she said.")
    df = _rows(text)
    assert set(df["cue"]) == {"said"} and len(df) == 2
    first = df[df["speaker"] == "The mayor"].iloc[0]
    assert first["content"].endswith("back to the U.S")
    assert "right thing" in df[df["speaker"] == "she"].iloc[0]["content"]


def test_an_abbreviation_inside_a_line_keeps_the_sentence():
    df = _rows("The mayor said the U.S. Army would build the bridge.")
    assert df.iloc[0]["content"] == "the U.S. Army would build the bridge"


def test_a_relative_clause_with_its_own_cue_ends_the_outer_content():
    text = "The mayor praised the new bridge plan, which the engineer called a fine design for the river."
    df = _rows(text)
    assert set(df["cue"]) == {"praised", "called"}
    assert df[df["cue"] == "praised"].iloc[0]["content"] == "the new bridge plan"
    assert df[df["cue"] == "called"].iloc[0]["speaker"] == "the engineer"


def test_a_who_clause_with_its_own_cue_ends_the_outer_content():
    text = "The mayor said the delay was the fault of Nora Quill, who says the budget never allowed for it."
    df = _rows(text)
    assert set(df["cue"]) == {"said", "says"}
    assert df[df["cue"] == "said"].iloc[0]["content"] == "the delay was the fault of Nora Quill"
    assert df[df["cue"] == "says"].iloc[0]["content"] == "the budget never allowed for it"


def test_a_quotation_after_a_colon_with_its_own_speaker_ends_the_outer_content():
    text = "The mayor told the council that the bridge had aged badly: “It will not last the winter,” she warned."
    df = _rows(text)
    assert set(df["cue"]) == {"told", "warned"}
    assert df[df["cue"] == "told"].iloc[0]["content"].endswith("the bridge had aged badly")
    assert df[df["cue"] == "warned"].iloc[0]["content"].strip("“”,") == "It will not last the winter"


def test_a_spaced_hyphen_opens_a_nested_clause_like_a_dash():
    text = "Some residents say the bridge is too narrow - others say it has never been safer."
    df = _rows(text)
    assert _only_content(df, "Some residents") == "the bridge is too narrow"
    others = df[df["speaker"] == "others"]
    assert len(others) == 1 and others.iloc[0]["content"].startswith("it has never been safer")


def test_a_second_coordinated_cue_takes_the_earlier_cues_speaker():
    text = "At the hearing, Nora Quill repeated her warning and stressed the need to close the old pier."
    df = _rows(text)
    row = df[df["cue"] == "stressed"]
    assert len(row) == 1
    assert row.iloc[0]["speaker"] == "Nora Quill"
    assert row.iloc[0]["content"] == "the need to close the old pier"


def test_a_cue_ending_its_paragraph_with_a_colon_takes_the_next_paragraph():
    text = ("In a speech last spring, the harbor master said:\n\n"
            "The pier has served us for a century. It will not serve us for another.\n\n"
            "The council meets again in June.")
    df = _rows(text)
    row = df[df["cue"] == "said"]
    assert len(row) == 1
    assert row.iloc[0]["speaker"] == "the harbor master"
    assert row.iloc[0]["content"] == "The pier has served us for a century. It will not serve us for another."


def test_a_sentence_may_end_in_a_dotted_abbreviation():
    text = "The clerk said the polls close at 8 p.m. He says the count will take two days."
    df = _rows(text)
    assert _only_content(df, "The clerk") == "the polls close at 8 p.m"
    assert _only_content(df, "He") == "the count will take two days"


def test_a_name_after_us_stays_in_the_sentence():
    df = _rows("The mayor said U.S. Army engineers would inspect the bridge.")
    assert _only_content(df, "The mayor") == "U.S. Army engineers would inspect the bridge"


def test_a_subject_before_an_aside_in_dashes():
    for text in ("Nora Quill - the county engineer since 2009 - warned that the bridge would fail.",
                 "Nora Quill — the county engineer since 2009 — warned that the bridge would fail."):
        df = _rows(text)
        assert _only_content(df, "Nora Quill") == "that the bridge would fail"
