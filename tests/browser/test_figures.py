"""Library figures as a person sees them in Chromium, without a server.

Each figure is written to a self-contained HTML page (plotly.js inline, as the
offline renderer does) and opened at the widths of a lesson's output area on a
1366 px laptop and on a full-HD screen.
"""

from __future__ import annotations

import pandas as pd
import plotly.io as pio
import pytest

import claimlab
from claimlab import plots

WIDTHS = (900, 1500)  # the output area of JupyterLab at 1366x768 and at 1920x1080


def sankey_geometry(browser, fig, width: int, tmp_path) -> dict:
    path = tmp_path / f"figure-{width}.html"
    pio.write_html(fig, path, include_plotlyjs=True, full_html=True, config={"responsive": True})
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.goto(path.as_uri())
        page.wait_for_selector(".sankey-node rect", timeout=30_000)
        return page.evaluate(
            """() => {
                 const box = e => { const r = e.getBoundingClientRect();
                                    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
                 const svg = box(document.querySelector('.main-svg'));
                 const nodes = [...document.querySelectorAll('.sankey-node rect.node-rect')].map(box);
                 const links = [...document.querySelectorAll('.sankey-link')].map(box);
                 // a label is plotly's own node label or an annotation, whichever the figure uses
                 const labels = [...document.querySelectorAll('.annotation, .sankey-node .node-label')]
                   .filter(a => (a.textContent || '').trim());
                 const notes = labels.map(a => {
                   const t = a.matches('text') ? a : a.querySelector('text');
                   const bg = a.querySelector('rect.bg');
                   const b = box(t);
                   const cx = (b.left + b.right) / 2, cy = (b.top + b.bottom) / 2;
                   const under = document.elementsFromPoint(cx, cy);
                   return {text: t.textContent, box: b, bgOpacity: bg ? parseFloat(getComputedStyle(bg).fillOpacity) *
                             (getComputedStyle(bg).fill.match(/rgba?\\(([^)]*)\\)/) || [0, '0,0,0,1'])[1].split(',').concat('1')[3] * 1 : 0,
                           bgFill: bg ? getComputedStyle(bg).fill : null,
                           linkUnder: under.some(e => e.closest && e.closest('.sankey-link')),
                           noteAboveLinks: under.findIndex(e => e.closest && (e.closest('.annotation') || e.closest('.node-label'))) <
                                           Math.max(0, under.findIndex(e => e.closest && e.closest('.sankey-link')))};
                 });
                 return {svg, nodes, links, notes};
               }""")
    finally:
        page.close()


def check_sankey(geo: dict, paths: pd.DataFrame) -> None:
    names = {c: set(paths[c]) for c in ("claimant", "channel", "outlet")}
    assert len(geo["nodes"]) == sum(len(v) for v in names.values())
    assert all(n["bottom"] - n["top"] > 0.5 for n in geo["nodes"]), "a node is drawn with no height"
    assert len(geo["links"]) == 2 * len(paths)
    # the columns of nodes, left to right
    lefts = sorted({round(n["left"]) for n in geo["nodes"]})
    assert len(lefts) == 3, lefts
    first_col, last_col = lefts[0], lefts[-1]
    node_right_of_first = min(n["right"] for n in geo["nodes"] if round(n["left"]) == first_col)
    texts = [n["text"] for n in geo["notes"]]
    assert len(texts) == len(geo["nodes"]), texts
    for note in geo["notes"]:
        b = note["box"]
        assert b["left"] >= geo["svg"]["left"] - 1 and b["right"] <= geo["svg"]["right"] + 1, f"cut off: {note}"
        if b["right"] <= first_col + 1:
            continue  # a claimant: left of every node, so left of every band
        if b["left"] >= last_col + 1:
            continue  # an outlet: right of every node
        # a channel, between the columns: on an opaque box drawn over the bands
        assert b["left"] > node_right_of_first, f"a label sits over the first column: {note}"
        assert note["bgFill"] and note["bgOpacity"] >= 0.9, f"a middle label has no opaque box: {note}"
        assert note["noteAboveLinks"], f"a band is drawn over the label: {note}"
    outside = [n["text"] for n in geo["notes"] if n["box"]["right"] <= first_col + 1 or n["box"]["left"] >= last_col + 1]
    assert len(outside) == len(names["claimant"]) + len(names["outlet"]), (outside, texts)


@pytest.mark.parametrize("width", WIDTHS)
def test_sankey_labels_clear_of_the_bands_seeds(browser, tmp_path, width):
    paths = claimlab.views.provenance(claimlab.load_corpus())
    fig = plots.provenance_sankey(paths)
    geo = sankey_geometry(browser, fig, width, tmp_path)
    check_sankey(geo, paths)
    assert {n["text"] for n in geo["notes"]} >= {"Heather Nauert", "(not stated)", "UrduPoint News"}


@pytest.mark.parametrize("width", WIDTHS)
def test_sankey_labels_clear_of_the_bands_many_long_names(browser, tmp_path, width):
    rows = [{"claimant": f"Ministry of Very Long Official Titles number {i}", "channel": ("a wire agency", "(not stated)",
             "a spokesperson's briefing to reporters")[i % 3], "outlet": f"Outlet {i % 5}", "statements": 1 + i % 4}
            for i in range(24)]
    paths = pd.DataFrame(rows)
    fig = plots.provenance_sankey(paths, large=True)
    geo = sankey_geometry(browser, fig, width, tmp_path)
    check_sankey(geo, paths)
    assert any(t.endswith("…") for t in (n["text"] for n in geo["notes"])), "long names are shortened"
