"""N-Triples written straight from the graph code, without building rdflib terms.

:data:`WRITTEN_TERMS` makes every term of a notice graph as it is written in
N-Triples: IRIs as ``<…>``, literals quoted and typed, and the graph's vocabulary
converted once, so that a triple is written by joining its three strings.
:data:`NTRIPLES_TERMS` (literals written, IRIs as plain strings, vocabulary left
as rdflib ``URIRef``) serves the events graph, through :func:`ntriples_line`.
The output is the same N-Triples rdflib would write for the same graph.
"""
from __future__ import annotations

from functools import lru_cache

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from extractors.facts import NoticeFacts
from ontology.graph import Terms, notice_triples

XSD_STRING, XSD_BOOLEAN, XSD_INTEGER = XSD.string, XSD.boolean, XSD.integer   # resolved once: DefinedNamespace lookups are slow
INTEGER_SUFFIX = f"^^<{XSD_INTEGER}>"
# backslash first, so that the escapes added after it are not escaped again
ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"))


class Raw(str):
    """A literal already written in N-Triples."""

    __slots__ = ()


class IRI(str):
    """An IRI, kept as its plain value so that fragment IRIs can be built from it."""

    __slots__ = ()


def nt_iri(value: str) -> IRI:
    """An IRI term."""
    return IRI(value)


def nt_literal(value: object, datatype: str | None = None, lang: str | None = None) -> Raw:
    """A literal term, typed like rdflib types Python values (bool, int)."""
    if isinstance(value, bool):
        value, datatype = ("true" if value else "false"), XSD_BOOLEAN
    elif isinstance(value, int):
        datatype = XSD_INTEGER
    quoted = f'"{escaped(str(value))}"'
    if lang:
        return Raw(f"{quoted}@{lang}")
    return Raw(f"{quoted}{_datatype_suffix(datatype)}" if datatype else quoted)


@lru_cache(maxsize=256)
def _datatype_suffix(datatype: str) -> str:
    """``^^<datatype>``, or nothing for ``xsd:string``: compared once per datatype (``URIRef`` equality runs in Python)."""
    return "" if datatype == XSD_STRING else f"^^<{datatype}>"


def escaped(text: str) -> str:
    """``text`` with the string escapes of N-Triples.

    Chained ``str.replace`` of the few characters present: ``str.translate`` with
    a mapping costs about 4 µs even on a short literal.
    """
    for char, escape in ESCAPES:
        if char in text:
            text = text.replace(char, escape)
    return text


NTRIPLES_TERMS = Terms(nt_iri, nt_literal)


def written_iri(value: str) -> str:
    """An IRI as written in N-Triples."""
    return f"<{value}>"


def written_literal(value: object, datatype: str | None = None, lang: str | None = None) -> str:
    """A literal as written in N-Triples: :func:`nt_literal`, with plain strings and integers first."""
    kind = type(value)
    if kind is str and datatype is None and lang is None:
        return f'"{escaped(value)}"'
    if kind is int and datatype is None:
        return f'"{value}"{INTEGER_SUFFIX}'
    return nt_literal(value, datatype, lang)


WRITTEN_TERMS = Terms(written_iri, written_literal, written_iri)


def ntriples_term(term: Raw | URIRef | Literal | BNode) -> str:
    """One term as written in N-Triples."""
    kind = type(term)           # exact types first: isinstance on rdflib terms goes through ABC checks
    if kind is Raw:
        return term
    if kind is IRI:
        return f"<{term}>"
    if kind is URIRef:
        return _iri(term)
    if kind is Literal:
        return nt_literal(str(term), term.datatype, term.language)
    if kind is BNode:
        return f"_:{term}"
    return _iri(term)


@lru_cache(maxsize=4096)
def _iri(term: URIRef) -> str:
    return f"<{term}>"


def notice_ntriples(facts: NoticeFacts) -> list[str]:
    """The N-Triples lines of one notice's graph, without repeats, in a stable order."""
    return list(dict.fromkeys(f"{s} {p} {o} .\n" for s, p, o in notice_triples(facts, WRITTEN_TERMS)))


def ntriples_line(triple: tuple) -> str:
    """One triple as an N-Triples line."""
    subject, predicate, obj = triple
    return f"{ntriples_term(subject)} {ntriples_term(predicate)} {ntriples_term(obj)} .\n"
