"""Command line: ``python -m claimlab COMMAND ...`` (``python -m claimlab -h`` lists the commands).

Each command imports what it needs only when it runs, so ``-h`` and argument
errors answer at once.  ``evaluate``, ``draft`` and ``annotate`` hand their
arguments to their own module's ``main(argv)``, which parses them (and answers
``COMMAND -h``).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Callable

PROG = "python -m claimlab"


def _validate(args: argparse.Namespace) -> int:
    """Print every problem of a corpus folder as FILE:LINE: problem; 1 if any, 2 if unreadable."""
    import pandas as pd

    from .corpus import CorpusError, load_corpus
    try:
        corpus = load_corpus(args.dir, extract=False)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    problems = corpus.problems
    for p in problems.itertuples(index=False):
        where = p.file if pd.isna(p.line) else f"{p.file}:{int(p.line)}"
        print(f"{where}: {p.problem}")
    summary = (f"{corpus.path}: {len(corpus.articles)} article(s), {len(corpus.attributions)} "
               f"attribution(s), {len(corpus.figures)} figure(s), {len(corpus.terms)} term(s); "
               f"{len(problems)} problem(s)")
    print(summary, file=sys.stderr if len(problems) else sys.stdout)
    return 1 if len(problems) else 0


def _locate(args: argparse.Namespace) -> int:
    """Print start/end offsets and line of every occurrence of TEXT in FILE; 1 if none."""
    from pathlib import Path

    from .corpus import read_article
    text, why = read_article(Path(args.file))
    if why:
        print(f"error: {args.file}: {why}", file=sys.stderr)
        return 2
    needle, start, hits = args.text, 0, 0
    if not needle:
        print("error: TEXT is empty: give the words to find", file=sys.stderr)
        return 2
    while (i := text.find(needle, start)) >= 0:
        line = text.count("\n", 0, i) + 1
        print(f"start={i}\tend={i + len(needle)}\tline={line}")
        hits += 1
        start = i + 1
    if not hits:
        print(f"not found: {needle!r} (check curly quotes and non-breaking spaces)", file=sys.stderr)
        return 1
    return 0


def _delegate(command: str, argv: list[str]) -> int:
    """Run ``claimlab.<command>.main(argv)``, or say that this version has no such module."""
    module_name = f"claimlab.{command}"
    if importlib.util.find_spec(module_name) is None:
        print(f"error: {command} is not available in this version of claimlab", file=sys.stderr)
        return 2
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and not exc.name.startswith("claimlab"):
            print(f"error: {command} needs the package {exc.name!r}, which is not installed",
                  file=sys.stderr)
            return 2
        raise
    return module.main(argv)


# Commands whose own module parses the arguments (and answers -h): name -> what it does.
DELEGATED = {
    "evaluate": "score the attribution extractor against brat gold annotations (--gold DIR) "
                "or against curated tables (--curated [DIR])",
    "draft": "draft curated tables for the articles in folder DIR, from the extractor's output",
    "annotate": "annotate the articles in folder DIR by hand",
}


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``python -m claimlab``, with one subcommand per command."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Tools for a corpus of news articles (claimlab).",
        epilog=f"'{PROG} COMMAND -h' explains one command.")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command",
                                     required=True)

    p = commands.add_parser(
        "validate", help="check corpus folder DIR and its tables (no DIR: the bundled seeds)",
        description="Check a corpus folder (texts, SHA256SUMS and curated CSV tables). Prints "
                    "every problem as FILE:LINE: message; exits 1 if there is any, 2 if the "
                    "folder cannot be read.")
    p.add_argument("dir", nargs="?", default=None, metavar="DIR",
                   help="corpus folder (default: the bundled seeds)")
    p.set_defaults(run=_validate, parser=p)

    p = commands.add_parser(
        "locate", help="print the character offsets of TEXT in FILE (for annotating)",
        description="Print start, end and line of every occurrence of TEXT in FILE, as offsets "
                    "for the curated tables. Exits 1 if TEXT does not occur.")
    p.add_argument("file", metavar="FILE", help="an article (UTF-8 text)")
    p.add_argument("text", metavar="TEXT", help="the exact words to find")
    p.set_defaults(run=_locate, parser=p)

    for name, what in DELEGATED.items():
        # No arguments of its own and no -h: everything after the name goes to the module.
        p = commands.add_parser(name, help=what, add_help=False)
        p.set_defaults(run=_delegated(name))
    return parser


def _delegated(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        return _delegate(name, args.rest)
    return run


def main(argv: list[str] | None = None) -> int:
    """Run one command; its exit status (2 for a usage error, as argparse)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv:
        parser.print_help(sys.stderr)
        return 2
    args, rest = parser.parse_known_args(argv)
    if args.command in DELEGATED:
        args.rest = rest
    elif rest:
        args.parser.error(f"unrecognized arguments: {' '.join(rest)}")
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
