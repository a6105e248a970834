"""Lesson 09's helpers: the tables and sentences of a case file, for any folder of articles.

Everything here works on whatever corpus the lesson was pointed at: the
practice case, a folder of PolNeAR texts, this week's news, or a folder whose
draft is empty.  Text from the corpus is escaped before it reaches HTML or
Markdown.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pandas as pd

from claimlab import views
from claimlab.format import and_join, figure_range, md, shorten, text

if TYPE_CHECKING:
    from claimlab.corpus import Corpus

__all__ = ["draft_summary", "sourcing_table", "source_counts", "figure_table", "machine_vs_key",
           "checklist", "is_draft", "table_problems"]

_PLURAL = {"statement": "statements", "figure": "figures", "term": "terms", "article": "articles"}


def _n(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else _PLURAL.get(word, word + 's')}"


def is_draft(df: pd.DataFrame) -> pd.Series:
    """True for rows nobody has checked yet (``status == "draft"``); all False without a status column."""
    if "status" not in df.columns:
        return pd.Series(False, index=df.index)
    return df["status"].fillna("").astype(str).str.strip().eq("draft")


def draft_summary(report, corpus: Corpus) -> str:
    """What the machine drafted and what is in the folder now, in Markdown (no machine paths)."""
    name = md(report.folder.name)
    lines = []
    if report.drafted:
        lines.append(f"The machine drafted **{_n(len(report.drafted), 'article')}** in `{name}`: "
                     f"{_n(report.rows.get('attributions.csv', 0), 'statement')}, "
                     f"{_n(report.rows.get('figures.csv', 0), 'figure')} and "
                     f"{_n(report.rows.get('terms.csv', 0), 'term')}.")
    elif len(corpus.texts):
        lines.append(f"Nothing new to draft in `{name}`: its tables already cover every article, "
                     "so your earlier corrections are kept.")
    for problem in report.problems:
        lines.append(f"**Problem:** {md(problem)}")
    att = corpus.attributions
    drafts = int(is_draft(att).sum())
    lines.append(f"The folder holds **{_n(len(corpus.texts), 'article')}** and "
                 f"**{_n(len(att), 'statement')}**, of which **{drafts}** "
                 f"{'is' if drafts == 1 else 'are'} still drafts nobody has checked.")
    if not len(att):
        lines.append("The machine found no statements here. You can still add the ones you find, "
                     "with the annotation widget below.")
    lines += table_problems(corpus)
    return "\n\n".join(lines)


def table_problems(corpus, limit: int = 12) -> list[str]:
    """The loader's problems with the folder's tables, as Markdown lines (rows it could not use, and why)."""
    prob = corpus.problems
    if prob.empty:
        return []
    out = [f"**{len(prob)} row(s) or file(s) could not be used** and are left out of every table below; "
           "fix them in the annotation widget (or the CSV file):"]
    for r in prob.head(limit).itertuples(index=False):
        where = md(r.file) + ("" if pd.isna(r.line) else f", line {int(r.line)}")
        out.append(f"- {where}: {md(r.problem)}")
    if len(prob) > limit:
        out.append(f"- … and {len(prob) - limit} more (`corpus.problems` lists them all).")
    return out


def sourcing_table(corpus: Corpus) -> pd.DataFrame:
    """Per article: what the page says about its source, and what could not be worked out."""
    cols = ["article_id", "outlet", "headline", "dateline", "byline", "wire", "published", "date_confidence"]
    a = corpus.articles
    out = a[[c for c in cols if c in a.columns]].copy()
    if "published" in out.columns:
        out["published"] = out["published"].map(lambda d: "" if pd.isna(d) else f"{d:%Y-%m-%d}")
    if "missing" in a.columns:
        out["still to fill in"] = a["missing"].fillna("").map(_fields)
    elif "uninferred" in a.columns:
        out["still to fill in"] = a["uninferred"].map(lambda v: and_join(v) if isinstance(v, list | tuple) else text(v))
    return out.reset_index(drop=True)


def _fields(missing: str) -> str:
    """``"byline: not inferred; outlet: never guessed …"`` → ``"byline, outlet"`` (the reasons are in the CSV)."""
    names = [part.split(":", 1)[0].strip().replace("_", " ") for part in missing.split(";") if part.strip()]
    return ", ".join(dict.fromkeys(n for n in names if n))


def source_counts(corpus: Corpus) -> pd.DataFrame:
    """Statements by kind of source (person, institution, anonymous), checked and still draft."""
    st = corpus.attributions
    kinds = ["person", "institution", "anonymous"]
    if "repeat_of" in st.columns:
        st = st[st["repeat_of"].fillna("").astype(str).str.strip() == ""]
    draft = is_draft(st)
    kind = st["speaker_type"].fillna("").astype(str).replace("", "(not set)")
    rows = []
    for k in kinds + sorted(set(kind) - set(kinds)):
        mine = kind == k
        rows.append({"kind of source": k, "checked": int((mine & ~draft).sum()),
                     "still draft": int((mine & draft).sum())})
    table = pd.DataFrame(rows, columns=["kind of source", "checked", "still draft"])
    table.loc[len(table)] = ["all", int(table["checked"].sum()), int(table["still draft"].sum())]
    return table


def figure_table(corpus: Corpus) -> pd.DataFrame:
    """The story's figures by counting unit: claimant, range in words, the words themselves, and status."""
    c = views.claims(corpus)
    if c.empty:
        return pd.DataFrame(columns=["measure", "claimant", "range", "text", "article", "status"])
    status = corpus.figures.set_index("figure_id")["status"] if "status" in corpus.figures.columns else None
    out = pd.DataFrame({
        "measure": c["measure"].fillna("").replace("", "(not set)"),
        "claimant": c["claimant"],
        "range": [figure_range(lo, hi, vague="vague: no number") for lo, hi in zip(c["low"], c["high"])],
        "text": c["text"],
        "article": [text(o) or a for o, a in zip(c["outlet"], c["article_id"])],
        "status": ([text(status.get(f, "")) or "checked" for f in c["figure_id"]] if status is not None
                   else "checked"),
    })
    return out.sort_values(["measure", "claimant"], kind="stable").reset_index(drop=True)


def machine_vs_key(corpus: Corpus) -> str:
    """For a practice case: per article, how the machine's draft compares with the course's key (Markdown)."""
    from claimlab.machine import match_statements
    from claimlab_course import cases

    name = cases.which(corpus)
    if name is None:
        return ("This story has no key: nobody but you has annotated it, so your corrections are the key. "
                "Compare your work with a classmate's, or with the same story in another outlet.")
    key = cases.key_corpus(name)
    mine_by_file = dict(zip(corpus.articles["file"], corpus.articles["article_id"]))
    att = corpus.attributions
    rows, missed = [], []
    for art in key.articles.sort_values("file").itertuples(index=False):
        people = key.attributions[key.attributions["article_id"] == art.article_id]
        folder_rows = att[att["article_id"] == mine_by_file.get(art.file, "")]
        matched = match_statements(people, folder_rows)
        counts = matched["status"].value_counts()
        rows.append(f"| {md(art.outlet)} | {len(people)} | {int(counts.get('found', 0))} | "
                    f"{int(counts.get('missed', 0))} | {int(counts.get('spurious', 0))} |")
        for m in matched[matched["status"] == "missed"].itertuples(index=False):
            who = text(m.people_speaker) or "(no speaker named)"
            missed.append(f"- {md(art.outlet)}: **{md(who)}**: “{md(shorten(m.people_content, 110))}”")
    head = ("| article | statements in the key | found in the folder | missed | not in the key |\n"
            "|---|---|---|---|---|\n")
    tail = ("\n\n**Statements in the key that nothing in your folder matches** (look for them in the article, "
            "and add them with *New statement*):\n\n" + "\n".join(missed)) if missed else \
        "\n\nEvery statement of the key is matched by one in your folder."
    return ("The course's key for the practice case, against the statements now in your folder "
            "(the machine's draft plus your corrections). Two statements match when their contents overlap, "
            "so this table checks that you found each statement, not whether its speaker and cue are right: "
            "check those against the text yourself.\n\n" + head + "\n".join(rows) + tail)


def checklist(items: list[str]):
    """A self-assessment list of checkboxes (nothing is scored or saved)."""
    import ipywidgets as W
    boxes = [W.Checkbox(value=False, description=item, indent=False,
                        layout=W.Layout(width="100%"), tooltip="Tick it if you did it")
             for item in items]
    head = W.HTML("<p><strong>Self-assessment.</strong> " + html.escape(f"{len(items)} moves of an investigation:")
                  + "</p>")
    return W.VBox([head, *boxes])
