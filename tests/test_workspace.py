"""Behaviour of the student workspace (claimlab.workspace) on invented lessons."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimlab import workspace as ws

REPO = Path(__file__).resolve().parents[1]


def write_nb(path: Path, *sources: str, outputs=None) -> Path:
    """A minimal nbformat-4 notebook with one code cell per source."""
    cells = [
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": outputs or [],
            "source": src,
        }
        for src in sources
    ]
    nb = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def course(tmp_path):
    c = tmp_path / "notebooks"
    write_nb(c / "00_start_here.ipynb", "print('hello')")
    write_nb(c / "01_sources.ipynb", "x = 1")
    write_nb(c / "02_figures.ipynb", "y = 2")
    write_nb(c / "demo.ipynb", "demo = True")  # not a lesson
    (c / "README.md").write_text("not a lesson")
    return c


@pytest.fixture
def wsdir(tmp_path):
    return tmp_path / "workspace"


@pytest.fixture(autouse=True)
def _no_make(monkeypatch):
    monkeypatch.delenv("MAKELEVEL", raising=False)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below folder with its bytes and mtime."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def edit(path: Path, new_source: str) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["cells"][0]["source"] = new_source
    path.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- sync

def test_first_sync_copies_lessons_and_keeps_pristine_versions(course, wsdir):
    report = ws.sync(course, wsdir)

    lessons = ["00_start_here.ipynb", "01_sources.ipynb", "02_figures.ipynb"]
    assert report.copied == lessons
    assert sorted(p.name for p in wsdir.glob("*.ipynb")) == lessons  # no demo.ipynb
    assert not (wsdir / "README.md").exists()
    for name in lessons:
        assert (wsdir / name).read_bytes() == (course / name).read_bytes()
        assert (wsdir / ".pristine" / name).read_bytes() == (course / name).read_bytes()
    assert len(report.messages) == 3


def test_second_sync_changes_nothing(course, wsdir, capsys):
    ws.sync(course, wsdir)
    before = snapshot(wsdir)

    assert ws.main(["sync", "--course", str(course), "--workspace", str(wsdir)]) == 0

    assert snapshot(wsdir) == before
    assert "up to date (3 lessons)" in capsys.readouterr().out


def test_edited_copy_survives_sync_and_course_update(course, wsdir):
    ws.sync(course, wsdir)
    mine = wsdir / "01_sources.ipynb"
    edit(mine, "x = 'my answer'")
    edited = mine.read_bytes()
    old_course = (course / "01_sources.ipynb").read_bytes()

    ws.sync(course, wsdir)
    assert mine.read_bytes() == edited

    write_nb(course / "01_sources.ipynb", "x = 1", "# a new exercise")
    report = ws.sync(course, wsdir)

    assert mine.read_bytes() == edited
    # .pristine still records the version the student's copy came from
    assert (wsdir / ".pristine" / "01_sources.ipynb").read_bytes() == old_course
    assert report.updated_in_course == ["01_sources.ipynb"]
    [msg] = report.messages
    assert "lesson 01 was updated in the course" in msg
    assert "python -m claimlab.workspace restore 01" in msg
    assert "your edited copy will be kept as" in msg
    assert "backups" in msg and "01_sources.<date>-<time>.ipynb" in msg

    # the notice repeats until the student restores
    assert ws.sync(course, wsdir).updated_in_course == ["01_sources.ipynb"]


def test_unedited_copy_is_not_overwritten_either(course, wsdir):
    ws.sync(course, wsdir)
    mine = wsdir / "02_figures.ipynb"
    original = mine.read_bytes()
    write_nb(course / "02_figures.ipynb", "y = 3")

    report = ws.sync(course, wsdir)

    assert mine.read_bytes() == original
    assert report.updated_in_course == ["02_figures.ipynb"]
    assert "you have not edited your copy" in report.messages[0]


def test_run_outputs_are_not_edits(tmp_path):
    a = write_nb(tmp_path / "a.ipynb", "x = 1")
    ran = write_nb(tmp_path / "b.ipynb", "x = 1",
                   outputs=[{"output_type": "stream", "name": "stdout", "text": "1\n"}])
    changed = write_nb(tmp_path / "c.ipynb", "x = 2")
    broken = tmp_path / "d.ipynb"
    broken.write_text("{not json")

    assert not ws.has_edits(ran, a)
    assert ws.has_edits(changed, a)
    assert ws.has_edits(broken, a)


def test_make_hint_when_run_from_make(course, wsdir, monkeypatch):
    ws.sync(course, wsdir)
    write_nb(course / "01_sources.ipynb", "x = 10")
    monkeypatch.setenv("MAKELEVEL", "1")

    [msg] = ws.sync(course, wsdir).messages

    assert "run `make restore LESSON=01` to get it" in msg


def test_new_lesson_appears_and_existing_copies_stay(course, wsdir):
    ws.sync(course, wsdir)
    edit(wsdir / "00_start_here.ipynb", "print('mine')")
    before = snapshot(wsdir)

    write_nb(course / "03_timelines.ipynb", "z = 3")
    report = ws.sync(course, wsdir)

    assert report.copied == ["03_timelines.ipynb"]
    assert (wsdir / "03_timelines.ipynb").read_bytes() == (course / "03_timelines.ipynb").read_bytes()
    after = snapshot(wsdir)
    for name, value in before.items():
        assert after[name] == value
    assert set(after) - set(before) == {"03_timelines.ipynb", ".pristine/03_timelines.ipynb"}


def test_deleted_copy_comes_back_on_sync(course, wsdir):
    ws.sync(course, wsdir)
    (wsdir / "01_sources.ipynb").unlink()

    assert ws.sync(course, wsdir).copied == ["01_sources.ipynb"]
    assert (wsdir / "01_sources.ipynb").exists()


def test_lesson_dropped_from_course_is_left_alone(course, wsdir):
    ws.sync(course, wsdir)
    (course / "02_figures.ipynb").unlink()

    report = ws.sync(course, wsdir)

    assert report.removed_from_course == ["02_figures.ipynb"]
    assert (wsdir / "02_figures.ipynb").exists()
    assert "no longer part of the course" in report.messages[0]


def test_copy_without_pristine_record(course, wsdir):
    """A workspace made by hand: identical copies get a record, others a notice."""
    wsdir.mkdir()
    (wsdir / "00_start_here.ipynb").write_bytes((course / "00_start_here.ipynb").read_bytes())
    write_nb(wsdir / "01_sources.ipynb", "x = 'mine'")

    report = ws.sync(course, wsdir)

    assert (wsdir / ".pristine" / "00_start_here.ipynb").exists()
    assert not (wsdir / ".pristine" / "01_sources.ipynb").exists()
    assert report.untracked == ["01_sources.ipynb"]
    assert report.copied == ["02_figures.ipynb"]
    assert (wsdir / "01_sources.ipynb").read_text().count("mine") == 1


def test_support_file_hook(course, wsdir, monkeypatch):
    monkeypatch.setattr(ws, "SUPPORT_GLOBS", ("data/*.csv",))
    (course / "data").mkdir()
    (course / "data" / "table.csv").write_text("a,b\n1,2\n")

    assert ws.sync(course, wsdir).support_copied == [os.path.join("data", "table.csv")]
    (wsdir / "data" / "table.csv").write_text("student's own\n")
    (course / "data" / "table.csv").write_text("a,b\n3,4\n")

    assert ws.sync(course, wsdir).support_copied == []
    assert (wsdir / "data" / "table.csv").read_text() == "student's own\n"


def test_missing_course_folder(tmp_path, capsys):
    code = ws.main(["sync", "--course", str(tmp_path / "nope"), "--workspace", str(tmp_path / "w")])

    assert code == 2
    assert "course folder" in capsys.readouterr().err
    assert not (tmp_path / "w").exists()


def test_empty_course_says_so(tmp_path):
    (tmp_path / "notebooks").mkdir()
    report = ws.sync(tmp_path / "notebooks", tmp_path / "w")
    assert report.copied == []
    assert "no lessons" in report.messages[0]


# --------------------------------------------------------------------------- restore

def test_restore_touches_one_lesson_and_keeps_a_backup(course, wsdir, capsys):
    ws.sync(course, wsdir)
    edit(wsdir / "00_start_here.ipynb", "print('my notes')")
    edit(wsdir / "01_sources.ipynb", "x = 'my answer'")
    mine = (wsdir / "01_sources.ipynb").read_bytes()
    write_nb(course / "01_sources.ipynb", "x = 1", "# a new exercise")
    before = snapshot(wsdir)

    code = ws.main(["restore", "01", "--course", str(course), "--workspace", str(wsdir)])

    assert code == 0
    out = capsys.readouterr().out
    assert "restored lesson 01" in out and "kept as" in out
    assert (wsdir / "01_sources.ipynb").read_bytes() == (course / "01_sources.ipynb").read_bytes()
    assert (wsdir / ".pristine" / "01_sources.ipynb").read_bytes() == (course / "01_sources.ipynb").read_bytes()
    [backup] = (wsdir / "backups").iterdir()
    assert backup.name.startswith("01_sources.") and backup.suffix == ".ipynb"
    assert backup.read_bytes() == mine
    assert str(backup.relative_to(wsdir)) in out or backup.name in out

    after = snapshot(wsdir)
    touched = {"01_sources.ipynb", ".pristine/01_sources.ipynb"}
    for name, value in before.items():
        if name not in touched:
            assert after[name] == value, name
    assert set(after) - set(before) == {f"backups/{backup.name}"}

    # and the update notice is gone
    assert ws.sync(course, wsdir).updated_in_course == []


def test_restoring_twice_keeps_both_backups(course, wsdir):
    ws.sync(course, wsdir)
    edit(wsdir / "02_figures.ipynb", "first try")
    ws.restore(course, wsdir, "02")
    edit(wsdir / "02_figures.ipynb", "second try")
    ws.restore(course, wsdir, "2")

    backups = sorted((wsdir / "backups").iterdir())
    assert len(backups) == 2
    texts = sorted(json.loads(b.read_text())["cells"][0]["source"] for b in backups)
    assert texts == ["first try", "second try"]


def test_restore_without_a_copy_just_copies(course, wsdir):
    report = ws.restore(course, wsdir, "01_sources.ipynb")

    assert report.restored == ["01_sources.ipynb"]
    assert report.backups == []
    assert not (wsdir / "backups").exists()
    assert sorted(p.name for p in wsdir.glob("*.ipynb")) == ["01_sources.ipynb"]


@pytest.mark.parametrize("arg, expected", [("3", "03"), ("03", "03"), ("03_x", "03"),
                                           ("03_x.ipynb", "03"), (" 7 ", "07")])
def test_lesson_numbers(arg, expected):
    assert ws._parse_lesson(arg) == expected


@pytest.mark.parametrize("arg, words", [("07", "no lesson 07"), ("abc", "not a lesson number"),
                                        ("123", "not a lesson number")])
def test_unknown_lesson_is_an_error_and_changes_nothing(course, wsdir, capsys, arg, words):
    ws.sync(course, wsdir)
    before = snapshot(wsdir)

    code = ws.main(["restore", arg, "--course", str(course), "--workspace", str(wsdir)])

    assert code == 2
    err = capsys.readouterr().err
    assert words in err
    if arg == "07":
        assert "lessons: 00, 01, 02" in err
    assert snapshot(wsdir) == before


def test_command_line_from_the_repository_root(course, wsdir):
    """`python -m claimlab.workspace` with the default folders, as make runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "lib")}
    env.pop("MAKELEVEL", None)
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "claimlab.workspace", *args],
        cwd=course.parent, env=env, capture_output=True, text=True, timeout=120,
    )

    synced = run("sync")
    assert synced.returncode == 0, synced.stderr
    assert "new lesson: workspace/00_start_here.ipynb" in synced.stdout

    unknown = run("restore", "09")
    assert unknown.returncode == 2
    assert "no lesson 09" in unknown.stderr

    restored = run("restore", "01")
    assert restored.returncode == 0, restored.stderr
    assert "workspace/backups/01_sources." in restored.stdout


def test_an_appendix_is_synced_tracked_and_restored_like_a_lesson(course, wsdir):
    write_nb(course / "appendix_tables.ipynb", "tables = 1")

    report = ws.sync(course, wsdir)
    assert report.copied[-1] == "appendix_tables.ipynb" and "demo.ipynb" not in report.copied
    assert (wsdir / ".pristine" / "appendix_tables.ipynb").exists()

    edit(wsdir / "appendix_tables.ipynb", "tables = 'my notes'")
    write_nb(course / "appendix_tables.ipynb", "tables = 2")
    report = ws.sync(course, wsdir)
    assert report.updated_in_course == ["appendix_tables.ipynb"]
    assert "restore appendix_tables" in " ".join(report.messages)

    restored = ws.restore(course, wsdir, "appendix_tables")
    assert restored.restored == ["appendix_tables.ipynb"] and len(restored.backups) == 1
    assert "'my notes'" in restored.backups[0].read_text(encoding="utf-8")
    assert (wsdir / "appendix_tables.ipynb").read_bytes() == (course / "appendix_tables.ipynb").read_bytes()
    assert ws._parse_lesson("appendix_tables.ipynb") == "appendix_tables"
