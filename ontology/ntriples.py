"""A fast N-Triples line writer for rdflib terms (W3C N-Triples escaping)."""
from __future__ import annotations

from functools import lru_cache

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def ntriples_term(term: URIRef | Literal | BNode) -> str:
    """One term as written in N-Triples."""
    kind = type(term)           # exact types first: isinstance on rdflib terms goes through ABC checks
    if kind is URIRef:
        return _iri(term)
    if kind is Literal:
        quoted = '"' + str(term).translate(ESCAPES) + '"'
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype and term.datatype != XSD.string:
            return f"{quoted}^^<{term.datatype}>"
        return quoted
    if isinstance(term, BNode):
        return f"_:{term}"
    return _iri(term)


@lru_cache(maxsize=4096)
def _iri(term: URIRef) -> str:
    return f"<{term}>"


def ntriples_line(triple: tuple) -> str:
    """One triple as an N-Triples line."""
    subject, predicate, obj = triple
    return f"{ntriples_term(subject)} {ntriples_term(predicate)} {ntriples_term(obj)} .\n"
