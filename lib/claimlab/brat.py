"""Read attribution gold annotations in brat standoff format.

Expected directory layout (the PolNeAR layout)::

    DIR/text/NAME.txt
    DIR/attributions/NAME_ANNOTATOR.ann     # one or more per text
    DIR/attributions/NAME.ann               # PARC-style: same stem as the text

Every ``.ann`` file is one complete gold annotation of its text.  A text with
three annotators' files therefore yields three :class:`GoldDocument` objects
that share the same ``name`` and ``text``.

Lines understood:

* ``T1<TAB>Source 110 112<TAB>we`` -- a text-bound span.  Discontinuous spans
  (``Content 10 20;25 40``) become several fragments.  The covered text is
  allowed to continue on following lines (brat writes raw newlines when a
  span covers one); such continuation lines are folded into the span.
* ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`` -- an attribution
  relation.  Roles may carry a numeric suffix (``Content2``); all ``Content*``
  arguments are merged into one multi-fragment content span.  ``Source`` may
  be absent (``Attribution-no-source``).
* ``#``, ``A``, ``N``, ``R`` and ``M`` lines are notes/attributes and are
  ignored.

Nothing is dropped silently: every line that cannot be interpreted is
reported in :attr:`GoldCorpus.problems` as ``"FILE:LINE: message"``.  Pass
``strict=True`` to :func:`load_gold` to raise :class:`BratFormatError` on the
first problem instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import NamedTuple

import pandas as pd

__all__ = [
    "BratFormatError",
    "Span",
    "Relation",
    "GoldDocument",
    "GoldCorpus",
    "parse_ann",
    "load_gold",
    "relations_frame",
]

ROLES = ("Source", "Cue", "Content")

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$", re.S)
_T_HEAD = re.compile(r"^T\d+\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ARG = re.compile(r"^([A-Za-z_-]+?)(\d*):([TE]\d+)$")
_KNOWN_PREFIX = re.compile(r"^[#ANRM*]")
_ID_LINE = re.compile(r"^[A-Z#*]\d*\t")


class BratFormatError(ValueError):
    """Raised (in strict mode) for a malformed brat file; names file and line."""


@dataclass(frozen=True)
class Span:
    """A text-bound annotation: label plus one or more (start, end) fragments."""

    id: str
    label: str
    fragments: tuple[tuple[int, int], ...]
    text: str = ""

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)

    @property
    def length(self) -> int:
        """Number of characters in the union of the fragments."""
        return sum(e - s for s, e in merge_fragments(self.fragments))


def merge_fragments(frags) -> list[tuple[int, int]]:
    """Sort fragments and merge overlapping/adjacent ones."""
    out: list[list[int]] = []
    for s, e in sorted(frags):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


@dataclass
class Relation:
    """One attribution relation (an ``E`` line) with its resolved spans."""

    id: str
    label: str
    source: Span | None
    cue: Span | None
    content: Span | None

    def role(self, name: str) -> Span | None:
        return {"source": self.source, "cue": self.cue, "content": self.content}[name]


@dataclass
class GoldDocument:
    """One ``.ann`` file paired with its text."""

    name: str  # text stem, used as article_id
    annotator: str  # suffix after NAME_ ("" for PARC-style pairs)
    ann_path: Path
    text_path: Path
    text: str
    spans: dict[str, Span] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)


@dataclass
class GoldCorpus:
    documents: list[GoldDocument]
    problems: list[str]

    @property
    def texts(self) -> dict[str, str]:
        """article_id -> text (one entry per distinct text)."""
        return {d.name: d.text for d in self.documents}


def _problem(problems, strict, path, lineno, msg):
    where = f"{path}:{lineno}" if lineno else f"{path}"
    full = f"{where}: {msg}"
    if strict:
        raise BratFormatError(full)
    problems.append(full)


def parse_ann(
    ann_text: str,
    path: str | Path = "<ann>",
    text: str | None = None,
    *,
    problems: list[str] | None = None,
    strict: bool = False,
) -> tuple[dict[str, Span], list[Relation], list[str]]:
    """Parse the contents of one ``.ann`` file.

    Returns ``(spans, relations, problems)``.  When ``text`` is given, span
    offsets are checked against it (out-of-range offsets are problems; the span
    is then dropped from relations, and that is reported too).
    """
    if problems is None:
        problems = []
    first_problem = len(problems)
    report = partial(_problem, problems, strict, path)
    spans, events = _read_lines(ann_text, text, report)
    relations = []
    for lineno, eid, args in events:
        relation = _relation(lineno, eid, args, spans, report)
        if relation is not None:
            relations.append(relation)
    # report this file's problems in line order
    problems[first_problem:] = sorted(problems[first_problem:], key=_problem_line)
    return spans, relations, problems


class _PendingSpan(NamedTuple):
    """A ``T`` line read but not yet turned into a :class:`Span`: its covered text may go on."""

    lineno: int
    id: str
    label: str
    offsets: str  # "START END[;START END]"
    covered: str


def _lines(ann_text: str):
    """``(line number, line)`` for every line, without line ends; no line after a final newline."""
    lines = ann_text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for lineno, raw in enumerate(lines, start=1):
        yield lineno, raw.rstrip("\r")


def _read_lines(ann_text: str, text: str | None, report) -> tuple[dict[str, Span], list[tuple[int, str, list[str]]]]:
    """The spans (``T`` lines) and the still unresolved events (``E`` lines) of one file."""
    spans: dict[str, Span] = {}
    events: list[tuple[int, str, list[str]]] = []
    pending: _PendingSpan | None = None
    for lineno, line in _lines(ann_text):
        if pending is not None:
            if not _ID_LINE.match(line):
                # continuation of a span whose covered text contains a newline
                pending = pending._replace(covered=pending.covered + "\n" + line)
                continue
            _add_span(pending, text, spans, report)
            pending = None
        if not line.strip():
            continue
        if line.startswith("T"):
            pending = _span_line(lineno, line, report)
        elif line.startswith("E"):
            event = _event_line(lineno, line, report)
            if event is not None:
                events.append(event)
        elif not _KNOWN_PREFIX.match(line):
            report(lineno, f"unrecognised line: {line[:80]!r}")
    if pending is not None:
        _add_span(pending, text, spans, report)
    return spans, events


def _span_line(lineno: int, line: str, report) -> _PendingSpan | None:
    """A ``T`` line as a pending span, or None (reported) when it is not one."""
    m = _T_LINE.match(line)
    if m:
        return _PendingSpan(lineno, m.group(1), m.group(2), m.group(3), m.group(4))
    if _T_HEAD.match(line):
        report(lineno, "malformed span line (expected 'Tn<TAB>Label START END[;START END]<TAB>text'): "
                       f"{line[:80]!r}")
    else:
        report(lineno, f"unrecognised line: {line[:80]!r}")
    return None


def _add_span(pending: _PendingSpan, text: str | None, spans: dict[str, Span], report) -> None:
    """Add the finished span to ``spans`` unless its offsets or id are wrong (then report it)."""
    lineno, tid = pending.lineno, pending.id
    frags = []
    for part in pending.offsets.split(";"):
        a, b = part.split()
        s, e = int(a), int(b)
        if e < s:
            report(lineno, f"{tid}: end {e} before start {s}")
            return
        frags.append((s, e))
    if text is not None:
        bad = [f for f in frags if f[1] > len(text)]
        if bad:
            report(lineno, f"{tid}: offsets {bad[0][0]}-{bad[0][1]} beyond end of text "
                           f"({len(text)} characters)")
            return
    if tid in spans:
        report(lineno, f"duplicate id {tid}")
        return
    spans[tid] = Span(tid, pending.label, tuple(frags), pending.covered)


def _event_line(lineno: int, line: str, report) -> tuple[int, str, list[str]] | None:
    """An ``E`` line as ``(line number, id, arguments)``, or None (reported) when it is not one."""
    m = _E_LINE.match(line)
    if not m:
        report(lineno, f"malformed event line: {line[:80]!r}")
        return None
    args = m.group(2).split()
    if not args:
        report(lineno, f"event {m.group(1)} has no arguments")
        return None
    return lineno, m.group(1), args


def _relation(lineno: int, eid: str, args: list[str], spans: dict[str, Span], report) -> Relation | None:
    """The relation an event describes, or None (reported) when its arguments cannot be read."""
    parsed = []
    for arg in args:
        am = _ARG.match(arg)
        if not am:
            report(lineno, f"{eid}: malformed argument {arg!r}")
            return None
        parsed.append((am.group(1), am.group(3)))
    label, trigger = parsed[0]
    if trigger not in spans:
        report(lineno, f"{eid}: trigger {trigger} is not defined")
        return None
    roles: dict[str, list[Span]] = {}
    for role, ref in parsed[1:]:
        if ref not in spans:
            report(lineno, f"{eid}: {role}:{ref} refers to an undefined span")
            continue
        if role not in ROLES:
            report(lineno, f"{eid}: unknown role {role!r}")
            continue
        roles.setdefault(role, []).append(spans[ref])
    return Relation(eid, label, _combine("Source", roles.get("Source")), _combine("Cue", roles.get("Cue")),
                    _combine("Content", roles.get("Content")))


def _combine(role: str, role_spans: list[Span] | None) -> Span | None:
    """One span for all the arguments of a role (``Content``, ``Content2``, ...), or None."""
    if not role_spans:
        return None
    if len(role_spans) == 1:
        return role_spans[0]
    frags = tuple(f for sp in role_spans for f in sp.fragments)
    return Span("+".join(sp.id for sp in role_spans), role, frags,
                " … ".join(sp.text for sp in role_spans))


def _problem_line(msg: str) -> int:
    m = re.search(r":(\d+): ", msg)
    return int(m.group(1)) if m else 0


def _text_for(ann: Path, text_dir: Path) -> tuple[Path | None, str]:
    """Find the text an .ann belongs to: same stem (PARC) or stem minus _ANNOTATOR."""
    same = text_dir / (ann.stem + ".txt")
    if same.exists():
        return same, ""
    if "_" in ann.stem:
        base, annotator = ann.stem.rsplit("_", 1)
        cand = text_dir / (base + ".txt")
        if cand.exists():
            return cand, annotator
    return None, ""


def load_gold(
    directory: str | Path,
    limit: int | None = None,
    strict: bool = False,
) -> GoldCorpus:
    """Load every ``attributions/*.ann`` under ``directory`` with its text.

    ``limit`` restricts loading to the first N distinct texts (sorted by name);
    all annotation files of those texts are kept.
    """
    directory = Path(directory)
    ann_dir, text_dir = directory / "attributions", directory / "text"
    if not directory.is_dir():
        raise FileNotFoundError(f"gold directory not found: {directory}")
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise FileNotFoundError(
            f"{directory} must contain 'text/' and 'attributions/' sub-directories")
    problems: list[str] = []
    docs: list[GoldDocument] = []
    seen_texts: dict[Path, str] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        tpath, annotator = _text_for(ann, text_dir)
        if tpath is None:
            _problem(problems, strict, ann, 0, "no matching text file in text/")
            continue
        if tpath not in seen_texts:
            if limit is not None and len(seen_texts) >= limit:
                continue
            with open(tpath, encoding="utf-8", newline="") as fh:
                seen_texts[tpath] = fh.read()
        text = seen_texts[tpath]
        with open(ann, encoding="utf-8", newline="") as fh:
            ann_text = fh.read()
        spans, rels, _ = parse_ann(ann_text, ann, text, problems=problems, strict=strict)
        docs.append(GoldDocument(tpath.stem, annotator, ann, tpath, text, spans, rels))
    return GoldCorpus(docs, problems)


def relations_frame(corpus: GoldCorpus) -> pd.DataFrame:
    """One row per gold relation; fragments kept as lists of (start, end)."""
    rows = []
    for d in corpus.documents:
        for r in d.relations:
            row = {"article_id": d.name, "annotator": d.annotator, "relation_id": r.id,
                   "label": r.label}
            for role in ("source", "cue", "content"):
                sp = r.role(role)
                row[f"{role}_fragments"] = list(sp.fragments) if sp else []
                row[f"{role}_start"] = sp.start if sp else pd.NA
                row[f"{role}_end"] = sp.end if sp else pd.NA
                row[role] = (" … ".join(d.text[s:e] for s, e in sp.fragments) if sp else "")
            rows.append(row)
    df = pd.DataFrame(rows, columns=[
        "article_id", "annotator", "relation_id", "label",
        "source", "source_start", "source_end", "source_fragments",
        "cue", "cue_start", "cue_end", "cue_fragments",
        "content", "content_start", "content_end", "content_fragments"])
    for c in ("source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end"):
        df[c] = df[c].astype("Int64")
    for c in ("article_id", "annotator", "relation_id", "label", "source", "cue", "content"):
        df[c] = df[c].astype("string")
    return df
