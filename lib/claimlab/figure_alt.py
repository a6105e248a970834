"""Text alternatives for plotly figures, for screen readers.

Every claimlab figure carries a one-sentence text alternative in
``fig.layout.meta["alt"]`` (:func:`claimlab.plots.alt_text`), but plotly.js
draws an SVG with no accessible name, and neither JupyterLab's plotly
renderer nor plotly's FigureWidget offers a hook to add one. A
:class:`FigureLabels` widget, shown once on a page (each explorer holds one,
so do the demo's), runs a few lines in the browser: every plotly graph on the
page whose layout has ``meta.alt`` gets ``role="img"`` and that sentence as
its ``aria-label``, now and whenever plotly redraws it (a filter changed, a
figure added further down). It also makes FigureWidgets follow the width of
their output area when JupyterLab lays out its panels again after the window
changed size. The widget itself shows nothing.
"""

from __future__ import annotations

import anywidget

_ESM = r"""
function label(gd) {
  const meta = gd.layout && gd.layout.meta;
  const alt = meta && typeof meta === 'object' ? meta.alt : null;
  if (!alt) return;
  if (gd.getAttribute('aria-label') !== alt) gd.setAttribute('aria-label', alt);
  if (gd.getAttribute('role') !== 'img') gd.setAttribute('role', 'img');
}
// A FigureWidget updated from Python (an explorer's filter changed) comes back from plotly.js with the
// width it was drawn at written into its layout; plotly.js then refuses to resize a graph whose layout
// fixes both width and height. A claimlab figure asks for autosize, so that width is only a leftover:
// dropping it before announcing a resize lets the graph follow its output area again.
function resize() {
  document.querySelectorAll('.js-plotly-plot').forEach(gd => {
    if (gd.layout && gd.layout.autosize === true && gd.layout.width != null) delete gd.layout.width;
  });
  window.dispatchEvent(new Event('resize'));
}
// plotly.js's "responsive" option redraws a FigureWidget when the window is resized, but JupyterLab
// lays its panels out a moment later: the figure measured the old width. Watching the output area
// itself and announcing a resize when its width changes lets plotly measure again.
const widths = new WeakMap();
const areas = typeof ResizeObserver === 'function' ? new ResizeObserver(entries => {
  let changed = false;
  for (const e of entries) {
    const w = Math.round(e.contentRect.width);
    if (widths.get(e.target) !== w) { changed = changed || widths.has(e.target); widths.set(e.target, w); }
  }
  if (changed) resize();
}) : null;
// A plot that was out of sight (JupyterLab skips laying out cells off screen) when the window changed
// size is measured again when it comes into view.
const stale = gd => gd._fullLayout && gd.parentElement &&
  Math.abs(gd._fullLayout.width - gd.parentElement.clientWidth) > 2;
const seen = typeof IntersectionObserver === 'function' ? new IntersectionObserver(entries => {
  if (entries.some(e => e.isIntersecting && stale(e.target))) resize();
}) : null;
const watched = new WeakSet();
function watch(gd) {
  const area = gd.parentElement;
  if (areas && area && !widths.has(area)) { widths.set(area, Math.round(area.clientWidth)); areas.observe(area); }
  if (seen && !watched.has(gd)) { watched.add(gd); seen.observe(gd); }
}
function labelAll() { document.querySelectorAll('.js-plotly-plot').forEach(gd => { label(gd); watch(gd); }); }
function install() {
  if (window.claimlabFigureLabels) return;
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; labelAll(); });
  });
  observer.observe(document.body, { childList: true, subtree: true });
  window.claimlabFigureLabels = observer;
}
export default {
  render({ el }) {
    el.classList.add('claimlab-figure-labels');
    el.style.display = 'none';
    install();
    labelAll();
  }
};
"""


class FigureLabels(anywidget.AnyWidget):
    """Invisible: gives every plotly figure on the page its text alternative as an accessible name."""

    _esm = _ESM

    def __repr__(self) -> str:
        # The notebook saves this as the widget's plain-text output: no memory address, so a rebuild
        # gives the same file.
        return "FigureLabels()"
