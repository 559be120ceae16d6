"""The ontology's Turtle files parse, and the ontology declares every term of docs/model.md."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from ontology.namespace import NG
from ontology.tools.build_namespace import ontology_terms, render
from ontology.vocab import load_vocabulary_graph, ontology_dir

ROOT = Path(__file__).resolve().parents[2]
TURTLE = sorted(ontology_dir().glob("*.ttl")) + sorted((Path(__file__).parent / "data").glob("*.ttl"))
CLASSES = ["Notice", "Region", "SuspensionWindow", "Resumption", "ServiceStatement", "ChannelStatement",
           "AdvancePayment", "Deadline", "Hotline"]
# fmt: off
ALIGNMENTS = [
    ("Notice", RDFS.subClassOf, "https://schema.org/SpecialAnnouncement"),
    ("Notice", RDFS.subClassOf, "http://www.w3.org/ns/prov#Entity"),
    ("Region", RDFS.subClassOf, "https://schema.org/AdministrativeArea"),
    ("SuspensionWindow", RDFS.subClassOf, "https://schema.org/Event"),
    ("SuspensionWindow", RDFS.subClassOf, "http://www.w3.org/2006/time#ProperInterval"),
    ("ChannelStatement", RDFS.subClassOf, "https://schema.org/ServiceChannel"),
    ("Hotline", RDFS.subClassOf, "https://schema.org/ContactPoint"),
    ("statedIn", RDFS.subPropertyOf, "http://www.w3.org/ns/prov#wasDerivedFrom"),
]
# fmt: on


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "notices.ttl")


@pytest.mark.parametrize("path", TURTLE, ids=[p.name for p in TURTLE])
def test_ontology_turtle_parses(path: Path) -> None:
    assert len(Graph().parse(path, format="turtle")) > 0


def test_ontology_has_versioned_header(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/noticegraph/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) is not None
    assert ontology.value(header, URIRef("http://purl.org/dc/terms/license")) is not None


def model_terms() -> list[str]:
    """Every ``ng:`` term that docs/model.md uses."""
    text = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    return sorted(set(re.findall(r"\bng:([A-Za-z]+)", text)))


@pytest.mark.parametrize("name", model_terms())
def test_ontology_declares_every_model_term(ontology: Graph, name: str) -> None:
    term = NG[name]
    assert (term, RDF.type, None) in ontology


@pytest.mark.parametrize("name", CLASSES)
def test_ontology_classes_are_labelled(ontology: Graph, name: str) -> None:
    term = NG[name]
    assert (term, RDF.type, OWL.Class) in ontology
    languages = {label.language for label in ontology.objects(term, RDFS.label)}
    assert {"en", "zh"} <= languages
    assert ontology.value(term, RDFS.comment) is not None


def test_ontology_properties_have_labels_domain_and_range(ontology: Graph) -> None:
    _, properties = ontology_terms(ontology)
    for term in properties:
        languages = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"en", "zh"} <= languages, term
        assert ontology.value(term, RDFS.comment) is not None, term
        assert ontology.value(term, RDFS.domain) is not None, term
        assert ontology.value(term, RDFS.range) is not None, term


@pytest.mark.parametrize(("name", "relation", "target"), ALIGNMENTS, ids=[f"{a[0]}-{a[2]}" for a in ALIGNMENTS])
def test_ontology_aligns_with_standard_vocabularies(ontology: Graph, name: str, relation: URIRef, target: str) -> None:
    assert (NG[name], relation, URIRef(target)) in ontology


def test_ontology_namespace_module_matches_turtle(ontology: Graph) -> None:
    generated = render(ontology)
    assert (ontology_dir() / "namespace.py").read_text(encoding="utf-8") == generated


def test_ontology_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = NG.noSuchTerm


def test_ontology_vocabulary_graph_holds_all_three_files() -> None:
    graph = load_vocabulary_graph()
    assert (NG.Notice, RDF.type, OWL.Class) in graph
    assert (URIRef("https://w3id.org/noticegraph/id/service/pension"), None, None) in graph
    assert (URIRef("https://w3id.org/noticegraph/id/status/suspended"), None, None) in graph
