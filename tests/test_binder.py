"""One way onto every hub: binder/start, binder/ (Binder's build) and the Dockerfile.

Docker, Binder and Kubernetes cannot run here, so the Dockerfile is checked as text: every file it
copies exists, the course is installed non-editably outside the home folder, and binder/start is the
entrypoint. binder/start itself is run for real, as repo2docker and a hub's spawner run it.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from test_setup import PYPROJECT, split_requirement

REPO = Path(__file__).resolve().parents[1]
START = REPO / "binder" / "start"
LESSONS = sorted(p.name for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# what a student's workspace holds: the lessons, then the appendices
COURSE = LESSONS + sorted(p.name for p in (REPO / "notebooks").glob("appendix_*.ipynb"))
TEST_TOOLS = {"pytest", "playwright", "playwright-python", "nbval", "hypothesis", "ruff", "jupyterhub"}


# --------------------------------------------------------------------------- binder/start

def start(tmp_path: Path, *command: str, **env: str) -> subprocess.CompletedProcess:
    """binder/start COMMAND with HOME in tmp_path, the course library on PYTHONPATH."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMLAB_", "JUPYTER_CONFIG_PATH"))}
    environ |= {"HOME": str(tmp_path), "PYTHONPATH": str(REPO / "lib"),
                "PATH": os.pathsep.join([str(Path(sys.executable).parent), environ.get("PATH", "")]), **env}
    return subprocess.run([str(START), *command], cwd=tmp_path, env=environ, capture_output=True, text=True,
                          timeout=120, check=False)


PRINT_ENV = [sys.executable, "-c", "import json, os, sys; print(json.dumps({'argv': sys.argv[1:], "
             "'config': os.environ.get('JUPYTER_CONFIG_PATH')})); sys.exit(7)"]


def test_start_syncs_the_workspace_then_runs_the_command_it_is_given(tmp_path):
    run = start(tmp_path, *PRINT_ENV, "--ip=0.0.0.0", "a b")
    assert run.returncode == 7, run.stderr  # exec'd: the server's own exit status comes back
    report = json.loads(run.stdout.splitlines()[-1])
    assert report["argv"] == ["--ip=0.0.0.0", "a b"]  # arguments arrive whole
    assert report["config"].split(os.pathsep)[0] == str(REPO / "jupyter-config")
    workspace = tmp_path / "workspace"
    assert sorted(p.name for p in workspace.glob("*.ipynb")) == sorted(COURSE)
    # A second start keeps a student's edit: sync never overwrites a copy.
    mine = workspace / LESSONS[0]
    mine.write_text(mine.read_text(encoding="utf-8").replace('"cells": [', '"cells": [ ', 1), encoding="utf-8")
    edited = mine.read_bytes()
    assert start(tmp_path, "true").returncode == 0
    assert mine.read_bytes() == edited


def test_start_keeps_the_students_own_jupyter_config_path(tmp_path):
    run = start(tmp_path, *PRINT_ENV, JUPYTER_CONFIG_PATH="/somewhere/mine")
    config = json.loads(run.stdout.splitlines()[-1])["config"]
    assert config == f"{REPO / 'jupyter-config'}{os.pathsep}/somewhere/mine"


def test_start_takes_the_workspace_and_course_from_the_environment(tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    (course / "01_only.ipynb").write_bytes((REPO / "notebooks" / LESSONS[0]).read_bytes())
    run = start(tmp_path, "true", CLAIMLAB_WORKSPACE=str(tmp_path / "elsewhere"), CLAIMLAB_COURSE=str(course))
    assert run.returncode == 0, run.stderr
    assert [p.name for p in (tmp_path / "elsewhere").glob("*.ipynb")] == ["01_only.ipynb"]
    assert not (tmp_path / "workspace").exists()


def test_start_prefers_a_course_an_instructor_pulled_with_nbgitpuller(tmp_path):
    pulled = tmp_path / ".conflicting-accounts" / "notebooks"
    pulled.mkdir(parents=True)
    (pulled / "10_new_lesson.ipynb").write_bytes((REPO / "notebooks" / LESSONS[0]).read_bytes())
    assert start(tmp_path, "true").returncode == 0
    assert [p.name for p in (tmp_path / "workspace").glob("*.ipynb")] == ["10_new_lesson.ipynb"]


def test_start_still_starts_the_server_when_the_sync_fails(tmp_path):
    run = start(tmp_path, *PRINT_ENV, CLAIMLAB_COURSE=str(tmp_path / "no-such-course"))
    assert run.returncode == 7
    assert "no-such-course" in run.stderr and "starting the server anyway" in run.stderr


def test_start_without_a_command_says_how_to_use_it(tmp_path):
    run = start(tmp_path)
    assert run.returncode == 2 and "usage: binder/start COMMAND" in run.stderr


# --------------------------------------------------------------------------- binder/ (Binder's build)

def test_binder_environment_is_the_runtime_dependencies_and_nothing_else():
    import yaml

    env = yaml.safe_load((REPO / "binder" / "environment.yml").read_text(encoding="utf-8"))
    conda = dict(split_requirement(d) for d in env["dependencies"] if isinstance(d, str))
    assert conda.pop("python") == "=3.11" and conda.pop("pip") == ""
    runtime = dict(split_requirement(r) for r in PYPROJECT["project"]["dependencies"])
    assert conda == runtime
    assert not TEST_TOOLS & set(conda)
    assert not [d for d in env["dependencies"] if isinstance(d, dict)]  # binder/postBuild installs the course


def test_binder_scripts_are_executable_bash():
    for script in (START, REPO / "binder" / "postBuild", REPO / "postBuild"):
        assert os.access(script, os.X_OK), script
        assert script.read_text().startswith("#!/bin/bash\n"), script
        assert subprocess.run(["bash", "-n", str(script)]).returncode == 0, script
    post = (REPO / "binder" / "postBuild").read_text()
    assert re.search(r'pip install --no-cache-dir --no-deps "\$repo"$', post, re.MULTILINE)  # not editable
    assert 'exec "$repo/postBuild"' in post


# --------------------------------------------------------------------------- Dockerfile

def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) for every instruction, continuation lines joined."""
    text = re.sub(r"\\\n", " ", (REPO / "Dockerfile").read_text(encoding="utf-8"))
    return [(m.group(1).upper(), m.group(2).strip()) for line in text.splitlines()
            if (m := re.match(r"\s*([A-Za-z]+)\s+(.*)", line)) and not line.lstrip().startswith("#")]


def expand(value: str, variables: dict[str, str]) -> str:
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: variables[m.group(1) or m.group(2)], value)


def docker_variables() -> dict[str, str]:
    variables = {}
    for instruction, args in dockerfile():
        if instruction in ("ENV", "ARG"):
            for name, value in re.findall(r'(\w+)=("[^"]*"|\S+)', args):
                variables[name] = value.strip('"')
    return variables


def test_dockerfile_copies_only_files_that_exist():
    copies = [args for instruction, args in dockerfile() if instruction in ("COPY", "ADD")]
    assert len(copies) >= 5
    variables = docker_variables()
    for args in copies:
        *sources, target = shlex.split(args)
        assert not any(s.startswith("--") for s in sources), args
        for source in sources:
            assert (REPO / source).exists(), f"Dockerfile copies {source}, which does not exist"
            assert not re.match(r"(workspace|\.venv|\.git)\b", source), source
        assert expand(target, variables).startswith("/opt/conflicting-accounts"), args


def test_dockerfile_installs_the_course_non_editably_outside_home_and_starts_through_binder_start():
    steps = dockerfile()
    variables = docker_variables()
    assert variables["COURSE_DIR"] == "/opt/conflicting-accounts"
    runs = " ".join(expand(args, variables | {"JUPYTERHUB": "jupyterhub"}) for i, args in steps if i == "RUN")
    assert re.search(r'pip install "/opt/conflicting-accounts" "jupyterhub" "nbgitpuller[<>=.\d]*"', runs), runs
    assert " -e " not in runs and "--editable" not in runs
    assert '"/opt/conflicting-accounts/postBuild"' in runs  # the quiet first start
    copied = {source for i, a in steps if i == "COPY" for source in shlex.split(a)[:-1]}
    assert {"pyproject.toml", "README.md", "lib", "seeds", "notebooks", "binder/start", "jupyter-config",
            "postBuild"} <= copied
    entry = [json.loads(a) for i, a in steps if i == "ENTRYPOINT"]
    assert entry == [["/opt/conflicting-accounts/binder/start"]]
    assert [a for i, a in steps if i == "USER"] == ["jovyan"]
    assert ("WORKDIR", "/home/jovyan") in steps
    assert steps[0][0] == "FROM" and "3.11" in steps[0][1]  # the Python the course is tested with


def test_dockerignore_keeps_student_work_and_environments_out():
    ignored = set((REPO / ".dockerignore").read_text().split())
    assert {".git", ".venv", "workspace"} <= ignored



# --------------------------------------------------------------------------- README's Binder link

def test_readme_binder_badge_opens_the_first_lesson_in_the_workspace():
    """The badge's urlpath names the first lesson as binder/start syncs it (Binder's home is the repository)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\((https://mybinder\.org/v2/gh/[^)\s]+)\)", readme)
    assert len(links) == 1, links
    query = dict(p.split("=", 1) for p in links[0].split("?", 1)[1].split("&"))
    assert query["urlpath"] == f"lab/tree/workspace/{LESSONS[0]}", (
        f"README's Binder link opens {query['urlpath']}; the first lesson is now {LESSONS[0]}")
    assert "badge_logo.svg" in readme and "docs/hub.md" in readme


def test_the_documented_nbgitpuller_link_pulls_where_binder_start_looks():
    """docs/hub.md's link clones into the hidden folder binder/start syncs from, and opens the first lesson."""
    hub_md = (REPO / "docs" / "hub.md").read_text(encoding="utf-8")
    links = re.findall(r"https://hub\.example\.org/hub/user-redirect/git-pull\?\S+", hub_md)
    assert len(links) == 1, links
    from urllib.parse import parse_qs, urlsplit
    query = {k: v[0] for k, v in parse_qs(urlsplit(links[0]).query).items()}
    assert query["targetpath"].startswith(".")  # hidden: students see each lesson once, in workspace/
    assert f'pulled="$HOME/{query["targetpath"]}/notebooks"' in START.read_text()
    assert query["urlpath"] == f"lab/tree/workspace/{LESSONS[0]}"
    assert f"/lab/tree/workspace/{LESSONS[0]}" in hub_md.split("## Zero to JupyterHub")[1]
