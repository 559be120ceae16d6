"""Every extracted notice graph passes the SHACL shapes and survives a JSON-LD round trip."""
from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from extractors.reading import read_text
from ontology.graph import bind_prefixes, notice_graph
from ontology.namespace import OA
from ontology.jsonld import compact_graph, refuse_remote
from ontology.validation import validate
from tests.conftest import golden_notices

NAMES = [path.name for path, _ in golden_notices()]
PATHS = {path.name: path for path, _ in golden_notices()}


def squashed(text: str) -> str:
    """The contract's view of a notice for quotes: markup (tags, entities) and spaces ignored."""
    text = html.unescape(re.sub(r"<[^>]*>", "", text))
    return re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("name", NAMES)
def test_extracted_quotes_are_found_in_the_source(name: str, golden_facts: dict) -> None:
    """Each evidence quote is the notice's text as written (a Markdown ``**`` inside a sentence
    is not in the clean text, so the quote must keep clear of it)."""
    source = squashed(read_text(Path(PATHS[name]).read_bytes()).text)
    quotes = {str(q) for q in notice_graph(golden_facts[name]).objects(None, OA.exact)}
    assert quotes
    assert sorted(q for q in quotes if squashed(q) not in source) == []


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
