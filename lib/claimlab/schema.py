"""The curated tables: which files, which columns, which values.

One place that says what ``seeds/*.csv`` must look like.  :mod:`claimlab.validate`
checks files against it and :mod:`claimlab.corpus` types the columns with it.
The data dictionary for humans is ``seeds/README.md``.
"""

from __future__ import annotations

# file name -> required columns (in the order we write them); extra columns are kept.
TABLES: dict[str, list[str]] = {
    "articles.csv": [
        "article_id", "file", "outlet", "headline", "published", "date_confidence",
        "date_evidence", "dateline", "byline", "wire", "relays", "event",
    ],
    "outlets.csv": ["outlet", "country", "ownership", "parent", "kind", "citation", "note"],
    "actors.csv": ["actor", "type", "country", "parent", "description"],
    "attributions.csv": [
        "article_id", "attribution_id", "speaker", "speaker_start", "speaker_end",
        "cue", "cue_start", "cue_end", "content", "content_start", "content_end",
        "actor", "speaker_type", "quote_type", "channel", "nested_in", "repeat_of", "note",
    ],
    "figures.csv": [
        "article_id", "figure_id", "claimant", "measure", "low", "high", "unit",
        "qualifier", "text", "start", "end", "attribution_id", "subset_of", "note",
    ],
    "terms.csv": ["article_id", "term_id", "term", "start", "end", "category", "refers_to", "note"],
    "segments.csv": ["article_id", "kind", "text", "start", "end"],
}

# Columns a table cannot do without; the others may be left out and are then empty.
ESSENTIAL: dict[str, list[str]] = {
    "articles.csv": ["file"],
    "metadata.csv": ["file"],
    "outlets.csv": ["outlet"],
    "actors.csv": ["actor"],
    "attributions.csv": ["article_id", "content", "content_start", "content_end"],
    "figures.csv": ["article_id", "text", "start", "end"],
    "terms.csv": ["article_id", "term", "start", "end"],
    "segments.csv": ["article_id", "kind", "text", "start", "end"],
}

# Spans: (text column, start column, end column); an empty text means "no span".
SPANS: dict[str, list[tuple[str, str, str]]] = {
    "attributions.csv": [
        ("speaker", "speaker_start", "speaker_end"),
        ("cue", "cue_start", "cue_end"),
        ("content", "content_start", "content_end"),
    ],
    "figures.csv": [("text", "start", "end")],
    "terms.csv": [("term", "start", "end")],
    "segments.csv": [("text", "start", "end")],
}

INT_COLUMNS = {c for spans in SPANS.values() for _, s, e in spans for c in (s, e)}
FLOAT_COLUMNS = {"low", "high"}
DATE_COLUMNS = {"published"}

ALLOWED: dict[tuple[str, str], set[str]] = {
    ("attributions.csv", "speaker_type"): {"person", "institution", "anonymous"},
    ("attributions.csv", "quote_type"): {"direct", "indirect", "mixed"},
    ("terms.csv", "category"): {"actor_label", "hedge", "aside", "evaluative"},
    ("articles.csv", "date_confidence"): {"high", "medium", "low", ""},
    ("outlets.csv", "ownership"): {"state-owned", "private", "public", "unknown"},
    ("actors.csv", "type"): {
        "government", "ministry", "military", "person", "group", "ngo", "outlet", "unknown",
    },
    ("segments.csv", "kind"): {
        "navigation", "headline", "repeated headline", "standfirst", "dateline", "byline",
        "caption", "photo credit", "crosshead", "promo", "share", "copyright", "notice",
    },
}

# Optional last column of any table: "draft" marks a row a machine wrote (claimlab.draft) and
# nobody has checked yet; "checked", an empty value or no such column means a person checked it.
STATUS = "status"
STATUS_VALUES = {"draft", "checked"}
ALLOWED.update({(table, STATUS): STATUS_VALUES | {""} for table in TABLES})

# Row identifiers: table -> id column (must be unique).
IDS = {
    "articles.csv": "article_id",
    "outlets.csv": "outlet",
    "actors.csv": "actor",
    "attributions.csv": "attribution_id",
    "figures.csv": "figure_id",
    "terms.csv": "term_id",
}

# Foreign keys: (table, column) -> (table it points to, id column there).  Empty values are allowed.
REFERENCES = {
    ("articles.csv", "outlet"): ("outlets.csv", "outlet"),
    ("attributions.csv", "article_id"): ("articles.csv", "article_id"),
    ("attributions.csv", "actor"): ("actors.csv", "actor"),
    ("attributions.csv", "nested_in"): ("attributions.csv", "attribution_id"),
    ("attributions.csv", "repeat_of"): ("attributions.csv", "attribution_id"),
    ("figures.csv", "article_id"): ("articles.csv", "article_id"),
    ("figures.csv", "claimant"): ("actors.csv", "actor"),
    ("figures.csv", "attribution_id"): ("attributions.csv", "attribution_id"),
    ("figures.csv", "subset_of"): ("figures.csv", "figure_id"),
    ("terms.csv", "article_id"): ("articles.csv", "article_id"),
    ("segments.csv", "article_id"): ("articles.csv", "article_id"),
    ("actors.csv", "parent"): ("actors.csv", "actor"),
}
