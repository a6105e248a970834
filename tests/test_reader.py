"""The article reader: escaped, well-formed highlights with hover titles, and a widget that updates in place."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import claimlab
from claimlab.corpus import Corpus
from claimlab.reader import ArticleReader, render_article

VOID = {"br", "img", "input", "hr", "meta", "link", "wbr"}
HOSTILE_TEXT = ('Officials deny <script>alert(1)</script> strike\n\n'
                'The ministry said 26 people were killed in the raid on the so-called rebels.\n\n'
                '"We reject <img src=x onerror=alert(1)> these claims," the spokesman told reporters.\n')


class Page(HTMLParser):
    """Parses a fragment, failing on any unbalanced tag; collects tags, marks and visible text."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.marks, self.paras, self.text = [], [], [], [], []
        self.feed(markup)
        self.close()
        assert not self.stack, f"unclosed tags: {[t for t, _ in self.stack]}"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag in VOID:
            return
        record = {"tag": tag, "attrs": attrs, "text": ""}
        if tag == "mark":
            self.marks.append(record)
        if tag == "p":
            self.paras.append(record)
        self.stack.append((tag, record))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> with nothing open"
        assert self.stack[-1][0] == tag, f"</{tag}> closes <{self.stack[-1][0]}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for _, record in self.stack:
            record["text"] += data

    def layer(self, name):
        return [m for m in self.marks if m["attrs"].get("data-layer") == name]

    def joined(self, part, ident):
        """The text of one span, put back together from its pieces."""
        return "".join(m["text"] for m in self.marks
                       if m["attrs"]["data-part"] == part and m["attrs"]["data-id"] == ident)


def make_corpus(texts: dict, attributions=(), figures=(), terms=(), articles=None) -> Corpus:
    """A Corpus built in memory: one paragraph per non-blank line, as the loader does."""
    paras = [{"article_id": a, "paragraph": i, "start": m.start(), "end": m.end(), "kind": "body", "text": m.group()}
             for a, t in texts.items() for i, m in enumerate(re.finditer(r"[^\n]+", t), 1)]
    articles = articles or [{"article_id": a, "outlet": "", "headline": a} for a in texts]
    frame = pd.DataFrame
    return Corpus(Path("."), dict(texts), frame(articles), frame(), frame(), frame(paras),
                  frame(list(attributions)), frame(list(figures)), frame(list(terms)), frame())


def attribution(text, aid, ident, speaker, cue, content, **extra):
    """An attribution row whose spans are found in the text (first occurrence of each)."""
    row = {"article_id": aid, "attribution_id": ident, "speaker": speaker, "cue": cue, "content": content,
           "actor": "", "speaker_type": "person", "quote_type": "direct", "channel": "", "nested_in": "",
           "repeat_of": "", "note": "", "origin": "curated"}
    for part, value in (("speaker", speaker), ("cue", cue), ("content", content)):
        start = text.index(value) if value else None
        row[f"{part}_start"] = start
        row[f"{part}_end"] = None if start is None else start + len(value)
    row.update(extra)
    return row


def span(text, aid, ident, value, **extra):
    start = text.index(value)
    return {"article_id": aid, "start": start, "end": start + len(value), "text": value, "term": value,
            "origin": "curated", **extra} | ({"figure_id": ident} if ident.startswith("F") else {"term_id": ident})


@pytest.fixture(scope="module")
def seeds():
    return claimlab.load_corpus()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A plain-text article with markup in it, loaded the way an instructor would (metadata inferred, extractor run)."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    return claimlab.load_corpus(folder)


@pytest.fixture()
def overlapping():
    """Spans that nest, coincide, cross each other and cross a paragraph break."""
    text = ("Rescuers said at least 26 people died in <b>Idlib</b>, the officials reported.\n"
            "Second line of the same quote continues here.")
    a = "x"
    atts = [attribution(text, a, "A1", "Rescuers", "said", "at least 26 people died in <b>Idlib</b>"),
            # speaker crosses A1's content: "Idlib</b>, the officials"
            attribution(text, a, "A2", "Idlib</b>, the officials", "reported", ""),
            # content crosses the paragraph break
            attribution(text, a, "A3", "", "", "officials reported.\nSecond line")]
    figs = [span(text, a, "F1", "at least 26 people died", claimant="Rescuers", measure="killed", low=26.0,
                 high=None, unit="people", qualifier="at least")]
    terms = [span(text, a, "T1", "at least 26 people died", category="hedge", refers_to="the toll"),
             span(text, a, "T2", "26 people", category="evaluative", refers_to="victims")]
    return make_corpus({a: text}, atts, figs, terms), text


def test_markup_in_the_article_is_shown_as_text(hostile):
    aid = next(iter(hostile.texts))
    html = render_article(hostile, aid)
    page = Page(html)
    assert not re.search(r"<\s*(script|img)", html, re.I)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert set(page.tags) <= {"div", "p", "span", "mark", "br"}
    visible = "".join(page.text)
    assert "<script>alert(1)</script>" in visible and "<img src=x onerror=alert(1)>" in visible
    assert page.marks, "the extractor's attributions should be highlighted"


def test_annotation_values_cannot_break_out_of_attributes():
    text = "The spokesman said nothing."
    evil = '"><script>alert(1)</script><img src=x onerror=alert(1)>'
    corpus = make_corpus({"a": text}, [attribution(text, "a", "A1", "The spokesman", "said", "nothing",
                                                   actor=evil, note=evil, channel="'onmouseover='x")],
                         articles=[{"article_id": "a", "outlet": evil, "headline": evil}])
    html = render_article(corpus, "a")
    page = Page(html)
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert set(page.tags) <= {"div", "p", "span", "mark", "br"}
    speaker = [m for m in page.marks if m["attrs"]["data-part"] == "speaker"][0]
    assert evil in speaker["attrs"]["title"] and "onmouseover" not in speaker["attrs"]
    assert evil in "".join(page.text)  # the outlet, as text


def test_overlapping_spans_nest_properly_and_keep_their_text(overlapping):
    corpus, text = overlapping
    page = Page(render_article(corpus, "x"))  # Page fails on any unbalanced tag
    assert page.joined("content", "A1") == "at least 26 people died in <b>Idlib</b>"
    assert page.joined("speaker", "A2") == "Idlib</b>, the officials"
    assert page.joined("figure", "F1") == "at least 26 people died"
    assert page.joined("term", "T1") == page.joined("figure", "F1")
    assert page.joined("term", "T2") == "26 people"
    assert page.joined("content", "A3") == "officials reported.Second line"  # one piece per paragraph
    assert len(page.paras) == 2
    assert "".join(p["text"] for p in page.paras) == text.replace("\n", "")


def test_every_paragraph_is_shown_once_in_order(seeds):
    for aid in seeds.texts:
        page = Page(render_article(seeds, aid))
        shown = [p["text"] for p in page.paras if "ca-para" in p["attrs"].get("class", "")]
        expected = seeds.paragraphs.loc[seeds.paragraphs["article_id"] == aid, "text"].tolist()
        assert len(shown) == len(expected)
        for got, want in zip(shown, expected):
            assert got.endswith(want)  # a boilerplate paragraph starts with its kind label


def test_figure_marks_name_the_claimant(seeds):
    page = Page(render_article(seeds, "presstv-idlib-2017", layers=("figures",)))
    mark = [m for m in page.layer("figures") if m["text"] == "26 people were killed"]
    assert mark, "the SOHR death toll should be highlighted"
    title = mark[0]["attrs"]["title"]
    assert "SOHR" in title and "26" in title and "killed" in title
    assert not page.layer("attributions") and not page.layer("terms")


def test_speaker_and_content_titles_name_the_speaker(seeds):
    page = Page(render_article(seeds, "tass-idlib-2019"))
    speakers = [m for m in page.marks if m["attrs"]["data-part"] == "speaker" and m["text"] == "the source"]
    assert speakers
    title = speakers[0]["attrs"]["title"]
    assert "the source" in title and "US State Department" in title and "anonymous" in title and "direct" in title
    content = [m for m in page.marks if m["attrs"]["data-part"] == "content"
               and m["text"].startswith("We have seen Russian commentary")]
    assert "US State Department" in content[0]["attrs"]["title"]
    terms = [m for m in page.layer("terms") if m["attrs"]["title"].startswith("Term: ")]
    assert terms and all("refers to" in m["attrs"]["title"] for m in terms)


def test_boilerplate_is_muted_and_labelled(seeds):
    page = Page(render_article(seeds, "presstv-idlib-2017"))
    captions = [p for p in page.paras if p["attrs"].get("data-kind") == "caption"]
    assert captions and all(p["text"].startswith("caption") for p in captions)
    body = [p for p in page.paras if "data-kind" not in p["attrs"] and "ca-para" in p["attrs"].get("class", "")]
    assert any(p["text"].startswith("Russia has refuted") for p in body)


def test_legend_lists_the_layers_shown(seeds):
    full = "".join(Page(render_article(seeds, "tass-idlib-2019")).text)
    assert all(word in full for word in ("Speaker", "Cue", "Figure", "Framing term"))
    only_terms = "".join(Page(render_article(seeds, "tass-idlib-2019", layers=["terms"])).text)
    assert "Framing term" in only_terms and "Speaker (" not in only_terms


def test_empty_layers_say_so_and_nothing_raises():
    corpus = make_corpus({"a": "Nothing annotated here.\nSecond paragraph."})
    html = render_article(corpus, "a")
    Page(html)
    for line in ("No attributions marked in this article.", "No figures marked in this article.",
                 "No framing terms marked in this article."):
        assert line in html
    reader = ArticleReader(corpus)
    assert "Nothing annotated here." in reader.value


def test_seed_article_without_figures_says_so(seeds):
    assert not (seeds.figures["article_id"] == "tass-nauert-2018").any()
    html = render_article(seeds, "tass-nauert-2018")
    assert "No figures marked in this article." in html
    assert "No attributions marked" not in html


def test_extra_highlights(seeds):
    text = seeds.text("presstv-idlib-2017")
    start = text.index("Hmeimim")
    extra = pd.DataFrame([{"article_id": "presstv-idlib-2017", "start": start, "end": start + 7,
                           "label": "An air base <b>"},
                          {"article_id": "tass-idlib-2019", "start": 0, "end": 5, "label": "elsewhere"}])
    page = Page(render_article(seeds, "presstv-idlib-2017", layers=(), extra=extra))
    marks = page.layer("extra")
    assert [m["text"] for m in marks] == ["Hmeimim"]
    assert marks[0]["attrs"]["title"] == "An air base <b>"
    assert len(page.marks) == 1


def test_large_uses_a_bigger_font(seeds):
    def size(html):
        return int(re.search(r"font-size:(\d+)px", html).group(1))
    assert size(render_article(seeds, "tass-idlib-2019", large=True)) > size(render_article(seeds, "tass-idlib-2019"))


def test_unknown_article_or_layer_is_a_clear_error(seeds):
    with pytest.raises(KeyError, match="tass-idlib-2019"):
        render_article(seeds, "no-such-article")
    with pytest.raises(ValueError, match="attributions"):
        render_article(seeds, "tass-idlib-2019", layers=("quotes",))


def test_reader_toggles_update_the_html_in_place(seeds):
    reader = ArticleReader(seeds, "presstv-idlib-2017")
    html_widget = reader.html
    assert 'data-layer="figures"' in reader.value and 'data-layer="attributions"' in reader.value
    reader.toggles["figures"].value = False
    assert 'data-layer="figures"' not in reader.value
    assert 'data-layer="attributions"' in reader.value and 'data-layer="terms"' in reader.value
    for box in reader.toggles.values():
        box.value = False
    assert "<mark" not in reader.value
    reader.toggles["figures"].value = True
    assert Page(reader.value).layer("figures")
    reader.article.value = "tass-nauert-2018"
    assert "Lavrov" in reader.value or "Nauert" in reader.value
    assert reader.html is html_widget and reader.value == html_widget.value


def test_reader_controls_are_labelled(seeds):
    reader = ArticleReader(seeds)
    assert reader.article.description == "Article"
    assert reader.article.value == seeds.articles["article_id"].iloc[0]
    labels = dict(reader.article.options)
    assert labels["Press TV — Russia rejects accusations of airstrikes on Syria’s Idlib"] == "presstv-idlib-2017"
    assert all(" — " in label for label in labels)
    assert [b.description for b in reader.toggles.values()] == ["Attributions", "Figures", "Framing terms"]
    assert set(reader.toggles) == {"attributions", "figures", "terms"}
    for control in [reader.article, reader.html, *reader.toggles.values()]:
        assert control.tooltip
    bundle = reader._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_reader_prints_nothing(seeds, capsys):
    reader = ArticleReader(seeds, large=True)
    reader.toggles["terms"].value = False
    reader.article.value = "ibtimes-aleppo-2016"
    out, err = capsys.readouterr()
    assert out == "" and err == ""
