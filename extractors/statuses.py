"""Statuses of the service lines and channels a notice names.

A mention's status is its polarity (see :mod:`extractors.polarity`), except
where the notice is not speaking of the outage: in a clause that sets a
deadline or follows one (X前 …: what to do before it starts) and in a section about the time
after resumption (恢复办理后，部分业务办理渠道作调整). A channel listed in the
definition of a group (线上渠道包括：A、B) takes the statuses the notice gives the
group where it names it (11月20日12:00　线上渠道暂停).
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import Any, NamedTuple

from extractors.channels import ChannelMention
from extractors.facts import ChannelStatus, ServiceStatus
from extractors.lexicon import load_yaml
from extractors.payments import states_early_payment
from extractors.polarity import CHANNEL_CUES, POLARITY, SERVICE_CUES, Analysis, sentence_polarities
from extractors.sentences import Sentence
from extractors.windows import LEADING_FILLER, sentence_span, span_of

STATUS = {"suspend": "suspended", "available": "available", "resume": "suspended"}   # what resumes was stopped
CHANNEL_STATUS_CUES = (*CHANNEL_CUES, "resume")


@dataclass(frozen=True, slots=True)
class ServiceMention:
    """A service line named at ``text[start:end]``."""

    start: int
    end: int
    service: str


@dataclass(frozen=True, slots=True)
class _Scope:
    """What in one sentence is not about the outage, worked out once for all its mentions."""

    outside: bool                      # a heading, a section about the time after resumption, or (for
                                       # service lines) a sentence that pays a benefit early
    deadlines: tuple[int, ...]         # starts of its deadlines (X前)
    resumed_from: int | None           # start of its first start from the resumption on (1月10日起，可到…)


def _scope(analysis: Analysis, sentence: Sentence, resumed: dt.datetime | None, channel: bool) -> _Scope:
    times = analysis.times_in(sentence)
    deadlines = tuple(t.start for t in times if t.marker == "before")
    after = [t.start for t in times if resumed is not None and t.marker == "from" and t.begin
             and t.begin.day >= resumed.date()]
    outside = (_outside_outage(analysis, sentence) or (not channel and states_early_payment(analysis, sentence))
               or (channel and _in_directory(analysis, sentence)))
    return _Scope(outside, deadlines, min(after, default=None))


def _before_deadline(analysis: Analysis, sentence: Sentence, scope: _Scope, position: int) -> bool:
    """Whether the clause of ``position`` belongs to a deadline's request (what to do before the
    outage): the deadline (X前) is in the clause or an earlier one (请于11月24日前通过网厅申报), or comes
    later and the clause states no status of its own (未能按期缴纳养老保险费的，请于12月20日前补缴); a clause
    with its own cue stands (可继续通过办税服务厅缴纳，请于12月25日前完成缴费)."""
    if not scope.deadlines:
        return False
    clause_start, clause_end = sentence.clause_of(position)
    if scope.deadlines[0] < clause_end or analysis.document.norm[clause_end - 1] == "的":
        return True      # …的: the people the request is for (因系统停机未能及时申报的，可在4月30日前…)
    return not any(c.kind in CHANNEL_CUES and clause_start <= c.start < clause_end
                   for c in analysis.cues_in(sentence))


@cache
def _status_rules() -> dict[str, re.Pattern[str]]:
    return {key: re.compile(value) for key, value in load_yaml("facts.yaml")["statuses"].items()}


def _not_in_use(analysis: Analysis, mention: Any) -> bool:
    """A channel named as the owner of a number (拨打…医保经办服务大厅咨询电话) or as a section of a site
    (官网“服务网点”栏目), not as a channel in use."""
    return _status_rules()["not_in_use"].match(analysis.document.norm, mention.end) is not None


def _in_directory(analysis: Analysis, sentence: Sentence) -> bool:
    """A row of a table of addresses or numbers (区县 | 地址 | 咨询电话): it lists places, not statuses."""
    if sentence.table_header < 0:
        return False
    header = analysis.document.blocks[analysis.sentences[sentence.table_header].block]
    return _status_rules()["directory_header"].search(analysis.document.norm, header.start, header.end) is not None


def _outside_outage(analysis: Analysis, sentence: Sentence) -> bool:
    if sentence.heading and not sentence.question:     # a question as a heading takes its answer's verdict
        return True
    if sentence.section < 0:
        return False
    heading = analysis.sentences[sentence.section]
    return any(c.kind == "after_resumption" for c in analysis.cues_in(heading))


def _contrast_status(analysis: Analysis, sentence: Sentence, mention: Any, starts: list[int],
                     channel: bool) -> str | None:
    """The status a 但 clause after the mention's gives it when that clause and the rest of the sentence
    name nothing of their own (12329热线正常提供政策咨询，但暂停账户余额查询: the line is also suspended)."""
    norm, clause_end = analysis.document.norm, sentence.clause_of(mention.start)[1]
    following = next((c for c in sentence.clauses if c[0] >= clause_end), None)
    if following is None or not _status_rules()["contrast"].match(norm, following[0]):
        return None
    if starts[bisect_left(starts, following[0]):bisect_left(starts, sentence.end)]:
        return None
    kinds = CHANNEL_STATUS_CUES if channel else SERVICE_CUES
    cue = next((c for c in analysis.cues_in(sentence) if c.kind in kinds and c.start >= following[0]), None)
    return STATUS.get(POLARITY[cue.kind]) if cue else None


def _sentence_statuses(analysis: Analysis, sentence: Sentence, start: int, end: int,
                       channel: bool) -> tuple[str, ...]:
    kinds = CHANNEL_STATUS_CUES if channel else SERVICE_CUES
    return _named_statuses(sentence_polarities(analysis, sentence, start, end, kinds, frame=channel))


@cache
def _named_statuses(polarities: tuple[str, ...]) -> tuple[str, ...]:
    """The statuses of some polarities (a handful of combinations, each named once)."""
    return tuple(STATUS[p] for p in polarities if p in STATUS)


def _mention_statuses(analysis: Analysis, mentions: list, channel: bool,
                      resumed: dt.datetime | None) -> Iterator[tuple[Any, Sentence, tuple[str, ...]]]:
    """Each mention that is given statuses (suspended/available), with its sentence and the statuses.

    A channel is available where people may still use it (可通过…); a service
    line only where the notice says it is unaffected (不受影响, 照常), and a
    suspension frame alone (停机期间…) suspends channels, not service lines. A
    sentence that pays a benefit early speaks of the payment, not of the service
    line's status.
    Headings, the clauses of a deadline's request (请于X前…) and what follows a
    start from the resumption ``resumed`` on (2024年1月10日起，可到…) are not
    about the outage; what of a sentence is so is worked out once per sentence.
    """
    scopes: dict[int, _Scope] = {}
    starts = sorted(m.start for m in mentions)
    for mention in mentions:
        sentence = analysis.sentence_of(mention.start)
        if sentence is None:
            continue
        scope = scopes.get(sentence.index)
        if scope is None:
            scope = scopes[sentence.index] = _scope(analysis, sentence, resumed, channel)
        if (scope.outside or (scope.resumed_from is not None and scope.resumed_from < mention.start)
                or _before_deadline(analysis, sentence, scope, mention.start)
                or (channel and _not_in_use(analysis, mention))):
            continue
        statuses = _sentence_statuses(analysis, sentence, mention.start, mention.end, channel)
        contrast = _contrast_status(analysis, sentence, mention, starts, channel)
        if contrast and contrast not in statuses:
            statuses = (*statuses, contrast)
        if statuses:
            yield mention, sentence, statuses


def service_statuses(analysis: Analysis, mentions: list[ServiceMention],
                     resumed: dt.datetime | None = None) -> list[ServiceStatus]:
    """One fact per service, status and stating sentence, in text order (spans made for new facts only)."""
    facts: dict[tuple, ServiceStatus] = {}
    for mention, sentence, statuses in _mention_statuses(analysis, mentions, False, resumed):
        for status in statuses:
            key = (mention.service, status, sentence.start)
            if key not in facts:
                facts[key] = ServiceStatus(mention.service, status, span_of(analysis, mention.start, mention.end),
                                           sentence_span(analysis, sentence))
    return list(facts.values())


class _Words(NamedTuple):
    """Words of the text standing for a mention (a group's name)."""

    start: int
    end: int




def _group_members(analysis: Analysis, mentions: list[ChannelMention],
                   resumed: dt.datetime | None) -> Iterator[tuple[Any, Sentence, tuple[str, ...]]]:
    """The channels a definition lists (线上渠道包括：A、B), each with its sentence and the statuses the
    notice gives the group where it names it elsewhere."""
    norm = analysis.document.norm
    for match in _status_rules()["group_definition"].finditer(norm):
        sentence = analysis.sentence_of(match.start("group"))
        if sentence is None or not LEADING_FILLER.fullmatch(norm, sentence.start, match.start("group")):
            continue                    # the group opens its sentence (1.线下窗口包括：…)
        members = [m for m in mentions if match.end() <= m.start < sentence.end]
        named = [_Words(m.start(), m.end()) for m in re.finditer(re.escape(match["group"]), norm)
                 if not sentence.start <= m.start() < sentence.end]
        statuses = tuple(sorted({status for _, _, found in _mention_statuses(analysis, named, True, resumed)
                                 for status in found}))
        if statuses:
            yield from ((member, sentence, statuses) for member in members)


def channel_statuses(analysis: Analysis, mentions: list[ChannelMention],
                     resumed: dt.datetime | None = None) -> list[ChannelStatus]:
    """One fact per channel (as written, in the original script), status and stating sentence.

    The spans are made for new facts only.
    """
    facts: dict[tuple, ChannelStatus] = {}
    for mention, sentence, statuses in chain(_mention_statuses(analysis, mentions, True, resumed),
                                             _group_members(analysis, mentions, resumed)):
        written = analysis.document.text[mention.start:mention.end]
        for status in statuses:
            key = (written, mention.kind, status, sentence.start)
            if key not in facts:
                facts[key] = ChannelStatus(written, mention.kind, status, span_of(analysis, mention.start, mention.end),
                                           sentence_span(analysis, sentence), proper=mention.proper)
    return list(facts.values())
