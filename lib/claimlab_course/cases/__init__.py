"""Fictional practice cases, each a folder of articles with a complete curated key.

``cases/<name>/text/*.txt`` are the articles (fictional, and each says so on
its first line); ``cases/<name>/key/*.csv`` are their tables in the format of
``seeds/*.csv``.  Students work on the texts alone (drafting and correcting
them in lesson 09); the key shows afterwards where the machine, or they, went
wrong.  See ``README.md`` beside this file for what each case holds.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimlab.corpus import Corpus

__all__ = ["HERE", "names", "text_folder", "key_folder", "copy_texts", "key_corpus"]

HERE = Path(__file__).resolve().parent


def names() -> list[str]:
    """The cases, by folder name."""
    return sorted(p.name for p in HERE.iterdir() if (p / "text").is_dir())


def _case(name: str) -> Path:
    if name not in names():
        raise KeyError(f"no practice case {name!r}; the cases are: {', '.join(names())}")
    return HERE / name


def text_folder(name: str) -> Path:
    """The folder of a case's articles (read-only: copy it before drafting into it)."""
    return _case(name) / "text"


def key_folder(name: str) -> Path:
    """The folder of a case's curated tables."""
    return _case(name) / "key"


def copy_texts(name: str, dest) -> Path:
    """Copy a case's articles into ``dest`` (made if missing); articles already there are kept as they are."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for f in sorted(text_folder(name).glob("*.txt")):
        if not (dest / f.name).exists():
            shutil.copyfile(f, dest / f.name)
    return dest


def key_corpus(name: str):
    """The case loaded with its curated key (texts and tables copied into a temporary folder)."""
    import claimlab
    with tempfile.TemporaryDirectory(prefix=f"case-{name}-") as tmp:
        folder = Path(tmp) / name
        copy_texts(name, folder)
        for f in sorted(key_folder(name).glob("*.csv")):
            shutil.copyfile(f, folder / f.name)
        return claimlab.load_corpus(folder)


def which(corpus: Corpus) -> str | None:
    """The practice case whose articles ``corpus`` holds (text for text), or None for any other corpus."""
    texts = sorted(corpus.texts.values())
    for name in names():
        case = sorted(f.read_text(encoding="utf-8") for f in text_folder(name).glob("*.txt"))
        if case == texts:
            return name
    return None


#: Where lesson 09 keeps its working copy of the practice case, relative to the notebook.
CASE_ROOT = "case_file"


def working_folder(case_dir=None, name: str = "serrow") -> Path:
    """The folder lesson 09 investigates: ``case_dir`` as given, or a working copy of a practice case.

    The copy is made once, in ``case_file/<name>/`` beside the notebook; after
    that it keeps the student's drafts and corrections.  When the course's
    own tests run the lesson (:func:`claimlab.self_check`), every run gets a
    fresh copy in a temporary folder instead, so that each run starts from
    the same undrafted texts.
    """
    import claimlab
    if case_dir is not None:
        folder = Path(case_dir).expanduser()
        if not folder.is_dir():
            raise FileNotFoundError(f"CASE_DIR is {str(case_dir)!r}, which is not a folder here. Set it to the "
                                    "folder that holds your articles (.txt files), or to None for the practice case.")
        return folder
    root = Path(tempfile.mkdtemp(prefix="case-file-")) if claimlab.self_check() else Path(CASE_ROOT)
    return copy_texts(name, root / name)
