"""Cue phrases that give clauses their polarity (``patterns/cues.yaml``)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from operator import attrgetter
from typing import Literal

from extractors.lexicon import compiled, load_yaml
from extractors.script import first_char_scanner

CueKind = Literal["suspend", "unaffected", "alternative", "resume", "suspension_frame", "before_suspension",
                  "after_resumption", "exception"]
FILE = "cues.yaml"


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue phrase at ``text[start:end]``."""

    kind: CueKind
    start: int
    end: int


def _matches(kind: CueKind, text: str) -> list[Cue]:
    guarded = _guarded(kind)
    if guarded is None:
        return [Cue(kind, m.start(), m.end()) for m in compiled(FILE, kind).finditer(text)]
    return [Cue(kind, start, end) for start, end in _non_overlapping(m.span(1) for m in guarded.finditer(text))]


@cache
def _guarded(kind: CueKind) -> re.Pattern[str] | None:
    """The cue pattern behind a guard on its first characters, the match being group 1; None if unknown.

    Python's regex engine skips quickly only to the first characters of a
    pattern that is a plain alternation of literals; these patterns start with
    groups, so it tries them at every position. The guarded pattern starts with
    the class of its first characters, which the engine skips to (see
    :func:`extractors.script.first_char_scanner`).
    """
    return first_char_scanner(compiled(FILE, kind).pattern, capture=True)


def _non_overlapping(spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The spans ``finditer`` gives from matches at every possible start: each one after the last kept."""
    reached = 0
    for start, end in spans:
        if start >= reached:
            yield start, end
            reached = end


def _overlap_test(others: list[Cue]) -> Callable[[Cue], bool]:
    """A test of whether a cue overlaps one of ``others`` (a bisection among them sorted by start)."""
    spans = sorted((o.start, o.end) for o in others)
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))     # furthest end of the cues starting so far

    def overlaps(cue: Cue) -> bool:
        before_end = bisect_left(starts, cue.end)                   # the others starting before the cue ends
        return before_end > 0 and reach[before_end - 1] > cue.start

    return overlaps


def find_cues(text: str) -> list[Cue]:
    """Every cue in ``text``, sorted by position.

    An ``unaffected`` cue hides a ``suspend`` cue it overlaps (不受停机影响); a
    suspension frame (停机期间) or a before-suspension frame (暂停服务前) hides the
    suspend cue inside it.
    """
    available = _matches("unaffected", text) + _matches("alternative", text)
    frames = _matches("suspension_frame", text) + _matches("before_suspension", text)
    hides_suspend, hides_resume = _overlap_test(available + frames), _overlap_test(available)
    suspend = [c for c in _matches("suspend", text) if not hides_suspend(c)]
    resume = [c for c in _matches("resume", text) if not hides_resume(c)]
    rest = _matches("after_resumption", text) + _matches("exception", text)
    cues = available + frames + suspend + resume + rest
    if "《" in text:        # a cue inside the title of a cited document (发布了《…停机的通告》) states nothing
        titles = [m.span() for m in compiled(FILE, "cited_title").finditer(text)]
        cues = [c for c in cues if not any(start <= c.start and c.end <= end for start, end in titles)]
    return sorted(cues, key=attrgetter("start", "end"))


def is_suspension_topic(heading: str) -> bool:
    """True for a heading about the outage (一、停机切换时间)."""
    return bool(compiled(FILE, "suspension_topic").search(heading))


@cache
def _verdict_filler() -> re.Pattern[str]:
    return re.compile(load_yaml(FILE)["verdict_filler"])


def verdict_words(sentence: str) -> str:
    """A sentence without its answer mark and closing punctuation (答：不受影响。 → 不受影响)."""
    return _verdict_filler().sub("", sentence)


@cache
def verdict_max() -> int:
    """The longest sentence that is only a verdict (read once)."""
    return int(load_yaml(FILE)["verdict_max"])


def is_question(sentence: str) -> bool:
    """True for a sentence that asks rather than states."""
    return bool(compiled(FILE, "question").search(sentence.strip()))


def is_enumeration(sentence: str) -> bool:
    """True for a sentence that lists what a previous statement announced."""
    return bool(compiled(FILE, "enumeration").search(sentence)) or starts_item(sentence)


def starts_heading(sentence: str) -> bool:
    """True for the shape of a section heading (一、… / 01 … / ●…)."""
    return bool(compiled(FILE, "heading_start").search(sentence.strip()))


def numbering_shape(text: str, start: int) -> tuple[str, bool, str] | None:
    """The shape of the numbering opening ``text[start:]`` ((四) → ("（", True, "）"); 2. → ("", False, ".")),
    or None when none does."""
    match = compiled(FILE, "numbering_shape").match(text, start)
    if match is None:
        return None
    return match["open"], match["cn"] is not None, match["close"]


def starts_item(sentence: str) -> bool:
    """True for the shape of a list item ((一)… / 1.…)."""
    return bool(compiled(FILE, "item_start").search(sentence.strip()))
