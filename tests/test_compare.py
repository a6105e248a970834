"""Comparing statements across articles: the pairs finder, the side-by-side table and its widget."""

from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import claimlab
from claimlab.compare import CompareWidget, side_by_side, statement_pairs
from claimlab.corpus import Corpus

COLUMNS = ["article_a", "attribution_a", "outlet_a", "content_a",
           "article_b", "attribution_b", "outlet_b", "content_b", "similarity"]


class Table(HTMLParser):
    """Parses the table, failing on unbalanced tags; collects the text of each <del>, <ins> and cell."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.found = [], [], {"del": [], "ins": [], "td": [], "th": []}
        self.feed(markup)
        self.close()
        assert not self.stack, f"unclosed: {[t for t, _ in self.stack]}"

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        record = [""]
        if tag in self.found:
            self.found[tag].append(record)
        self.stack.append((tag, record))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> out of order"
        self.stack.pop()

    def handle_data(self, data):
        for _, record in self.stack:
            record[0] += data

    def texts(self, tag):
        return [r[0] for r in self.found[tag]]


def corpus_of(statements) -> Corpus:
    """A Corpus with only attributions: ``statements`` is [(article_id, attribution_id, content), ...]."""
    texts = {a: " ".join(c for a2, _, c in statements if a2 == a) for a, _, _ in statements}
    rows, offsets = [], {a: 0 for a in texts}
    for a, ident, content in statements:
        start = texts[a].index(content, offsets[a])
        offsets[a] = start + len(content)
        rows.append({"article_id": a, "attribution_id": ident, "speaker": "", "cue": "", "content": content,
                     "content_start": start, "content_end": start + len(content), "repeat_of": ""})
    articles = pd.DataFrame([{"article_id": a, "outlet": f"Outlet {a}", "headline": ""} for a in texts])
    empty = pd.DataFrame()
    return Corpus(Path("."), texts, articles, empty, empty, empty, pd.DataFrame(rows), empty, empty, empty)


@pytest.fixture(scope="module")
def seeds():
    return claimlab.load_corpus()


@pytest.fixture(scope="module")
def seed_pairs(seeds):
    return statement_pairs(seeds)


def test_side_by_side_escapes_everything():
    html = side_by_side("They said <script>alert(1)</script> today", "They said <img src=x onerror=alert(1)>",
                        "<b>TASS</b>", 'Sputnik" onmouseover="x')
    table = Table(html)
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert set(table.tags) <= {"table", "caption", "thead", "tbody", "tr", "th", "td", "del", "ins", "span"}
    assert table.texts("th") == ["<b>TASS</b>", 'Sputnik" onmouseover="x']
    left, right = (t.replace("−", "").replace("+", "") for t in table.texts("td"))  # drop the change signs
    assert "<script>alert(1)</script>" in left and "<img src=x onerror=alert(1)>" in right


def test_side_by_side_marks_changed_words_with_more_than_colour():
    table = Table(side_by_side("The army killed 26 people in Idlib", "The army killed 30 people in Idlib",
                               "A", "B"))
    deleted = [t for t in table.texts("del") if "struck through" not in t]
    inserted = [t for t in table.texts("ins") if "underlined" not in t]
    assert deleted == ["−26"] and inserted == ["+30"]  # a visible sign, not only a colour
    left, right = table.texts("td")
    assert left.replace("−", "") == "The army killed 26 people in Idlib"
    assert right.replace("+", "") == "The army killed 30 people in Idlib"


def test_side_by_side_ignores_case_and_quote_style():
    table = Table(side_by_side("a ‘Precise’ strike", "a 'precise' strike", "A", "B"))
    assert [t for t in table.texts("del") if "struck" not in t] == []
    assert [t for t in table.texts("ins") if "underlined" not in t] == []


def test_pairs_find_the_state_department_statement_in_tass_and_sputnik(seed_pairs):
    assert list(seed_pairs.columns[:len(COLUMNS)]) == COLUMNS
    assert len(seed_pairs) >= 3
    pairs = set(zip(seed_pairs["attribution_a"], seed_pairs["attribution_b"]))
    assert {("A04", "B10"), ("A08", "B12")} <= pairs
    assert set(seed_pairs["article_a"]) == {"tass-idlib-2019"}
    assert set(seed_pairs["article_b"]) == {"urdupoint-idlib-2019"}
    assert set(seed_pairs["outlet_a"]) == {"TASS"} and set(seed_pairs["outlet_b"]) == {"UrduPoint News"}
    both = " ".join(seed_pairs["content_a"]) + " ".join(seed_pairs["content_b"])
    assert "We have seen Russian commentary on the strike against Al-Qaida in Syria (AQ-S) leadership" in both
    assert "obvious attempt to divert attention" in both


def test_pairs_are_sorted_and_in_range(seed_pairs):
    sims = seed_pairs["similarity"].tolist()
    assert sims == sorted(sims, reverse=True)
    assert all(0 < s <= 1 for s in sims)
    assert (seed_pairs["article_a"] != seed_pairs["article_b"]).all()


def test_paraphrases_below_the_threshold_are_left_out(seeds, seed_pairs):
    looser = statement_pairs(seeds, min_ratio=0.5)
    assert len(looser) > len(seed_pairs)
    assert ("A03", "B05") in set(zip(looser["attribution_a"], looser["attribution_b"]))
    assert ("A03", "B05") not in set(zip(seed_pairs["attribution_a"], seed_pairs["attribution_b"]))


def test_same_article_short_and_merged_statements():
    quote = "we will not accept any attempt to rewrite what happened in the city last week"
    merged = quote + " and we call on all sides to respect the ceasefire agreed by the guarantors in full"
    corpus = corpus_of([("one", "A1", quote), ("one", "A2", quote + " again"),
                        ("one", "A3", "these charges"),
                        ("two", "B1", merged), ("two", "B2", "these charges")])
    pairs = statement_pairs(corpus)
    found = set(zip(pairs["attribution_a"], pairs["attribution_b"]))
    assert ("A1", "B1") in found  # one quote inside a longer one: found by the shared run of words
    assert all(a.startswith("A") and b.startswith("B") for a, b in found)  # never within one article
    assert ("A3", "B2") not in found  # too short to mean anything
    assert statement_pairs(corpus, min_run=100, min_ratio=0.9).empty


def test_no_attributions_no_pairs_no_error():
    corpus = Corpus(Path("."), {"a": "text"}, pd.DataFrame([{"article_id": "a", "outlet": "X"}]),
                    *[pd.DataFrame()] * 7)
    pairs = statement_pairs(corpus)
    assert pairs.empty and list(pairs.columns[:len(COLUMNS)]) == COLUMNS
    widget = CompareWidget(corpus)
    assert widget.choice.disabled and "No pairs" in widget.html.value


def test_compare_widget_shows_the_chosen_pair(seeds, seed_pairs, capsys):
    widget = CompareWidget(seeds)
    assert widget.choice.description == "Statement" and widget.choice.tooltip and widget.html.tooltip
    pd.testing.assert_frame_equal(widget.pairs, seed_pairs)
    assert len(widget.choice.options) == len(seed_pairs)
    last = len(seed_pairs) - 1
    widget.choice.value = last
    cells = Table(widget.html.value).texts("td")
    assert cells[0].replace("−", "") == seed_pairs.loc[last, "content_a"]
    assert "TASS" in widget.html.value and "UrduPoint News" in widget.html.value
    assert "application/vnd.jupyter.widget-view+json" in widget._repr_mimebundle_()
    out, err = capsys.readouterr()
    assert out == "" and err == ""
