"""Pure functions from extracted facts to RDF (see docs/model.md).

Each notice becomes its own named graph, whose name is the notice IRI. IRIs
depend only on the notice's bytes, file name and the facts' order in the text,
so the same notice gives the same graph on any machine.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TypeVar
from urllib.parse import quote

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from extractors.facts import NoticeFacts, SourceSpan
from ontology.namespace import NG, NGK, NGN, NGR, NGS, NGST, OA

G = TypeVar("G", bound=Graph)
Triple = tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode]
CONTEXT = 24
SOFTWARE = URIRef("https://w3id.org/noticegraph/software/0.1.0")
STATUS = {"suspended": NGST.suspended, "available": NGST.available}


def notice_iri(digest: str, name: str) -> URIRef:
    """``ngn:{digest16}/{name}``: the last path segment is the notice's file name."""
    return URIRef(f"{NGN}{digest[:16]}/{quote(name, safe='')}")


def _datetime(value: dt.datetime) -> Literal:
    return Literal(value.isoformat(timespec="seconds"), datatype=XSD.dateTime)


def _date(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def region_iri(code: str) -> URIRef:
    """``ngr:{code}``."""
    return NGR[code]


def evidence_iri(notice: URIRef, sentence: SourceSpan) -> URIRef:
    """One evidence resource per stating sentence: ``N#ev-{start}-{end}``."""
    return URIRef(f"{notice}#ev-{sentence.start}-{sentence.end}")


def _evidence(fact: URIRef, notice: URIRef, sentence: SourceSpan, text: str) -> Iterator[Triple]:
    yield fact, NG.statedIn, notice
    yield fact, NG.evidence, evidence_iri(notice, sentence)


def _sentences(facts: NoticeFacts, notice: URIRef) -> Iterator[Triple]:
    """The evidence resources (Web Annotation selectors), once per stating sentence."""
    text, seen = facts.document.text, set()
    for sentence in _stating_sentences(facts):
        if (sentence.start, sentence.end) in seen:
            continue
        seen.add((sentence.start, sentence.end))
        ev = evidence_iri(notice, sentence)
        quote_, position = URIRef(f"{ev}-quote"), URIRef(f"{ev}-pos")
        yield ev, RDF.type, OA.SpecificResource
        yield ev, OA.hasSource, notice
        yield ev, OA.hasSelector, quote_
        yield ev, OA.hasSelector, position
        yield quote_, RDF.type, OA.TextQuoteSelector
        yield quote_, OA.exact, Literal(sentence.text)
        yield quote_, OA.prefix, Literal(text[max(0, sentence.start - CONTEXT):sentence.start])
        yield quote_, OA.suffix, Literal(text[sentence.end:sentence.end + CONTEXT])
        yield position, RDF.type, OA.TextPositionSelector
        yield position, OA.start, Literal(sentence.start)
        yield position, OA.end, Literal(sentence.end)


def _stating_sentences(facts: NoticeFacts) -> Iterator[SourceSpan]:
    for group in (facts.windows, facts.resumptions, facts.services, facts.channels,
                  facts.payments, facts.deadlines, facts.hotlines):
        for fact in group:
            yield fact.sentence


def _notice(facts: NoticeFacts, notice: URIRef) -> Iterator[Triple]:
    doc = facts.document
    yield notice, RDF.type, NG.Notice
    yield notice, RDF.type, SDO.SpecialAnnouncement
    yield notice, NG.fileName, Literal(doc.doc_id)
    yield notice, NG.script, Literal(doc.script)
    yield notice, NG.contentDigest, Literal(doc.digest)
    yield notice, PROV.wasGeneratedBy, URIRef(f"{notice}#extraction")
    yield URIRef(f"{notice}#extraction"), RDF.type, PROV.Activity
    yield URIRef(f"{notice}#extraction"), PROV.wasAssociatedWith, SOFTWARE
    if doc.title:
        yield notice, DCTERMS.title, Literal(doc.title)
    if doc.published:
        yield notice, SDO.datePublished, _datetime(doc.published)
    if doc.outlet:
        yield notice, DCTERMS.publisher, Literal(doc.outlet)
    if doc.url:
        yield notice, SDO.url, Literal(doc.url, datatype=XSD.anyURI)


def _region(facts: NoticeFacts, notice: URIRef) -> Iterator[Triple]:
    region = facts.region
    if region is None:
        return
    iri, province = region_iri(region.code), region_iri(region.province)
    yield notice, NG.region, iri
    yield iri, RDF.type, NG.Region
    yield iri, SKOS.notation, Literal(region.code)
    yield iri, RDFS.label, Literal(region.name, lang="zh")
    yield iri, NG.province, province
    yield province, RDF.type, NG.Region
    yield province, SKOS.notation, Literal(region.province)
    yield province, NG.province, province
    if province != iri:
        yield iri, SDO.containedInPlace, province


def _windows(facts: NoticeFacts, notice: URIRef) -> Iterator[Triple]:
    for i, window in enumerate(facts.windows, 1):
        fact = URIRef(f"{notice}#window-{i}")
        yield fact, RDF.type, NG.SuspensionWindow
        yield fact, SDO.startDate, _datetime(window.start)
        yield fact, SDO.eventStatus, SDO.EventScheduled
        if window.end is not None:
            yield fact, SDO.endDate, _datetime(window.end)
        else:
            yield fact, NG.openEnded, Literal(True)
        if window.vague:
            yield fact, NG.vague, Literal(True)
        if window.tentative:
            yield fact, NG.tentative, Literal(True)
        for service in window.services:
            yield fact, NG.affectsService, NGS[service]
        yield from _evidence(fact, notice, window.sentence, facts.document.text)


def _resumptions(facts: NoticeFacts, notice: URIRef) -> Iterator[Triple]:
    for i, resumption in enumerate(facts.resumptions, 1):
        fact = URIRef(f"{notice}#resume-{i}")
        yield fact, RDF.type, NG.Resumption
        yield fact, NG.resumesAt, _datetime(resumption.at)
        yield from _evidence(fact, notice, resumption.sentence, facts.document.text)


def _statuses(facts: NoticeFacts, notice: URIRef) -> Iterator[Triple]:
    for i, service in enumerate(facts.services, 1):
        fact = URIRef(f"{notice}#service-{i}")
        yield fact, RDF.type, NG.ServiceStatement
        yield fact, NG.service, NGS[service.service]
        yield fact, NG.status, STATUS[service.status]
        yield from _evidence(fact, notice, service.sentence, facts.document.text)
    for i, channel in enumerate(facts.channels, 1):
        fact = URIRef(f"{notice}#channel-{i}")
        yield fact, RDF.type, NG.ChannelStatement
        yield fact, SDO.name, Literal(channel.name)
        yield fact, NG.channelKind, NGK[channel.kind]
        yield fact, NG.status, STATUS[channel.status]
        yield from _evidence(fact, notice, channel.sentence, facts.document.text)


def _payments_and_deadlines(facts: NoticeFacts, notice: URIRef) -> Iterator[Triple]:
    for i, payment in enumerate(facts.payments, 1):
        fact = URIRef(f"{notice}#payment-{i}")
        yield fact, RDF.type, NG.AdvancePayment
        yield fact, NG.benefit, NGS[payment.benefit]
        yield fact, NG.forMonth, Literal(payment.for_month.strftime("%Y-%m"), datatype=XSD.gYearMonth)
        yield fact, NG.paidBy, _date(payment.paid_by)
        yield from _evidence(fact, notice, payment.sentence, facts.document.text)
    for i, deadline in enumerate(facts.deadlines, 1):
        fact = URIRef(f"{notice}#deadline-{i}")
        yield fact, RDF.type, NG.Deadline
        yield fact, NG.deadline, _date(deadline.day)
        yield fact, NG.action, Literal(deadline.action)
        yield from _evidence(fact, notice, deadline.sentence, facts.document.text)


def _hotlines(facts: NoticeFacts, notice: URIRef) -> Iterator[Triple]:
    for i, hotline in enumerate(facts.hotlines, 1):
        fact = URIRef(f"{notice}#hotline-{i}")
        yield fact, RDF.type, NG.Hotline
        yield fact, SDO.telephone, Literal(hotline.phone)
        if hotline.name:
            yield fact, SDO.name, Literal(hotline.name)
        yield from _evidence(fact, notice, hotline.sentence, facts.document.text)


PARTS = (_notice, _region, _windows, _resumptions, _statuses, _payments_and_deadlines, _hotlines, _sentences)


def notice_triples(facts: NoticeFacts) -> Iterator[Triple]:
    """Every triple of one notice's graph."""
    notice = notice_iri(facts.document.digest, facts.document.doc_id)
    for part in PARTS:
        yield from part(facts, notice)


PREFIXES = {"ng": NG, "ngs": NGS, "ngk": NGK, "ngst": NGST, "ngr": NGR, "ngn": NGN, "oa": OA,
            "schema": SDO, "prov": PROV, "dcterms": DCTERMS, "skos": SKOS, "xsd": XSD}


def bind_prefixes(graph: G) -> G:
    """Bind the model's prefixes (docs/model.md) for readable Turtle and TriG."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def notice_graph(facts: NoticeFacts) -> Graph:
    """One notice's facts as a graph."""
    graph = Graph()
    for triple in notice_triples(facts):
        graph.add(triple)
    return graph


def notices_dataset(all_facts: Iterable[NoticeFacts]) -> Dataset:
    """A dataset with one named graph per notice."""
    dataset = Dataset()
    for facts in all_facts:
        graph = dataset.graph(notice_iri(facts.document.digest, facts.document.doc_id))
        for triple in notice_triples(facts):
            graph.add(triple)
    return dataset
