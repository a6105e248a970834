"""A real JupyterHub on 127.0.0.1 with a class of students, for tests/hub/ and bench/class.py.

The hub runs from this checkout as a class would run it, only smaller:

- configurable-http-proxy (npm) in front, on random free ports on 127.0.0.1;
- the shared-password authenticator (every student logs in with one class password);
- the simple local-process spawner, each student with a home folder of their own under a
  temporary folder (no system users are needed, so it runs as root in CI);
- every student's server started through ``binder/start``, which syncs their workspace
  (``$HOME/workspace``) from ``notebooks/`` and then runs ``jupyterhub-singleuser``.

A student's lessons are run through their own server's REST API (contents, sessions) and
kernel websocket, cell by cell, through the proxy, with an API token of their own.

Memory is read with psutil from the processes the hub started: each carries its student's
name in ``JUPYTERHUB_USER``, and a kernel is one that runs ``ipykernel_launcher``.
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
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
START = REPO / "binder" / "start"
COURSE = REPO / "notebooks"
# Where .ci/run installs the proxy with npm (npm install --prefix ...).
CHP_PREFIX = Path(os.environ.get("CLAIMLAB_HUB_PREFIX", Path.home() / ".cache" / "claimlab-hub"))
MB = 1024 * 1024


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def find_proxy() -> str | None:
    """configurable-http-proxy: on PATH, or where .ci/run installs it."""
    local = CHP_PREFIX / "node_modules" / ".bin" / "configurable-http-proxy"
    return shutil.which("configurable-http-proxy") or (str(local) if os.access(local, os.X_OK) else None)


def missing_requirements() -> str | None:
    """Why a hub cannot run here, or None."""
    problems = []
    for module in ("jupyterhub", "psutil", "websocket"):
        try:
            __import__(module)
        except ImportError:
            problems.append(f"Python package {module!r} is not installed in {sys.executable} (pip install -e '.[test]')")
    if find_proxy() is None:
        problems.append("configurable-http-proxy not found on PATH nor in "
                        f"{CHP_PREFIX}/node_modules/.bin (npm install --prefix {CHP_PREFIX} configurable-http-proxy)")
    return "; ".join(problems) or None


def lessons_to_run() -> list[str]:
    """The first lesson (whatever it is called now) and lesson 06."""
    lessons = sorted(p.name for p in COURSE.glob("[0-9][0-9]_*.ipynb"))
    wanted = [lessons[0]] + [n for n in lessons if n.startswith("06_") and n != lessons[0]]
    return wanted


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


HUB_CONFIG = """\
# Written by tests/hub/classroom.py for one run.
c = get_config()  # noqa: F821
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.debug = False
c.JupyterHub.db_url = "sqlite:///{base}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{base}/cookie_secret"
c.JupyterHub.pid_file = "{base}/hub.pid"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {password!r}
c.Authenticator.allowed_users = set({students!r})
# The test's own service: starts servers and makes each student a token, as an
# instructor's admin token would (docs/hub.md: pre-starting servers).
c.JupyterHub.services = [{{"name": "classroom", "api_token": {service_token!r}}}]
c.JupyterHub.load_roles = [{{"name": "classroom", "services": ["classroom"],
                             "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"]}}]
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{base}/home/{{username}}"
c.Spawner.cmd = [{start!r}, {singleuser!r}]
c.Spawner.args = {args!r}
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.Spawner.environment = {{
    # the course library from this checkout, and the Python of this run first on PATH
    "PYTHONPATH": {pythonpath!r},
    "PATH": {path!r},
    "CLAIMLAB_COURSE": {course!r},
    # short: kernels talk over Unix sockets there (a path is at most 107 bytes)
    "JUPYTER_RUNTIME_DIR": lambda spawner: "{base}/rt/" + spawner.user.name,
}}
c.JupyterHub.concurrent_spawn_limit = 200
"""


@dataclass
class Student:
    name: str
    token: str = ""
    spawn_seconds: float = 0.0
    login_seconds: float = 0.0


@dataclass
class CellError:
    lesson: str
    cell: int
    message: str


@dataclass
class LessonRun:
    lesson: str
    cells: int = 0
    seconds: float = 0.0
    errors: list[CellError] = field(default_factory=list)
    kernel_id: str = ""


class HubError(RuntimeError):
    pass


class Hub:
    """A JupyterHub for a class, started by ``start()`` and stopped by ``stop()``."""

    def __init__(self, students: int, *, base: Path | None = None):
        self.base = Path(base or tempfile.mkdtemp(prefix="hub"))  # short: see JUPYTER_RUNTIME_DIR
        self.students = [Student(f"student{i + 1}") for i in range(students)]
        self.password = secrets.token_urlsafe(12)
        self.service_token = secrets.token_hex(24)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log_path = self.base / "hub.log"

    # ----------------------------------------------------------------- hub
    def start(self, timeout: float = 120) -> None:
        proxy = find_proxy()
        if proxy is None:
            raise HubError(missing_requirements())
        bindir = str(Path(sys.executable).parent)
        (self.base / "rt").mkdir(parents=True, exist_ok=True)
        args = ["--allow-root"] if os.getuid() == 0 else []  # as the Makefile's ROOT_FLAG
        config = HUB_CONFIG.format(
            port=self.port, hub_port=free_port(), api_port=free_port(), proxy=proxy, base=self.base,
            password=self.password, students=[s.name for s in self.students], service_token=self.service_token,
            start=str(START), singleuser=str(Path(bindir) / "jupyterhub-singleuser"), args=args,
            pythonpath=os.pathsep.join(filter(None, [str(REPO / "lib"), os.environ.get("PYTHONPATH")])),
            path=os.pathsep.join([bindir, os.environ.get("PATH", "/usr/bin:/bin")]), course=str(COURSE))
        (self.base / "jupyterhub_config.py").write_text(config)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTERHUB_", "JPY_"))}
        env["CONFIGPROXY_AUTH_TOKEN"] = secrets.token_hex(24)
        self._log = open(self.log_path, "w")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", "jupyterhub_config.py"],
                                     cwd=self.base, env=env, stdin=subprocess.DEVNULL, stdout=self._log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise HubError(f"jupyterhub exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/hub/api/", timeout=5) as r:
                    if r.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.3)
        raise HubError(f"jupyterhub did not answer at {self.url} within {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        """Stop the hub, its proxy and every server and kernel it started; remove the folder."""
        import psutil

        if self.proc is None:  # never started, or stopped already
            shutil.rmtree(self.base, ignore_errors=True)
            return
        try:
            started = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            started = []
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # the hub stops the servers and the proxy (cleanup_*)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for p in started:  # whatever outlived the hub
            try:
                p.kill()
            except psutil.NoSuchProcess:
                pass
        psutil.wait_procs(started, timeout=10)
        self._log.close()
        self.proc = None
        shutil.rmtree(self.base, ignore_errors=True)

    # ----------------------------------------------------------------- REST
    def api(self, method: str, path: str, body: dict | None = None, token: str | None = None,
            timeout: float = 60) -> tuple[int, dict | list | None]:
        """A request to the hub's REST API (or, with path /user/..., through the proxy)."""
        url = self.url + (path if path.startswith("/user/") else "/hub/api" + path)
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(url, data=data, method=method,
                                     headers={"Authorization": f"token {token or self.service_token}",
                                              "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                raw = r.read()
                return r.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            try:
                return exc.code, json.loads(raw)
            except ValueError:
                return exc.code, {"message": raw.decode(errors="replace")[:500]}

    def login(self, student: Student, password: str | None = None) -> int:
        """Log in through the login form as a browser does; the time goes to student.login_seconds."""
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
        t0 = time.perf_counter()
        with opener.open(f"{self.url}/hub/login", timeout=120) as r:
            page = r.read().decode()
        m = re.search(r'name="_xsrf" value="([^"]+)"', page)
        form = {"username": student.name, "password": password or self.password}
        if m:
            form["_xsrf"] = m.group(1)
        try:
            with opener.open(f"{self.url}/hub/login", data=urllib.parse.urlencode(form).encode(), timeout=120) as r:
                status = r.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        student.login_seconds = time.perf_counter() - t0
        return status

    def spawn(self, student: Student, timeout: float = 300) -> None:
        """Start a student's server (the REST call an instructor uses to pre-start one) and wait until it answers."""
        t0 = time.perf_counter()
        status, reply = self.api("POST", f"/users/{student.name}/server")
        if status not in (201, 202):
            raise HubError(f"starting {student.name}'s server: HTTP {status} {reply}\n{self.log_tail()}")
        deadline = time.monotonic() + timeout
        while True:
            status, user = self.api("GET", f"/users/{student.name}")
            server = (user or {}).get("servers", {}).get("", {}) if status == 200 else {}
            if server.get("ready"):
                break
            if time.monotonic() > deadline or (status == 200 and not server):
                raise HubError(f"{student.name}'s server did not start: {user}\n{self.log_tail()}")
            time.sleep(0.3)
        student.spawn_seconds = time.perf_counter() - t0
        status, reply = self.api("POST", f"/users/{student.name}/tokens", {"note": "classroom", "expires_in": 3600})
        if status != 201:
            raise HubError(f"token for {student.name}: HTTP {status} {reply}")
        student.token = reply["token"]

    def server(self, student: Student, method: str, path: str, body: dict | None = None,
               token: str | None = None) -> tuple[int, dict | list | None]:
        """A request to a student's own server, through the proxy, as that student (or with token)."""
        return self.api(method, f"/user/{student.name}/api{path}", body, token=token or student.token)

    # ----------------------------------------------------------------- lessons
    def run_lesson(self, student: Student, lesson: str, *, shutdown: bool = True, cell_timeout: float = 300) -> LessonRun:
        """Execute every code cell of the student's workspace copy of lesson, in a kernel of their server."""
        import websocket

        path = f"workspace/{lesson}"
        status, model = self.server(student, "GET", f"/contents/{urllib.parse.quote(path)}")
        if status != 200:
            raise HubError(f"{student.name} cannot open {path}: HTTP {status} {model}")
        run = LessonRun(lesson)
        status, session = self.server(student, "POST", "/sessions",
                                      {"path": path, "type": "notebook", "name": lesson,
                                       "kernel": {"name": "python3"}})
        if status != 201:
            raise HubError(f"{student.name}: no kernel for {path}: HTTP {status} {session}")
        run.kernel_id = kernel = session["kernel"]["id"]
        session_id = uuid.uuid4().hex
        ws_url = (f"ws://127.0.0.1:{self.port}/user/{student.name}/api/kernels/{kernel}/channels"
                  f"?session_id={session_id}")
        ws = websocket.create_connection(ws_url, header=[f"Authorization: token {student.token}"],
                                         timeout=cell_timeout)
        t0 = time.perf_counter()
        try:
            for index, cell in enumerate(model["content"]["cells"]):
                if cell["cell_type"] != "code" or not cell["source"].strip():
                    continue
                run.cells += 1
                for message in _execute(ws, session_id, cell["source"]):
                    run.errors.append(CellError(lesson, index, message))
        finally:
            ws.close()
            run.seconds = time.perf_counter() - t0
            if shutdown:
                self.server(student, "DELETE", f"/sessions/{session['id']}")
        return run

    # ----------------------------------------------------------------- memory
    def memory(self) -> dict[str, dict[str, float]]:
        """Per student: RSS (MB) of their server and of their kernels, and USS (MB) of both together."""
        import psutil

        out: dict[str, dict[str, float]] = {}
        for p in psutil.Process(self.proc.pid).children(recursive=True):
            try:
                name = p.environ().get("JUPYTERHUB_USER")
                if not name:
                    continue
                info = p.memory_full_info()
                kind = "kernel" if "ipykernel_launcher" in " ".join(p.cmdline()) else "server"
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            row = out.setdefault(name, {"server": 0.0, "kernel": 0.0, "kernels": 0, "uss": 0.0})
            row[kind] += info.rss / MB
            row["kernels"] += kind == "kernel"
            row["uss"] += info.uss / MB
        for row in out.values():
            row["total"] = row["server"] + row["kernel"]
        return out


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Stop at the login's redirect: its 302 is the answer being timed, not the page after it."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _execute(ws, session_id: str, code: str) -> list[str]:
    """Run code in the kernel behind websocket ws; return its error outputs (none when it ran cleanly)."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "username": "classroom", "session": session_id, "msg_type": "execute_request",
                   "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }))
    errors: list[str] = []
    idle = replied = False
    while not (idle and replied):
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "error":
            errors.append(f"{content.get('ename')}: {content.get('evalue')}")
        elif kind == "execute_reply":
            replied = True
            if content.get("status") != "ok" and not errors:
                errors.append(f"execute_reply status {content.get('status')}")
        elif kind == "status" and content.get("execution_state") == "idle":
            idle = True
    return errors


def in_parallel(function, items) -> list:
    """function(item) for every item, in threads; results in order; the first exception is raised."""
    results: list = [None] * len(items)
    failures: list[BaseException] = []

    def one(i, item):
        try:
            results[i] = function(item)
        except BaseException as exc:  # noqa: BLE001 (re-raised below, in the caller's thread)
            failures.append(exc)

    threads = [threading.Thread(target=one, args=(i, item)) for i, item in enumerate(items)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise failures[0]
    return results
