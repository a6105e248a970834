"""`make lab` as a student meets it, in Chromium: lesson 00 opens with no popup over it, its first
cell runs, and the server's messages hold nothing alarming.

The server is started by `make lab` itself (make_lab.start), on a copy of the repository, with
empty private Jupyter folders: none of the popup-hiding settings of the other browser tests
(lab._prepare_state) apply here, only the project's own jupyter-config/.
"""

from __future__ import annotations

import lab
import make_lab
import pytest

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


def test_make_lab_opens_lesson_00_with_no_news_popup_and_runs_it(browser, make_lab_server):
    server = make_lab_server
    assert server.url.split("?")[0].endswith("/lab/tree/00_start_here.ipynb"), server.url
    context = browser.new_context(viewport=lab.VIEWPORT)
    page = context.new_page()
    lab.watch_page(page)
    try:
        times = make_lab.open_and_run_first_cell(page, server)
        # The news question comes once JupyterLab has restored its layout; give it time to appear.
        page.wait_for_timeout(3000)
        toasts = page.locator(".Toastify__toast")
        texts = toasts.all_inner_texts()
        assert texts == [], f"popups over lesson 00: {texts}"
        assert page.get_by_text("official Jupyter news").count() == 0
        tab = page.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel", has_text="00_start_here.ipynb")
        assert tab.count() == 1
        output = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").first.locator(
            ".jp-OutputArea-output")
        assert output.count() == 1 and output.inner_text().strip() == repr(claimlab.load_corpus())
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
