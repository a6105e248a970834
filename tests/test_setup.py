"""The project's setup files agree with each other.

pyproject.toml is the source of truth for dependencies; environment.yml (conda,
Binder) must list the same packages with the same lower bounds, and the README
must tell people to test the way the Makefile does.
"""

import ast
import importlib.metadata
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
ENV_TEXT = (REPO / "environment.yml").read_text(encoding="utf-8")
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")

# conda-forge names that differ from the PyPI name of the same package
CONDA_TO_PYPI = {"playwright-python": "playwright"}
# conda-only entries that are the environment itself, not project dependencies
CONDA_BASE = {"python", "pip"}

REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*?)\s*$")


def normalise(name: str) -> str:
    """PEP 503 normalised name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def split_requirement(req: str) -> tuple[str, str]:
    """'pandas >= 3.0' -> ('pandas', '>=3.0'); works for PEP 508 and conda specs."""
    m = REQUIREMENT.match(req)
    assert m, f"cannot read requirement {req!r}"
    return normalise(m.group(1)), m.group(3).replace(" ", "")


def load_environment() -> dict:
    import yaml  # PyYAML: in the [test] extra
    return yaml.safe_load(ENV_TEXT)


def pyproject_requirements() -> dict[str, str]:
    project = PYPROJECT["project"]
    reqs = list(project["dependencies"]) + list(project["optional-dependencies"]["test"])
    return dict(split_requirement(r) for r in reqs)


def environment_requirements() -> tuple[dict[str, str], list[str]]:
    conda, pip = {}, []
    for dep in load_environment()["dependencies"]:
        if isinstance(dep, dict):
            pip.extend(dep.get("pip", []))
            continue
        name, spec = split_requirement(dep)
        if name in CONDA_BASE:
            continue
        conda[CONDA_TO_PYPI.get(name, name)] = spec
    return conda, pip


# --------------------------------------------------------------------------- dependencies

def test_environment_lists_the_same_packages_as_pyproject():
    wanted = pyproject_requirements()
    conda, pip = environment_requirements()
    pip_names = {split_requirement(p)[0] for p in pip if not p.startswith("-")}
    listed = set(conda) | pip_names
    assert listed == set(wanted), (
        f"only in pyproject.toml: {sorted(set(wanted) - listed)}; "
        f"only in environment.yml: {sorted(listed - set(wanted))}"
    )


def test_environment_uses_the_same_lower_bounds():
    wanted = pyproject_requirements()
    conda, _ = environment_requirements()
    differ = {n: (wanted[n], spec) for n, spec in conda.items() if spec and spec != wanted[n]}
    assert not differ, f"pyproject vs environment.yml bounds: {differ}"


def test_environment_installs_the_project_with_its_test_extra():
    _, pip = environment_requirements()
    assert any(re.fullmatch(r"-e\s+\.\[test\]", p) for p in pip), pip


def library_imports() -> set[str]:
    """Top-level names of the non-standard-library modules lib/claimlab imports (anywhere in a file)."""
    names = set()
    for path in (REPO / "lib" / "claimlab").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "claimlab"}


def test_every_package_the_library_imports_is_a_runtime_dependency():
    """Declared in pyproject's dependencies, or required by one of them (numpy by pandas)."""
    declared = {split_requirement(r)[0] for r in PYPROJECT["project"]["dependencies"]}
    provided = set(declared)
    for dist in declared:
        try:
            requires = importlib.metadata.requires(dist) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        provided |= {split_requirement(r.split(";")[0])[0] for r in requires if "extra ==" not in r}
    installed = importlib.metadata.packages_distributions()
    missing = {}
    for module in sorted(library_imports()):
        dists = {normalise(d) for d in installed.get(module, [module])}
        if not dists & provided:
            missing[module] = sorted(dists)
    assert not missing, f"imported by claimlab but not in pyproject.toml [project] dependencies: {missing}"


def test_environment_python_satisfies_requires_python():
    pythons = [d for d in load_environment()["dependencies"]
               if isinstance(d, str) and split_requirement(d)[0] == "python"]
    assert pythons == ["python=3.11"]
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"


# --------------------------------------------------------------------------- the package

SUBMODULE_PROBE = """
import json, sys, types
import claimlab
report = {"pandas_on_import": "pandas" in sys.modules, "dir": dir(claimlab)}
report["not_modules"] = [n for n in NAMES
                         if getattr(claimlab, n) is not sys.modules.get("claimlab." + n)
                         or not isinstance(getattr(claimlab, n), types.ModuleType)]
report["public"] = [claimlab.load_corpus.__module__, claimlab.Corpus.__name__,
                    claimlab.CorpusError.__name__, claimlab.self_check(), claimlab.__version__]
try:
    claimlab.no_such_thing
except AttributeError as exc:
    report["unknown"] = str(exc)
print(json.dumps(report))
"""


def test_every_module_and_subpackage_is_an_attribute_and_import_is_cheap():
    lib = REPO / "lib" / "claimlab"
    names = sorted({p.stem for p in lib.glob("*.py") if not p.stem.startswith("_")}
                   | {p.name for p in lib.iterdir() if (p / "__init__.py").is_file()
                      and not p.name.startswith("_")})
    assert {"brat", "corpus", "extract", "validate"} <= set(names)
    env = {**os.environ, "PYTHONPATH": str(REPO / "lib"), "CLAIMLAB_SELF_CHECK": ""}
    run = subprocess.run([sys.executable, "-c", SUBMODULE_PROBE.replace("NAMES", repr(names))],
                         capture_output=True, text=True, env=env, cwd=REPO, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.splitlines()[-1])
    assert report["pandas_on_import"] is False  # `import claimlab` stays cheap
    assert report["not_modules"] == []
    assert set(names) <= set(report["dir"])
    assert report["public"] == ["claimlab.corpus", "Corpus", "CorpusError", False, "0.1.0"]
    assert report["unknown"] == "module 'claimlab' has no attribute 'no_such_thing'"


# --------------------------------------------------------------------------- packaging and pytest

def test_wheel_ships_the_package_and_the_seed_corpus():
    wheel = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["packages"] == ["lib/claimlab", "lib/claimlab_course"]
    assert wheel["force-include"] == {"seeds": "claimlab/_seeds"}
    assert (REPO / "seeds").is_dir()


def test_pytest_configuration():
    ini = PYPROJECT["tool"]["pytest"]["ini_options"]
    assert ini["testpaths"] == ["tests", "notebooks"]
    for folder in ("workspace", ".venv", "screenshots", ".ipynb_checkpoints"):
        assert folder in ini["norecursedirs"]
    assert "addopts" not in ini  # a single test file must run as it is


def test_sanitizer_file_is_read_by_nbval():
    plugin = pytest.importorskip("nbval.plugin")
    path = REPO / "tests" / "nbval_sanitize.cfg"
    path.read_bytes().decode("ascii")  # nbval opens it in the locale's encoding
    patterns = plugin.get_sanitize_patterns(path.read_text())
    assert len(patterns) == 5

    def clean(s):
        for regex, replace in patterns:
            s = re.sub(regex, replace, s)
        return s

    assert clean("<Figure at 0x7f3a2b1c9d10>") == "<Figure at 0xADDRESS>"
    assert clean("Wall time: 3.45 ms") == "Wall time: TIME"
    assert clean("1.2 ms \u00b1 4.5 \u00b5s per loop (mean \u00b1 std. dev. of 7 runs, 1,000 loops each)") == "TIMEIT"
    assert clean("took 0.52s") == "took DURATION"
    assert clean("30 seconds into the clip") == "30 seconds into the clip"


# --------------------------------------------------------------------------- Makefile, CI, README

def makefile_recipe(target: str) -> list[str]:
    m = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", MAKEFILE, flags=re.MULTILINE)
    assert m, f"no recipe for {target} in the Makefile"
    return [line.strip() for line in m.group(1).splitlines()]


def pytest_args(command: str) -> list[str]:
    """The arguments after `pytest`, with make variables dropped."""
    after = command.split("pytest", 1)[1]
    return [a for a in after.split() if not a.startswith("$(")]


MAKE_TEST = next(line for line in makefile_recipe("test") if "-m pytest" in line)


def test_makefile_has_the_course_targets():
    assert re.search(r"^install: \$\(STAMP\)$", MAKEFILE, re.MULTILINE)
    assert re.search(r"^\$\(STAMP\): pyproject.toml$", MAKEFILE, re.MULTILINE)
    assert any("-m pip install --progress-bar off -e '.[test]'" in line
               for line in makefile_recipe("$(STAMP)"))
    for target in ("lab", "test", "demo"):
        assert re.search(rf"^{target}: install$", MAKEFILE, re.MULTILINE), target
    for target in ("lab", "test", "demo", "restore", "clean"):
        makefile_recipe(target)
    assert MAKE_TEST.startswith("$(PY) -m pytest")
    assert re.search(r"^PY\s*:?=\s*\$\(VENV\)/bin/python$", MAKEFILE, re.MULTILINE)
    assert re.search(r"^VENV\s*:?=\s*\.venv$", MAKEFILE, re.MULTILINE)
    assert pytest_args(MAKE_TEST) == ["--nbval", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg"]


make = shutil.which("make")
needs_make = pytest.mark.skipif(make is None, reason="make is not installed")


def dry_run(*args: str) -> subprocess.CompletedProcess:
    # -o: treat the install stamp as up to date, so nothing gets installed
    return subprocess.run([make, "-n", "-o", ".venv/.installed", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


@needs_make
def test_lab_binds_to_loopback_and_allows_root_only_for_root():
    out = dry_run("lab").stdout
    assert "-m claimlab.workspace sync --course notebooks --workspace workspace" in out
    assert "--ip=127.0.0.1" in out and "--token-env JUPYTER_TOKEN" in out and "export JUPYTER_TOKEN" in out
    server = out.split("jupyter lab", 1)[1]
    assert "--token" not in server and "TOKEN" not in server  # the token is not on the server's command line
    assert ("--allow-root" in out) == (os.getuid() == 0)


@needs_make
def test_demo_binds_to_loopback_with_a_token():
    out = dry_run("demo").stdout
    assert "voila notebooks/demo.ipynb --Voila.ip=127.0.0.1" in out and "--Voila.auto_token=True" in out
    server = out.split("/voila ", 1)[1]
    assert "export JUPYTER_TOKEN" in out and "--token" not in server and "TOKEN" not in server


@needs_make
def test_restore_needs_a_lesson_number():
    done = subprocess.run([make, "-o", ".venv/.installed", "restore"], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "make restore LESSON=NN" in done.stdout
    assert 'restore "$CLAIMLAB_LESSON"' in dry_run("restore", "LESSON=03").stdout


def test_ci_script():
    script = REPO / ".ci" / "run"
    assert os.access(script, os.X_OK)
    text = script.read_text()
    assert "set -euo pipefail" in text and "export CI=true" in text
    assert "apt-get install -y -q chromium" in text and "/usr/bin/chromium" in text
    assert text.rstrip().endswith("make test")
    # the class test's proxy, where tests/hub/classroom.py looks for it
    assert 'npm install --no-audit --no-fund --prefix "$HUB_PREFIX" configurable-http-proxy' in text
    assert 'HUB_PREFIX="${CLAIMLAB_HUB_PREFIX:-$HOME/.cache/claimlab-hub}"' in text
    classroom = (REPO / "tests" / "hub" / "classroom.py").read_text()
    assert 'os.environ.get("CLAIMLAB_HUB_PREFIX", Path.home() / ".cache" / "claimlab-hub")' in classroom
    # and what it needs from Python comes with the [test] extra that `make install` installs
    assert {"jupyterhub", "psutil", "websocket-client"} <= set(pyproject_requirements())
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0
    assert ".ci/run" in (REPO / ".github" / "workflows" / "ci.yml").read_text()


def test_gitignore_keeps_student_work_out_of_git():
    lines = set((REPO / ".gitignore").read_text().split())
    for entry in ("/workspace/", "/screenshots/", ".venv/"):
        assert entry in lines
    assert "*.egg-info" in lines or "*.egg-info/" in lines


def readme_pytest_commands(text: str) -> list[str]:
    """pytest --nbval command lines in the README's code (fenced blocks, `spans`)."""
    fenced = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    prose = re.sub(r"^```[^\n]*\n.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    code = [line for block in fenced for line in block.splitlines()]
    code += re.findall(r"`([^`\n]+)`", prose)
    return [c for c in code if re.search(r"\bpytest\b.*--nbval", c)]


def test_readme_command_finder():
    text = (
        "Run `make test`; pytest with --nbval checks notebooks.\n"
        "It runs `.venv/bin/python -m pytest --nbval --nbval-sanitize-with x.cfg`.\n"
        "```sh\n$ pytest --nbval notebooks/01.ipynb\nmake lab\n```\n"
    )
    assert readme_pytest_commands(text) == [
        "$ pytest --nbval notebooks/01.ipynb",
        ".venv/bin/python -m pytest --nbval --nbval-sanitize-with x.cfg",
    ]


def test_readme_test_command_matches_the_makefile():
    readme = REPO / "README.md"
    if not readme.exists():
        pytest.skip("README.md does not exist yet")
    text = readme.read_text(encoding="utf-8")
    assert "make test" in text, "README should tell people to run `make test`"
    # A README command may add paths or -k, but must use the Makefile's flags.
    flags = " ".join(pytest_args(MAKE_TEST))
    for command in readme_pytest_commands(text):
        assert flags in " ".join(pytest_args(command)), (
            f"README says {command.strip()!r}, the Makefile runs {MAKE_TEST!r}"
        )


def test_make_annotate_keeps_a_hostile_folder_name_out_of_the_shell(tmp_path):
    """DIR reaches the recipe through the environment: quotes in it cannot start a command."""
    if shutil.which("make") is None or not (REPO / ".venv" / ".installed").exists():
        pytest.skip("needs make and an installed .venv (make install)")
    marker = tmp_path / "pwned"
    hostile = f"{tmp_path}/nowhere';touch {marker};'"
    run = subprocess.run(["make", "-s", "annotate", f"DIR={hostile}"], cwd=REPO, capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode != 0
    assert f"folder not found: {hostile}" in run.stdout + run.stderr, run  # the name arrives whole
    assert not marker.exists(), "the folder name was run as a shell command"
    usage = subprocess.run(["make", "-s", "annotate"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert usage.returncode == 2 and "usage: make annotate DIR=" in usage.stdout


def _needs_installed_make():
    if shutil.which("make") is None or not (REPO / ".venv" / ".installed").exists():
        pytest.skip("needs make and an installed .venv (make install)")


def test_make_restore_keeps_a_hostile_lesson_out_of_the_shell(tmp_path):
    """LESSON reaches the recipe through the environment: a quote in it cannot start a command."""
    _needs_installed_make()
    marker = tmp_path / "pwned"
    hostile = f"0';touch {marker};'"
    run = subprocess.run(["make", "-s", "-o", ".venv/.installed", "restore", f"LESSON={hostile}"], cwd=REPO,
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode != 0
    assert hostile in run.stderr and "is not a lesson number" in run.stderr, run  # the value arrives whole
    assert not marker.exists(), "LESSON was run as a shell command"


def test_make_token_snippet_keeps_a_hostile_token_out_of_the_shell(tmp_path):
    """The recipes' token snippet (MAKE_TOKEN), run through make on its own: TOKEN arrives whole in JUPYTER_TOKEN."""
    _needs_installed_make()
    marker = tmp_path / "pwned"
    hostile = f"x';touch {marker};'\"`touch {marker}`"
    makefile = tmp_path / "probe.mk"
    makefile.write_text(f"include {REPO / 'Makefile'}\n"
                        "probe: export CLAIMLAB_TOKEN := $(TOKEN)\n"
                        "probe:\n\t@$(MAKE_TOKEN); printenv JUPYTER_TOKEN\n")
    run = subprocess.run(["make", "-s", "-f", str(makefile), "probe", f"TOKEN={hostile}"], cwd=REPO,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run
    assert run.stdout == hostile + "\n"
    assert not marker.exists(), "TOKEN was run as a shell command"
    # lab, demo and annotate export TOKEN the same way and start with that snippet.
    for target in ("lab", "demo", "annotate"):
        assert re.search(rf"^{target}: export CLAIMLAB_TOKEN := \$\(TOKEN\)$", MAKEFILE, re.MULTILINE), target
        recipe = makefile_recipe(target)
        assert any(line.startswith("@$(MAKE_TOKEN);") for line in recipe), target
        assert "$(TOKEN)" not in "".join(recipe), target


class MakeLab:
    """`make lab` from this checkout, with a private workspace and Jupyter folders, until stopped."""

    def __init__(self, tmp_path: Path, token: str, *, token_in_env: bool = False):
        env = {**os.environ, "JUPYTER_PLATFORM_DIRS": "1", "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"),
               "JUPYTER_DATA_DIR": str(tmp_path / "data"), "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
               "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "lab-ws")}
        env["JUPYTER_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="rt")  # short: kernel sockets live there
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "lib"), env.get("PYTHONPATH")]))
        self.runtime = env["JUPYTER_RUNTIME_DIR"]
        args = ["make", "-s", "-o", ".venv/.installed", "lab", f"WORKSPACE={tmp_path / 'ws'}", "LAB_PORT=9350"]
        if token_in_env:  # as the README says: TOKEN=... make lab
            env["TOKEN"] = token
        else:
            args.append(f"TOKEN={token}")
        self.proc = subprocess.Popen(args, cwd=REPO, env=env,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, start_new_session=True)
        self.lines: list[str] = []
        killer = threading.Timer(90, self.stop)
        killer.start()
        try:
            for line in self.proc.stdout:
                self.lines.append(line)
                if m := re.search(r"JupyterLab: (http://127\.0\.0\.1:(\d+)/\S*)", line):
                    self.url, self.port = m.group(1), int(m.group(2))
                    return
            raise AssertionError("make lab printed no address:\n" + "".join(self.lines))
        finally:
            killer.cancel()

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        shutil.rmtree(self.runtime, ignore_errors=True)


def _command_lines() -> dict[int, str]:
    out = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                out[int(d.name)] = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                pass
    return out


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc (Linux)")
def test_make_lab_keeps_the_token_off_every_command_line(tmp_path):
    """While `make lab` serves, no process's command line (what `ps` shows every user) holds the token.

    The token is given as the README says, in the environment (`TOKEN=... make lab`): on make's own
    command line it would be visible whatever the recipe did."""
    _needs_installed_make()
    token = secrets.token_hex(24)
    lab = MakeLab(tmp_path, token, token_in_env=True)
    try:
        assert f"token={token}" in lab.url
        with urllib.request.urlopen(f"http://127.0.0.1:{lab.port}/api/status?token={token}", timeout=10) as r:
            assert r.status == 200
        with pytest.raises(urllib.error.HTTPError) as denied:
            urllib.request.urlopen(f"http://127.0.0.1:{lab.port}/api/status?token=wrong", timeout=10)
        assert denied.value.code == 403
        cmdlines = _command_lines()
        assert any(f"--port={lab.port}" in c and "jupyter" in c for c in cmdlines.values()), "server not found"
        assert [c for c in cmdlines.values() if token in c] == []
        ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
        assert token not in ps
    finally:
        lab.stop()


def test_make_lab_with_a_hostile_token_runs_no_command(tmp_path):
    """The whole `make lab` recipe with a quote in TOKEN: the server starts with that token, and no command runs."""
    _needs_installed_make()
    marker = tmp_path / "pwned"
    hostile = f"x';touch {marker};'"
    lab = MakeLab(tmp_path, hostile)
    try:
        assert not marker.exists(), "TOKEN was run as a shell command"
        query = urllib.parse.urlencode({"token": hostile})
        assert lab.url.endswith("?" + query)
        with urllib.request.urlopen(f"http://127.0.0.1:{lab.port}/api/status?{query}", timeout=10) as r:
            assert r.status == 200
    finally:
        lab.stop()
    assert not marker.exists()


def test_citation_file_is_valid_cff_for_this_version():
    import yaml
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"].startswith("1.2")
    for key in ("message", "title", "authors", "version"):
        assert cff.get(key), key
    assert cff["version"] == PYPROJECT["project"]["version"]
    assert all("name" in a or "family-names" in a for a in cff["authors"])


def test_contributing_map_names_files_that_exist():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:lib|notebooks|seeds|tests)/[\w./<>-]+)`", text))
    assert len(paths) >= 8
    for p in paths:
        if "<" in p or "NN" in p or "*" in p:
            continue
        assert (REPO / p.rstrip("/")).exists(), f"CONTRIBUTING.md names {p}, which does not exist"
