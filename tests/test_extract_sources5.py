"""Behaviour tests for the speaker (source) spans of claimlab.extract, round 5,
on sentences invented for them."""

import pytest

from claimlab.extract import extract_attributions
from claimlab.extract.names import name_problem


def _speakers(text):
    df = extract_attributions(text)
    for r in df.itertuples(index=False):
        if r.speaker:
            assert text[r.speaker_start:r.speaker_end] == r.speaker
            assert name_problem(r.speaker) is None
    return list(df["speaker"])


@pytest.mark.parametrize("text, speaker", [
    # modifiers between a link word and the head are part of the phrase
    ("Nine in 10 Democratic registered voters say the bridge will hold.",
     "Nine in 10 Democratic registered voters"),
    ("A 2011 report by the progressive Center for Tax Fairness found that the levy was low.",
     "A 2011 report by the progressive Center for Tax Fairness"),
])
def test_modifiers_before_a_link_word(text, speaker):
    assert _speakers(text)[0] == speaker


@pytest.mark.parametrize("text, speaker", [
    # a participle after a poll or document, with its time, place or agent
    ("A poll released Monday showed the mayor ahead.", "A poll released Monday"),
    ("The report published Tuesday found that the river was dirty.", "The report published Tuesday"),
    ("Exit polls taken in Oregon showed the mayor ahead.", "Exit polls taken in Oregon"),
    ("Disclosures filed Sunday night by Better Towns showed the group spent money.",
     "Disclosures filed Sunday night by Better Towns"),
    # no participle: nothing changes
    ("The report found that the river was dirty.", "The report"),
])
def test_participle_after_the_head(text, speaker):
    assert _speakers(text)[0] == speaker


@pytest.mark.parametrize("text, speaker", [
    # an -ing word before the noun it modifies stays in an appositive
    ("Ralby, a creative writing professor, said he holds his roots close.", "Ralby, a creative writing professor"),
    ("Htay Min, its acting chairman, told the agency that they lost.", "Htay Min, its acting chairman"),
    # a capitalized "Now" ends a group's name
    ("Tom Ralby, executive director of Green Valley Now, said the spending was high.",
     "Tom Ralby, executive director of Green Valley Now"),
    # "including" is a preposition
    ("Several candidates, including Trask, said the plan was weak.", "Several candidates, including Trask"),
    # an aside that is not a noun phrase still stays out
    ("Mr. Quill, speaking for the board, said the plan was weak.", "Mr. Quill"),
])
def test_appositives_before_the_cue(text, speaker):
    assert _speakers(text)[-1] == speaker


def test_ing_verbs_still_break_a_name():
    assert name_problem("voters running the town") is not None
    assert name_problem("a creative writing professor") is None
    assert name_problem("including Trask") is not None
    assert name_problem("the party now") is not None


@pytest.mark.parametrize("text, speaker", [
    # a name opening the sentence before an appositive taken as the speaker
    ("Rahm Ellis, his chief of staff, urged a strong stand, saying the plan was weak. Then Ellis left.",
     "Rahm Ellis, his chief of staff"),
    ("Nora Dale, president of the Quill Institute, says the plan is weak.",
     "Nora Dale, president of the Quill Institute"),
    # a list of names
    ("Anna Crane, Bo Kibbe and other libertarians knew the plan was weak.",
     "Anna Crane, Bo Kibbe and other libertarians"),
    # a thousands comma is inside one number
    ("In Nevada, 34,000 people supported the plan.", "34,000 people"),
    # a sentence adverb before the comma is no name
    ("Moreover, the council said the plan was weak.", "the council"),
    ("Offstage, the actors agree with the plan.", "the actors"),
])
def test_phrase_before_a_comma(text, speaker):
    assert _speakers(text)[0] == speaker


@pytest.mark.parametrize("text, speaker", [
    # the subject of a participle cue keeps its lowercase nouns
    ("Republican presidential candidate Donald Trask quickly took to the radio, saying the plan was weak.",
     "Republican presidential candidate Donald Trask"),
    ("Japan's central bank ended a meeting, announcing it would buy bonds.", "Japan's central bank"),
    # but not a verb after a name
    ("Trask keeps going, saying the plan is weak.", "Trask"),
    ("Weaver didn’t stop there, telling the crowd the plan was weak.", "Weaver"),
])
def test_subject_of_a_participle(text, speaker):
    assert _speakers(text)[-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    # "by", "from" and "with" link a document or person to its origin
    ("The vote was close, according to a count by the Lindon Agency.", "a count by the Lindon Agency"),
    ("The vote was close, according to a report from the Quill Institute.", "a report from the Quill Institute"),
    ("The vote was close, according to people familiar with the talks.", "people familiar with the talks"),
    # an abbreviation's period does not end the source of "according to"
    ("The firm paid $2 million, according to U.S. lobbying records.", "U.S. lobbying records"),
    ("The vote was close, according to Rep. Tom Quill of Ohio.", "Rep. Tom Quill of Ohio"),
    # but a sentence after it is not part of it
    ("The vote was close, according to the F.A.A. The next day it rained.", "the F.A.A"),
])
def test_according_to_sources(text, speaker):
    assert _speakers(text)[0] == speaker


@pytest.mark.parametrize("text, speaker", [
    # a counting word keeps the group after "of"
    ("Trask has been criticized by some of his rivals for failing.", "some of his rivals"),
    ("Many of the speakers said the plan was weak.", "Many of the speakers"),
    ("This proposal was rejected by 64 percent of the electorate.", "64 percent of the electorate"),
    # a party tag after an inverted speaker
    ("\"It is not new,\" said Rep. Bob Kell (D-Va.) at the time.", "Rep. Bob Kell (D-Va.)"),
])
def test_speaker_tails(text, speaker):
    assert _speakers(text)[0] == speaker


@pytest.mark.parametrize("text, speaker", [
    # "neither ... nor" names both
    ("Neither Cruz nor Dale acknowledged the efforts of the town.", "Neither Cruz nor Dale"),
    ("Neither the mayor nor other officials identified the platform.", "Neither the mayor nor other officials"),
])
def test_neither_nor(text, speaker):
    assert _speakers(text)[0] == speaker
