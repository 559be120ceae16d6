"""Writing the graph: formats, and atomic replacement of the output file."""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from extractors.facts import NoticeFacts

FORMATS = {"nt": "nt", "ttl": "longturtle", "jsonld": "json-ld", "trig": "trig", "nq": "nquads"}
QUADS = frozenset({"trig", "nq"})
STREAMED = frozenset({"nt"})    # written notice by notice as the batch goes: no whole graph in memory


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
    return b"".join(ntriples_chunks(all_facts))


def ntriples_chunks(all_facts: Iterable[NoticeFacts]) -> Iterator[bytes]:
    """The N-Triples of each notice in turn, as UTF-8 bytes."""
    from ontology.ntriples import notice_ntriples

    for facts in all_facts:
        yield "".join(notice_ntriples(facts)).encode("utf-8")


def stream_atomically(chunks: Iterable[bytes], out: Path | None) -> int:
    """Write ``chunks`` as they come, to ``out`` through a temporary file and a rename, or to standard output.

    Returns the number of chunks. With none, ``out`` is left as it was; if the
    chunks' producer fails, the temporary file is removed and ``out`` is untouched.
    """
    if out is None:
        return _stream(chunks, sys.stdout.buffer)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            count = _stream(chunks, stream)
        if count:
            os.replace(temporary, out)
        else:
            Path(temporary).unlink()
        return count
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _stream(chunks: Iterable[bytes], stream) -> int:
    count = 0
    for chunk in chunks:
        stream.write(chunk)
        count += 1
    stream.flush()
    return count


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
