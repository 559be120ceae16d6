"""What a notice says about a mention: suspended, available or resumed.

The polarity of a span comes, in order, from the cues of its clause, of its
sentence, a suspension frame (停机期间), and for sentences that only enumerate
or only state a time, from the previous statement of its section, its table's
header row or its section heading. Statements after a resumption marker
(恢复后, 上线后) and questions say nothing about the outage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.cues import Cue, find_cues, is_suspension_topic, numbering_shape, verdict_max, verdict_words
from extractors.document import Document
from extractors.sentences import Sentence, split_sentences
from extractors.superseded import drop_superseded
from extractors.temporal import TimeExpression

OPPOSITE = {"suspend": "available", "available": "suspend"}
POLARITY = {"suspend": "suspend", "unaffected": "available", "alternative": "available", "resume": "resume"}
SERVICE_CUES = ("unaffected", "suspend")
CHANNEL_CUES = ("unaffected", "alternative", "suspend")
TIME_CUES = ("unaffected", "alternative", "suspend", "resume")


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """The cues of one sentence, sorted out once for all the spans read in it."""

    cues: list[Cue]
    resumed_from: int | None             # end of its first after-resumption cue (恢复后): later spans say nothing
    exception: tuple[int, int] | None    # its 除…外 span
    outside: list[Cue]                   # the cues outside the exception span


def _sentence_cues(cues: list[Cue]) -> SentenceCues:
    exception = _exception_span(cues)
    outside = cues if exception is None else [c for c in cues if not exception[0] <= c.start < exception[1]]
    resumed_from = min((c.end for c in cues if c.kind == "after_resumption"), default=None)
    return SentenceCues(cues, resumed_from, exception, outside)


NO_CUES = SentenceCues([], None, None, [])


@dataclass(slots=True)
class Analysis:
    """The shared layers of one notice that the fact extractors read.

    What depends on a sentence alone (its sorted-out cues, the polarity it
    inherits, the verdict before it) is worked out once per sentence, on first
    use, instead of once per span read in it.
    """

    document: Document
    sentences: list[Sentence]
    times: list[TimeExpression]
    cues: list[Cue]
    _by_sentence: dict[int, list[Cue]] = field(default_factory=dict)
    _times_by_sentence: dict[int, list[TimeExpression]] = field(default_factory=dict)
    _owner: list[int] = field(default_factory=list)
    _sorted_cues: dict[int, SentenceCues] = field(default_factory=dict)
    _inherited: dict[int, str | None] = field(default_factory=dict)
    _verdicts: dict[tuple[int, tuple[str, ...], bool], str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._owner = [-1] * (len(self.document.norm) + 1)
        for sentence in self.sentences:
            self._owner[sentence.start:sentence.end] = [sentence.index] * (sentence.end - sentence.start)
        for cue in self.cues:
            owner = self.sentence_of(cue.start)
            if owner is not None:
                self._by_sentence.setdefault(owner.index, []).append(cue)
        for time in drop_superseded(self.document.norm, self.sentences, self._owner, self.times):
            owner = self.sentence_of(time.start)
            if owner is not None:
                self._times_by_sentence.setdefault(owner.index, []).append(time)

    def cues_in(self, sentence: Sentence) -> list[Cue]:
        """The cues of a sentence."""
        return self._by_sentence.get(sentence.index, [])

    def sorted_cues(self, sentence: Sentence) -> SentenceCues:
        """The cues of a sentence with its exception and after-resumption cues found (on first use)."""
        found = self._sorted_cues.get(sentence.index)
        if found is None:
            cues = self._by_sentence.get(sentence.index)
            found = self._sorted_cues[sentence.index] = _sentence_cues(cues) if cues else NO_CUES
        return found

    def times_in(self, sentence: Sentence) -> list[TimeExpression]:
        """The time expressions that start in a sentence (not those it states as superseded: 原定于X)."""
        return self._times_by_sentence.get(sentence.index, [])

    def timed_sentences(self) -> list[Sentence]:
        """The sentences in which a time expression starts, in text order."""
        return [self.sentences[index] for index in sorted(self._times_by_sentence)]

    def sentence_of(self, position: int) -> Sentence | None:
        """The sentence containing a text position."""
        index = self._owner[position] if 0 <= position < len(self._owner) else -1
        return self.sentences[index] if index >= 0 else None


def analyse(document: Document, times: list[TimeExpression]) -> Analysis:
    """Sentences and cues of a document, bundled with its time expressions."""
    return Analysis(document, split_sentences(document), times, find_cues(document.norm))


def _nearest(cues: list[Cue], start: int, end: int) -> Cue | None:
    """The cue closest to ``text[start:end]``; of two as close, one that does not start before it."""
    if len(cues) == 1:
        return cues[0]
    return min(cues, key=lambda c: (max(c.start - end, start - c.end, 0), c.start < start), default=None)


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


def heading_resumes(analysis: Analysis, heading: Sentence) -> bool:
    """Whether a heading announces what resumes (二、分批恢复安排), and nothing that stops."""
    kinds = {c.kind for c in analysis.cues_in(heading)}
    return "resume" in kinds and "suspend" not in kinds


def inherited_polarity(analysis: Analysis, sentence: Sentence) -> str | None:
    """The polarity an enumerating or bare sentence takes from what governs it (found once per sentence)."""
    if sentence.index not in analysis._inherited:
        analysis._inherited[sentence.index] = _governing_polarity(analysis, sentence)
    return analysis._inherited[sentence.index]


def governing_section(analysis: Analysis, sentence: Sentence) -> int:
    """The index of the heading governing a sentence: its section's, or for a numbered heading under a
    sibling heading ((二)第二批… under (一)第一批…), the heading over both (-1: none)."""
    shape, section = _item_shape(analysis, sentence), sentence.section
    while shape is not None and section >= 0 and _item_shape(analysis, analysis.sentences[section]) == shape:
        section = analysis.sentences[section].section
    return section


def _governing_polarity(analysis: Analysis, sentence: Sentence) -> str | None:
    if sentence.table_header >= 0:
        found = _heading_polarity(analysis, analysis.sentences[sentence.table_header])
        if found:
            return found
    shape, section = _item_shape(analysis, sentence), governing_section(analysis, sentence)
    before = analysis.sentences[section + 1:sentence.index]
    if shape is not None:       # sibling items ((四)…不受影响。 over (五)异地就医。) and what they hold speak for
        siblings = [i for i, p in enumerate(before)       # themselves only: what governs is before the first
                    if p.block != sentence.block and _item_shape(analysis, p) == shape]
        before = before[:siblings[0]] if siblings else before
    for previous in reversed(before):
        if previous.question or previous.heading:
            continue
        found = own_polarity(analysis, previous)
        if found:
            return found
    if section >= 0:
        return _heading_polarity(analysis, analysis.sentences[section])
    return None


def _item_shape(analysis: Analysis, sentence: Sentence) -> tuple[str, bool, str] | None:
    """The numbering shape of the list item (or numbered paragraph) whose block holds ``sentence``."""
    if sentence.kind == "table_row":
        return None
    return numbering_shape(analysis.document.norm, analysis.document.blocks[sentence.block].start)


def _verdict(analysis: Analysis, sentence: Sentence, kinds: tuple[str, ...], answer: bool = False) -> str | None:
    """The polarity of a bare verdict (答：不受影响。) right before ``sentence`` in its block, or for a
    question, right after it (问：社保卡补换卡呢？ 答：暂停办理。: the answer's subject is the question's);
    found once."""
    key = (sentence.index, kinds, answer)
    if key not in analysis._verdicts:
        analysis._verdicts[key] = _answer_after(analysis, sentence, kinds) if answer else \
            _verdict_before(analysis, sentence, kinds)
    return analysis._verdicts[key]


def _verdict_before(analysis: Analysis, sentence: Sentence, kinds: tuple[str, ...]) -> str | None:
    if sentence.index == 0:
        return None
    previous = analysis.sentences[sentence.index - 1]
    return _bare_verdict(analysis, previous, kinds) if previous.block == sentence.block else None


def _answer_after(analysis: Analysis, question: Sentence, kinds: tuple[str, ...]) -> str | None:
    if question.index + 1 >= len(analysis.sentences):
        return None
    answer = analysis.sentences[question.index + 1]
    return None if answer.question else _bare_verdict(analysis, answer, kinds)


def _bare_verdict(analysis: Analysis, sentence: Sentence, kinds: tuple[str, ...]) -> str | None:
    """The polarity of a sentence that is only a verdict (答：暂停办理。), if it is one."""
    cues = [c for c in analysis.cues_in(sentence) if c.kind in kinds]
    if not cues:
        return None
    words = verdict_words(analysis.document.norm[sentence.start:sentence.end])
    return POLARITY[cues[-1].kind] if len(words) <= verdict_max() else None


def _exception_span(cues: list[Cue]) -> tuple[int, int] | None:
    found = next((c for c in cues if c.kind == "exception"), None)
    return (found.start, found.end) if found else None


def _stated(cues: list[Cue], sentence: Sentence, start: int, end: int, kinds: tuple[str, ...],
            frame: bool) -> str | None:
    """The polarity the nearest cue of ``kinds`` gives the span, in its clause first, else in its sentence.

    ``cues`` are cues of ``sentence`` (all of them start inside it).
    """
    if not cues:
        return None
    speaking = [c for c in cues if c.kind in kinds]
    if speaking:
        cue = _clause_cue(speaking, sentence, start, end) or _nearest(speaking, start, end)
        return POLARITY[cue.kind]
    return "suspend" if frame and any(c.kind == "suspension_frame" for c in cues) else None


def _clause_cue(speaking: list[Cue], sentence: Sentence, start: int, end: int) -> Cue | None:
    """The cue nearest to ``text[start:end]`` in its own clause (a table row's cell is one)."""
    clause_start, clause_end = sentence.clause_of(start)
    return _nearest([c for c in speaking if clause_start <= c.start < clause_end], start, end)


LABELLED_LIST = re.compile(r"[^，。；：:、]{2,8}[：:][^，。；]*、")


def _elaborates_heading(analysis: Analysis, sentence: Sentence, cues: SentenceCues) -> bool:
    """A sentence under a heading that states nothing itself (no cue, no time), either right under it
    (一、暂停办理的业务范围 over 全省养老保险、失业保险…等经办业务。) or as a labelled list (二、暂停的服务渠道
    over 线上渠道：安徽政务服务网、“皖事通”APP…): it says what governs it."""
    if cues.cues or sentence.section < 0 or analysis.times_in(sentence):
        return False
    if sentence.index == sentence.section + 1:
        return True
    return LABELLED_LIST.match(analysis.document.norm, sentence.start, sentence.end) is not None


def follows_semicolon(analysis: Analysis, sentence: Sentence) -> bool:
    """Whether the sentence before ``sentence``, in its block, ends with a semicolon."""
    if sentence.index == 0:
        return False
    previous = analysis.sentences[sentence.index - 1]
    return previous.block == sentence.block and analysis.document.norm[previous.end - 1] in "；;"


def _continues_statement(analysis: Analysis, sentence: Sentence, cues: SentenceCues) -> bool:
    """A cue-less, time-less sentence after a semicolon in its block goes on with the statement before
    it (暂停服务的渠道包括：经办服务大厅…；辽宁政务服务网、“辽事通”APP…中的各项业务。)."""
    return not cues.cues and not analysis.times_in(sentence) and follows_semicolon(analysis, sentence)


def sentence_polarities(analysis: Analysis, sentence: Sentence, start: int, end: int,
                        kinds: tuple[str, ...] = CHANNEL_CUES, frame: bool = True,
                        inherit: bool = True) -> tuple[str, ...]:
    """What the notice says about ``text[start:end]``, a span in ``sentence``: () when nothing.

    ``kinds`` are the cue kinds that may speak of it; ``frame`` lets a
    suspension frame (停机期间) alone mark it suspended.

    A span inside ``除…外`` gets the opposite of its clause, unless the exception
    states its own (除上述渠道继续暂停外); the subject of a clause with such an
    exception gets both.
    """
    if sentence.question:
        found = _verdict(analysis, sentence, kinds, answer=True)
        return (found,) if found else ()
    cues = analysis.sorted_cues(sentence)
    if cues.resumed_from is not None and cues.resumed_from <= start:
        # after 系统升级完成后 only a resumption is stated (…，于4月24日10:00起全面恢复办理)
        found = _stated(cues.cues, sentence, start, end, ("resume",), False) if "resume" in kinds else None
        return (found,) if found else ()
    exception = cues.exception
    if exception is not None:
        main = _stated(cues.outside, sentence, start, end, kinds, frame)
        if main in OPPOSITE:
            if exception[0] <= start < exception[1]:
                own = _nearest([c for c in cues.cues if c.kind in kinds and exception[0] <= c.start < exception[1]],
                               start, end)      # 除上述线上渠道继续暂停外: the exception says it itself
                return (POLARITY[own.kind] if own else OPPOSITE[main],)
            return (main, OPPOSITE[main]) if start < exception[0] else (main,)
    if inherit and sentence.kind == "table_row" and sentence.table_header >= 0 and not _clause_cue(
            [c for c in cues.cues if c.kind in kinds], sentence, start, end):
        found = inherited_polarity(analysis, sentence)    # a cell without a cue: its header, not another cell
        if found:
            return (found,)
    found = _stated(cues.cues, sentence, start, end, kinds, frame) or _verdict(analysis, sentence, kinds)
    if found:
        return (found,)
    if inherit and (sentence.enumerative or sentence.kind in ("list_item", "table_row")
                    or _elaborates_heading(analysis, sentence, cues)):
        found = inherited_polarity(analysis, sentence)
        return (found,) if found else ()
    if inherit and _continues_statement(analysis, sentence, cues):
        found = _continued_polarity(analysis, sentence)
        return (found,) if found else ()
    return ()


def _continued_polarity(analysis: Analysis, sentence: Sentence) -> str | None:
    """What the statement a semicolon continues says: the polarity of the sentences before it in the
    block, back to the start of the statement (not of sentences further up: 咨询电话：A；B。 under a
    list about 暂停期间 says nothing about B)."""
    index = sentence.index - 1
    while True:
        previous = analysis.sentences[index]
        found = own_polarity(analysis, previous)
        if found:
            return found
        cues = analysis.sorted_cues(previous)
        if not _continues_statement(analysis, previous, cues):
            return inherited_polarity(analysis, previous) if (
                previous.enumerative or _elaborates_heading(analysis, previous, cues)) else None
        index -= 1
