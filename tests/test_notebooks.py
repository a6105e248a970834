"""The committed notebooks: built from their sources, executed, clean, and structured as lessons."""

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
spec = importlib.util.spec_from_file_location("build", NOTEBOOKS / "build.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)

LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
APPENDICES = sorted(NOTEBOOKS.glob("appendix_*.ipynb"))
ALL = (LESSONS + sorted((NOTEBOOKS / "instructor").glob("[0-9][0-9]_*.ipynb")) + [NOTEBOOKS / "demo.ipynb"]
       + APPENDICES)


def test_every_lesson_is_present_numbered_from_01_with_no_gap():
    names = [p.stem for p in LESSONS]
    assert names[:1] == ["01_start_here"] and len(names) >= 9, names
    assert [int(n[:2]) for n in names] == list(range(1, len(names) + 1)), names
    assert sorted(p.stem for p in (NOTEBOOKS / "instructor").glob("[0-9][0-9]_*.ipynb")) == names


def test_the_tables_appendix_is_built_and_linked_from_the_first_lesson():
    assert [p.name for p in APPENDICES] == ["appendix_tables.ipynb"]
    nb = json.loads(APPENDICES[0].read_text(encoding="utf-8"))
    md = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert md[0].startswith("# Appendix") and "## Recap" in md[-1]
    assert "](01_start_here.ipynb)" in md[-1]
    first = LESSONS[0].read_text(encoding="utf-8")
    assert "](appendix_tables.ipynb)" in first
    assert not (NOTEBOOKS / "instructor" / APPENDICES[0].name).exists(), "the appendix has no solutions"


def test_notebooks_match_their_sources():
    assert build.check([]) == []


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_executed_clean_and_without_widget_state(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in nb["metadata"], "saved widget state must be stripped"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["execution_count"] for c in code), "commit notebooks as a fresh run"
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    for c in code:
        for out in c["outputs"]:
            assert out["output_type"] != "error", c["source"][:80]
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), c["source"][:80]
            assert str(ROOT) not in json.dumps(out), "an output shows this machine's path: it differs elsewhere"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lessons_open_with_objectives_and_close_with_a_recap(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    md = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
          for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert md[0].startswith(f"# Lesson {path.stem[:2]}")
    assert "Learning objectives" in md[0] and "Time:" in md[0]
    assert "## Recap" in md[-1]
    links = re.findall(r"\]\(([^)]+\.ipynb)\)", md[-1])
    assert links and all((NOTEBOOKS / link).exists() for link in links), links


@pytest.mark.parametrize("path", LESSONS + APPENDICES, ids=lambda p: p.stem)
def test_every_link_to_a_notebook_leads_to_one(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    links = re.findall(r"\]\(([^)#?]+\.ipynb)", text)
    assert [link for link in links if not (NOTEBOOKS / link).exists()] == []


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lessons_have_three_exercises_and_solutions_only_for_instructors(path):
    src = (NOTEBOOKS / "src" / f"{path.stem}.py").read_text(encoding="utf-8")
    ids = set(re.findall(r"""(?:Exercise|check)\(\s*["'](\d\d\.\w+)["']""", src))
    assert len(ids) >= 3, ids
    student = path.read_text(encoding="utf-8")
    instructor = (NOTEBOOKS / "instructor" / path.name).read_text(encoding="utf-8")
    assert '"solution"' not in student
    assert '"solution"' in instructor


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_no_test_code_in_what_students_and_instructors_see(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for c in nb["cells"]:
        src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        assert "test" not in c["metadata"].get("tags", []), src[:80]
        if c["cell_type"] == "code":
            assert not re.search(r"^\s*assert\b|self_check\(", src, re.M), f"test code in {path.name}: {src[:80]}"


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_prose_cells_show_their_sentence_not_their_code(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for c in nb["cells"]:
        if c["cell_type"] != "code":
            continue
        src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        hidden = c["metadata"].get("jupyter", {}).get("source_hidden", False)
        assert hidden == build.prose_only(src), src[:80]


def test_building_twice_gives_identical_files(tmp_path):
    """Rule 8 of the hardening issue: widget model ids and timings are not left to chance."""
    src = NOTEBOOKS / "src" / "01_start_here.py"
    cells = build.parse(src.read_text(encoding="utf-8"))
    import nbformat
    texts = []
    for _ in range(2):
        nb = build.execute(build.notebook(cells, student=True), tmp_path)
        texts.append(nbformat.writes(nb))
    assert texts[0] == texts[1]
    assert '"model_id": "00000000000000000000000000000001"' in texts[0]
