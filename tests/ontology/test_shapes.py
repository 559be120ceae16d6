"""ontology/shapes.ttl accepts a notice graph written after docs/model.md and rejects broken ones."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, SKOS, Namespace

from ontology.namespace import NG, NGK, NGR, NGS, NGST, OA
from ontology.vocab import ontology_dir

DATA = Path(__file__).parent / "data"
N = URIRef("https://w3id.org/noticegraph/id/notice/7de9f6ac8e08fbdf/000_d7652f1d30021301.txt")
NOTICE = N
WINDOW, OPEN_WINDOW = URIRef(f"{N}#window-1"), URIRef(f"{N}#window-2")
# plain namespaces: pytest's collection probes module globals, which rdflib's open DefinedNamespaces warn about
SDO = Namespace("https://schema.org/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
Mutation = Callable[[Graph], None]


def fragment(name: str) -> URIRef:
    return URIRef(f"{N}#{name}")


def _rename(graph: Graph, old: URIRef, new: URIRef) -> None:
    for s, p, o in list(graph):
        if old in (s, o):
            graph.remove((s, p, o))
            graph.add((new if s == old else s, p, new if o == old else o))


def _renumber(graph: Graph, notation: str) -> None:
    graph.set((NGR["370100"], SKOS.notation, Literal(notation)))


# fmt: off
# name: (the SHACL constraint component that must report it, how the conforming graph is broken)
BROKEN: dict[str, tuple[str, Mutation]] = {
    "missing evidence":           ("MinCount",          lambda g: g.remove((WINDOW, NG.evidence, None))),
    "two pieces of evidence":     ("MaxCount",          lambda g: g.add((WINDOW, NG.evidence, fragment("resume-1-ev")))),
    "missing statedIn":           ("MinCount",          lambda g: g.remove((fragment("hotline-1"), NG.statedIn, None))),
    "evidence of another notice": ("SPARQL",            lambda g: g.set((fragment("window-1-ev"), OA.hasSource, NGR["370100"]))),
    "empty quote":                ("MinLength",         lambda g: g.set((fragment("window-1-ev-quote"), OA.exact, Literal("")))),
    "no quote selector":          ("QualifiedMinCount", lambda g: g.remove((fragment("window-1-ev"), OA.hasSelector, fragment("window-1-ev-quote")))),
    "no position selector":       ("QualifiedMinCount", lambda g: g.remove((fragment("window-1-ev"), OA.hasSelector, fragment("window-1-ev-pos")))),
    "fact IRI outside its notice": ("SPARQL",            lambda g: g.add((URIRef("https://example.org/fact"), NG.statedIn, N))),
    "quote not at its position":  ("SPARQL",            lambda g: g.set((fragment("window-1-ev-pos"), OA.start, Literal(1)))),
    "notice without its text":    ("MinCount",          lambda g: g.remove((NOTICE, SDO.text, None))),
    "start after end offset":     ("LessThanOrEquals",  lambda g: g.set((fragment("window-1-ev-pos"), OA.start, Literal(999)))),
    "offset not an integer":      ("Datatype",          lambda g: g.set((fragment("window-1-ev-pos"), OA.end, Literal("156")))),
    "start as xsd:date":          ("Datatype",          lambda g: g.set((WINDOW, SDO.startDate, Literal("2022-02-26", datatype=XSD.date)))),
    "start as a string":          ("Datatype",          lambda g: g.set((WINDOW, SDO.startDate, Literal("2022-02-26T00:00:00+08:00")))),
    "start without offset":       ("Pattern",           lambda g: g.set((WINDOW, SDO.startDate, Literal("2022-02-26T00:00:00", datatype=XSD.dateTime)))),
    "end before start":           ("LessThan",          lambda g: g.set((WINDOW, SDO.endDate, Literal("2022-02-25T00:00:00+08:00", datatype=XSD.dateTime)))),
    "end equal to start":         ("LessThan",          lambda g: g.set((WINDOW, SDO.endDate, Literal("2022-02-26T00:00:00+08:00", datatype=XSD.dateTime)))),
    "no end, not open-ended":     ("Xone",              lambda g: g.remove((OPEN_WINDOW, NG.openEnded, None))),
    "end and open-ended":         ("Xone",              lambda g: g.add((WINDOW, NG.openEnded, Literal(True)))),
    "two starts":                 ("MaxCount",          lambda g: g.add((WINDOW, SDO.startDate, Literal("2022-02-27T00:00:00+08:00", datatype=XSD.dateTime)))),
    "unknown service":            ("In",                lambda g: g.add((WINDOW, NG.affectsService, NGS.social_security))),
    "service as a literal":       ("In",                lambda g: g.set((fragment("service-1"), NG.service, Literal("contribution")))),
    "unknown benefit":            ("In",                lambda g: g.set((fragment("payment-1"), NG.benefit, NGK.bank))),
    "unknown channel kind":       ("In",                lambda g: g.set((fragment("channel-1"), NG.channelKind, NGK.fax))),
    "unknown status":             ("In",                lambda g: g.set((fragment("channel-1"), NG.status, NGST.closed))),
    "two statuses":               ("MaxCount",          lambda g: g.add((fragment("service-1"), NG.status, NGST.suspended))),
    "channel without name":       ("MinCount",          lambda g: g.remove((fragment("channel-1"), SDO.name, None))),
    "month as xsd:date":          ("Datatype",          lambda g: g.set((fragment("payment-1"), NG.forMonth, Literal("2022-03-01", datatype=XSD.date)))),
    "month 13":                   ("Pattern",           lambda g: g.set((fragment("payment-1"), NG.forMonth, Literal("2022-13", datatype=XSD.gYearMonth)))),
    "paid by as xsd:dateTime":    ("Datatype",          lambda g: g.set((fragment("payment-1"), NG.paidBy, Literal("2022-02-25T00:00:00+08:00", datatype=XSD.dateTime)))),
    "deadline as a string":       ("Datatype",          lambda g: g.set((fragment("deadline-1"), NG.deadline, Literal("2022-04-30")))),
    "hotline without digits":     ("Pattern",           lambda g: g.set((fragment("hotline-1"), SDO.telephone, Literal("市民热线")))),
    "resumption without time":    ("MinCount",          lambda g: g.remove((fragment("resume-1"), NG.resumesAt, None))),
    "bad region IRI":             ("Pattern",           lambda g: _rename(g, NGR["370100"], NGR["3701"])),
    "region IRI elsewhere":       ("Pattern",           lambda g: _rename(g, NGR["370100"], URIRef("https://example.org/region/370100"))),
    "notation not the code":      ("SPARQL",            lambda g: _renumber(g, "370200")),
    "province of another code":   ("SPARQL",            lambda g: g.set((NGR["370100"], NG.province, NGR["420000"]))),
    "region as a blank node":     ("NodeKind",          lambda g: g.set((N, NG.region, BNode()))),
    "script unknown":             ("In",                lambda g: g.set((N, NG.script, Literal("Latn")))),
    "digest not the IRI's":       ("SPARQL",            lambda g: g.set((N, NG.contentDigest, Literal("0" * 64)))),
    "file name not the IRI's":    ("SPARQL",            lambda g: g.set((N, NG.fileName, Literal("001.txt")))),
    "fact IRI of another kind":   ("Pattern",           lambda g: _rename(g, fragment("deadline-1"), fragment("window-9"))),
    "fact outside its notice":    ("SPARQL",            lambda g: _rename(g, fragment("hotline-1"), URIRef("https://example.org/hotline-1"))),
    "publication without offset": ("Pattern",           lambda g: g.set((N, SDO.datePublished, Literal("2022-02-19T23:19:50", datatype=XSD.dateTime)))),
}
# fmt: on


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl")


@pytest.fixture(scope="module")
def conforming() -> Graph:
    return Graph().parse(DATA / "conforming.ttl")


def conforms(data: Graph, shapes: Graph) -> tuple[bool, str]:
    ok, _, text = validate(data, shacl_graph=shapes, allow_warnings=False)
    return bool(ok), str(text)


def reported_components(data: Graph, shapes: Graph) -> set[str]:
    """Local names of the constraint components of every validation result, without "ConstraintComponent"."""
    _, report, _ = validate(data, shacl_graph=shapes, allow_warnings=False)
    components = report.objects(None, SH.sourceConstraintComponent)
    return {str(c).rsplit("#", 1)[-1].removesuffix("ConstraintComponent") for c in components}


def test_shapes_are_shacl(shapes: Graph) -> None:
    assert len(list(shapes.subjects(RDF.type, SH.NodeShape))) >= 12
    ok, text = conforms(Graph(), shapes)  # pyshacl loads every shape, even with nothing to check
    assert ok, text


def test_shapes_accept_the_conforming_notice(conforming: Graph, shapes: Graph) -> None:
    ok, text = conforms(conforming, shapes)
    assert ok, text


@pytest.mark.parametrize(("component", "mutation"), BROKEN.values(), ids=BROKEN.keys())
def test_shapes_reject_broken_notice(conforming: Graph, shapes: Graph, component: str, mutation: Mutation) -> None:
    broken = Graph()
    for triple in conforming:
        broken.add(triple)
    mutation(broken)
    assert component in reported_components(broken, shapes)


def test_shapes_accept_regions_of_the_vocabulary(shapes: Graph) -> None:
    regions = Graph().parse(ontology_dir() / "regions.ttl")
    sample = Graph()  # validating all 400 regions with the SPARQL constraints takes ~10 s
    for s, p, o in regions:
        if str(s).rsplit("/", 1)[-1][:2] in ("42", "65", "11"):
            sample.add((s, p, o))
    ok, text = conforms(sample, shapes)
    assert len(sample) > 100 and ok, text
