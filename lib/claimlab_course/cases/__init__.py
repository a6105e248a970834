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
