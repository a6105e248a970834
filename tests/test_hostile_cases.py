"""The catalogue of hostile inputs (issue #17): each case, what it breaks, and the message it must give.

``CASES`` is the one list: a name, the rule of issue #17 it tests, what it is
run through, how the hostile input is built, and a fragment of the problem or
message it must produce.  Each case must give that message and no traceback;
corpus cases must also read nothing outside their folder (a secret file
beside the folder never reaches the corpus) and ``python -m claimlab validate``
must print the same list of problems.  ``python tests/test_hostile_cases.py``
prints the catalogue as a Markdown table.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

GOOD = ("Ministry denies strike on market\n\nBEIRUT, March 3 (Reuters) - The ministry said on "
        "Tuesday that 12 people were killed. \"We did not strike the market,\" a spokesman said.\n")
# Put in every file outside the corpus folder: it must never reach a loaded corpus.
SECRET = "SECRET-OUTSIDE-THE-FOLDER"
ARTICLES_HEAD = "article_id,file,outlet,headline,published,date_confidence\n"


@dataclass(frozen=True)
class Case:
    name: str
    rule: int                    # the rule of issue #17 it tests
    target: str                  # corpus | ledger | workspace | draft | annotator
    build: Callable[[Path], object]   # corpus: makes the folder; others: runs and returns the message
    expect: str                  # a fragment the problem or message must contain
    what: str                    # the hostile input, for people


def corpus(tmp: Path) -> Path:
    """A corpus folder with one good article, and a secret file and table beside it (outside)."""
    folder, outside = tmp / "corpus", tmp / "outside"
    folder.mkdir()
    outside.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (outside / "secret.txt").write_text(f"{SECRET}\n{GOOD}", encoding="utf-8")
    (outside / "secret.csv").write_text(f"{ARTICLES_HEAD}s,secret.txt,{SECRET},{SECRET},,\n", encoding="utf-8")
    return folder


def with_files(**files: str | bytes) -> Callable[[Path], Path]:
    """A corpus builder: the good article plus the given files (name=text; dots as '__' in names)."""
    def build(tmp: Path) -> Path:
        folder = corpus(tmp)
        for key, content in files.items():
            path = folder / key.replace("__", ".")
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder
    return build


def articles(*rows: str) -> Callable[[Path], Path]:
    return with_files(articles__csv=ARTICLES_HEAD + "".join(r + "\n" for r in rows))


def linked(name: str, target: str, extra: dict | None = None) -> Callable[[Path], Path]:
    """The good article plus a link ``name`` -> ``target`` (relative to the folder, may leave it)."""
    def build(tmp: Path) -> Path:
        folder = with_files(**(extra or {}))(tmp)
        os.symlink(target, folder / name)
        return folder
    return build


def fifo(name: str, extra: dict | None = None) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        folder = with_files(**(extra or {}))(tmp)
        os.mkfifo(folder / name)
        return folder
    return build


def unix_socket(tmp: Path) -> Path:
    folder = corpus(tmp)
    s = socket.socket(socket.AF_UNIX)
    cwd = os.getcwd()
    os.chdir(folder)  # a socket's path must be short: bind by its name
    try:
        s.bind("talk.txt")
    finally:
        os.chdir(cwd)
        s.close()
    return folder


def subfolder(tmp: Path) -> Path:
    folder = corpus(tmp)
    (folder / "more").mkdir()
    (folder / "more" / "other.txt").write_text(GOOD, encoding="utf-8")
    return folder


def sparse(name: str, size: int) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        folder = corpus(tmp)
        with open(folder / name, "wb") as f:
            f.truncate(size)  # sparse: cheap to make
        return folder
    return build


def checksums(*lines: str, extra: dict | None = None) -> Callable[[Path], Path]:
    return with_files(SHA256SUMS="".join(line + "\n" for line in lines), **(extra or {}))


DIGEST = "0" * 64


def broken_articles_table(tmp: Path) -> Path:
    """The seeds with articles.csv separated by semicolons: its 226 annotation rows lose their articles."""
    import claimlab.corpus
    folder = tmp / "corpus"
    folder.mkdir()
    for p in claimlab.corpus.bundled_seeds().iterdir():
        if p.is_file() and p.name != "SHA256SUMS":
            (folder / p.name).write_bytes(p.read_bytes())
    table = folder / "articles.csv"
    table.write_text(table.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    return folder


def long_cell(tmp: Path) -> Path:
    folder = corpus(tmp)
    (folder / "outlets.csv").write_text(f"outlet,note\nReuters,{'x' * 200_000}\n", encoding="utf-8")
    return folder


# ----------------------------------------------------------------------------- the ledger

LEDGER_HEAD = "claim,claimant,channel,outlet,earliest_source,sources_checked,corroboration,grade,assessment,ref\n"
ROW = dict(claim="12 people were killed", claimant="the ministry", corroboration="no", grade="Weak",
           assessment="Only the ministry gives this count. Nobody independent confirms it.")


def _ledger_in(tmp: Path):
    from claimlab.ledger import ClaimLedger
    cwd = os.getcwd()
    os.chdir(tmp)
    return ClaimLedger, cwd


def ledger_export(claim: str) -> Callable[[Path], str]:
    """Export a row whose claim is ``claim``; the message is the raw cell as written, then the reloaded text."""
    def run(tmp: Path) -> str:
        import csv
        ClaimLedger, cwd = _ledger_in(tmp)
        try:
            led = ClaimLedger(None)
            assert led.add(**{**ROW, "claim": claim}), led.message
            path = led.export()
            raw = next(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))["claim"]
            again = ClaimLedger(None).rows[0]["claim"]
            assert again == claim.strip(), (again, claim)  # reloads to the same text
            return f"written as {raw!r}; reloaded as {again!r}"
        finally:
            os.chdir(cwd)
    return run


def ledger_reload(content: str | None = None, *, build: Callable[[Path], None] | None = None
                  ) -> Callable[[Path], str]:
    """Open a ledger on a file that is there already; the file must stay untouched."""
    def run(tmp: Path) -> str:
        target = tmp / "my_claim_ledger.csv"
        if build is not None:
            build(target)
        else:
            target.write_text(content, encoding="utf-8")
        before = None if stat.S_ISFIFO(os.lstat(target).st_mode) else target.read_bytes()
        ClaimLedger, cwd = _ledger_in(tmp)
        try:
            led = ClaimLedger(None)
            said = led.message
            if before is not None:
                assert target.read_bytes() == before   # kept untouched
            if not led.rows:  # not loaded: a new name beside it, and exporting writes there
                assert led.path.name != target.name, led.message
                led.add(**ROW)
                assert led.export() == led.path and led.path.exists()
                if before is not None:
                    assert target.read_bytes() == before
            return said
        finally:
            os.chdir(cwd)
    return run


def ledger_export_to_fifo(tmp: Path) -> str:
    ClaimLedger, cwd = _ledger_in(tmp)
    try:
        led = ClaimLedger(None, path="fresh.csv")
        led.add(**ROW)
        os.mkfifo(tmp / "pipe.csv")
        assert led.export("pipe.csv") is None and len(led.rows) == 1
        return led.message
    finally:
        os.chdir(cwd)


def ledger_at_folder(tmp: Path) -> str:
    from claimlab.ledger import LedgerError
    ClaimLedger, cwd = _ledger_in(tmp)
    (tmp / "ledgers").mkdir()
    try:
        ClaimLedger(None, path="ledgers")
    except LedgerError as exc:
        return str(exc)
    finally:
        os.chdir(cwd)
    raise AssertionError("no LedgerError")


# ----------------------------------------------------------------------------- the workspace

def _course(tmp: Path) -> Path:
    course = tmp / "notebooks"
    course.mkdir()
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                     "source": "x = 1"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (course / "00_start.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    return course


def workspace(prepare: Callable[[Path, Path], None], command: str = "sync",
              patch: Callable | None = None) -> Callable[[Path], str]:
    """Run a workspace command on a workspace ``prepare`` made hostile; its error or messages.

    Nothing may appear outside the workspace except what was there (``outside/`` stays empty).
    """
    def run(tmp: Path) -> str:
        from claimlab import workspace as ws
        course, wsdir, outside = _course(tmp), tmp / "workspace", tmp / "outside"
        outside.mkdir()
        prepare(wsdir, outside)
        argv = [command] + (["00"] if command == "restore" else []) + [
            "--course", str(course), "--workspace", str(wsdir)]
        import contextlib
        import io
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            if patch is not None:
                with patch():
                    code = ws.main(argv)
            else:
                code = ws.main(argv)
        assert sorted(p.name for p in outside.iterdir()) == [], "wrote outside the workspace"
        return f"exit {code}: {err.getvalue()}{out.getvalue()}"
    return run


def ws_file(wsdir: Path, outside: Path) -> None:
    wsdir.write_text("my notes", encoding="utf-8")


def ws_dangling_lesson(wsdir: Path, outside: Path) -> None:
    wsdir.mkdir()
    os.symlink(outside / "planted.ipynb", wsdir / "00_start.ipynb")


def ws_pristine_elsewhere(wsdir: Path, outside: Path) -> None:
    wsdir.mkdir()
    os.symlink(outside, wsdir / ".pristine")


def ws_backups_elsewhere(wsdir: Path, outside: Path) -> None:
    wsdir.mkdir()
    (wsdir / "00_start.ipynb").write_text("{}", encoding="utf-8")
    os.symlink(outside, wsdir / "backups")


def ws_fifo_lesson(wsdir: Path, outside: Path) -> None:
    wsdir.mkdir()
    os.mkfifo(wsdir / "00_start.ipynb")


def read_only():
    """Writing into the workspace fails with EACCES (as it does for a read-only folder; root ignores modes)."""
    import contextlib
    from unittest import mock

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(args[0]) if args else None)

    @contextlib.contextmanager
    def patched():
        with mock.patch("tempfile.mkstemp", refuse):
            yield
    return patched


def ws_empty(wsdir: Path, outside: Path) -> None:
    wsdir.mkdir()


# ----------------------------------------------------------------------------- draft and the annotator

def draft_report(build: Callable[[Path], Path]) -> Callable[[Path], str]:
    def run(tmp: Path) -> str:
        from claimlab.draft import draft
        folder = build(tmp)
        report = draft(folder, progress=False)
        for p in folder.glob("*.csv"):  # draft wrote no secret into a table (links and FIFOs: not opened)
            if not p.is_symlink() and p.is_file():
                assert SECRET not in p.read_text(encoding="utf-8", errors="replace")
        return report.summary()
    return run


def annotator_message(build: Callable[[Path], Path]) -> Callable[[Path], str]:
    def run(tmp: Path) -> str:
        from claimlab.annotate import Annotator
        a = Annotator(build(tmp))
        texts = [art.text for art in a.folder.articles.values()] if a.folder else []
        assert all(SECRET not in t for t in texts)
        problems = "; ".join(a.folder.problems) if a.folder else ""
        return f"{a.last_message[1]} {problems}"
    return run


CASES = [
    # Rule 1 and 2: every entry of the folder loaded or listed; nothing outside it read.
    Case("link-outside", 2, "corpus", linked("passwd.txt", "../outside/secret.txt"), "leads outside the folder",
         "an article that is a link to a file outside the folder"),
    Case("link-absolute", 2, "corpus", linked("etc.txt", "/etc/hostname"), "leads outside the folder",
         "a link to an absolute path (/etc/hostname)"),
    Case("link-dangling", 1, "corpus", linked("gone.txt", "missing.txt"), "which does not exist",
         "a link to a file that does not exist"),
    Case("link-loop", 1, "corpus", linked("a.txt", "a.txt"), "cannot be resolved", "a link to itself"),
    Case("link-alias", 1, "corpus", linked("again.txt", "good.txt"), "the same file as good.txt",
         "a second name (link) for an article"),
    Case("fifo", 2, "corpus", fifo("pipe.txt"), "FIFO", "a named pipe called pipe.txt (reading it would hang)"),
    Case("socket", 2, "corpus", unix_socket, "a socket", "a Unix socket called talk.txt"),
    Case("subfolder", 1, "corpus", subfolder, "a folder: not read", "a folder of more articles"),
    Case("backup", 1, "corpus", with_files(attributions__csv__bak="x\n"), "a backup copy",
         "the annotator's attributions.csv.bak (was skipped silently)"),
    Case("hidden", 1, "corpus", with_files(__DS_Store="x"), "a hidden file", "a .DS_Store file"),
    Case("unknown-type", 1, "corpus", with_files(notes__docx=b"PK\x03\x04"), "not an article", "a .docx file"),
    Case("table-case", 1, "corpus", with_files(Articles__csv=ARTICLES_HEAD), "must be named exactly articles.csv",
         "Articles.csv: a table under a name the loader does not read"),
    Case("name-line-break", 1, "corpus", with_files(**{"evil\nfake.txt: fine\nx.txt": b""}),
         "evil\\nfake.txt: fine\\nx.txt: empty file", "a file name with line breaks that would forge "
                                                          "lines of validate's output"),
    Case("file-dotdot", 2, "corpus", articles("x,../outside/secret.txt,,,,"), "leads outside the folder",
         "articles.csv names ../outside/secret.txt"),
    Case("file-absolute", 2, "corpus", articles("x,/etc/hostname,,,,"), "is an absolute path",
         "articles.csv names /etc/hostname"),
    Case("file-link", 2, "corpus", linked("ln.txt", "../outside/secret.txt", {"articles__csv": ARTICLES_HEAD
                                                                                + "x,ln.txt,,,,\n"}),
         "leads outside the folder", "articles.csv names a link that leads outside"),
    Case("file-fifo", 2, "corpus", fifo("pipe.txt", {"articles__csv": ARTICLES_HEAD + "x,pipe.txt,,,,\n"}),
         "FIFO", "articles.csv names a FIFO"),
    Case("file-twice", 1, "corpus", articles("a,good.txt,,,,", "b,./good.txt,,,,"), "the same file as line 2",
         "articles.csv names one file twice"),
    Case("file-nul", 2, "corpus", articles("a,good.txt\x00x,,,,"), "NUL character", "a NUL byte in a file name"),
    Case("table-link", 2, "corpus", linked("articles.csv", "../outside/secret.csv"), "leads outside the folder",
         "articles.csv is a link to a table outside"),
    Case("table-fifo", 2, "corpus", fifo("figures.csv"), "FIFO", "figures.csv is a named pipe"),
    Case("table-huge", 2, "corpus", sparse("terms.csv", 300 * 2**20), "too large",
         "a 300 MB terms.csv (over the size limit: never read)"),
    Case("article-huge", 2, "corpus", sparse("dump.txt", 50 * 2**20), "too large", "a 50 MB article"),
    Case("sums-dotdot", 2, "corpus", checksums(f"{DIGEST}  ../outside/secret.txt"), "leads outside the folder",
         "SHA256SUMS names ../outside/secret.txt"),
    Case("sums-absolute", 2, "corpus", checksums(f"{DIGEST}  /etc/passwd"), "is an absolute path",
         "SHA256SUMS names /etc/passwd"),
    Case("sums-malformed", 1, "corpus", checksums("not a checksum line"), "expected '<sha256>  <file name>'",
         "a line of SHA256SUMS that is not '<digest>  <name>'"),
    Case("sums-missing", 1, "corpus", checksums(f"{DIGEST}  nowhere.txt"), "is listed but missing",
         "SHA256SUMS names a file that is not there"),
    Case("sums-fifo", 2, "corpus", fifo("pipe.txt", {"SHA256SUMS": f"{DIGEST}  pipe.txt\n"}), "FIFO",
         "SHA256SUMS names a FIFO"),
    Case("sums-not-utf8", 3, "corpus", with_files(SHA256SUMS=b"\xff\xfe  caf\xe9\n"), "not UTF-8",
         "SHA256SUMS in Latin-1 (was a UnicodeDecodeError traceback)"),
    Case("sums-link", 2, "corpus", linked("SHA256SUMS", "../outside/secret.txt"), "leads outside the folder",
         "SHA256SUMS is a link to a file outside"),
    # Rule 4: typed cells.
    Case("date-feb-31", 4, "corpus", articles("a,good.txt,,,2019-02-31,high"), "'2019-02-31' is not a real date",
         "published=2019-02-31 (became NaT silently)"),
    Case("date-month-13", 4, "corpus", articles("a,good.txt,,,2019-13-45,high"), "'2019-13-45' is not a real date",
         "published=2019-13-45"),
    Case("date-words", 4, "corpus", articles("a,good.txt,,,last Tuesday,"), "not a date written YYYY-MM-DD",
         "published=last Tuesday"),
    Case("confidence-upper", 4, "corpus", articles("a,good.txt,,,2019-03-03,HIGH"), "date_confidence 'HIGH'",
         "date_confidence=HIGH"),
    Case("number-words", 4, "corpus", with_files(figures__csv="article_id,figure_id,low,high,text,start,end\n"
                                                           "good,F1,twelve,12,12,,\n"),
         "low 'twelve' is not a number", "figures.csv low=twelve"),
    Case("number-inf", 4, "corpus", with_files(figures__csv="article_id,figure_id,low,high,text,start,end\n"
                                                         "good,F1,1,inf,12,,\n"),
         "high 'inf' is not a finite number", "figures.csv high=inf"),
    Case("articles-semicolons", 4, "corpus", broken_articles_table,
         "so the rows of the articles it names are not used either: 81 of attributions.csv",
         "the seeds' articles.csv separated by semicolons (gave 226 cascading problems; now one)"),
    Case("table-delimiter", 4, "corpus", with_files(outlets__csv="outlet,country,kind\n" + "a;b;c\n" * 3
                                                    + "x,y,z,w\n"),
         "rows do not have the header's 3 cells", "outlets.csv mostly separated by semicolons"),
    Case("table-unbalanced", 6, "corpus", with_files(actors__csv='actor,type\n"SOHR,group\nTASS,outlet\nUN,ngo\n'),
         "not a readable CSV file", "actors.csv with a quote that is never closed"),
    Case("table-merged", 6, "corpus", with_files(actors__csv='actor,type,description\n'
                                                            'SOHR,group,"monitor\nTASS,outlet,agency\nUN,ngo,x"\n'),
         "an unbalanced quote seems to run lines 2-4 together", "a stray quote that swallows two rows"),
    Case("table-columns-twice", 4, "corpus", with_files(outlets__csv="outlet,country,country\nTASS,Russia,US\n"),
         "appear more than once", "outlets.csv with the column country twice"),
    Case("table-long-cell", 6, "corpus", long_cell, "outlets: 1 row(s), longest note 200000",
         "a 200,000-character cell (over csv's 128 KiB default)"),
    Case("metadata-and-articles", 1, "corpus", with_files(articles__csv=ARTICLES_HEAD,
                                                          metadata__csv="file\ngood.txt\n"),
         "not used: articles.csv holds", "both metadata.csv and articles.csv (metadata.csv was ignored silently)"),
    # Rule 5: spreadsheet-safe exports.
    Case("export-hyperlink", 5, "ledger", ledger_export('=HYPERLINK("http://example.org/x","x")'),
         "written as '\\'=HYPERLINK", "a claim =HYPERLINK(...) exported to CSV"),
    Case("export-plus", 5, "ledger", ledger_export("+12 people, the ministry said"), "written as \"'+12",
         "a claim beginning with +"),
    Case("export-minus", 5, "ledger", ledger_export("-1 is not a count"), "written as \"'-1", "a claim beginning with -"),
    Case("export-at", 5, "ledger", ledger_export("@SUM(A1:A9)"), "written as \"'@SUM", "a claim beginning with @"),
    Case("export-apostrophe", 5, "ledger", ledger_export("'=already quoted"), "written as \"''=already",
         "a claim that already begins with an apostrophe and ="),
    # Rule 6: reloads never lose a row silently.
    Case("ledger-128k", 6, "ledger", ledger_reload(LEDGER_HEAD + f"a claim,,,,,,no,Weak,{'y' * 200_000},\n"),
         "Loaded 1 row(s)", "a 200 KiB assessment (raised _csv.Error on reload)"),
    Case("ledger-unbalanced", 6, "ledger", ledger_reload(LEDGER_HEAD + 'one,"x,,,,,no,Weak,a,\ntwo,,,,,,no,Weak,b,\n'
                                                         'three,,,,,,no,Weak,c",\n'),
         "a quote is not closed", "an unbalanced quote merging three rows"),
    Case("ledger-unknown-column", 6, "ledger", ledger_reload(LEDGER_HEAD.strip() + ",my notes\n"
                                                             "c,,,,,,no,Weak,a,,keep me\n"),
         "'my notes' (line 2) is not a ledger field", "a column the ledger does not know, with values"),
    Case("ledger-empty-extra-column", 6, "ledger", ledger_reload(LEDGER_HEAD.strip() + ",Notes\n"
                                                                 "c,,,,,,no,Weak,a,,\n"),
         "'Notes' are not ledger fields; they are empty", "an empty column the ledger does not know (loaded, "
                                                          "and said)"),
    Case("ledger-column-twice", 6, "ledger", ledger_reload(LEDGER_HEAD.strip() + ",claim\nc,,,,,,no,Weak,a,,d\n"),
         "appears twice", "the claim column twice"),
    Case("ledger-fifo", 3, "ledger", ledger_reload(build=os.mkfifo), "not a regular file",
         "my_claim_ledger.csv is a FIFO"),
    Case("ledger-folder", 3, "ledger", ledger_at_folder, "is a folder", "a folder given as the ledger's path"),
    Case("ledger-export-fifo", 3, "ledger", ledger_export_to_fifo, "not a regular file, so it was left alone",
         "exporting onto a FIFO (reading it to compare would hang)"),
    # Rule 3: no traceback from the workspace commands, draft or the annotator.
    Case("workspace-is-file", 3, "workspace", workspace(ws_file), "is a file, not a folder",
         "workspace/ is a file (was FileExistsError)"),
    Case("workspace-read-only", 3, "workspace", workspace(ws_empty, patch=read_only()),
         "cannot write the workspace", "a read-only workspace (was PermissionError)"),
    Case("workspace-dangling-lesson", 3, "workspace", workspace(ws_dangling_lesson), "is a link",
         "a dangling link in place of a lesson (sync wrote through it, outside the workspace)"),
    Case("workspace-pristine-elsewhere", 3, "workspace", workspace(ws_pristine_elsewhere), "leads outside",
         "workspace/.pristine is a link to a folder outside"),
    Case("workspace-backups-elsewhere", 3, "workspace", workspace(ws_backups_elsewhere, "restore"),
         "leads outside", "workspace/backups is a link to a folder outside (restore)"),
    Case("workspace-fifo-lesson", 3, "workspace", workspace(ws_fifo_lesson), "not a notebook file",
         "a FIFO in place of a lesson (sync would hang reading it)"),
    Case("draft-table-link", 3, "draft", draft_report(linked("articles.csv", "../outside/secret.csv")),
         "leads outside the folder", "draft on a folder whose articles.csv links outside"),
    Case("draft-table-fifo", 3, "draft", draft_report(fifo("terms.csv")), "FIFO", "draft with a FIFO terms.csv"),
    Case("annotator-table-fifo", 3, "annotator", annotator_message(fifo("articles.csv")), "FIFO",
         "the annotator on a folder whose articles.csv is a FIFO"),
    Case("annotator-file-dotdot", 2, "annotator",
         annotator_message(articles("x,../outside/secret.txt,,,,", "good,good.txt,,,,")),
         "leads outside the folder", "the annotator on an articles.csv naming ../outside/secret.txt"),
]


def corpus_problems(folder: Path) -> list[str]:
    """``file:line: problem`` for each problem of the folder, as ``validate`` prints them.

    The longest cell of outlets.csv's note column is added last, as ``outlets: ...``
    (not a problem: for the case of a cell longer than csv's default limit).
    """
    import claimlab
    c = claimlab.load_corpus(folder, extract=False)
    for text in c.texts.values():
        assert SECRET not in text, "read a file outside the folder"
    for frame in (c.articles, c.outlets, c.actors):
        assert SECRET not in frame.to_csv(), "read a table outside the folder"
    out = [f"{p.file}{'' if p.line is None or p.line != p.line else f':{int(p.line)}'}: {p.problem}"
           for p in c.problems.astype(object).where(c.problems.notna(), None).itertuples(index=False)]
    if len(c.outlets) and c.outlets["note"].str.len().max() > 100_000:
        out.append(f"outlets: {len(c.outlets)} row(s), longest note {c.outlets['note'].str.len().max()}")
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case, tmp_path, capsys):
    if case.target == "corpus":
        folder = case.build(tmp_path)
        problems = corpus_problems(folder)
        said = "\n".join(problems)
        # validate prints the same list, line for line.
        from claimlab.__main__ import main
        code = main(["validate", str(folder)])
        printed = capsys.readouterr().out.splitlines()
        listed = [p for p in problems if not p.startswith("outlets: ")]
        if not listed:  # with no problem, the summary goes to stdout too
            printed = [line for line in printed if not line.endswith("0 problem(s)")]
        assert printed == listed
        assert code == (1 if listed else 0)
    else:
        said = str(case.build(tmp_path))
    assert case.expect in said, said


CORPUS_CASES = [c for c in CASES if c.target == "corpus"]


@pytest.mark.parametrize("case", CORPUS_CASES, ids=[c.name for c in CORPUS_CASES])
def test_draft_and_the_annotator_take_every_hostile_folder_without_a_traceback(case: Case, tmp_path):
    """The same folders through draft (a report or DraftError) and the annotation widget (a message)."""
    from claimlab.annotate import Annotator
    from claimlab.draft import DraftError, draft
    folder = case.build(tmp_path)
    try:
        report = draft(folder, progress=False)
    except DraftError as exc:
        assert str(exc)
    else:
        assert report.summary()
    widget = Annotator(folder)
    assert widget.folder is not None or widget.last_message[0] == "error"
    outside = tmp_path / "outside"
    if outside.exists():  # nothing was written there
        assert sorted(p.name for p in outside.iterdir()) == ["secret.csv", "secret.txt"]


def test_the_catalogue_holds_at_least_30_cases_with_distinct_names():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)
    assert {c.rule for c in CASES} >= {1, 2, 3, 4, 5, 6}


def test_one_broken_articles_table_gives_one_problem(tmp_path):
    problems = corpus_problems(broken_articles_table(tmp_path))
    assert len(problems) == 1, problems
    assert "81 of attributions.csv, 17 of figures.csv, 100 of terms.csv, 28 of segments.csv" in problems[0]


def markdown() -> str:
    """The catalogue as a Markdown table (for the issue's note)."""
    lines = ["| # | case | rule | through | hostile input | expected message (fragment) |",
             "|---|---|---|---|---|---|"]
    for n, c in enumerate(CASES, 1):
        expect = c.expect.replace("|", "\\|")
        lines.append(f"| {n} | {c.name} | {c.rule} | {c.target} | {c.what} | `{expect}` |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(markdown() + "\n")
