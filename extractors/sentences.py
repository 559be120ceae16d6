"""Sentences, clauses and sections of a cleaned notice.

A sentence ends at 。！？；!?; or at a block boundary; a table row is one
sentence whose cells are clauses. A heading (a heading block, or a short line
shaped like ``一、停机时间`` or a question) governs the sentences after it until
the next heading: its section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.cues import is_enumeration, is_question, starts_heading
from extractors.document import Block, Document

# a run of marks; the end of the block closes the last sentence (no ``|$`` alternative: without it the
# regex engine skips to the marks' first characters instead of trying both branches at every position)
SENTENCE_END = re.compile(r"[。！？；!?;]+")
# the look-ahead on the possible first characters lets the regex engine skip to them (twice as fast)
CLAUSE_END = re.compile(r"(?=[，,\t：:\s])(?:[，,\t]|(?<!\d)[：:]|[：:](?!\d)|\s\|\s)")
HEADING_MAX = 40


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence ``text[start:end]`` with its place in the notice's structure."""

    index: int
    start: int
    end: int
    block: int
    kind: str
    heading: bool
    question: bool
    enumerative: bool
    clauses: tuple[tuple[int, int], ...]
    section: int = -1        # index of the governing heading sentence
    table_header: int = -1   # for a table row: index of its header row

    def clause_of(self, position: int) -> tuple[int, int]:
        """The clause containing ``position`` (or the whole sentence)."""
        for start, end in self.clauses:
            if start <= position < end:
                return start, end
        return self.start, self.end


BRACKETED = re.compile(r"[（(][^（()）\n]{0,40}[)）]")


def _bracketed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The bracketed asides of ``text[start:end]`` ((周日，国庆调休工作日)), whose commas end no clause."""
    if "（" not in text[start:end] and "(" not in text[start:end]:
        return []
    return [match.span() for match in BRACKETED.finditer(text, start, end)]


def _clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    spans, cursor = [], start
    asides = _bracketed(text, start, end)
    for match in CLAUSE_END.finditer(text, start, end):
        separator_start, separator_end = match.span()
        if asides and any(a < separator_start < b for a, b in asides):
            continue
        if separator_start > cursor:
            spans.append((cursor, separator_start))
        cursor = separator_end
    if cursor < end:
        spans.append((cursor, end))
    return tuple(spans) or ((start, end),)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _block_pieces(text: str, block: Block) -> list[tuple[int, int]]:
    if block.kind == "table_row":
        return [_trimmed(text, block.start, block.end)]
    pieces, cursor = [], block.start
    for match in SENTENCE_END.finditer(text, block.start, block.end):
        _add_piece(pieces, text, cursor, match.end())
        cursor = match.end()
    if cursor < block.end:
        _add_piece(pieces, text, cursor, block.end)
    return pieces


def _add_piece(pieces: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]`` without its surrounding whitespace, unless that leaves nothing."""
    start, end = _trimmed(text, start, end)
    if end > start:
        pieces.append((start, end))


def _looks_like_heading(sentence: str, block: Block, whole_block: bool) -> bool:
    if block.kind in ("title", "heading"):
        return True
    if not whole_block or len(sentence) > HEADING_MAX or block.kind == "table_row":
        return False
    if sentence.rstrip().endswith(("。", "；", ";", "，", ",", "！", "!")):
        return False
    return starts_heading(sentence) or sentence.rstrip().endswith(("？", "?", "：", ":"))


def split_sentences(doc: Document) -> list[Sentence]:
    """The sentences of ``doc`` in text order, with sections and table headers resolved."""
    text, norm = doc.text, doc.norm
    sentences: list[Sentence] = []
    section = header = -1
    for block_index, block in enumerate(doc.blocks):
        pieces = _block_pieces(text, block)
        if block.kind != "table_row":
            header = -1
        for start, end in pieces:
            words = norm[start:end]
            heading = _looks_like_heading(words, block, len(pieces) == 1)
            index = len(sentences)
            table_header = header if block.kind == "table_row" and not block.header else -1
            # positional: keywords would double the cost of making the 11-field frozen dataclass
            sentences.append(Sentence(index, start, end, block_index, block.kind, heading, is_question(words),
                                      is_enumeration(words), _clauses(norm, start, end), section, table_header))
            if heading:
                section = index
            if block.kind == "table_row" and block.header:
                header = index
    return sentences

