"""What a notice says about a mention: suspended, available or resumed.

The polarity of a span comes, in order, from the cues of its clause, of its
sentence, a suspension frame (停机期间), and for sentences that only enumerate
or only state a time, from the previous statement of its section, its table's
header row or its section heading. Statements after a resumption marker
(恢复后, 上线后) and questions say nothing about the outage.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from extractors.cues import Cue, find_cues, is_suspension_topic, verdict_max, verdict_words
from extractors.document import Document
from extractors.sentences import Sentence, split_sentences
from extractors.temporal import TimeExpression

OPPOSITE = {"suspend": "available", "available": "suspend"}
POLARITY = {"suspend": "suspend", "unaffected": "available", "alternative": "available", "resume": "resume"}
SERVICE_CUES = ("unaffected", "suspend")
CHANNEL_CUES = ("unaffected", "alternative", "suspend")
TIME_CUES = ("unaffected", "alternative", "suspend", "resume")


@dataclass(slots=True)
class Analysis:
    """The shared layers of one notice that the fact extractors read."""

    document: Document
    sentences: list[Sentence]
    times: list[TimeExpression]
    cues: list[Cue]
    _by_sentence: dict[int, list[Cue]] = field(default_factory=dict)
    _times_by_sentence: dict[int, list[TimeExpression]] = field(default_factory=dict)
    _owner: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._owner = [-1] * (len(self.document.norm) + 1)
        for sentence in self.sentences:
            self._owner[sentence.start:sentence.end] = [sentence.index] * (sentence.end - sentence.start)
        for cue in self.cues:
            owner = self.sentence_of(cue.start)
            if owner is not None:
                self._by_sentence.setdefault(owner.index, []).append(cue)
        for time in self.times:
            owner = self.sentence_of(time.start)
            if owner is not None:
                self._times_by_sentence.setdefault(owner.index, []).append(time)

    def cues_in(self, sentence: Sentence) -> list[Cue]:
        """The cues of a sentence."""
        return self._by_sentence.get(sentence.index, [])

    def times_in(self, sentence: Sentence) -> list[TimeExpression]:
        """The time expressions that start in a sentence."""
        return self._times_by_sentence.get(sentence.index, [])

    def sentence_of(self, position: int) -> Sentence | None:
        """The sentence containing a text position."""
        index = self._owner[position] if 0 <= position < len(self._owner) else -1
        return self.sentences[index] if index >= 0 else None


def analyse(document: Document, times: list[TimeExpression]) -> Analysis:
    """Sentences and cues of a document, bundled with its time expressions."""
    return Analysis(document, split_sentences(document), times, find_cues(document.norm))


def _nearest(cues: list[Cue], start: int, end: int) -> Cue | None:
    def distance(cue: Cue) -> int:
        return max(cue.start - end, start - cue.end, 0)

    return min(cues, key=lambda c: (distance(c), c.start < start), default=None)


def _within(cues: list[Cue], span: tuple[int, int], kinds: tuple[str, ...]) -> list[Cue]:
    return [c for c in cues if c.kind in kinds and span[0] <= c.start < span[1]]


def own_polarity(analysis: Analysis, sentence: Sentence) -> str | None:
    """The polarity a sentence states by itself: its last status cue, else its frame."""
    cues = analysis.cues_in(sentence)
    stated = [c for c in cues if c.kind in CHANNEL_CUES]
    if stated:
        return POLARITY[stated[-1].kind]
    return "suspend" if any(c.kind == "suspension_frame" for c in cues) else None


def _heading_polarity(analysis: Analysis, sentence: Sentence) -> str | None:
    kinds = {c.kind for c in analysis.cues_in(sentence)}
    if kinds & {"unaffected", "alternative"}:
        return "available"
    words = analysis.document.norm[sentence.start:sentence.end]
    return "suspend" if "suspend" in kinds or is_suspension_topic(words) else None


def inherited_polarity(analysis: Analysis, sentence: Sentence) -> str | None:
    """The polarity an enumerating or bare sentence takes from what governs it."""
    if sentence.table_header >= 0:
        found = _heading_polarity(analysis, analysis.sentences[sentence.table_header])
        if found:
            return found
    for previous in reversed(analysis.sentences[sentence.section + 1:sentence.index]):
        if previous.question or previous.heading:
            continue
        found = own_polarity(analysis, previous)
        if found:
            return found
    if sentence.section >= 0:
        return _heading_polarity(analysis, analysis.sentences[sentence.section])
    return None


def _verdict(analysis: Analysis, sentence: Sentence, kinds: tuple[str, ...]) -> str | None:
    """The polarity of a bare verdict right before ``sentence`` in its block (答：不受影响。)."""
    if sentence.index == 0:
        return None
    previous = analysis.sentences[sentence.index - 1]
    if previous.block != sentence.block:
        return None
    words = verdict_words(analysis.document.norm[previous.start:previous.end])
    cues = [c for c in analysis.cues_in(previous) if c.kind in kinds]
    return POLARITY[cues[-1].kind] if cues and len(words) <= verdict_max() else None


def _exception_span(cues: list[Cue]) -> tuple[int, int] | None:
    found = next((c for c in cues if c.kind == "exception"), None)
    return (found.start, found.end) if found else None


def _after_resumption(cues: list[Cue], start: int) -> bool:
    return any(c.kind == "after_resumption" and c.end <= start for c in cues)


def _stated(cues: list[Cue], sentence: Sentence, start: int, end: int, kinds: tuple[str, ...],
            frame: bool) -> str | None:
    clause = sentence.clause_of(start)
    cue = _nearest(_within(cues, clause, kinds), start, end)
    cue = cue or _nearest(_within(cues, (sentence.start, sentence.end), kinds), start, end)
    if cue:
        return POLARITY[cue.kind]
    frames = _within(cues, (sentence.start, sentence.end), ("suspension_frame",))
    return "suspend" if frame and frames else None


def polarities(analysis: Analysis, start: int, end: int, kinds: tuple[str, ...] = CHANNEL_CUES,
               frame: bool = True, inherit: bool = True) -> tuple[str, ...]:
    """What the notice says about ``text[start:end]``: () when nothing.

    ``kinds`` are the cue kinds that may speak of it; ``frame`` lets a
    suspension frame (停机期间) alone mark it suspended.

    A span inside ``除…外`` gets the opposite of its clause; the subject of a
    clause with such an exception gets both.
    """
    sentence = analysis.sentence_of(start)
    if sentence is None or sentence.question:
        return ()
    cues = analysis.cues_in(sentence)
    if _after_resumption(cues, start):
        return ()
    exception = _exception_span(cues)
    if exception is not None:
        outside = [c for c in cues if not exception[0] <= c.start < exception[1]]
        main = _stated(outside, sentence, start, end, kinds, frame)
        if main in OPPOSITE:
            if exception[0] <= start < exception[1]:
                return (OPPOSITE[main],)
            return (main, OPPOSITE[main]) if start < exception[0] else (main,)
    found = _stated(cues, sentence, start, end, kinds, frame) or _verdict(analysis, sentence, kinds)
    if found:
        return (found,)
    bare = sentence.enumerative or sentence.kind in ("list_item", "table_row")
    if inherit and bare:
        found = inherited_polarity(analysis, sentence)
        return (found,) if found else ()
    return ()
