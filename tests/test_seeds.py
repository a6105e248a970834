"""The curated seed tables against the raw articles, checked independently of the loader."""

import csv
import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared" / "seeds"
WORDS = {"seventy": 70}


def rows(name):
    with open(SEEDS / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def texts():
    out = {}
    for r in rows("articles.csv"):
        out[r["article_id"]] = (SEEDS / r["file"]).read_text(encoding="utf-8")
    return out


TEXTS = texts()


def test_manifest_matches_raw_bytes():
    listed = {}
    for line in (SEEDS / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        listed[name] = digest
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, name
    assert sorted(listed) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(listed) == 5


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/seeds is not on this machine")
def test_seeds_are_byte_identical_to_the_originals():
    for original in SHARED.glob("*.txt"):
        assert (SEEDS / original.name).read_bytes() == original.read_bytes(), original.name


SPANS = {
    "attributions.csv": [("speaker", "speaker_start", "speaker_end"), ("cue", "cue_start", "cue_end"),
                         ("content", "content_start", "content_end")],
    "figures.csv": [("text", "start", "end")],
    "terms.csv": [("term", "start", "end")],
    "segments.csv": [("text", "start", "end")],
}


@pytest.mark.parametrize("table", sorted(SPANS))
def test_every_offset_gives_the_verbatim_text(table):
    checked = 0
    for r in rows(table):
        text = TEXTS[r["article_id"]]
        for tcol, scol, ecol in SPANS[table]:
            if r[tcol] == "" and r[scol] == "":
                assert tcol == "speaker", f"{table} {r}: only a speaker may be absent"
                continue
            assert text[int(r[scol]):int(r[ecol])] == r[tcol], (table, r)
            checked += 1
    assert checked >= 10


def test_direct_quotes_sit_inside_quotation_marks():
    opening, closing = "\"“‘'", "\"”’'"
    for r in rows("attributions.csv"):
        text, s, e = TEXTS[r["article_id"]], int(r["content_start"]), int(r["content_end"])
        content = r["content"]
        if r["quote_type"] == "direct":
            assert text[:s].rstrip("\u00a0 ")[-1] in opening, r["attribution_id"]
            assert text[e:].lstrip(",")[:1] in closing, r["attribution_id"]
        elif r["quote_type"] == "mixed":
            assert re.search("[\"“”‘’']", content), r["attribution_id"]
        else:
            assert not re.search("[\"“”]", content), r["attribution_id"]


def test_speaker_and_cue_are_near_their_content():
    for r in rows("attributions.csv"):
        text = TEXTS[r["article_id"]]
        for col in ("speaker_start", "cue_start"):
            if r[col] == "":
                continue
            lo, hi = sorted((int(r[col]), int(r["content_start"])))
            assert text.count("\n", lo, hi) <= 2, (r["attribution_id"], col)


def _numbers(span):
    found = [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", span)]
    found += [v for w, v in WORDS.items() if w in span.lower()]
    if re.search(r"\bnot\b.*\ba single\b|\bnone\b", span):
        found.append(0.0)
    return found


def test_every_number_is_in_its_span_and_vague_stays_missing():
    for r in rows("figures.csv"):
        values = [float(r[c]) for c in ("low", "high") if r[c] != ""]
        for v in values:
            assert v in _numbers(r["text"]), (r["figure_id"], v, r["text"])
        if not _numbers(r["text"]):
            assert values == [], f"{r['figure_id']}: a vague quantity must stay missing, not {values}"
        if len(values) == 2:
            assert values[0] <= values[1]


def test_subsets_and_claims_point_at_the_same_article():
    figs = {r["figure_id"]: r for r in rows("figures.csv")}
    attrs = {r["attribution_id"]: r for r in rows("attributions.csv")}
    for f in figs.values():
        if f["subset_of"]:
            whole = figs[f["subset_of"]]
            assert whole["article_id"] == f["article_id"]
            assert float(f["high"]) <= float(whole["low"])
        if f["attribution_id"]:
            a = attrs[f["attribution_id"]]
            assert a["article_id"] == f["article_id"]
            assert int(a["content_start"]) <= int(f["start"]) and int(f["end"]) <= int(a["content_end"]), f["figure_id"]
            assert f["claimant"] == a["actor"], f["figure_id"]


def test_publication_dates_agree_with_the_weekdays_in_the_text():
    arts = {r["article_id"]: r for r in rows("articles.csv")}
    day = {k: dt.date.fromisoformat(v["published"]) for k, v in arts.items()}
    # 001 states its date with a weekday.
    assert "Mon 02nd September 2019" in TEXTS["urdupoint-idlib-2019"]
    assert day["urdupoint-idlib-2019"].strftime("%a") == "Mon"
    # 000: "September 2" dateline; the official spoke "on Sunday", the day before.
    assert "September 2" in TEXTS["tass-idlib-2019"] and "on Sunday" in TEXTS["tass-idlib-2019"]
    assert (day["tass-idlib-2019"] - dt.timedelta(days=1)).strftime("%A") == "Sunday"
    # 003: "Monday, August 27" must be a Monday in the inferred year.
    assert "Monday, August 27" in TEXTS["tass-nauert-2018"]
    assert dt.date(day["tass-nauert-2018"].year, 8, 27).strftime("%A") == "Monday"
    assert day["tass-nauert-2018"].strftime("%m-%d") == "08-30"
    # 002: statement "released on Tuesday"; the caption dates the strike site February 7, 2017.
    assert "February 7, 2017" in TEXTS["presstv-idlib-2017"]
    assert day["presstv-idlib-2017"] == dt.date(2017, 2, 7) and day["presstv-idlib-2017"].strftime("%A") == "Tuesday"
    # 004: Russia spoke "Thursday", the day of the Munich meeting.
    assert "Russia said Thursday" in TEXTS["ibtimes-aleppo-2016"]
    assert day["ibtimes-aleppo-2016"].strftime("%A") == "Thursday"
    assert "Copyright IBTimes 2024" in TEXTS["ibtimes-aleppo-2016"] and day["ibtimes-aleppo-2016"].year != 2024


def test_headlines_and_datelines_are_verbatim():
    for r in rows("articles.csv"):
        text = TEXTS[r["article_id"]]
        assert r["headline"] in text.splitlines()
        if r["dateline"]:
            assert r["dateline"] in text
        assert r["date_evidence"] and r["date_confidence"] in {"high", "medium", "low"}


def test_every_outlet_fact_has_a_citation():
    for r in rows("outlets.csv"):
        assert r["citation"].startswith("https://"), r["outlet"]
        assert r["country"] and r["ownership"], r["outlet"]
