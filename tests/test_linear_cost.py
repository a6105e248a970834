"""Cost grows linearly with the input (issue #17, rule 7): loading, validating, drafting and extracting.

Each test times the same work at two sizes, n and 4n, best of 3 (the runs of the
two sizes taken in turn), and asserts
that the time ratio stays below 8: twice the size ratio, room for a busy shared
machine, while a cost that grows with the square of the input would give about
16.  The sizes are chosen so that the smaller run already takes a good part of
a second (fixed start-up costs would otherwise hide the growth) and each test
stays under 10 s.  Absolute speeds are measured in bench/, not here; how the
cost grows with the length of ONE article is measured by
bench/one_article_scaling.py (extraction is quadratic in the figures of one
article: see there).
"""

from __future__ import annotations

import contextlib
import csv
import io
import time
from collections.abc import Callable
from pathlib import Path

import pytest

# A paragraph of the kind the extractor and the checks work on: quotes, cues, figures.
PARAGRAPHS = [
    '"We did not strike the market," a spokesman for the ministry said on Tuesday.',
    "The civil defence said {n} people were killed and {m} wounded in the blast near the river.",
    "According to the monitor, more than {k} civilians have fled since Monday.",
    "Officials told the agency that the talks would resume, though neither side confirmed it.",
    "The army said its units had returned fire after an attack on a checkpoint.",
]
RATIO_LIMIT = 8
SIZE_RATIO = 4


def article(i: int, paragraphs: int = 6) -> str:
    body = "\n\n".join(PARAGRAPHS[(i + j) % len(PARAGRAPHS)].format(n=10 + i % 50, m=3 + i % 7, k=100 + i)
                       for j in range(paragraphs))
    return f"Strike report number {i} from the river towns\n\nRIVERTON, March 3 (Wire) - {body}\n"


def make_folder(root: Path, n: int, *, tables: bool) -> Path:
    """n articles; with ``tables``, articles.csv and one attribution per article, every 10th one wrong."""
    folder = root / f"corpus{n}"
    folder.mkdir(parents=True)
    meta = [["article_id", "file", "outlet", "headline", "published", "date_confidence"]]
    attrs = [["article_id", "attribution_id", "content", "content_start", "content_end", "cue", "cue_start",
              "cue_end", "speaker_type", "quote_type"]]
    quote, cue = "We did not strike the market,", "said"
    for i in range(n):
        text = article(i)
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        meta.append([f"a{i}", f"a{i:05d}.txt", "Wire", f"Strike report {i}", f"2019-03-{1 + i % 28:02d}", "high"])
        s = text.index(quote)
        c = text.index(cue, s)
        shown = quote if i % 10 else quote.upper()  # every 10th row does not match its text: a problem
        attrs.append([f"a{i}", f"A{i}", shown, s, s + len(quote), cue, c, c + len(cue), "institution", "direct"])
    if tables:
        for name, rows in (("articles.csv", meta), ("attributions.csv", attrs)):
            with open(folder / name, "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(rows)
    return folder


def timed(run: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    run()
    return time.perf_counter() - t0


def ratio(small: Callable[[], object], large: Callable[[], object]) -> tuple[float, float, float]:
    """Best of 3 at each size, the runs taken in turn (small, large, small, ...) so that a busy spell of
    the machine slows both sizes alike; the first run, which warms imports and caches, is not counted."""
    small()
    a, b = [], []
    for _ in range(3):
        a.append(timed(small))
        b.append(timed(large))
    return min(b) / min(a), min(a), min(b)


def assert_linear(small: Callable[[], object], large: Callable[[], object], what: str) -> None:
    r, a, b = ratio(small, large)
    print(f"{what}: {a:.3f} s at n, {b:.3f} s at {SIZE_RATIO}n: ratio {r:.2f}")  # shown with pytest -s
    assert r < RATIO_LIMIT, f"{what}: {a:.3f} s at n, {b:.3f} s at {SIZE_RATIO}n: ratio {r:.1f}"


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("linear")
    return {n: make_folder(root, n, tables=True) for n in (300, 300 * SIZE_RATIO)}


def test_load_is_linear(folders):
    import claimlab
    small, large = sorted(folders)
    c = claimlab.load_corpus(folders[large], extract=False)
    assert len(c.articles) == large and len(c.problems) == large // 10  # the work really was done
    assert_linear(lambda: claimlab.load_corpus(folders[small], extract=False),
                  lambda: claimlab.load_corpus(folders[large], extract=False), "load_corpus")


def test_validate_is_linear(folders):
    from claimlab.__main__ import main

    def validate(folder):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            assert main(["validate", str(folder)]) == 1
        return out.getvalue()

    small, large = sorted(folders)
    assert validate(folders[large]).count("\n") == large // 10
    assert_linear(lambda: validate(folders[small]), lambda: validate(folders[large]), "validate")


def test_extract_is_linear():
    from claimlab.extract import extract
    small = {f"a{i}": article(i) for i in range(120)}
    large = {f"a{i}": article(i) for i in range(120 * SIZE_RATIO)}
    attrs, figs = extract(small)
    assert attrs["article_id"].nunique() == len(small) and len(figs) >= len(small)  # the work is done
    assert_linear(lambda: extract(small), lambda: extract(large), "extract")


def test_draft_is_linear(tmp_path):
    from claimlab.draft import draft
    runs = iter(range(100))

    def drafted(n: int) -> float:
        # Each run drafts a fresh folder: draft never drafts an article twice.
        folder = make_folder(tmp_path / f"run{next(runs)}", n, tables=False)
        t0 = time.perf_counter()
        report = draft(folder, progress=False)
        spent = time.perf_counter() - t0
        assert report.ok and len(report.drafted) == n, report.summary()
        return spent

    small, large = 24, 24 * SIZE_RATIO
    drafted(small)  # warm
    pairs = [(drafted(small), drafted(large)) for _ in range(3)]  # in turn, as ratio() does
    a, b = min(x for x, _ in pairs), min(y for _, y in pairs)
    print(f"draft: {a:.3f} s at n, {b:.3f} s at {SIZE_RATIO}n: ratio {b / a:.2f}")  # shown with pytest -s
    assert b / a < RATIO_LIMIT, f"draft: {a:.3f} s at n, {b:.3f} s at {SIZE_RATIO}n: ratio {b / a:.1f}"
