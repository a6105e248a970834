"""Fixtures for the end-to-end browser tests (JupyterLab + headless Chromium).

One JupyterLab server and one browser serve the whole session; every test
gets a fresh browser context/page and its kernels are shut down afterwards.

Without Chromium (or Playwright / JupyterLab) the browser tests are skipped
with a message, except under CI=true where they fail instead: a CI run must
never pass by silently skipping them.  Deselect them with ``-m "not browser"``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # works with any --import-mode
    sys.path.insert(0, str(HERE))

import lab  # noqa: E402

# Fixtures that mean "this test needs the browser".
BROWSER_FIXTURES = {"lab_server", "browser", "page"}


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "browser: end-to-end test in JupyterLab + headless Chromium (deselect with -m 'not browser')",
    )


def missing_requirements() -> str | None:
    """Why the browser tests cannot run here, or None."""
    problems = []
    if lab.find_chromium() is None:
        where = (f"$CHROMIUM={os.environ['CHROMIUM']!r} is not an executable" if os.environ.get("CHROMIUM")
                 else "/usr/bin/chromium not found")
        problems.append(f"{where} (install it: apt-get install -y chromium, or set CHROMIUM=/path/to/chromium)")
    for module in ("playwright", "jupyterlab", "ipywidgets"):
        if importlib.util.find_spec(module) is None:
            problems.append(f"Python package {module!r} is not installed in {sys.executable}")
    return "; ".join(problems) or None


def _require_or_skip() -> None:
    why = missing_requirements()
    if why is None:
        return
    if lab.in_ci():
        pytest.fail(f"browser tests cannot run under CI=true: {why}", pytrace=False)
    pytest.skip(f"browser tests skipped: {why}")


def pytest_collection_modifyitems(config, items):
    why = None if lab.in_ci() else missing_requirements()
    for item in items:
        if not BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            continue
        if not Path(str(item.path)).resolve().is_relative_to(HERE):
            continue
        item.add_marker(pytest.mark.browser)
        if why:
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {why}"))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"_report_{report.when}", report)  # lets `page` screenshot failures
    return report


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory):
    """A JupyterLab server on a copy of the repository (``lab_server.root``)."""
    _require_or_skip()
    base = tmp_path_factory.mktemp("lab")
    root = lab.copy_repo(lab.REPO_ROOT, base / "repo")
    server = lab.start_lab(root, base / "state")
    try:
        yield server
    finally:
        lab.stop_lab(server)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (sync Playwright API)."""
    _require_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=lab.find_chromium(), args=lab.CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, lab_server, request):
    """A fresh page (own context, 1400x900) whose dialogs, errors and failed
    requests off this machine are recorded (lab.page_record). On test failure a
    screenshot FAILED-<test>.png is written; kernels are shut down after."""
    context = browser.new_context(viewport=lab.VIEWPORT)
    context.set_default_timeout(30_000)
    pg = context.new_page()
    lab.watch_page(pg)
    try:
        yield pg
    finally:
        report = getattr(request.node, "_report_call", None)
        if report is not None and report.failed:
            try:
                lab.screenshot(pg, f"FAILED-{request.node.name}")
            except Exception:
                pass
        lab.forget_page(pg)
        context.close()
        lab_server.shutdown_kernels()
