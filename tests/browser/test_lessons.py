"""Every lesson notebook, run in JupyterLab and used the way a student would.

For each ``notebooks/NN_*.ipynb``: open it on a fresh kernel, Run All, and
check that no cell raised; that every plotly figure the notebook shows is
drawn (the figures saved in the notebook, plus one FigureWidget in each
explorer widget); that every widget view renders; then use the lesson's own
widgets (a filter menu, a layer check box, an exercise's Check button ...)
and check that what is shown changes to what claimlab computes in this test
process.  Screenshots ``screenshots/NN_name.png`` and ``NN_name-after.png``.
"""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

import lab
import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the fixtures skip (or, under CI, fail) these tests
    expect = None

LESSONS = [
    "01_start_here",
    "02_sourcing",
    "03_dating",
    "04_attribution",
    "05_framing",
    "06_casualty_reports",
    "07_capstone",
    "08_machine_attribution",
    "09_case_file",
    "appendix_tables",
]

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
UPDATE_MS = 20_000  # how long a widget may take to show the kernel's answer
SHOT_MAX_HEIGHT = 24_000  # px: the longest lessons run past lab.screenshot's default 12,000


# --------------------------------------------------------------------------
# What the saved notebook says the student should see
# --------------------------------------------------------------------------


def figure_widget_classes() -> dict[str, int]:
    """Classes whose display holds plotly FigureWidgets, with how many: every explorer has one."""
    import claimlab.demo
    import claimlab.widgets
    import claimlab_course.sourcing  # noqa: F401 (its explorer subclasses claimlab.widgets.Explorer)

    found, todo = {}, [claimlab.widgets.Explorer]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            found[sub.__name__] = 1
            todo.append(sub)
    found["Dashboard"] = 1  # claimlab.demo: a ClaimExplorer inside
    return found


def saved_expectations(path: Path) -> dict[str, int]:
    """Count, in the saved outputs: plotly figures, widget views, and explorers among those views.

    An explorer's FigureWidget is in its widget state, which the build strips,
    so explorer displays are found from the source: a cell with a widget view
    whose last line constructs an explorer, or names a variable bound to one.
    """
    nb = json.loads(path.read_text(encoding="utf-8"))
    classes = figure_widget_classes()
    ctor = re.compile(r"(?:[\w.]*\.)?\b(" + "|".join(map(re.escape, classes)) + r")\(")
    bound: dict[str, str] = {}
    plotly = views = figure_widgets = 0
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"])
        for m in re.finditer(r"^(\w+)\s*=\s*" + ctor.pattern, src, re.M):
            bound[m[1]] = m[2]
        outs = cell.get("outputs", [])
        plotly += sum(PLOTLY_MIME in o.get("data", {}) for o in outs)
        n_views = sum(WIDGET_MIME in o.get("data", {}) for o in outs)
        views += n_views
        lines = [ln.strip() for ln in src.splitlines() if ln.strip() and not ln.strip().startswith("#")]
        if n_views and lines:
            m = ctor.match(lines[-1])
            cls = m[1] if m else bound.get(lines[-1])
            if cls:
                figure_widgets += classes[cls]
    return {"plotly": plotly, "widgets": views, "figure_widgets": figure_widgets}


# --------------------------------------------------------------------------
# Finding and driving widgets
# --------------------------------------------------------------------------


def _exact(text: str) -> re.Pattern:
    """Whole-text match, any run of white space (or no-break space) for a space."""
    return re.compile(r"^\s*" + r"[\s\u00a0]+".join(map(re.escape, str(text).split())) + r"\s*$")


def view(page, *, text: str | None = None, has: str | None = None):
    """The one output area (a widget view) holding ``text`` and/or an element matching ``has``."""
    loc = page.locator(".jp-OutputArea-output")
    if text is not None:
        loc = loc.filter(has_text=text)
    if has is not None:
        loc = loc.filter(has=page.locator(has))
    loc = loc.filter(has=page.locator(":scope > .jupyter-widgets"))
    expect(loc, f"one widget output with text={text!r} has={has!r}").to_have_count(1)
    return loc


def dropdown(scope, label: str):
    """The <select> of the Dropdown whose description is ``label``."""
    box = scope.locator(".widget-dropdown").filter(has=scope.page.locator("label", has_text=_exact(label)))
    expect(box, f"one dropdown {label!r}").to_have_count(1)
    return box.locator("select")


def choose(scope, label: str, option: str) -> None:
    """Choose ``option`` in a Dropdown: its label as the menu shows it (for plain-string options, the value).

    ipywidgets gives each <option> its label as value attribute (and shows it with no-break spaces).
    """
    dropdown(scope, label).select_option(value=str(option))


def checkbox(scope, label: str):
    box = scope.locator(".widget-checkbox").filter(
        has=scope.page.locator("label.widget-label-basic", has_text=_exact(label)))
    expect(box, f"one check box {label!r}").to_have_count(1)
    return box.locator("input[type=checkbox]")


def rows(scope):
    """Data rows of the claimlab tables (views.as_html) in ``scope``."""
    return scope.locator("table.claimlab-table tbody tr")


def marks(scope, layer: str):
    return scope.locator(f'mark[data-layer="{layer}"]')


def plot_data(scope, js: str, expected, timeout_ms: int = UPDATE_MS):
    """Wait until ``js`` (a function of the plotly graph div in ``scope``) returns ``expected``.

    A FigureWidget update arrives as several messages (traces removed, then
    added, then the layout), so in between ``gd.data`` may be empty: an error
    in ``js`` counts as "not yet".
    """
    plot = scope.locator(".js-plotly-plot")
    expect(plot).to_have_count(1)
    guarded = f"gd => {{ try {{ return ({js})(gd); }} catch (e) {{ return 'error: ' + e.message; }} }}"
    got = None
    for _ in range(timeout_ms // 250):
        got = plot.evaluate(guarded)
        if got == expected:
            return got
        scope.page.wait_for_timeout(250)
    raise AssertionError(f"figure: {js} gave {got!r}, expected {expected!r}")


def _as_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _wrong(q, right, corpus):
    """An answer that is not right, of the kind the question takes."""
    from claimlab.exercises import normalise, resolve

    options = list(resolve(q.options, corpus)) if q.options is not None else []
    if q.kind == "number":
        return _as_text(float(right) + 1 + q.tolerance * 2)
    if q.kind == "choice":
        return next(o for o in options if normalise(o) != normalise(right))
    if q.kind == "multi":
        return list(right)[:-1] if len(right) > 1 else [next(o for o in options if o not in right)]
    return "certainly not this"


def _give(scope, q, value) -> None:
    if q.kind == "choice":
        scope.locator(".widget-radio-box label").filter(has_text=_exact(value)).click()
    elif q.kind == "multi":
        wanted = {str(v) for v in value}
        for box in scope.locator(".claimlab-answer .widget-checkbox").all():
            label = box.locator(".widget-label-basic").inner_text().strip()
            checkbox = box.locator("input[type=checkbox]")
            if checkbox.is_checked() != (label in wanted):
                checkbox.press("Space")  # the keyboard alone answers a multi-answer exercise
    else:
        scope.locator(".widget-text input").fill(_as_text(value))
    scope.get_by_role("button", name="Check").click()


def answer_exercise(page, qid: str, corpus) -> None:
    """A wrong answer gets "Not yet" and the first hint; the right one gets "Right!"."""
    from claimlab.exercises import resolve
    from claimlab_course import question

    q = question(qid)
    right = resolve(q.answer, corpus)
    ex = view(page, text=f"Exercise {qid}.")
    feedback = ex.locator("[role=status]")
    expect(feedback).to_have_count(0)  # nothing checked yet in a fresh run
    _give(ex, q, _wrong(q, right, corpus))
    expect(feedback).to_contain_text("Not yet. Hint:", timeout=UPDATE_MS)
    expect(feedback).to_contain_text(q.hints[0])
    _give(ex, q, right)
    expect(feedback).to_contain_text("Right!", timeout=UPDATE_MS)
    expect(feedback).not_to_contain_text("Not yet")


def submit_judgement(page, qid: str, corpus=None, answer: str | None = None) -> None:
    """A judgement: too short an answer is sent back with a word count; a reasoned one (``answer``, or a
    generic one) brings the model answer, where the key has one, and the rubric."""
    from claimlab.exercises import MIN_JUDGEMENT_WORDS
    from claimlab_course import question

    q = question(qid)
    assert q.kind == "judgement", qid
    ex = view(page, text=f"Exercise {qid}.")
    feedback = ex.locator("[role=status]")
    expect(feedback).to_have_count(0)  # nothing submitted yet in a fresh run
    ex.locator("textarea").fill("Both.")
    ex.get_by_role("button", name="Submit").click()
    expect(feedback).to_contain_text(f"at least {MIN_JUDGEMENT_WORDS} words (you wrote 1)", timeout=UPDATE_MS)
    expect(feedback).not_to_contain_text("A model answer")
    ex.locator("textarea").fill(answer or "My decision, and my reason: the source is one party, it gives no date, "
                                          "and nobody independent backs it up.")
    ex.get_by_role("button", name="Submit").click()
    expect(feedback).to_contain_text("A strong answer", timeout=UPDATE_MS)
    expect(feedback).to_contain_text(q.hints[0])
    if q.answer:
        expect(feedback).to_contain_text("A model answer:")


# Widgets drawn on top of each other: a radio option whose text wraps past its
# fixed-height row (it then overlaps the next option), or a control taller
# than the row that holds it (it then overlaps whatever is below).
_LAYOUT_JS = """
() => {
  const problems = [];
  const name = el => (el.innerText || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
  document.querySelectorAll('.jp-OutputArea-output .widget-radio-box label').forEach(label => {
    if (label.scrollHeight > label.clientHeight + 2)
      problems.push(`radio option "${name(label)}" is ${label.scrollHeight}px of text in a ${label.clientHeight}px row`);
  });
  document.querySelectorAll('.jp-OutputArea-output .widget-inline-hbox').forEach(row => {
    const box = row.getBoundingClientRect();
    row.querySelectorAll(':scope > select, :scope > input, :scope > textarea').forEach(control => {
      const r = control.getBoundingClientRect();
      if (r.bottom > box.bottom + 2)
        problems.push(`${control.tagName.toLowerCase()} "${name(row)}" sticks out ${Math.round(r.bottom - box.bottom)}px below its row`);
    });
  });
  return problems;
}
"""


def layout_problems(page) -> list[str]:
    return page.evaluate(_LAYOUT_JS)


# What a reader sees of tables and figures, measured: tables within their output area, compact
# one-line rows, ids on one line, text left-aligned with headers over their columns, plots as wide
# as their output area, and a text alternative on every plot.
_READABLE_JS = r"""
(maxRow) => {
  const problems = [];
  const outputs = [...document.querySelectorAll('.jp-OutputArea-output')];
  const lines = el => {
    const r = document.createRange(); r.selectNodeContents(el);
    return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size;
  };
  const txt = el => (el.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  const numeric = s => /^[-+−]?[\d,.]+%?$/.test(s.trim());
  for (const out of outputs) {
    if (!out.offsetParent) continue;
    const area = out.clientWidth;
    for (const table of out.querySelectorAll('table.claimlab-table, table.ca-compare, table.dataframe')) {
      const w = Math.round(table.getBoundingClientRect().width);
      if (w > area + 1) problems.push(`table "${txt(table)}" is ${w}px wide in a ${area}px output area`);
      if (out.scrollWidth > out.clientWidth + 1)
        problems.push(`output with table "${txt(table)}" scrolls: ${out.scrollWidth}px in ${out.clientWidth}px`);
      const heads = [...table.querySelectorAll('thead tr:last-child th')];
      for (const tr of table.querySelectorAll('tbody tr')) {
        const cells = [...tr.children];
        if (cells.every(c => lines(c) <= 1) && tr.getBoundingClientRect().height >= maxRow)
          problems.push(`one-line row "${txt(tr)}" is ${Math.round(tr.getBoundingClientRect().height)}px high ` +
                        `(${table.className}, line-height ${getComputedStyle(cells[0]).lineHeight}, ` +
                        `font ${getComputedStyle(cells[0]).fontSize}, cell ${Math.round(cells[0].getBoundingClientRect().height)}px)`);
        cells.forEach((c, i) => {
          const s = (c.innerText || '').trim();
          const align = getComputedStyle(c).textAlign;
          if (s && !numeric(s) && s.length > 3 && /\s/.test(s) && !['left', 'start'].includes(align))
            problems.push(`text cell "${s.slice(0, 30)}" is aligned ${align}`);
          const h = heads[i];
          if (h && table.classList.contains('claimlab-table') && getComputedStyle(h).textAlign !== align)
            problems.push(`header "${txt(h)}" is aligned ${getComputedStyle(h).textAlign} over a column aligned ${align}`);
          if (h && /(^|_)id$/.test((h.innerText || '').trim()) && s && lines(c) > 1)
            problems.push(`id "${s}" is broken over ${lines(c)} lines`);
        });
      }
    }
    // a static figure's plot is the output node itself; an explorer's sits inside its widget
    for (const gd of out.matches('.js-plotly-plot') ? [out] : out.querySelectorAll('.js-plotly-plot')) {
      const svg = gd.querySelector('.main-svg');
      if (!svg) continue;
      const w = svg.getBoundingClientRect().width;
      const kind = gd.closest('.jupyter-widgets') ? 'widget plot' : 'plot';
      if (w < 0.9 * area) problems.push(`${kind} "${txt(gd)}" is ${Math.round(w)}px wide in a ${area}px output area`);
      // Every figure has a text alternative, and a screen reader hears it: claimlab's figure labeller (shown
      // with every claimlab figure and every explorer) names each plot by it.
      const alt = gd.layout && gd.layout.meta && gd.layout.meta.alt;
      if (!alt && !(gd.data && gd.data.length)) continue;  // a FigureWidget whose first drawing is still on its way
      if (!alt) problems.push(`plot "${txt(gd)}" has no text alternative (layout.meta.alt)`);
      else if (gd.getAttribute('role') !== 'img' || gd.getAttribute('aria-label') !== alt)
        problems.push(`plot "${txt(gd)}" is not named by its alt text (role=${gd.getAttribute('role')})`);
    }
  }
  return problems;
}
"""

# A one-line table row is shorter than this (px), at JupyterLab's output font size.
ONE_LINE_ROW = 26


def readability_problems(page) -> list[str]:
    """Problems with tables and figures; each plot is scrolled into view first, as a reader would."""
    for plot in page.locator(".jp-OutputArea-output.js-plotly-plot, .jp-OutputArea-output .js-plotly-plot").all():
        lab.scroll_to(plot)
        page.wait_for_timeout(600)
    return page.evaluate(_READABLE_JS, ONE_LINE_ROW)


def range_plot(table):
    """The range plot an explorer draws for ``table`` (capped as the explorer caps it)."""
    from claimlab import plots, widgets

    return plots.interval_plot(table, max_rows=widgets.MAX_PLOTTED, max_panels=widgets.MAX_PANELS)


def rendered_marks(html_text: str, layer: str) -> int:
    return html_text.count(f'data-layer="{layer}"')


# --------------------------------------------------------------------------
# One interaction set per lesson (expected values computed with claimlab here)
# --------------------------------------------------------------------------


def opening_figures(corpus):
    """The two tolls lesson 01 opens on, as the test reads them from the figures table."""
    f = corpus.figures
    strike = f[f["article_id"] == "presstv-idlib-2017"]
    killed = strike[(strike["measure"] == "killed") & strike["low"].notna()].iloc[0]
    bodies = strike[strike["measure"] == "bodies recovered"].iloc[0]
    return killed, bodies


def lesson_01(page, corpus, bugs):
    killed, bodies = opening_figures(corpus)
    opening = page.locator(".jp-CodeCell").first.locator(".jp-OutputArea-output")
    for f in (killed, bodies):
        expect(opening).to_contain_text(f"“{f['text']}”")
    expect(opening).to_contain_text(f"two numbers: {int(killed['low'])} and {int(bodies['low'])}")
    submit_judgement(page, "01.two_tolls", corpus, "Not necessarily, because the two groups count different "
                     "things at different moments, so both numbers can be honest.")

    from claimlab.reader import article_options, render_article

    labels = {aid: label for label, aid in article_options(corpus)}
    reader = view(page, has=".ca-reader")
    want = rendered_marks(render_article(corpus, "presstv-idlib-2017", ("figures",)), "figures")
    assert want > 0
    expect(marks(reader, "figures")).to_have_count(want)  # the lesson opens the reader on figures only
    expect(marks(reader, "attributions")).to_have_count(0)
    checkbox(reader, "Attributions").check()
    want = rendered_marks(render_article(corpus, "presstv-idlib-2017", ("attributions",)), "attributions")
    expect(marks(reader, "attributions")).to_have_count(want, timeout=UPDATE_MS)
    choose(reader, "Article", labels["ibtimes-aleppo-2016"])
    expect(reader.locator(".ca-meta")).to_contain_text("ibtimes-aleppo-2016", timeout=UPDATE_MS)
    p = corpus.paragraphs
    mine = p[p["article_id"] == "ibtimes-aleppo-2016"]
    expect(reader.locator("p.ca-boiler[data-kind=copyright]")).to_have_count(int((mine["kind"] == "copyright").sum()))
    expect(reader.locator("p.ca-para")).to_have_count(len(mine))

    browser = view(page, text="paragraph(s) match")
    status = browser.locator("[role=status]")
    expect(status).to_have_text(f"{len(p)} paragraph(s) match.")
    choose(browser, "Kind", "caption")
    n = int((p["kind"] == "caption").sum())
    expect(status).to_have_text(f"{n} paragraph(s) match.", timeout=UPDATE_MS)
    expect(rows(browser)).to_have_count(min(n, 80))
    choose(browser, "Article", "tass-nauert-2018")
    n = int(((p["kind"] == "caption") & (p["article_id"] == "tass-nauert-2018")).sum())
    expect(status).to_have_text(f"{n} paragraph(s) match.", timeout=UPDATE_MS)
    expect(rows(browser)).to_have_count(n)
    answer_exercise(page, "01.repeated_headline", corpus)
    answer_exercise(page, "01.verbatim", corpus)   # several answers: ticked with the keyboard


def appendix_tables(page, corpus, bugs):
    """The tables tour moved out of lesson 01: its counts, and its bar chart of paragraph kinds, drawn and named."""
    from claimlab import plots

    p = corpus.paragraphs
    kinds = p["kind"].value_counts()
    summary = page.locator(".jp-OutputArea-output").filter(
        has_text=f"Of {len(p)} paragraphs, {kinds.get('body', 0)} are body text")
    expect(summary).to_have_count(1)
    chart = page.locator(".js-plotly-plot")  # a static figure's plot is its output node itself
    expect(chart).to_have_count(1)
    assert chart.evaluate("gd => [...gd.data[0].x]") == [str(k) for k in kinds.index]
    assert chart.evaluate("gd => [...gd.data[0].y]") == [int(v) for v in kinds.values]
    alt = plots.alt_text(plots.bar(kinds, "Paragraphs in the corpus, by kind", "kind of line", "paragraphs"))
    expect(chart).to_have_attribute("aria-label", alt)


def lesson_02(page, corpus, bugs):
    from claimlab import views
    from claimlab_course import sourcing

    explorer = view(page, text="Provenance explorer: who said it")
    all_paths = views.provenance(corpus)
    expect(rows(explorer)).to_have_count(min(len(all_paths), 50))
    plot_data(explorer, "gd => gd.data[0].link.source.length", 2 * len(all_paths))
    choose(explorer, "Outlet", "IBTimes")
    choose(explorer, "Claimant", "Igor Konashenkov")
    paths = sourcing.provenance_paths(corpus, outlet="IBTimes", claimant="Igor Konashenkov")
    assert len(paths) >= 1
    expect(rows(explorer)).to_have_count(len(paths), timeout=UPDATE_MS)
    expect(explorer).to_contain_text(html.unescape(sourcing.describe_paths(paths)))
    plot_data(explorer, "gd => gd.data[0].link.source.length", 2 * len(paths))
    nodes = list(dict.fromkeys((col, v) for col in ("claimant", "channel", "outlet") for v in paths[col]))
    # the names a reader sees beside the nodes, top to bottom within each column
    plot_data(explorer, "gd => [...gd.querySelectorAll('.annotation text')].map(t => t.textContent).sort()",
              sorted(v for _, v in nodes))
    answer_exercise(page, "02.konashenkov_channel", corpus)
    answer_exercise(page, "02.state_owned", corpus)   # several answers: ticked with the keyboard
    submit_judgement(page, "02.lateral_presstv")      # a timed task off the page: a reason, then the rubric
    submit_judgement(page, "02.direct_or_relay")


def lesson_03(page, corpus, bugs):
    from claimlab import dating
    from claimlab.reader import render_article

    clues = view(page, has="mark[data-layer=extra]")
    aid = "ibtimes-aleppo-2016"
    choose(clues, "Article", aid)
    found = dating.date_clues(corpus, aid)
    assert len(found) > 0
    expect(rows(clues)).to_have_count(min(len(found), 60), timeout=UPDATE_MS)
    want = rendered_marks(render_article(corpus, aid, layers=(), extra=found), "extra")
    expect(marks(clues, "extra")).to_have_count(want, timeout=UPDATE_MS)
    expect(clues.locator("mark[data-layer=extra]").first).to_have_attribute("title", re.compile("^Date clue: "))

    finder = view(page, text="Year finder.")
    result = finder.locator("[role=status]")
    expect(result).to_contain_text(", ".join(map(str, dating.matching_years("August", 27, "Monday"))))
    choose(finder, "Month", "February")
    choose(finder, "Day", "11")
    choose(finder, "Weekday", "Thursday")
    years = dating.matching_years("February", 11, "Thursday")
    expect(result).to_contain_text(f"{', '.join(map(str, years))} ({len(years)} in all)", timeout=UPDATE_MS)
    checkbox(finder, "Brett McGurk in office").check()
    from claimlab_course import offices
    table = dating.narrow("February", 11, "Thursday", ["Brett McGurk"], offices=offices())
    fit = table.loc[table["all fit"] == dating.YES, "year"].tolist()
    assert len(fit) == 1
    expect(result).to_contain_text(f"{fit[0]} (1 in all)", timeout=UPDATE_MS)
    expect(rows(finder)).to_have_count(len(table))
    answer_exercise(page, "03.monday_aug27", corpus)
    answer_exercise(page, "03.metadata", corpus)
    submit_judgement(page, "03.confidence", corpus, "The same, because the caption and the weekday date the "
                     "strikes, not the moment Press TV put the page online.")


def lesson_04(page, corpus, bugs):
    from claimlab import compare, views
    from claimlab.reader import render_article

    reader = view(page, has=".ca-reader")
    want = rendered_marks(render_article(corpus, "tass-nauert-2018", ("attributions",)), "attributions")
    assert want > 0
    expect(marks(reader, "attributions")).to_have_count(want)
    expect(marks(reader, "figures")).to_have_count(0)
    checkbox(reader, "Attributions").uncheck()
    expect(marks(reader, "attributions")).to_have_count(0, timeout=UPDATE_MS)
    expect(reader.locator(".ca-legend")).to_have_text("No highlights selected.")

    explorer = view(page, text="Statement explorer")
    choose(explorer, "Speaker type", "anonymous")
    st = views.statements(corpus, speaker_type="anonymous")
    expect(explorer).to_contain_text(f"{len(st)} statement(s) match.", timeout=UPDATE_MS)
    expect(rows(explorer)).to_have_count(min(len(st), 50))
    cues = st["cue"].str.lower().value_counts()
    plot_data(explorer, "gd => [...gd.data[0].x]", [str(c) for c in cues.index])

    pairs = compare.statement_pairs(corpus)
    assert len(pairs) >= 2
    widget = view(page, has=".ca-compare")
    last = pairs.iloc[-1]
    dropdown(widget, "Statement").select_option(index=len(pairs) - 1)
    heads = widget.locator("table.ca-compare thead th")
    for side in ("a", "b"):
        label = f"{last[f'outlet_{side}']} ({last[f'article_{side}']}, {last[f'attribution_{side}']})"
        expect(heads.filter(has_text=label)).to_have_count(1, timeout=UPDATE_MS)
    expect(widget.locator("del")).not_to_have_count(0)
    submit_judgement(page, "04.anonymous_weight")


def lesson_05(page, corpus, bugs):
    from claimlab import views
    from claimlab.reader import render_article

    terms = view(page, text="term(s) match.")
    expect(terms).to_contain_text(f"{len(views.term_table(corpus))} term(s) match.")
    choose(terms, "Outlet", "Press TV")
    choose(terms, "Category", "hedge")
    choose(terms, "Voice", "outlet")
    t = views.term_table(corpus, outlet="Press TV", category="hedge")
    t = t[t["voice"] == "outlet"]
    assert len(t) > 0
    expect(terms).to_contain_text(f"{len(t)} term(s) match.", timeout=UPDATE_MS)
    expect(rows(terms)).to_have_count(len(t))

    reader = view(page, has=".ca-reader")
    want = rendered_marks(render_article(corpus, "presstv-idlib-2017", ("terms",)), "terms")
    assert want > 0
    expect(marks(reader, "terms")).to_have_count(want)
    checkbox(reader, "Framing terms").uncheck()
    expect(marks(reader, "terms")).to_have_count(0, timeout=UPDATE_MS)
    expect(reader.locator("mark")).to_have_count(0)
    answer_exercise(page, "05.so_called", corpus)
    submit_judgement(page, "05.counts_claim")


def lesson_06(page, corpus, bugs):
    from claimlab import grading, plots, views
    from claimlab_course import grading_key

    key = grading_key()

    explorer = view(page, text="Claim explorer")
    aid = "presstv-idlib-2017"
    start = views.claims(corpus, article_id=aid)
    expect(rows(explorer)).to_have_count(min(len(start), 50))
    first = range_plot(start)
    plot_data(explorer, "gd => gd.data.length", len(first.data))
    # One panel, with its own x axis, per measure shown.
    plot_data(explorer, "gd => gd._fullLayout._subplots.cartesian.length", len({t.xaxis for t in first.data}))
    assert len({t.xaxis for t in first.data}) == start["measure"].nunique() > 1
    choose(explorer, "Claimant", "SOHR")
    table = views.claims(corpus, article_id=aid, claimant="SOHR")
    assert 0 < len(table) < len(start)
    expect(rows(explorer)).to_have_count(len(table), timeout=UPDATE_MS)
    fig = range_plot(table)
    plot_data(explorer, "gd => gd.data.length", len(fig.data))
    plot_data(explorer, "gd => gd._fullLayout._subplots.cartesian.length", table["measure"].nunique())
    plot_data(explorer, "gd => [...new Set(gd.data.map(t => t.name))]", ["SOHR"])
    expect(explorer).to_contain_text(plots.alt_text(fig))
    # The open-range arrows are annotations: SOHR's exact figures have none.
    shown = explorer.locator(".js-plotly-plot").evaluate("gd => (gd.layout.annotations || []).length")
    if shown != len(fig.layout.annotations):
        bugs.append(f"claimlab/widgets.py Explorer._show_figure: after filtering to SOHR the claim explorer's "
                    f"FigureWidget still draws {shown} open-range arrow annotation(s) of the claims no longer "
                    f"shown (the new figure has {len(fig.layout.annotations)}), and they keep the x axis at "
                    "the old range: assigning a layout without annotations does not clear the old ones")

    graders = (page.locator(".jp-OutputArea-output").filter(has_text="What the grades mean")
               .filter(has=page.locator(":scope > .jupyter-widgets")))
    expect(graders).to_have_count(2)                   # the seed articles' and the practice case's
    grader = graders.nth(0)                            # in the order the lesson shows them
    feedback = grader.locator("[role=status]")
    expect(feedback).to_have_count(0)
    labels = {r.figure_id: grading.claim_label(r) for r in grading.graded_claims(corpus, key).itertuples(index=False)}

    def grade(figure_id: str, choice: str, scope=grader, key=key, corpus=corpus) -> str:
        """Pick ``choice``, give a reason, press Check; the head of the feedback claimlab gives for it."""
        out = scope.locator("[role=status]")
        scope.locator(".widget-radio-box label").filter(has_text=_exact(choice)).click()
        scope.get_by_placeholder("one line: why this grade?").fill(f"my reason for {choice} is here")
        scope.get_by_role("button", name="Check").click()
        fb = grading.grade_claim(corpus, figure_id, choice, key)
        head = f"Defensible: {choice}." if fb.ok else f"Hard to defend from this text: {choice}."
        expect(out).to_contain_text(head, timeout=UPDATE_MS)
        expect(out).to_contain_text(f"Your reason: my reason for {choice} is here")
        return head

    choose(grader, "Claim", labels["F05"])
    expect(grader).to_contain_text(str(grading.graded_claims(corpus, key).set_index("figure_id").loc["F05", "text"]),
                                   timeout=UPDATE_MS)
    grader.locator(".widget-radio-box label").filter(has_text=_exact("Confirmed")).click()
    grader.get_by_role("button", name="Check").click()     # no reason yet: no verdict
    expect(feedback).to_contain_text("say in one line why you chose Confirmed", timeout=UPDATE_MS)
    expect(feedback).not_to_contain_text("Hard to defend")
    assert grading.grade_claim(corpus, "F05", "Confirmed", key).ok is False
    grade("F05", "Confirmed")
    expect(feedback).to_contain_text("Hint: reread what each grade needs")   # a hint first, not the answer
    expect(feedback).not_to_contain_text("Grades the text can defend")
    grade("F05", grading.defensible("F05", key)[0])
    choose(grader, "Claim", labels["F01"])
    expect(feedback).to_have_count(0, timeout=UPDATE_MS)  # a new claim clears grade and feedback
    expect(grader.locator(".widget-radio-box input:checked")).to_have_count(0)
    assert grading.grade_claim(corpus, "F01", "Weak", key).ok is True
    grade("F01", "Weak")
    submit_judgement(page, "06.party_or_monitor")
    submit_judgement(page, "06.unsourced_toll")

    from claimlab_course import cases
    serrow, case_key = cases.key_corpus("serrow"), grading_key("serrow")
    case = graders.nth(1)
    case_labels = {r.figure_id: grading.claim_label(r)
                   for r in grading.graded_claims(serrow, case_key).itertuples(index=False)}
    for fid in ("F33", "F14", "F12"):               # Confirmed, Fair, Discounted: each right once
        choose(case, "Claim", case_labels[fid])
        expect(case.locator("[role=status]")).to_have_count(0, timeout=UPDATE_MS)
        grade(fid, grading.defensible(fid, case_key)[0], scope=case, key=case_key, corpus=serrow)


def lesson_07(page, corpus, bugs):
    from claimlab import ledger, views

    explorer = view(page, text="Statement explorer")
    choose(explorer, "Outlet", "TASS")
    st = views.statements(corpus, outlet="TASS")
    expect(explorer).to_contain_text(f"{len(st)} statement(s) match.", timeout=UPDATE_MS)
    expect(rows(explorer)).to_have_count(min(len(st), 50))
    plot_data(explorer, "gd => gd.data[0].y.reduce((a, b) => a + b, 0)", len(st))

    form = view(page, text="Claim ledger")
    expect(rows(form)).to_have_count(0)
    ref = "presstv-idlib-2017/F05"
    label = dict((r, lbl) for lbl, r in ledger.claim_options(corpus))[ref]
    choose(form, "Start from", label)
    fields = ledger.claim_fields(corpus, ref)
    claimant = form.locator(".widget-text").filter(has=page.locator("label", has_text=_exact("Claimant")))
    expect(claimant.locator("input")).to_have_value(fields["claimant"], timeout=UPDATE_MS)
    claim = form.locator(".widget-textarea").filter(has=page.locator("label", has_text=_exact("Claim")))
    expect(claim.locator("textarea")).to_have_value(fields["claim"])
    choose(form, "Grade", "Weak")
    assessment = "Only SOHR gives this count. The rescue service counts bodies, a different unit."
    form.locator(".widget-textarea").filter(has=page.locator("label", has_text=_exact("Assessment"))) \
        .locator("textarea").fill(assessment)
    form.locator(".widget-textarea").filter(has=page.locator("label", has_text=_exact("Sources checked"))) \
        .locator("textarea").fill("Press TV, 7 February 2017; SOHR's site")
    form.get_by_role("button", name="Add").click()
    expect(form.locator("[role=status]")).to_contain_text("Added row 1", timeout=UPDATE_MS)
    expect(rows(form)).to_have_count(1)
    expect(rows(form).first).to_contain_text(fields["outlet"])
    expect(rows(form).first).to_contain_text("Weak")
    expect(rows(form).first).to_contain_text("Press TV, 7 February 2017; SOHR's site")   # the sources checked
    expect(claim.locator("textarea")).to_have_value("")  # the form is cleared for the next claim
    submit_judgement(page, "07.one_source")
    submit_judgement(page, "07.lateral_centcom")         # a timed task off the page


def lesson_08(page, corpus, bugs):
    import claimlab
    from claimlab import machine, views

    side = view(page, text="Annotated by people")
    robot = machine.extracted(corpus)
    aid = claimlab.reader.article_options(corpus)[0][1]
    people = corpus.attributions[corpus.attributions["article_id"] == aid]
    found = machine.scores(machine.match_statements(people, robot.attributions[robot.attributions["article_id"] == aid]))
    expect(side).to_contain_text(f"{found['found']} found, {found['missed']} missed, {found['spurious']} spurious")
    side.locator(".widget-toggle-buttons button", has_text="Figures").click()
    n_p = int((corpus.figures["article_id"] == aid).sum())
    n_m = int((robot.figures["article_id"] == aid).sum())
    expect(side).to_contain_text(f"People marked {n_p} figure(s); the extractor found {n_m}.", timeout=UPDATE_MS)
    expect(marks(side, "attributions")).to_have_count(0)
    expect(side.locator("table.claimlab-table")).to_have_count(0)

    import claimlab_course.cases
    mine = claimlab.load_corpus(claimlab_course.cases.text_folder("varnel"))
    explorer = view(page, text="Claim explorer")
    expect(rows(explorer)).to_have_count(min(len(views.claims(mine)), 50))
    choose(explorer, "Measure", "killed")
    table = views.claims(mine, measure="killed")
    assert 0 < len(table) < len(views.claims(mine))
    expect(rows(explorer)).to_have_count(len(table), timeout=UPDATE_MS)
    plot_data(explorer, "gd => gd.data.length", len(range_plot(table).data))
    empty = views.claims(mine, measure="killed", article_id="ceasefire-talks")
    assert len(empty) == 0
    choose(explorer, "Article", "ceasefire-talks")
    expect(explorer.locator(".claimlab-empty")).to_have_text("No rows match these filters.", timeout=UPDATE_MS)
    plot_data(explorer, "gd => gd.data.length", 0)
    plot_data(explorer, "gd => gd.layout.annotations.map(a => a.text)", ["No claims match these filters."])
    answer_exercise(page, "08.found", corpus)


def lesson_09(page, corpus, bugs):
    """The draft is made and counted, the annotator saves an accepted row, a judgement wants a reason."""
    import csv

    import claimlab_course.cases

    summary = page.locator(".jp-OutputArea-output").filter(has_text="The machine drafted")
    expect(summary).to_contain_text("The machine drafted 3 articles")
    folder = LAB_ROOT[0] / "notebooks" / claimlab_course.cases.CASE_ROOT / "serrow"
    before = list(csv.DictReader(open(folder / "attributions.csv", encoding="utf-8", newline="")))
    assert before and all(r["status"] == "draft" for r in before)
    annotator = view(page, has=".jupyter-widgets button:has-text('Accept')")
    annotator.get_by_role("button", name="Accept").first.click()

    def checked() -> int:
        rows = list(csv.DictReader(open(folder / "attributions.csv", encoding="utf-8", newline="")))
        return sum(r["status"] == "checked" for r in rows)

    deadline = time.monotonic() + UPDATE_MS / 1000
    while checked() < 1 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert checked() == 1, "pressing Accept saved no row as checked"

    ex = view(page, text="Exercise 09.sourcing.")
    feedback = ex.locator("[role=status]")
    ex.locator("textarea").fill("Veyra Voice.")
    ex.get_by_role("button", name="Submit").click()
    expect(feedback).to_contain_text("at least 12 words (you wrote 2)", timeout=UPDATE_MS)
    ex.locator("textarea").fill("Veyra Voice, because it is the armed group's own site, it has no byline and no date.")
    ex.get_by_role("button", name="Submit").click()
    expect(feedback).to_contain_text("A model answer:", timeout=UPDATE_MS)
    expect(feedback).to_contain_text("A strong answer")


INTERACTIONS: dict[str, Callable] = {
    "01_start_here": lesson_01,
    "02_sourcing": lesson_02,
    "03_dating": lesson_03,
    "04_attribution": lesson_04,
    "05_framing": lesson_05,
    "06_casualty_reports": lesson_06,
    "07_capstone": lesson_07,
    "08_machine_attribution": lesson_08,
    "09_case_file": lesson_09,
    "appendix_tables": appendix_tables,
}

LAB_ROOT: list = []  # the served copy of the repository, for interactions that read files the lesson writes


@pytest.fixture(scope="module")
def corpus():
    import claimlab

    return claimlab.load_corpus()


def test_every_lesson_is_covered():
    folder = lab.REPO_ROOT / "notebooks"
    names = sorted(p.stem for p in [*folder.glob("[0-9][0-9]_*.ipynb"), *folder.glob("appendix_*.ipynb")])
    assert sorted(set(names) - set(LESSONS)) == [], "a lesson without a browser test: add it to LESSONS"


@pytest.mark.parametrize("name", LESSONS)
def test_lesson(page, lab_server, corpus, name):
    rel = f"notebooks/{name}.ipynb"
    if not (lab_server.root / rel).is_file():
        pytest.fail(f"{rel} does not exist (yet): every lesson in the course map needs its notebook")
    want = saved_expectations(lab_server.root / rel)

    LAB_ROOT[:] = [lab_server.root]
    lab.open_and_run(page, lab_server, rel)
    lab.assert_no_errors(page)
    assert lab.count_widgets(page) == want["widgets"], f"widget views; the saved notebook has {want}"
    assert lab.count_plotly_figures(page) == want["plotly"] + want["figure_widgets"], \
        f"plotly figures drawn; the saved notebook has {want}"
    lab.screenshot(page, name, max_height=SHOT_MAX_HEIGHT)

    unreadable = readability_problems(page)
    assert unreadable == [], "hard to read at 1400 px:\n  " + "\n  ".join(unreadable)
    bugs: list[str] = [f"overlapping widgets (claimlab/exercises.py RadioButtons, or the widget's own layout): {p}"
                       for p in layout_problems(page)]
    INTERACTIONS[name](page, corpus, bugs)

    lab.assert_no_errors(page)
    assert lab.count_plotly_figures(page) == want["plotly"] + want["figure_widgets"]
    rec = lab.page_record(page)
    assert rec.page_errors == [], rec.page_errors
    assert rec.blocked_requests == [], f"the lesson needs the internet: {rec.blocked_requests}"
    lab.screenshot(page, f"{name}-after", max_height=SHOT_MAX_HEIGHT)
    for size in ({"width": 1366, "height": 768}, {"width": 1920, "height": 1080}):
        page.set_viewport_size(size)
        page.wait_for_timeout(1500)  # JupyterLab and plotly follow the window
        unreadable = readability_problems(page)
        # An explorer's FigureWidget follows the window too, also after its filters changed (figure_alt drops
        # the width plotly.js writes into the layout of an updated FigureWidget).
        assert unreadable == [], f"hard to read at {size['width']} px:\n  " + "\n  ".join(unreadable)
        lab.screenshot(page, f"{name}-{size['width']}x{size['height']}", max_height=SHOT_MAX_HEIGHT)
    page.set_viewport_size(lab.VIEWPORT)
    if bugs:
        # Everything else passed; these are known defects in course code (see the messages), reported
        # as an expected failure so they stay visible (pytest -rx) until fixed, without hiding regressions.
        pytest.xfail("known bug(s):\n  " + "\n  ".join(bugs))
