"""load_corpus and `python -m claimlab validate`, on the seeds and on folders made here."""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import claimlab
from claimlab.corpus import CorpusError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

PUBLIC = {
    "articles": ["article_id", "file", "outlet", "headline", "published", "dateline"],
    "attributions": ["article_id", "speaker", "actor", "speaker_type", "cue", "content", "direct", "start", "end"],
    "figures": ["article_id", "claimant", "measure", "low", "high", "text", "start", "end"],
}


@pytest.fixture(scope="module")
def seeds():
    return claimlab.load_corpus()


def test_seeds_load_with_public_columns_and_types(seeds):
    for table, cols in PUBLIC.items():
        df = getattr(seeds, table)
        assert set(cols) <= set(df.columns), table
    assert pd.api.types.is_datetime64_any_dtype(seeds.articles["published"])
    assert str(seeds.attributions["start"].dtype) == "Int64"
    assert seeds.attributions["direct"].dtype == bool
    assert str(seeds.figures["low"].dtype) == "Float64"
    assert len(seeds.articles) == 5 and len(seeds.problems) == 0
    assert set(seeds.attributions["origin"]) == {"curated"}


def test_tables_join_by_ids(seeds):
    a = seeds.attributions.merge(seeds.articles[["article_id", "outlet"]], on="article_id", how="left")
    assert a["outlet"].notna().all()
    assert set(seeds.articles["outlet"]) <= set(seeds.outlets["outlet"])
    assert set(seeds.attributions["actor"]) <= set(seeds.actors["actor"])
    claimed = seeds.figures.loc[seeds.figures["claimant"] != "", "claimant"]
    assert set(claimed) <= set(seeds.actors["actor"])


def test_spans_index_the_loaded_text(seeds):
    for r in seeds.attributions.itertuples():
        assert seeds.text(r.article_id)[r.start:r.end] == r.content
    for r in seeds.figures.itertuples():
        assert seeds.text(r.article_id)[r.start:r.end] == r.text


def test_vague_figures_are_missing_not_zero(seeds):
    f = seeds.figures.set_index("text")
    assert pd.isna(f.loc["numerous casualties", "low"]) and pd.isna(f.loc["numerous casualties", "high"])
    assert f.loc["did not carry out a single strike", "high"] == 0
    assert f.loc["26 people were killed", "low"] == 26


def test_paragraph_kinds_mark_boilerplate(seeds):
    p = seeds.paragraphs
    kinds = p.groupby("article_id")["kind"].apply(set)
    assert "navigation" in kinds["tass-idlib-2019"]
    assert "share" in kinds["presstv-idlib-2017"]
    assert "copyright" in kinds["ibtimes-aleppo-2016"]
    assert (p["kind"] == "body").sum() > 30


def test_unknown_article_names_the_known_ones(seeds):
    with pytest.raises(KeyError, match="tass-idlib-2019"):
        seeds.text("nope")


def run_validate(*args):
    return subprocess.run([sys.executable, "-m", "claimlab", "validate", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_validate_passes_on_the_seeds():
    r = run_validate()
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 problem(s)" in r.stdout


def test_validate_reports_a_bad_offset_with_file_and_line(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    table = folder / "figures.csv"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if ",26 people were killed," in line)
    lines[n] = lines[n].replace("26 people were killed", "62 people were killed")
    table.write_text("".join(lines), encoding="utf-8")
    r = run_validate(folder)
    assert r.returncode == 1
    assert f"figures.csv:{n + 1}: text does not match the text" in r.stdout


def test_validate_catches_an_edited_seed_byte(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    raw = folder / "004_dfcc560c4baf407d.txt"
    raw.write_bytes(raw.read_bytes().replace(b"250,000", b"350,000"))
    r = run_validate(folder)
    assert r.returncode == 1
    assert "004_dfcc560c4baf407d.txt: raw bytes changed" in r.stdout


def test_bad_rows_are_listed_not_silently_dropped(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    table = folder / "attributions.csv"
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace(",Nauert,845,851,", ",Nauert,846,852,", 1), encoding="utf-8")
    c = claimlab.load_corpus(folder)
    assert len(c.attributions) == len(claimlab.load_corpus().attributions) - 1
    assert c.problems["problem"].str.contains("speaker does not match").sum() == 1
    with pytest.raises(CorpusError, match="attributions.csv"):
        claimlab.load_corpus(folder, strict=True)


def test_a_plain_folder_gets_inferred_metadata_and_extracted_tables(tmp_path):
    (tmp_path / "one.txt").write_text(
        "Ministry denies strike on market\n\nBEIRUT, March 3 (Reuters) - The ministry said on "
        "Tuesday that 12 people were killed. \"We did not strike the market,\" a spokesman said.\n",
        encoding="utf-8")
    c = claimlab.load_corpus(tmp_path)
    art = c.articles.iloc[0]
    assert art["headline"] == "Ministry denies strike on market"
    assert art["wire"] == "Reuters" and art["metadata"] == "inferred"
    assert pd.isna(art["published"]) and "published" in art["uninferred"]
    assert len(c.attributions) >= 1 and set(c.attributions["origin"]) == {"extracted"}
    assert (c.figures["low"] == 12).any()


def test_long_loads_show_progress_and_short_ones_do_not(tmp_path, capsys):
    from claimlab.corpus import PROGRESS_LABEL, PROGRESS_MIN_ARTICLES
    text = "The ministry said on Tuesday that 12 people were killed.\n"
    n = PROGRESS_MIN_ARTICLES + 10
    for i in range(n):
        (tmp_path / f"a{i:03d}.txt").write_text(f"Report {i}\n\n{text}", encoding="utf-8")
    c = claimlab.load_corpus(tmp_path)  # PROGRESS_MIN_ARTICLES or more to extract: a bar, by default
    err = capsys.readouterr().err
    # Outside Jupyter, tqdm draws the bar as text on stderr; it ends complete.
    assert PROGRESS_LABEL in err and f"{n}/{n}" in err and "100%" in err
    assert len(c.articles) == n and c.figures["article_id"].nunique() == n
    claimlab.load_corpus(tmp_path, progress=False)
    assert PROGRESS_LABEL not in capsys.readouterr().err
    # Just below the threshold: no bar (the lessons' seed loads must print nothing).
    fewer = tmp_path / "fewer"
    fewer.mkdir()
    for i in range(PROGRESS_MIN_ARTICLES - 1):
        (fewer / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
    claimlab.load_corpus(fewer)
    assert capsys.readouterr().err == ""
    small = tmp_path / "small"
    small.mkdir()
    (small / "one.txt").write_text(text, encoding="utf-8")
    claimlab.load_corpus(small, progress=True)  # asked for: a bar even for one article
    assert f"{PROGRESS_LABEL}: 100%" in capsys.readouterr().err
    claimlab.load_corpus(small)
    claimlab.load_corpus()
    assert capsys.readouterr().err == ""


def test_validate_does_not_depend_on_the_loader():
    """corpus imports validate's checks; validate must not import corpus back (no cycle)."""
    code = "import sys, claimlab.validate; print('claimlab.corpus' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "lib")})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "False"
    tree = ast.parse((ROOT / "lib" / "claimlab" / "validate.py").read_text(encoding="utf-8"))
    imported = set()  # also imports inside functions
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported |= {f"{node.module or ''}.{alias.name}" for alias in node.names}
    assert not [name for name in imported if "corpus" in name.split(".")]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        claimlab.load_corpus(tmp_path / "nowhere")
