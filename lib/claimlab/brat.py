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
from pathlib import Path

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
    spans: dict[str, Span] = {}
    events: list[tuple[int, str, list[str]]] = []
    # collect T lines with possible multi-line covered text
    pending: tuple[int, str, str, str, str] | None = None  # lineno,id,label,offs,text

    def flush():
        nonlocal pending
        if pending is None:
            return
        lineno, tid, label, offs, covered = pending
        pending = None
        frags = []
        for part in offs.split(";"):
            a, b = part.split()
            s, e = int(a), int(b)
            if e < s:
                _problem(problems, strict, path, lineno, f"{tid}: end {e} before start {s}")
                return
            frags.append((s, e))
        if text is not None:
            bad = [f for f in frags if f[1] > len(text)]
            if bad:
                _problem(problems, strict, path, lineno,
                         f"{tid}: offsets {bad[0][0]}-{bad[0][1]} beyond end of text "
                         f"({len(text)} characters)")
                return
        if tid in spans:
            _problem(problems, strict, path, lineno, f"duplicate id {tid}")
            return
        spans[tid] = Span(tid, label, tuple(frags), covered)

    lines = ann_text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if pending is not None and not _ID_LINE.match(line):
            # continuation of a span whose covered text contains a newline
            lno, tid, label, offs, covered = pending
            pending = (lno, tid, label, offs, covered + "\n" + line)
            continue
        flush()
        if not line.strip():
            continue
        if line.startswith("T"):
            m = _T_LINE.match(line)
            if not m:
                if _T_HEAD.match(line):
                    _problem(problems, strict, path, lineno,
                             f"malformed span line (expected 'Tn<TAB>Label START END[;START END]<TAB>text'): {line[:80]!r}")
                else:
                    _problem(problems, strict, path, lineno, f"unrecognised line: {line[:80]!r}")
                continue
            pending = (lineno, m.group(1), m.group(2), m.group(3), m.group(4))
            continue
        if line.startswith("E"):
            m = _E_LINE.match(line)
            if not m:
                _problem(problems, strict, path, lineno, f"malformed event line: {line[:80]!r}")
                continue
            args = m.group(2).split()
            if not args:
                _problem(problems, strict, path, lineno, f"event {m.group(1)} has no arguments")
                continue
            events.append((lineno, m.group(1), args))
            continue
        if _KNOWN_PREFIX.match(line):
            continue
        _problem(problems, strict, path, lineno, f"unrecognised line: {line[:80]!r}")
    flush()

    relations: list[Relation] = []
    for lineno, eid, args in events:
        parsed = []
        ok = True
        for arg in args:
            am = _ARG.match(arg)
            if not am:
                _problem(problems, strict, path, lineno, f"{eid}: malformed argument {arg!r}")
                ok = False
                break
            parsed.append((am.group(1), am.group(3)))
        if not ok:
            continue
        label, trigger = parsed[0]
        if trigger not in spans:
            _problem(problems, strict, path, lineno, f"{eid}: trigger {trigger} is not defined")
            continue
        roles: dict[str, list[Span]] = {}
        for role, ref in parsed[1:]:
            if ref not in spans:
                _problem(problems, strict, path, lineno, f"{eid}: {role}:{ref} refers to an undefined span")
                continue
            if role not in ROLES:
                _problem(problems, strict, path, lineno, f"{eid}: unknown role {role!r}")
                continue
            roles.setdefault(role, []).append(spans[ref])

        def combine(role):
            lst = roles.get(role)
            if not lst:
                return None
            if len(lst) == 1:
                return lst[0]
            frags = tuple(f for sp in lst for f in sp.fragments)
            return Span("+".join(sp.id for sp in lst), role, frags,
                        " … ".join(sp.text for sp in lst))

        relations.append(Relation(eid, label, combine("Source"), combine("Cue"), combine("Content")))
    # report this file's problems in line order
    problems[first_problem:] = sorted(problems[first_problem:], key=_problem_line)
    return spans, relations, problems


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
