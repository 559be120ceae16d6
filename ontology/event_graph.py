"""Events reconciled across notices (noticegraph/events) as RDF, in their own named graph.

IRIs: ``ngev:{province code}-{yyyymmdd of the first original start}`` (``-2``, ``-3`` … when a
province has two outages starting the same day), and fragments of it for windows and statements.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote

from rdflib import RDF, SDO

from ontology.graph import RDFLIB_TERMS, Terms, Triple
from ontology.namespace import NG, NGE

if TYPE_CHECKING:
    from noticegraph.events.reconcile import Event, StatusGroup, WindowVersion

EVENTS_GRAPH = "https://w3id.org/noticegraph/graph/events"


def event_iris(events: list[Event]) -> list[str]:
    """One deterministic IRI per event (events in :func:`reconcile`'s order)."""
    iris, seen = [], {}
    for event in events:
        base = f"{NGE}{event.province.rsplit('/', 1)[-1]}-{event.first_start:%Y%m%d}"
        seen[base] = seen.get(base, 0) + 1
        iris.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return iris


def events_triples(events: list[Event], terms: Terms | None = None) -> Iterator[Triple]:
    """Every triple of the events graph."""
    terms = terms or RDFLIB_TERMS
    for event, iri in zip(events, event_iris(events), strict=True):
        yield from _event(event, iri, terms)


def _event(event: Event, iri: str, terms: Terms) -> Iterator[Triple]:
    node = terms.iri(iri)
    yield node, RDF.type, NG.SuspensionEvent
    yield node, RDF.type, SDO.Event
    yield node, SDO.location, terms.iri(event.province)
    for region in sorted(event.regions):
        yield node, NG.affectsRegion, terms.iri(region)
    for system in sorted(event.systems):
        yield node, NG.system, terms.literal(system)
    for source in event.sources:
        yield node, NG.source, terms.iri(source.notice)
    yield node, NG.sourceCount, terms.literal(len(event.sources))
    yield from _span(event, node, terms)
    yield node, NG.hasConflict, terms.literal(event.has_conflict)
    names = {id(version): terms.iri(f"{iri}#window-{i}") for i, version in enumerate(event.windows, 1)}
    for version in event.windows:
        yield node, NG.window, names[id(version)]
        yield from _window(version, names, terms)
    for group in event.statuses:
        yield node, NG.statement, terms.iri(_statement_iri(iri, group))
        yield from _statement(group, iri, terms)


def _span(event: Event, node, terms: Terms) -> Iterator[Triple]:
    """The event's current extent, and what it was first announced as when a notice revised it."""
    current, original = event.current, event.original
    yield node, SDO.startDate, terms.datetime(min(v.start for v in current))
    ends = [v.end for v in current]
    if None in ends:
        yield node, NG.openEnded, terms.literal(True)
    else:
        yield node, SDO.endDate, terms.datetime(max(ends))
    if any(v.supersedes for v in event.windows):
        yield node, SDO.eventStatus, SDO.EventRescheduled
        yield node, SDO.previousStartDate, terms.datetime(min(v.start for v in original))
    else:
        yield node, SDO.eventStatus, SDO.EventScheduled


def _window(version: WindowVersion, names: dict, terms: Terms) -> Iterator[Triple]:
    node = names[id(version)]
    yield node, RDF.type, NG.EventWindow
    yield node, SDO.startDate, terms.datetime(version.start)
    if version.end is None:
        yield node, NG.openEnded, terms.literal(True)
    else:
        yield node, SDO.endDate, terms.datetime(version.end)
    for claim in version.claims:
        yield node, NG.claim, terms.iri(claim.fact)
    yield node, NG.agreement, terms.literal(len(version.notices))
    if version.supersedes is not None:
        previous = version.supersedes
        yield node, SDO.eventStatus, SDO.EventRescheduled
        yield node, NG.supersedes, names[id(previous)]
        yield node, SDO.previousStartDate, terms.datetime(previous.start)
        if previous.end is not None:
            yield node, NG.previousEndDate, terms.datetime(previous.end)
    elif version.superseded_by is None:
        yield node, SDO.eventStatus, SDO.EventScheduled
    if version.superseded_by is not None:
        yield node, NG.supersededBy, names[id(version.superseded_by)]
    for other in version.conflicts:
        yield node, NG.conflictsWith, names[id(other)]


def _statement_iri(event_iri: str, group: StatusGroup) -> str:
    status = group.status.rsplit("/", 1)[-1]
    topic = "-".join(quote(part.rsplit("/", 1)[-1], safe="") for part in group.topic[1:])
    return f"{event_iri}#{group.topic[0]}-{topic}-{status}"


def _statement(group: StatusGroup, event_iri: str, terms: Terms) -> Iterator[Triple]:
    node = terms.iri(_statement_iri(event_iri, group))
    yield node, RDF.type, NG.EventStatement
    if group.topic[0] == "service":
        yield node, NG.service, terms.iri(group.topic[1])
    else:
        yield node, NG.channelKind, terms.iri(group.topic[1])
        yield node, SDO.name, terms.literal(group.topic[2])
    yield node, NG.status, terms.iri(group.status)
    for claim in group.claims:
        yield node, NG.claim, terms.iri(claim.fact)
    yield node, NG.agreement, terms.literal(len(group.notices))
    for other in group.conflicts:
        yield node, NG.conflictsWith, terms.iri(_statement_iri(event_iri, other))


__all__ = ["EVENTS_GRAPH", "event_iris", "events_triples"]
