"""Suspension events: the notices of one outage reconciled into one event (issue 5).

Reads every notice's claims from the store (:mod:`.claims`), groups them into events
(:mod:`.reconcile`, pure) and replaces the events graph with their RDF
(:mod:`ontology.event_graph`) in one transaction. Run after notices are loaded; the events
graph is derived data and is rebuilt whole each time, so it never mixes old and new notices.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph

    from noticegraph.events.reconcile import Event


def rebuild_events(store: pyoxigraph.Store) -> list[Event]:
    """Reconcile every notice of the store and replace the events graph; the events."""
    from noticegraph.events.claims import read_claims
    from noticegraph.events.reconcile import reconcile
    from noticegraph.store import replace_graph
    from ontology.event_graph import EVENTS_GRAPH, events_triples
    from ontology.ntriples import NTRIPLES_TERMS, ntriples_line

    events = reconcile(read_claims(store))
    lines = dict.fromkeys(ntriples_line(triple) for triple in events_triples(events, NTRIPLES_TERMS))
    replace_graph(store, EVENTS_GRAPH, list(lines))
    return events
