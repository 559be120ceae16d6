"""The direct N-Triples writer gives the same graph as rdflib's terms."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from noticegraph.output import serialize
from ontology.graph import notice_graph
from ontology.ntriples import ntriples_term, nt_iri, nt_literal
from tests.conftest import golden_notices

# fmt: off
TERMS = [
    (nt_literal("a\"b\\c\nd"), Literal("a\"b\\c\nd")),
    (nt_literal(True), Literal(True)),
    (nt_literal(42), Literal(42)),
    (nt_literal("济南市", lang="zh"), Literal("济南市", lang="zh")),
    (nt_literal("2022-02-26T00:00:00+08:00", XSD.dateTime), Literal("2022-02-26T00:00:00+08:00", datatype=XSD.dateTime)),
    (nt_iri("https://w3id.org/noticegraph/id/notice/x/a.txt#window-1"), URIRef("https://w3id.org/noticegraph/id/notice/x/a.txt#window-1")),
]
# fmt: on


@pytest.mark.parametrize(("direct", "rdflib_term"), TERMS, ids=[str(t[1])[:20] for t in TERMS])
def test_ntriples_terms_match_rdflib(direct: str, rdflib_term) -> None:
    assert ntriples_term(direct) == rdflib_term.n3() or Graph().parse(
        data=f"<urn:s> <urn:p> {ntriples_term(direct)} .", format="nt").value(URIRef("urn:s"), URIRef("urn:p")) == rdflib_term


@pytest.mark.parametrize("name", [path.name for path, _ in golden_notices()])
def test_ntriples_output_is_the_rdflib_graph(name: str, golden_facts: dict) -> None:
    facts = golden_facts[name]
    written = Graph().parse(data=serialize([facts], "nt"), format="nt")
    assert isomorphic(written, notice_graph(facts))
