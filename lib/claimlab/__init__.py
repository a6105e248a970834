"""claimlab: the Conflicting Accounts corpus as pandas dataframes.

>>> import claimlab
>>> corpus = claimlab.load_corpus()          # the bundled seed articles
>>> corpus.attributions.head()

Importing the package is cheap: submodules load on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["load_corpus", "Corpus", "CorpusError", "self_check", "__version__"]


def self_check() -> bool:
    """True when the course's automated tests run the notebooks (``CLAIMLAB_SELF_CHECK=1``).

    Lesson cells that drive widgets and assert what they show run only then.
    """
    import os
    return os.environ.get("CLAIMLAB_SELF_CHECK") == "1"


_SUBMODULES = {"corpus", "views", "plots", "widgets", "exercises", "reader", "compare",
               "extract", "evaluate", "framing", "metadata", "validate", "schema", "workspace",
               "dating", "machine", "grading", "ledger", "sourcing", "annotate"}


def __getattr__(name):
    if name in ("load_corpus", "Corpus", "CorpusError"):
        from . import corpus
        return getattr(corpus, name)
    if name in _SUBMODULES:
        import importlib
        return importlib.import_module(f"claimlab.{name}")
    raise AttributeError(f"module 'claimlab' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
