"""Show one article with its annotations highlighted in the text.

``render_article`` turns an article and its attribution, figure and framing-term
rows into a self-contained HTML fragment: paragraph by paragraph, each span a
``<mark>`` whose hover title says who said it, what number it claims or what a
label refers to.  ``ArticleReader`` wraps it in a notebook widget with an
article menu and one checkbox per layer.

Safety and accessibility rules the rest of the course relies on:

* every piece of corpus text, in the page and in attribute values, goes through
  ``html.escape(..., quote=True)``, so an article containing ``<script>`` shows
  it as text;
* spans may overlap or nest in any way: the text is cut at every span boundary
  and tags are closed and reopened so the HTML is always well formed (a mark
  that crosses another is split into pieces with the same ``data-id``);
* layers differ without colour (bold/underline, italic/dotted, tint, boxed,
  dashed underline) and the colours are light Okabe–Ito tints under dark text;
* styles are inline, so the fragment looks the same in JupyterLab, Voila and a
  saved notebook, and a ``large=True`` version is meant for a projector.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import pandas as pd

from .format import figure_range, shorten
from .format import text as _text
from .markup import BLUE as _BLUE
from .markup import FONT, INK, MUTED, PAPER, esc
from .markup import GREEN as _GREEN
from .markup import PURPLE as _PURPLE
from .markup import VERMILLION as _VERMILLION

if TYPE_CHECKING:
    from claimlab.corpus import Corpus

__all__ = ["LAYERS", "render_article", "ArticleReader"]

#: The annotation layers, in display order, with their names for people.
LAYERS = {"attributions": "Attributions", "figures": "Figures", "terms": "Framing terms"}

_EMPTY = {
    "attributions": "No attributions marked in this article.",
    "figures": "No figures marked in this article.",
    "terms": "No framing terms marked in this article.",
}

# Okabe–Ito colours: dark ones for lines and borders (3:1 or more against white),
# light tints of them as backgrounds under dark text.
_MARK = f"color:{INK};padding:0 1px;border-radius:2px;"

# part -> (inline style, legend label).  Each part has a non-colour cue too.
STYLES: dict[str, tuple[str, str]] = {
    "content": (_MARK + "background:#DDF0FB;", "Reported content (tinted)"),
    "speaker": (_MARK + f"background:#CCE3F0;font-weight:700;text-decoration:underline solid {_BLUE};"
                "text-decoration-thickness:2px;text-underline-offset:3px;", "Speaker (bold, underlined)"),
    "cue": (_MARK + f"background:transparent;font-style:italic;text-decoration:underline dotted {_BLUE};"
            "text-decoration-thickness:2px;text-underline-offset:3px;", "Cue (italic, dotted)"),
    "figure": (_MARK + f"background:#F9E7BF;border:2px solid {_VERMILLION};", "Figure (boxed)"),
    "term": (_MARK + f"background:#FAF6BD;text-decoration:underline dashed {_GREEN};"
             "text-decoration-thickness:2px;text-underline-offset:4px;", "Framing term (dashed)"),
    "extra": (_MARK + f"background:#F2DEE9;text-decoration:underline double {_PURPLE};"
              "text-underline-offset:3px;", "Extra highlight (double underline)"),
}

# Which parts each layer draws, and their nesting order when two spans cover the same text.
_PARTS = {"attributions": ("content", "speaker", "cue"), "figures": ("figure",),
          "terms": ("term",), "extra": ("extra",)}
_RANK = {part: i for i, part in enumerate(("content", "speaker", "cue", "figure", "term", "extra"))}


def _offset(value) -> int | None:
    text = _text(value).strip()
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    layer: str
    part: str
    id: str
    title: str

    @property
    def key(self):
        """Outer spans first: earlier start, then longer, then by part."""
        return (self.start, -self.end, _RANK[self.part], self.id)

    def open_tag(self) -> str:
        return (f'<mark class="ca-mark ca-{self.part}" data-layer="{self.layer}" data-part="{self.part}" '
                f'data-id="{esc(self.id)}" title="{esc(self.title)}" style="{esc(STYLES[self.part][0])}">')


# ----------------------------------------------------------------------------- hover titles

def _who(r: dict) -> str:
    speaker, actor, kind = _text(r.get("speaker")), _text(r.get("actor")), _text(r.get("speaker_type"))
    who = speaker or "no named speaker"
    if actor and actor != speaker:
        who += f" → {actor}"
    if kind:
        who += f" ({kind})"
    return who


def _clauses(r: dict, templates: list[tuple[str, str]]) -> str:
    """Each ``(column, template)`` whose column has a value, filled in, joined."""
    return "".join(template.format(_text(r.get(col))) for col, template in templates if _text(r.get(col)))


def _details(r: dict, id_col: str) -> str:
    """The tail every title shares: id, machine-made or not, and the annotator's note."""
    tail = f" [{_text(r.get(id_col))}]" if _text(r.get(id_col)) else ""
    if _text(r.get("origin")) == "extracted":
        tail += "\n(found automatically by the extractor: check it against the text)"
    elif _text(r.get("status")).strip() == "draft":
        tail += "\n(a machine's draft that nobody has checked yet: check it against the text)"
    if _text(r.get("note")):
        tail += f"\nNote: {_text(r.get('note'))}"
    return tail


def _attribution_titles(r: dict) -> dict[str, str]:
    quote = _text(r.get("quote_type"))
    how = f"{quote} quote" if quote else "statement"
    tail = _clauses(r, [("channel", ", via {}"), ("nested_in", ", reported inside {}"),
                        ("repeat_of", ", repeats {}")]) + _details(r, "attribution_id")
    who = _who(r)
    return {
        "speaker": f"Speaker: {who}, {how}{tail}",
        "cue": f"Cue “{_text(r.get('cue'))}”: {how} by {who}{tail}",
        "content": f"Content: {how} by {who}{tail}",
    }


def _figure_title(r: dict) -> str:
    title = f"Figure: {_text(r.get('measure')) or 'number'} {figure_range(r.get('low'), r.get('high'))}"
    title += _clauses(r, [("unit", " {}"), ("claimant", ", claimed by {}")])
    if not _text(r.get("claimant")):
        title += ", in the outlet's own voice"
    title += _clauses(r, [("qualifier", " (qualifier: {})"), ("subset_of", ", part of {}"),
                          ("attribution_id", ", in statement {}")])
    return title + _details(r, "figure_id")


def _term_title(r: dict) -> str:
    title = f"Term: {_text(r.get('category')) or 'term'}" + _clauses(r, [("refers_to", ", refers to {}")])
    return title + _details(r, "term_id")


# ----------------------------------------------------------------------------- spans

def _rows(df, article_id: str) -> list[dict]:
    if df is None or len(df) == 0:
        return []
    if isinstance(df, pd.DataFrame):
        if "article_id" in df.columns:
            df = df[df["article_id"] == article_id]
        return df.to_dict("records")
    return [dict(r) for r in df if _text(dict(r).get("article_id", article_id)) == article_id]


def _span(r: dict, start_col: str, end_col: str, layer: str, part: str, ident: str, title: str,
          size: int) -> _Span | None:
    start, end = _offset(r.get(start_col)), _offset(r.get(end_col))
    if start is None or end is None:
        return None
    start, end = max(0, start), min(size, end)
    if start >= end:
        return None
    return _Span(start, end, layer, part, ident, title)


def _layer_spans(corpus: Corpus, article_id: str, layer: str, size: int) -> tuple[list[_Span], int]:
    """The spans of one layer in one article, and how many rows the layer has there."""
    spans: list[_Span | None] = []
    if layer == "attributions":
        rows = _rows(getattr(corpus, "attributions", None), article_id)
        for r in rows:
            titles = _attribution_titles(r)
            ident = _text(r.get("attribution_id"))
            spans += [_span(r, "content_start", "content_end", layer, "content", ident, titles["content"], size),
                      _span(r, "speaker_start", "speaker_end", layer, "speaker", ident, titles["speaker"], size),
                      _span(r, "cue_start", "cue_end", layer, "cue", ident, titles["cue"], size)]
    elif layer == "figures":
        rows = _rows(getattr(corpus, "figures", None), article_id)
        spans = [_span(r, "start", "end", layer, "figure", _text(r.get("figure_id")), _figure_title(r), size)
                 for r in rows]
    else:
        rows = _rows(getattr(corpus, "terms", None), article_id)
        spans = [_span(r, "start", "end", layer, "term", _text(r.get("term_id")), _term_title(r), size)
                 for r in rows]
    return [s for s in spans if s is not None], len(rows)


def _extra_spans(extra, article_id: str, size: int) -> list[_Span]:
    spans = []
    for i, r in enumerate(_rows(extra, article_id), 1):
        label = _text(r.get("label")) or _text(r.get("title")) or "Highlight"
        spans.append(_span(r, "start", "end", "extra", "extra", _text(r.get("id")) or f"X{i}", label, size))
    return [s for s in spans if s is not None]


def _marked(text: str, start: int, end: int, spans: list[_Span]) -> str:
    """``text[start:end]`` escaped, with the spans as properly nested ``<mark>`` elements.

    The piece is cut at every span boundary.  For each cut the wanted stack of
    open marks is the covering spans in nesting order; the marks shared with
    the current stack stay open, the rest are closed and the new ones opened.
    """
    local = [s for s in spans if s.start < end and s.end > start]
    cuts = sorted({start, end} | {min(max(p, start), end) for s in local for p in (s.start, s.end)})
    out: list[str] = []
    stack: list[_Span] = []
    for lo, hi in pairwise(cuts):
        want = sorted((s for s in local if s.start <= lo and s.end >= hi), key=lambda s: s.key)
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] == want[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        out.extend(s.open_tag() for s in want[keep:])
        stack = want
        out.append(html.escape(text[lo:hi], quote=True))
    out.append("</mark>" * len(stack))
    return "".join(out)


# ----------------------------------------------------------------------------- the page

def _legend(parts: list[str]) -> str:
    if not parts:
        return (f'<div class="ca-legend" style="font-size:0.85em;color:{MUTED};margin-bottom:0.8em">'
                "No highlights selected.</div>")
    samples = " ".join(f'<span class="ca-key" style="{esc(STYLES[p][0])}margin-right:0.6em">{STYLES[p][1]}</span>'
                       for p in parts)
    return (f'<div class="ca-legend" role="note" aria-label="Legend" style="font-size:0.85em;'
            f'line-height:2;margin-bottom:0.8em">{samples}<br><span style="color:{MUTED}">'
            "Hover over a highlight to see who said it, who claims a number or what a label refers to."
            "</span></div>")


def _paragraphs(corpus: Corpus, article_id: str, text: str) -> list[tuple[int, int, str]]:
    rows = _rows(getattr(corpus, "paragraphs", None), article_id)
    paras = [(_offset(r.get("start")), _offset(r.get("end")), _text(r.get("kind")) or "body") for r in rows]
    paras = sorted((s, e, k) for s, e, k in paras if s is not None and e is not None and s < e)
    return paras or [(0, len(text), "body")]


def _meta(corpus: Corpus, article_id: str) -> str:
    rows = _rows(getattr(corpus, "articles", None), article_id)
    r = rows[0] if rows else {}
    published = r.get("published")
    date = published.strftime("%Y-%m-%d") if isinstance(published, pd.Timestamp) else _text(published)
    bits = [b for b in (_text(r.get("outlet")), date, article_id) if b]
    return (f'<div class="ca-meta" style="font-size:0.8em;color:{MUTED};margin-bottom:0.6em">'
            f'{" · ".join(esc(b) for b in bits)}</div>')


def render_article(corpus: Corpus, article_id: str, layers=("attributions", "figures", "terms"), *,
                   extra=None, large: bool = False) -> str:
    """The article as an HTML fragment with the chosen annotation layers highlighted.

    ``layers`` is any of ``"attributions"``, ``"figures"`` and ``"terms"``.
    ``extra`` adds highlights of your own: a DataFrame (or list of dicts) with
    ``start`` and ``end`` offsets, optionally ``label`` (the hover text), ``id``
    and ``article_id`` (rows for other articles are ignored); they are shown
    whatever ``layers`` says.  ``large=True`` uses a bigger font for projectors.
    Raises ``KeyError`` for an unknown article, ``ValueError`` for an unknown layer.
    """
    layers = (layers,) if isinstance(layers, str) else tuple(layers)
    unknown = [layer for layer in layers if layer not in LAYERS]
    if unknown:
        raise ValueError(f"unknown layer(s) {', '.join(map(repr, unknown))}; choose from {', '.join(LAYERS)}")
    text = corpus.text(article_id)
    spans: list[_Span] = []
    empty: list[str] = []
    parts: list[str] = []
    for layer in LAYERS:
        if layer not in layers:
            continue
        found, n = _layer_spans(corpus, article_id, layer, len(text))
        spans += found
        parts += _PARTS[layer]
        if n == 0:
            empty.append(_EMPTY[layer])
    if extra is not None:
        found = _extra_spans(extra, article_id, len(text))
        spans += found
        parts += ["extra"] if found else []

    body = []
    for start, end, kind in _paragraphs(corpus, article_id, text):
        inner = _marked(text, start, end, spans)
        if kind == "body":
            body.append(f'<p class="ca-para" style="margin:0 0 0.8em 0">{inner}</p>')
        else:
            label = (f'<span class="ca-kind" style="font-size:0.75em;text-transform:uppercase;'
                     f'letter-spacing:0.04em;border:1px solid #8c8c8c;border-radius:3px;padding:0 0.3em;'
                     f'margin-right:0.5em;color:{MUTED}">{esc(kind)}</span>')
            body.append(f'<p class="ca-para ca-boiler" data-kind="{esc(kind)}" style="margin:0 0 0.8em 0;'
                        f'color:{MUTED};font-size:0.88em;border-left:3px solid #b3b3b3;padding-left:0.6em">'
                        f'{label}{inner}</p>')
    notes = "".join(f'<p class="ca-empty" style="font-style:italic;color:{MUTED};margin:0 0 0.6em 0">{m}</p>'
                    for m in empty)
    size = "24px" if large else "16px"
    return (f'<div class="ca-reader" role="article" aria-label="{esc(article_id)}" style="font-family:{esc(FONT)};'
            f'font-size:{size};line-height:1.65;color:{INK};background:{PAPER};max-width:48em;'
            f'padding:1em 1.2em;border:1px solid #d0d0d0;border-radius:6px">'
            f'{_meta(corpus, article_id)}{_legend(parts)}{notes}{"".join(body)}</div>')


# ----------------------------------------------------------------------------- the widget

class Shown:
    """Displays as its ``.widget`` (an ipywidgets box) in a notebook."""

    widget = None

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def article_options(corpus: Corpus) -> list[tuple[str, str]]:
    """``("Outlet — headline", article_id)`` for each article, labels made unique."""
    rows = corpus.articles.to_dict("records") if len(corpus.articles) else []
    known = {_text(r.get("article_id")) for r in rows}
    rows += [{"article_id": a} for a in corpus.texts if a not in known]
    options = []
    for r in rows:
        aid = _text(r.get("article_id"))
        if aid not in corpus.texts:
            continue
        outlet, headline = _text(r.get("outlet")), _text(r.get("headline"))
        label = " — ".join(b for b in (outlet, shorten(headline)) if b) or aid
        options.append((label, aid))
    labels = [label for label, _ in options]
    return [(f"{label} ({aid})" if labels.count(label) > 1 else label, aid) for label, aid in options]


class ArticleReader(Shown):
    """An article menu, one checkbox per layer and the highlighted article below.

    ``.article`` (Dropdown), ``.toggles`` (layer -> Checkbox) and ``.html`` (the
    HTML widget) can be set from code; ``.value`` is the HTML shown now.
    """

    def __init__(self, corpus: Corpus, article_id: str | None = None, large: bool = False):
        import ipywidgets as W

        self.corpus = corpus
        self.large = large
        options = article_options(corpus)
        if article_id is not None:
            corpus.text(article_id)  # a KeyError naming the known articles
        value = article_id if article_id is not None else (options[0][1] if options else None)
        style = {"description_width": "initial"}
        self.article = W.Dropdown(options=options, value=value, description="Article",
                                  tooltip="Choose the article to read", style=style,
                                  layout=W.Layout(width="auto", min_width="24em", max_width="100%"))
        tips = {"attributions": "Highlight speakers, cues and what they are reported to have said",
                "figures": "Highlight numbers of deaths, strikes and other counted things",
                "terms": "Highlight framing labels, hedges, asides and evaluative words"}
        self.toggles = {layer: W.Checkbox(value=True, description=label, tooltip=tips[layer], indent=False,
                                          style=style, layout=W.Layout(width="auto", margin="0 1.5em 0 0"))
                        for layer, label in LAYERS.items()}
        self.html = W.HTML(tooltip="The article text with the chosen highlights",
                           layout=W.Layout(width="100%"))
        bar = W.HBox(list(self.toggles.values()), layout=W.Layout(flex_flow="row wrap"))
        self.widget = W.VBox([self.article, bar, self.html])
        self.article.observe(self._changed, names="value")
        for box in self.toggles.values():
            box.observe(self._changed, names="value")
        self.update()

    @property
    def layers(self) -> tuple[str, ...]:
        """The layers switched on now."""
        return tuple(layer for layer, box in self.toggles.items() if box.value)

    @property
    def value(self) -> str:
        """The HTML shown now."""
        return self.html.value

    def _changed(self, change):
        self.update()

    def update(self):
        """Render the chosen article with the chosen layers."""
        if self.article.value is None:
            self.html.value = f'<p style="font-style:italic;color:{MUTED}">No articles in this corpus.</p>'
            return
        self.html.value = render_article(self.corpus, self.article.value, self.layers, large=self.large)
