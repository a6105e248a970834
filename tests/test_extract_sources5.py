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
