"""views, plots, widgets and exercises: behaviour on the seed corpus."""

import re

import pandas as pd
import pytest

import claimlab
from claimlab import plots, views
from claimlab.exercises import Question, is_right
from claimlab.widgets import ClaimExplorer, StatementExplorer
from claimlab_course import Exercise, check


@pytest.fixture(scope="module")
def corpus():
    return claimlab.load_corpus()


def test_claims_filters_and_labels_the_outlets_own_figures(corpus):
    sohr = views.claims(corpus, claimant="SOHR")
    assert sorted(sohr["text"]) == ["10 civilians", "26 people were killed"]
    own = views.claims(corpus, claimant=views.UNATTRIBUTED)
    assert len(own) == (corpus.figures["claimant"] == "").sum() > 0
    assert len(views.claims(corpus, outlet="TASS", claimant="SOHR")) == 0


def test_statements_leave_out_repeated_headlines_unless_asked(corpus):
    repeats = (corpus.attributions["repeat_of"] != "").sum()
    assert repeats > 0
    assert len(views.statements(corpus)) == len(corpus.attributions) - repeats
    assert len(views.statements(corpus, include_repeats=True)) == len(corpus.attributions)


def test_provenance_counts_every_top_level_statement_once(corpus):
    paths = views.provenance(corpus)
    a = corpus.attributions
    top = a[(a["repeat_of"] == "") & (a["nested_in"] == "")]
    assert paths["statements"].sum() == len(top)
    sputnik = paths[(paths["outlet"] == "UrduPoint News")]
    assert set(sputnik["channel"]) == {"Sputnik"}


def test_years_when_skips_impossible_dates():
    assert views.years_when(8, 27, "Monday", range(2014, 2024)) == [2018]
    assert all(y % 4 == 0 for y in views.years_when(2, 29, "Thursday", range(2000, 2030)))


def test_as_html_escapes_and_says_when_empty():
    html = views.as_html(pd.DataFrame({"text": ["<script>alert(1)</script>"]}))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "No rows match" in views.as_html(pd.DataFrame({"text": []}))


def test_every_figure_is_accessible(corpus):
    figs = [plots.interval_plot(views.claims(corpus)),
            plots.provenance_sankey(views.provenance(corpus)),
            plots.heatmap(views.term_counts(corpus), "Terms", "category", "outlet"),
            plots.bar(corpus.attributions["speaker_type"].value_counts(), "Speakers", "speaker type")]
    for fig in figs:
        assert fig.layout.title.text
        assert plots.alt_text(fig).endswith(".")
        if fig.data[0].type != "sankey" and fig is not figs[0]:
            assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
    assert list(figs[0].layout.colorway) == plots.OKABE_ITO


def test_range_plot_has_one_titled_panel_per_measure(corpus):
    claims = views.claims(corpus)
    fig = plots.interval_plot(claims)
    measures = claims["measure"].unique()
    xaxes = sorted(k for k in fig.layout.to_plotly_json() if k.startswith("xaxis"))
    assert len(xaxes) == len(measures) > 1
    titles = [a.text for a in fig.layout.annotations if a.xref == "paper"]
    assert len(titles) == len(measures)
    for m in measures:  # each panel is titled with its measure, and only its measure's rows are in it
        (title,) = [t for t in titles if t.startswith(f"<b>{m}</b>")]
        k = titles.index(title)
        ya = "y" if k == 0 else f"y{k + 1}"
        rows = {y for t in fig.data if t.yaxis == ya for y in t.y if y is not None}
        assert {r.rsplit(" · ", 1)[1] for r in rows} == set(claims.loc[claims["measure"] == m, "figure_id"])
        assert all(len(r.rsplit(" · ", 1)[0]) <= 24 for r in rows)  # short labels; the hover has it all
    # Panels do not overlap, and the figure grows with the rows but within a bound.
    doms = sorted(fig.layout[f"yaxis{'' if i == 0 else i + 1}"].domain for i in range(len(measures)))
    assert all(a[1] < b[0] for a, b in zip(doms, doms[1:]))
    capped = plots.interval_plot(claims, max_rows=4, max_panels=2)
    assert len([k for k in capped.layout.to_plotly_json() if k.startswith("xaxis")]) <= 2
    assert capped.layout.height < fig.layout.height
    assert capped.layout.meta["note"].startswith(f"The plot shows 4 of {len(claims)} claims, in ")
    assert fig.layout.meta["note"] == ""


def test_vague_figures_are_never_drawn_as_numbers(corpus):
    fig = plots.interval_plot(views.claims(corpus, claimant="Russian Reconciliation Centre"))
    (trace,) = fig.data
    assert list(trace.text) == ["no number given"] and trace.marker.symbol.endswith("-open")
    empty = plots.interval_plot(views.claims(corpus, outlet="TASS", claimant="SOHR"))
    assert not empty.data and "No claims match" in empty.layout.annotations[0].text


def test_claim_explorer_updates_table_and_figure_in_place(corpus):
    e = ClaimExplorer(corpus)
    assert len(e.table) == len(corpus.figures)
    e.set(claimant="Syria Civil Defence")
    assert sorted(e.table["measure"]) == ["bodies recovered", "hospitalised"]
    assert {t.name for t in e.figure_widget.data} == {"Syria Civil Defence"}
    e.filters["claimant"].value = "All"  # a user's click goes through the observer too
    assert len(e.table) == len(corpus.figures)
    with pytest.raises(KeyError, match="filters are"):
        e.set(colour="red")


def test_statement_explorer_counts_cues(corpus):
    s = StatementExplorer(corpus).set(actor="Heather Nauert")
    assert set(s.table["actor"]) == {"Heather Nauert"}
    assert sum(s.figure.data[0].y) == len(s.table)
    assert f"{len(s.table)} statement(s) match" in s.caption.value


@pytest.mark.parametrize("filters", [{}, {"speaker_type": "person"}, {"outlet": "TASS"},
                                     {"outlet": "TASS", "quote_type": "direct"}, "nothing matches"])
def test_statement_explorer_cue_counts_match_the_table(corpus, filters):
    if filters == "nothing matches":  # an actor who never appears in TASS
        st = views.statements(corpus)
        filters = {"outlet": "TASS", "actor": sorted(set(st["actor"]) - set(st[st["outlet"] == "TASS"]["actor"]))[0]}
    s = StatementExplorer(corpus).set(**filters)
    expected = s.table["cue"].str.lower().value_counts()  # most first, ties in order of appearance
    got = s.cue_counts()
    assert list(got.index) == list(expected.index) and list(got) == list(expected)
    if len(s.table):
        assert list(s.figure.data[0].x) == [plots._label(c) for c in expected.index]
    else:
        assert not s.figure.data and "No rows match" in s.table_out.value


def test_explorers_filter_like_the_views(corpus):
    e = ClaimExplorer(corpus).set(outlet="TASS", measure="killed")
    pd.testing.assert_frame_equal(e.table, views.claims(corpus, outlet="TASS", measure="killed").reset_index(drop=True))
    s = StatementExplorer(corpus).set(outlet="Press TV", speaker_type="institution")
    pd.testing.assert_frame_equal(
        s.table, views.statements(corpus, outlet="Press TV", speaker_type="institution").reset_index(drop=True))


def test_explorers_cap_the_plot_but_count_every_row(corpus, monkeypatch):
    import claimlab.widgets as w
    monkeypatch.setattr(w, "MAX_PLOTTED", 3)
    monkeypatch.setattr(w, "MAX_BARS", 4)
    e = ClaimExplorer(corpus)
    assert len(e.table) == len(corpus.figures) > 3
    assert f"The plot shows 3 of {len(corpus.figures)} claims" in e.caption.value
    assert plots.alt_text(e.figure).startswith("Ranges for 3 claim(s)")
    s = StatementExplorer(corpus)
    cues = s.table["cue"].str.lower().value_counts()
    assert len(s.figure.data[0].x) == 4 and list(s.figure.data[0].y) == list(cues.head(4))
    assert f"the 4 most frequent of {len(cues)} cues" in s.caption.value
    assert f"{len(s.table)} statement(s) match" in s.caption.value


def test_as_html_counts_rows_it_was_not_given():
    first = pd.DataFrame({"text": [f"row {i}" for i in range(50)]})
    html = views.as_html(first, total=1234)
    assert "Showing 50 of 1234 rows." in html and html.count("<td ") == 50
    assert "No rows match" in views.as_html(first.head(0), total=0)


def test_exercise_hints_in_order_and_never_the_answer(corpus):
    ex = Exercise("01.repeated_headline", corpus)
    first = ex.check("presstv-idlib-2017")
    second = ex.check("tass-idlib-2019")
    q = ex.q
    assert first.ok is False and q.hints[0] in first.message
    assert second.ok is False and q.hints[1] in second.message
    assert "urdupoint" not in first.message.lower() and "urdupoint" not in second.message.lower()
    right = ex.check("urdupoint-idlib-2019")
    assert right.ok and right.message.startswith("Right!")
    ex.reset()
    assert ex.attempts == 0 and ex.feedback.value == "" and ex.input.value is None


def test_exercise_widget_shows_its_id_prompt_and_labelled_input(corpus):
    ex = Exercise("01.repeated_headline", corpus)
    shown = " ".join(getattr(w, "value", "") for w in ex.widget.children if isinstance(getattr(w, "value", ""), str))
    assert "<strong>Exercise 01.repeated_headline.</strong>" in shown
    assert ex.q.prompt in shown
    assert ex.input.description == "Your answer"
    assert ex.button.tooltip == "Check your answer to 01.repeated_headline"


def test_reveal_enters_the_keys_answer_and_explains_it(corpus):
    ex = Exercise("04.evidence_aside", corpus)
    fb = ex.reveal()
    assert fb.ok and fb.message.startswith("Right!") and ex.input.value == "Sputnik, as republished by UrduPoint News"


def test_check_for_code_answers():
    assert check("08.error_kind", ...).ok is None
    assert "Replace the ..." in str(check("08.error_kind", ...))
    assert check("08.error_kind", "Nominal cue!").ok  # case and punctuation do not matter
    with pytest.raises(KeyError, match="no exercise"):
        check("99.nothing", 1)


def test_number_and_set_answers():
    num = Question(prompt="n", answer=lambda c: 26, hints=["h"], kind="number", tolerance=0.5)
    assert is_right(num, "26.4", corpus=object()) and not is_right(num, "27", corpus=object())
    assert not is_right(num, "twenty-six", corpus=object())
    multi = Question(prompt="m", answer=["TASS", "Press TV"], hints=["h"], kind="multi")
    assert is_right(multi, ["press tv", "TASS"]) and not is_right(multi, ["TASS"])


def test_plot_labels_show_corpus_markup_as_text():
    fig = plots.bar(pd.Series({"<b>bold</b> Department": 3}), "Actors", "actor")
    assert list(fig.data[0].x) == ["&lt;b&gt;bold&lt;/b&gt; Department"]
    # The text alternative is plain text (escaped where it is shown, e.g. the explorers' captions).
    assert "<b>bold</b> Department" in plots.alt_text(fig)


def test_explorer_figure_widget_drops_old_annotations(corpus):
    e = ClaimExplorer(corpus)
    arrows = [a for a in e.figure_widget.layout.annotations if a.showarrow]
    assert len(arrows) > 0  # open-range arrows for all claims
    e.set(claimant="SOHR")
    want = e.figure.layout.annotations  # a panel title per measure, no arrows
    assert [a.text for a in e.figure_widget.layout.annotations] == [a.text for a in want]
    assert not any(a.showarrow for a in e.figure_widget.layout.annotations)
    assert e.figure_widget.layout.xaxis.autorange is True
    # The axes of the panels that are gone are gone too.
    axes = sorted(k for k in e.figure_widget.layout.to_plotly_json() if k.startswith(("xaxis", "yaxis")))
    assert axes == sorted(k for k in e.figure.layout.to_plotly_json() if k.startswith(("xaxis", "yaxis")))
    assert len(axes) == 2 * e.table["measure"].nunique() < 2 * len(set(corpus.figures["measure"]))


def test_a_judgement_wants_a_reason_then_shows_the_model_answer_and_rubric(corpus):
    from claimlab.exercises import Exercise as Widget
    from claimlab.exercises import Question as Q
    q = Q(prompt="Which claim would you check first, and why?", kind="judgement",
          answer=lambda c: f"The toll: {len(c.articles)} articles <b>disagree</b>.",
          hints=["names one claim", "gives a reason <i>about evidence</i>"])
    ex = Widget(q, corpus, label="09.first")
    assert ex.button.description == "Submit"
    assert ex.check("").ok is None and "Write your answer first" in ex.check("").message
    short = ex.check("The toll.")
    assert short.ok is None and "at least 12 words (you wrote 2)" in short.message
    fb = ex.check("I would check the death toll first, because it comes from one side only and nobody else counts.")
    assert fb.ok is True and "The toll: 5 articles" in fb.message and "names one claim" in fb.message
    assert "&lt;b&gt;disagree&lt;/b&gt;" in ex.feedback.value and "<b>" not in ex.feedback.value
    assert "&lt;i&gt;" in ex.feedback.value
    none = Q(prompt="p", kind="judgement", answer=lambda c: None, hints=[])
    assert "no model answer for this story" in check_q(none, "word " * 12, corpus).message


def check_q(q, value, corpus):
    from claimlab.exercises import check as library_check
    return library_check(q, value, corpus, label="x")


def test_a_multi_answer_exercise_uses_checkboxes_that_tab_and_space_reach(corpus):
    import ipywidgets as W
    ex = Exercise("02.state_owned", corpus)
    boxes = [w for w in ex.input.children if isinstance(w, W.Checkbox)]
    assert boxes and len(boxes) == len(ex.input.options)      # one focusable checkbox per option
    right = ex.q.answer(corpus) if callable(ex.q.answer) else ex.q.answer
    wrong = [o for o in ex.input.options if o not in right][:1]
    assert ex.check(wrong).ok is False
    for box in boxes:
        box.value = box.description in right
    assert ex.input.value == tuple(o for o in ex.input.options if o in right)
    assert ex.check().ok is True
    ex.reset()
    assert ex.input.value == () and not any(b.value for b in boxes)


def test_tables_align_text_left_numbers_right_and_keep_ids_whole():
    df = pd.DataFrame({"article_id": ["tass-idlib-2019"], "headline": ["US says <its> strike was precise"],
                       "low": [5500.0], "n": [3]})
    out = views.table_html(df)
    cells = re.findall(r"<t[hd][^>]*style=\"([^\"]*)\"[^>]*>([^<]*)<", out)
    style = {text: s for s, text in cells}
    for head, value in (("article_id", "tass-idlib-2019"), ("headline", "US says &lt;its&gt; strike was precise"),
                        ("low", "5,500"), ("n", "3")):
        assert style[head].split("text-align:")[1][:5] == style[value].split("text-align:")[1][:5]
    assert "text-align:left" in style["headline"] and "text-align:right" in style["5,500"]
    assert "white-space:nowrap" in style["tass-idlib-2019"] and "white-space:nowrap" not in style[
        "US says &lt;its&gt; strike was precise"]
    assert "line-height:1.3" in out and "<its>" not in out


def test_a_crosstab_shows_its_index_and_names_its_columns_over_them():
    t = pd.crosstab(pd.Series(["a", "b", "a"], name="label"), pd.Series(["X", "Y", "Y"], name="outlet"))
    out = views.frame_html(t)
    assert re.search(r'<th scope="colgroup" colspan="2"[^>]*>outlet</th>', out)
    assert re.search(r'<th scope="col"[^>]*>label</th>', out) and out.count('<th scope="row"') == 2
    plain = views.frame_html(pd.DataFrame({"x": ["a"]}))
    assert 'scope="row"' not in plain and "overflow-x:auto" in plain
