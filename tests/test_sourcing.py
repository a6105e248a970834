"""Sourcing helpers for lessons 02 and 04: outlet roles, article sources, provenance explorer, versions."""

from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import claimlab
from claimlab import views
from claimlab.corpus import Corpus
from claimlab.format import and_join
from claimlab_course import sourcing


@pytest.fixture(scope="module")
def corpus():
    return claimlab.load_corpus()


class Balanced(HTMLParser):
    """Fails on unbalanced tags; collects the text and the tags seen."""

    def __init__(self, markup):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.text = [], [], []
        self.feed(markup)
        self.close()
        assert not self.stack, self.stack

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> out of order"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def test_and_join():
    assert and_join([]) == ""
    assert and_join(["a"]) == "a"
    assert and_join(["a", "b", "c"]) == "a, b and c"


def test_outlet_roles_name_publishers_wires_and_relays(corpus):
    roles = sourcing.outlet_roles(corpus).set_index("outlet")["role"]
    assert roles["Sputnik"] == "wire credited by UrduPoint News"
    assert roles["CNN"] == "relayed by IBTimes"
    assert "published 2 article(s)" in roles["TASS"] and "relayed by IBTimes" in roles["TASS"]
    assert roles["UrduPoint News"] == "published 1 article(s)"  # its Sputnik relay is the wire, not listed twice


def test_ownership_groups_come_from_the_table(corpus):
    groups = sourcing.ownership_groups(corpus)
    assert groups["state-owned"] == ["Press TV", "Sputnik", "TASS"]
    assert groups["private"] == ["CNN", "IBTimes", "UrduPoint News"]


def test_outlets_html_links_citations_and_is_balanced(corpus):
    page = Balanced(sourcing.outlets_html(corpus))
    links = [a["href"] for tag, a in page.tags if tag == "a"]
    assert sorted(links) == sorted(corpus.outlets["citation"])


def test_article_sources_show_printed_dateline_and_wire_owner(corpus):
    src = sourcing.article_sources(corpus).set_index("article_id")
    up = src.loc["urdupoint-idlib-2019"]
    assert up["dateline"].startswith("MOSCOW (UrduPoint News / Sputnik")
    assert (up["ownership"], up["wire"], up["wire_ownership"]) == ("private", "Sputnik", "state-owned")
    assert up["byline"] == "Zeeshan Aziz (@imziishan)"
    assert src.loc["tass-idlib-2019", "dateline"] == "WASHINGTON, September 2. /TASS/."
    assert src.loc["ibtimes-aleppo-2016", "dateline"] == ""
    assert src.loc["ibtimes-aleppo-2016", "relays"] == "TASS; CNN"


def test_provenance_paths_filter(corpus):
    assert sourcing.provenance_paths(corpus).equals(views.provenance(corpus))
    k = sourcing.provenance_paths(corpus, outlet="IBTimes", claimant="Igor Konashenkov")
    assert list(k["channel"]) == ["TASS"]
    assert sourcing.provenance_paths(corpus, outlet="Press TV", channel="Sputnik").empty


def test_describe_paths_escapes_and_handles_empty():
    assert sourcing.describe_paths(pd.DataFrame()) == "No statements match these filters."
    df = pd.DataFrame([{"claimant": "<b>X</b>", "channel": "TASS", "outlet": "Y", "statements": 2}])
    text = sourcing.describe_paths(df)
    assert "&lt;b&gt;X&lt;/b&gt; → TASS → Y (2)" in text and "<b>" not in text


def test_provenance_explorer_updates_in_place(corpus):
    ex = sourcing.ProvenanceExplorer(corpus)
    everything = len(ex.table)
    ex.set(claimant="Igor Konashenkov")
    assert list(ex.table["channel"]) == ["TASS"]
    assert "Igor Konashenkov → TASS → IBTimes (2)" in ex.caption.value
    assert "TASS" in ex.table_out.value
    # the node names are drawn beside the nodes (annotations), so that no band runs over them
    assert [a.text for a in ex.figure.layout.annotations] == ["Igor Konashenkov", "TASS", "IBTimes"]
    assert [a.text for a in ex.figure_widget.layout.annotations] == ["Igor Konashenkov", "TASS", "IBTimes"]
    assert len(ex.figure_widget.data[0].link.source) == 2
    ex.filters["outlet"].value = "Press TV"  # a single menu change updates too
    assert ex.table.empty and "No rows match" in ex.table_out.value
    assert len(ex.figure_widget.data) == 0
    assert "No statements match" in ex.caption.value
    ex.set(outlet="All", claimant="All")
    assert len(ex.table) == everything
    with pytest.raises(KeyError):
        ex.set(speaker="x")


def test_versions_and_comparison(corpus):
    assert sourcing.version(corpus, "B12").startswith("it an ")
    para = sourcing.version(corpus, "B12", scope="paragraph")
    assert para.startswith("The State Department called it") and "albeit without providing" in para
    with pytest.raises(ValueError):
        sourcing.version(corpus, "B12", scope="sentence")
    with pytest.raises(KeyError):
        sourcing.version(corpus, "Z99")
    page = Balanced(sourcing.compare_versions(corpus, "A08", "B12", scope_b="paragraph"))
    assert [t for t, _ in page.tags].count("th") == 2
    text = "".join(page.text)
    assert "TASS (tass-idlib-2019, A08, statement)" in text
    assert "UrduPoint News / Sputnik (urdupoint-idlib-2019, B12, whole paragraph)" in text


def test_pair_speakers_show_the_anonymous_official_promoted(corpus):
    pairs = sourcing.pair_speakers(corpus)
    top = pairs.iloc[0]
    assert (top["id_a"], top["id_b"]) == ("A08", "B12")
    assert (top["speaker_type_a"], top["speaker_type_b"]) == ("anonymous", "institution")


def test_cue_counts(corpus):
    cues = sourcing.cue_counts(corpus)
    assert cues["statements"].sum() == len(views.statements(corpus))
    assert cues.iloc[0]["cue"] == "said"
    assert list(cues["statements"]) == sorted(cues["statements"], reverse=True)
    row = cues.set_index("cue").loc["reportedly"]
    assert row["example_speaker"] == "(no speaker named)" and row["outlets"] == "Press TV"
    assert sourcing.cue_counts(corpus, outlet="Nobody").empty


def test_hostile_corpus_text_is_escaped():
    text = 'Officials said <script>alert(1)</script> it was "fine".\n'
    att = [{"article_id": "x", "attribution_id": "X1", "speaker": "Officials", "speaker_start": 0,
            "speaker_end": 9, "cue": "said", "cue_start": 10, "cue_end": 14,
            "content": text[15:55], "content_start": 15, "content_end": 55, "start": 15, "end": 55,
            "actor": "<img src=x>", "speaker_type": "anonymous", "quote_type": "indirect",
            "channel": "", "nested_in": "", "repeat_of": "", "note": "", "origin": "curated"}]
    articles = [{"article_id": "x", "outlet": "<i>Evil</i>", "headline": "h", "published": pd.NaT,
                 "wire": "", "relays": "", "dateline": "", "byline": ""}]
    outlets = [{"outlet": "<i>Evil</i>", "country": "", "ownership": "private", "parent": "", "kind": "",
                "citation": "javascript:alert(1)", "note": ""}]
    paras = [{"article_id": "x", "paragraph": 1, "start": 0, "end": len(text) - 1, "kind": "body",
              "text": text[:-1]}]
    f = pd.DataFrame
    c = Corpus(Path("."), {"x": text}, f(articles), f(outlets), f(), f(paras), f(att), f(), f(),
               f(columns=["article_id", "kind", "text", "start", "end"]))
    page = sourcing.outlets_html(c)
    assert "<i>" not in page and not any(tag == "a" for tag, _ in Balanced(page).tags)
    ex = sourcing.ProvenanceExplorer(c)
    assert "<img" not in ex.caption.value and "&lt;img src=x&gt;" in ex.caption.value
    assert "<script>" not in sourcing.compare_versions(c, "X1", "X1")
