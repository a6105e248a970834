"""claimlab: the Conflicting Accounts corpus as pandas dataframes.

>>> import claimlab
>>> corpus = claimlab.load_corpus()          # the bundled seed articles
>>> corpus.attributions.head()

Importing the package is cheap: submodules load on first use.  Every module
and subpackage in this folder is an attribute (``claimlab.brat``,
``claimlab.views``, ...), found when the package is imported, so a new
module needs no entry here (lazy loading as in Scientific Python SPEC 1).
"""

from __future__ import annotations

import os as _os

import lazy_loader as _lazy_loader

__version__ = "0.1.0"
__all__ = ["Corpus", "CorpusError", "__version__", "load_corpus", "self_check"]


def self_check() -> bool:
    """True when the course's automated tests run the notebooks (``CLAIMLAB_SELF_CHECK=1``).

    Lesson cells that drive widgets and assert what they show run only then.
    """
    return _os.environ.get("CLAIMLAB_SELF_CHECK") == "1"


def _find_submodules(folders: list[str]) -> set[str]:
    """Public module and subpackage names in the package's folders (no import)."""
    found = set()
    for folder in folders:
        try:
            entries = list(_os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            stem, _, suffix = entry.name.partition(".")
            if stem.startswith("_") or not stem.isidentifier():
                continue
            is_module = suffix == "py" and entry.is_file()
            is_package = not suffix and _os.path.isfile(_os.path.join(entry.path, "__init__.py"))
            if is_module or is_package:
                found.add(stem)
    return found


_SUBMODULES = _find_submodules(list(__path__))
_ATTRS = {"corpus": ["load_corpus", "Corpus", "CorpusError"]}
_lazy_getattr = _lazy_loader.attach(__name__, submodules=_SUBMODULES, submod_attrs=_ATTRS)[0]
_LAZY_NAMES = _SUBMODULES | {name for names in _ATTRS.values() for name in names}


def __getattr__(name: str):
    if name not in _LAZY_NAMES:
        raise AttributeError(f"module 'claimlab' has no attribute {name!r}")
    return _lazy_getattr(name)


def __dir__() -> list[str]:
    return sorted(set(__all__) | _LAZY_NAMES)


def _frame_html(df) -> str:
    from .views import frame_html

    return frame_html(df)


def _show_tables_readably() -> None:
    """In an IPython kernel, show dataframes as claimlab.views.frame_html does (text left, ids unbroken).

    Registered by the type's name, so pandas is not imported here; outside
    IPython nothing happens.
    """
    import sys

    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    if shell is None or not hasattr(shell, "display_formatter"):
        return
    html = shell.display_formatter.formatters["text/html"]
    for module in ("pandas", "pandas.core.frame"):  # pandas 3 names its classes' module "pandas"
        html.for_type_by_name(module, "DataFrame", _frame_html)


_show_tables_readably()
