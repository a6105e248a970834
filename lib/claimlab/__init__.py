"""claimlab: the Conflicting Accounts corpus as pandas dataframes.

>>> import claimlab
>>> corpus = claimlab.load_corpus()          # the bundled seed articles
>>> corpus.attributions.head()

Importing the package is cheap: submodules load on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["load_corpus", "Corpus", "CorpusError", "__version__"]


def __getattr__(name):
    if name in ("load_corpus", "Corpus", "CorpusError"):
        from . import corpus
        return getattr(corpus, name)
    raise AttributeError(f"module 'claimlab' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
