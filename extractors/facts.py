"""One typed, frozen dataclass per kind of fact extracted from a notice.

Every fact keeps where it was found: ``span`` is the mention itself and
``sentence`` the sentence that states it (the evidence), both as character
offsets (code points) into :attr:`extractors.document.Document.text`, and the
versioned name of the extractor that produced it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from extractors.document import Document

Status = Literal["suspended", "available"]


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """``text[start:end]`` of the cleaned notice text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SuspensionWindow:
    """An interval during which services or channels are suspended (end exclusive, None = open)."""

    start: dt.datetime
    end: dt.datetime | None
    span: SourceSpan
    sentence: SourceSpan
    services: tuple[str, ...] = ()
    vague: bool = False
    tentative: bool = False
    left_open: bool = False         # its sentence says the end is to be announced (恢复时间另行通知)
    day_only: bool = False          # its start is stated as a day (6月28日起), not to the minute
    extractor: str = "noticegraph.windows.v1"


@dataclass(frozen=True, slots=True)
class Resumption:
    """The moment services resume."""

    at: dt.datetime
    span: SourceSpan
    sentence: SourceSpan
    services: tuple[str, ...] = ()
    tentative: bool = False
    day_only: bool = False          # stated as a day (1月3日起恢复), not to the minute (1月3日0:00)
    extractor: str = "noticegraph.windows.v1"


@dataclass(frozen=True, slots=True)
class ServiceStatus:
    """A service line stated to be suspended or to stay available."""

    service: str
    status: Status
    span: SourceSpan
    sentence: SourceSpan
    extractor: str = "noticegraph.statuses.v1"


@dataclass(frozen=True, slots=True)
class ChannelStatus:
    """A service channel (app, hall, bank ...) stated to be suspended or available."""

    name: str
    kind: str
    status: Status
    span: SourceSpan
    sentence: SourceSpan
    proper: bool = False
    extractor: str = "noticegraph.statuses.v1"


@dataclass(frozen=True, slots=True)
class AdvancePayment:
    """A benefit for ``for_month`` paid early, arriving by ``paid_by``."""

    benefit: str
    for_month: dt.date          # first day of the month the benefit is for
    paid_by: dt.date
    span: SourceSpan
    sentence: SourceSpan
    extractor: str = "noticegraph.payments.v1"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A calendar day by which people are asked to act."""

    day: dt.date
    action: str
    span: SourceSpan
    sentence: SourceSpan
    extractor: str = "noticegraph.deadlines.v1"


@dataclass(frozen=True, slots=True)
class Hotline:
    """A phone number given for questions."""

    phone: str
    name: str | None
    span: SourceSpan
    sentence: SourceSpan
    extractor: str = "noticegraph.hotlines.v1"


@dataclass(frozen=True, slots=True)
class RegionFact:
    """The region a notice speaks for, as GB/T 2260 codes."""

    code: str
    province: str
    name: str
    span: SourceSpan | None
    extractor: str = "noticegraph.regions.v1"


@dataclass(frozen=True, slots=True)
class NoticeFacts:
    """Everything extracted from one notice."""

    document: Document
    reference: dt.date | None
    region: RegionFact | None = None
    windows: tuple[SuspensionWindow, ...] = ()
    resumptions: tuple[Resumption, ...] = ()
    services: tuple[ServiceStatus, ...] = ()
    channels: tuple[ChannelStatus, ...] = ()
    payments: tuple[AdvancePayment, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    hotlines: tuple[Hotline, ...] = ()
    time_expressions: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def count(self) -> int:
        """Number of facts (region included)."""
        parts = (self.windows, self.resumptions, self.services, self.channels,
                 self.payments, self.deadlines, self.hotlines)
        return sum(len(p) for p in parts) + (self.region is not None)
