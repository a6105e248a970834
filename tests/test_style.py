"""The code follows the project's ruff rules (pyproject.toml), complexity at most 25 per function included."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ruff() -> list[str]:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if exe is None:
        pytest.skip("ruff is not installed (it is in the [test] extra: make install)")
    return [exe]


def test_ruff_finds_nothing():
    run = subprocess.run(_ruff() + ["check", "--no-cache", "--output-format", "concise", "."], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_would_catch_an_overly_complex_function(tmp_path):
    """The check above can fail: a function with 26 branches is reported under the project's settings."""
    body = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(26))
    (tmp_path / "lib").mkdir()
    bad = tmp_path / "lib" / "bad.py"
    bad.write_text(f"def f(x):\n{body}    return -1\n")
    run = subprocess.run(_ruff() + ["check", "--no-cache", "--config", str(ROOT / "pyproject.toml"),
                                    "--output-format", "concise", str(bad)],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "C901" in run.stdout, run.stdout + run.stderr
