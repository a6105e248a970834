"""`python -m claimlab COMMAND ...`: each subcommand's output and exit status, run as a user would."""

import importlib.machinery
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from claimlab.__main__ import DELEGATED, main
from claimlab.corpus import read_article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
LIB = ROOT / "lib"
ARTICLE = SEEDS / "004_dfcc560c4baf407d.txt"
COMMANDS = ["validate", "locate", "evaluate", "draft", "annotate"]


def cli(*args, cwd=ROOT):
    env = {**os.environ, "PYTHONPATH": str(LIB)}
    return subprocess.run([sys.executable, "-m", "claimlab", *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300, check=False)


def help_lines(text: str) -> dict[str, str]:
    """Command name -> its help line, from the commands section of the top-level help."""
    found = {}
    for line in text.splitlines():
        words = line.split(maxsplit=1)
        if len(words) == 2 and words[0] in COMMANDS and line.startswith("    "):
            found[words[0]] = words[1]
    return found


# --------------------------------------------------------------------------- the command itself

def test_no_command_prints_the_usage_and_exits_2():
    r = cli()
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.startswith("usage: python -m claimlab")
    assert set(help_lines(r.stderr)) == set(COMMANDS)


def test_help_says_what_each_command_does():
    r = cli("-h")
    assert r.returncode == 0, r.stderr
    lines = help_lines(r.stdout)
    assert set(lines) == set(COMMANDS)
    for name, line in lines.items():
        assert len(line.split()) >= 4, f"{name}: {line!r} does not say what it does"
    flat = " ".join(r.stdout.split())  # argparse wraps long help lines
    for name, what in DELEGATED.items():
        assert f"{name} {what}" in flat


def test_unknown_command_is_an_argparse_error():
    r = cli("frobnicate")
    assert r.returncode == 2
    assert "invalid choice: 'frobnicate'" in r.stderr and "usage:" in r.stderr
    r = cli("--frobnicate")
    assert r.returncode == 2 and "usage:" in r.stderr


# --------------------------------------------------------------------------- validate

def test_validate_the_seeds():
    r = cli("validate")
    assert r.returncode == 0, r.stderr
    assert "5 article(s)" in r.stdout and "0 problem(s)" in r.stdout


def test_validate_a_broken_folder_lists_each_problem(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.docx").write_bytes(b"PK")
    r = cli("validate", folder)
    assert r.returncode == 1
    assert "empty.txt: empty file" in r.stdout
    assert "notes.docx: not an article" in r.stdout
    assert "2 problem(s)" in r.stderr


def test_validate_missing_folder_and_extra_arguments(tmp_path):
    r = cli("validate", tmp_path / "nowhere")
    assert r.returncode == 2
    assert "corpus folder not found" in r.stderr and "nowhere" in r.stderr
    r = cli("validate", SEEDS, "second")
    assert r.returncode == 2
    assert "unrecognized arguments: second" in r.stderr
    assert "usage: python -m claimlab validate" in r.stderr


def test_validate_help():
    r = cli("validate", "-h")
    assert r.returncode == 0
    assert "usage: python -m claimlab validate" in r.stdout and "DIR" in r.stdout


# --------------------------------------------------------------------------- locate

def test_locate_prints_offsets_of_every_occurrence():
    text, _ = read_article(ARTICLE)
    needle = "Aleppo"
    r = cli("locate", ARTICLE, needle)
    assert r.returncode == 0, r.stderr
    rows = [dict(field.split("=") for field in line.split("\t")) for line in r.stdout.splitlines()]
    assert len(rows) == text.count(needle) > 1
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert text[start:end] == needle
        assert int(row["line"]) == text.count("\n", 0, start) + 1


def test_locate_text_not_found_exits_1():
    r = cli("locate", ARTICLE, "words that are not in the article")
    assert r.returncode == 1
    assert "not found" in r.stderr and r.stdout == ""


def test_locate_bad_arguments(tmp_path):
    r = cli("locate", ARTICLE)
    assert r.returncode == 2 and "required: TEXT" in r.stderr
    r = cli("locate")
    assert r.returncode == 2 and "required: FILE, TEXT" in r.stderr
    r = cli("locate", tmp_path / "missing.txt", "x")
    assert r.returncode == 2 and "missing.txt: cannot be read" in r.stderr
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9\n")
    r = cli("locate", tmp_path / "latin.txt", "caf")
    assert r.returncode == 2 and "not valid UTF-8" in r.stderr
    r = cli("locate", ARTICLE, "")
    assert r.returncode == 2 and "TEXT is empty" in r.stderr


# --------------------------------------------------------------------------- evaluate (its own parser)

def test_evaluate_gets_its_arguments():
    r = cli("evaluate", "-h")
    assert r.returncode == 0
    assert "usage: python -m claimlab evaluate" in r.stdout and "--gold" in r.stdout
    r = cli("evaluate", "--curated", "--json")
    assert r.returncode == 0, r.stderr
    assert r.stdout.lstrip().startswith("{") and '"documents"' in r.stdout


def test_evaluate_missing_and_bad_arguments(tmp_path):
    r = cli("evaluate")
    assert r.returncode == 2 and "give --gold DIR or --curated" in r.stderr
    r = cli("evaluate", "--gold", tmp_path / "nope")
    assert r.returncode == 2 and "not found" in r.stderr
    r = cli("evaluate", "--limit", "many", "--gold", tmp_path)
    assert r.returncode == 2 and "invalid int value: 'many'" in r.stderr


# --------------------------------------------------------------------------- draft and annotate

@pytest.mark.parametrize("command", ["draft", "annotate"])
def test_draft_and_annotate_run_their_module_or_say_they_are_missing(command, tmp_path):
    if (LIB / "claimlab" / f"{command}.py").exists() or (LIB / "claimlab" / command).is_dir():
        r = cli(command, "-h")
        assert r.returncode == 0, r.stderr
        assert "usage:" in r.stdout
    else:
        r = cli(command, tmp_path)
        assert r.returncode == 2
        assert f"{command} is not available in this version" in r.stderr
        assert "Traceback" not in r.stderr


@pytest.mark.parametrize("command", ["draft", "annotate"])
def test_draft_and_annotate_hand_every_argument_to_the_module(command, monkeypatch):
    """What happens once lib/claimlab/<command>.py with main(argv) -> int exists."""
    calls = []
    module = types.ModuleType(f"claimlab.{command}")
    module.__spec__ = importlib.machinery.ModuleSpec(f"claimlab.{command}", None)
    module.main = lambda argv: calls.append(argv) or 7
    monkeypatch.setitem(sys.modules, f"claimlab.{command}", module)
    assert main([command, "some/dir", "--flag", "value", "-h"]) == 7
    assert main([command]) == 7
    assert calls == [["some/dir", "--flag", "value", "-h"], []]
