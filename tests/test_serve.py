"""claimlab.serve prints a server's address only once the server answers, and passes its exit code on."""

import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {"PYTHONPATH": str(ROOT / "lib"), "PATH": "/usr/bin:/bin"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_address_printed_after_the_server_listens_and_exit_code_passed_on():
    port = _free_port()
    server = ("import socket, time, sys; time.sleep(1.0); print('listening', flush=True); "
              f"s = socket.socket(); s.bind(('127.0.0.1', {port})); s.listen(); "
              "c, _ = s.accept(); c.close(); time.sleep(0.5); sys.exit(3)")
    run = subprocess.run([sys.executable, "-m", "claimlab.serve", "--port", str(port), "--url", "http://x/",
                          "--label", "Demo", "--", sys.executable, "-c", server],
                         capture_output=True, text=True, timeout=60, env=ENV)
    assert run.returncode == 3, run
    out = run.stdout
    assert "Demo: http://x/" in out and out.index("listening") < out.index("Demo: http://x/")


def test_a_server_that_dies_prints_no_address():
    run = subprocess.run([sys.executable, "-m", "claimlab.serve", "--port", str(_free_port()), "--url", "http://x/",
                          "--", sys.executable, "-c", "import sys; sys.exit(4)"],
                         capture_output=True, text=True, timeout=60, env=ENV)
    assert run.returncode == 4 and "http://x/" not in run.stdout


def test_a_command_that_cannot_start_is_a_message():
    run = subprocess.run([sys.executable, "-m", "claimlab.serve", "--port", "1", "--url", "u", "--",
                          "/nonexistent/voila"], capture_output=True, text=True, timeout=60, env=ENV)
    assert run.returncode == 2 and "could not start /nonexistent/voila" in run.stderr


def test_token_comes_from_the_environment_not_the_command_line():
    port = _free_port()
    server = (f"import socket; s = socket.socket(); s.bind(('127.0.0.1', {port})); s.listen(); "
              "c, _ = s.accept(); c.close()")
    token = "a b&c'"
    run = subprocess.run([sys.executable, "-m", "claimlab.serve", "--port", str(port), "--url", "http://x/lab",
                          "--token-env", "SERVE_TEST_TOKEN", "--", sys.executable, "-c", server],
                         capture_output=True, text=True, timeout=60, env={**ENV, "SERVE_TEST_TOKEN": token})
    assert run.returncode == 0, run
    assert "Open: http://x/lab?token=a+b%26c%27\n" in run.stdout


def test_an_empty_token_variable_is_a_message():
    run = subprocess.run([sys.executable, "-m", "claimlab.serve", "--port", "1", "--url", "u",
                          "--token-env", "SERVE_TEST_TOKEN", "--", sys.executable, "-c", "pass"],
                         capture_output=True, text=True, timeout=60, env=ENV)
    assert run.returncode == 2 and "SERVE_TEST_TOKEN: that environment variable is empty or not set" in run.stderr
