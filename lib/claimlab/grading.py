"""Grade a casualty claim the way a casualty monitor would, and explain the grade.

Lesson 06 asks students to grade claims on a five-step scale adapted from
Airwars' civilian-harm grading (https://airwars.org/about/methodology/):
Confirmed, Fair, Weak, Contested, Discounted.  Airwars grades whole incidents
with every source it can find; here a claim is graded from the evidence in
the course's articles alone, so the scale is described in our own words.
Two grades are widened, not just reworded: Airwars' *Contested* covers
competing claims of responsibility; ours adds "or the accused party denies it".
Our *Discounted* adds "or its own source has withdrawn it", because in news
articles a claim is most often taken back by the one who made it.

There is rarely one right grade.  An answer key (a dict passed as ``key``;
the course keeps its own in its lesson 06 source) lists, for each graded
figure id, the grades the text can defend and the ones it cannot, each with a
reason: ``{figure_id: {"defensible": {grade: reason}, "not_defensible":
{grade: reason}}}``.  A reason may name a figure as ``{F05}``; it is replaced
by that figure's own words.  :func:`grade_claim` turns a choice into feedback
that always says *why*, and names the grades the text does support; it never
just says "wrong".  :class:`GradingWidget` puts that behind a claim menu, five
grade buttons, a one-line "why" box and a Check button: with ``ask_reason``
(the course's choice) no feedback shows until the student has written a reason.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from . import views
from .format import figure_range
from .markup import feedback_box

if TYPE_CHECKING:
    from claimlab.corpus import Corpus

__all__ = ["GRADES", "SCALE", "SOURCE_URL", "scale_table", "graded_claims",
           "defensible", "grade_claim", "GradeFeedback", "GradingWidget", "MIN_REASON_WORDS"]

#: The five grades, from best supported to rejected.
GRADES = ("Confirmed", "Fair", "Weak", "Contested", "Discounted")

#: Where the original scale is described.
SOURCE_URL = "https://airwars.org/about/methodology/"

#: What each grade means in this course (adapted from Airwars, in our own words).
SCALE = {
    "Confirmed": "The party said to have caused the harm accepts that it happened.",
    "Fair": "Two or more independent, credible sources report the harm, and it is tied to a "
            "likely attacker.",
    "Weak": "Only one source reports the harm (however detailed), or no source is named.",
    "Contested": "The sources disagree about who caused the harm: several possible attackers, "
                 "or the accused party denies it (this last part is our addition to Airwars' grade).",
    "Discounted": "The evidence shows that those harmed were combatants, or that another party "
                  "was most likely responsible, or the claim's own source has withdrawn it (this last "
                  "part is our addition to Airwars' grade).",
}



def scale_table() -> pd.DataFrame:
    """The grading scale as a two-column table (grade, meaning)."""
    return pd.DataFrame({"grade": list(GRADES), "meaning": [SCALE[g] for g in GRADES]})


class _FigureWords(dict):
    """``{F05}`` in a reason → the figure's own words, in quotation marks."""

    def __init__(self, corpus: Corpus):
        super().__init__()
        figs = getattr(corpus, "figures", None)
        if figs is not None and len(figs):
            for fid, text in zip(figs["figure_id"], figs["text"]):
                self[str(fid)] = f"“{text}”"

    def __missing__(self, key):
        return "{" + key + "}"


def _reasons(corpus: Corpus, figure_id: str, key: dict) -> dict[str, tuple[bool, str]]:
    entry = key[figure_id]
    words = _FigureWords(corpus)
    out = {}
    for grade in GRADES:
        if grade in entry["defensible"]:
            out[grade] = (True, entry["defensible"][grade].format_map(words))
        else:
            out[grade] = (False, entry["not_defensible"][grade].format_map(words))
    return out


def defensible(figure_id: str, key: dict) -> list[str]:
    """The grades the text can defend for a figure, in scale order."""
    entry = key[figure_id]
    return [g for g in GRADES if g in entry["defensible"]]


def graded_claims(corpus: Corpus, key: dict) -> pd.DataFrame:
    """The claims (rows of :func:`claimlab.views.claims`) that the answer key grades."""
    c = views.claims(corpus)
    return c[c["figure_id"].isin(list(key))].sort_values(["figure_id"]).reset_index(drop=True)


@dataclass
class GradeFeedback:
    """The verdict on one grade for one claim: ``ok`` (defensible or not), text and HTML."""

    ok: bool | None
    figure_id: str | None
    grade: str | None
    message: str
    html: str

    def __str__(self):
        return self.message

    __repr__ = __str__

    def _repr_html_(self):
        return self.html


def _box(ok: bool | None, inner: str) -> str:
    return feedback_box(ok, inner, mark=False, extra_style="margin-top:4px")


#: With ``ask_reason``, the fewest words a reason may have before the feedback shows.
MIN_REASON_WORDS = 4

#: What a student sees after a first and a second grade the text cannot defend (then the grades that hold).
HINTS = (
    "Hint: reread what each grade needs (open \"What the grades mean\"). Who reports the harm, how many "
    "independent sources do, and does the party said to be responsible accept it, deny it, or say nothing?",
    "Hint: the text supports a grade whose condition reads: “{condition}”",
)


def grade_claim(corpus: Corpus, figure_id: str, grade: str | None, key: dict,
                attempt: int | None = None) -> GradeFeedback:
    """Feedback on grading ``figure_id`` as ``grade``: why it holds or not, and what the text supports.

    ``attempt`` counts the wrong grades so far for this claim (1, 2, …).  Like
    the exercises' hints, a first wrong grade gets a general hint, a second one
    the condition of a grade the text supports, and only a third (or
    ``attempt=None``) names the grades the text can defend.
    """
    if not grade:
        msg = "Pick a grade first, then press Check."
        return GradeFeedback(None, figure_id, None, msg, _box(None, f"<p>… {html.escape(msg)}</p>"))
    if grade not in GRADES:
        msg = f"“{grade}” is not on the scale; choose one of {', '.join(GRADES)}."
        return GradeFeedback(None, figure_id, grade, msg, _box(None, f"<p>… {html.escape(msg)}</p>"))
    if figure_id not in key:
        msg = f"The answer key has no grades for {figure_id}; pick a claim from the menu."
        return GradeFeedback(None, figure_id, grade, msg, _box(None, f"<p>… {html.escape(msg)}</p>"))
    reasons = _reasons(corpus, figure_id, key)
    ok, why = reasons[grade]
    good = [g for g in GRADES if reasons[g][0]]
    others = [g for g in good if g != grade]
    if ok:
        head = f"Defensible: {grade}."
        tail = (f"Also defensible from this text: {', '.join(others)}." if others
                else "No other grade is as well supported by this text.")
        listed = others
        mark, verdict = "✔", True
    elif attempt is not None and attempt <= len(HINTS):
        head = f"Hard to defend from this text: {grade}."
        tail = HINTS[attempt - 1].format(condition=SCALE[good[0]] if good else "")
        listed = []
        mark, verdict = "✘", False
    else:
        head = f"Hard to defend from this text: {grade}."
        tail = f"Grades the text can defend here: {', '.join(good)}."
        listed = good
        mark, verdict = "✘", False
    message = " ".join([head, why, tail] + [f"{g}: {reasons[g][1]}" for g in listed])
    items = "".join(f"<li><strong>{html.escape(g)}</strong>: {html.escape(reasons[g][1])}</li>"
                    for g in listed)
    inner = (f"<p><strong>{mark} {html.escape(head)}</strong> {html.escape(why)}</p>"
             f"<p>{html.escape(tail)}</p>" + (f"<ul>{items}</ul>" if items else ""))
    return GradeFeedback(ok, figure_id, grade, message, _box(verdict, inner))


# ----------------------------------------------------------------------------- the widget

def claim_label(r) -> str:
    text = " ".join(str(r.text).split())
    return f"{r.figure_id} · {r.claimant} · “{text}” ({r.outlet})"


def _context(corpus: Corpus, row) -> str:
    """The paragraph holding the figure, escaped, with the figure marked."""
    text = corpus.text(row.article_id)
    start, end = int(row.start), int(row.end)
    p = corpus.paragraphs
    p = p[(p["article_id"] == row.article_id) & (p["start"] <= start) & (end <= p["end"])]
    a, b = (int(p.iloc[0]["start"]), int(p.iloc[0]["end"])) if len(p) else (max(0, start - 200), end + 200)
    return (html.escape(text[a:start]) + "<mark style='background:#F9E7BF;border:2px solid #D55E00'>"
            + html.escape(text[start:end]) + "</mark>" + html.escape(text[end:b]))


class GradingWidget:
    """Choose a claim, choose a grade, (say why,) press Check: feedback explains which grades hold.

    ``.claim`` (Dropdown of figure ids), ``.grade`` (RadioButtons), ``.reason`` (Text, shown with
    ``ask_reason``), ``.button``,
    ``.details`` (the claim and its paragraph) and ``.feedback`` (HTML widgets)
    can be driven from code; :meth:`check` returns the :class:`GradeFeedback`.
    """

    def __init__(self, corpus: Corpus, key: dict, figure_id: str | None = None, *, ask_reason: bool = False):
        import ipywidgets as W

        self.corpus, self.key, self.ask_reason = corpus, key, ask_reason
        self.wrong = 0  # wrong grades so far for the claim shown: the hints get more specific
        self.claims = graded_claims(corpus, key)
        options = [(claim_label(r), r.figure_id) for r in self.claims.itertuples(index=False)]
        ids = [fid for _, fid in options]
        if figure_id is not None and figure_id not in ids:
            raise KeyError(f"no graded claim {figure_id!r}; graded claims are {', '.join(ids)}")
        style = {"description_width": "initial"}
        self.claim = W.Dropdown(options=options, value=figure_id or (ids[0] if ids else None),
                                description="Claim", tooltip="Choose the claim to grade", style=style,
                                layout=W.Layout(width="auto", min_width="24em", max_width="100%"))
        self.grade = W.RadioButtons(options=list(GRADES), value=None, description="Your grade",
                                    style=style)
        self.reason = W.Text(placeholder="one line: why this grade?", description="Why",
                             tooltip="In one line, say why you chose this grade", style=style,
                             layout=W.Layout(width="100%", max_width="48em"))
        self.button = W.Button(description="Check", button_style="primary",
                               tooltip="See which grades the text can defend for this claim")
        self.details = W.HTML()
        self.feedback = W.HTML(layout=W.Layout(min_height="2em"))
        scale = "".join(f"<li><strong>{g}</strong>: {html.escape(SCALE[g])}</li>" for g in GRADES)
        legend = W.HTML(f"<details><summary>What the grades mean</summary><ul>{scale}</ul>"
                        f"<p>Adapted from <a href='{SOURCE_URL}' target='_blank' rel='noopener'>"
                        "Airwars' civilian-harm grading</a>.</p></details>")
        rows = [self.claim, self.details, W.HBox([self.grade, legend])]
        rows += [self.reason] if ask_reason else []
        self.widget = W.VBox(rows + [self.button, self.feedback])
        self.claim.observe(self._claim_changed, names="value")
        self.button.on_click(lambda _: self.check())
        self._show_claim()

    @property
    def value(self) -> str:
        """The feedback HTML shown now."""
        return self.feedback.value

    def _claim_changed(self, change):
        self.wrong = 0
        self.grade.value = None
        self.reason.value = ""
        self.feedback.value = ""
        self._show_claim()

    def _show_claim(self):
        if self.claim.value is None:
            self.details.value = "<p><em>No graded claims in this corpus.</em></p>"
            return
        r = next(self.claims[self.claims["figure_id"] == self.claim.value].itertuples(index=False))
        amount = figure_range(r.low, r.high, vague="no number given (vague)")
        if not (pd.isna(r.low) and pd.isna(r.high)):
            amount += f" {r.unit}"
        facts = (f"<p><strong>{html.escape(str(r.claimant))}</strong> in {html.escape(str(r.outlet))}: "
                 f"{html.escape(str(r.measure))}, {html.escape(amount)}.</p>")
        self.details.value = (facts + "<blockquote style='border-left:3px solid #b3b3b3;margin:0 0 0.5em 0;"
                              f"padding-left:0.6em'>{_context(self.corpus, r)}</blockquote>")

    def set(self, figure_id: str):
        """Show a claim, and clear the grade and the feedback (also when it is already shown)."""
        if self.claim.value == figure_id:
            self._claim_changed(None)
        else:
            self.claim.value = figure_id
        return self

    def check(self, grade: str | None = None, reason: str | None = None) -> GradeFeedback:
        """Grade the chosen claim (as ``grade`` if given, with ``reason``) and show the feedback.

        With ``ask_reason``, a grade without a reason of at least :data:`MIN_REASON_WORDS` words
        gets no verdict: the student is asked to say why first.  The reason is shown back above
        the feedback, so the two can be compared.
        """
        if grade is not None:
            self.grade.value = grade
        if reason is not None:
            self.reason.value = reason
        why = " ".join(str(self.reason.value or "").split())
        if self.ask_reason and self.grade.value and len(why.split()) < MIN_REASON_WORDS:
            msg = (f"Before the feedback: say in one line why you chose {self.grade.value} "
                   f"(at least {MIN_REASON_WORDS} words in the Why box), then press Check.")
            fb = GradeFeedback(None, self.claim.value, self.grade.value, msg,
                               _box(None, f"<p>… {html.escape(msg)}</p>"))
            self.feedback.value = fb.html
            return fb
        fb = grade_claim(self.corpus, self.claim.value, self.grade.value, self.key, attempt=self.wrong + 1)
        if fb.ok is False:
            self.wrong += 1
        if self.ask_reason and fb.ok is not None:
            mine = f"<p><em>Your reason:</em> {html.escape(why)}</p>"
            fb = GradeFeedback(fb.ok, fb.figure_id, fb.grade, f"Your reason: {why} {fb.message}",
                               fb.html.replace(">", ">" + mine, 1))   # inside the status box
        self.feedback.value = fb.html
        return fb

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
