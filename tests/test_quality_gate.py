"""Quality gate: F1 per competency question on the golden corpus stays above its floor.

Floors live in ``tests/eval_baseline.json``; raise them when the extraction
improves. Lowering one is a decision to write down in the commit message.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticegraph.evaluation import QUESTIONS, Score, answers, score_rows
from tests.conftest import golden_notices

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))


def corpus_score(store, question: str) -> Score:
    rows = answers(store, question)
    columns = QUESTIONS[question][1]
    total = Score(0, 0, 0)
    for path, gold in golden_notices():
        part = score_rows(gold.get(question, []), rows.get(path.name, set()), columns)
        total = Score(total.tp + part.tp, total.fp + part.fp, total.fn + part.fn,
                      total.missed + tuple((path.name, m) for m in part.missed),
                      total.extra + tuple((path.name, e) for e in part.extra))
    return total


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_f1_above_floor(question: str, golden_store) -> None:
    score = corpus_score(golden_store, question)
    floor = BASELINE["f1_floor"][question]
    assert score.f1 >= floor, f"F1 {score.f1:.3f} < {floor}: missed {score.missed}, extra {score.extra}"


def test_every_window_quote_is_in_its_notice(golden_facts: dict) -> None:
    for facts in golden_facts.values():
        text = facts.document.text
        for window in facts.windows:
            assert text[window.sentence.start:window.sentence.end] == window.sentence.text
            assert len(window.sentence.text) >= 6
