"""Every extracted notice graph passes the SHACL shapes and survives a JSON-LD round trip."""
from __future__ import annotations

import json

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from ontology.graph import bind_prefixes, notice_graph
from ontology.jsonld import compact_graph, refuse_remote
from ontology.validation import validate
from tests.conftest import golden_notices

NAMES = [path.name for path, _ in golden_notices()]


@pytest.mark.parametrize("name", NAMES)
def test_extracted_graph_conforms_to_shapes(name: str, golden_facts: dict) -> None:
    conforms, report = validate(notice_graph(golden_facts[name]))
    assert conforms, report


@pytest.mark.parametrize("name", NAMES)
def test_extracted_graph_jsonld_round_trip(name: str, golden_facts: dict) -> None:
    graph = bind_prefixes(notice_graph(golden_facts[name]))
    document = compact_graph(graph)
    back = Graph().parse(data=document, format="json-ld")
    _, only_original, only_back = graph_diff(graph, back)
    assert isomorphic(graph, back), f"lost {sorted(only_original)[:5]} gained {sorted(only_back)[:5]}"


def test_extracted_jsonld_expands_with_pyld_offline(golden_facts: dict) -> None:
    from pyld import jsonld

    document = json.loads(compact_graph(notice_graph(next(iter(golden_facts.values())))))
    expanded = jsonld.expand(document, {"documentLoader": refuse_remote})
    assert expanded and all("@id" in node for node in expanded if isinstance(node, dict) and "@type" in node)
