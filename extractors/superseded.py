"""Times a notice states only to revise or void them (原定于X, 原通告中“…”的安排相应调整).

A notice that moves an outage quotes the earlier notice's values: 原定于12月22日18时至
1月2日8时暂停…, 由原定的11月20日8时恢复调整为…, 原通告要求于12月22日前办结…的提示同时作废.
Such a time is not a window, resumption, deadline or payment of this notice. A time is
superseded when a ``superseded`` cue (``patterns/cues.yaml``) comes before it in its
clause and no ``revision`` cue (调整为, 延长至) lies between them, when it sits
inside a quotation opened after such a cue, or when its paragraph opens with a note marking it void
(〔旧文〕, （…已作废，请勿参照）).
"""
from __future__ import annotations

from extractors.lexicon import compiled
from extractors.sentences import Sentence
from extractors.temporal import TimeExpression

FILE = "cues.yaml"
QUOTES = ("“", "”")


def drop_superseded(norm: str, sentences: list[Sentence], owner: list[int],
                    times: list[TimeExpression]) -> list[TimeExpression]:
    """``times`` without those stated only as an earlier notice's values; ``owner`` maps a position to its
    sentence index (-1 outside sentences)."""
    void = _void_blocks(norm, sentences)
    if void:
        times = [t for t in times if owner[t.start] < 0 or sentences[owner[t.start]].block not in void]
    cues = [m.span() for m in compiled(FILE, "superseded").finditer(norm)]
    if not cues:
        return times
    return [time for time in times if not _superseded(norm, sentences, owner, cues, time)]


def _void_blocks(norm: str, sentences: list[Sentence]) -> set[int]:
    """Blocks opened by a note that marks them void (〔旧文〕…, （以下为2022年度通告原文，已作废，请勿参照）…):
    an old text left in the page, whose times are none of this notice's."""
    mark = compiled(FILE, "void_block")
    return {s.block for i, s in enumerate(sentences)
            if (i == 0 or sentences[i - 1].block != s.block) and mark.match(norm, s.start)}


def _superseded(norm: str, sentences: list[Sentence], owner: list[int], cues: list[tuple[int, int]],
                time: TimeExpression) -> bool:
    index = owner[time.start]
    if index < 0:
        return False
    sentence = sentences[index]
    clause_start, _ = sentence.clause_of(time.start)
    for cue_start, cue_end in (c for c in cues if sentence.start <= c[0] and c[1] <= time.start):
        between = norm[cue_end:time.start]
        if between.count(QUOTES[0]) > between.count(QUOTES[1]):
            return True                      # inside 原通告中“…”
        if cue_start >= clause_start and not compiled(FILE, "revision").search(between):
            return True
    return False
