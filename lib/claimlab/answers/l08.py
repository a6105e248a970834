"""Lesson 08 answer key: counts come from the extractor run on the seeds."""

from ..exercises import Question


def _ibtimes(corpus):
    from ..machine import extracted, match_statements
    robot = extracted(corpus)
    people = corpus.attributions[corpus.attributions["article_id"] == "ibtimes-aleppo-2016"]
    found = robot.attributions[robot.attributions["article_id"] == "ibtimes-aleppo-2016"]
    return match_statements(people, found)


def _found(corpus):
    return int((_ibtimes(corpus)["status"] == "found").sum())


def _recall(corpus):
    m = _ibtimes(corpus)
    f, miss = (m["status"] == "found").sum(), (m["status"] == "missed").sum()
    return float(f / (f + miss))


QUESTIONS = {
    "08.found": Question(
        prompt="In the IBTimes article, how many statements did the extractor find (status 'found')?",
        kind="number", answer=_found,
        hints=["Count the rows of the table whose status column says found.",
               "Missed rows have an empty machine_speaker; spurious rows have an empty people_speaker. Count the rest."],
        explain="A statement counts as found when both marked overlapping content.",
    ),
    "08.recall": Question(
        prompt="The extractor's recall on the IBTimes article, as a decimal.",
        kind="number", answer=_recall, tolerance=0.011,
        hints=["Recall is found divided by (found + missed). Spurious rows do not count here.",
               "Count found and missed rows in the table, then divide: found / (found + missed)."],
        explain="Recall asks how much of what people marked the machine found.",
    ),
    "08.error_kind": Question(
        prompt=("Press TV's headline 'Russia rejects accusations of airstrikes' reports accusations made by "
                "someone. What kind of cue is 'accusations'?"),
        kind="choice",
        options=["reporting verb", "nominal cue", "according to", "direct quotation"],
        answer="nominal cue",
        hints=["Is 'accusations' a verb, like 'said', or something else?",
               "A cue that is a noun rather than a verb has its own name in the list of error kinds above."],
        explain="The rules look for verbs, so statements reported as nouns are often missed.",
    ),
    "08.missed_figure": Question(
        prompt="Did the extractor find the Varnel Observatory's figure of 15 dead? (yes / no)",
        kind="choice", options=["yes", "no"], answer="no",
        hints=["Look for 15 in the low and high columns of the table above.",
               "The table lists 12 killed, more than 40 wounded and 12 bodies. Is 15 among them?"],
        explain=("The sentence 'said 15 people had died' puts the number after the verb "
                 "in a form the rules do not cover: check a machine's table against the text."),
    ),
}
