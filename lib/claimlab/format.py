"""Small text helpers shared by the library: cell values, numbers, ranges, lists.

Every module that turns a table cell into words uses these, so a figure reads
the same in the reader, the grading widget, the ledger and a plot.
"""

from __future__ import annotations

import html

__all__ = ["text", "shorten", "number", "figure_range", "and_join", "md", "split_list"]


def text(value) -> str:
    """Any cell as a string; missing values (None, NA, NaN, NaT) as ``""``."""
    if value is None:
        return ""
    try:
        import pandas as pd
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def shorten(value, limit: int = 80) -> str:
    """Whitespace folded, and cut to ``limit`` characters with an ellipsis."""
    s = " ".join(text(value).split())
    return s if len(s) <= limit else s[:limit - 1].rstrip() + "…"


def number(x) -> str:
    """A figure as people write it: ``1,234,567``, ``12.5``, ``1,234,567.5``."""
    x = float(x)
    if x.is_integer():
        return f"{x:,.0f}"
    return f"{x:,.10f}".rstrip("0").rstrip(".")


def figure_range(low, high, vague: str = "no number (vague)") -> str:
    """A figure's low/high as words: ``26``, ``10–15``, ``4,600 or more``, ``up to 5,500``, or ``vague``."""
    low = None if text(low) == "" else low
    high = None if text(high) == "" else high
    if low is None and high is None:
        return vague
    if low is None:
        return f"up to {number(high)}"
    if high is None:
        return f"{number(low)} or more"
    return number(low) if float(low) == float(high) else f"{number(low)}–{number(high)}"


def and_join(items) -> str:
    """``["a", "b", "c"]`` → ``"a, b and c"`` (for sentences computed from the tables)."""
    items = [str(i) for i in items]
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def md(value) -> str:
    """Corpus text made safe for a Markdown sentence: HTML escaped, Markdown marks backslash-escaped."""
    escaped = html.escape(text(value), quote=False)
    return "".join("\\" + ch if ch in "\\`*_[]#|~" else ch for ch in escaped)


def split_list(value) -> list[str]:
    """``'TASS; CNN'`` → ``['TASS', 'CNN']``."""
    return [p.strip() for p in text(value).split(";") if p.strip()]
