"""The class test needs JupyterHub, psutil, websocket-client and configurable-http-proxy (npm).

Without them the tests in tests/hub/ are skipped with a message that says what is missing and how
to install it, except under CI=true (as .ci/run sets it), where they fail instead: CI installs them
(.ci/run, the [test] extra), so a CI run never passes by skipping the class.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # works with any --import-mode
    sys.path.insert(0, str(HERE))

import classroom  # noqa: E402


def pytest_collection_modifyitems(config, items):
    mine = [item for item in items if Path(str(item.fspath)).resolve().parent == HERE]
    why = classroom.missing_requirements() if mine else None
    if why is None:
        return
    if classroom.in_ci():
        for item in mine:
            item.add_marker(pytest.mark.usefixtures("_fail_without_hub"))
        return
    for item in mine:
        item.add_marker(pytest.mark.skip(reason=f"class test skipped (outside CI): {why}"))


@pytest.fixture(scope="session")  # before the module's hub fixture
def _fail_without_hub():
    pytest.fail(f"the class test cannot run under CI=true: {classroom.missing_requirements()}", pytrace=False)
