"""JupyterLab starts quietly with the course's settings, both for `make lab` (jupyter-config/ on
JUPYTER_CONFIG_PATH) and on Binder (postBuild writes the same settings into the environment):
no news question, no news fetched, no update check, kernels on private sockets.

These tests ask a real JupyterLab server through its REST API what its pages are given; the
browser test tests/browser/test_make_lab.py looks at the page itself.
"""

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTIFICATION = "@jupyterlab/apputils-extension:notification"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the course's server setup is for Linux and macOS")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """`python -m jupyterlab` with private Jupyter folders and the given extra config path and options."""

    def __init__(self, tmp: Path, config_path: Path, *args: str):
        self.token, self.port = secrets.token_hex(16), _free_port()
        self.runtime = Path(tempfile.mkdtemp(prefix="rt"))  # short: kernel sockets live there
        env = {**os.environ, "JUPYTER_PLATFORM_DIRS": "1", "JUPYTER_CONFIG_DIR": str(tmp / "cfg"),
               "JUPYTER_DATA_DIR": str(tmp / "data"), "JUPYTER_RUNTIME_DIR": str(self.runtime),
               "JUPYTERLAB_SETTINGS_DIR": str(tmp / "settings"), "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "ws"),
               "JUPYTER_CONFIG_PATH": str(config_path), "JUPYTER_TOKEN": self.token}
        (tmp / "root").mkdir(exist_ok=True)
        self.log = tmp / "lab.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
                                          f"--port={self.port}", "--ServerApp.port_retries=0", "--allow-root",
                                          *args], cwd=tmp / "root", env=env, stdin=subprocess.DEVNULL,
                                         stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                self.get("/api/status")
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("JupyterLab did not start:\n" + self.stop()) from None
                time.sleep(0.3)

    def get(self, path: str, method: str = "GET", body: dict | None = None) -> bytes:
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.read()

    def notification_defaults(self) -> dict:
        schema = json.loads(self.get(f"/lab/api/settings/{NOTIFICATION}"))["schema"]["properties"]
        return {key: schema[key]["default"] for key in ("fetchNews", "checkForUpdates")}

    def page_config(self) -> dict:
        html = self.get("/lab").decode()
        m = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.DOTALL)
        assert m, "no page config in /lab"
        return json.loads(m.group(1))

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.runtime, ignore_errors=True)
        return self.log.read_text(errors="replace")


def test_without_the_course_settings_jupyterlab_asks_about_news(tmp_path):
    """The control: what the settings below change is really JupyterLab's default."""
    lab = Lab(tmp_path, tmp_path / "no-config")
    try:
        assert lab.notification_defaults() == {"fetchNews": "none", "checkForUpdates": True}
        assert lab.page_config()["news"] == {"disabled": False}
    finally:
        lab.stop()


def test_make_lab_settings_switch_news_and_update_checks_off_and_use_private_kernel_sockets(tmp_path):
    lab = Lab(tmp_path, REPO / "jupyter-config")
    try:
        assert lab.notification_defaults() == {"fetchNews": "false", "checkForUpdates": False}
        assert lab.page_config()["news"] == {"disabled": True}
        assert json.loads(lab.get("/lab/api/update")) == {"notification": None}
        kernel = json.loads(lab.get("/api/kernels", "POST", {"name": "python3"}))
        connection = json.loads((lab.runtime / f"kernel-{kernel['id']}.json").read_text())
        assert connection["transport"] == "ipc"
        for _ in range(100):  # the kernel has started when its status is no longer "starting"
            if json.loads(lab.get(f"/api/kernels/{kernel['id']}"))["execution_state"] != "starting":
                break
            time.sleep(0.2)
        lab.get(f"/api/kernels/{kernel['id']}", "DELETE")
    finally:
        log = lab.stop()
    assert "DeprecationWarning" not in log, log
    assert "without encryption" not in log, log
    assert "Traceback" not in log, log


def test_binder_postbuild_writes_the_same_settings_into_the_environment(tmp_path):
    """postBuild, run as repo2docker runs it, with `python -c` reporting a temporary folder as its prefix."""
    prefix = tmp_path / "env"
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "python").write_text(f"#!/bin/sh\n[ \"$1\" = -c ] && exec echo '{prefix}'\nexec '{sys.executable}' \"$@\"\n")
    (fake / "python").chmod(0o755)
    theirs = {"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}
    (prefix / "share/jupyter/lab/settings").mkdir(parents=True)
    (prefix / "share/jupyter/lab/settings/overrides.json").write_text(json.dumps(theirs))
    run = subprocess.run([str(REPO / "postBuild")], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}"})
    assert run.returncode == 0, run
    overrides = prefix / "share/jupyter/lab/settings/overrides.json"
    ours = json.loads((REPO / "jupyter-config/lab-settings/overrides.json").read_text())
    assert json.loads(overrides.read_text()) == {**theirs, **ours}  # what was there is kept
    # JupyterLab reads <prefix>/etc/jupyter and <prefix>/share/jupyter/lab/settings when that prefix is
    # sys.prefix; here they are given to it explicitly.
    lab = Lab(tmp_path, prefix / "etc/jupyter", f"--LabApp.app_settings_dir={overrides.parent}")
    try:
        assert lab.notification_defaults() == {"fetchNews": "false", "checkForUpdates": False}
        assert lab.page_config()["news"] == {"disabled": True}
    finally:
        lab.stop()
