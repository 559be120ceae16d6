"""Writing the graph: formats, and atomic replacement of the output file."""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from extractors.facts import NoticeFacts

FORMATS = {"nt": "nt", "ttl": "longturtle", "jsonld": "json-ld", "trig": "trig", "nq": "nquads"}
QUADS = frozenset({"trig", "nq"})


def serialize(all_facts: Iterable[NoticeFacts], fmt: str) -> bytes:
    """The facts as RDF in ``fmt``: one merged graph, or one named graph per notice for trig/nq."""
    from ontology.graph import add_notice, bind_prefixes, notices_dataset

    if fmt in QUADS:
        return bind_prefixes(notices_dataset(all_facts)).serialize(format=FORMATS[fmt], encoding="utf-8")
    if fmt == "nt":
        return _ntriples(all_facts)
    from rdflib import Graph

    graph = bind_prefixes(Graph())
    for facts in all_facts:
        add_notice(graph, facts)
    if fmt == "jsonld":
        from ontology.jsonld import compact_graph

        return compact_graph(graph)
    return graph.serialize(format=FORMATS[fmt], encoding="utf-8")


def _ntriples(all_facts: Iterable[NoticeFacts]) -> bytes:
    """N-Triples written line by line, in the stable order the facts are generated.

    Encoded notice by notice: one string of the whole graph would be larger than
    its UTF-8 bytes (two bytes per character once it holds Chinese) and slower to encode.
    """
    from ontology.ntriples import notice_ntriples

    return b"".join("".join(notice_ntriples(facts)).encode("utf-8") for facts in all_facts)


def write_atomically(data: bytes, out: Path | None) -> None:
    """Write to ``out`` through a temporary file and a rename, or to standard output."""
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
