"""The course's practice cases: fictional articles with complete curated answer keys.

Each case folder (lib/claimlab_course/cases/<case>/) holds ``text/*.txt`` and
``key/*.csv``.
Every check reads its expectations from the texts and the tables, never from
hard-coded offsets.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import claimlab
from claimlab import schema
from claimlab.__main__ import main as claimlab_main
from claimlab.metadata import infer_metadata

CASES_DIR = Path(__file__).resolve().parents[1] / "lib" / "claimlab_course" / "cases"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "key").is_dir()) if CASES_DIR.is_dir() else []
# Where a case's texts are when it has no text/ folder of its own.
# Cases that must show every phenomenon the course teaches (the Varnel key covers two short pieces).
FULL_CASES = ["serrow"]

NUMBER_WORDS = {w: i for i, w in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "no": 0, "none": 0,
                     "nobody": 0, "single": 1, "first": 1, "second": 2, "third": 3})
NOMINAL_CUES = {"accusation", "accusations", "claim", "claims", "report", "reports", "statement",
                "statements", "allegation", "allegations", "criticism"}
WEEKDAYS = list(calendar.day_name)
MONTHS = list(calendar.month_name)[1:]


def text_dir(case: str) -> Path:
    return CASES_DIR / case / "text"


def numbers_in(span: str) -> set[float]:
    """Every number written in a span, in digits or in words."""
    found = {float(m.replace(",", "")) for m in re.findall(r"\d[\d,]*(?:\.\d+)?", span)}
    found |= {float(NUMBER_WORDS[w]) for w in re.findall(r"[a-z]+", span.lower()) if w in NUMBER_WORDS}
    return found


def load_case(name: str, folder: Path):
    """Copy a case's texts and key into ``folder`` and load it."""
    key = sorted((CASES_DIR / name / "key").glob("*.csv"))
    texts = sorted(text_dir(name).glob("*.txt"))
    assert texts, f"case {name} has no texts"
    assert sorted(p.name for p in key) == sorted(schema.TABLES), f"case {name} lacks a table"
    for p in key + texts:
        shutil.copy(p, folder / p.name)
    return claimlab.load_corpus(folder)


@pytest.fixture(scope="module", params=CASES)
def case(request, tmp_path_factory):
    """(name, folder, corpus): a case's texts and key copied into one folder and loaded."""
    folder = tmp_path_factory.mktemp(request.param)
    return request.param, folder, load_case(request.param, folder)


def test_there_are_cases():
    assert "serrow" in CASES and "varnel" in CASES


def test_the_validator_finds_no_problem(case, capsys):
    _, folder, corpus = case
    assert claimlab_main(["validate", str(folder)]) == 0, capsys.readouterr()
    assert corpus.problems.empty, corpus.problems.to_string()


def test_every_table_is_curated_and_covers_every_article(case):
    _, folder, c = case
    texts = sorted(p.name for p in folder.glob("*.txt"))
    assert sorted(c.articles["file"]) == texts
    assert (c.articles["metadata"] == "curated").all()
    for table in ("attributions", "figures", "terms"):
        df = getattr(c, table)
        assert len(df), table
        assert (df["origin"] == "curated").all(), f"{table} has rows the extractor made"
        assert set(df["article_id"]) == set(c.articles["article_id"]), f"{table} misses an article"
    for table in ("outlets", "actors", "segments"):
        assert len(getattr(c, table)), table
    assert set(c.segments["article_id"]) == set(c.articles["article_id"])
    assert set(c.articles["outlet"]) <= set(c.outlets["outlet"])


def test_every_span_is_the_text_it_claims(case):
    _, _, c = case
    for table, spans in schema.SPANS.items():
        df = getattr(c, table.removesuffix(".csv"))
        for row in df.to_dict("records"):
            text = c.texts[row["article_id"]]
            for tcol, scol, ecol in spans:
                if row[tcol] == "" and pd.isna(row[scol]):
                    continue
                assert text[int(row[scol]):int(row[ecol])] == row[tcol], (table, row)


def test_figures_hold_their_numbers_and_vague_ones_have_none(case):
    _, _, c = case
    for f in c.figures.to_dict("records"):
        written = numbers_in(f["text"])
        for col in ("low", "high"):
            if not pd.isna(f[col]):
                assert float(f[col]) in written, f"{f['figure_id']}: {col} {f[col]} not in {f['text']!r}"
        if not written:     # a vague quantity: no number at all
            assert pd.isna(f["low"]) and pd.isna(f["high"]), f["figure_id"]
        if pd.isna(f["low"]) and pd.isna(f["high"]):
            assert not written, f"{f['figure_id']} has a number but no value: {f['text']!r}"
        if f["attribution_id"]:
            att = c.attributions.set_index("attribution_id").loc[f["attribution_id"]]
            assert att["article_id"] == f["article_id"]
            assert att["start"] <= f["start"] and f["end"] <= att["end"], \
                f"{f['figure_id']} lies outside the statement {f['attribution_id']}"
            assert f["claimant"] == att["actor"], f"{f['figure_id']}: claimant is not the speaker"
        else:
            assert f["claimant"] == "", f"{f['figure_id']}: a claimant with no statement"


def test_articles_say_they_are_fictional_and_their_metadata_is_in_the_text(case):
    name, _, c = case
    for a in c.articles.to_dict("records"):
        text = c.texts[a["article_id"]]
        assert "Fictional" in text.split("\n", 1)[0], a["file"]
        for col in ("headline", "dateline", "byline"):
            if a[col]:
                assert text.count(a[col]) >= 1, (a["file"], col)
        heads = c.segments[(c.segments["article_id"] == a["article_id"]) & (c.segments["kind"] == "headline")]
        assert list(heads["text"]) == [a["headline"]]
        # What the library infers from the text alone agrees with the key.
        meta = infer_metadata(text)
        assert meta["headline"] == a["headline"], a["file"]
        if a["dateline"]:
            assert meta["dateline"] == a["dateline"]
        if a["wire"]:
            assert a["wire"] in a["dateline"], "the dateline must credit the wire"


def test_stated_weekdays_are_true(case):
    """Every "D Month YYYY was a Weekday" in a date_evidence holds on the calendar."""
    _, _, c = case
    rx = re.compile(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4}) (?:was|is|will be) a (" + "|".join(WEEKDAYS) + ")")
    checked = 0
    for ev in c.articles["date_evidence"]:
        for d, m, y, wd in rx.findall(ev):
            day = dt.date(int(y), MONTHS.index(m) + 1, int(d))
            assert calendar.day_name[day.weekday()] == wd, f"{day} is not a {wd}"
            checked += 1
    assert checked, "no weekday is checked in any date_evidence"


def test_references_inside_the_key(case):
    _, _, c = case
    att = c.attributions.set_index("attribution_id")
    for a in c.attributions.to_dict("records"):
        if a["nested_in"]:
            outer = att.loc[a["nested_in"]]
            assert outer["article_id"] == a["article_id"]
            assert outer["start"] <= a["start"] and a["end"] <= outer["end"], a["attribution_id"]
        if a["quote_type"] == "direct":
            text = c.texts[a["article_id"]]
            before = text[:a["start"]].rstrip()[-1:]
            assert before in "\"“‘'", f"{a['attribution_id']}: a direct quotation must follow a quotation mark"
    figs = c.figures.set_index("figure_id")
    for f in c.figures.to_dict("records"):
        if f["subset_of"]:
            whole = figs.loc[f["subset_of"]]
            assert whole["article_id"] == f["article_id"]
            if not (pd.isna(f["high"]) or pd.isna(whole["low"])):
                assert f["high"] <= whole["low"], f"{f['figure_id']} is larger than the whole it is part of"


# ------------------------------------------------------------------ phenomena the full cases must show

@pytest.fixture(scope="module", params=FULL_CASES)
def full(request, tmp_path_factory):
    return load_case(request.param, tmp_path_factory.mktemp(request.param))


def test_an_anonymous_official(full):
    anon = full.attributions[full.attributions["speaker_type"] == "anonymous"]
    assert anon["speaker"].str.contains("not to be named|asked not|declined to be named").any()


def test_a_nominal_cue(full):
    nominal = full.attributions[full.attributions["cue"].str.lower().isin(NOMINAL_CUES)]
    assert len(nominal)
    assert nominal["nested_in"].ne("").any() and nominal["speaker"].eq("").any()


def test_a_direct_quotation_of_several_sentences_with_a_figure_inside(full):
    direct = full.attributions[full.attributions["direct"]]
    several = direct[direct["content"].str.count(r"[.!?] +[A-Z]") >= 1]
    assert len(several)
    inside = full.figures.merge(several, on="attribution_id", suffixes=("", "_att"))
    assert len(inside) and (inside["claimant"] == inside["actor"]).all()


def test_conflicting_counts_in_different_units_from_different_claimants(full):
    figs = full.figures.merge(full.articles[["article_id", "event"]], on="article_id")
    deaths = figs[figs["measure"].str.contains("killed|bodies|wounded|dead")]
    for _event, group in deaths.groupby("event"):
        if group["measure"].nunique() >= 3 and group["claimant"].replace("", pd.NA).dropna().nunique() >= 3:
            break
    else:
        pytest.fail("no event has three counting units from three claimants")
    assert (deaths["low"].notna() & deaths["high"].isna() & deaths["text"].str.contains("more than", case=False)).any()
    assert (deaths["low"].isna() & deaths["high"].isna()).any(), "no vague quantity"


def test_a_wire_story_relayed_with_a_change(full):
    arts = full.articles
    relays = arts[(arts["wire"] != "") & (arts["wire"] != arts["outlet"])]
    assert len(relays)
    for r in relays.to_dict("records"):
        source = arts[(arts["outlet"] == r["wire"]) & (arts["event"] == r["event"])]
        assert len(source), "the wire's own report is in the case"
        assert source.iloc[0]["headline"] != r["headline"]
        # The relay keeps a quotation word for word and changes something else.
        mine = set(full.attributions.loc[full.attributions["article_id"] == r["article_id"], "content"])
        theirs = set(full.attributions.loc[full.attributions["article_id"] == source.iloc[0]["article_id"], "content"])
        assert mine & theirs and mine - theirs


def test_a_date_to_work_out(full):
    arts = full.articles
    open_dates = arts[(arts["date_confidence"] != "high")
                      & arts["date_evidence"].str.contains("|".join(WEEKDAYS))]
    assert len(open_dates)
    for a in open_dates.to_dict("records"):
        text = full.texts[a["article_id"]]
        assert str(a["published"].year) not in text, "an article to date must not state its year"
        assert any(d in text for d in WEEKDAYS), "the text gives a weekday clue"


def test_material_for_grading(full):
    """A party acknowledges civilian harm, and a source withdraws or corrects a claim."""
    notes = full.attributions["note"].str.lower()
    assert notes.str.contains("acknowledg").any()
    assert notes.str.contains("withdrawn").any()
    figs = full.figures
    attacker_admits = figs[figs["measure"].str.contains("civilian") & figs["claimant"].isin(
        full.actors.loc[full.actors["type"].isin(["ministry", "military"]), "actor"])]
    assert len(attacker_admits)
