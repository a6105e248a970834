"""Issue #15: judgement over counting, and tasks that send the student off the page."""

import importlib
import re
from pathlib import Path

import pytest

import claimlab
from claimlab.exercises import Question, judge, resolve

KEYS = Path(__file__).resolve().parents[1] / "lib" / "claimlab_course" / "keys"
FALLBACK = Path(__file__).resolve().parents[1] / "notebooks" / "instructor" / "lateral_reading_fallback.md"


def questions() -> dict[str, Question]:
    out = {}
    for f in sorted(KEYS.glob("l[0-9][0-9].py")):
        out.update(importlib.import_module(f"claimlab_course.keys.{f.stem}").QUESTIONS)
    return out


@pytest.fixture(scope="module")
def corpus():
    return claimlab.load_corpus()


def test_the_course_has_at_least_ten_judgements():
    judgements = [qid for qid, q in questions().items() if q.kind == "judgement"]
    assert len(judgements) >= 10, judgements


def test_lessons_02_to_07_ask_for_no_counts_of_widget_rows():
    # The counting exercises (02.told_tass, 04.anonymous, 06.no_claimant, 07.outlets_carrying) are gone,
    # and no number question took their place (lesson 03, with its own brief, is not checked here).
    numbers = [qid for qid, q in questions().items()
               if q.kind == "number" and qid[:2] in {"02", "04", "05", "06", "07"}]
    assert numbers == []


def test_every_judgement_has_a_rubric_and_gives_it_after_a_reasoned_answer(corpus):
    answer = "My decision is no, because the source is one party, it gives no date, and nobody else confirms it."
    for qid, q in questions().items():
        if q.kind != "judgement":
            continue
        assert len(q.hints) >= 2, qid                       # the rubric's points
        assert judge(q, "No.", corpus).ok is None, qid       # too short: sent back, nothing revealed
        fb = judge(q, answer, corpus)
        assert fb.ok is True and all(h in fb.message for h in q.hints), qid
        if qid[:2] != "09":                                  # lesson 09 may have no model for a student's story
            model = resolve(q.answer, corpus)
            assert model and model in fb.message, qid


def test_at_least_four_timed_tasks_send_the_student_off_the_page_and_have_a_printed_fallback():
    lateral = {qid: q for qid, q in questions().items()
               if q.kind == "judgement" and re.search(r"\(\d+ minutes\)", q.prompt)}
    assert len(lateral) >= 4, sorted(lateral)
    assert {qid[:2] for qid in lateral} >= {"02", "07"}
    fallback = FALLBACK.read_text(encoding="utf-8")
    for qid, q in lateral.items():
        minutes = int(re.search(r"\((\d+) minutes\)", q.prompt).group(1))
        assert 5 <= minutes <= 8, qid
        assert qid in fallback, f"{qid} has no printed fallback"
