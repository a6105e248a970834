"""The explorers, the reader, the range plot, grading and the ledger work on a drafted corpus of any story,
including one whose machine-made speaker and claimant names are poor (fragments, markup, odd characters).
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

import claimlab
from claimlab import draft, grading, plots, views
from claimlab.ledger import ClaimLedger
from claimlab.reader import ArticleReader
from claimlab.widgets import ClaimExplorer, StatementExplorer

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_DEV = ROOT.parent / "shared" / "polnear" / "dev" / "text"

STORY = ("Blast at <b>depot</b> & market\n\n"
         "RIVERTON, May 2 (Some Wire) - More than 40 people were killed, series of similarly coordinated "
         "sources said on Tuesday. \"We counted 12 bodies,\" said <script>alert(1)</script> Richards. "
         "A new influx of refugees said dozens were wounded, according to officials.\n")


def _drafted(tmp_path, texts: dict[str, str]):
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = draft.draft(folder, progress=False)
    assert report.ok, report.problems
    return folder, claimlab.load_corpus(folder)


def _with_everything_checked(folder: Path) -> None:
    """As if a person had accepted every row: status draft → checked in each table."""
    for name in ("attributions.csv", "figures.csv", "terms.csv"):
        path = folder / name
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        col = rows[0].index("status")
        for r in rows[1:]:
            r[col] = "checked"
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8", newline="")


def test_widgets_on_a_story_with_poor_machine_names(tmp_path):
    folder, corpus = _drafted(tmp_path, {"blast.txt": STORY})
    assert len(corpus.attributions) and len(corpus.figures)
    _with_everything_checked(folder)
    corpus = claimlab.load_corpus(folder)
    st, cl = StatementExplorer(corpus), ClaimExplorer(corpus)
    assert len(st.table) == len(views.statements(corpus)) and "rows" not in st.filters
    assert len(cl.table) == len(views.claims(corpus))
    for html in (st.table_out.value, cl.table_out.value, cl.caption.value):
        assert "<script>" not in html and "<b>depot" not in html
    fig = plots.interval_plot(views.claims(corpus))
    assert len(fig.data) > 0 and plots.alt_text(fig)
    reader = ArticleReader(corpus)
    assert "&lt;script&gt;" in reader.value and "<script>" not in reader.value
    # grading needs a key: with none for this story it says so instead of failing
    empty_key = grading.GradingWidget(corpus, {})
    assert "No graded claims" in empty_key.details.value
    fid = corpus.figures["figure_id"].iloc[0]
    key = {fid: {"defensible": {"Weak": "one source only"},
                 "not_defensible": {g: "not supported" for g in grading.GRADES if g != "Weak"}}}
    assert grading.grade_claim(corpus, fid, "Weak", key).ok is True
    ledger = ClaimLedger(corpus, path=tmp_path / "ledger.csv")
    options = [value for _, value in ledger.choice.options if value]
    assert options, "the ledger offers the story's figures and statements"
    ledger.choice.value = options[0]
    assert ledger.inputs["claim"].value


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason=f"PolNeAR is not at {POLNEAR_DEV}")
def test_widgets_on_drafted_news_articles(tmp_path):
    texts = {f.name: f.read_text(encoding="utf-8") for f in sorted(POLNEAR_DEV.glob("*.txt"))[:5]}
    folder, corpus = _drafted(tmp_path, texts)
    st = StatementExplorer(corpus)
    n = len(views.statements(corpus))
    assert n > 10 and len(st.table) == 0 and f"{n} of {n} row(s) are still drafts" in st.caption.value
    st.set(rows="all")
    assert len(st.table) == n
    cl = ClaimExplorer(corpus)
    if len(corpus.figures):                      # news about elections may have no casualty figures at all
        cl.set(rows="all")
    assert len(cl.table) == len(views.claims(corpus))
    assert ArticleReader(corpus).value
    shutil.rmtree(folder)
