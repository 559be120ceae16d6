"""Reconciliation: the notices' claims grouped into one event per real outage (pure functions).

A notice joins an event with another notice of the same province when their system families
meet (or one names none) and one of its windows overlaps one of the other's. Inside an event,
every distinct interval is a *version*; two versions are rivals (the same phase, told two ways)
when different notices state them and they share a start or an end, or both are closed and
overlap and one comes from a revising notice. Of two rivals, a later one from a notice that says
it revises (revisions.yaml) supersedes the earlier; rivals that nothing settles conflict.
Service-line and channel statuses are grouped the same way: equal statuses agree, a notice that
only says suspended against one that only says available conflict.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from noticegraph.events.claims import NoticeClaims, StatusClaim, WindowClaim

EPOCH = dt.datetime.min.replace(tzinfo=dt.UTC)
NEVER = dt.datetime.max.replace(tzinfo=dt.UTC)


@dataclass(slots=True, eq=False)
class WindowVersion:
    """One interval of an event as some notices state it."""

    start: dt.datetime
    end: dt.datetime | None
    claims: list[WindowClaim] = field(default_factory=list)
    revision: bool = False
    latest: dt.datetime = EPOCH               # the latest publication among its notices
    supersedes: WindowVersion | None = None
    superseded_by: WindowVersion | None = None
    conflicts: list[WindowVersion] = field(default_factory=list)

    @property
    def notices(self) -> set[str]:
        return {claim.notice for claim in self.claims}

    @property
    def until(self) -> dt.datetime:
        return self.end or NEVER


@dataclass(slots=True, eq=False)
class StatusGroup:
    """What the event's notices say about one topic with one status."""

    topic: tuple[str, ...]
    status: str
    claims: list[StatusClaim] = field(default_factory=list)
    conflicts: list[StatusGroup] = field(default_factory=list)

    @property
    def notices(self) -> set[str]:
        return {claim.notice for claim in self.claims}


@dataclass(slots=True, eq=False)
class Event:
    """One outage of one province, with every notice that describes it."""

    province: str
    sources: list[NoticeClaims]
    windows: list[WindowVersion]
    statuses: list[StatusGroup]

    @property
    def systems(self) -> set[str]:
        return set().union(*(source.systems for source in self.sources))

    @property
    def regions(self) -> set[str]:
        return {source.region for source in self.sources if source.region}

    @property
    def current(self) -> list[WindowVersion]:
        return [version for version in self.windows if version.superseded_by is None]

    @property
    def original(self) -> list[WindowVersion]:
        return [version for version in self.windows if version.supersedes is None]

    @property
    def first_start(self) -> dt.datetime:
        return min(version.start for version in self.original)

    @property
    def has_conflict(self) -> bool:
        return any(v.conflicts for v in self.windows) or any(s.conflicts for s in self.statuses)


def overlaps(a: WindowVersion | WindowClaim, b: WindowVersion | WindowClaim) -> bool:
    """Whether two half-open intervals (an open end reaching forever) share a moment."""
    return a.start < (b.end or NEVER) and b.start < (a.end or NEVER)


def reconcile(notices: Iterable[NoticeClaims]) -> list[Event]:
    """The events the notices describe, in order of province and first start."""
    placed = [notice for notice in notices if notice.province and notice.windows]
    events = [_event(group) for group in _clusters(placed)]
    return sorted(events, key=lambda e: (e.province, e.first_start, min(s.notice for s in e.sources)))


def _same_outage(a: NoticeClaims, b: NoticeClaims) -> bool:
    if a.province != b.province:
        return False
    if a.systems and b.systems and not a.systems & b.systems:
        return False
    return any(overlaps(x, y) for x in a.windows for y in b.windows)


def _clusters(notices: list[NoticeClaims]) -> list[list[NoticeClaims]]:
    """Notices grouped by :func:`_same_outage`, transitively (union-find)."""
    parent = list(range(len(notices)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(notices):
        for j in range(i + 1, len(notices)):
            if _same_outage(a, notices[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[NoticeClaims]] = defaultdict(list)
    for i, notice in enumerate(notices):
        groups[root(i)].append(notice)
    return list(groups.values())


def _event(sources: list[NoticeClaims]) -> Event:
    sources = sorted(sources, key=lambda s: (s.published or EPOCH, s.notice))
    windows = _versions(sources)
    _settle(windows)
    return Event(sources[0].province, sources, windows, _status_groups(sources))


def _versions(sources: list[NoticeClaims]) -> list[WindowVersion]:
    by_interval: dict[tuple, WindowVersion] = {}
    for source in sources:
        for claim in source.windows:
            version = by_interval.setdefault((claim.start, claim.end), WindowVersion(claim.start, claim.end))
            version.claims.append(claim)
            version.revision = version.revision or source.revision
            version.latest = max(version.latest, source.published or EPOCH)
    return sorted(by_interval.values(), key=lambda v: (v.start, v.until))


def _rivals(a: WindowVersion, b: WindowVersion) -> bool:
    if a.notices & b.notices:
        return False                        # one notice stating both: two phases, not two tellings
    if a.start == b.start or (a.end is not None and a.end == b.end):
        return True
    closed = a.end is not None and b.end is not None
    return closed and (a.revision or b.revision) and overlaps(a, b)


def _closeness(a: WindowVersion, b: WindowVersion) -> tuple:
    """How good a match ``b`` is for ``a``: shared start, shared end, then longer overlap."""
    shared = min(a.until, b.until) - max(a.start, b.start)
    return a.start == b.start, a.end == b.end, shared


def _settle(windows: list[WindowVersion]) -> None:
    """Link supersessions (later revising notice) and conflicts (anything else) between rivals."""
    for later in sorted(windows, key=lambda v: v.latest):
        if not later.revision:
            continue
        earlier = [v for v in windows if v.superseded_by is None and v.latest < later.latest and _rivals(v, later)]
        if earlier:
            replaced = max(earlier, key=lambda v: _closeness(later, v))
            replaced.superseded_by, later.supersedes = later, replaced
    current = [v for v in windows if v.superseded_by is None]
    for i, a in enumerate(current):
        for b in current[i + 1:]:
            if _rivals(a, b):
                a.conflicts.append(b)
                b.conflicts.append(a)


def _status_groups(sources: list[NoticeClaims]) -> list[StatusGroup]:
    groups: dict[tuple, StatusGroup] = {}
    for source in sources:
        for claim in source.statuses:
            groups.setdefault((claim.topic, claim.status), StatusGroup(claim.topic, claim.status)).claims.append(claim)
    by_topic: dict[tuple, list[StatusGroup]] = defaultdict(list)
    for group in groups.values():
        by_topic[group.topic].append(group)
    for rivals in by_topic.values():
        for i, a in enumerate(rivals):
            for b in rivals[i + 1:]:
                if a.notices - b.notices and b.notices - a.notices:
                    a.conflicts.append(b)
                    b.conflicts.append(a)
    return sorted(groups.values(), key=lambda g: (g.topic, g.status))
