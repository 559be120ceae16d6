"""ontology/context.jsonld is local and round-trips a notice graph through pyld and rdflib."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld
from rdflib import Graph
from rdflib.compare import isomorphic

from ontology.vocab import ontology_dir, vocabulary_keys

DATA = Path(__file__).parent / "data"


def refuse_remote(url: str, options: dict | None = None) -> dict:
    """A pyld document loader that never fetches anything."""
    raise AssertionError(f"pyld tried to load {url}")


@pytest.fixture(scope="module")
def context() -> dict[str, Any]:
    return json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def conforming() -> Graph:
    return Graph().parse(DATA / "conforming.ttl")


def _nested_contexts(value: Any) -> list[Any]:
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k in ("@context", "@import")]
        return found + [c for v in value.values() for c in _nested_contexts(v)]
    if isinstance(value, list):
        return [c for v in value for c in _nested_contexts(v)]
    return []


def test_context_is_local(context: dict[str, Any]) -> None:
    assert isinstance(context["@context"], dict)
    assert context["@context"]["@version"] == 1.1
    assert _nested_contexts(context["@context"]) == []


def test_context_round_trips_through_pyld(context: dict[str, Any], conforming: Graph) -> None:
    options = {"documentLoader": refuse_remote}
    expanded = jsonld.from_rdf(conforming.serialize(format="nt"), {"format": "application/n-quads"})
    compacted = jsonld.compact(expanded, context, options)
    assert compacted["@context"] == context["@context"]
    back = jsonld.to_rdf(jsonld.expand(compacted, options), {"format": "application/n-quads"})
    assert isomorphic(Graph().parse(data=back, format="nt"), conforming)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_context_round_trips_through_rdflib(context: dict[str, Any], conforming: Graph) -> None:
    text = conforming.serialize(format="json-ld", context=context["@context"], auto_compact=True)
    assert isomorphic(Graph().parse(data=text, format="json-ld"), conforming)


def test_context_gives_short_terms(context: dict[str, Any], conforming: Graph) -> None:
    expanded = jsonld.from_rdf(conforming.serialize(format="nt"), {"format": "application/n-quads"})
    nodes = jsonld.compact(expanded, context, {"documentLoader": refuse_remote})["@graph"]
    window = next(n for n in nodes if n["@id"].endswith("#window-1"))
    assert window["@type"] == "SuspensionWindow"
    assert window["startDate"] == "2022-02-26T00:00:00+08:00"
    assert sorted(window["affectsService"]) == ["pension", "work_injury"]
    channel = next(n for n in nodes if n["@id"].endswith("#channel-1"))
    assert (channel["channelKind"], channel["status"]) == ("tax_office", "available")
    payment = next(n for n in nodes if n["@id"].endswith("#payment-1"))
    assert (payment["forMonth"], payment["paidBy"]) == ("2022-03", "2022-02-25")
    region = next(n for n in nodes if n["@id"] == "ngr:370100")
    assert region["label"] == "济南市"


def test_context_names_every_vocabulary_key(context: dict[str, Any]) -> None:
    terms = context["@context"]
    for keys in vocabulary_keys().values():
        for key in keys:
            assert terms[key].split(":")[0] in ("ngs", "ngk", "ngst"), key
