"""Helpers for end-to-end tests that drive a real JupyterLab in headless Chromium.

The pytest fixtures in ``conftest.py`` (``lab_server``, ``browser``, ``page``)
wire these together. A test then reads:

    def test_lesson(page, lab_server):
        lab.open_and_run(page, lab_server, "notebooks/01_intro.ipynb")
        warnings = lab.assert_no_errors(page)     # exceptions fail, warnings returned
        assert lab.count_plotly_figures(page) == 2
        assert lab.count_widgets(page) == 1
        lab.screenshot(page, "01_intro")           # <repo>/screenshots/01_intro.png

The functions are plain Python, usable from a REPL while debugging:

    server = start_lab(copy_repo(REPO_ROOT, Path("/tmp/x/repo")), Path("/tmp/x/state"))
    ...
    stop_lab(server)

Design notes (the "why" behind the less obvious choices):

* The server runs on a *copy* of the repository so notebooks can write files
  and autosave without touching the working tree.
* Every Jupyter directory (config, data, runtime, user settings, workspaces,
  IPython) is redirected into a private state directory, so the host's user
  config cannot change what the tests see, and the popups that would cover the
  UI (news consent, update check) are switched off there.
* Notebook windowing is turned off (``windowingMode: none``) so every cell is
  in the DOM and rendered; otherwise cells outside the viewport may be skipped
  and counts of figures/widgets would depend on the window size.
* Kernels are started by jupyter_client in their *own* session (process
  group), so killing the server's process group does not reach them.  Every
  process we start carries an environment marker; ``stop_lab`` finds and ends
  any marked process still alive after the server stopped, and the server
  is told (PR_SET_PDEATHSIG) to stop if pytest dies without teardown.
* Each page opens a new, empty JupyterLab workspace: the default one would
  reopen every notebook earlier tests opened, each with its own kernel.
* "Kernel idle" is taken from the server (session, idle, websocket
  connected), not from the toolbar, which says idle before a kernel exists;
  "Run All" sent then is dropped without a word.
* Plotly: the kernel's default renderer in JupyterLab is "plotly_mimetype",
  drawn by the jupyterlab-plotly extension that the plotly wheel installs,
  with plotly.js bundled: works offline. "notebook_connected" and
  "iframe_connected" load plotly.js from a CDN and draw nothing here.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / "screenshots"

# Top-level entries never copied into the server's root directory.
COPY_EXCLUDE = (".venv", "workspace", "screenshots", ".git")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # There is no internet here: make every other host unresolvable so that
    # e.g. a CDN script fails at once (recorded by watch_page) instead of
    # hanging. Done in the browser, not with page.route(), which would send
    # every JupyterLab asset through Python and switch the HTTP cache off.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]
VIEWPORT = {"width": 1400, "height": 900}

_MARKER_ENV = "CLAIMLAB_BROWSER_TEST_RUN"


# --------------------------------------------------------------------------
# Browser discovery
# --------------------------------------------------------------------------


def find_chromium() -> str | None:
    """Path of the Chromium binary to use, or None.

    ``$CHROMIUM`` wins when set (and must then exist); otherwise
    /usr/bin/chromium, then chromium / chromium-browser on PATH.
    """
    env = os.environ.get("CHROMIUM")
    if env:
        return env if os.access(env, os.X_OK) else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


# --------------------------------------------------------------------------
# Repository copy
# --------------------------------------------------------------------------


def repo_files(src: Path = REPO_ROOT) -> list[str]:
    """Tracked files plus untracked files git does not ignore, as relative paths."""
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=src,
        check=True,
        capture_output=True,
    ).stdout.decode()
    files = []
    for rel in sorted(set(filter(None, out.split("\0")))):
        if rel.split("/", 1)[0] in COPY_EXCLUDE:
            continue
        files.append(rel)
    return files


def copy_repo(src: Path, dst: Path) -> Path:
    """Copy the repository's working-tree files (see ``repo_files``) into ``dst``."""
    dst.mkdir(parents=True, exist_ok=True)
    for rel in repo_files(src):
        s = src / rel
        if not s.is_file():  # tracked but deleted in the working tree, or a submodule
            continue
        d = dst / rel
        d.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(s, d)
    return dst


# --------------------------------------------------------------------------
# JupyterLab server
# --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    root: Path
    state: Path
    port: int
    token: str
    proc: subprocess.Popen
    marker: str
    log_path: Path
    started_s: float = 0.0  # how long it took to answer /api/status

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def lab_url(self, notebook_relpath: str | None = None, *, workspace: str | None = None) -> str:
        """URL of JupyterLab, optionally opening a notebook.

        Each call uses a new, empty workspace unless one is named: JupyterLab
        otherwise restores the tabs of the last page (reopening, and starting
        kernels for, every notebook an earlier test opened).
        """
        workspace = workspace or f"t{uuid.uuid4().hex[:12]}"
        path = f"/lab/workspaces/{workspace}"
        if notebook_relpath:
            path += "/tree/" + urllib.parse.quote(notebook_relpath)
        return f"{self.base_url}{path}?token={self.token}"

    def api(self, method: str, path: str, body: Any = None, timeout: float = 10) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"{self.base_url}{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def sessions(self) -> list[dict]:
        return self.api("GET", "/api/sessions")

    def session_for(self, notebook_relpath: str) -> dict | None:
        for s in self.sessions():
            if s.get("path") == notebook_relpath:
                return s
        return None

    def start_session(self, notebook_relpath: str, kernel_name: str | None = None) -> dict:
        """Create a notebook session (starting its kernel) through the REST API."""
        if kernel_name is None:
            try:
                meta = json.loads((self.root / notebook_relpath).read_text()).get("metadata", {})
                kernel_name = meta.get("kernelspec", {}).get("name") or "python3"
            except (OSError, ValueError):
                kernel_name = "python3"
        body = {
            "path": notebook_relpath,
            "name": Path(notebook_relpath).name,
            "type": "notebook",
            "kernel": {"name": kernel_name},
        }
        return self.api("POST", "/api/sessions", body, timeout=60)

    def shutdown_kernels(self) -> None:
        """Delete every session (which shuts its kernel down)."""
        for s in self.sessions():
            try:
                self.api("DELETE", f"/api/sessions/{s['id']}", timeout=30)
            except urllib.error.HTTPError:
                pass

    def log_tail(self, n: int = 40) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no server log)"
        return "\n".join(lines[-n:])


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2))


def _prepare_state(state: Path) -> dict[str, str]:
    """Private Jupyter dirs + settings that keep popups away. Returns env vars."""
    dirs = {
        "JUPYTER_CONFIG_DIR": state / "config",
        "JUPYTER_DATA_DIR": state / "data",
        "JUPYTER_RUNTIME_DIR": state / "runtime",
        "JUPYTERLAB_SETTINGS_DIR": state / "user-settings",
        "JUPYTERLAB_WORKSPACES_DIR": state / "workspaces",
        "IPYTHONDIR": state / "ipython",
    }
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    settings = dirs["JUPYTERLAB_SETTINGS_DIR"]
    # The news-consent toast ("Would you like to get notified about official
    # Jupyter news?") and the update check are answered "no" here ...
    _write_json(
        settings / "@jupyterlab/apputils-extension/notification.jupyterlab-settings",
        {"fetchNews": "false", "checkForUpdates": False},
    )
    # ... and the plugin that asks is disabled, as the JupyterLab docs
    # (user/announcements) suggest via `jupyter labextension disable`, which
    # writes exactly this file into the config dir.
    _write_json(
        dirs["JUPYTER_CONFIG_DIR"] / "labconfig/page_config.json",
        {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}},
    )
    # Render every cell (no virtual scrolling), no kernel-select dialog guess.
    _write_json(
        settings / "@jupyterlab/notebook-extension/tracker.jupyterlab-settings",
        {"windowingMode": "none"},
    )
    return {k: str(v) for k, v in dirs.items()}


def _die_with_parent() -> None:  # runs in the child between fork and exec
    """Ask Linux to SIGTERM the server if pytest dies without tearing down
    (killed, timed out): jupyter_server then shuts its kernels down itself."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def start_lab(root: Path, state: Path, *, timeout: float = 90) -> LabServer:
    """Start ``python -m jupyterlab`` serving ``root``; wait until /api/status answers."""
    state.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(_prepare_state(state))
    marker = uuid.uuid4().hex
    env[_MARKER_ENV] = marker
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env.pop("PLOTLY_RENDERER", None)  # test the renderer the course really gets
    # notebooks/conftest.py turns on the lessons' self-check cells for nbval in this process;
    # a student's browser session never has them, and they would move the widgets under test.
    env.pop("CLAIMLAB_SELF_CHECK", None)
    lib = root / "lib"
    if lib.is_dir():  # notebooks import the package from the copy under test
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(lib), env.get("PYTHONPATH")]))
    token = secrets.token_hex(24)
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",  # fail loudly instead of silently moving port
        f"--IdentityProvider.token={token}",  # jupyter_server >= 2.0 name
        f"--ServerApp.root_dir={root}",
        "--ServerApp.terminals_enabled=False",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log_path = state / "jupyterlab.log"
    log = open(log_path, "wb")
    t0 = time.monotonic()
    proc = subprocess.Popen(
        cmd,
        cwd=root,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # own process group: terminated as a whole
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )
    log.close()
    server = LabServer(root=root, state=state, port=port, token=token, proc=proc, marker=marker, log_path=log_path)
    deadline = t0 + timeout
    last_err: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"JupyterLab exited with code {proc.returncode} before answering /api/status.\n"
                f"command: {' '.join(cmd)}\n--- log tail ---\n{server.log_tail()}"
            )
        try:
            server.api("GET", "/api/status", timeout=2)
            server.started_s = time.monotonic() - t0
            return server
        except (urllib.error.URLError, ConnectionError, OSError) as exc:
            last_err = exc
            time.sleep(0.25)
    stop_lab(server)
    raise TimeoutError(
        f"JupyterLab did not answer /api/status within {timeout:.0f}s (last error: {last_err}).\n"
        f"--- log tail ---\n{server.log_tail()}"
    )


def _marked_pids(marker: str) -> list[int]:
    """PIDs of live processes whose environment carries our marker (Linux /proc)."""
    needle = f"{_MARKER_ENV}={marker}".encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                pids.append(int(entry.name))
        except OSError:
            continue
    return pids


def _pid_alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def stop_lab(server: LabServer, *, timeout: float = 20) -> list[int]:
    """Shut the server down cleanly; returns PIDs of leftovers that had to be killed."""
    proc = server.proc
    if proc.poll() is None:
        try:  # kernels first, politely, so they can flush and remove their files
            server.shutdown_kernels()
        except Exception:
            pass
        try:
            server.api("POST", "/api/shutdown", timeout=5)
        except Exception:
            pass
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
                try:
                    os.killpg(proc.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    proc.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
    # Kernels live in their own process groups; end any marked survivor.
    leftovers = [p for p in _marked_pids(server.marker) if _pid_alive(p)] if sys.platform.startswith("linux") else []
    for sig in (signal.SIGTERM, signal.SIGKILL):
        alive = [p for p in leftovers if _pid_alive(p)]
        for pid in alive:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 5
        while alive and time.monotonic() < deadline:
            alive = [p for p in alive if _pid_alive(p)]
            time.sleep(0.1)
    if leftovers:
        warnings.warn(f"killed {len(leftovers)} process(es) left behind by JupyterLab: {leftovers}", stacklevel=2)
    return leftovers


# --------------------------------------------------------------------------
# Page bookkeeping: dialogs, console errors, blocked requests
# --------------------------------------------------------------------------


@dataclass
class PageRecord:
    dialogs: list[tuple[str, str]] = field(default_factory=list)  # (type, message)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)


_RECORDS: dict[int, PageRecord] = {}


def watch_page(page) -> PageRecord:
    """Record dialogs (and dismiss them), page errors, console errors and
    failed requests to other hosts (``blocked_requests``) of ``page``.

    ``beforeunload`` prompts (JupyterLab's "unsaved changes" on navigation)
    are dismissed but not counted as script execution.
    """
    rec = _RECORDS.get(id(page))
    if rec is not None:
        return rec
    rec = PageRecord()
    _RECORDS[id(page)] = rec

    def on_dialog(dialog):
        if dialog.type != "beforeunload":
            rec.dialogs.append((dialog.type, dialog.message))
        try:
            dialog.dismiss()
        except Exception:
            pass

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: rec.page_errors.append(str(exc)))
    page.on("console", lambda msg: rec.console_errors.append(msg.text) if msg.type == "error" else None)

    def on_failed(request):
        host = urllib.parse.urlsplit(request.url).hostname or ""
        if host and host not in ("127.0.0.1", "localhost", "::1"):
            rec.blocked_requests.append(request.url)

    page.on("requestfailed", on_failed)
    return rec


def forget_page(page) -> None:
    _RECORDS.pop(id(page), None)


def page_record(page) -> PageRecord:
    rec = _RECORDS.get(id(page))
    if rec is None:
        raise RuntimeError("page is not watched: call watch_page(page) right after creating it")
    return rec


# --------------------------------------------------------------------------
# Driving a notebook
# --------------------------------------------------------------------------

# JS expression: the notebook panel on screen (the last one, if several).
_PANEL = (
    "[...document.querySelectorAll('.jp-NotebookPanel')]"
    ".filter(p => !p.classList.contains('lm-mod-hidden') && p.offsetParent !== null).pop()"
)

# State of the visible notebook, computed in the page. Prompts are the text of
# the input prompts ("[3]:", "[*]:", "[ ]:"); empty code cells never execute;
# kernel is the toolbar's execution indicator; stderr counts stderr-mime
# outputs (warnings and exceptions alike).
_NOTEBOOK_STATE_JS = """
() => {
  const panel = PANEL;
  const dialogs = [...document.querySelectorAll('.jp-Dialog')].map(d => d.innerText.trim().slice(0, 500));
  if (!panel) return {panel: false, dialogs};
  const ind = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const cells = [...panel.querySelectorAll('.jp-Notebook .jp-CodeCell')].map((c, i) => {
    const prompt = (c.querySelector('.jp-InputArea-prompt')?.innerText || '').trim();
    const src = (c.querySelector('.cm-content')?.innerText || '').trim();
    return {prompt, empty: src.length === 0};
  });
  return {
    panel: true,
    dialogs,
    kernel: ind ? ind.getAttribute('data-status') : null,
    cells,
    stderr: panel.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').length,
  };
}
""".replace("PANEL", _PANEL)


def notebook_state(page) -> dict:
    return page.evaluate(_NOTEBOOK_STATE_JS)


def _fail(msg: str, page, server: LabServer | None = None, name: str = "failure") -> None:
    shot = None
    try:
        shot = screenshot(page, f"FAILED-{name}")
    except Exception:
        pass
    extra = f"\nscreenshot: {shot}" if shot else ""
    if server is not None:
        extra += f"\n--- server log tail ---\n{server.log_tail(15)}"
    raise AssertionError(msg + extra)


def _poll(page, predicate, timeout: float, interval: float = 0.25):
    """Evaluate notebook_state until predicate(state) is truthy; returns (ok, state)."""
    deadline = time.monotonic() + timeout
    state: dict = {}
    while True:
        state = notebook_state(page)
        if predicate(state):
            return True, state
        if time.monotonic() >= deadline:
            return False, state
        page.wait_for_timeout(interval * 1000)


def _kernel_dead(state: dict) -> str | None:
    for d in state.get("dialogs", []):
        if "kernel" in d.lower() and ("died" in d.lower() or "restarting" in d.lower()):
            return d
    # "unknown" shows up transiently while busy with large outputs: not fatal.
    if state.get("kernel") in ("dead", "autorestarting"):
        return f"kernel status {state.get('kernel')!r}"
    return None


def kernel_ready(server: LabServer, notebook_relpath: str) -> str | None:
    """None when the notebook's kernel is idle and the page is connected to it, else why not.

    The toolbar indicator alone is not enough: it says "idle" by default
    before the page has even started its session, and "Run All" issued then
    is silently dropped by JupyterLab (no kernel yet). The server knows
    better: the session exists, the kernel is idle and has a websocket.
    """
    session = server.session_for(notebook_relpath)
    if not session or not session.get("kernel"):
        return "no session for the notebook yet"
    kernel = server.api("GET", f"/api/kernels/{session['kernel']['id']}")
    if kernel.get("execution_state") != "idle":
        return f"kernel {kernel.get('execution_state')!r}"
    if not kernel.get("connections"):
        return "page not connected to the kernel yet"
    return None


def open_notebook(page, server: LabServer, notebook_relpath: str, *, timeout: float = 90) -> None:
    """Open ``notebook_relpath`` (relative to the server root) on a fresh kernel; wait until it is ready."""
    if not (server.root / notebook_relpath).is_file():
        raise FileNotFoundError(f"no notebook {notebook_relpath!r} under {server.root}")
    # A kernel left from an earlier open of the same path would keep its state.
    old = server.session_for(notebook_relpath)
    if old:
        server.api("DELETE", f"/api/sessions/{old['id']}", timeout=30)
    # Start the kernel now, so it boots while the page loads JupyterLab (the
    # page then joins this session); it also spares the "Select Kernel"
    # dialog for a notebook without kernelspec metadata.
    server.start_session(notebook_relpath)
    watch_page(page)
    name = Path(notebook_relpath).stem
    deadline = time.monotonic() + timeout
    page.goto(server.lab_url(notebook_relpath), wait_until="domcontentloaded", timeout=timeout * 1000)
    why = "notebook panel not shown"
    stable = 0  # consecutive polls that found everything ready
    while time.monotonic() < deadline:
        state = notebook_state(page)
        if state.get("dialogs"):
            _fail(f"a dialog blocks {notebook_relpath}: {state['dialogs']}", page, server, name)
        if not state.get("panel"):
            why = "notebook panel not shown"
        elif state.get("kernel") != "idle":
            why = f"toolbar kernel status {state.get('kernel')!r}"
        else:
            why = kernel_ready(server, notebook_relpath)
        stable = stable + 1 if why is None else 0
        if stable >= 3:
            return
        page.wait_for_timeout(250)
    _fail(f"{notebook_relpath}: kernel not ready after {timeout:.0f}s: {why}", page, server, name)


def _menu_command(page, menu: str, command: str, timeout: float = 15) -> None:
    """Click top menu ``menu`` then the item bound to lumino ``command`` id."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{re.escape(menu)}$")).first.click(timeout=timeout * 1000)
    item = page.locator(f'.lm-Menu-item[data-command="{command}"]').first
    item.wait_for(state="visible", timeout=timeout * 1000)
    if item.get_attribute("aria-disabled") == "true" or "lm-mod-disabled" in (item.get_attribute("class") or ""):
        page.keyboard.press("Escape")
        raise AssertionError(f"menu {menu} > {command} is disabled")
    item.click(timeout=timeout * 1000)


def run_all(page, server: LabServer | None = None, notebook_relpath: str = "", *, timeout: float = 300) -> dict:
    """Clear outputs, run all cells, wait until every cell finished. Returns the final state."""
    name = Path(notebook_relpath).stem or "notebook"
    # A blank baseline (outputs saved in the .ipynb would otherwise look "done").
    _menu_command(page, "Edit", "editmenu:clear-all")
    ok, state = _poll(page, lambda s: all(not re.search(r"\d|\*", c["prompt"]) for c in s.get("cells", [])), 15)
    if not ok:
        _fail(f"{notebook_relpath}: clearing outputs did not reset the prompts: {state.get('cells')}", page, server, name)
    if not any(not c["empty"] for c in notebook_state(page).get("cells", [])):
        return notebook_state(page)  # nothing to run
    started = lambda s: any(re.search(r"\d|\*", c["prompt"]) for c in s.get("cells", []))  # noqa: E731
    for _ in range(3):
        _menu_command(page, "Run", "runmenu:run-all")
        ok, state = _poll(page, started, 10)
        if ok:
            break
        # JupyterLab drops "Run All" without a word when its kernel
        # connection is not up; nothing was queued, so asking again is safe.
    else:
        _fail(f"{notebook_relpath}: Run All Cells started nothing (3 tries); state: {state}", page, server, name)

    def finished(s: dict) -> bool:
        if _kernel_dead(s):
            return True
        cells = s.get("cells", [])
        if any("*" in c["prompt"] for c in cells) or s.get("kernel") != "idle":
            return False
        executed = all(re.fullmatch(r"\[\d+\]:?", c["prompt"]) or c["empty"] for c in cells)
        # After an exception the kernel aborts the rest; those keep "[ ]:".
        return executed or s.get("stderr", 0) > 0

    ok, state = _poll(page, finished, timeout)
    dead = _kernel_dead(state)
    if dead:
        _fail(f"{notebook_relpath}: the kernel died while running: {dead}", page, server, name)
    if not ok:
        busy = [i for i, c in enumerate(state.get("cells", [])) if "*" in c["prompt"]]
        _fail(
            f"{notebook_relpath}: cells still running after {timeout:.0f}s "
            f"(kernel status={state.get('kernel')!r}; code cells still [*]: {busy}; "
            f"prompts: {[c['prompt'] for c in state.get('cells', [])]})",
            page,
            server,
            name,
        )
    # Let renderers (plotly, widget views) attach after the last message.
    page.wait_for_timeout(300)
    return state


def open_and_run(page, server: LabServer, notebook_relpath: str, *, open_timeout: float = 90, run_timeout: float = 300) -> dict:
    """Open the notebook on a fresh kernel, run all cells, wait until all finished."""
    open_notebook(page, server, notebook_relpath, timeout=open_timeout)
    return run_all(page, server, notebook_relpath, timeout=run_timeout)


# --------------------------------------------------------------------------
# Assertions and inspection
# --------------------------------------------------------------------------

_OUTPUTS_JS = """
() => {
  const root = PANEL || document;
  const out = [];
  const cells = [...root.querySelectorAll('.jp-Notebook .jp-CodeCell')];
  cells.forEach((cell, index) => {
    cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').forEach(node => {
      out.push({cell: index, text: node.innerText});
    });
  });
  return out;
}
""".replace("PANEL", _PANEL)

# JupyterLab renders an error output with the same stderr mime type as a
# stream written to stderr (the model also has application/vnd.jupyter.error,
# but nothing in the DOM says so), and never merges the two into one node.
# So the text tells them apart: IPython's traceback header or "Cell In[n]"
# locator, or (for %xmode Minimal) a last line "SomeError: message" starting
# at column 0. A warning printed by the warnings module starts with
# "path:line: SomeWarning:" and ends with the indented source line.
_TRACEBACK_RE = re.compile(
    r"Traceback \(most recent call last\)|^\s*Cell In\[\d+\], line \d+|^\s*File \"[^\"]+\", line \d+", re.M
)
_EXCEPTION_LINE_RE = re.compile(r"[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Iteration)(?::.*)?")


def is_exception_text(text: str) -> bool:
    """True if a stderr-mime output's text is a Python exception, not a warning."""
    if _TRACEBACK_RE.search(text):
        return True
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return bool(lines) and bool(_EXCEPTION_LINE_RE.fullmatch(lines[-1].rstrip()))


def stderr_outputs(page) -> list[dict]:
    """Every stderr-mime output of the visible notebook: [{cell, text, exception}]."""
    items = page.evaluate(_OUTPUTS_JS)
    for it in items:
        it["exception"] = is_exception_text(it["text"])
    return items


def error_outputs(page) -> list[dict]:
    return [o for o in stderr_outputs(page) if o["exception"]]


def warning_outputs(page) -> list[dict]:
    return [o for o in stderr_outputs(page) if not o["exception"]]


def assert_no_errors(page) -> list[dict]:
    """Fail if any cell shows a Python exception; return the stderr warnings (not fatal)."""
    errors = error_outputs(page)
    if errors:
        detail = "\n\n".join(f"--- code cell #{e['cell']} ---\n{e['text'][-2000:]}" for e in errors)
        raise AssertionError(f"{len(errors)} cell(s) raised an exception:\n{detail}")
    return warning_outputs(page)


def count_plotly_figures(page) -> int:
    """Plotly figures actually drawn (an SVG inside .js-plotly-plot) in the visible notebook."""
    return page.evaluate(
        f"""() => [...({_PANEL} || document).querySelectorAll('.js-plotly-plot')]
                 .filter(p => p.querySelector('.main-svg')).length"""
    )


_WIDGETS_JS = r"""
() => {
  const root = PANEL || document;
  const outputs = [...root.querySelectorAll('.jp-OutputArea-output')];
  // An output node that hosts a widget view has it as a direct child: ipywidgets' views carry the class
  // jupyter-widgets; an anywidget view (claimlab's figure labeller) is only a Lumino widget in the
  // renderer's panel.
  const hosts = outputs.filter(o => o.querySelector(':scope > .jupyter-widgets') ||
                                    (o.classList.contains('lm-Panel') && o.querySelector(':scope > .lm-Widget')));
  const text = outputs.map(o => o.innerText).join('\n');
  return {
    widgets: hosts.length,
    views: root.querySelectorAll('.jupyter-widgets').length,
    errors: text.match(/Error displaying widget[^\n]*/g) || [],
    loading: (text.match(/Loading widget\.\.\./g) || []).length,
  };
}
""".replace("PANEL", _PANEL)


def widget_summary(page) -> dict:
    return page.evaluate(_WIDGETS_JS)


def count_widgets(page, *, settle: float = 10) -> int:
    """Output nodes of the visible notebook that show an ipywidgets view.

    A ``VBox([dropdown, html])`` counts once; a widget displayed inside an
    Output widget counts too (it has an output node of its own).

    Fails if any output says "Error displaying widget", or still says
    "Loading widget..." after ``settle`` seconds.
    """
    deadline = time.monotonic() + settle
    while True:
        s = widget_summary(page)
        if s["errors"]:
            raise AssertionError(f"widget rendering failed: {s['errors']}")
        if not s["loading"]:
            return s["widgets"]
        if time.monotonic() >= deadline:
            raise AssertionError(f"{s['loading']} widget(s) still 'Loading widget...' after {settle:.0f}s")
        page.wait_for_timeout(250)


_SETTLE_JS = r"""
async (el, [quiet, limit]) => {
  el.scrollIntoView({block: 'nearest', inline: 'nearest'});
  // Timers, not animation frames: a headless renderer that produces no frame for a while (seen once in CI,
  // after the window shrank back from a full-notebook screenshot) must not turn this into a hang.
  const box = () => { const r = el.getBoundingClientRect();
                      return [r.x, r.y, r.width, r.height].map(Math.round).join(','); };
  const seen = [box()];
  const start = performance.now();
  let since = start;
  while (performance.now() - since < quiet) {
    if (performance.now() - start > limit) return seen.slice(-6);
    await new Promise(f => setTimeout(f, 50));
    const b = box();
    if (b !== seen[seen.length - 1]) { seen.push(b); since = performance.now(); }
  }
  return null;
}
"""


def scroll_to(locator, *, quiet: float = 0.3, limit: float = 10) -> None:
    """Scroll ``locator``'s element into view and wait until its box holds still for ``quiet`` seconds.

    Unlike Playwright's ``scroll_into_view_if_needed`` this does not wait on animation frames, and an
    element that is still moving after ``limit`` seconds fails with the boxes (x,y,w,h) it went through.
    """
    moving = locator.evaluate(_SETTLE_JS, [quiet * 1000, limit * 1000])
    if moving:
        raise AssertionError(f"element still moving {limit:.0f}s after being scrolled into view; "
                             f"its last boxes (x,y,w,h): {moving}")


def screenshot(page, name: str, *, directory: Path | None = None, max_height: int = 12000) -> Path:
    """Full-notebook PNG in <repo>/screenshots/<name>.png.

    JupyterLab's page is exactly one viewport high and the notebook scrolls
    inside it, so Playwright's ``full_page`` alone shows only the first
    screen: the viewport is grown to the notebook's scroll height for the
    shot and restored afterwards.
    """
    directory = directory or SCREENSHOT_DIR
    directory.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "shot"
    path = directory / f"{safe}.png"
    size = page.viewport_size or VIEWPORT
    # How far the last cell reaches below the notebook's visible area (the
    # notebook's own bottom padding, there for scrolling past the end, is
    # left out).
    extra = page.evaluate(
        f"""() => {{
             const panel = {_PANEL};
             const scroller = panel && (panel.querySelector('.jp-WindowedPanel-outer') || panel.querySelector('.jp-Notebook'));
             const cells = panel ? panel.querySelectorAll('.jp-Notebook .jp-Cell') : [];
             if (!scroller || !cells.length) return 0;
             scroller.scrollTop = 0;
             const last = cells[cells.length - 1].getBoundingClientRect().bottom;
             return Math.ceil(last - scroller.getBoundingClientRect().bottom + 24);
           }}"""
    )
    grow = min(int(extra), max_height - size["height"]) if extra else 0
    try:
        if grow > 0:
            page.set_viewport_size({"width": size["width"], "height": size["height"] + grow})
            page.wait_for_timeout(300)
        page.screenshot(path=str(path), full_page=True)
    finally:
        if grow > 0:
            page.set_viewport_size(size)
    return path


def assert_no_script_ran(page, markers: tuple[str, ...] = ("__pwned",), attributes: tuple[str, ...] = ("data-pwned",)) -> None:
    """Fail if an injected payload executed or was inserted as live markup.

    Checks: no alert/confirm/prompt dialog was opened on the page (needs
    ``watch_page``); no ``window[<marker>]`` global; no element carrying one
    of ``attributes``; no element inside a notebook output with an inline
    ``on*`` event handler or a ``<script>`` mentioning a marker.
    """
    rec = page_record(page)
    found = page.evaluate(
        """([markers, attributes]) => {
             const problems = [];
             for (const m of markers) if (window[m] !== undefined) problems.push(`window.${m} = ${window[m]}`);
             for (const a of attributes) document.querySelectorAll(`[${a}]`).forEach(
                 el => problems.push(`<${el.tagName.toLowerCase()} ${a}=${el.getAttribute(a)}>`));
             document.querySelectorAll('.jp-OutputArea-output *').forEach(el => {
               for (const attr of el.getAttributeNames())
                 if (attr.toLowerCase().startsWith('on')) problems.push(`<${el.tagName.toLowerCase()} ${attr}=...> in an output`);
               if (el.tagName === 'SCRIPT' && markers.some(m => el.textContent.includes(m)))
                 problems.push(`<script> with payload in an output`);
             });
             return problems;
           }""",
        [list(markers), list(attributes)],
    )
    problems = [f"{t} dialog: {m!r}" for t, m in rec.dialogs] + found
    if problems:
        raise AssertionError("injected markup was live or script ran:\n  " + "\n  ".join(problems))


def write_notebook(path: Path, cells: list[str]) -> Path:
    """Write a Python 3 notebook with one code cell per source string (markdown if it starts with '# md')."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for src in cells:
        if src.startswith("# md\n"):
            nb.cells.append(nbformat.v4.new_markdown_cell(src[5:]))
        else:
            nb.cells.append(nbformat.v4.new_code_cell(src))
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path
