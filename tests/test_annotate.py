"""The draft-correction widget, driven from Python as the browser would drive it.

The folders are made here: a seed article with its curated rows marked
``draft``, and small made-up articles with awkward characters.  The browser
side (real mouse selection) is tested in tests/browser/test_annotate.py.
"""

from __future__ import annotations

import csv
import html
import os
import tempfile
from pathlib import Path

import ipywidgets as W
import pytest

from claimlab import annotate
from claimlab.annotate import (
    AnnotationError,
    Annotator,
    DraftFolder,
    cut_pieces,
    sentence_spans,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_ARTICLE = "tass-idlib-2019"


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_rows(path: Path, rows: list[dict], header: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def row_by_id(folder: Path, table: str, id_col: str, rid: str) -> dict:
    return next(r for r in read_rows(folder / table) if r[id_col] == rid)


@pytest.fixture
def seed_folder(tmp_path) -> Path:
    """One seed article and its curated rows, every row marked draft."""
    articles = [r for r in read_rows(SEEDS / "articles.csv") if r["article_id"] == SEED_ARTICLE]
    (tmp_path / articles[0]["file"]).write_bytes((SEEDS / articles[0]["file"]).read_bytes())
    for name in ("articles.csv", "attributions.csv", "figures.csv", "terms.csv"):
        rows = [r for r in read_rows(SEEDS / name) if r["article_id"] == SEED_ARTICLE]
        header = list(read_rows(SEEDS / name)[0]) + ["status"]
        write_rows(tmp_path / name, [dict(r, status="draft") for r in rows], header)
    for name in ("actors.csv", "outlets.csv"):  # curated tables without a status column
        (tmp_path / name).write_bytes((SEEDS / name).read_bytes())
    return tmp_path


def seed_text(folder: Path) -> str:
    return DraftFolder(folder).text(SEED_ARTICLE)


def make_folder(folder: Path, text: str, *, headline: str = "A headline", attributions=(), figures=(),
                actors=("Health ministry",)) -> Path:
    """A folder with one article ``art`` holding ``text`` (written as UTF-8, no newline translation)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "art.txt").write_bytes(text.encode("utf-8"))
    from claimlab import schema
    write_rows(folder / "articles.csv", [{"article_id": "art", "file": "art.txt", "outlet": "Wire",
                                          "headline": headline}], schema.TABLES["articles.csv"])
    header = schema.TABLES["attributions.csv"] + ["status"]
    write_rows(folder / "attributions.csv", [dict.fromkeys(header, "") | r for r in attributions], header)
    header = schema.TABLES["figures.csv"] + ["status"]
    write_rows(folder / "figures.csv", [dict.fromkeys(header, "") | r for r in figures], header)
    write_rows(folder / "terms.csv", [], schema.TABLES["terms.csv"] + ["status"])
    write_rows(folder / "actors.csv", [{"actor": a, "type": "ministry"} for a in actors], schema.TABLES["actors.csv"])
    return folder


def span_row(text: str, rid: str, content: str, cue: str = "", speaker: str = "", **extra) -> dict:
    row = {"article_id": "art", "attribution_id": rid, "status": "draft", "speaker_type": "institution",
           "quote_type": "indirect"}
    for part, words in (("content", content), ("cue", cue), ("speaker", speaker)):
        if words:
            s = text.index(words)
            row.update({part: words, f"{part}_start": str(s), f"{part}_end": str(s + len(words))})
    return row | extra


def select(ann: Annotator, start: int, end: int) -> None:
    """What the browser does after a mouse selection."""
    n = (ann.text.selection or {}).get("n", 0) + 1
    ann.text.selection = {"start": start, "end": end, "n": n}


def choose(ann: Annotator, kind: str, rid: str) -> None:
    ann.kind.value = kind
    ann.rows.value = rid


def commit(ann: Annotator, kind: str, col: str, value: str) -> None:
    """Type into a form field and press Enter (the value syncs then)."""
    ann.fields[f"{kind}:{col}"].value = value


# ----------------------------------------------------------------------------- opening

def test_opens_on_the_first_draft_and_counts_drafts(seed_folder):
    ann = Annotator(seed_folder)
    n_attr = len(read_rows(seed_folder / "attributions.csv"))
    n_all = n_attr + len(read_rows(seed_folder / "figures.csv")) + len(read_rows(seed_folder / "terms.csv"))
    assert ann.article.value == SEED_ARTICLE
    assert ann.kind.value == "statements"
    assert ann.rows.value == read_rows(seed_folder / "attributions.csv")[0]["attribution_id"]
    assert f"{n_attr} of {n_attr} statements here still drafts" in ann.counter.value
    assert f"{n_all} draft rows left in the folder" in ann.counter.value
    assert all(label.startswith("DRAFT") for label, _ in ann.rows.options)
    # the text view holds exactly the article, cut into pieces that start where they say
    text = seed_text(seed_folder)
    assert "".join(p["t"] for p in ann.text.pieces) == text
    assert ann.text.length == len(text)
    pos = 0
    for p in ann.text.pieces:
        assert p["s"] == pos
        pos += len(p["t"])
    kinds = {k for p in ann.text.pieces for k in p["k"].split()}
    assert {"content", "speaker", "cue", "figure", "term", "focus", "draft"} <= kinds


def test_every_curated_seed_statement_passes_the_sentence_rule():
    """The cue check must not refuse the human annotation it is modelled on."""
    folder = DraftFolder(SEEDS)
    for row in folder.rows("statements"):
        text = folder.text(row["article_id"])
        folder.check("statements", row, text, changed={"cue_start", "content_start"})


def test_sentence_spans_cover_the_text_and_skip_abbreviations():
    text = 'Mr. Smith said it. "Yes," he said.\nNext line ends here'
    spans = sentence_spans(text)
    assert "".join(text[s:e] for s, e in spans) == text
    assert [text[s:e].strip() for s, e in spans] == ["Mr. Smith said it.", '"Yes," he said.', "Next line ends here"]


# ----------------------------------------------------------------------------- accept, delete, undo

def test_accept_marks_the_row_checked_and_keeps_a_backup(seed_folder):
    before = snapshot(seed_folder)
    ann = Annotator(seed_folder)
    rid = ann.rows.value
    ann.accept_button.click()
    assert ann.message == f"Saved: accepted statement {rid}."
    rows = read_rows(seed_folder / "attributions.csv")
    assert [r["status"] for r in rows if r["attribution_id"] == rid] == ["checked"]
    assert all(r["status"] == "draft" for r in rows if r["attribution_id"] != rid)
    old = {r["attribution_id"]: r for r in read_rows_bytes(before["attributions.csv"])}
    assert all(r == old[r["attribution_id"]] | {"status": r["status"]} for r in rows)
    assert (seed_folder / "attributions.csv.bak").read_bytes() == before["attributions.csv"]
    assert ann.rows.value != rid  # on to the next draft
    n = len(rows)
    assert f"{n - 1} of {n} statements here still drafts" in ann.counter.value
    # no temporary file is left behind
    assert sorted(snapshot(seed_folder)) == sorted([*before, "attributions.csv.bak"])


def read_rows_bytes(data: bytes) -> list[dict]:
    import io
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_delete_removes_the_row_and_clears_links_to_it(seed_folder):
    figures = read_rows(seed_folder / "figures.csv")
    linked = next(f for f in figures if f["attribution_id"])
    rid = linked["attribution_id"]
    ann = Annotator(seed_folder)
    choose(ann, "statements", rid)
    ann.delete_button.click()
    assert ann.message.startswith(f"Saved: deleted statement {rid}")
    assert rid not in [r["attribution_id"] for r in read_rows(seed_folder / "attributions.csv")]
    assert row_by_id(seed_folder, "figures.csv", "figure_id", linked["figure_id"])["attribution_id"] == ""
    assert rid not in [v for _, v in ann.rows.options]


def test_undo_goes_back_change_by_change_to_the_same_bytes(seed_folder):
    start = snapshot(seed_folder)
    ann = Annotator(seed_folder)
    ann.accept_button.click()
    after_one = {k: v for k, v in snapshot(seed_folder).items() if not k.endswith(".bak")}
    choose(ann, "figures", read_rows(seed_folder / "figures.csv")[0]["figure_id"])
    ann.delete_button.click()
    ann.undo_button.click()
    assert ann.message.startswith("Undid: deleted figure")
    assert {k: v for k, v in snapshot(seed_folder).items() if not k.endswith(".bak")} == after_one
    ann.undo_button.click()
    assert ann.message.startswith("Undid: accepted statement")
    assert {k: v for k, v in snapshot(seed_folder).items() if not k.endswith(".bak")} == start
    assert ann.undo_button.disabled
    ann._on_undo()
    assert ann.message == "There is nothing to undo in this session."


def test_reopening_continues_where_you_stopped(seed_folder):
    ann = Annotator(seed_folder)
    first = ann.rows.value
    ann.accept_button.click()
    second = ann.rows.value
    again = Annotator(seed_folder)
    assert again.rows.value == second  # the first draft left
    labels = {v: label for label, v in again.rows.options}
    assert labels[first].startswith("✓ checked")
    assert labels[second].startswith("DRAFT")


# ----------------------------------------------------------------------------- editing

def test_set_spans_by_selection(seed_folder):
    text = seed_text(seed_folder)
    ann = Annotator(seed_folder)
    rows = read_rows(seed_folder / "attributions.csv")
    row = next(r for r in rows if " " in r["speaker"] and r["cue"])
    choose(ann, "statements", row["attribution_id"])
    c0 = int(row["content_start"])
    # a shorter content: the first words of the old one, selected with a trailing space (trimmed)
    new_end = text.index(" ", c0 + 5)
    select(ann, c0, new_end + 1)
    ann.set_buttons["statements:content"].click()
    assert ann.message.startswith(f"Saved: changed content of statement {row['attribution_id']}"), ann.message
    saved = row_by_id(seed_folder, "attributions.csv", "attribution_id", row["attribution_id"])
    assert (saved["content_start"], saved["content_end"]) == (str(c0), str(new_end))
    assert saved["content"] == text[c0:new_end]
    assert saved["status"] == "checked"
    assert ann.text.selection == {}  # used up
    # the speaker: its last word only
    s0, s1 = int(row["speaker_start"]), int(row["speaker_end"])
    s0 = text.rindex(" ", s0, s1) + 1
    select(ann, s0, s1)
    ann.set_buttons["statements:speaker"].click()
    saved = row_by_id(seed_folder, "attributions.csv", "attribution_id", row["attribution_id"])
    assert (saved["speaker"], saved["speaker_start"], saved["speaker_end"]) == (text[s0:s1], str(s0), str(s1))
    # the cue cannot be cleared (the loader would leave the statement out); it is replaced by selection
    before = snapshot(seed_folder)
    assert "statements:cue" not in ann.clear_buttons  # no ✕ for the cue: clearing it is refused anyway
    with pytest.raises(AnnotationError, match="a statement needs its cue"):
        DraftFolder(seed_folder).update("statements", row["attribution_id"], {"cue_start": "", "cue_end": ""})
    assert snapshot(seed_folder) == before
    select(ann, int(row["cue_start"]), int(row["cue_end"]))
    ann.set_buttons["statements:cue"].click()
    saved = row_by_id(seed_folder, "attributions.csv", "attribution_id", row["attribution_id"])
    assert saved["cue"] == row["cue"]


def test_edit_statement_fields(seed_folder):
    ann = Annotator(seed_folder)
    rid = ann.rows.value
    commit(ann, "statements", "actor", "Someone new")
    assert row_by_id(seed_folder, "attributions.csv", "attribution_id", rid)["actor"] == "Someone new"
    commit(ann, "statements", "speaker_type", "anonymous")
    commit(ann, "statements", "quote_type", "indirect")
    saved = row_by_id(seed_folder, "attributions.csv", "attribution_id", rid)
    assert (saved["speaker_type"], saved["quote_type"], saved["status"]) == ("anonymous", "indirect", "checked")
    assert "quote type" in ann.message or "quote_type" in ann.message


def test_edit_offsets_by_hand(seed_folder):
    text = seed_text(seed_folder)
    ann = Annotator(seed_folder)
    rid = ann.rows.value
    row = row_by_id(seed_folder, "attributions.csv", "attribution_id", rid)
    end = int(row["content_end"]) - 1
    commit(ann, "statements", "content_end", str(end))
    saved = row_by_id(seed_folder, "attributions.csv", "attribution_id", rid)
    assert saved["content_end"] == str(end)
    assert saved["content"] == text[int(saved["content_start"]):end]
    assert "“" + html.escape(saved["content"][:20]) in ann.previews["statements:content"].value


def test_edit_figure_fields_and_vague_stays_empty(seed_folder):
    ann = Annotator(seed_folder)
    figures = read_rows(seed_folder / "figures.csv")
    vague = next(f for f in figures if f["low"] == "" and f["high"] == "")
    choose(ann, "figures", vague["figure_id"])
    commit(ann, "figures", "measure", "injured")
    commit(ann, "figures", "unit", "persons")
    commit(ann, "figures", "claimant", "Other claimant")
    saved = row_by_id(seed_folder, "figures.csv", "figure_id", vague["figure_id"])
    assert (saved["measure"], saved["unit"], saved["claimant"]) == ("injured", "persons", "Other claimant")
    assert (saved["low"], saved["high"]) == ("", "")  # never 0
    commit(ann, "figures", "low", "12")
    commit(ann, "figures", "high", "12.5")
    saved = row_by_id(seed_folder, "figures.csv", "figure_id", vague["figure_id"])
    assert (saved["low"], saved["high"]) == ("12", "12.5")
    commit(ann, "figures", "low", "")
    saved = row_by_id(seed_folder, "figures.csv", "figure_id", vague["figure_id"])
    assert (saved["low"], saved["high"]) == ("", "12.5")


def test_add_statement_and_figure_by_selection(seed_folder):
    text = seed_text(seed_folder)
    ann = Annotator(seed_folder)
    old_ids = {r["attribution_id"] for r in read_rows(seed_folder / "attributions.csv")}
    s = text.index("WASHINGTON")
    select(ann, s, s + len("WASHINGTON"))
    before = snapshot(seed_folder)
    ann.add_statement_button.click()  # a statement with only its content is not saved (the loader needs more)
    assert snapshot(seed_folder) == before
    assert ann.message.startswith("New statement, not saved yet: select its cue"), ann.message
    assert ann.pending["content"] == "WASHINGTON" and ann.rows.value is None
    assert "New statement" in ann.summaries["statements"].value
    ann.delete_button.click()  # Discard
    assert ann.pending is None and snapshot(seed_folder) == before
    assert {r["attribution_id"] for r in read_rows(seed_folder / "attributions.csv")} == old_ids
    # a figure from a selected number gets that number as low and high
    m = next(i for i, ch in enumerate(text) if ch.isdigit())
    e = m
    while text[e].isdigit():
        e += 1
    old_figs = {r["figure_id"] for r in read_rows(seed_folder / "figures.csv")}
    select(ann, m, e)
    ann.add_figure_button.click()
    new = [r for r in read_rows(seed_folder / "figures.csv") if r["figure_id"] not in old_figs]
    assert len(new) == 1 and new[0]["text"] == text[m:e]
    assert new[0]["low"] == new[0]["high"] == str(int(text[m:e]))
    assert ann.kind.value == "figures"


def test_new_ids_never_collide(tmp_path):
    text = "The ministry said 5 people died.\n"
    folder = make_folder(tmp_path / "f", text, attributions=[
        span_row(text, "A01", "5 people died", "said"),
        span_row(text, "A02", "5 people", "said"),
        span_row(text, "A09", "people died", "said") | {"article_id": "elsewhere"},
    ])
    f = DraftFolder(folder)
    assert f.new_id("statements", "art") == "A10"
    assert f.new_id("figures", "art") == "F01"


# ----------------------------------------------------------------------------- refusals

def refused(ann: Annotator, folder: Path, before: dict, *words: str) -> None:
    assert ann.message.startswith("Not saved:"), ann.message
    for w in words:
        assert w in ann.message, (w, ann.message)
    assert snapshot(folder) == before, "a refused change must leave every file as it was"
    assert 'role="status"' in ann.status.value


CUE_TEXT = ("Officials said 12 people were killed in the strike. The weather was mild.\n"
            "Much later, far away, a spokesman added that nothing happened.\n")


@pytest.fixture
def small(tmp_path):
    folder = make_folder(tmp_path / "small", CUE_TEXT, attributions=[
        span_row(CUE_TEXT, "A01", "12 people were killed in the strike", "said", "Officials"),
        span_row(CUE_TEXT, "A02", "nothing happened", "added", "a spokesman"),
    ], figures=[{"article_id": "art", "figure_id": "F01", "measure": "killed", "low": "12", "high": "12",
                 "text": "12", "start": str(CUE_TEXT.index("12")), "end": str(CUE_TEXT.index("12") + 2),
                 "status": "draft"}])
    return folder


def test_refuses_a_span_outside_the_text(small):
    before, ann = snapshot(small), Annotator(small)
    commit(ann, "statements", "content_end", str(len(CUE_TEXT) + 5))
    refused(ann, small, before, "outside the text", str(len(CUE_TEXT)))
    select(ann, 3, len(CUE_TEXT) + 40)
    ann.set_buttons["statements:content"].click()
    refused(ann, small, before, "outside the text")


def test_refuses_offsets_that_are_not_numbers(small):
    before, ann = snapshot(small), Annotator(small)
    commit(ann, "statements", "content_start", "abc")
    refused(ann, small, before, "whole numbers", "'abc'")


def test_refuses_a_cue_outside_the_sentence(small):
    before, ann = snapshot(small), Annotator(small)
    s = CUE_TEXT.index("added")
    select(ann, s, s + len("added"))
    ann.set_buttons["statements:cue"].click()
    refused(ann, small, before, "the cue “added”", "outside the statement's sentence")
    # the form still shows what is saved
    assert ann.fields["statements:cue_start"].value == str(CUE_TEXT.index("said"))


def test_refuses_content_far_from_its_cue(small):
    before, ann = snapshot(small), Annotator(small)
    s = CUE_TEXT.index("nothing happened")
    select(ann, s, s + len("nothing happened"))
    ann.set_buttons["statements:content"].click()
    refused(ann, small, before, "not in (or next to) the sentence of its cue “said”", "clear the cue first")


def test_refuses_low_above_high_and_words_in_numbers(small):
    before, ann = snapshot(small), Annotator(small)
    choose(ann, "figures", "F01")
    commit(ann, "figures", "low", "30")
    refused(ann, small, before, "low (30) is above high (12)")
    commit(ann, "figures", "low", "twelve")
    refused(ann, small, before, "low must be a number", "'twelve'")
    commit(ann, "figures", "low", "12")  # back as it was: nothing to save
    commit(ann, "figures", "high", "4,600")
    refused(ann, small, before, "high must be a number", "'4,600'")


@pytest.mark.parametrize("selection", [None, "collapsed", "spaces"])
def test_refuses_an_empty_selection(small, selection):
    before, ann = snapshot(small), Annotator(small)
    if selection == "collapsed":
        select(ann, 5, 5)
    elif selection == "spaces":
        s = CUE_TEXT.index(". The") + 1
        select(ann, s, s + 1)
    for button in (ann.set_buttons["statements:content"], ann.add_statement_button, ann.add_figure_button):
        button.click()
        refused(ann, small, before, "select words in the article")


def test_refuses_to_write_into_a_read_only_folder(small, monkeypatch):
    before, ann = snapshot(small), Annotator(small)

    def no_write(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", no_write)
    ann.accept_button.click()
    refused(ann, small, before, "nothing was saved", "read-only", "Permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders anyway")
def test_read_only_folder_for_real(small):
    before = snapshot(small)
    small.chmod(0o555)
    try:
        ann = Annotator(small)
        assert "read-only" in ann.message
        ann.accept_button.click()
        refused(ann, small, before, "read-only")
    finally:
        small.chmod(0o755)


def test_a_failed_replace_leaves_the_table_and_no_temporary_file(small, monkeypatch):
    before, ann = snapshot(small), Annotator(small)

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(annotate.os, "replace", broken)
    ann.accept_button.click()
    assert ann.message.startswith("Not saved: nothing was saved: No space left on device"), ann.message
    assert snapshot(small) == before


def test_a_change_of_two_tables_is_all_or_nothing(small, monkeypatch):
    """Deleting a statement also clears the figure's link to it: if the second write fails, the first is undone."""
    rows = read_rows(small / "figures.csv")
    rows[0]["attribution_id"] = "A01"
    write_rows(small / "figures.csv", rows, list(rows[0]))
    before, ann = snapshot(small), Annotator(small)
    real = os.replace
    calls = []

    def fail_on_figures(src, dst):
        calls.append(Path(dst).name)
        if Path(dst).name == "figures.csv" and calls.count("figures.csv") == 1:
            raise OSError(5, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(annotate.os, "replace", fail_on_figures)
    ann.delete_button.click()
    assert ann.message.startswith("Not saved"), ann.message
    now = snapshot(small)
    assert {k: v for k, v in now.items() if not k.endswith(".bak")} == before
    assert "attributions.csv" in calls  # it was written, then put back


# ----------------------------------------------------------------------------- hostile and awkward text

HOSTILE = ('<script>window.__pwned=1</script><img src=x onerror="alert(1)"> Officials said '
           '"5 & <b>6</b>" people died.\nA line between.\nLater <img src=y> again.\n')


def all_html(widget) -> list[str]:
    out = []
    if isinstance(widget, W.HTML):
        out.append(widget.value)
    for child in getattr(widget, "children", ()):
        out += all_html(child)
    return out


def test_hostile_text_is_escaped_everywhere(tmp_path):
    folder = make_folder(tmp_path / "h", HOSTILE, headline="<img src=x onerror=alert(2)> & co",
                         attributions=[span_row(HOSTILE, "A01", '5 & <b>6</b>" people died', "said",
                                                "<script>window.__pwned=1</script>",
                                                actor='<img src=x onerror="alert(3)">')],
                         actors=['<img src=x onerror="alert(3)">'])
    ann = Annotator(folder)
    select(ann, 0, HOSTILE.index(" Officials"))
    shown = "\n".join(all_html(ann.widget) + [ann.selected.value])
    for raw in ("<script", "<img", "<b>6"):
        assert raw not in shown, raw
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in ann.selected.value
    assert "5 &amp; &lt;b&gt;6&lt;/b&gt;&quot;" in ann.previews["statements:content"].value
    # the text view gets the raw text (the browser puts it into text nodes, never parses it)
    assert "".join(p["t"] for p in ann.text.pieces) == HOSTILE
    assert "innerHTML" not in annotate.TextView._esm
    # a refusal quoting hostile text is escaped too
    s = HOSTILE.rindex("<img")
    select(ann, s, s + 4)
    ann.set_buttons["statements:cue"].click()
    assert ann.message.startswith("Not saved") and "<img" in ann.message
    assert "<img" not in ann.status.value and "&lt;img" in ann.status.value


AWKWARD = ("Flash 😀 news\r\n"
           "The ministry\u00a0said “12 killed 🇸🇾 today”, officials said.\r\n"
           "Second line with 𝐛𝐨𝐥𝐝 letters and 5 dead.\r\n")


def test_astral_characters_crlf_and_nbsp_offsets(tmp_path):
    folder = make_folder(tmp_path / "a", AWKWARD, attributions=[
        span_row(AWKWARD, "A01", "12 killed 🇸🇾 today", "said", "The ministry")])
    text = DraftFolder(folder).text("art")
    assert text == AWKWARD  # no newline translation
    ann = Annotator(folder)
    # code-point offsets, as the browser reports them after converting from UTF-16
    words = "𝐛𝐨𝐥𝐝 letters"
    s = text.index(words)
    assert len(text[:s].encode("utf-16-le")) // 2 != s  # the UTF-16 offset differs: the test means something
    select(ann, s, s + len(words))
    ann.add_figure_button.click()
    new = row_by_id(folder, "figures.csv", "figure_id", ann.rows.value)
    assert new["text"] == words
    assert text[int(new["start"]):int(new["end"])] == words
    # selecting across the \r\n and a flag keeps every code unit of them
    choose(ann, "statements", "A01")
    s = text.index("12 killed")
    e = text.index("today") + len("today")
    select(ann, s, e)
    ann.set_buttons["statements:content"].click()
    saved = row_by_id(folder, "attributions.csv", "attribution_id", "A01")
    assert saved["content"] == "12 killed 🇸🇾 today" == text[int(saved["content_start"]):int(saved["content_end"])]
    # the NBSP and CRLF survive the CSV round trip and the pieces rebuild the exact text
    pieces = cut_pieces(text, annotate.marks_for(DraftFolder(folder), "art"))
    assert "".join(p["t"] for p in pieces) == text
    assert "\u00a0" in "".join(p["t"] for p in pieces) and "\r\n" in "".join(p["t"] for p in pieces)


def test_a_folder_that_cannot_be_opened_gets_a_message_not_a_traceback(tmp_path):
    with pytest.raises(AnnotationError, match="is not a folder"):
        DraftFolder(tmp_path / "missing")
    ann = Annotator(tmp_path / "missing")
    assert ann.message.startswith(f"Cannot open {tmp_path / 'missing'}: ") and "is not a folder" in ann.message
    assert ann.widget.children == (ann.status,)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "attributions.csv").write_bytes(b"article_id,content\n\xff\xfe,x\n")
    ann = Annotator(broken)
    assert "attributions.csv is not valid UTF-8" in ann.message


def test_an_empty_folder(tmp_path):
    ann = Annotator(tmp_path)
    assert ann.message.startswith("No articles to annotate in")
    assert ann.rows.options == () and ann.article.value is None
    ann.accept_button.click()
    assert ann.message == "Nothing to accept: choose a row first."
    select(ann, 0, 3)
    ann.add_statement_button.click()
    assert ann.message.startswith("Not saved:")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_article_files_missing_from_the_list_are_reported(small):
    (small / "stray.txt").write_text("Nobody listed me.", encoding="utf-8")
    ann = Annotator(small)
    assert "stray.txt is not listed in articles.csv" in ann.message


def test_command_line_writes_the_notebook_voila_serves(small, tmp_path, capsys):
    import json

    out = tmp_path / "nb" / "annotate.ipynb"
    assert annotate.main(["notebook", str(small), str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    cells = json.loads(out.read_text(encoding="utf-8"))["cells"]
    assert [c["cell_type"] for c in cells] == ["code"]
    assert "".join(cells[0]["source"]) == f"import claimlab.annotate\nclaimlab.annotate.Annotator({str(small)!r})"
    assert annotate.main(["notebook", str(tmp_path / "nowhere"), str(tmp_path / "x.ipynb")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert not (tmp_path / "x.ipynb").exists()


def test_no_status_column_or_an_empty_status_means_checked(tmp_path):
    text = "The ministry said 5 people died. Rescuers said 7 were hurt.\n"
    rows = [span_row(text, "A01", "5 people died", "said", "The ministry"),
            span_row(text, "A02", "7 were hurt", "said", "Rescuers")]
    folder = make_folder(tmp_path / "curated", text, attributions=rows)
    from claimlab import schema
    header = schema.TABLES["attributions.csv"]  # no status column at all
    write_rows(folder / "attributions.csv", [{k: r.get(k, "") for k in header} for r in rows], header)
    ann = Annotator(folder)
    assert "0 of 2 statements here still drafts" in ann.counter.value
    assert all(label.startswith("✓ checked") for label, _ in ann.rows.options)
    choose(ann, "statements", "A02")
    commit(ann, "statements", "quote_type", "direct")
    saved = read_rows(folder / "attributions.csv")
    assert list(saved[0])[-1] == "status"  # the column is added at the end
    assert [(r["attribution_id"], r["status"]) for r in saved] == [("A01", ""), ("A02", "checked")]
    assert Annotator(folder).counter.value.count("0 of 2") == 1  # the empty status still reads as checked


def test_an_actor_missing_from_actors_csv_is_added_there_as_a_draft(small):
    import claimlab
    from claimlab.__main__ import main as cli

    mode = (small / "actors.csv").stat().st_mode
    ann = Annotator(small)
    commit(ann, "statements", "actor", "Ministry of Nowhere")
    assert ann.message == ("Saved: changed actor of statement A01 (and added “Ministry of Nowhere” to actors.csv as a "
                           "draft row of type unknown: fill in its type, country and description there).")
    actors = {r["actor"]: r for r in read_rows(small / "actors.csv")}
    assert (actors["Ministry of Nowhere"]["type"], actors["Ministry of Nowhere"]["status"]) == ("unknown", "draft")
    assert actors["Health ministry"]["status"] == ""  # the rows already there are kept as they were
    assert only_backups(claimlab.load_corpus(small).problems) == {"actors.csv.bak", "attributions.csv.bak"}
    for backup in small.glob("*.bak"):  # validate lists the backups; without them it passes
        backup.unlink()
    assert cli(["validate", str(small)]) == 0
    assert (small / "actors.csv").stat().st_mode == mode
    commit(ann, "statements", "actor", "Health ministry")
    assert "actors.csv" not in ann.message
    ann.undo_button.click()  # one change: the actor row goes with it
    ann.undo_button.click()
    assert "Ministry of Nowhere" not in {r["actor"] for r in read_rows(small / "actors.csv")}
    # a name that differs only in capitals is refused: written as actors.csv writes it
    before = snapshot(small)
    commit(ann, "statements", "actor", "health MINISTRY")
    refused(ann, small, before, "“Health ministry”")


def only_backups(problems) -> set[str]:
    """The files of ``problems``, each of which must be one of the annotator's backups, listed as not read.

    The loader lists every file it does not read (issue #17), the annotator's
    ``<table>.bak`` included; nothing else may be a problem.
    """
    for p in problems.itertuples(index=False):
        assert p.file.endswith(".bak") and p.problem.startswith("a backup copy: not read"), p
    return set(problems["file"])


def test_the_corpus_loader_reads_an_annotated_folder_without_complaint(small):
    import claimlab

    ann = Annotator(small)
    ann.accept_button.click()
    assert (small / "attributions.csv.bak").exists()
    corpus = claimlab.load_corpus(small)
    assert only_backups(corpus.problems) == {"attributions.csv.bak"}
    statuses = dict(zip(corpus.attributions["attribution_id"], corpus.attributions["status"], strict=True))
    assert statuses == {"A01": "checked", "A02": "draft"}


def test_a_row_without_its_types_cannot_be_accepted_and_says_what_it_needs(small):
    text = CUE_TEXT
    before, ann = snapshot(small), Annotator(small)
    commit(ann, "statements", "quote_type", "")  # emptying what the loader needs is refused
    refused(ann, small, before, "a statement needs its quote type")
    assert ann.fields["statements:quote_type"].value == "indirect"  # the form shows what is saved
    # a draft that lacks its types on disk: an edit is saved but the row stays a draft until complete
    rows = read_rows(small / "attributions.csv")
    rows[0].update(quote_type="", speaker_type="")
    write_rows(small / "attributions.csv", rows, list(rows[0]))
    ann = Annotator(small)
    assert {v: lab for lab, v in ann.rows.options}["A01"].startswith("DRAFT (needs quote type, speaker type) A01")
    commit(ann, "statements", "speaker_type", "person")
    assert ann.message == ("Saved: changed speaker_type of statement A01. It stays a draft until it is complete; "
                           "still to choose: quote type.")
    assert row_by_id(small, "attributions.csv", "attribution_id", "A01")["status"] == "draft"
    now = snapshot(small)
    ann.accept_button.click()
    assert ann.message == "Not saved: choose the quote type before accepting."
    assert snapshot(small) == now
    commit(ann, "statements", "quote_type", "direct")
    assert row_by_id(small, "attributions.csv", "attribution_id", "A01")["status"] == "checked"
    # a new statement says what to choose next
    s = text.index("The weather")
    select(ann, s, s + len("The weather was mild"))
    ann.add_statement_button.click()
    assert ann.message.endswith("choose the quote type and the speaker type. It is saved as soon as it is complete; "
                                "Discard drops it.")
