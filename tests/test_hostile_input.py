"""Bad input gets a clear message, and nothing is lost or silently dropped."""

import codecs
import subprocess
import sys

import pytest

import claimlab
from claimlab.corpus import CorpusError

GOOD = ("Ministry denies strike on market\n\nBEIRUT, March 3 (Reuters) - The ministry said on "
        "Tuesday that 12 people were killed. \"We did not strike the market,\" a spokesman said.\n")


def problems_for(corpus, name):
    return list(corpus.problems.loc[corpus.problems["file"] == name, "problem"])


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_empty_file_is_listed_and_the_rest_loads(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\n", encoding="utf-8")
    c = claimlab.load_corpus(folder)
    assert list(c.articles["file"]) == ["good.txt"]
    assert "empty file" in problems_for(c, "empty.txt")[0]
    assert "empty file" in problems_for(c, "blank.md")[0]


def test_binary_file(folder):
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    c = claimlab.load_corpus(folder)
    assert "binary file" in problems_for(c, "photo.txt")[0]
    assert len(c.articles) == 1


def test_latin1_bytes_name_the_line_and_the_fix(folder):
    (folder / "latin.txt").write_bytes("Premi\u00e8re ligne\nCaf\u00e9 bomb\u00e9\n".encode("latin-1"))
    c = claimlab.load_corpus(folder)
    msg = problems_for(c, "latin.txt")[0]
    assert "not valid UTF-8" in msg and "line 1" in msg and "re-save" in msg


def test_bom_is_not_part_of_the_text(folder):
    (folder / "bom.txt").write_bytes(codecs.BOM_UTF8 + GOOD.encode("utf-8"))
    c = claimlab.load_corpus(folder)
    text = c.text("bom")
    assert not text.startswith("\ufeff") and text == GOOD
    assert len(c.problems) == 0


def test_crlf_offsets_match_the_raw_file(folder):
    raw = GOOD.replace("\n", "\r\n").encode("utf-8")
    (folder / "crlf.txt").write_bytes(raw)
    c = claimlab.load_corpus(folder)
    decoded = raw.decode("utf-8")
    assert c.text("crlf") == decoded
    rows = c.attributions[c.attributions["article_id"] == "crlf"]
    assert len(rows) >= 1
    for r in rows.itertuples():
        assert decoded[r.start:r.end] == r.content
    assert c.articles.set_index("article_id").loc["crlf", "headline"] == "Ministry denies strike on market"


def test_a_50_mb_file_is_refused_with_a_reason(folder):
    with open(folder / "dump.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: cheap to make
    c = claimlab.load_corpus(folder)
    msg = problems_for(c, "dump.txt")[0]
    assert "too large" in msg and "50.0 MB" in msg
    assert list(c.articles["file"]) == ["good.txt"]


def test_markup_loads_as_text(folder):
    payload = "Strike report\n\n<script>alert(1)</script> <img src=x onerror=alert(2)> the ministry said.\n"
    (folder / "markup.txt").write_text(payload, encoding="utf-8")
    c = claimlab.load_corpus(folder)
    assert c.text("markup") == payload and len(c.problems) == 0


def test_duplicate_article_ids(folder):
    (folder / "meta.txt").write_text(GOOD, encoding="utf-8")
    (folder / "other.txt").write_text(GOOD, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,article_id\nmeta.txt,same\nother.txt,same\n", encoding="utf-8")
    c = claimlab.load_corpus(folder)
    assert "duplicate article_id 'same'" in problems_for(c, "other.txt")[0]
    assert "same" in c.texts and "good" in c.texts


def test_annotation_rows_that_do_not_match_are_listed(folder):
    (folder / "articles.csv").write_text("article_id,file,outlet\ngood,good.txt,\n", encoding="utf-8")
    (folder / "figures.csv").write_text(
        "article_id,figure_id,claimant,measure,low,high,text,start,end\n"
        "good,F1,,killed,12,12,12 people were killed,0,22\n", encoding="utf-8")
    c = claimlab.load_corpus(folder)
    msg = problems_for(c, "figures.csv")
    assert any("does not match the text" in m for m in msg)
    assert len(c.figures[c.figures["origin"] == "curated"]) == 0


def test_missing_metadata_columns(folder):
    (folder / "metadata.csv").write_text("name,outlet\ngood.txt,Reuters\n", encoding="utf-8")
    c = claimlab.load_corpus(folder)
    assert "missing column(s): file" in problems_for(c, "metadata.csv")[0]
    assert c.articles.iloc[0]["metadata"] == "inferred"


def test_other_files_are_listed_not_ignored(folder):
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    c = claimlab.load_corpus(folder)
    assert "not an article" in problems_for(c, "notes.docx")[0]


def test_empty_folder_and_missing_path(tmp_path):
    with pytest.raises(CorpusError, match="no articles"):
        claimlab.load_corpus(tmp_path)
    with pytest.raises(CorpusError, match="not found"):
        claimlab.load_corpus(tmp_path / "missing")
    with pytest.raises(CorpusError, match="not a folder"):
        claimlab.load_corpus(__file__)


def test_strict_raises_one_error_naming_every_problem(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin.txt").write_bytes(b"caf\xe9\n")
    with pytest.raises(CorpusError) as err:
        claimlab.load_corpus(folder, strict=True)
    assert "2 problem(s)" in str(err.value)
    assert "empty.txt" in str(err.value) and "latin.txt" in str(err.value)


def test_validate_cli_prints_each_problem_and_fails(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin.txt").write_bytes(b"caf\xe9\n")
    r = subprocess.run([sys.executable, "-m", "claimlab", "validate", str(folder)],
                       capture_output=True, text=True)
    assert r.returncode == 1
    assert "empty.txt: empty file" in r.stdout and "latin.txt: not valid UTF-8" in r.stdout
    r = subprocess.run([sys.executable, "-m", "claimlab", "validate", str(folder / "nope")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "not found" in r.stderr


def test_widgets_say_no_rows_match(folder):
    from claimlab.widgets import ClaimExplorer, StatementExplorer
    seeds = claimlab.load_corpus()
    e = ClaimExplorer(seeds).set(outlet="TASS", claimant="SOHR")
    assert len(e.table) == 0 and "No rows match" in e.table_out.value
    s = StatementExplorer(seeds).set(outlet="IBTimes", actor="Heather Nauert")
    assert len(s.table) == 0 and "No rows match" in s.table_out.value
    # A corpus with no figures at all still builds its explorers.
    (folder / "good.txt").write_text("Quiet day\n\nNothing happened anywhere today.\n", encoding="utf-8")
    plain = claimlab.load_corpus(folder)
    assert len(plain.figures) == 0
    assert "No rows match" in ClaimExplorer(plain).table_out.value
