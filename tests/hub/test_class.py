"""A class of three students on a real JupyterHub (tests/hub/classroom.py sets it up).

One hub serves the module: each student logs in with the class password, their server is started
through binder/start (which syncs their workspace), and each runs the first lesson and lesson 06,
every code cell, through their own server's REST and kernel APIs. The tests then check what that
run recorded: no cell errored, each workspace is its student's own, memory stays in budget.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

import classroom
import pytest

STUDENTS = 3
# Per student, with one lesson open: the single-user server plus one kernel, as RSS (which counts
# shared libraries in every process, so it overstates the machine's real use). docs/hub.md records
# what was measured: about 150 MB for the server and 130-200 MB for a lesson's kernel.
BUDGET_MB = 450


@dataclass
class ClassRun:
    hub: classroom.Hub
    lessons: list[str]
    runs: dict[str, list[classroom.LessonRun]] = field(default_factory=dict)
    memory: dict[str, dict[str, float]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def class_run():
    hub = classroom.Hub(STUDENTS)
    run = ClassRun(hub, classroom.lessons_to_run())

    def work(student):
        # The last lesson stays open: memory is measured with one lesson open.
        return [hub.run_lesson(student, lesson, shutdown=lesson != run.lessons[-1]) for lesson in run.lessons]

    try:
        hub.start()
        classroom.in_parallel(hub.spawn, hub.students)
        for student, runs in zip(hub.students, classroom.in_parallel(work, hub.students)):
            run.runs[student.name] = runs
        time.sleep(1)  # let the shut-down kernels go
        run.memory = hub.memory()
        yield run
    except classroom.HubError as exc:
        pytest.fail(str(exc), pytrace=False)
    finally:
        for s in hub.students:  # shown with -s: the figures docs/hub.md records
            lessons = ", ".join(f"{r.lesson} {r.seconds:.1f} s" for r in run.runs.get(s.name, []))
            print(f"{s.name}: server started in {s.spawn_seconds:.1f} s; ran {lessons or 'nothing'}")
        hub.stop()


def test_the_lessons_are_the_first_and_lesson_06(class_run):
    first = sorted(p.name for p in classroom.COURSE.glob("[0-9][0-9]_*.ipynb"))[0]
    assert class_run.lessons[0] == first
    assert len(class_run.lessons) == 2 and class_run.lessons[1].startswith("06_")


def test_every_student_logs_in_with_the_class_password_and_no_other(class_run):
    hub = class_run.hub
    for student in hub.students:
        assert hub.login(student) == 302, student.name  # redirected on to their server
    assert hub.login(hub.students[0], password="not-the-class-password") == 403
    stranger = classroom.Student("not-in-the-class")
    assert hub.login(stranger) == 403


def test_every_code_cell_of_both_lessons_runs_without_an_error(class_run):
    for name, runs in class_run.runs.items():
        assert [r.lesson for r in runs] == class_run.lessons
        for run in runs:
            course = json.loads((classroom.COURSE / run.lesson).read_text(encoding="utf-8"))
            code = [c for c in course["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
            assert run.cells == len(code) > 0, (name, run.lesson)  # every cell ran, none skipped
            assert run.errors == [], f"{name} {run.lesson}: {run.errors}"


def test_every_student_gets_the_whole_course_in_a_workspace_synced_at_start(class_run):
    hub = class_run.hub
    course = sorted(p.name for p in classroom.COURSE.glob("[0-9][0-9]_*.ipynb"))
    for student in hub.students:
        status, listing = hub.server(student, "GET", "/contents/workspace")
        assert status == 200, listing
        lessons = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
        assert lessons == course, student.name
        home = hub.base / "home" / student.name
        assert (home / "workspace" / ".pristine").is_dir()  # the sync's own record: it ran at start
        assert set(p.name for p in home.iterdir()) >= {"workspace"}


def test_each_workspace_is_its_students_own(class_run):
    hub = class_run.hub
    first, second, third = hub.students
    note = {"type": "file", "format": "text", "content": f"{first.name}'s notes"}
    status, _ = hub.server(first, "PUT", "/contents/workspace/my_notes.txt", note)
    assert status == 201
    status, reply = hub.server(first, "GET", "/contents/workspace/my_notes.txt")
    assert status == 200 and reply["content"] == f"{first.name}'s notes"
    for other in (second, third):
        status, _ = hub.server(other, "GET", "/contents/workspace/my_notes.txt")
        assert status == 404, other.name  # not in their own workspace
        assert not (hub.base / "home" / other.name / "workspace" / "my_notes.txt").exists()
        status, _ = hub.server(first, "GET", "/contents/workspace/my_notes.txt", token=other.token)
        assert status == 403, other.name  # and they cannot reach the first student's server
    # An edit in one student's lesson stays in that student's copy.
    lesson = f"workspace/{class_run.lessons[0]}"
    status, model = hub.server(second, "GET", f"/contents/{lesson}")
    model["content"]["cells"].insert(0, {"cell_type": "markdown", "metadata": {}, "source": "second's answer"})
    status, _ = hub.server(second, "PUT", f"/contents/{lesson}", {"type": "notebook", "content": model["content"]})
    assert status == 200
    for student, expected in ((second, True), (first, False), (third, False)):
        _, model = hub.server(student, "GET", f"/contents/{lesson}")
        assert (model["content"]["cells"][0]["source"] == "second's answer") is expected, student.name


def test_memory_per_student_with_one_lesson_open_is_within_budget(class_run):
    memory = class_run.memory
    assert set(memory) == {s.name for s in class_run.hub.students}
    report = {name: {k: round(v) for k, v in row.items()} for name, row in memory.items()}
    print(f"memory per student (MB): {report}")
    for name, row in memory.items():
        assert row["kernels"] == 1, (name, row)  # the lessons shut down are gone; one is open
        assert row["server"] > 20 and row["kernel"] > 20, (name, row)  # both processes were found
        assert row["total"] <= BUDGET_MB, f"{name}: {row['total']:.0f} MB > {BUDGET_MB} MB ({row})"
