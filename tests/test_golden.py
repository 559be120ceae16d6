"""Golden expectations per corpus notice and question: the extraction must not drift unseen.

The snapshots in ``tests/golden/<notice>.json`` hold the normalised answer rows of
every competency question; regenerate them with ``pytest --update-golden`` and
review the diff.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticegraph.evaluation import QUESTIONS, answers
from tests.conftest import golden_notices

GOLDEN = Path(__file__).parent / "golden"
CASES = [(path.name, question) for path, _ in golden_notices() for question in QUESTIONS]


@pytest.fixture(scope="module")
def rows(golden_store) -> dict:
    return {question: answers(golden_store, question) for question in QUESTIONS}


@pytest.mark.parametrize(("notice", "question"), CASES, ids=[f"{n}-{q}" for n, q in CASES])
def test_golden_answers(notice: str, question: str, rows: dict, update_golden: bool) -> None:
    got = sorted(list(row) for row in rows[question].get(notice, set()))
    path = GOLDEN / f"{notice}.json"
    snapshot = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if update_golden:
        snapshot[question] = got
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert question in snapshot, f"no golden answers for {notice}; run pytest --update-golden"
    assert got == snapshot[question]
