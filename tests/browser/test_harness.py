"""Proof that the browser harness sees what a student would see.

The notebooks are written into the server's temporary copy of the
repository at test time; none of them is part of the course.
"""

from __future__ import annotations

import re
from pathlib import Path

import lab
import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the fixtures skip (or, under CI, fail) these tests
    expect = None

NB_DIR = "_browser_harness"


def make_notebook(server: lab.LabServer, name: str, cells: list[str]) -> str:
    rel = f"{NB_DIR}/{name}.ipynb"
    lab.write_notebook(server.root / rel, cells)
    return rel


WIDGET_CELL = """\
import ipywidgets as widgets

source = widgets.Dropdown(options=["wire", "ministry"], value="wire", description="Source")
verdict = widgets.HTML("<b>account: wire</b>")
log = widgets.Output()

def on_change(change):
    verdict.value = f"<b>account: {change['new']}</b>"
    with log:
        print("switched to", change["new"])

source.observe(on_change, names="value")
widgets.VBox([source, verdict, log])
"""

PLOTLY_CELL = """\
import plotly.graph_objects as go
import plotly.io as pio

print("renderer:", pio.renderers.default)
go.Figure(go.Bar(x=["wire", "ministry"], y=[3, 5]), layout_title_text="Casualty figures by source")
"""

# An <img> whose onerror marks the page and opens an alert, and a <script>.
PAYLOAD = (
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1');alert('pwned')\">"
    "<script>window.__pwned=1</script>"
)
CORPUS_TEXT = "Officials said 12 people died, the agency reported. " + PAYLOAD


def test_widgets_plotly_and_interaction(page, lab_server):
    rel = make_notebook(
        lab_server,
        "widgets_plotly",
        [
            "import warnings\nwarnings.warn('a harmless warning on stderr')",
            WIDGET_CELL,
            PLOTLY_CELL,
        ],
    )
    lab.open_and_run(page, lab_server, rel)

    warnings_ = lab.assert_no_errors(page)
    assert [w["cell"] for w in warnings_] == [0], warnings_
    assert "UserWarning: a harmless warning" in warnings_[0]["text"]

    assert lab.count_widgets(page) == 1
    assert lab.count_plotly_figures(page) == 1
    # The kernel's default renderer, drawn by the jupyterlab-plotly extension
    # (plotly.js bundled, no CDN): the figure node is the mime renderer's.
    expect(page.get_by_text("renderer: plotly_mimetype")).to_be_visible()
    assert page.locator(".jp-RenderedPlotly .main-svg").count() >= 1
    expect(page.locator(".jp-RenderedPlotly .gtitle")).to_have_text("Casualty figures by source")
    lab.screenshot(page, "harness-widgets-plotly-before")

    verdict = page.locator(".widget-html-content")
    expect(verdict).to_have_text("account: wire")
    page.locator(".widget-dropdown select").select_option("ministry")
    expect(verdict).to_have_text("account: ministry", timeout=10_000)
    expect(page.locator(".widget-output")).to_contain_text("switched to ministry")
    lab.assert_no_errors(page)
    lab.screenshot(page, "harness-widgets-plotly-after")

    rec = lab.page_record(page)
    assert rec.blocked_requests == [], "the default plotly renderer must not need the internet"
    assert rec.page_errors == []
    lab.assert_no_script_ran(page)  # no false alarm on plotly's or the widgets' DOM


def test_error_in_a_cell_is_detected(page, lab_server):
    rel = make_notebook(
        lab_server,
        "raises",
        [
            "import sys\nprint('fine')\nprint('just a note on stderr', file=sys.stderr)",
            "raise ValueError('conflicting accounts')",
            "print('never runs')",
        ],
    )
    state = lab.open_and_run(page, lab_server, rel)
    lab.screenshot(page, "harness-raises")

    errors = lab.error_outputs(page)
    assert [e["cell"] for e in errors] == [1]
    assert "ValueError: conflicting accounts" in errors[0]["text"]
    assert [w["cell"] for w in lab.warning_outputs(page)] == [0]
    with pytest.raises(AssertionError, match=r"1 cell\(s\) raised an exception:[\s\S]*ValueError: conflicting accounts"):
        lab.assert_no_errors(page)
    # The kernel aborted the cell after the exception: it never got a number.
    assert [c["prompt"] for c in state["cells"]] == ["[1]:", "[2]:", "[ ]:"]


def test_escaped_corpus_text_is_inert(page, lab_server):
    rel = make_notebook(
        lab_server,
        "escaped",
        [
            "import html\nimport ipywidgets as widgets\n"
            f"text = {CORPUS_TEXT!r}\n"
            "widgets.HTML('<p class=\"corpus\">' + html.escape(text) + '</p>')",
        ],
    )
    lab.open_and_run(page, lab_server, rel)
    lab.assert_no_errors(page)
    shown = page.locator(".widget-html-content p.corpus")
    expect(shown).to_have_text(CORPUS_TEXT)  # the markup appears as text
    assert page.locator(".widget-html-content img, .widget-html-content script").count() == 0
    page.wait_for_timeout(500)  # give a (wrongly) live onerror time to fire
    lab.assert_no_script_ran(page)
    lab.screenshot(page, "harness-escaped")


def test_unescaped_payload_is_caught(page, lab_server):
    """Negative control: without html.escape the payload runs, and the helper says so."""
    rel = make_notebook(
        lab_server,
        "unescaped",
        ["import ipywidgets as widgets\n" f"widgets.HTML({CORPUS_TEXT!r})"],
    )
    lab.open_and_run(page, lab_server, rel)
    expect(page.locator("body[data-pwned='1']")).to_have_count(1, timeout=10_000)
    lab.screenshot(page, "harness-unescaped")
    with pytest.raises(AssertionError) as failure:
        lab.assert_no_script_ran(page)
    message = str(failure.value)
    assert "alert dialog: 'pwned'" in message
    assert "data-pwned" in message
    assert "onerror" in message


def test_cdn_plotly_renderer_fails_offline(page, lab_server):
    """Documents why course notebooks must not use renderer='notebook_connected'."""
    rel = make_notebook(
        lab_server,
        "cdn_plotly",
        ["import plotly.graph_objects as go\ngo.Figure(go.Bar(x=[1], y=[1])).show(renderer='notebook_connected')"],
    )
    lab.open_and_run(page, lab_server, rel)
    page.wait_for_timeout(1000)
    assert lab.count_plotly_figures(page) == 0
    assert any("cdn.plot.ly" in url for url in lab.page_record(page).blocked_requests)


def test_run_timeout_fails_clearly(page, lab_server):
    rel = make_notebook(lab_server, "slow", ["import time\ntime.sleep(60)"])
    with pytest.raises(AssertionError, match=r"cells still running after 3s .*code cells still \[\*\]: \[0\]") as failure:
        lab.open_and_run(page, lab_server, rel, run_timeout=3)
    # The message names a screenshot of the moment; it served, remove it.
    shot = re.search(r"screenshot: (\S+FAILED-slow\.png)", str(failure.value))
    assert shot, str(failure.value)
    Path(shot.group(1)).unlink()


@pytest.mark.parametrize(
    ("text", "exception"),
    [
        ("/tmp/ipykernel_1/2.py:1: UserWarning: careful\n  warnings.warn('careful')\n", False),
        ("just a note on stderr\n", False),
        ("WARNING:root:logged, not raised\n", False),
        (
            "-----\nZeroDivisionError      Traceback (most recent call last)\n"
            "Cell In[3], line 1\n----> 1 1/0\n\nZeroDivisionError: division by zero",
            True,
        ),
        ("  Cell In[1], line 1\n    1/\n      ^\nSyntaxError: invalid syntax\n", True),
        ("ValueError: minimal xmode\n", True),
        ("UserWarning: raised because of warnings.simplefilter('error')\n", True),
        ("KeyboardInterrupt\n", True),
    ],
)
def test_exception_text_classification(text, exception):
    assert lab.is_exception_text(text) is exception


def test_browser_marker_is_applied(request):
    marker_names = {m.name for m in request.node.iter_markers()}
    assert "browser" not in marker_names  # no browser fixture: runs under -m "not browser"


def test_scroll_to_waits_for_a_still_box_and_names_a_moving_one(page):
    page.set_content("""
      <div style="height: 3000px"></div>
      <div id="still" style="width: 200px; height: 50px">still</div>
      <div id="moving" style="width: 200px; height: 50px">moving</div>
      <script>
        let w = 200;
        setInterval(() => { w = w === 200 ? 260 : 200; document.getElementById('moving').style.width = w + 'px'; }, 120);
      </script>""")
    assert page.evaluate("document.getElementById('still').getBoundingClientRect().top") > 768
    lab.scroll_to(page.locator("#still"))
    top = page.evaluate("document.getElementById('still').getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"]
    with pytest.raises(AssertionError, match=r"still moving 2s after .*boxes \(x,y,w,h\): .*,(200|260),50") :
        lab.scroll_to(page.locator("#moving"), limit=2)
