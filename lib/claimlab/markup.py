"""HTML pieces shared by the library: escaping, the palette and feedback boxes.

Text from a corpus is always shown through :func:`esc`.  Colours are the
Okabe–Ito palette (safe for colour-blind readers); each status also has a
mark (✔ ✘ …) so it does not rest on colour alone.
"""

from __future__ import annotations

import html

from .format import text

__all__ = ["esc", "INK", "PAPER", "MUTED", "FONT", "OKABE_ITO", "BLUE", "ORANGE", "GREEN", "VERMILLION",
           "PURPLE", "GREY", "STATUS_COLOURS", "feedback_box"]

INK = "#1a1a1a"
PAPER = "#ffffff"
MUTED = "#4d4d4d"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
BLUE, ORANGE, GREEN, PURPLE, VERMILLION = "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00"
GREY = "#555555"

#: A check's outcome → (colour, mark): right / wrong / neither (nothing to check yet).
STATUS_COLOURS = {True: (GREEN, "✔"), False: (VERMILLION, "✘"), None: (GREY, "…")}


def esc(value) -> str:
    """Any value as HTML-safe text (quotes escaped too, so it is safe in attributes)."""
    return html.escape(text(value), quote=True)


def feedback_box(ok: bool | None, inner_html: str, *, mark: bool = True, extra_style: str = "") -> str:
    """A status box with a coloured left border: ``inner_html`` must already be escaped."""
    colour, sign = STATUS_COLOURS[ok]
    head = f"<strong>{sign}</strong> " if mark else ""
    style = f"border-left:6px solid {colour};padding:4px 10px" + (f";{extra_style}" if extra_style else "")
    return f"<div role='status' style='{style}'>{head}{inner_html}</div>"
