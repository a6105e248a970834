"""What two real uses of the Annotator found (an instructor in Voila with lesson 09 open, a student at 1366x768).

Each test drives the widget from Python as the browser would (see tests/test_annotate.py for the helpers'
meaning); what a person sees in the browser is in tests/browser/test_annotator_in_browser.py.
"""

from __future__ import annotations

import os
import stat

import pytest

import claimlab
from claimlab.annotate import Annotator, DraftFolder
from test_annotate import (
    choose,
    commit,
    make_folder,
    read_rows,
    row_by_id,
    select,
    snapshot,
    span_row,
)

TEXT = ("Officials said 12 people were killed in the strike. The weather was mild.\n"
        "Much later, far away, a spokesman added that nothing happened.\n"
        "Rescuers said 30 were hurt. Police said the road was closed.\n")
AID = "charlotte-struggles"  # a drafted folder's long article id: row ids are "<article id>-A01"


@pytest.fixture
def folder(tmp_path):
    rows = [span_row(TEXT, "A01", "12 people were killed in the strike", "said", "Officials"),
            span_row(TEXT, "A02", "nothing happened", "added", "a spokesman"),
            span_row(TEXT, "A03", "30 were hurt", "said", "Rescuers")]
    return make_folder(tmp_path / "f", TEXT, attributions=rows, figures=[
        {"article_id": "art", "figure_id": "F01", "measure": "killed", "low": "12", "high": "12", "text": "12",
         "start": str(TEXT.index("12")), "end": str(TEXT.index("12") + 2), "attribution_id": "A01",
         "status": "draft"}])


def attr(folder, rid):
    return row_by_id(folder, "attributions.csv", "attribution_id", rid)


# ----------------------------------------------------------------------------- 1. two annotators on one folder

def test_two_annotators_keep_each_others_changes(folder):
    voila, lesson = Annotator(folder), Annotator(folder)  # both opened before either saves
    choose(voila, "statements", "A01")
    commit(voila, "statements", "quote_type", "direct")
    choose(lesson, "statements", "A02")
    commit(lesson, "statements", "speaker_type", "person")  # the older widget saves another row
    assert lesson.message.startswith("Saved:"), lesson.message
    assert attr(folder, "A01")["quote_type"] == "direct"  # not wiped by the older widget
    assert attr(folder, "A02")["speaker_type"] == "person"
    # a new row from the older widget gets an id nobody took meanwhile
    s = TEXT.index("12")
    select(voila, s, s + 2)
    voila.add_figure_button.click()
    select(lesson, TEXT.index("30"), TEXT.index("30") + 2)
    lesson.add_figure_button.click()
    ids = [r["figure_id"] for r in read_rows(folder / "figures.csv")]
    assert len(ids) == 3 == len(set(ids))


def test_a_row_changed_elsewhere_is_reloaded_not_overwritten(folder):
    voila, lesson = Annotator(folder), Annotator(folder)
    commit(voila, "statements", "quote_type", "direct")  # A01, the first draft in both
    before = snapshot(folder)
    commit(lesson, "statements", "speaker_type", "person")
    assert lesson.message == ("Not saved: this row was changed elsewhere since you opened it (another annotator, "
                              "or the file was edited): it is reloaded; make your change again.")
    assert snapshot(folder) == before
    assert lesson.fields["statements:quote_type"].value == "direct"  # reloaded
    assert lesson.fields["statements:speaker_type"].value == "institution"
    commit(lesson, "statements", "speaker_type", "person")  # made again: saved, with the other change kept
    assert (attr(folder, "A01")["quote_type"], attr(folder, "A01")["speaker_type"]) == ("direct", "person")
    # accept and delete follow the same rule
    lesson.accept_button.click()
    assert lesson.message.startswith("Saved: accepted statement A01"), lesson.message
    choose(voila, "statements", "A01")
    before = snapshot(folder)
    voila.delete_button.click()
    assert "changed elsewhere" in voila.message and snapshot(folder) == before


def test_undo_takes_back_only_its_own_row_and_refuses_a_row_changed_since(folder):
    voila, lesson = DraftFolder(folder), DraftFolder(folder)
    voila.update("statements", "A01", {"quote_type": "direct"})
    lesson.reload()
    lesson.update("statements", "A02", {"speaker_type": "person"})
    assert voila.undo().startswith("undid: changed quote_type")
    assert attr(folder, "A01")["quote_type"] == "indirect"
    assert attr(folder, "A02")["speaker_type"] == "person"  # the other annotator's change stays
    # undo of a row someone changed since: refused, nothing written
    voila.reload()
    voila.update("statements", "A03", {"quote_type": "mixed"})
    lesson.reload()
    lesson.update("statements", "A03", {"speaker_type": "anonymous"})
    before = snapshot(folder)
    with pytest.raises(claimlab.annotate.AnnotationError, match="changed elsewhere"):
        voila.undo()
    assert snapshot(folder) == before


def test_undo_of_a_delete_puts_the_row_back_in_its_place_beside_other_changes(folder):
    one, two = DraftFolder(folder), DraftFolder(folder)
    order = [r["attribution_id"] for r in read_rows(folder / "attributions.csv")]
    one.delete("statements", "A02")
    two.reload()
    two.update("statements", "A03", {"quote_type": "direct"})
    one.undo()
    assert [r["attribution_id"] for r in read_rows(folder / "attributions.csv")] == order
    assert attr(folder, "A03")["quote_type"] == "direct"


# ----------------------------------------------------------------------------- 2. nothing the loader drops

def loads_cleanly(folder, ann):
    corpus = claimlab.load_corpus(folder)
    # Nothing but the annotator's backups, which the loader lists as not read (issue #17).
    assert [p for p in corpus.problems.itertuples(index=False)
            if not (p.file.endswith(".bak") and p.problem.startswith("a backup copy"))] == []
    shown = [v for _, v in ann.rows.options] if ann.kind.value == "statements" else None
    if shown is not None:
        assert len(shown) == int((corpus.attributions["article_id"] == "art").sum())
    return corpus


def test_every_save_leaves_a_folder_the_loader_reads_whole(folder):
    ann = Annotator(folder)
    loads_cleanly(folder, ann)
    before = snapshot(folder)
    assert "statements:cue" not in ann.clear_buttons  # the loader drops a statement without a cue: no ✕ ...
    with pytest.raises(claimlab.annotate.AnnotationError, match="a statement needs its cue"):  # ... and refused
        DraftFolder(folder).update("statements", "A01", {"cue_start": "", "cue_end": ""})
    assert snapshot(folder) == before
    loads_cleanly(folder, ann)
    # a new statement with only its content waits, unsaved, until it is complete
    s = TEXT.index("the road was closed")
    select(ann, s, s + len("the road was closed"))
    ann.add_statement_button.click()
    assert snapshot(folder) == before and ann.pending is not None
    loads_cleanly(folder, ann)
    commit(ann, "statements", "speaker_type", "institution")
    assert ann.message.startswith("Not saved yet: the new statement still needs its cue, quote type")
    loads_cleanly(folder, ann)
    c = TEXT.index("said the road")
    select(ann, c, c + 4)
    ann.set_buttons["statements:cue"].click()
    loads_cleanly(folder, ann)
    commit(ann, "statements", "quote_type", "indirect")  # complete: saved, checked
    assert ann.message.startswith("Saved: added statement A04"), ann.message
    corpus = loads_cleanly(folder, ann)
    assert len(corpus.attributions) == 4
    assert attr(folder, "A04")["status"] == "checked" and ann.rows.value == "A04"
    commit(ann, "statements", "speaker_type", "")
    assert ann.message.startswith("Not saved: a statement needs its speaker type")
    loads_cleanly(folder, ann)
    # a new term needs its category; a new figure needs only its words
    ann.kind.value = "terms"
    select(ann, TEXT.index("mild"), TEXT.index("mild") + 4)
    ann.add_term_button.click()
    assert ann.pending is not None and "category" in ann.message
    commit(ann, "terms", "category", "evaluative")
    assert ann.message.startswith("Saved: added term"), ann.message
    loads_cleanly(folder, ann)


def test_choosing_another_row_drops_the_unsaved_new_row_and_says_so(folder):
    ann = Annotator(folder)
    select(ann, TEXT.index("the road"), TEXT.index("the road") + 8)
    ann.add_statement_button.click()
    before = snapshot(folder)
    ann.rows.value = "A02"
    assert ann.pending is None and "not saved" in ann.message
    assert snapshot(folder) == before


# ----------------------------------------------------------------------------- 3. a selection is used once

def test_a_used_selection_is_not_applied_to_the_next_row(folder):
    ann = Annotator(folder)
    choose(ann, "statements", "A01")
    s = TEXT.index("Officials")
    select(ann, s, s + 3)
    ann.set_buttons["statements:speaker"].click()
    assert attr(folder, "A01")["speaker"] == "Off"
    assert "Nothing selected" in ann.selected.value
    choose(ann, "statements", "A02")
    before = snapshot(folder)
    ann.set_buttons["statements:speaker"].click()
    assert ann.message == "Not saved: nothing is selected: select words in the article first."
    assert snapshot(folder) == before


def test_a_selection_not_used_is_dropped_when_the_row_or_article_changes(folder):
    ann = Annotator(folder)
    s = TEXT.index("Officials")
    select(ann, s, s + 3)
    ann.rows.value = "A02"
    assert ann.text.selection == {}
    before = snapshot(folder)
    ann.set_buttons["statements:speaker"].click()
    assert "select words in the article first" in ann.message and snapshot(folder) == before
    select(ann, s, s + 3)
    ann.kind.value = "figures"
    assert ann.text.selection == {}


# ----------------------------------------------------------------------------- 4, 7. row labels

@pytest.fixture
def long_ids(tmp_path):
    text = TEXT
    rows = [span_row(text, f"{AID}-A01", "12 people were killed in the strike", "said", "Officials",
                     actor="Health ministry", article_id=AID),
            span_row(text, f"{AID}-A02", "nothing happened", "added", "a spokesman", article_id=AID)]
    folder = make_folder(tmp_path / "long", text, attributions=rows)
    arts = read_rows(folder / "articles.csv")
    arts[0]["article_id"] = AID
    from test_annotate import write_rows
    write_rows(folder / "articles.csv", arts, list(arts[0]))
    return folder


def test_row_list_and_text_labels_show_the_short_id_and_the_speakers_words(long_ids):
    ann = Annotator(long_ids)
    labels = {v: lab for lab, v in ann.rows.options}
    assert labels[f"{AID}-A01"] == "DRAFT A01 · Officials → Health ministry: “12 people were killed in the strike”"
    assert labels[f"{AID}-A02"].startswith("DRAFT A02 · a spokesman: ")
    labs = [p["lab"] for p in ann.text.pieces if p["lab"]]
    assert labs and all(lab.startswith("A01 ") for lab in labs)
    assert any(f"{AID}-A01" in p["tip"] for p in ann.text.pieces)  # the full id on hover
    assert f'title="{AID}-A01"' in ann.summaries["statements"].value
    # after the speaker changes, the label shows the new words
    s = TEXT.index("Officials said")
    select(ann, s + 4, s + 9)
    ann.set_buttons["statements:speaker"].click()
    labels = {v: lab for lab, v in ann.rows.options}
    assert labels[f"{AID}-A01"].startswith("✓ checked A01 · cials → Health ministry: ")


# ----------------------------------------------------------------------------- 6. accept goes on

def test_accept_goes_to_the_next_draft_after_the_row(folder):
    ann = Annotator(folder)
    choose(ann, "statements", "A02")
    ann.accept_button.click()
    assert ann.rows.value == "A03"
    ann.accept_button.click()
    assert ann.rows.value == "A01"  # round to the first draft left
    ann.accept_button.click()
    assert ann.rows.value == "A01" and "0 of 3" in ann.counter.value


# ----------------------------------------------------------------------------- 8. types on top

def test_the_types_come_first_in_the_statement_form(folder):
    ann = Annotator(folder)
    form = ann.forms["statements"].children
    assert form[0] is ann.summaries["statements"]
    assert ann.fields["statements:speaker_type"] in form[1].children
    assert ann.fields["statements:quote_type"] in form[1].children


# ----------------------------------------------------------------------------- 10. permissions

def test_saved_tables_keep_their_permissions(folder):
    os.chmod(folder / "attributions.csv", 0o664)
    ann = Annotator(folder)
    commit(ann, "statements", "quote_type", "direct")
    assert stat.S_IMODE((folder / "attributions.csv").stat().st_mode) == 0o664
    assert stat.S_IMODE((folder / "attributions.csv.bak").stat().st_mode) == 0o664
    (folder / "terms.csv").unlink()
    umask = os.umask(0o022)
    os.umask(umask)
    ann.kind.value = "terms"
    select(ann, TEXT.index("mild"), TEXT.index("mild") + 4)
    ann.add_term_button.click()
    commit(ann, "terms", "category", "evaluative")
    assert stat.S_IMODE((folder / "terms.csv").stat().st_mode) == 0o666 & ~umask


# ----------------------------------------------------------------------------- 11. delete says it in words

def test_delete_says_in_words_which_links_it_cleared(long_ids):
    from test_annotate import write_rows
    header = list(read_rows(long_ids / "attributions.csv")[0])
    rows = read_rows(long_ids / "attributions.csv")
    rows[1]["nested_in"] = f"{AID}-A01"
    write_rows(long_ids / "attributions.csv", rows, header)
    fig = {"article_id": AID, "figure_id": f"{AID}-F02", "text": "12", "start": str(TEXT.index("12")),
           "end": str(TEXT.index("12") + 2), "attribution_id": f"{AID}-A01", "status": "draft"}
    fheader = list(claimlab.schema.TABLES["figures.csv"]) + ["status"]
    write_rows(long_ids / "figures.csv", [dict.fromkeys(fheader, "") | fig], fheader)
    ann = Annotator(long_ids)
    ann.delete_button.click()
    assert ann.message == (f"Saved: deleted statement {AID}-A01 (statement A02 is no longer nested in this "
                           "statement; figure F02 no longer points to this statement) (Undo brings it back).")


# ----------------------------------------------------------------------------- 12. a click chooses the row

def test_a_click_on_a_highlight_chooses_its_row(folder):
    ann = Annotator(folder)
    piece = next(p for p in ann.text.pieces if p["t"] == "12")
    assert piece["r"][0] == "figures:F01"  # the smallest highlight first
    assert "statements:A01" in piece["r"]
    ann.text.clicked = {"row": "figures:F01", "n": 1}
    assert (ann.kind.value, ann.rows.value) == ("figures", "F01")
    ann.text.clicked = {"row": "statements:A03", "n": 2}
    assert (ann.kind.value, ann.rows.value) == ("statements", "A03")
    assert ann.text.focus == "A03"

