"""JSON-LD documents for portals: one framed document per notice, and an index.

Each document is the notice's graph, plus the schema.org types its classes
stand for (``ng:SuspensionWindow`` is also a ``schema:Event``, a channel
statement a ``schema:ServiceChannel``): search engines and portals do no RDFS
inference. It is framed around the notice (its facts embedded through the
``facts`` reverse term) with the local context of ``ontology/context.jsonld``;
no remote context is ever fetched, and the output is deterministic. The events
reconciled across notices (docs/model.md, "Events") are one more document,
``events.jsonld``, framed around each event with its windows and statements
embedded.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from ontology.jsonld import local_context, refuse_remote

SCHEMA = "https://schema.org/"
EVENTS_FILE = "events.jsonld"


@cache
def schema_types() -> dict[URIRef, tuple[URIRef, ...]]:
    """Each class of the ontology → its schema.org superclasses."""
    from ontology.vocab import load_vocabulary_graph

    vocabulary = load_vocabulary_graph()
    found: dict[URIRef, tuple[URIRef, ...]] = {}
    for cls in set(vocabulary.subjects(RDFS.subClassOf, None)):
        supers = vocabulary.transitive_objects(cls, RDFS.subClassOf)
        found[cls] = tuple(sorted(s for s in supers if isinstance(s, URIRef) and str(s).startswith(SCHEMA)))
    return found


def with_schema_types(graph: Graph) -> Graph:
    """The graph with the schema.org types of its typed nodes added."""
    portal = Graph()
    for triple in graph:
        portal.add(triple)
    for node, cls in graph.subject_objects(RDF.type):
        for schema_type in schema_types().get(cls, ()):
            portal.add((node, RDF.type, schema_type))
    return portal


def _sorted(value: Any) -> Any:
    """Arrays of nodes sorted by their JSON text, so equal graphs give equal documents."""
    if isinstance(value, dict):
        return {key: _sorted(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def notice_document(graph: Graph, notice: str) -> dict:
    """The framed JSON-LD document of one notice graph."""
    from pyld import jsonld

    expanded = json.loads(with_schema_types(graph).serialize(format="json-ld"))
    frame = {"@context": local_context(), "@id": notice, "@embed": "@once", "facts": {"@embed": "@once"}}
    framed = jsonld.frame(expanded, frame, {"documentLoader": refuse_remote, "omitGraph": True})
    framed["@context"] = local_context()
    return _sorted(framed)


def events_document(graph: Graph) -> dict:
    """The framed JSON-LD document of the events graph: each event, its windows and statements embedded."""
    from pyld import jsonld

    expanded = json.loads(with_schema_types(graph).serialize(format="json-ld"))
    frame = {"@context": local_context(), "@type": "SuspensionEvent",
             "windows": {"@embed": "@always"}, "statements": {"@embed": "@always"}}
    framed = jsonld.frame(expanded, frame, {"documentLoader": refuse_remote})
    framed["@context"] = local_context()
    return _sorted(framed)


def document_name(notice: str) -> str:
    """The file of a notice's document: ``{digest16}-{file name}.jsonld``."""
    return "-".join(notice.rstrip("/").split("/")[-2:]) + ".jsonld"


def export_store(store: object, out: Path) -> list[dict]:
    """The documents of every notice graph of an on-disk store, its events and the index; the index entries."""
    from noticegraph.store import notice_graphs, stored_graph
    from ontology.event_graph import EVENTS_GRAPH

    events = stored_graph(store, EVENTS_GRAPH)
    return write_documents(((n, stored_graph(store, n)) for n in notice_graphs(store)), out, events or None)


def write_documents(graphs: Iterable[tuple[str, Graph]], out: Path, events: Graph | None = None) -> list[dict]:
    """One ``.jsonld`` file per notice, ``events.jsonld`` when there are events, and ``index.json``;
    the index entries."""
    from noticegraph.output import write_atomically

    index = []
    for notice, graph in graphs:
        name = document_name(notice)
        document = notice_document(graph, notice)
        write_atomically(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode(), out / name)
        index.append({"id": notice, "file": name, "title": document.get("title"),
                      "datePublished": document.get("datePublished"), "region": document.get("region")})
    index.sort(key=lambda entry: entry["id"])
    body: dict[str, Any] = {"notices": index}
    if events is not None:
        document = events_document(events)
        write_atomically(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode(), out / EVENTS_FILE)
        body["events"] = EVENTS_FILE
    write_atomically(json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True).encode(), out / "index.json")
    return index
