"""The minutes the README and each lesson promise agree with bench/lesson_minutes.py's estimate.

The estimate is computed from the built student notebooks (words, exercises by
kind, widgets). The README's "Minutes" column gives the estimate rounded; a
lesson's own "Time: about N minutes" may round to a friendly number, but not
drift more than a fifth away from it.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def _bench():
    spec = importlib.util.spec_from_file_location("lesson_minutes", ROOT / "bench" / "lesson_minutes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


BENCH = _bench()
DEFAULTS = argparse.Namespace(wpm=150, quick=3, judgement=4, code=5, widget=2, cell=0.5)
LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def estimate(path: Path) -> float:
    return BENCH.estimate(path, DEFAULTS)["minutes"]


def readme_minutes() -> dict[str, int]:
    rows = re.findall(r"^\| `(\w+)` \| (\d+)", (ROOT / "README.md").read_text(encoding="utf-8"), re.M)
    return {name: int(m) for name, m in rows}


def test_the_estimate_counts_what_a_lesson_holds(tmp_path):
    # one paragraph of 300 words and one judgement exercise: 2 minutes of reading plus 4
    import json
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": " ".join(["word"] * 300)},
                    {"cell_type": "markdown", "metadata": {}, "source": "### Exercise 01.two_tolls"},
                    {"cell_type": "code", "metadata": {}, "outputs": [], "source": 'Exercise("01.two_tolls", corpus)'}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "01_probe.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    row = BENCH.estimate(path, DEFAULTS)
    # (the heading's two words are read too)
    assert row["judgement"] == 1 and row["minutes"] == pytest.approx(302 / 150 + 4, abs=0.001)


def test_readme_gives_each_lessons_estimated_minutes():
    got = readme_minutes()
    want = {p.stem: round(estimate(p)) for p in LESSONS}
    assert set(want) <= set(got), f"lessons missing from the README's table: {sorted(set(want) - set(got))}"
    off = {name: (got[name], m) for name, m in want.items() if abs(got[name] - m) > 1}
    assert off == {}, f"README minutes (README, estimate) differ; run bench/lesson_minutes.py: {off}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_a_lessons_time_line_is_near_its_estimate(path):
    src = (NOTEBOOKS / "src" / f"{path.stem}.py").read_text(encoding="utf-8")
    m = re.search(r"\*\*Time:\*\* about (\d+) minutes", src)
    assert m, f"{path.stem}: no '**Time:** about N minutes' line"
    said, est = int(m.group(1)), estimate(path)
    if path.stem.startswith("09_"):
        assert said >= est, f"09 says {said} minutes, less than the {est:.0f} its reading and exercises take"
        return  # it adds the correction of a whole draft, which the estimate does not count
    assert abs(said - est) <= max(5, 0.2 * est), f"{path.stem} says about {said} minutes; the estimate is {est:.0f}"
