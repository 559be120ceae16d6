"""Phone numbers a notice gives for questions (not numbers inside channel names)."""
from __future__ import annotations

import re
from functools import cache

from extractors.facts import ChannelStatus, Hotline
from extractors.lexicon import load_yaml
from extractors.polarity import Analysis
from extractors.windows import sentence_span, span_of

CJK = re.compile(r"[\u4e00-\u9fff]")


@cache
def _rules() -> dict[str, re.Pattern[str]]:
    return {key: re.compile(value) for key, value in load_yaml("facts.yaml")["hotlines"].items()}


def _given_as_line(norm: str, start: int, end: int, sentence_start: int) -> bool:
    before = norm[max(sentence_start, start - 6):start]
    if _rules()["not_after"].search(norm[end:end + 2]):
        return False
    # a number glued to a name is part of it: 湖北12333微信公众号, 西安市12345市民服务热线
    return not (before and CJK.match(before[-1]) and not _rules()["lead"].search(before))


def _name_after(analysis: Analysis, end: int) -> str | None:
    match = _rules()["name_after"].search(analysis.document.norm[end:end + 16])
    return analysis.document.text[end:end + match.end()] if match else None


def extract_hotlines(analysis: Analysis) -> list[Hotline]:
    """Hotlines in sentences that speak of calling or asking, one per number."""
    norm, text = analysis.document.norm, analysis.document.text
    in_times = [(t.start, t.end) for t in analysis.times]
    found: dict[str, Hotline] = {}
    for sentence in analysis.sentences:
        if not _rules()["context"].search(norm, sentence.start, sentence.end):
            continue
        for match in _rules()["number"].finditer(norm, sentence.start, sentence.end):
            start, end = match.span()
            if any(s <= start < e for s, e in in_times) or not _given_as_line(norm, start, end, sentence.start):
                continue
            phone = text[start:end]
            digits = re.sub(r"\D", "", phone)
            found.setdefault(digits, Hotline(phone, _name_after(analysis, end), span_of(analysis, start, end),
                                             sentence_span(analysis, sentence)))
    return list(found.values())


def hotline_channels(hotlines: list[Hotline]) -> list[ChannelStatus]:
    """A number given for questions is a hotline channel that stays available."""
    return [ChannelStatus(h.phone, "hotline", "available", h.span, h.sentence, proper=True, extractor=h.extractor)
            for h in hotlines]
