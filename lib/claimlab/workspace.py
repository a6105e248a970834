"""The student workspace: personal copies of the lesson notebooks.

The course notebooks in ``notebooks/`` belong to the repository and change
when the course is updated (``git pull``).  Students work in ``workspace/``
instead, which git ignores, so their edits never conflict with an update.

``python -m claimlab.workspace sync``
    Copies every lesson ``notebooks/NN_*.ipynb`` (and ``appendix_*.ipynb``)
    that the workspace does not have yet.  A copy that already exists is never overwritten.  Beside each
    copy it keeps the course version the copy was made from, in
    ``workspace/.pristine/``; when the course version has changed since, sync
    says so and how to get the new one.

``python -m claimlab.workspace restore NN``
    Puts the course version of lesson NN in the workspace.  The student's copy
    is first moved to ``workspace/backups/`` with a timestamp in its name, so
    nothing is lost.  No other lesson is touched.

Standard library only, so it runs before anything else is importable.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

LESSON_GLOB = "[0-9][0-9]_*.ipynb"
# Unnumbered notebooks students get like a lesson (synced, tracked, restored by name).
APPENDIX_GLOB = "appendix_*.ipynb"
PRISTINE_DIR = ".pristine"
BACKUP_DIR = "backups"

# Hook for files the lessons need beside them (data, images, helper
# modules): glob patterns relative to the course folder.  Matches are copied
# into the workspace at the same relative path when missing and, like the
# notebooks, never overwritten.  None are needed yet.
SUPPORT_GLOBS: tuple[str, ...] = ()


class WorkspaceError(Exception):
    """A problem the student can fix; the message says how."""


@dataclass
class SyncReport:
    lessons: int = 0
    copied: list[str] = field(default_factory=list)
    updated_in_course: list[str] = field(default_factory=list)
    untracked: list[str] = field(default_factory=list)
    removed_from_course: list[str] = field(default_factory=list)
    support_copied: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


@dataclass
class RestoreReport:
    lesson: str
    restored: list[str] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- helpers

def lesson_number(name: str) -> str:
    """'03_x.ipynb' -> '03'; an appendix is known by its name: 'appendix_x.ipynb' -> 'appendix_x'."""
    return name[:2] if name[:2].isdigit() else Path(name).stem


def course_lessons(course: Path) -> list[Path]:
    """The lesson notebooks of the course, in order."""
    if not course.is_dir():
        raise WorkspaceError(
            f"course folder {course} not found; run this from the repository root "
            "or pass --course"
        )
    return [p for glob in (LESSON_GLOB, APPENDIX_GLOB) for p in sorted(course.glob(glob)) if p.is_file()]


def _cells(path: Path):
    """What the student can edit in a notebook: each cell's type and source.

    Outputs, execution counts and metadata change when a notebook is merely
    run or saved, so they don't count as edits.  None when unreadable.
    """
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = []
        for cell in nb.get("cells", []):
            source = cell.get("source", "")
            if isinstance(source, list):
                source = "".join(source)
            cells.append((cell.get("cell_type"), source))
        return cells
    except (OSError, ValueError, AttributeError, TypeError):
        return None


def has_edits(copy: Path, original: Path) -> bool:
    """True if the student's copy differs from original in any cell."""
    if copy.read_bytes() == original.read_bytes():
        return False
    mine, theirs = _cells(copy), _cells(original)
    return mine is None or mine != theirs


def _copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)


def _shown(path: Path) -> str:
    """path relative to the current folder when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def restore_command(number: str) -> str:
    """How to restore a lesson, in the words of whoever ran us."""
    if os.environ.get("MAKELEVEL"):
        return f"make restore LESSON={number}"
    return f"python -m claimlab.workspace restore {number}"


def _backup_name(name: str, stamp: str) -> str:
    """03_x.ipynb -> 03_x.<stamp>.ipynb"""
    path = Path(name)
    return f"{path.stem}.{stamp}{path.suffix}"


def _backup_path(workspace: Path, name: str) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backups = workspace / BACKUP_DIR
    n = 0
    candidate = backups / _backup_name(name, stamp)
    while candidate.exists():  # two restores within one second
        n += 1
        candidate = backups / _backup_name(name, f"{stamp}-{n}")
    return candidate


# --------------------------------------------------------------------------- sync

def sync(course: Path, workspace: Path) -> SyncReport:
    """Copy new lessons into workspace; report lessons the course has updated."""
    course, workspace = Path(course), Path(workspace)
    lessons = course_lessons(course)
    report = SyncReport(lessons=len(lessons))
    pristine_dir = workspace / PRISTINE_DIR
    workspace.mkdir(parents=True, exist_ok=True)

    for lesson in lessons:
        name = lesson.name
        number = lesson_number(name)
        mine = workspace / name
        pristine = pristine_dir / name
        if not mine.exists():
            _copy(lesson, mine)
            _copy(lesson, pristine)
            report.copied.append(name)
            report.messages.append(f"new lesson: {_shown(mine)}")
            continue
        if not pristine.exists():
            if not has_edits(mine, lesson):
                _copy(lesson, pristine)  # same as the course: that is its origin
                continue
            report.untracked.append(name)
            report.messages.append(
                f"lesson {number}: your copy {_shown(mine)} differs from the course "
                "and there is no record of the version it came from; "
                f"run `{restore_command(number)}` if you want the course version "
                f"(your copy will be kept in {_shown(workspace / BACKUP_DIR)}/)"
            )
            continue
        if lesson.read_bytes() == pristine.read_bytes():
            continue  # course unchanged since the copy was made
        report.updated_in_course.append(name)
        if has_edits(mine, pristine):
            kept = "your edited copy will be kept as"
        else:
            kept = "you have not edited your copy, but it will still be kept as"
        report.messages.append(
            f"lesson {number} was updated in the course; run "
            f"`{restore_command(number)}` to get it, {kept} "
            f"{_shown(workspace / BACKUP_DIR / _backup_name(name, '<date>-<time>'))}"
        )

    names = {p.name for p in lessons}
    for pristine in sorted(pristine_dir.glob(LESSON_GLOB)) + sorted(pristine_dir.glob(APPENDIX_GLOB)):
        if pristine.name not in names and (workspace / pristine.name).exists():
            report.removed_from_course.append(pristine.name)
            report.messages.append(
                f"{pristine.name} is no longer part of the course; your copy is left as it is"
            )

    for pattern in SUPPORT_GLOBS:
        for src in sorted(course.glob(pattern)):
            if not src.is_file():
                continue
            rel = src.relative_to(course)
            dst = workspace / rel
            if not dst.exists():
                _copy(src, dst)
                report.support_copied.append(str(rel))

    if not lessons:
        report.messages.append(f"no lessons ({LESSON_GLOB}) in {_shown(course)} yet")
    return report


# --------------------------------------------------------------------------- restore

def _parse_lesson(arg: str) -> str:
    """'3', '03', '03_sources' or '03_sources.ipynb' -> '03'; 'appendix_x[.ipynb]' -> 'appendix_x'."""
    appendix = re.fullmatch(r"(appendix_\w+?)(?:\.ipynb)?", arg.strip())
    if appendix:
        return appendix.group(1)
    m = re.fullmatch(r"(\d{1,2})(?:_.*)?", arg.strip())
    if not m:
        raise WorkspaceError(
            f"{arg!r} is not a lesson number; give the two digits at the start of "
            "the notebook's name, e.g. 03"
        )
    return m.group(1).zfill(2)


def restore(course: Path, workspace: Path, lesson: str) -> RestoreReport:
    """Restore one lesson to its course version, backing up the student's copy."""
    course, workspace = Path(course), Path(workspace)
    number = _parse_lesson(lesson)
    lessons = course_lessons(course)
    matches = [p for p in lessons if lesson_number(p.name) == number]
    if not matches:
        known = ", ".join(sorted({lesson_number(p.name) for p in lessons})) or "none yet"
        raise WorkspaceError(f"there is no lesson {number} in {_shown(course)}; lessons: {known}")
    stem = lesson.strip()
    if len(matches) > 1:
        chosen = [p for p in matches if p.name in (stem, f"{stem}.ipynb")]
        if not chosen:
            names = ", ".join(p.name for p in matches)
            raise WorkspaceError(
                f"lesson {number} has several notebooks ({names}); name the one to restore"
            )
        matches = chosen

    report = RestoreReport(lesson=number)
    for src in matches:
        mine = workspace / src.name
        if mine.exists():
            backup = _backup_path(workspace, src.name)
            backup.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(mine), str(backup))
            report.backups.append(backup)
            report.messages.append(f"your copy of {src.name} is kept as {_shown(backup)}")
        _copy(src, mine)
        _copy(src, workspace / PRISTINE_DIR / src.name)
        report.restored.append(src.name)
        report.messages.append(f"restored lesson {number}: {_shown(mine)} is the course version")
    if report.backups:
        report.messages.append(
            "if the lesson is open in JupyterLab, close its tab without saving and open it again"
        )
    return report


# --------------------------------------------------------------------------- command line

def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--course", default="notebooks", type=Path,
                        help="folder of the course notebooks (default: notebooks)")
    common.add_argument("--workspace", default="workspace", type=Path,
                        help="the student's folder (default: workspace)")
    parser = argparse.ArgumentParser(
        prog="python -m claimlab.workspace",
        description="Keep a personal copy of the course notebooks that updates never overwrite.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("sync", parents=[common],
                   help="copy lessons the workspace lacks; say which ones the course updated")
    p = sub.add_parser("restore", parents=[common],
                       help="replace one lesson with its course version, keeping a backup")
    p.add_argument("lesson", help="lesson number, e.g. 03")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "sync":
            report = sync(args.course, args.workspace)
            lines = report.messages or [
                f"{_shown(args.workspace)}/ is up to date ({report.lessons} lessons)"
            ]
        else:
            lines = restore(args.course, args.workspace, args.lesson).messages
    except WorkspaceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
