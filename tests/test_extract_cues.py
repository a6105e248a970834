"""Cue spans and cue shapes of claimlab.extract (issue 13, cue round), on invented sentences."""

from claimlab.extract import extract_attributions
from claimlab.extract.segment import quotes


def _rows(text):
    df = extract_attributions(text)
    for r in df.itertuples(index=False):
        assert text[r.cue_start:r.cue_end] == r.cue
    return df


def _cues(text):
    return list(_rows(text)["cue"])


# --------------------------------------------------------------------------- quotation marks

def test_curly_opener_closed_by_a_straight_mark():
    text = 'Rain fell. “We will fix the road soon," the mayor said. "Nobody should worry about it.”'
    spans = [text[a:b] for a, b in quotes(text)]
    assert spans == ['“We will fix the road soon,"', '"Nobody should worry about it.”']
    row = _rows(text).iloc[0]
    assert (row["speaker"], row["cue"]) == ("the mayor", "said")
    assert row["content"] == '“We will fix the road soon,"'


def test_curly_opener_used_as_closing_mark():
    text = "“We will win this county easily,“ the organizer said. “Then we go west.”"
    spans = [text[a:b] for a, b in quotes(text)]
    assert spans[0] == "“We will win this county easily,“"


def test_nested_straight_quote_inside_curly_quote_stays_inside():
    text = 'She shrugged. “They called it "a plan" but it never was one,” she said.'
    assert [text[a:b] for a, b in quotes(text)] == [text[text.index("“"):text.index("”") + 1]]


# --------------------------------------------------------------------------- adverbs before the cue

def test_long_adverb_before_cue_is_whole():
    row = _rows("Years later, the governor disingenuously claimed that the budget was balanced.").iloc[0]
    assert (row["speaker"], row["cue"]) == ("the governor", "disingenuously claimed")
    row = _rows("Last week, the senators enthusiastically endorsed the nomination of a judge.").iloc[0]
    assert row["cue"] == "enthusiastically endorsed"


# --------------------------------------------------------------------------- nested saying verbs

def test_saying_verb_inside_another_content_keeps_its_own_row():
    df = _rows("The senator said the deal was dead, the aide told reporters on Friday.")
    assert set(zip(df["speaker"], df["cue"])) == {("The senator", "said"), ("the aide", "told")}
    df = _rows("He hoped, he said, that the paper would stop printing rumors now.")
    row = df[df["cue"] == "said"].iloc[0]
    assert (row["speaker"], row["content"]) == ("he", "that the paper would stop printing rumors now")


def test_saying_verb_in_a_what_clause_stays_inside():
    df = _rows("The governor never explained what she said about the budget last year.")
    assert list(df["cue"]) == ["never explained"]


# --------------------------------------------------------------------------- cue shapes

def test_continued_to_verb_is_one_cue():
    row = _rows("The governor continued to push for a new tax on sugar.").iloc[0]
    assert (row["cue"], row["content"]) == ("continued to push for", "a new tax on sugar")
    row = _rows("Smith continued to portray the migrants as a threat.").iloc[0]
    assert (row["cue"], row["content"]) == ("continued to portray", "the migrants as a threat")


def test_side_by_side_cues_with_one_content_join():
    df = _rows("The senator continued to insist that the plan would work.")
    assert list(zip(df["speaker"], df["cue"], df["content"])) == [
        ("The senator", "continued to insist", "that the plan would work")]


def test_sentence_opening_asked_with_time_or_asker():
    df = _rows("Asked on Monday whether he would run again, the governor said he had not decided.")
    row = df[df["cue"] == "Asked"].iloc[0]
    assert row["content"] == "whether he would run again"
    df = _rows("Asked by a reporter if she had practiced her speech, she said no.")
    row = df[df["cue"] == "Asked"].iloc[0]
    assert (row["speaker"], row["content"]) == ("a reporter", "if she had practiced her speech")


def test_asked_someone_about_something():
    row = _rows("The voter asked Smith about the deportations under the last president.").iloc[0]
    assert (row["speaker"], row["cue"], row["content"]) == (
        "The voter", "asked", "the deportations under the last president")
    assert _rows("He asked her to call him.").iloc[0]["content"] == "her to call him"


def test_negated_and_modal_auxiliaries_join_the_cue():
    assert _cues("The page doesn’t mention that the law was repealed.") == ["doesn’t mention"]
    row = _rows("The moderators didn't ask her about the inquiry into the charity.").iloc[0]
    assert (row["speaker"], row["cue"]) == ("The moderators", "didn't ask")
    assert _cues("He won't say whether he will run.") == ["won't say"]
    assert _cues("Smith Just Announced Who He Would Pick As His Running Mate.") == ["Just Announced"]


def test_verb_tails_join_the_cue():
    row = _rows("The aide distanced himself from the remarks about the judge.").iloc[0]
    assert (row["cue"], row["content"]) == ("distanced himself from", "the remarks about the judge")
    row = _rows("The mayor brushed aside the criticism of his plan.").iloc[0]
    assert (row["cue"], row["content"]) == ("brushed aside", "the criticism of his plan")
    row = _rows("She has long been known for her blunt speeches about the budget.").iloc[0]
    assert (row["cue"], row["content"]) == ("has long been known for", "her blunt speeches about the budget")


# --------------------------------------------------------------------------- new cue shapes

def test_made_it_clear_is_a_cue():
    row = _rows("The senator made it clear that she would vote against the bill.").iloc[0]
    assert (row["speaker"], row["cue"], row["content"]) == (
        "The senator", "made it clear", "that she would vote against the bill")


def test_as_someone_put_it():
    row = _rows("As the professor put it, the voters are no longer at the gate.").iloc[0]
    assert (row["speaker"], row["cue"], row["content"]) == (
        "the professor", "put it", "the voters are no longer at the gate")
    row = _rows("The governor is a fighter, as his aide Jane Roe puts it.").iloc[0]
    assert (row["speaker"], row["cue"], row["content"]) == (
        "his aide Jane Roe", "puts it", "The governor is a fighter")
    df = _rows("As Tom Lee, a former secretary of the navy, put it: “The ships are already in port.”")
    row = df[df["cue"] == "put it"].iloc[0]
    assert row["speaker"] == "Tom Lee, a former secretary of the navy"
    assert len(_rows("He put it in the bank before noon.")) == 0


def test_went_on_before_or_after_a_quotation_only():
    df = _rows("“We ended that program and it was a mistake,” he went on. “It gave us good data.”")
    assert set(df["cue"]) == {"went on"} and set(df["speaker"]) == {"he"}
    assert len(_rows("He went on to win the primary in the state.")) == 0


def test_this_after_the_cue_opens_a_content_unless_a_time():
    row = _rows("Critics said this is bad for the party.").iloc[0]
    assert (row["speaker"], row["cue"], row["content"]) == ("Critics", "said", "this is bad for the party")
    row = _rows("“We will win the county,” the mayor said this week.").iloc[0]
    assert row["content"] == "“We will win the county,”"
