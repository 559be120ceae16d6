"""N-Triples written straight from the graph code, without building rdflib terms.

:data:`NTRIPLES_TERMS` makes literals as ready N-Triples strings (:class:`Raw`) and IRIs as
plain strings (:class:`IRI`);
constants of the vocabulary that stay rdflib ``URIRef`` are formatted once and
cached. The output is the same N-Triples rdflib would write for the same graph.
"""
from __future__ import annotations

from functools import lru_cache

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from extractors.facts import NoticeFacts
from ontology.graph import Terms, notice_triples

XSD_STRING, XSD_BOOLEAN, XSD_INTEGER = XSD.string, XSD.boolean, XSD.integer   # resolved once: DefinedNamespace lookups are slow
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
    return Raw(f"{quoted}^^<{datatype}>" if datatype and datatype != XSD_STRING else quoted)


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
    written, lines = WrittenTerms(), {}
    for subject, predicate, obj in notice_triples(facts, NTRIPLES_TERMS):
        lines[f"{written[subject]} {written[predicate]} {written[obj]} .\n"] = None
    return list(lines)


class WrittenTerms(dict):
    """Terms as written in N-Triples, each formatted once (a notice repeats its fact IRIs and predicates).

    An :class:`IRI` and a ``URIRef`` of the same IRI may share an entry or take two
    (rdflib's equality is one-sided); either way both are written ``<…>``. A
    :class:`Raw` literal starts with a quote, which no IRI does, so no literal is
    ever taken for an IRI.
    """

    def __missing__(self, term: Raw | URIRef | Literal | BNode) -> str:
        form = self[term] = ntriples_term(term)
        return form


def ntriples_line(triple: tuple) -> str:
    """One triple as an N-Triples line."""
    subject, predicate, obj = triple
    return f"{ntriples_term(subject)} {ntriples_term(predicate)} {ntriples_term(obj)} .\n"
