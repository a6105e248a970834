"""Infer an article's metadata from its text, and say what could not be inferred.

Used for articles that have no row in ``articles.csv``.  It never invents: a
dateline that gives "September 2" without a year yields no publication date,
and an outlet is never guessed from a wire credit.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_DATES = [
    # 2019-09-02
    (re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b"), lambda m: (int(m[1]), int(m[2]), int(m[3]))),
    # September 2, 2019
    (re.compile(_MONTH + r"\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b"),
     lambda m: (int(m[3]), _MONTHS[m[1].lower()], int(m[2]))),
    # 2 September 2019, 02nd September, 2019
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+((?:19|20)\d\d)\b"),
     lambda m: (int(m[3]), _MONTHS[m[2].lower()], int(m[1]))),
]
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}?[A-Z.])"
    r"(?:,\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,\s*(?:19|20)\d\d)?))?"
    r"\s*\.?\s*"
    r"(?:/(?P<wire1>[A-Za-z][\w ]{0,30})/|\((?P<wire2>[^()\n]{2,80})\)|[-—–])"
)

_EDITORS_NOTE = re.compile(r"\[[^\[\]]+\]")
# Site navigation above a headline: "All news", "Home", or a breadcrumb such as "Home / World news".
_NAVIGATION = re.compile(r"(all )?news|home|menu|(home|news)(\s*[/>»|]\s*[^/>»|]{1,30})+", re.IGNORECASE)


def find_dates(text: str) -> list[date]:
    """Every full calendar date (day, month and year) written in ``text``."""
    out = []
    for rx, parts in _DATES:
        for m in rx.finditer(text):
            y, mo, d = parts(m)
            try:
                out.append(date(y, mo, d))
            except ValueError:
                continue
    return out


def infer_metadata(text: str) -> dict:
    """Headline, dateline, wire and date from the opening lines of ``text``.

    Returns a dict with ``headline, dateline, wire, published`` (a
    ``datetime.date`` or None) and ``uninferred``: a list of
    ``(field, reason)`` for everything it could not establish.
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    # An editor's note in square brackets at the very top ("[Corrected ...]") is not the title.
    while lines and _EDITORS_NOTE.fullmatch(lines[0]):
        lines = lines[1:]
    meta = {"headline": "", "dateline": "", "wire": "", "published": None, "uninferred": []}
    for ln in lines[:3]:
        words = ln.split()
        if 2 <= len(words) <= 30 and not _NAVIGATION.fullmatch(ln):
            meta["headline"] = ln
            break
    if not meta["headline"]:
        meta["uninferred"].append(("headline", "no short title line at the top"))
    head = lines[:8]
    for ln in head:
        m = _DATELINE.match(ln)
        if m:
            wire = (m["wire1"] or m["wire2"] or "").strip()
            meta["dateline"] = m.group(0).rstrip(" .-—–(/").strip()
            names = []
            for part in re.split(r"\s*/\s*", wire):
                part = re.split(r"\s+[-—–]\s+|,", part)[0].strip()
                if re.search(r"[A-Za-z]", part) and not find_dates(part) and len(part) <= 40:
                    names.append(part)
            meta["wire"] = "; ".join(names)
            break
    if not meta["dateline"]:
        meta["uninferred"].append(("dateline", "no dateline such as 'PLACE, Month D (Agency)' in the opening lines"))
    if not meta["wire"]:
        meta["uninferred"].append(("wire", "no agency credit in the dateline"))
    dates = sorted(set(find_dates("\n".join(ln[:300] for ln in head))))
    if len(dates) == 1:
        meta["published"] = dates[0]
    elif len(dates) > 1:
        meta["uninferred"].append(
            ("published", "several dates in the opening lines: " + ", ".join(map(str, dates))))
    else:
        meta["uninferred"].append(("published", "no full date (day, month and year) in the opening lines"))
    return meta
