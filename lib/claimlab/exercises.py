"""Self-check exercises: right, or "not yet" with a hint — never the solution.

A :class:`Question` holds a prompt, its answer (a value, or a function of the
corpus so that it is computed from the tables), hints and an explanation.
Show it with ``Exercise(question, corpus, label="04.verbs")`` (a widget with a
Check button), or check a value the student computed with
``check(question, answer, corpus, label="04.count")``.  Where questions are
kept is up to the course that uses them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import ipywidgets as W
from IPython.display import display

from .markup import feedback_box

if TYPE_CHECKING:
    from claimlab.corpus import Corpus


@dataclass
class Question:
    prompt: str
    answer: Any                      # a value, or a function of the corpus
    hints: list[str]
    kind: str = "text"               # text | number | choice | multi | judgement
    options: Any = None              # for choice/multi: a list, or a function of the corpus
    accept: list[str] = field(default_factory=list)   # other accepted spellings (text)
    explain: str | Callable = ""     # shown only once the answer is right
    tolerance: float = 0.0           # for numbers
    # A "judgement" asks for a decision and its reason in the student's words.  Nothing marks it right
    # or wrong: once the student submits, ``answer`` is shown as a model answer (it may be a function of
    # the corpus that returns None where the course has none) and ``hints`` as the rubric.


#: A judgement needs a decision and a reason: fewer words than this is sent back.
MIN_JUDGEMENT_WORDS = 12


def normalise(s: Any) -> str:
    s = str(s).casefold().replace("’", "'")
    s = re.sub(r"[^\w' ]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def resolve(value, corpus: Corpus):
    """``value``, or ``value(corpus)`` when it is a function of the corpus (the seeds by default)."""
    if callable(value):
        if corpus is None:
            from .corpus import load_corpus
            corpus = load_corpus()
        return value(corpus)
    return value


class Feedback:
    """The result of a check: ``ok`` and a message, shown as HTML in a notebook."""

    def __init__(self, ok: bool | None, message: str, html_: str | None = None):
        self.ok, self.message, self._html = ok, message, html_

    def __str__(self):
        return self.message

    __repr__ = __str__

    def _repr_html_(self):
        return feedback_box(self.ok, self._html if self._html is not None else html.escape(self.message))


def judge(q: Question, text, corpus: Corpus | None = None) -> Feedback:
    """Feedback on a judgement: too short, or submitted with the model answer and the rubric."""
    words = len(str(text or "").split())
    if not words:
        return Feedback(None, "Write your answer first, then press Submit.")
    if words < MIN_JUDGEMENT_WORDS:
        return Feedback(None, f"Answer in a sentence or two, and give your reason: at least "
                              f"{MIN_JUDGEMENT_WORDS} words (you wrote {words}).")
    model = resolve(q.answer, corpus)
    parts = ["Submitted. Compare your answer with the points below."]
    body = ["<p><strong>Submitted.</strong> Compare your answer with the points below.</p>"]
    if model:
        parts.append(f"A model answer: {model}")
        body.append(f"<p><strong>A model answer:</strong> {html.escape(str(model))}</p>")
    else:
        parts.append("There is no model answer for this story: check yours against the rubric, "
                     "or compare it with a classmate's.")
        body.append("<p>There is no model answer for this story: check yours against the rubric, "
                    "or compare it with a classmate's.</p>")
    if q.hints:
        parts.append("A strong answer: " + "; ".join(q.hints))
        items = "".join(f"<li>{html.escape(h)}</li>" for h in q.hints)
        body.append(f"<p><strong>A strong answer</strong></p><ul>{items}</ul>")
    return Feedback(True, " ".join(parts), "".join(body))


def is_right(q: Question, value, corpus: Corpus | None = None) -> bool:
    want = resolve(q.answer, corpus)
    if q.kind == "number":
        try:
            return abs(float(value) - float(want)) <= q.tolerance
        except (TypeError, ValueError):
            return False
    if q.kind == "multi":
        got = {normalise(v) for v in (value or [])}
        return got == {normalise(v) for v in want}
    accepted = {normalise(want)} | {normalise(a) for a in q.accept}
    return normalise(value) in accepted


def _message(q: Question, ok: bool, attempt: int, corpus: Corpus) -> str:
    if ok:
        explain = resolve(q.explain, corpus) if q.explain else ""
        return f"Right! {explain}".strip()
    hint = q.hints[min(attempt - 1, len(q.hints) - 1)] if q.hints else "Look at the table again."
    return f"Not yet. Hint: {hint}"


def _empty(value) -> bool:
    return value is None or value is Ellipsis or (isinstance(value, str) and not value.strip()) \
        or (isinstance(value, (list, tuple, set)) and not value)


_attempts: dict[str, int] = {}


class CheckboxGroup(W.VBox):
    """Several answers, one checkbox each: Tab moves between them and Space ticks one.

    A multi-select list would lose its arrow keys to JupyterLab's own shortcuts.
    ``value`` is the tuple of ticked options, in the order they are listed.
    """

    def __init__(self, options, description: str = ""):
        self.boxes = [W.Checkbox(value=False, description=str(o), indent=False,
                                 layout=W.Layout(width="auto", max_width="100%")) for o in options]
        self.options = [str(o) for o in options]
        head = [W.Label(description)] if description else []
        super().__init__(head + self.boxes)

    @property
    def value(self) -> tuple[str, ...]:
        return tuple(o for o, box in zip(self.options, self.boxes) if box.value)

    @value.setter
    def value(self, chosen) -> None:
        chosen = {str(c) for c in chosen}
        for o, box in zip(self.options, self.boxes):
            box.value = o in chosen

# Long answer options wrap onto several lines; ipywidgets' fixed row height would make them overlap.
_CSS = ("<style>.claimlab-answer .widget-radio-box label, .claimlab-answer label {height: auto !important;"
        " min-height: 1.6em; line-height: 1.35; white-space: normal; margin-bottom: 0.3em;}"
        " .claimlab-answer .widget-radio-box {height: auto !important;}</style>")


def check(q: Question, value, corpus: Corpus | None = None, *, label: str = "") -> Feedback:
    """Check an answer the student computed in code (attempts are counted per ``label``)."""
    if q.kind == "judgement":
        return judge(q, "" if value is Ellipsis else value, corpus)
    if _empty(value):
        return Feedback(None, "Replace the ... with your answer, run the cell, then check again.")
    key = label or q.prompt
    ok = is_right(q, value, corpus)
    _attempts[key] = 0 if ok else _attempts.get(key, 0) + 1
    return Feedback(ok, _message(q, ok, _attempts[key] or 1, corpus))


class Exercise:
    """A question with an input, a Check button and immediate feedback."""

    def __init__(self, q: Question, corpus: Corpus | None = None, *, label: str = ""):
        self.qid, self.corpus = label, corpus
        self.q = q
        self.attempts = 0
        opts = resolve(self.q.options, corpus) if self.q.options is not None else None
        answer = "Your answer"
        if self.q.kind == "choice":
            self.input = W.RadioButtons(options=list(opts), value=None, description=answer,
                                        style={"description_width": "initial"})
        elif self.q.kind == "multi":
            self.input = CheckboxGroup(list(opts), description=f"{answer} (tick every one that applies)")
        elif self.q.kind == "judgement":
            self.input = W.Textarea(placeholder="your decision, and why (a sentence or two)", description=answer,
                                    rows=4, style={"description_width": "initial"},
                                    layout=W.Layout(width="100%", max_width="48em"))
        elif self.q.kind == "number":
            self.input = W.Text(placeholder="a number", description=answer,
                                style={"description_width": "initial"})
        else:
            self.input = W.Text(placeholder="type your answer", description=answer,
                                style={"description_width": "initial"})
        judged = self.q.kind == "judgement"
        self.button = W.Button(description="Submit" if judged else "Check", button_style="primary",
                               tooltip=(f"Submit your answer to {label or 'this exercise'} and see a model answer"
                                        if judged else f"Check your answer to {label or 'this exercise'}"))
        self.feedback = W.HTML(value="", layout=W.Layout(min_height="2em"))
        self.button.on_click(lambda _: self.check())
        title = f"Exercise {html.escape(label)}." if label else "Exercise."
        prompt = W.HTML(f"<p><strong>{title}</strong> {html.escape(self.q.prompt)}</p>")
        self.input.add_class("claimlab-answer")
        self.widget = W.VBox([W.HTML(_CSS), prompt, self.input, self.button, self.feedback])

    def check(self, value=None) -> Feedback:
        """Check ``value`` (or what is in the input) and show the feedback."""
        if value is not None:
            if self.q.kind == "multi":
                self.input.value = tuple(value)
            else:
                self.input.value = value if self.q.kind == "choice" else str(value)
        got = self.input.value
        if self.q.kind == "judgement":
            fb = judge(self.q, got, self.corpus)
            self.feedback.value = fb._repr_html_()
            return fb
        if self.q.kind == "number" and isinstance(got, str):
            got = got.replace(",", "").strip()
        if _empty(got):
            fb = Feedback(None, "Give an answer first, then press Check.")
        else:
            ok = is_right(self.q, got, self.corpus)
            self.attempts = 0 if ok else self.attempts + 1
            fb = Feedback(ok, _message(self.q, ok, self.attempts or 1, self.corpus))
        self.feedback.value = fb._repr_html_()
        return fb

    def reveal(self) -> Feedback:
        """Enter the key's answer and check it, so the explanation shows (for worked solutions)."""
        return self.check(resolve(self.q.answer, self.corpus))

    def reset(self) -> None:
        """Clear the answer, the feedback and the attempt count (as if just shown)."""
        self.attempts = 0
        self.feedback.value = ""
        if self.q.kind == "multi":
            self.input.value = ()
        elif self.q.kind == "choice":
            self.input.value = None
        else:
            self.input.value = ""

    def _ipython_display_(self):
        display(self.widget)
