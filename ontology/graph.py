"""Pure functions from extracted facts to RDF (see docs/model.md).

Each notice becomes its own named graph, whose name is the notice IRI. IRIs
depend only on the notice's bytes, file name and the facts' order in the text,
so the same notice gives the same graph on any machine.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, TypeVar
from urllib.parse import quote

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from extractors.facts import NoticeFacts, SourceSpan
from ontology.namespace import NG, NGK, NGN, NGR, NGS, NGST, OA

# terms resolved once (DefinedNamespace attribute lookups cost ~1 µs, and the graph code runs per fact)
_NG_AdvancePayment = NG.AdvancePayment
_NG_ChannelStatement = NG.ChannelStatement
_NG_Deadline = NG.Deadline
_NG_Hotline = NG.Hotline
_NG_Notice = NG.Notice
_NG_Region = NG.Region
_NG_Resumption = NG.Resumption
_NG_ServiceStatement = NG.ServiceStatement
_NG_SuspensionWindow = NG.SuspensionWindow
_NG_action = NG.action
_NG_affectsService = NG.affectsService
_NG_benefit = NG.benefit
_NG_channelKind = NG.channelKind
_NG_contentDigest = NG.contentDigest
_NG_deadline = NG.deadline
_NG_evidence = NG.evidence
_NG_fileName = NG.fileName
_NG_forMonth = NG.forMonth
_NG_openEnded = NG.openEnded
_NG_paidBy = NG.paidBy
_NG_province = NG.province
_NG_region = NG.region
_NG_resumesAt = NG.resumesAt
_NG_script = NG.script
_NG_service = NG.service
_NG_statedIn = NG.statedIn
_NG_status = NG.status
_NG_tentative = NG.tentative
_NG_vague = NG.vague
_NG_warcFile = NG.warcFile
_NG_alsoPublishedAt = NG.alsoPublishedAt
_RDF_type = RDF.type
_SDO_startDate, _SDO_endDate, _SDO_eventStatus = SDO.startDate, SDO.endDate, SDO.eventStatus
_SDO_EventScheduled, _SDO_name, _SDO_telephone = SDO.EventScheduled, SDO.name, SDO.telephone
# OA is an open Namespace: each OA.x makes a new URIRef
_OA_SpecificResource, _OA_hasSource, _OA_hasSelector = OA.SpecificResource, OA.hasSource, OA.hasSelector
_OA_TextQuoteSelector, _OA_exact, _OA_prefix, _OA_suffix = OA.TextQuoteSelector, OA.exact, OA.prefix, OA.suffix
_OA_TextPositionSelector, _OA_start, _OA_end = OA.TextPositionSelector, OA.start, OA.end

G = TypeVar("G", bound=Graph)


class Terms:
    """How terms are made: rdflib objects, or N-Triples strings (see ontology/ntriples.py)."""

    def __init__(self, iri: Callable[[str], Any], literal: Callable[..., Any]) -> None:
        self.iri = iri
        self.literal = literal

    def datetime(self, value: dt.datetime) -> Any:
        """An ``xsd:dateTime`` to the second, with its offset."""
        return self.literal(value.isoformat(timespec="seconds"), datatype=XSD.dateTime)

    def date(self, value: dt.date) -> Any:
        """An ``xsd:date``."""
        return self.literal(value.isoformat(), datatype=XSD.date)


RDFLIB_TERMS = Terms(URIRef, Literal)
Triple = tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode]
CONTEXT = 24
SOFTWARE = URIRef("https://w3id.org/noticegraph/software/0.1.0")
STATUS = {"suspended": NGST.suspended, "available": NGST.available}


@cache
def concept(namespace: str, key: str) -> URIRef:
    """A vocabulary concept IRI (``ngs:pension``, ``ngk:website``), made once."""
    return URIRef(f"{namespace}{key}")


def notice_iri(digest: str, name: str) -> URIRef:
    """``ngn:{digest16}/{name}``: the last path segment is the notice's file name."""
    return URIRef(f"{NGN}{digest[:16]}/{quote(name, safe='')}")


def region_iri(code: str) -> URIRef:
    """``ngr:{code}``."""
    return NGR[code]


def evidence_iri(notice: str, sentence: SourceSpan) -> str:
    """One evidence resource per stating sentence: ``N#ev-{start}-{end}``."""
    return f"{notice}#ev-{sentence.start}-{sentence.end}"


def _evidence(fact: URIRef, notice: URIRef, sentence: SourceSpan, terms: Terms) -> Iterator[Triple]:
    yield fact, _NG_statedIn, notice
    yield fact, _NG_evidence, terms.iri(evidence_iri(notice, sentence))


def _sentences(facts: NoticeFacts, notice: URIRef, terms: Terms) -> Iterator[Triple]:
    """The evidence resources (Web Annotation selectors), once per stating sentence."""
    text, seen = facts.document.text, set()
    for sentence in _stating_sentences(facts):
        if (sentence.start, sentence.end) in seen:
            continue
        seen.add((sentence.start, sentence.end))
        iri = evidence_iri(notice, sentence)
        ev, quote_, position = terms.iri(iri), terms.iri(f"{iri}-quote"), terms.iri(f"{iri}-pos")
        yield ev, _RDF_type, _OA_SpecificResource
        yield ev, _OA_hasSource, notice
        yield ev, _OA_hasSelector, quote_
        yield ev, _OA_hasSelector, position
        yield quote_, _RDF_type, _OA_TextQuoteSelector
        yield quote_, _OA_exact, terms.literal(sentence.text)
        yield quote_, _OA_prefix, terms.literal(text[max(0, sentence.start - CONTEXT):sentence.start])
        yield quote_, _OA_suffix, terms.literal(text[sentence.end:sentence.end + CONTEXT])
        yield position, _RDF_type, _OA_TextPositionSelector
        yield position, _OA_start, terms.literal(sentence.start)
        yield position, _OA_end, terms.literal(sentence.end)


def _stating_sentences(facts: NoticeFacts) -> Iterator[SourceSpan]:
    for group in (facts.windows, facts.resumptions, facts.services, facts.channels,
                  facts.payments, facts.deadlines, facts.hotlines):
        for fact in group:
            yield fact.sentence


def _notice(facts: NoticeFacts, notice: URIRef, terms: Terms) -> Iterator[Triple]:
    doc = facts.document
    yield notice, RDF.type, _NG_Notice
    yield notice, RDF.type, SDO.SpecialAnnouncement
    yield notice, _NG_fileName, terms.literal(doc.doc_id)
    yield notice, _NG_script, terms.literal(doc.script)
    yield notice, _NG_contentDigest, terms.literal(doc.digest)
    yield notice, SDO.text, terms.literal(doc.text)       # what evidence offsets count in (review pages)
    yield notice, PROV.wasGeneratedBy, terms.iri(f"{notice}#extraction")
    yield terms.iri(f"{notice}#extraction"), RDF.type, PROV.Activity
    yield terms.iri(f"{notice}#extraction"), PROV.wasAssociatedWith, SOFTWARE
    if doc.title:
        yield notice, DCTERMS.title, terms.literal(doc.title)
    if doc.published:
        yield notice, SDO.datePublished, terms.datetime(doc.published)
    if doc.outlet:
        yield notice, DCTERMS.publisher, terms.literal(doc.outlet)
    if doc.url:
        yield notice, SDO.url, terms.literal(doc.url, datatype=XSD.anyURI)
    if doc.warc_record:
        yield notice, PROV.wasDerivedFrom, terms.iri(doc.warc_record)
    if doc.warc_file:
        yield notice, _NG_warcFile, terms.literal(doc.warc_file)
    for other in doc.also_at:
        yield notice, _NG_alsoPublishedAt, terms.literal(other, datatype=XSD.anyURI)


def _region(facts: NoticeFacts, notice: URIRef, terms: Terms) -> Iterator[Triple]:
    region = facts.region
    if region is None:
        return
    iri, province = region_iri(region.code), region_iri(region.province)
    yield notice, _NG_region, iri
    yield iri, RDF.type, _NG_Region
    yield iri, SKOS.notation, terms.literal(region.code)
    yield iri, RDFS.label, terms.literal(region.name, lang="zh")
    yield iri, _NG_province, province
    yield province, RDF.type, _NG_Region
    yield province, SKOS.notation, terms.literal(region.province)
    yield province, _NG_province, province
    if province != iri:
        yield iri, SDO.containedInPlace, province


def _windows(facts: NoticeFacts, notice: URIRef, terms: Terms) -> Iterator[Triple]:
    for i, window in enumerate(facts.windows, 1):
        fact = terms.iri(f"{notice}#window-{i}")
        yield fact, _RDF_type, _NG_SuspensionWindow
        yield fact, _SDO_startDate, terms.datetime(window.start)
        yield fact, _SDO_eventStatus, _SDO_EventScheduled
        if window.end is not None:
            yield fact, _SDO_endDate, terms.datetime(window.end)
        else:
            yield fact, _NG_openEnded, terms.literal(True)
        if window.vague:
            yield fact, _NG_vague, terms.literal(True)
        if window.tentative:
            yield fact, _NG_tentative, terms.literal(True)
        for service in window.services:
            yield fact, _NG_affectsService, concept(NGS, service)
        yield from _evidence(fact, notice, window.sentence, terms)


def _resumptions(facts: NoticeFacts, notice: URIRef, terms: Terms) -> Iterator[Triple]:
    for i, resumption in enumerate(facts.resumptions, 1):
        fact = terms.iri(f"{notice}#resume-{i}")
        yield fact, _RDF_type, _NG_Resumption
        yield fact, _NG_resumesAt, terms.datetime(resumption.at)
        yield from _evidence(fact, notice, resumption.sentence, terms)


def _statuses(facts: NoticeFacts, notice: URIRef, terms: Terms) -> Iterator[Triple]:
    for i, service in enumerate(facts.services, 1):
        fact = terms.iri(f"{notice}#service-{i}")
        yield fact, _RDF_type, _NG_ServiceStatement
        yield fact, _NG_service, concept(NGS, service.service)
        yield fact, _NG_status, STATUS[service.status]
        yield from _evidence(fact, notice, service.sentence, terms)
    for i, channel in enumerate(facts.channels, 1):
        fact = terms.iri(f"{notice}#channel-{i}")
        yield fact, _RDF_type, _NG_ChannelStatement
        yield fact, _SDO_name, terms.literal(channel.name)
        yield fact, _NG_channelKind, concept(NGK, channel.kind)
        yield fact, _NG_status, STATUS[channel.status]
        yield from _evidence(fact, notice, channel.sentence, terms)


def _payments_and_deadlines(facts: NoticeFacts, notice: URIRef, terms: Terms) -> Iterator[Triple]:
    for i, payment in enumerate(facts.payments, 1):
        fact = terms.iri(f"{notice}#payment-{i}")
        yield fact, _RDF_type, _NG_AdvancePayment
        yield fact, _NG_benefit, concept(NGS, payment.benefit)
        yield fact, _NG_forMonth, terms.literal(payment.for_month.strftime("%Y-%m"), datatype=XSD.gYearMonth)
        yield fact, _NG_paidBy, terms.date(payment.paid_by)
        yield from _evidence(fact, notice, payment.sentence, terms)
    for i, deadline in enumerate(facts.deadlines, 1):
        fact = terms.iri(f"{notice}#deadline-{i}")
        yield fact, _RDF_type, _NG_Deadline
        yield fact, _NG_deadline, terms.date(deadline.day)
        yield fact, _NG_action, terms.literal(deadline.action)
        yield from _evidence(fact, notice, deadline.sentence, terms)


def _hotlines(facts: NoticeFacts, notice: URIRef, terms: Terms) -> Iterator[Triple]:
    for i, hotline in enumerate(facts.hotlines, 1):
        fact = terms.iri(f"{notice}#hotline-{i}")
        yield fact, _RDF_type, _NG_Hotline
        yield fact, _SDO_telephone, terms.literal(hotline.phone)
        if hotline.name:
            yield fact, _SDO_name, terms.literal(hotline.name)
        yield from _evidence(fact, notice, hotline.sentence, terms)


PARTS = (_notice, _region, _windows, _resumptions, _statuses, _payments_and_deadlines, _hotlines, _sentences)


def notice_triples(facts: NoticeFacts, terms: Terms | None = None) -> Iterator[Triple]:
    """Every triple of one notice's graph, built with ``terms`` (rdflib terms by default)."""
    terms = terms or RDFLIB_TERMS
    notice = terms.iri(notice_iri(facts.document.digest, facts.document.doc_id))
    for part in PARTS:
        yield from part(facts, notice, terms)


PREFIXES = {"ng": NG, "ngs": NGS, "ngk": NGK, "ngst": NGST, "ngr": NGR, "ngn": NGN, "oa": OA,
            "schema": SDO, "prov": PROV, "dcterms": DCTERMS, "skos": SKOS, "xsd": XSD}


def bind_prefixes(graph: G) -> G:
    """Bind the model's prefixes (docs/model.md) for readable Turtle and TriG."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def add_notice(graph: G, facts: NoticeFacts) -> G:
    """Add one notice's triples to ``graph``."""
    for triple in notice_triples(facts):
        graph.add(triple)
    return graph


def notice_graph(facts: NoticeFacts) -> Graph:
    """One notice's facts as a graph."""
    return add_notice(Graph(), facts)


def notices_dataset(all_facts: Iterable[NoticeFacts]) -> Dataset:
    """A dataset with one named graph per notice."""
    dataset = Dataset()
    for facts in all_facts:
        add_notice(dataset.graph(notice_iri(facts.document.digest, facts.document.doc_id)), facts)
    return dataset
