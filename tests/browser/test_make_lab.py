"""`make lab` as a student meets it, in Chromium: lesson 01 opens with no popup over it, its first
cell runs and shows the two death tolls the course opens on, and the server's messages hold nothing
alarming.

The server is started by `make lab` itself (make_lab.start), on a copy of the repository, with
empty private Jupyter folders: none of the popup-hiding settings of the other browser tests
(lab._prepare_state) apply here, only the project's own jupyter-config/.
"""

from __future__ import annotations

import lab
import make_lab
import pytest
from test_lessons import opening_figures

import claimlab


@pytest.fixture(scope="module")
def make_lab_server(tmp_path_factory):
    base = tmp_path_factory.mktemp("make-lab")
    root = lab.copy_repo(lab.REPO_ROOT, base / "repo")
    server = make_lab.start(root, base / "state")
    try:
        yield server
    finally:
        leftovers = server.stop()
        assert not leftovers, f"processes left behind by make lab: {leftovers}"


def test_make_lab_opens_lesson_01_with_no_news_popup_and_runs_it(browser, make_lab_server):
    server = make_lab_server
    assert server.url.split("?")[0].endswith("/lab/tree/01_start_here.ipynb"), server.url
    context = browser.new_context(viewport=lab.VIEWPORT)
    page = context.new_page()
    lab.watch_page(page)
    try:
        times = make_lab.open_and_run_first_cell(page, server)
        # The news question comes once JupyterLab has restored its layout; give it time to appear.
        page.wait_for_timeout(3000)
        toasts = page.locator(".Toastify__toast")
        texts = toasts.all_inner_texts()
        assert texts == [], f"popups over lesson 01: {texts}"
        assert page.get_by_text("official Jupyter news").count() == 0
        tab = page.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel", has_text="01_start_here.ipynb")
        assert tab.count() == 1
        output = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").first.locator(
            ".jp-OutputArea-output")
        assert output.count() == 1
        shown = " ".join(output.inner_text().split())
        killed, bodies = opening_figures(claimlab.load_corpus())
        for f in (killed, bodies):
            assert f"“{f['text']}”" in shown, shown
        assert f"two numbers: {int(killed['low'])} and {int(bodies['low'])}" in shown, shown
        assert lab.page_record(page).page_errors == []
    except Exception:
        lab.screenshot(page, "FAILED-make-lab")
        raise
    finally:
        lab.forget_page(page)
        context.close()
    log = "".join(server.output)
    for noise in ("DeprecationWarning", "without encryption", "No web browser found", "Traceback"):
        assert noise not in log, f"make lab printed {noise!r}:\n{log}"
    assert times["output"] < 180
