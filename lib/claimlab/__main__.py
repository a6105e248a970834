"""Command line: ``python -m claimlab {validate,evaluate,locate} ...``."""

from __future__ import annotations

import sys

USAGE = """usage: python -m claimlab COMMAND [ARGS]

commands:
  validate [DIR]               check a corpus folder and its tables (default: the bundled seeds)
  evaluate --gold DIR [--json] score the attribution extractor against brat gold annotations
  locate FILE TEXT             print the character offsets of TEXT in FILE (for annotating)
"""


def _locate(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m claimlab locate FILE TEXT", file=sys.stderr)
        return 2
    from pathlib import Path
    from .corpus import read_article
    text, why = read_article(Path(argv[0]))
    if why:
        print(f"error: {argv[0]}: {why}", file=sys.stderr)
        return 2
    needle, start, hits = argv[1], 0, 0
    while (i := text.find(needle, start)) >= 0:
        line = text.count("\n", 0, i) + 1
        print(f"start={i}\tend={i + len(needle)}\tline={line}")
        hits += 1
        start = i + 1
    if not hits:
        print(f"not found: {needle!r} (check curly quotes and non-breaking spaces)", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0 if argv else 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "validate":
        from .validate import main as run
        return run(rest)
    if cmd == "evaluate":
        from .evaluate import main as run
        return run(rest)
    if cmd == "locate":
        return _locate(rest)
    print(f"unknown command {cmd!r}\n\n{USAGE}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
