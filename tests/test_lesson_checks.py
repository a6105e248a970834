"""Each lesson's self-checks, run against a test-only build of the lesson.

The cells tagged ``test`` in ``notebooks/src/NN_name.py`` drive the lesson's
widgets and assert what they show (a filter changes the table, a wrong answer
gets a hint, …).  Students and instructors never see them: the build leaves
them out of both notebooks.  Here each lesson is built with them, from its
source, and executed top to bottom in a kernel; a failing check fails the test
with the cell's traceback.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
spec = importlib.util.spec_from_file_location("build", NOTEBOOKS / "build.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)

SOURCES = build.lessons([])


def test_the_self_checks_are_in_the_sources_and_nowhere_else():
    tagged = {src.stem: sum("test" in c["tags"] for c in build.parse(src.read_text(encoding="utf-8")))
              for src in SOURCES}
    assert sum(tagged.values()) >= 20, tagged


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_lesson_self_checks_pass(src, tmp_path):
    cells = build.parse(src.read_text(encoding="utf-8"))
    if not any("test" in c["tags"] for c in cells):
        pytest.skip(f"{src.name} has no self-check cells")
    nb = build.notebook(cells, student=True, checks=True)
    build.execute(nb, tmp_path)          # raises CellExecutionError, with the traceback, if a check fails
    ran = [c for c in nb.cells if "test" in c.metadata.get("tags", [])]
    assert ran and all(c.execution_count for c in ran)


def test_a_failing_self_check_fails_the_build(tmp_path):
    """The test above can fail: an assertion in a test cell stops the execution."""
    from nbclient.exceptions import CellExecutionError
    cells = build.parse("# %%\nx = 1\n\n# %% tags=[\"test\"]\nassert x == 2, 'the widget shows 1'\n")
    with pytest.raises(CellExecutionError, match="the widget shows 1"):
        build.execute(build.notebook(cells, student=True, checks=True), tmp_path)
