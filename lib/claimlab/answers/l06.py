"""Lesson 06 answer key: exercises, and the grades the text can defend for each claim.

``GRADING`` is read by :mod:`claimlab.grading`.  For every graded figure it
gives each of the five grades (adapted from Airwars' civilian-harm grading,
https://airwars.org/about/methodology/) with a reason: ``defensible`` grades
are ones a careful reader can argue for from the evidence in the articles
alone; ``not_defensible`` ones the text does not support.  Reasons may name a
figure as ``{F05}``: the grading widget replaces it with that figure's words
from figures.csv, so no number is typed here by hand.
"""

from __future__ import annotations

import pandas as pd

from ..exercises import Question

_NOT_CONFIRMED_RUSSIA = (
    "Confirmed needs the party said to be responsible to accept the harm. The strike was "
    "American; the US official quoted in the coverage calls it a precise response against "
    "al-Qaeda leaders and says nothing about casualties. A claim by the other side cannot "
    "confirm it.")
_NOT_FAIR_RUSSIA = (
    "Fair needs two or more independent sources. Both casualty claims about this strike come "
    "from the Russian Defence Ministry (the reconciliation centre is part of it), relayed by "
    "two Russian state agencies, TASS and Sputnik. Repeating one source is not corroboration.")
_NOT_CONTESTED_US_STRIKE = (
    "Contested is for competing claims about who caused the harm. Nobody disputes who struck "
    "here: the US says it carried out the strike. What the two sides disagree about is what it "
    "hit, and the US official does not address casualties at all.")
_NOT_DISCOUNTED_US_STRIKE = (
    "Discounted needs evidence that those harmed were combatants, or that someone else was "
    "responsible. The only word on the target comes from the side that struck (al-Qaeda "
    "leaders, it says); that is a claim, not evidence about who was actually hurt. Note also "
    "that the Russian claim never says the casualties were civilians: a reason for caution, "
    "not a reason to discount.")

_IDLIB_2017_CONTESTED = (
    "The text gives competing accounts of responsibility: SOHR itself says it was not clear "
    "whether Syrian, Russian or US-led coalition aircraft carried out the strikes, and the "
    "Russian Defence Ministry denies that its planes struck Idlib at all. With several possible "
    "attackers and a denial, Contested is the grade that fits best.")
_IDLIB_2017_NOT_CONFIRMED = (
    "Confirmed needs the party responsible to accept the harm. In this article no air force "
    "accepts anything: the only belligerent that speaks, Russia, denies striking Idlib.")
_IDLIB_2017_NOT_DISCOUNTED = (
    "Discounted needs evidence that those killed were combatants, or that another party is most "
    "likely responsible. Press TV calls Idlib \"militant-held\", but that is a label for the "
    "city, not evidence about the dead; and SOHR names three possible attackers without "
    "favouring one.")
_IDLIB_2017_NOT_FAIR = (
    "Two organisations do report harm from the strikes, but Fair also needs the harm tied to a "
    "likely attacker, and the text names none: SOHR says it is unclear whose aircraft they were. "
    "The two organisations also count different things ({F05} against {F07}), so they do not "
    "corroborate each other's numbers.")

GRADING: dict[str, dict] = {
    "F01": {
        "defensible": {
            "Weak": "One source, the Russian reconciliation centre, which is part of a party to the "
                    "conflict and speaks about its rival's strike. It gives no number ({F01}), no "
                    "names and no evidence, and no one else in the article reports casualties.",
        },
        "not_defensible": {
            "Confirmed": _NOT_CONFIRMED_RUSSIA,
            "Fair": _NOT_FAIR_RUSSIA,
            "Contested": _NOT_CONTESTED_US_STRIKE,
            "Discounted": _NOT_DISCOUNTED_US_STRIKE,
        },
    },
    "F02": {
        "defensible": {
            "Weak": "One source, the Russian Defence Ministry, reaching UrduPoint through Sputnik. "
                    "It is the same ministry as the reconciliation centre in the TASS article, so "
                    "the two reports count as one source, and neither gives a number ({F02}).",
        },
        "not_defensible": {
            "Confirmed": _NOT_CONFIRMED_RUSSIA,
            "Fair": _NOT_FAIR_RUSSIA,
            "Contested": _NOT_CONTESTED_US_STRIKE,
            "Discounted": _NOT_DISCOUNTED_US_STRIKE,
        },
    },
    "F04": {
        "defensible": {
            "Contested": _IDLIB_2017_CONTESTED,
            "Weak": "The sentence itself names no source at all: airstrikes \"reportedly\" hit Idlib, "
                    "leaving {F04}. Graded on its own, an unsourced report is at best Weak; the "
                    "sourced figures come only in the next paragraph.",
        },
        "not_defensible": {
            "Confirmed": _IDLIB_2017_NOT_CONFIRMED,
            "Fair": _IDLIB_2017_NOT_FAIR,
            "Discounted": _IDLIB_2017_NOT_DISCOUNTED,
        },
    },
    "F05": {
        "defensible": {
            "Contested": _IDLIB_2017_CONTESTED,
            "Weak": "If you grade the number itself, it has a single source: only SOHR says "
                    "{F05}. Syria Civil Defence counts something else ({F07}), which does not "
                    "confirm SOHR's total.",
        },
        "not_defensible": {
            "Confirmed": _IDLIB_2017_NOT_CONFIRMED,
            "Fair": _IDLIB_2017_NOT_FAIR,
            "Discounted": _IDLIB_2017_NOT_DISCOUNTED,
        },
    },
    "F06": {
        "defensible": {
            "Contested": _IDLIB_2017_CONTESTED,
            "Weak": "Only SOHR separates civilians from the other dead ({F06}, part of {F05}); "
                    "Syria Civil Defence says nothing about who the dead were. For the civilian "
                    "count there is one source.",
        },
        "not_defensible": {
            "Confirmed": _IDLIB_2017_NOT_CONFIRMED,
            "Fair": _IDLIB_2017_NOT_FAIR,
            "Discounted": "Nothing in the text shows that these dead were combatants. Press TV's "
                          "label \"militant-held\" for the city and its \"so-called\" for SOHR are "
                          "framing, not evidence about the victims.",
        },
    },
    "F07": {
        "defensible": {
            "Contested": _IDLIB_2017_CONTESTED,
            "Weak": "Only Syria Civil Defence counts bodies ({F07}). SOHR's figure is a count of "
                    "people killed, a different unit, so it neither confirms nor contradicts this "
                    "one.",
        },
        "not_defensible": {
            "Confirmed": _IDLIB_2017_NOT_CONFIRMED,
            "Fair": _IDLIB_2017_NOT_FAIR,
            "Discounted": _IDLIB_2017_NOT_DISCOUNTED,
        },
    },
    "F08": {
        "defensible": {
            "Contested": _IDLIB_2017_CONTESTED,
            "Weak": "Only Syria Civil Defence reports people taken to hospital ({F08}); SOHR gives "
                    "no figure for the injured. One source for this count.",
        },
        "not_defensible": {
            "Confirmed": _IDLIB_2017_NOT_CONFIRMED,
            "Fair": _IDLIB_2017_NOT_FAIR,
            "Discounted": _IDLIB_2017_NOT_DISCOUNTED,
        },
    },
    "F09": {
        "defensible": {
            "Weak": "Press TV states this in its own voice ({F09}) with no source, no number, and "
                    "no place or date for any death. The text offers no second source.",
        },
        "not_defensible": {
            "Confirmed": "Nothing in this article shows the US-led coalition accepting civilian "
                         "deaths. (Outside the article, the coalition has itself admitted some "
                         "civilian deaths in Syria and Iraq; bringing in that evidence is research "
                         "beyond the text, and would confirm particular incidents, not this "
                         "sweeping sentence.)",
            "Fair": "Fair needs two or more credible sources; the article gives none, only Press "
                    "TV's own assertion.",
            "Contested": "No one in the article offers a competing account of who caused these "
                         "deaths; the sentence names one party, the US-led coalition, and nobody "
                         "disputes it here.",
            "Discounted": "The text gives no evidence that those killed were combatants or that "
                          "someone else was responsible.",
        },
    },
}


# ----------------------------------------------------------------------------- exercises

MISSING = "Both are missing: no number is given"
_VAGUE_OPTIONS = ["0 and 0", "1 and 1", MISSING, "A low of 1 and no high"]


def _figure(corpus, text: str) -> pd.Series:
    f = corpus.figures
    return f[f["text"] == text].iloc[0]


def _vague_answer(corpus) -> str:
    r = _figure(corpus, "numerous casualties")
    if pd.isna(r["low"]) and pd.isna(r["high"]):
        return MISSING
    return f"{r['low']:g} and {r['high']:g}"


def _subset_options(corpus) -> list[str]:
    f = corpus.figures
    sohr = _figure(corpus, "10 civilians")
    same = f[(f["article_id"] == sohr["article_id"]) & (f["figure_id"] != sohr["figure_id"])
             & f["unit"].isin(["people", "bodies"])]
    return sorted(same["text"])


def _subset_answer(corpus) -> str:
    f = corpus.figures.set_index("figure_id")
    return f.loc[_figure(corpus, "10 civilians")["subset_of"], "text"]


def _no_claimant(corpus) -> int:
    return int((corpus.figures["claimant"].fillna("").str.strip() == "").sum())


def _crosshead_figure(corpus) -> pd.Series:
    """The figure printed in a crosshead (a paragraph of kind "crosshead")."""
    p = corpus.paragraphs[corpus.paragraphs["kind"] == "crosshead"]
    for r in corpus.figures.itertuples(index=False):
        inside = p[(p["article_id"] == r.article_id) & (p["start"] <= r.start) & (r.end <= p["end"])]
        if len(inside):
            return corpus.figures[corpus.figures["figure_id"] == r.figure_id].iloc[0]
    raise LookupError("no figure sits in a crosshead")


def _dropped_word(corpus) -> str:
    head = _crosshead_figure(corpus)
    f = corpus.figures
    body = f[(f["article_id"] == head["article_id"]) & (f["measure"] == head["measure"])
             & (f["figure_id"] != head["figure_id"])]
    return body.iloc[0]["qualifier"]


QUESTIONS = {
    "06.subset": Question(
        prompt="SOHR gives a figure for civilians killed. Which other figure in the Press TV "
               "article is that figure part of?",
        kind="choice",
        options=_subset_options,
        answer=_subset_answer,
        hints=["Read the SOHR sentence again: which word joins the civilians to another number?",
               "Look at the subset_of column of the figures table for SOHR's civilian figure."],
        explain=lambda c: (f"The civilians are included in “{_subset_answer(c)}”: one claimant, "
                           "one count, with a subset inside it. They are not part of Syria Civil "
                           "Defence's figures, which count different things."),
    ),
    "06.vague": Question(
        prompt="What low and high values does the figures table give for the Russian "
               "reconciliation centre's “numerous casualties”?",
        kind="choice",
        options=_VAGUE_OPTIONS,
        answer=_vague_answer,
        hints=["Filter the claim explorer to the Russian Reconciliation Centre and read the low and "
               "high columns.",
               "Does the word “numerous” give any number at all? The data dictionary says what "
               "happens to a vague quantity."],
        explain="A vague quantity has no number, so both ends are left empty. Zero would be a "
                "claim that nobody was hurt, the opposite of what the centre said.",
    ),
    "06.no_claimant": Question(
        prompt="How many figures in the whole corpus have no claimant at all, that is, the outlet "
               "states them in its own voice?",
        kind="number",
        answer=_no_claimant,
        hints=["In the claim explorer, such figures are listed under the claimant "
               "“(the outlet itself)”.",
               "Do not count “(unnamed)”: that is a source the outlet hides, not the outlet "
               "speaking for itself."],
        explain="These figures rest on the outlet alone. One is a crosshead, and one is a "
                "whole-war death toll that IBTimes gives with no source.",
    ),
    "06.crosshead": Question(
        prompt="The Press TV crosshead reports Rudskoi's figure for positions hit. Which word of "
               "his does it drop?",
        kind="text",
        answer=_dropped_word,
        hints=["Compare the crosshead with the paragraph under it, where Rudskoi is quoted.",
               "The missing word turns an exact number into an upper bound; look at the "
               "qualifier column for Rudskoi's figure."],
        explain="Rudskoi said “almost”, an upper bound with no lower end. The crosshead prints an "
                "exact figure and drops his name too, so the number reads as Press TV's own.",
    ),
}
