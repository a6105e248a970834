"""Rule-based, offline extraction of attributions and figures from news text.

Standard library + pandas only: no models, nothing downloaded.

Modules, one job each: ``vocabulary`` word lists and keyword regexes (and the
trie builder); ``segment`` tokens, sentences, paragraphs, quotation marks;
``cues`` the cue verbs and figure keywords found in a text; ``phrases``
noun-phrase chunking left and right of a cue; ``attributions`` attribution
rules and rows; ``figures`` figure rules and rows; ``runner`` DataFrames,
worker processes and the public :func:`extract` / :class:`Extraction`.

Attributions
------------
:func:`extract_attributions` finds who said what::

    “A,” the source said.            direct quote, speaker after
    “A,” the source said, “B.”       interrupted quote -> two rows, one cue
    “A,” he said. “B.”               follow-on quote   -> two rows, one cue
    X said: “A.”                     direct quote, speaker before
    X said (that) A.                 indirect; content runs to sentence end
    X said the plan was “bad.”       mixed (indirect clause with a quotation)
    A, X said.   /   A, said X.      content first
    According to X, A.  /  A, according to X.
    X told Y (that) A.               channel = Y when it is a name (TASS)
    Headline — Department of State   headline attributed with a dash

Offsets are ``str`` offsets into the text (end exclusive) and
``text[content_start:content_end] == content`` always holds.

Figures
-------
:func:`extract_figures` finds counts such as "26 people were killed",
"more than 4,600 civilians", "almost 5,500", "numerous casualties" (vague:
low/high stay missing, never 0) and "did not carry out a single strike"
(0/0).  ``claimant`` is the speaker of the attribution whose content holds
the figure, else "" (the outlet itself states it).
"""

from __future__ import annotations

from .runner import (
    ATTRIBUTION_COLUMNS,
    FIGURE_COLUMNS,
    Extraction,  # noqa: F401  (public, used by corpus.py; not in __all__, as before the split)
    extract,
    extract_attributions,
    extract_figures,
)
from .vocabulary import CUE_FORMS  # noqa: F401  (a public name of the old module)

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "FIGURE_COLUMNS",
    "extract_attributions",
    "extract_figures",
    "extract",
]
