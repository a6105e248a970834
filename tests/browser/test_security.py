"""Hostile corpus text in every HTML view the course has: shown as text, never run.

A corpus folder is written at test time with two articles whose text, and
whose curated tables (outlet, headline, byline, actor, claimant, measure,
unit, cue, channel, term, citation ...), carry a ``<script>``, an
``<img onerror>``, ``<b>bold</b>`` and ``"quotes" & ampersands``; a second
folder holds the same texts without tables, so the extractor's path (lesson
08, "your own articles") is covered too.  A notebook written into the
server's copy shows both corpora in each view, one view a cell, and the test
checks in the browser that nothing ran, nothing was inserted as markup, and
each view shows the markup literally.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import lab

try:
    from playwright.sync_api import expect
except ImportError:  # the fixtures skip (or, under CI, fail) these tests
    expect = None

NB_DIR = "_browser_security"

SCRIPT = "<script>window.__pwned=1</script>"
IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
# Survives str.lower() (reporting cues are counted lower-cased): sets a marker when live.
IMG_LOWER = "<img src=x onerror=window.__pwned=2>"
BOLD = "<b>bold</b>"
AMP = '"quotes" & ampersands'
PAYLOADS = (SCRIPT, IMG, BOLD, AMP)

OUTLET_1 = f"{BOLD} News"
OUTLET_2 = f"Wire {AMP}"
ACTOR_1 = f"{IMG} Ministry"
ACTOR_2 = f"{BOLD} Department"

QUOTE = f'"{SCRIPT} the strike killed 12 people {IMG} in the town" and that {AMP} were used'
TEXTS = {
    "evil-one": "\n\n".join([
        f"{SCRIPT} Ministry says {BOLD} strike killed 12",
        f"MOSCOW, August 30 - The {BOLD} ministry said on Monday that {QUOTE}.",
        f'"The attack was a crime {IMG} against civilians," the spokesman {IMG_LOWER} TASS. '
        "Monitors counted 30 people wounded.",
        f"The so-called {BOLD} rebels reportedly lost 40 fighters, the spokesman {IMG_LOWER} reporters.",
    ]) + "\n",
    "evil-two": "\n\n".join([
        f"Second report: {BOLD} strike",
        f"WASHINGTON, August 31 - An official stated that {QUOTE}.",
    ]) + "\n",
}


def _span(aid: str, needle: str, after: str = "") -> tuple[int, int]:
    text = TEXTS[aid]
    start = text.index(needle, text.index(after) if after else 0)
    return start, start + len(needle)


def _write_csv(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def _attribution(aid, att_id, speaker, cue, content, actor, kind, quote, channel="", after=""):
    (ss, se), (cs, ce), (ts, te) = _span(aid, speaker, after), _span(aid, cue, after), _span(aid, content, after)
    return {"article_id": aid, "attribution_id": att_id, "speaker": speaker, "speaker_start": ss,
            "speaker_end": se, "cue": cue, "cue_start": cs, "cue_end": ce, "content": content,
            "content_start": ts, "content_end": te, "actor": actor, "speaker_type": kind,
            "quote_type": quote, "channel": channel, "nested_in": "", "repeat_of": "", "note": SCRIPT}


def _figure(aid, fid, text, claimant, measure, low, high, unit, qualifier, att_id, after=""):
    s, e = _span(aid, text, after)
    return {"article_id": aid, "figure_id": fid, "claimant": claimant, "measure": measure, "low": low,
            "high": high, "unit": unit, "qualifier": qualifier, "text": text, "start": s, "end": e,
            "attribution_id": att_id, "subset_of": "", "note": IMG}


def write_hostile_corpus(folder: Path, *, tables: bool) -> Path:
    """The two hostile articles, with curated tables (``tables=True``) or without."""
    folder.mkdir(parents=True, exist_ok=True)
    for aid, text in TEXTS.items():
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
    if not tables:
        return folder
    para_1 = TEXTS["evil-one"].split("\n\n")
    _write_csv(folder / "articles.csv", [
        {"article_id": "evil-one", "file": "evil-one.txt", "outlet": OUTLET_1, "headline": para_1[0],
         "published": "2019-09-02", "date_confidence": "high", "date_evidence": IMG,
         "dateline": "MOSCOW, August 30", "byline": SCRIPT, "wire": OUTLET_2, "relays": OUTLET_2, "event": AMP},
        {"article_id": "evil-two", "file": "evil-two.txt", "outlet": OUTLET_2,
         "headline": f"Second report: {BOLD} strike", "published": "2019-09-01", "date_confidence": "medium",
         "date_evidence": SCRIPT, "dateline": "WASHINGTON, August 31", "byline": "", "wire": "",
         "relays": "", "event": BOLD},
    ])
    _write_csv(folder / "outlets.csv", [
        {"outlet": OUTLET_1, "country": SCRIPT, "ownership": "private", "parent": IMG, "kind": BOLD,
         "citation": "javascript:document.body.setAttribute('data-pwned','1')", "note": AMP},
        {"outlet": OUTLET_2, "country": BOLD, "ownership": "state-owned", "parent": SCRIPT, "kind": "agency",
         "citation": f'https://example.org/"{IMG}', "note": IMG},
    ])
    _write_csv(folder / "actors.csv", [
        {"actor": ACTOR_1, "type": "ministry", "country": SCRIPT, "parent": ACTOR_2, "description": IMG},
        {"actor": ACTOR_2, "type": "government", "country": BOLD, "parent": "", "description": AMP},
    ])
    _write_csv(folder / "attributions.csv", [
        _attribution("evil-one", "A1", f"The {BOLD} ministry", "said", QUOTE, ACTOR_1, "institution", "mixed",
                     channel=f"{BOLD} wire"),
        _attribution("evil-one", "A2", "the spokesman", IMG_LOWER, f"The attack was a crime {IMG} against civilians,",
                     ACTOR_1, "person", "direct", channel=OUTLET_2),
        _attribution("evil-one", "A3", "the spokesman", IMG_LOWER, f"The so-called {BOLD} rebels reportedly lost 40 fighters",
                     ACTOR_1, "person", "indirect", after="The so-called"),
        _attribution("evil-two", "B1", "An official", "stated", QUOTE, ACTOR_2, "anonymous", "mixed"),
    ])
    # F05 and F01 are figure ids the lesson 06 answer key grades, so the grading widget shows them.
    _write_csv(folder / "figures.csv", [
        _figure("evil-one", "F05", "12 people", ACTOR_1, f"{BOLD} killed", 12, 12, IMG, AMP, "A1",
                after="MOSCOW"),
        _figure("evil-one", "F01", "30 people wounded", ACTOR_2, "wounded", 30, 30, "people", SCRIPT, ""),
        _figure("evil-two", "F02", "12 people", ACTOR_2, "killed", 12, 12, "people", "", "B1"),
    ])
    so_called, rebels = _span("evil-one", "so-called"), _span("evil-one", "rebels")
    _write_csv(folder / "terms.csv", [
        {"article_id": "evil-one", "term_id": "T1", "term": "so-called", "start": so_called[0],
         "end": so_called[1], "category": "hedge", "refers_to": SCRIPT, "note": IMG},
        {"article_id": "evil-one", "term_id": "T2", "term": "rebels", "start": rebels[0], "end": rebels[1],
         "category": "actor_label", "refers_to": BOLD, "note": AMP},
    ])
    head = _span("evil-one", para_1[0])
    _write_csv(folder / "segments.csv", [
        {"article_id": "evil-one", "kind": "headline", "text": para_1[0], "start": head[0], "end": head[1]},
    ])
    return folder


# One view a cell: (source, what the cell's output must show as text).  The
# sources use ``hostile`` (curated tables) and ``raw`` (extractor only).
VIEWS: list[tuple[str, str, tuple[str, ...]]] = [
    ("ArticleReader, curated",
     'claimlab.reader.ArticleReader(hostile, "evil-one")', PAYLOADS),
    ("ArticleReader, extracted",
     'claimlab.reader.ArticleReader(raw, "evil-one")', PAYLOADS),
    ("render_article",
     'HTML(claimlab.reader.render_article(hostile, "evil-two"))', (SCRIPT, IMG, BOLD, AMP)),
    ("ClaimExplorer, curated",
     "claimlab.widgets.ClaimExplorer(hostile)", (ACTOR_1, f"{BOLD} killed", AMP)),
    ("StatementExplorer, curated",
     "claimlab.widgets.StatementExplorer(hostile)", (SCRIPT, IMG, BOLD, AMP, IMG_LOWER)),
    ("ClaimExplorer + StatementExplorer, extracted",
     "display(claimlab.widgets.ClaimExplorer(raw))\nclaimlab.widgets.StatementExplorer(raw)", (SCRIPT, IMG, AMP)),
    ("views.as_html",
     "HTML(claimlab.views.as_html(claimlab.views.statements(hostile)) + "
     "claimlab.views.as_html(claimlab.views.claims(hostile)) + "
     "claimlab.views.as_html(claimlab.views.term_table(hostile)))", PAYLOADS + (ACTOR_1,)),
    ("compare.CompareWidget",
     "claimlab.compare.CompareWidget(hostile)", (SCRIPT, IMG, AMP)),
    ("compare.side_by_side",
     f"HTML(claimlab.compare.side_by_side({SCRIPT + ' ' + AMP!r}, {IMG + ' ' + BOLD!r}, {BOLD!r}, {SCRIPT!r}))",
     PAYLOADS),
    ("grading.GradingWidget",
     'grader = claimlab.grading.GradingWidget(hostile, claimlab_course.grading_key())\ngrader.set("F05")\ngrader.check("Weak")\ngrader',
     (ACTOR_1, SCRIPT, "12 people")),
    ("grading feedback",
     'claimlab.grading.grade_claim(hostile, "F05", "Confirmed", claimlab_course.grading_key())', ("Hard to defend",)),
    ("ledger.ClaimLedger",
     "ledger = claimlab.ledger.ClaimLedger(hostile, path='_security_ledger.csv')\n"
     "ledger.fill(ref='evil-one/F05')\n"
     f"assert ledger.add(claim={SCRIPT + ' ' + IMG!r}, claimant={ACTOR_1!r}, channel={AMP!r}, "
     f"outlet={OUTLET_1!r}, earliest_source={BOLD!r}, grade='Weak', "
     f"assessment={'One source. ' + AMP + ' ' + BOLD + '.'!r}), ledger.message\n"
     "ledger.add(**ledger.form_values())  # refused (no grade): the message quotes nothing unescaped\n"
     "ledger",
     PAYLOADS + (ACTOR_1, OUTLET_1)),
    ("ledger.table_html",
     f"HTML(claimlab.ledger.table_html([{{'claim': {SCRIPT!r}, 'assessment': {IMG!r}, 'outlet': {BOLD!r}, "
     f"'channel': {AMP!r}}}]))", PAYLOADS),
    ("machine.MachineReader",
     "claimlab.machine.MachineReader(hostile, claimlab.machine.extracted(hostile))", PAYLOADS),
    ("sourcing.outlets_html",
     "HTML(claimlab_course.sourcing.outlets_html(hostile))", (OUTLET_1, OUTLET_2, SCRIPT, IMG)),
    ("sourcing.ProvenanceExplorer",
     "claimlab_course.sourcing.ProvenanceExplorer(hostile)", (ACTOR_1, ACTOR_2, OUTLET_2)),
    ("sourcing tables",
     "HTML(claimlab.views.as_html(claimlab_course.sourcing.article_sources(hostile)) + "
     "claimlab_course.sourcing.compare_versions(hostile, 'A1', 'B1', scope_b='paragraph') + "
     "claimlab.views.as_html(claimlab_course.sourcing.cue_counts(hostile)) + "
     "claimlab.views.as_html(claimlab_course.sourcing.pair_speakers(hostile)) + "
     "claimlab.views.as_html(claimlab.ledger.trace(hostile, " + repr(ACTOR_1) + ", ['evil-one'])))",
     PAYLOADS + (IMG_LOWER,)),
    ("sourcing.md in Markdown",
     "Markdown('Outlets: ' + claimlab.format.and_join(map(claimlab.format.md, "
     "[OUTLET_1, OUTLET_2, SCRIPT, IMG])))", (OUTLET_1, OUTLET_2, SCRIPT, IMG)),
    ("dating clue browser",
     'clues = claimlab.dating.date_clues(hostile, "evil-one")\n'
     "widgets.VBox([widgets.HTML(claimlab.views.as_html(clues)), "
     'widgets.HTML(claimlab.reader.render_article(hostile, "evil-one", layers=(), extra=clues))])',
     PAYLOADS),
    ("demo.Dashboard",
     "claimlab.demo.Dashboard(hostile)", (ACTOR_1, AMP)),
]


def widget_outputs(src: str) -> int:
    """How many widget views a VIEWS cell shows: its last line's, and one per display() call."""
    last = src.strip().splitlines()[-1]
    plain = last.startswith(("HTML(", "Markdown(", "claimlab.grading.grade_claim("))
    return src.count("display(") + (0 if plain else 1)


def security_notebook(server: lab.LabServer, curated: Path, raw: Path) -> str:
    rel = f"{NB_DIR}/hostile_views.ipynb"
    setup = (
        "import ipywidgets as widgets\n"
        "from IPython.display import HTML, Markdown, display\n"
        "import claimlab, claimlab.demo, claimlab_course\n"
        f"SCRIPT, IMG, BOLD, AMP = {SCRIPT!r}, {IMG!r}, {BOLD!r}, {AMP!r}\n"
        f"OUTLET_1, OUTLET_2 = {OUTLET_1!r}, {OUTLET_2!r}\n"
        f"hostile = claimlab.load_corpus({str(curated)!r})\n"
        f"raw = claimlab.load_corpus({str(raw)!r})\n"
        "assert hostile.problems.empty, hostile.problems.to_string()\n"
        "assert len(hostile.figures) == 3 and len(hostile.attributions) == 4 and len(hostile.terms) == 2\n"
        "assert len(raw.attributions) > 0 and len(raw.figures) > 0\n"
        "print(hostile)"
    )
    lab.write_notebook(server.root / rel, [setup] + [src for _, src, _ in VIEWS])
    return rel


_CELL_TEXT_JS = """
() => {
  const panel = [...document.querySelectorAll('.jp-NotebookPanel')]
      .filter(p => !p.classList.contains('lm-mod-hidden') && p.offsetParent !== null).pop();
  // The text of each code cell's outputs, without decorative aria-hidden marks (the -/+ signs of a diff).
  return [...panel.querySelectorAll('.jp-Notebook .jp-CodeCell')].map(c =>
      [...c.querySelectorAll('.jp-OutputArea-output')].map(o => {
        const copy = o.cloneNode(true);
        copy.querySelectorAll('[aria-hidden="true"]').forEach(e => e.remove());
        return copy.textContent;
      }).join('\\n'));
}
"""


def test_hostile_text_is_shown_as_text_in_every_view(page, lab_server, tmp_path):
    curated = write_hostile_corpus(tmp_path / "curated", tables=True)
    raw = write_hostile_corpus(tmp_path / "raw", tables=False)
    rel = security_notebook(lab_server, curated, raw)
    lab.open_and_run(page, lab_server, rel)
    lab.assert_no_errors(page)
    assert lab.count_widgets(page) == sum(widget_outputs(src) for _, src, _ in VIEWS)
    page.wait_for_timeout(1000)  # a (wrongly) live onerror gets time to fire
    lab.screenshot(page, "security-hostile-views")

    lab.assert_no_script_ran(page, markers=("__pwned",), attributes=("data-pwned",))
    injected = page.evaluate(
        """() => {
             const outs = '.jp-OutputArea-output';
             const found = [];
             document.querySelectorAll(`${outs} script, ${outs} img, ${outs} iframe, ${outs} object, ${outs} embed`)
               .forEach(el => found.push(el.outerHTML.slice(0, 120)));
             document.querySelectorAll(`${outs} a[href]`).forEach(a => {
               const href = a.getAttribute('href');
               if (!/^(https?:|#)/i.test(href)) found.push(`link ${href}`);
             });
             // <b>bold</b> interpreted as markup: a <b> (or bold tspan) whose whole text is "bold"
             document.querySelectorAll(`${outs} b, ${outs} strong`).forEach(el => {
               if (el.textContent.trim() === 'bold') found.push(`<${el.tagName.toLowerCase()}>bold`);
             });
             return found;
           }"""
    )
    assert injected == [], f"corpus markup became live elements: {injected}"
    rec = lab.page_record(page)
    assert rec.page_errors == [], rec.page_errors
    assert rec.blocked_requests == [], rec.blocked_requests

    texts = page.evaluate(_CELL_TEXT_JS)
    assert len(texts) == 1 + len(VIEWS)
    assert "0 problems" in texts[0], texts[0]
    missing = {}
    for (name, _, wanted), shown in zip(VIEWS, texts[1:]):
        lost = [w for w in wanted if w not in shown]
        if lost:
            missing[name] = lost
    assert not missing, "views that do not show the corpus markup literally:\n" + json.dumps(missing, indent=1)
    # And the page as a whole shows each payload as visible text.
    visible = page.locator(".jp-NotebookPanel:visible .jp-Notebook").inner_text()
    for p in PAYLOADS:
        assert p in visible


def test_hostile_text_in_plot_labels_is_not_markup(page, lab_server, tmp_path):
    """Plotly draws a subset of HTML (<b>, <i>, <br>, <a href>) in titles, tick labels and hover text:
    corpus text that reaches a figure label must not be read as that markup."""
    curated = write_hostile_corpus(tmp_path / "curated", tables=True)
    rel = f"{NB_DIR}/hostile_plots.ipynb"
    lab.write_notebook(lab_server.root / rel, [
        "import claimlab\n"
        f"hostile = claimlab.load_corpus({str(curated)!r})\n"
        "claimlab.plots.interval_plot(claimlab.views.claims(hostile))",
        "claimlab.plots.provenance_sankey(claimlab.views.provenance(hostile))",
        "claimlab.plots.bar(claimlab.views.statements(hostile)['actor'].value_counts(), 'Actors', 'actor')",
    ])
    lab.open_and_run(page, lab_server, rel)
    lab.assert_no_errors(page)
    assert lab.count_plotly_figures(page) == 3
    page.wait_for_timeout(500)
    lab.assert_no_script_ran(page)
    lab.screenshot(page, "security-hostile-plots")
    svg_text = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot .main-svg')].map(s => s.textContent).join('\\n')")
    bold = page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot tspan')]
                 .filter(t => t.textContent === 'bold' && /bold/.test(t.getAttribute('style') || '')).length""")
    # Long labels are shortened with an ellipsis (claimlab.plots._label), so compare a prefix.
    assert ACTOR_1[:40] in svg_text, "a tag plotly does not know (<img>) should be drawn as text"
    # Corpus markup plotly knows ("<b>bold</b> Department") must be shown literally too, not in bold.
    shown = sorted(set(re.findall(r"[^\n]{0,20}bold[^\n]{0,20}", svg_text)))[:4]
    assert bold == 0 and ACTOR_2 in svg_text, \
        f"corpus text in plotly labels read as plotly's HTML subset ({bold} in bold; shown: {shown})"
