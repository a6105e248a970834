"""`draft DIR`: machine-drafted tables beside articles nobody annotated.

Every test works on a copy in tmp_path and checks what a person sees: the
files draft writes (or leaves alone) and the messages it prints.
"""

import csv
import io
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import claimlab
from claimlab import draft
from claimlab.__main__ import main as claimlab_main
from claimlab.extract import extract
from claimlab.framing import find_terms

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PRACTICE = ROOT / "lib" / "claimlab_course" / "cases" / "varnel" / "text"
TABLES = ["articles.csv", "attributions.csv", "figures.csv", "terms.csv", "actors.csv", "outlets.csv"]
SPANS = {"attributions.csv": [("speaker", "speaker_start", "speaker_end"), ("cue", "cue_start", "cue_end"),
                              ("content", "content_start", "content_end")],
         "figures.csv": [("text", "start", "end")], "terms.csv": [("term", "start", "end")]}

TINY = {
    "ministry_denial.txt": (
        "Ministry denies strike on market\n\n"
        "DAMASCUS, March 3, 2021 (Reuters) - The defence ministry said on Tuesday that no aircraft had "
        "flown over the town. \u201cThese reports are false,\u201d a ministry spokesman told reporters.\n\n"
        "At least 12 civilians were killed, according to local medics. The so-called rebels "
        "reportedly held the area.\n"),
    "quiet_day.md": "A quiet day\n\nNothing happened in the valley and nobody spoke to the press.\n",
}


def run(capsys, folder) -> tuple[int, str]:
    """``python -m claimlab draft DIR --quiet``: exit code and everything printed."""
    code = draft.main([str(folder), "--quiet"])
    out = capsys.readouterr()
    return code, out.out + out.err


def validate_dir(capsys, folder) -> tuple[int, str]:
    code = claimlab_main(["validate", str(folder)])
    out = capsys.readouterr()
    return code, out.out + out.err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def text_of(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.fixture
def folder(tmp_path):
    """Two seed articles (without their tables), the practice articles and two tiny texts."""
    d = tmp_path / "week"
    d.mkdir()
    for name in ("000_8ddbc7cf03a7bda9.txt", "002_cf4b3b3e72b76428.txt"):
        shutil.copy(SEEDS / name, d / name)
    for p in PRACTICE.glob("*.txt"):
        shutil.copy(p, d / p.name)
    for name, text in TINY.items():
        (d / name).write_text(text, encoding="utf-8", newline="")
    return d


def article_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))


def test_drafted_tables_validate_and_load_as_drafts(folder, capsys):
    code, said = run(capsys, folder)
    assert code == 0, said
    n = len(article_files(folder))
    assert said.startswith(f"drafted {n} articles: ")
    assert f"{folder / 'attributions.csv'}" in said and "next: correct them" in said
    for name in ("articles.csv", "attributions.csv", "figures.csv", "terms.csv", "actors.csv"):
        header, rows = read_csv(folder / name)
        assert header[-1] == "status", name
        assert rows and {r["status"] for r in rows} == {"draft"}, name
        ids = [r[header[1] if name != "actors.csv" else "actor"] for r in rows]
        assert len(ids) == len(set(ids)), f"duplicate ids in {name}"
    # Same order of columns as the curated tables, status last (articles: plus "missing").
    for name in ("attributions.csv", "figures.csv", "terms.csv"):
        assert read_csv(folder / name)[0] == read_csv(SEEDS / name)[0] + ["status"]
    assert read_csv(folder / "articles.csv")[0] == read_csv(SEEDS / "articles.csv")[0] + ["missing", "status"]

    code, said = validate_dir(capsys, folder)
    assert code == 0 and "0 problem(s)" in said, said

    corpus = claimlab.load_corpus(folder)
    assert len(corpus.problems) == 0
    assert len(corpus.articles) == n
    for table in ("articles", "attributions", "figures", "terms"):
        df = getattr(corpus, table)
        assert (df["status"] == "draft").all(), table
    # Loaded from the tables (their ids), not extracted again.
    assert set(corpus.attributions["origin"]) == {"curated"}
    assert set(corpus.attributions["attribution_id"]) == {r["attribution_id"]
                                                          for r in read_csv(folder / "attributions.csv")[1]}


def test_drafted_rows_are_what_the_extractor_finds(folder, capsys):
    assert run(capsys, folder)[0] == 0
    corpus = claimlab.load_corpus(folder)
    attrs, figs = extract(corpus.texts)
    terms = find_terms(corpus.texts)

    def rows(df, cols):
        out = []
        for rec in df[cols].itertuples(index=False):
            out.append(tuple("" if pd.isna(v) else str(int(v)) if isinstance(v, float) and v == int(v)
                             else str(v) for v in rec))
        return sorted(out)

    a_cols = ["article_id", "speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
              "content", "content_start", "content_end", "actor", "quote_type", "channel"]
    assert rows(corpus.attributions, a_cols) == rows(attrs, a_cols)
    # The extractor's "named person" is the tables' "person".
    assert (sorted(corpus.attributions["speaker_type"].tolist())
            == sorted(attrs["speaker_type"].replace("named person", "person").tolist()))
    f_cols = ["article_id", "claimant", "measure", "low", "high", "unit", "qualifier", "text", "start", "end"]
    assert rows(corpus.figures, f_cols) == rows(figs, f_cols)
    t_cols = ["article_id", "term", "start", "end", "category"]
    assert rows(corpus.terms, t_cols) == rows(terms, t_cols)
    assert len(corpus.attributions) > 10 and len(corpus.figures) > 2 and len(corpus.terms) > 5
    # A figure inside a drafted statement names that statement; its claimant is the statement's actor.
    linked = corpus.figures[corpus.figures["attribution_id"] != ""]
    assert len(linked) > 0
    by_id = corpus.attributions.set_index("attribution_id")
    for f in linked.itertuples():
        a = by_id.loc[f.attribution_id]
        assert a.article_id == f.article_id and a.start <= f.start and f.end <= a.end + 1
        assert f.claimant == (a.actor or a.speaker)


def test_every_span_is_the_text_between_its_offsets(folder, capsys):
    assert run(capsys, folder)[0] == 0
    texts = {r["article_id"]: text_of(folder / r["file"]) for r in read_csv(folder / "articles.csv")[1]}
    checked = 0
    for name, spans in SPANS.items():
        for r in read_csv(folder / name)[1]:
            for col, s, e in spans:
                if r[s] or r[col]:
                    assert texts[r["article_id"]][int(r[s]):int(r[e])] == r[col], (name, r)
                    checked += 1
    assert checked > 50


def test_articles_csv_says_what_a_person_must_fill_in(folder, capsys):
    assert run(capsys, folder)[0] == 0
    rows = {r["file"]: r for r in read_csv(folder / "articles.csv")[1]}
    dated = rows["ministry_denial.txt"]
    assert dated["published"] == "2021-03-03" and "2021-03-03" in dated["date_evidence"]
    assert dated["headline"] == "Ministry denies strike on market"
    assert dated["outlet"] == "" and "outlet" in dated["missing"] and "published" not in dated["missing"]
    undated = rows["quiet_day.md"]
    assert undated["published"] == "" and undated["date_evidence"].startswith("Not inferred")
    assert "published:" in undated["missing"] and "dateline:" in undated["missing"]


def test_running_draft_again_adds_nothing_and_says_so(folder, capsys):
    assert run(capsys, folder)[0] == 0
    before = snapshot(folder)
    code, said = run(capsys, folder)
    assert code == 0
    assert "nothing to draft" in said and "no file was changed" in said
    assert snapshot(folder) == before


def seed_tables_for(folder: Path, article_id: str) -> None:
    """The curated seed rows of one article, each table's header ending in ',status' and nothing else
    changed: the rows keep one cell fewer than the header (they count as checked)."""
    for name in TABLES:
        raw = (SEEDS / name).read_bytes().decode("utf-8")
        head, _, body = raw.partition("\r\n")
        if name in ("outlets.csv", "actors.csv"):
            keep = body
        else:
            buf = io.StringIO(newline="")
            w = csv.writer(buf)
            for rec in csv.reader(io.StringIO(body, newline="")):
                if rec[0] == article_id:
                    w.writerow(rec)
            keep = buf.getvalue()
        (folder / name).write_bytes((head + ",status\r\n" + keep).encode("utf-8"))


def test_curated_article_is_left_alone_and_existing_bytes_stay_a_prefix(folder, capsys):
    seed_tables_for(folder, "tass-idlib-2019")
    before = snapshot(folder)
    assert validate_dir(capsys, folder)[0] == 0
    code, said = run(capsys, folder)
    assert code == 0, said
    assert "left alone 1 article(s)" in said
    for name in TABLES:
        after = (folder / name).read_bytes()
        assert after.startswith(before[name]), name
    for name in ("articles.csv", "attributions.csv", "figures.csv", "terms.csv"):
        _, rows = read_csv(folder / name)
        old = [r for r in rows if r["article_id"] == "tass-idlib-2019"]
        new = [r for r in rows if r["article_id"] != "tass-idlib-2019"]
        assert old and all(r.get("status") is None for r in old), name  # the rows as they were
        assert {r["status"] for r in new} == {"draft"}, name
    drafted = {r["file"] for r in read_csv(folder / "articles.csv")[1]
               if r["article_id"] != "tass-idlib-2019"}
    assert drafted == {p.name for p in article_files(folder)} - {"000_8ddbc7cf03a7bda9.txt"}
    assert validate_dir(capsys, folder)[0] == 0
    corpus = claimlab.load_corpus(folder)
    curated = corpus.attributions[corpus.attributions["article_id"] == "tass-idlib-2019"]
    in_seeds = [r for r in read_csv(SEEDS / "attributions.csv")[1] if r["article_id"] == "tass-idlib-2019"]
    assert len(curated) == len(in_seeds)
    assert set(curated["status"]) == {""}
    assert (corpus.attributions.loc[corpus.attributions["article_id"] != "tass-idlib-2019", "status"]
            == "draft").all()


def test_drafted_ids_never_collide_with_ids_already_taken(folder, capsys):
    # A curated row already uses the id draft would give the first statement of market-strike.
    seed_tables_for(folder, "tass-idlib-2019")
    with open(folder / "attributions.csv", "a", encoding="utf-8", newline="") as f:
        csv.writer(f).writerow(["tass-idlib-2019", "market-strike-A01", "the source", 600, 610, "said",
                                611, 615, ("We have seen Russian commentary on the strike against Al-Qaida "
                                           "in Syria (AQ-S) leadership carried out on August 31"), 483, 597,
                                "US State Department", "anonymous", "direct", "TASS", "", "", ""])
    assert run(capsys, folder)[0] == 0
    _, rows = read_csv(folder / "attributions.csv")
    ids = [r["attribution_id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert "market-strike-A02" in ids
    assert validate_dir(capsys, folder)[0] == 0


@pytest.mark.parametrize("header, expected", [
    ("article_id,attribution_id,speaker,content,content_end,status",
     "attributions.csv has no columns speaker_start, speaker_end, cue, cue_start, cue_end, content_start"),
    (",".join(read_csv(SEEDS / "attributions.csv")[0]),
     ("attributions.csv has no column status, so drafted rows could not be told from checked ones: "
      "add ',status' at the end of its first line")),
])
def test_incompatible_header_is_refused_and_nothing_changes(folder, capsys, header, expected):
    (folder / "attributions.csv").write_text(header + "\n", encoding="utf-8")
    before = snapshot(folder)
    code, said = run(capsys, folder)
    assert code == 1
    assert expected in said and "then run draft again" in said
    assert "no file was changed" in said
    assert snapshot(folder) == before


def test_broken_row_is_refused_with_its_line(folder, capsys):
    header = ",".join(read_csv(SEEDS / "terms.csv")[0]) + ",status"
    (folder / "terms.csv").write_text(header + "\nmarket-strike,T1,rebels,10\n", encoding="utf-8")
    before = snapshot(folder)
    code, said = run(capsys, folder)
    assert code == 1
    assert "terms.csv line 2 has 4 cells but the header has 9" in said
    assert snapshot(folder) == before


def test_table_with_an_open_quotation_is_refused(folder, capsys):
    # Rows appended after an unclosed quote would become part of that cell.
    header = ",".join(read_csv(SEEDS / "terms.csv")[0]) + ",status"
    (folder / "terms.csv").write_text(header + '\nmarket-strike,T1,"rebels,10,16,actor_label,,,\n',
                                      encoding="utf-8")
    before = snapshot(folder)
    code, said = run(capsys, folder)
    assert code == 1 and "terms.csv is not a readable CSV file" in said
    assert snapshot(folder) == before


def test_file_that_is_not_utf8_is_reported_and_the_others_are_drafted(folder, capsys):
    (folder / "latin1.txt").write_bytes("Caf\xe9 owners said the strike hit the square.\n".encode("latin-1"))
    (folder / "blank.txt").write_bytes(b"  \n")
    code, said = run(capsys, folder)
    assert code == 1
    assert "latin1.txt: not valid UTF-8" in said and "it was not drafted" in said
    assert "blank.txt: empty file" in said
    drafted = {r["file"] for r in read_csv(folder / "articles.csv")[1]}
    assert drafted == {p.name for p in article_files(folder)} - {"latin1.txt", "blank.txt"}
    code, said = validate_dir(capsys, folder)
    assert "latin1.txt: not valid UTF-8" in said and "2 problem(s)" in said


def test_non_utf8_table_is_refused(folder, capsys):
    (folder / "articles.csv").write_bytes("article_id,file,headline\nx,caf\xe9.txt,\n".encode("latin-1"))
    before = snapshot(folder)
    code, said = run(capsys, folder)
    assert code == 1 and "articles.csv is not valid UTF-8" in said
    assert snapshot(folder) == before


def test_read_only_folder(folder, capsys):
    before = snapshot(folder)
    os.chmod(folder, 0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user can write to read-only folders (root)")
        code, said = run(capsys, folder)
    finally:
        os.chmod(folder, 0o755)
    assert code == 1
    assert re.search(rf"cannot write {re.escape(str(folder))}/\w+\.csv: permission denied", said), said
    assert snapshot(folder) == before


def test_folder_that_refuses_writes(folder, capsys, monkeypatch):
    # What a read-only folder does even to root: creating the temporary file fails.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("tempfile.mkstemp", refuse)
    before = snapshot(folder)
    code, said = run(capsys, folder)
    assert code == 1
    assert re.search(rf"cannot write {re.escape(str(folder))}/\w+\.csv: permission denied", said), said
    assert snapshot(folder) == before


def test_folder_that_cannot_be_drafted(tmp_path, capsys):
    code, said = run(capsys, tmp_path / "nowhere")
    assert code == 2 and "folder not found" in said
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    code, said = run(capsys, tmp_path / "a.txt")
    assert code == 2 and "not a folder" in said
    empty = tmp_path / "empty"
    empty.mkdir()
    code, said = run(capsys, empty)
    assert code == 2 and "no articles in" in said
    assert list(empty.iterdir()) == []


def test_metadata_csv_is_not_silently_replaced(folder, capsys):
    (folder / "metadata.csv").write_text("file,outlet\nquiet_day.md,\n", encoding="utf-8")
    before = snapshot(folder)
    code, said = run(capsys, folder)
    assert code == 1 and "rename metadata.csv to articles.csv" in said
    assert snapshot(folder) == before


def test_draft_returns_a_report(folder):
    report = draft.draft(folder, progress=False)
    assert report.ok and len(report.drafted) == len(article_files(folder))
    assert report.rows["attributions.csv"] == len(read_csv(folder / "attributions.csv")[1])
    again = draft.draft(folder, progress=False)
    assert again.ok and again.drafted == [] and len(again.skipped) == len(report.drafted)
    assert again.rows == {}


def test_validate_checks_the_status_values(folder, capsys):
    assert run(capsys, folder)[0] == 0
    for name in ("articles.csv", "terms.csv"):
        raw = (folder / name).read_bytes()
        head, _, body = raw.partition(b"\r\n")
        first, _, rest = body.partition(b"\r\n")
        assert first.endswith(b",draft")
        (folder / name).write_bytes(head + b"\r\n" + first[:-len(b"draft")] + b"reviewed\r\n" + rest)
    code, said = validate_dir(capsys, folder)
    assert code == 1
    for name in ("articles.csv", "terms.csv"):
        assert f"{name}:2: status 'reviewed' is not one of ['checked', 'draft']" in said


def test_a_table_with_status_marks_what_the_loader_extracts_as_draft(folder, capsys):
    # Before drafting: one article curated (status column, rows without the cell), the others are
    # inferred and extracted by load_corpus itself.
    seed_tables_for(folder, "tass-idlib-2019")
    corpus = claimlab.load_corpus(folder)
    assert len(corpus.problems) == 0
    mine = corpus.attributions["article_id"] == "tass-idlib-2019"
    assert set(corpus.attributions.loc[mine, "status"]) == {""}
    assert set(corpus.attributions.loc[~mine, "origin"]) == {"extracted"}
    assert set(corpus.attributions.loc[~mine, "status"]) == {"draft"}
    inferred = corpus.articles["metadata"] == "inferred"
    assert inferred.sum() == len(article_files(folder)) - 1
    assert set(corpus.articles.loc[inferred, "status"]) == {"draft"}


def test_table_without_a_final_newline_is_appended_to_on_a_new_line(folder, capsys):
    header = ",".join(read_csv(SEEDS / "articles.csv")[0]) + ",status"
    row = "quiet-day,quiet_day.md,,A quiet day,,,,,,,,,checked"
    (folder / "articles.csv").write_bytes(f"\ufeff{header}\n{row}".encode())  # BOM, \n, no final newline
    before = (folder / "articles.csv").read_bytes()
    code, said = run(capsys, folder)
    assert code == 0, said
    after = (folder / "articles.csv").read_bytes()
    assert after.startswith(before + b"\n") and b"\r" not in after  # the file's own line ends
    _, rows = read_csv(folder / "articles.csv")
    assert [r["status"] for r in rows].count("checked") == 1
    assert len(rows) == len(article_files(folder))
    assert validate_dir(capsys, folder)[0] == 0


def test_read_only_table(folder, capsys):
    header = ",".join(read_csv(SEEDS / "articles.csv")[0]) + ",status\n"
    (folder / "articles.csv").write_text(header, encoding="utf-8")
    os.chmod(folder / "articles.csv", 0o444)
    if os.access(folder / "articles.csv", os.W_OK):
        pytest.skip("this user can write to read-only files (root)")
    before = snapshot(folder)
    code, said = run(capsys, folder)
    assert code == 1
    assert f"cannot write {folder / 'articles.csv'}: permission denied (the file is read-only)" in said
    assert snapshot(folder) == before


def test_explorers_show_checked_rows_by_default_and_say_how_many_are_drafts(tmp_path):
    """Part 6 of 'Any story': on a drafted folder the explorers hide drafts until asked, and count them."""
    from claimlab.widgets import ClaimExplorer, StatementExplorer
    folder = tmp_path / "story"
    folder.mkdir()
    for f in sorted(PRACTICE.glob("*.txt")):
        shutil.copy(f, folder / f.name)
    draft.draft(folder, progress=False)
    corpus = claimlab.load_corpus(folder)
    n_st = len(claimlab.views.statements(corpus))
    assert n_st > 0 and (corpus.attributions["status"] == "draft").all()
    ex = StatementExplorer(corpus)
    assert len(ex.table) == 0                                   # nothing checked yet
    assert f"{n_st} of {n_st} row(s) are still drafts" in ex.caption.value
    assert "they are hidden" in ex.caption.value
    ex.set(rows="all")
    assert len(ex.table) == n_st and "they are shown" in ex.caption.value and ">draft<" in ex.table_out.value
    # a person checks one statement: it shows by default, the others stay hidden
    text = (folder / "attributions.csv").read_text(encoding="utf-8")
    first_draft = text.index(",draft")
    (folder / "attributions.csv").write_text(text[:first_draft] + ",checked" + text[first_draft + 6:],
                                             encoding="utf-8")
    again = StatementExplorer(claimlab.load_corpus(folder))
    assert len(again.table) == 1 and f"{n_st - 1} of {n_st} row(s)" in again.caption.value
    claims = ClaimExplorer(corpus)
    n_fig = len(corpus.figures)
    assert n_fig > 0 and len(claims.table) == 0 and f"{n_fig} of {n_fig} row(s) are still drafts" in claims.caption.value


def test_explorers_on_curated_tables_have_no_rows_menu():
    from claimlab.widgets import StatementExplorer
    ex = StatementExplorer(claimlab.load_corpus())
    assert "rows" not in ex.filters and "draft" not in ex.caption.value
