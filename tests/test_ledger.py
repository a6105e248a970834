"""The claim ledger: adding, removing, saving and reloading rows without losing work."""

from __future__ import annotations

import csv
import os

import pytest

import claimlab
from claimlab.ledger import (
    FIELDS,
    GRADES,
    ClaimLedger,
    claim_fields,
    claim_options,
    count_sentences,
    route,
    table_html,
    trace,
)

ROW = dict(claim="26 people were killed, including 10 civilians", claimant="SOHR", channel="(not stated)",
           outlet="Press TV", earliest_source="SOHR, as quoted by Press TV", corroboration="no", grade="Weak",
           assessment="Only SOHR gives this count. The rescue service counts bodies, a different unit.")


@pytest.fixture(scope="module")
def corpus():
    return claimlab.load_corpus()


@pytest.fixture
def here(tmp_path, monkeypatch):
    """Run in an empty folder, as a notebook runs in its own folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_ledger_says_where_it_will_save(corpus, here):
    led = ClaimLedger(corpus)
    assert led.rows == [] and len(led) == 0
    assert "my_claim_ledger.csv" in led.message
    assert not (here / "my_claim_ledger.csv").exists()       # nothing written until Export
    assert led.remove_button.disabled


def test_add_remove_export_reload_roundtrip(corpus, here):
    led = ClaimLedger(corpus)
    assert led.add(**ROW)
    assert led.add(**{**ROW, "claim": "Seventy percent of their airstrikes", "grade": "contested",
                      "corroboration": "Unclear", "assessment": "Üñíçødé “quotes”,\ncommas, and a new line. Two."})
    assert [r["grade"] for r in led.rows] == ["Weak", "Contested"]   # grades and answers normalised
    assert led.rows[1]["corroboration"] == "unclear"
    assert led.remove_last()["claim"].startswith("Seventy")
    assert len(led) == 1
    assert led.add(**{**ROW, "claim": "Seventy percent of their airstrikes",
                      "assessment": "Üñíçødé “quotes”,\ncommas, and a new line. Two."})

    written = led.export()                                      # the path as given, relative to the notebook
    assert written.resolve() == (here / "my_claim_ledger.csv").resolve()
    assert "Saved 2 row(s) to my_claim_ledger.csv (in this notebook's folder)." in led.message
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                      # UTF-8 with a byte-order mark
    with open(written, encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    assert list(table[0]) == list(FIELDS)
    assert table[1]["assessment"] == "Üñíçødé “quotes”,\ncommas, and a new line. Two."

    again = ClaimLedger(corpus)                                 # a new session: loads the file and says so
    assert again.rows == led.rows
    assert "Loaded 2 row(s) from my_claim_ledger.csv" in again.message

    other = ClaimLedger(corpus, path="elsewhere.csv")
    assert other.load(written)
    assert other.rows == led.rows and other.path == written


def test_validation_messages_and_nothing_added(corpus, here):
    led = ClaimLedger(corpus)
    assert not led.add(**{**ROW, "claim": "  "})
    assert "Nothing added" in led.message and "claim is empty" in led.message
    assert not led.add(**{**ROW, "assessment": ""})
    assert "assessment is empty" in led.message
    assert not led.add(**{**ROW, "claim": "", "assessment": ""})
    assert "claim is empty" in led.message and "assessment is empty" in led.message
    assert not led.add(**{**ROW, "grade": ""})
    assert "Choose a grade" in led.message
    assert not led.add(**{**ROW, "grade": "Excellent"})
    assert "'Excellent' is not a grade" in led.message and all(g in led.message for g in GRADES)
    assert not led.add(**{**ROW, "corroboration": "maybe"})
    assert "yes, no or unclear" in led.message
    assert not led.add(**ROW, grdae="Weak")
    assert "'grdae' is not a ledger field" in led.message
    assert led.rows == []
    assert "Nothing added" in led.status.value


def test_remove_last_says_whether_the_row_is_still_saved(corpus, here):
    led = ClaimLedger(corpus)
    assert led.remove_last() is None and "no row to remove" in led.message
    led.add(**ROW)
    led.export()
    led.add(**{**ROW, "claim": "not saved"})
    led.remove_last()
    assert "still in the saved CSV" not in led.message
    led.remove_last()
    assert "still in the saved CSV file" in led.message and led.unsaved


def test_short_assessment_is_added_with_a_note(corpus, here):
    led = ClaimLedger(corpus)
    assert led.add(**{**ROW, "assessment": "Weak."})
    assert "aim for 2 to 5" in led.message
    assert count_sentences("The U.S. official said so. TASS quoted him.") == 2
    assert count_sentences("") == 0


def test_corpus_text_and_student_text_are_escaped(corpus, here):
    led = ClaimLedger(corpus)
    assert led.add(**{**ROW, "claim": "<script>alert('x')</script>", "claimant": "<b>me</b>"})
    shown = led.table.value + led.status.value
    assert "<script>" not in shown and "<b>me</b>" not in shown
    assert "&lt;script&gt;" in led.table.value
    assert "<script>" not in table_html([{**ROW, "assessment": "<script>x</script>"}])


def test_menu_fills_in_the_form(corpus, here):
    led = ClaimLedger(corpus)
    refs = [ref for _, ref in claim_options(corpus)]
    assert len(refs) == len(set(refs)) == len(corpus.figures) + (corpus.attributions["repeat_of"].fillna("") == "").sum()
    led.choice.value = "urdupoint-idlib-2019/B05"
    form = led.form_values()
    assert form["outlet"] == "UrduPoint News" and form["channel"] == "Sputnik"
    assert form["claim"].startswith("The recent US airstrike") and form["ref"] == "urdupoint-idlib-2019/B05"
    assert claim_fields(corpus, "ibtimes-aleppo-2016/F16")["claimant"] == "IBTimes (in its own voice)"
    assert claim_fields(corpus, "presstv-idlib-2017/F06")["claim"] == "26 people were killed, including 10 civilians"
    with pytest.raises(KeyError):
        claim_fields(corpus, "presstv-idlib-2017/F99")


def test_add_button_adds_the_form_and_clears_it(corpus, here):
    led = ClaimLedger(corpus)
    led.add_button.click()
    assert led.rows == [] and "Nothing added" in led.message
    led.fill(ref="presstv-idlib-2017/F05", grade="Contested", corroboration="no",
             assessment="SOHR says 26. Civil Defence counts 15 bodies.")
    led.add_button.click()
    assert len(led) == 1 and led.rows[0]["ref"] == "presstv-idlib-2017/F05" and led.rows[0]["claimant"].startswith("SOHR")
    assert led.form_values()["assessment"] == "" and led.form_values()["ref"] == "" and led.choice.index == 0
    led.export_button.click()
    assert (here / "my_claim_ledger.csv").exists()
    led.remove_button.click()
    assert len(led) == 0 and led.remove_button.disabled


def test_export_never_loses_a_different_file(corpus, here):
    theirs = here / "my_claim_ledger.csv"
    theirs.write_text("notes I made by hand\n", encoding="utf-8")
    led = ClaimLedger(corpus)          # not a ledger: says so, starts empty under a new name beside it
    assert led.rows == [] and "does not look like a claim ledger" in led.message
    assert "kept untouched" in led.message and "my_claim_ledger-2.csv" in led.message
    assert led.add(**ROW)
    assert led.export().resolve() == (here / "my_claim_ledger-2.csv").resolve()
    assert theirs.read_text(encoding="utf-8") == "notes I made by hand\n"

    # Exporting onto that file on purpose keeps it first, under a backup name.
    assert led.export(theirs).resolve() == theirs.resolve()
    backup = here / "my_claim_ledger.bak.csv"
    assert backup.read_text(encoding="utf-8") == "notes I made by hand\n"
    assert "kept as my_claim_ledger.bak.csv" in led.message

    # Saving again overwrites only what this ledger wrote itself: no new backup.
    assert led.add(**{**ROW, "claim": "another"})
    led.export(theirs)
    assert sorted(p.name for p in here.iterdir()) == ["my_claim_ledger-2.csv", "my_claim_ledger.bak.csv",
                                                       "my_claim_ledger.csv"]

    # Someone else changes the file: the next export keeps that version too, under a fresh name.
    theirs.write_text("edited elsewhere\n", encoding="utf-8")
    led.export(theirs)
    assert (here / "my_claim_ledger.bak-2.csv").read_text(encoding="utf-8") == "edited elsewhere\n"
    assert backup.read_text(encoding="utf-8") == "notes I made by hand\n"
    assert len(ClaimLedger(corpus).rows) == 2


def test_export_to_the_same_content_writes_nothing_new(corpus, here):
    led = ClaimLedger(corpus)
    led.add(**ROW)
    led.export()
    again = ClaimLedger(corpus)
    assert again.export().resolve() == (here / "my_claim_ledger.csv").resolve()
    assert "already holds these 1 row(s)" in again.message
    assert sorted(p.name for p in here.iterdir()) == ["my_claim_ledger.csv"]


def test_export_to_another_path_and_empty_ledger(corpus, here):
    led = ClaimLedger(corpus)
    assert led.export() is None and "nothing to save" in led.message
    led.add(**ROW)
    out = led.export(here / "sub" / "copy.csv")
    assert out.exists() and "sub/copy.csv" in led.message
    assert led.path.name == "my_claim_ledger.csv"            # the ledger's own file is unchanged
    assert not (here / "my_claim_ledger.csv").exists()


def test_export_error_is_a_message_not_a_traceback(corpus, here):
    led = ClaimLedger(corpus)
    led.add(**ROW)
    (here / "blocked").write_text("a file where a folder should be", encoding="utf-8")
    assert led.export(here / "blocked" / "x.csv") is None
    assert "Could not save" in led.message and "Nothing was lost" in led.message
    assert len(led) == 1


def test_load_protects_unsaved_rows(corpus, here):
    saved = ClaimLedger(corpus, path="a.csv")
    saved.add(**ROW)
    saved.export()
    led = ClaimLedger(corpus, path="b.csv")
    led.add(**{**ROW, "claim": "unsaved"})
    assert not led.load("a.csv")
    assert "not all saved yet" in led.message and led.rows[0]["claim"] == "unsaved"
    assert led.load("a.csv", replace=True) and led.rows == saved.rows
    assert not led.load("missing.csv") and "there is no file missing.csv" in led.message
    assert led.rows == saved.rows


def test_load_accepts_a_spreadsheet_copy(corpus, here):
    """A ledger re-saved by a spreadsheet: labels as headers, semicolons, Windows-1252."""
    path = here / "excel.csv"
    path.write_bytes("Claim;grade;Assessment;Extra\r\nCaf\xe9 claim;weak;Two. Sentences.\r\n;;;\r\n".encode("cp1252"))
    led = ClaimLedger(corpus, path=path)
    assert led.rows == [{**{k: "" for k in FIELDS}, "claim": "Café claim", "grade": "Weak",
                         "assessment": "Two. Sentences."}]
    assert "Windows-1252" in led.message


def test_plain_text_repr_does_not_depend_on_the_rows(corpus, here):
    led = ClaimLedger(corpus)
    before = led._repr_mimebundle_()["text/plain"]
    led.add(**ROW)
    assert led._repr_mimebundle_()["text/plain"] == before
    assert "application/vnd.jupyter.widget-view+json" in led._repr_mimebundle_()


def test_trace_and_route_of_the_worked_example(corpus):
    t = trace(corpus, "US State Department", ["tass-idlib-2019", "urdupoint-idlib-2019"])
    assert list(t["outlet"].unique()) == ["TASS", "UrduPoint News"]
    assert t.iloc[0]["attribution_id"] == "A01" and t.iloc[0]["part"] == "headline"
    assert set(t.loc[t["outlet"] == "UrduPoint News", "channel"]) <= {"Sputnik", ""}
    r = route(t, "US State Department official")
    assert int(r["statements"].sum()) == len(t)
    assert set(r["channel"]) == {"TASS", "Sputnik", "(not stated)"}


def test_no_files_left_in_the_working_folder(corpus, here):
    before = sorted(os.listdir(here))
    led = ClaimLedger(corpus)
    led.add(**ROW)
    led.remove_last()
    assert sorted(os.listdir(here)) == before


def test_sources_checked_round_trips_and_an_older_ledger_without_it_still_loads(corpus, here):
    led = ClaimLedger(corpus, path="mine.csv")
    led.inputs["claim"].value = "17 bodies were recovered"
    led.inputs["sources_checked"].value = "the rescue service's own statement; two other agencies"
    led.inputs["grade"].value = "Weak"
    led.inputs["assessment"].value = "One source so far. The rescuers counted bodies, not deaths. Weak until others count."
    led._add_from_form()
    led.export()
    again = ClaimLedger(corpus, path="mine.csv")
    assert again.rows[0]["sources_checked"] == "the rescue service's own statement; two other agencies"
    old = "claim,claimant,channel,outlet,earliest_source,corroboration,grade,assessment,ref\r\n" \
          "a claim,someone,,,,no,Weak,an older row,\r\n"
    (here / "old.csv").write_text(old, encoding="utf-8")
    older = ClaimLedger(corpus, path="old.csv")
    assert len(older) == 1 and older.rows[0]["sources_checked"] == "" and older.rows[0]["grade"] == "Weak"
