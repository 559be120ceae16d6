"""Statuses of the service lines and channels a notice names.

A mention's status is its polarity (see :mod:`extractors.polarity`), except
where the notice is not speaking of the outage: in a clause that sets a
deadline (X前 …: what to do before it starts) and in a section about the time
after resumption (恢复办理后，部分业务办理渠道作调整).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from extractors.channels import ChannelMention
from extractors.facts import ChannelStatus, ServiceStatus, SourceSpan
from extractors.polarity import CHANNEL_CUES, SERVICE_CUES, Analysis, polarities
from extractors.windows import sentence_span, span_of

STATUS = {"suspend": "suspended", "available": "available"}


@dataclass(frozen=True, slots=True)
class ServiceMention:
    """A service line named at ``text[start:end]``."""

    start: int
    end: int
    service: str


def _outside_outage(analysis: Analysis, start: int, resumed: dt.datetime | None) -> bool:
    sentence = analysis.sentence_of(start)
    if sentence is None or sentence.heading:
        return True
    times = analysis.times_in(sentence)
    if any(t.marker == "before" for t in times):
        return True
    if resumed and any(t.marker == "from" and t.begin and t.begin.day >= resumed.date() for t in times):
        return True
    if sentence.section < 0:
        return False
    heading = analysis.sentences[sentence.section]
    return any(c.kind == "after_resumption" for c in analysis.cues_in(heading))


def statuses_of(analysis: Analysis, start: int, end: int, channel: bool,
                resumed: dt.datetime | None = None) -> tuple[str, ...]:
    """The statuses (suspended/available) the notice gives ``text[start:end]``.

    A channel is available where people may still use it (可通过…); a service
    line only where the notice says it is unaffected (不受影响, 照常), and a
    suspension frame alone (停机期间…) suspends channels, not service lines.
    Headings, sentences that set a deadline (请于X前…) and statements from the
    resumption ``resumed`` on (2024年1月10日起，可到…) are not about the outage.
    """
    if _outside_outage(analysis, start, resumed):
        return ()
    kinds = CHANNEL_CUES if channel else SERVICE_CUES
    found = polarities(analysis, start, end, kinds, frame=channel)
    return tuple(STATUS[p] for p in found if p in STATUS)


def _evidence(analysis: Analysis, start: int) -> SourceSpan:
    sentence = analysis.sentence_of(start)
    assert sentence is not None
    return sentence_span(analysis, sentence)


def service_statuses(analysis: Analysis, mentions: list[ServiceMention],
                     resumed: dt.datetime | None = None) -> list[ServiceStatus]:
    """One fact per service, status and stating sentence, in text order."""
    facts: dict[tuple, ServiceStatus] = {}
    for mention in mentions:
        for status in statuses_of(analysis, mention.start, mention.end, False, resumed):
            sentence = _evidence(analysis, mention.start)
            facts.setdefault((mention.service, status, sentence.start), ServiceStatus(
                mention.service, status, span_of(analysis, mention.start, mention.end), sentence))
    return list(facts.values())


def channel_statuses(analysis: Analysis, mentions: list[ChannelMention],
                     resumed: dt.datetime | None = None) -> list[ChannelStatus]:
    """One fact per channel (as written, in the original script), status and stating sentence."""
    facts: dict[tuple, ChannelStatus] = {}
    for mention in mentions:
        span = span_of(analysis, mention.start, mention.end)
        for status in statuses_of(analysis, mention.start, mention.end, True, resumed):
            sentence = _evidence(analysis, mention.start)
            facts.setdefault((span.text, mention.kind, status, sentence.start), ChannelStatus(
                span.text, mention.kind, status, span, sentence, proper=mention.proper))
    return list(facts.values())
