"""The embedded on-disk store: Oxigraph (pyoxigraph), one named graph per notice.

Loading a notice replaces its named graph in a single SPARQL update, which
Oxigraph runs as one transaction: a reader sees the old graph or the new one,
never a mix, and a crash leaves the old one. The ontology and the vocabularies
live in named graphs of their own.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from extractors.errors import NoticeError

if TYPE_CHECKING:
    import pyoxigraph

    from extractors.facts import NoticeFacts

GRAPHS = "https://w3id.org/noticegraph/graph/"
VOCABULARY_FILES = {"ontology": "notices.ttl", "services": "services.ttl", "channels": "channels.ttl",
                    "regions": "regions.ttl"}


def open_store(path: Path, *, read_only: bool = False) -> pyoxigraph.Store:
    """The store in ``path`` (created when writable); a locked or corrupt store is a NoticeError."""
    import pyoxigraph as ox

    if read_only and not path.is_dir():
        raise NoticeError("E108", f"{path}: no store here (build one with `noticegraph build`)")
    try:
        if not read_only:
            path.mkdir(parents=True, exist_ok=True)
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as error:     # RocksDB reports locks and corruption as these
        raise NoticeError("E108", f"{path}: cannot open the store: {error}") from error


def load_vocabularies(store: pyoxigraph.Store) -> None:
    """(Re)load the ontology and vocabularies, each into its own named graph."""
    import pyoxigraph as ox

    from ontology.vocab import ontology_dir

    for name, filename in VOCABULARY_FILES.items():
        graph = ox.NamedNode(GRAPHS + name)
        with (ontology_dir() / filename).open("rb") as stream:
            quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
                     for t in ox.parse(stream, format=ox.RdfFormat.TURTLE)]
        store.update(f"DROP SILENT GRAPH <{graph.value}>")
        store.extend(quads)


def replace_notice(store: pyoxigraph.Store, facts: NoticeFacts) -> int:
    """Replace the notice's named graph with its facts in one transaction; the number of triples."""
    from ontology.graph import notice_iri
    from ontology.ntriples import notice_ntriples

    lines = notice_ntriples(facts)
    replace_graph(store, notice_iri(facts.document.digest, facts.document.doc_id), lines)
    return len(lines)


def replace_graph(store: pyoxigraph.Store, graph: str, lines: list[str]) -> None:
    """Replace a named graph with N-Triples ``lines`` in one SPARQL update (one transaction)."""
    store.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{''.join(lines)}}} }}")


def notice_graphs(store: pyoxigraph.Store) -> list[str]:
    """IRIs of the notice graphs in the store."""
    return sorted(g.value for g in store.named_graphs() if not g.value.startswith(GRAPHS))


def load_notices(store: pyoxigraph.Store, all_facts: Iterable[NoticeFacts]) -> int:
    """Replace every notice's graph; the number of triples written."""
    written = sum(replace_notice(store, facts) for facts in all_facts)
    store.flush()
    return written


def stored_graph(store: pyoxigraph.Store, notice: str):
    """One notice's named graph, as an rdflib graph."""
    import pyoxigraph as ox
    from rdflib import Graph

    triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{notice}> {{ ?s ?p ?o }} }}")
    data = triples.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=data.decode("utf-8"), format="nt")
