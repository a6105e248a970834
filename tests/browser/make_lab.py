"""`make lab` as a student runs it, on a copy of the repository: used by test_make_lab.py and
bench/first_run.py.

``start(root)`` runs ``make lab`` in ``root`` (a copy made with ``lab.copy_repo``, whose
``.venv`` is a link to the virtualenv running this code), with empty private Jupyter folders
(so neither the host's settings nor the test harness's popup-hiding settings apply: what the
page shows comes from the project's own jupyter-config/), and returns once make has printed
the address.  ``open_and_run_first_cell(page, url)`` opens that address and runs the first
code cell of the notebook it shows, returning the time until its output is back.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import lab

ADDRESS = re.compile(r"JupyterLab: (http://127\.0\.0\.1:(\d+)/\S*)")


@dataclass
class MakeLab:
    proc: subprocess.Popen
    url: str
    port: int
    output: list[str]
    state: Path
    runtime: Path
    marker: str
    started: float  # time.monotonic() when make was started

    def stop(self) -> list[int]:
        """Stop make's process group (the server then stops its kernels); end any marked leftover."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        leftovers = [p for p in lab._marked_pids(self.marker) if lab._pid_alive(p)]
        for pid in leftovers:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return leftovers


def link_venv(root: Path) -> None:
    """Give the copy a .venv: a link to the virtualenv running this code."""
    venv = root / ".venv"
    if not venv.exists():
        venv.symlink_to(Path(sys.prefix))
    if not (venv / ".installed").exists():
        raise RuntimeError(f"{sys.prefix} was not made by make install (no .installed stamp)")


def start(root: Path, state: Path, *, runtime: Path | None = None, timeout: float = 120) -> MakeLab:
    """``make lab`` in ``root``; returns once it printed the address (which it does once the server answers)."""
    link_venv(root)
    dirs = {"JUPYTER_CONFIG_DIR": state / "config", "JUPYTER_DATA_DIR": state / "data",
            "JUPYTERLAB_SETTINGS_DIR": state / "user-settings", "JUPYTERLAB_WORKSPACES_DIR": state / "workspaces",
            "IPYTHONDIR": state / "ipython"}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    # Short: the kernels' sockets live here, and a socket's path may not exceed 107 bytes.
    runtime = runtime or Path(tempfile.mkdtemp(prefix="jrt"))
    env = {**os.environ, **{k: str(v) for k, v in dirs.items()}, "JUPYTER_RUNTIME_DIR": str(runtime),
           "JUPYTER_PLATFORM_DIRS": "1"}
    for name in ("PLOTLY_RENDERER", "CLAIMLAB_SELF_CHECK", "JUPYTER_CONFIG_PATH", "JUPYTER_TOKEN", "TOKEN"):
        env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root / "lib"), os.environ.get("PYTHONPATH")]))
    marker = os.urandom(8).hex()
    env[lab._MARKER_ENV] = marker
    started = time.monotonic()
    proc = subprocess.Popen(["make", "-s", "-o", ".venv/.installed", "lab", f"LAB_PORT={lab.free_port()}"],
                            cwd=root, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    output: list[str] = []
    timer = threading.Timer(timeout, lambda: proc.poll() is None and os.killpg(proc.pid, signal.SIGKILL))
    timer.start()
    try:
        for line in proc.stdout:
            output.append(line)
            if m := ADDRESS.search(line):
                break
        else:
            raise RuntimeError("make lab printed no address:\n" + "".join(output))
    finally:
        timer.cancel()
    # Keep reading what the server prints, so that its pipe never fills up.
    threading.Thread(target=lambda: output.extend(proc.stdout), daemon=True).start()
    return MakeLab(proc, m.group(1), int(m.group(2)), output, state, runtime, marker, started)


# Sets window.__firstCell to a promise that resolves when the first code cell's prompt has gone
# from "[*]" (running) to a number and the cell has an output; rejects after `timeout` ms.
_WATCH_FIRST_CELL = """
([timeout]) => { window.__firstCell = new Promise((resolve, reject) => {
  const cell = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell');
  if (!cell) { reject(new Error('no code cell')); return; }
  const prompt = () => (cell.querySelector('.jp-InputPrompt')?.textContent || '').trim();
  let ran = false;
  const check = () => {
    if (prompt().includes('*')) ran = true;
    if (ran && /\\[\\d+\\]/.test(prompt()) && cell.querySelector('.jp-OutputArea-output')) {
      observer.disconnect(); resolve(performance.now());
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(cell, {subtree: true, childList: true, characterData: true});
  setTimeout(() => { observer.disconnect(); reject(new Error('first cell did not finish: ' + prompt())); }, timeout);
}); }
"""


def wait_for_kernel(server: MakeLab, token: str, path: str, timeout: float = 120) -> None:
    """Until the server has a session for ``path`` whose kernel is idle with the page connected."""
    import json
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        req = urllib.request.Request(f"http://127.0.0.1:{server.port}/api/sessions",
                                     headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            sessions = json.loads(resp.read())
        for s in sessions:
            k = s.get("kernel") or {}
            if s.get("path") == path and k.get("execution_state") == "idle" and k.get("connections", 0) >= 1:
                return
        time.sleep(0.1)
    raise TimeoutError(f"no idle kernel for {path} after {timeout:.0f} s")


def open_and_run_first_cell(page, server: MakeLab, *, timeout: float = 180) -> dict:
    """Open make lab's address, wait for lesson 01's kernel, run its first code cell.

    Returns the times (seconds since make started): ``address`` (printed), ``page`` (notebook
    shown), ``kernel`` (kernel idle and connected), ``output`` (first cell's output back).
    """
    token = re.search(r"[?&]token=([^&]+)", server.url).group(1)
    path = re.search(r"/lab/tree/([^?]+)", server.url).group(1)
    times = {"address": time.monotonic() - server.started}
    page.goto(server.url, wait_until="domcontentloaded", timeout=timeout * 1000)
    first = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").first
    first.wait_for(state="visible", timeout=timeout * 1000)
    times["page"] = time.monotonic() - server.started
    wait_for_kernel(server, token, path, timeout)
    times["kernel"] = time.monotonic() - server.started
    page.evaluate(_WATCH_FIRST_CELL, [timeout * 1000])
    first.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    page.evaluate("() => window.__firstCell")  # waits for the promise
    times["output"] = time.monotonic() - server.started
    return times
