"""Run a local web server (Voilà, JupyterLab) and print its address only once it answers.

``python -m claimlab.serve --port 8866 --url URL -- voila notebook.ipynb …``
starts the command, waits until 127.0.0.1:PORT accepts connections, prints
the address, and then waits for the server; Ctrl+C stops it.  Printing the
address before the server listens would send the first click to a refused
connection.

``--token-env JUPYTER_TOKEN`` adds ``?token=<that variable's value>`` to the
printed address: the token then never appears on a command line, where every
user of the machine could read it (``ps``).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

__all__ = ["wait_for_port", "main"]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 120.0) -> bool:
    """True once 127.0.0.1:``port`` accepts a connection; False if ``proc`` exits or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.2)
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimlab.serve", description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, required=True, help="the port the server listens on (127.0.0.1)")
    ap.add_argument("--url", required=True, help="the address to print once the server answers")
    ap.add_argument("--label", default="Open", help="the word printed before the address")
    ap.add_argument("--token-env", metavar="NAME",
                    help="add ?token=<value of environment variable NAME> to the address printed")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the server (default 120)")
    ap.add_argument("command", nargs=argparse.REMAINDER, help="-- then the server command")
    args = ap.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        ap.error("give the server command after --")
    url = args.url
    if args.token_env:
        token = os.environ.get(args.token_env, "")
        if not token:
            ap.error(f"--token-env {args.token_env}: that environment variable is empty or not set")
        url += ("&" if "?" in url else "?") + urllib.parse.urlencode({"token": token})
    try:
        proc = subprocess.Popen(command)
    except OSError as exc:
        print(f"could not start {command[0]}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
    try:
        if wait_for_port(args.port, proc, args.timeout):
            print(f"\n  {args.label}: {url}\n", flush=True)
        elif proc.poll() is None:
            print(f"the server did not answer on port {args.port} within {args.timeout:.0f} s; "
                  "it is still starting, or something else is wrong (see its messages above)",
                  file=sys.stderr, flush=True)
        return proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        try:
            return proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait()


if __name__ == "__main__":
    sys.exit(main())
