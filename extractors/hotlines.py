"""Phone numbers a notice gives for questions (not numbers inside channel names)."""
from __future__ import annotations

import re
from functools import cache

from extractors.facts import ChannelStatus, Hotline
from extractors.lexicon import load_yaml
from extractors.polarity import Analysis
from extractors.sentences import Sentence
from extractors.tables import column_name, header_text
from extractors.windows import sentence_span, span_of

CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMBER_NEXT = re.compile(r"[：:\s（(|]*[\d０-９]")     # another number right after a line's name (or its cell)


@cache
def _rules() -> dict[str, re.Pattern[str]]:
    return {key: re.compile(value) for key, value in load_yaml("facts.yaml")["hotlines"].items()}


def _given_as_line(norm: str, start: int, end: int, sentence_start: int) -> bool:
    before = norm[max(sentence_start, start - 6):start]
    if _rules()["not_after"].search(norm[end:end + 2]):
        return False
    # a number glued to a name is part of it (湖北12333微信公众号, 海南省12345政务服务便民热线0898-12345),
    # unless it names a phone line that no other number follows (拨打曲靖市12345政务服务便民热线。)
    glued = (before and CJK.match(before[-1]) and norm[start] not in "（("     # （0592）5383720 is no name's part
             and not _rules()["lead"].search(before))
    if not glued:
        return True
    line = _rules()["name_after"].search(norm[end:end + 16])
    return line is not None and not _NUMBER_NEXT.match(norm, end + line.end())


def _name_after(analysis: Analysis, end: int) -> str | None:
    match = _rules()["name_after"].search(analysis.document.norm[end:end + 16])
    return analysis.document.text[end:end + match.end()] if match else None


def _gives_numbers(analysis: Analysis, sentence: Sentence, continues_list: bool, captioned: set[int]) -> bool:
    """Whether the numbers of ``sentence`` are given for questions: it speaks of calling or asking, the
    heading of its section does (六、咨询方式 over 省社保局：0931-8928120), it is a row of a table whose
    header or caption does (经办机构 | 地址 | 联系电话), or it goes on with the numbers of the sentence before it, in the same block
    (咨询电话：12333；0851-87985600) or as a line of just a name and a number.
    """
    context, norm = _rules()["context"], analysis.document.norm
    if (context.search(norm, sentence.start, sentence.end) or continues_list
            or (sentence.kind == "table_row" and (sentence.block in captioned
                                                  or context.search(header_text(analysis, sentence))))):
        return True
    section = sentence.section
    for _ in range(HEADING_DEPTH):      # 六、咨询电话 over ● 各县（市、区）医保经办机构： over ○ 涪城区：0816-…
        if section < 0:
            return False
        heading = analysis.sentences[section]
        if context.search(norm, heading.start, heading.end) is not None:
            return True
        section = heading.section
    return False


HEADING_DEPTH = 3       # headings above a sentence that may say its numbers are for questions


CAPTION_MAX = 40       # characters of a line that captions the table under it


def _captioned_rows(analysis: Analysis) -> set[int]:
    """The blocks of table rows under a short line that says what their numbers are (绵阳市社会保险经办机构咨询电话)."""
    norm, context = analysis.document.norm, _rules()["context"]
    rows: set[int] = set()
    captioned, previous = False, None
    for index, block in enumerate(analysis.document.blocks):
        if block.kind != "table_row":
            captioned, previous = False, block
            continue
        if previous is not None:        # the first row of a table: is the line above it a caption?
            captioned = (previous.end - previous.start <= CAPTION_MAX
                         and context.search(norm, previous.start, previous.end) is not None)
            previous = None
        if captioned:
            rows.add(index)
    return rows


def _labelled_number(norm: str, sentence: Sentence) -> bool:
    """A line that is only a name and its number (株洲市社会保险服务中心：0731-28661205): under a line that
    gave numbers, it goes on with them."""
    return _rules()["labelled_number"].match(norm, sentence.start, sentence.end) is not None


def _for_others(norm: str, start: int, end: int, sentence_start: int) -> bool:
    """A number labelled as a newsroom's, advertiser's or site's line (本报新闻线索征集热线：…) or as a fax,
    or one that says it answers no questions (（此电话不提供政策咨询）)."""
    rules = _rules()
    return (rules["not_for_questions"].search(norm, max(sentence_start, start - 16), start) is not None
            or rules["fax_before"].search(norm, max(sentence_start, start - 8), start) is not None
            or rules["declines_after"].match(norm[end:end + 20]) is not None)


def extract_hotlines(analysis: Analysis) -> list[Hotline]:
    """Hotlines given for questions, one per number."""
    norm, text = analysis.document.norm, analysis.document.text
    in_times = [(t.start, t.end) for t in analysis.times]
    found: dict[str, Hotline] = {}
    captioned = _captioned_rows(analysis)
    previous: Sentence | None = None
    gave_numbers = False
    for sentence in analysis.sentences:
        continues_list = gave_numbers and previous is not None and (
            previous.block == sentence.block or _labelled_number(norm, sentence))
        previous, gave_numbers = sentence, False
        numbers = list(_rules()["number"].finditer(norm, sentence.start, sentence.end))
        if not numbers or not _gives_numbers(analysis, sentence, continues_list, captioned):
            continue
        for match in numbers:
            start, end = match.span()
            if (any(s <= start < e for s, e in in_times) or not _given_as_line(norm, start, end, sentence.start)
                    or _for_others(norm, start, end, sentence.start)
                    or _rules()["not_a_line_column"].search(column_name(analysis, sentence, start))):
                continue            # …, or in a table's 传真 column
            gave_numbers = True
            phone = text[start:end]
            digits = re.sub(r"\D", "", phone)
            found.setdefault(digits, Hotline(phone, _name_after(analysis, end), span_of(analysis, start, end),
                                             sentence_span(analysis, sentence)))
    return list(found.values())


def hotline_channels(hotlines: list[Hotline]) -> list[ChannelStatus]:
    """A number given for questions is a hotline channel that stays available."""
    return [ChannelStatus(h.phone, "hotline", "available", h.span, h.sentence, proper=True, extractor=h.extractor)
            for h in hotlines]
