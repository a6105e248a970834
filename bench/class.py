"""How big a server a class needs: a real JupyterHub on this machine with N students.

A benchmark script, not a test (tests/hub/ is the test; both use tests/hub/classroom.py). It starts
a JupyterHub on 127.0.0.1 (shared password, local-process spawner, configurable-http-proxy), then:

1. starts every student's server at once through the REST API, as 30 students logging in at 9:00
   would (or --at-once K at a time, as a script pre-starting them before class would), and while
   those spawns run, logs each student in through the login form: the spawn time of each server
   and the login page's latency meanwhile;
2. logs everyone in again once all servers run (the latency a class sees when the servers were
   pre-started);
3. opens the first lesson in a kernel for each student and runs its code cells, all at once;
4. reads memory with psutil: RSS per server and per kernel (and USS, each process's own pages), and
   the machine's used memory before and after.

Usage (from the repo root; needs the [test] extra and configurable-http-proxy, as tests/hub/ does):
    .venv/bin/python bench/class.py --students 3
    .venv/bin/python bench/class.py --students 30 --json class30.json
    .venv/bin/python bench/class.py --students 30 --at-once 4    # pre-started, four at a time
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "hub"))
import classroom  # noqa: E402


def spread(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {"min": values[0], "median": statistics.median(values),
            "p90": values[min(len(values) - 1, int(0.9 * len(values)))], "max": values[-1]}


def show(label: str, values: list[float], unit: str) -> None:
    s = spread(values)
    print(f"  {label:<42} min {s['min']:7.1f}  median {s['median']:7.1f}  p90 {s['p90']:7.1f}  "
          f"max {s['max']:7.1f} {unit}")


def burst(hub: classroom.Hub, at_once: int) -> tuple[float, list[float]]:
    """Start every server, at_once at a time, each student logging in meanwhile; (wall seconds, login seconds)."""
    gate = threading.Semaphore(at_once)

    def spawn(student):
        with gate:
            hub.spawn(student)

    t0 = time.perf_counter()
    # the spawn requests and the students' logins go out together, as at 9:00
    tasks = [(spawn, s) for s in hub.students] + [(hub.login, s) for s in hub.students]
    classroom.in_parallel(lambda task: task[0](task[1]), tasks)
    wall = time.perf_counter() - t0
    return wall, [s.login_seconds for s in hub.students]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=3)
    parser.add_argument("--at-once", type=int, default=0,
                        help="start at most this many servers at a time, as a pre-start script would "
                             "(default: all at once, as a class arriving together)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    why = classroom.missing_requirements()
    if why:
        print(f"bench/class.py cannot run: {why}", file=sys.stderr)
        return 2

    import psutil

    n = args.students
    lesson = classroom.lessons_to_run()[0]
    figures: dict = {"students": n, "at_once": args.at_once or n, "lesson": lesson, "cpus": os.cpu_count(),
                     "machine_memory_mb": psutil.virtual_memory().total / classroom.MB}
    hub = classroom.Hub(n)
    try:
        used_before = psutil.virtual_memory().used / classroom.MB
        t0 = time.perf_counter()
        hub.start()
        figures["hub_start_s"] = time.perf_counter() - t0
        print(f"{n} students, {os.cpu_count()} cores; hub up in {figures['hub_start_s']:.1f} s")

        wall, logins = burst(hub, args.at_once or n)
        figures |= {"burst_wall_s": wall, "spawn_s": [s.spawn_seconds for s in hub.students],
                    "login_during_burst_s": logins}
        for s in hub.students:
            if hub.login(s) != 302:
                raise classroom.HubError(f"{s.name} could not log in")
        figures["login_after_s"] = [s.login_seconds for s in hub.students]
        servers_mb = hub.memory()

        t0 = time.perf_counter()
        runs = classroom.in_parallel(lambda s: hub.run_lesson(s, lesson, shutdown=False), hub.students)
        figures["lesson_wall_s"] = time.perf_counter() - t0
        figures["lesson_s"] = [r.seconds for r in runs]
        figures["cell_errors"] = sum(len(r.errors) for r in runs)
        memory = hub.memory()
        figures["used_mb_delta"] = psutil.virtual_memory().used / classroom.MB - used_before
        figures["memory_mb"] = memory
        figures["server_only_mb"] = {k: v["server"] for k, v in servers_mb.items()}
    except classroom.HubError as exc:
        print(f"bench/class.py: {exc}", file=sys.stderr)
        return 1
    finally:
        hub.stop()

    print(f"spawns ({figures['at_once']} at a time): all {n} servers running after {figures['burst_wall_s']:.1f} s")
    show("spawn time per server", figures["spawn_s"], "s")
    show("login (form POST) while they start", figures["login_during_burst_s"], "s")
    show("login once all servers run", figures["login_after_s"], "s")
    show(f"run {lesson} (all code cells, all at once)", figures["lesson_s"], "s")
    print(f"  cell errors: {figures['cell_errors']}")
    rows = list(memory.values())
    print(f"memory with {lesson} open (MB):")
    show("server RSS", [r["server"] for r in rows], "MB")
    show("kernel RSS", [r["kernel"] for r in rows], "MB")
    show("server + kernel RSS per student", [r["total"] for r in rows], "MB")
    show("server + kernel USS per student", [r["uss"] for r in rows], "MB")
    total_rss = sum(r["total"] for r in rows)
    total_uss = sum(r["uss"] for r in rows)
    print(f"  total for {n} students: RSS {total_rss:.0f} MB, USS {total_uss:.0f} MB; "
          f"machine's used memory rose by {figures['used_mb_delta']:.0f} MB")
    figures |= {"total_rss_mb": total_rss, "total_uss_mb": total_uss}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")
    return 0 if figures["cell_errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
