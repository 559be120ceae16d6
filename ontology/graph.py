"""Pure functions from extracted facts to RDF (see docs/model.md).

Each notice becomes its own named graph, whose name is the notice IRI. IRIs
depend only on the notice's bytes, file name and the facts' order in the text,
so the same notice gives the same graph on any machine.

The graph code is written once for every kind of term (:class:`Terms`): rdflib
objects for the rdflib formats, ready N-Triples strings for ``--format nt``
(ontology/ntriples.py). The classes and properties it writes are the fields of
:class:`Vocabulary`, converted once per kind of term.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import chain
from typing import Any, NamedTuple, TypeVar
from urllib.parse import quote

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from extractors.facts import NoticeFacts, SourceSpan
from ontology.namespace import NG, NGK, NGN, NGR, NGS, NGST, OA

G = TypeVar("G", bound=Graph)
SOFTWARE = URIRef("https://w3id.org/noticegraph/software/0.1.0")
STATUS = {"suspended": NGST.suspended, "available": NGST.available}
XSD_DATETIME, XSD_DATE, XSD_ANYURI, XSD_GYEARMONTH = XSD.dateTime, XSD.date, XSD.anyURI, XSD.gYearMonth


class Vocabulary(NamedTuple):
    """The classes, properties and fixed resources of a notice graph, each field defaulting to its IRI.

    Resolved once (``DefinedNamespace`` attribute lookups cost ~1 µs, and the graph
    code runs per fact); :meth:`Terms.__init__` converts them to its kind of term.
    """

    rdf_type: Any = RDF.type
    rdfs_label: Any = RDFS.label
    skos_notation: Any = SKOS.notation
    dcterms_title: Any = DCTERMS.title
    dcterms_publisher: Any = DCTERMS.publisher
    prov_wasGeneratedBy: Any = PROV.wasGeneratedBy
    prov_Activity: Any = PROV.Activity
    prov_wasAssociatedWith: Any = PROV.wasAssociatedWith
    prov_wasDerivedFrom: Any = PROV.wasDerivedFrom
    software: Any = SOFTWARE
    ng_AdvancePayment: Any = NG.AdvancePayment
    ng_ChannelStatement: Any = NG.ChannelStatement
    ng_Deadline: Any = NG.Deadline
    ng_Hotline: Any = NG.Hotline
    ng_Notice: Any = NG.Notice
    ng_Region: Any = NG.Region
    ng_Resumption: Any = NG.Resumption
    ng_ServiceStatement: Any = NG.ServiceStatement
    ng_SuspensionWindow: Any = NG.SuspensionWindow
    ng_action: Any = NG.action
    ng_affectsService: Any = NG.affectsService
    ng_alsoPublishedAt: Any = NG.alsoPublishedAt
    ng_benefit: Any = NG.benefit
    ng_channelKind: Any = NG.channelKind
    ng_contentDigest: Any = NG.contentDigest
    ng_deadline: Any = NG.deadline
    ng_evidence: Any = NG.evidence
    ng_fileName: Any = NG.fileName
    ng_forMonth: Any = NG.forMonth
    ng_openEnded: Any = NG.openEnded
    ng_paidBy: Any = NG.paidBy
    ng_province: Any = NG.province
    ng_region: Any = NG.region
    ng_resumesAt: Any = NG.resumesAt
    ng_script: Any = NG.script
    ng_service: Any = NG.service
    ng_statedIn: Any = NG.statedIn
    ng_status: Any = NG.status
    ng_tentative: Any = NG.tentative
    ng_vague: Any = NG.vague
    ng_warcFile: Any = NG.warcFile
    sdo_SpecialAnnouncement: Any = SDO.SpecialAnnouncement
    sdo_text: Any = SDO.text
    sdo_datePublished: Any = SDO.datePublished
    sdo_url: Any = SDO.url
    sdo_containedInPlace: Any = SDO.containedInPlace
    sdo_startDate: Any = SDO.startDate
    sdo_endDate: Any = SDO.endDate
    sdo_eventStatus: Any = SDO.eventStatus
    sdo_EventScheduled: Any = SDO.EventScheduled
    sdo_name: Any = SDO.name
    sdo_telephone: Any = SDO.telephone
    oa_SpecificResource: Any = OA.SpecificResource
    oa_hasSource: Any = OA.hasSource
    oa_hasSelector: Any = OA.hasSelector
    oa_TextQuoteSelector: Any = OA.TextQuoteSelector
    oa_exact: Any = OA.exact
    oa_prefix: Any = OA.prefix
    oa_suffix: Any = OA.suffix
    oa_TextPositionSelector: Any = OA.TextPositionSelector
    oa_start: Any = OA.start
    oa_end: Any = OA.end


VOCABULARY = Vocabulary()


class Terms:
    """How terms are made: rdflib objects, or N-Triples strings (see ontology/ntriples.py).

    ``iri`` and ``literal`` make terms; ``resource`` turns an rdflib ``URIRef`` of the
    vocabulary into this kind of term (the identity by default), which gives
    :attr:`vocabulary`, :attr:`status` and :meth:`concept`.
    """

    def __init__(self, iri: Callable[[str], Any], literal: Callable[..., Any],
                 resource: Callable[[URIRef], Any] | None = None) -> None:
        self.iri = iri
        self.literal = literal
        self.resource = resource or _same
        self.vocabulary = Vocabulary._make(map(self.resource, VOCABULARY))
        self.status = {name: self.resource(iri) for name, iri in STATUS.items()}
        self._concepts: dict[tuple[str, str], Any] = {}

    def datetime(self, value: dt.datetime) -> Any:
        """An ``xsd:dateTime`` to the second, with its offset."""
        return self.literal(value.isoformat(timespec="seconds"), datatype=XSD_DATETIME)

    def date(self, value: dt.date) -> Any:
        """An ``xsd:date``."""
        return self.literal(value.isoformat(), datatype=XSD_DATE)

    def concept(self, namespace: str, key: str) -> Any:
        """A vocabulary concept (``ngs:pension``, ``ngk:website``), made once per kind of term."""
        term = self._concepts.get((namespace, key))
        if term is None:
            term = self._concepts[namespace, key] = self.resource(concept(namespace, key))
        return term


def _same(term: URIRef) -> URIRef:
    return term


RDFLIB_TERMS = Terms(URIRef, Literal)
Triple = tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode]
CONTEXT = 24


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


# Each part below makes the triples of one kind of fact. ``iri`` is the notice IRI
# (fact and evidence IRIs are fragments of it); ``notice`` is the same IRI as a term.

def _evidence(fact: Any, iri: str, notice: Any, sentence: SourceSpan, terms: Terms) -> tuple[Triple, Triple]:
    """A fact's two links to its notice and to the evidence resource of its sentence."""
    v = terms.vocabulary
    return (fact, v.ng_statedIn, notice), (fact, v.ng_evidence, terms.iri(evidence_iri(iri, sentence)))


def _sentences(facts: NoticeFacts, iri: str, terms: Terms) -> Iterator[Triple]:
    """The evidence resources (Web Annotation selectors), once per stating sentence."""
    v, notice, literal = terms.vocabulary, terms.iri(iri), terms.literal
    text, seen = facts.document.text, set()
    for sentence in _stating_sentences(facts):
        start, end = sentence.start, sentence.end
        if (start, end) in seen:
            continue
        seen.add((start, end))
        evidence = evidence_iri(iri, sentence)
        ev, quote_, position = terms.iri(evidence), terms.iri(f"{evidence}-quote"), terms.iri(f"{evidence}-pos")
        yield ev, v.rdf_type, v.oa_SpecificResource
        yield ev, v.oa_hasSource, notice
        yield ev, v.oa_hasSelector, quote_
        yield ev, v.oa_hasSelector, position
        yield quote_, v.rdf_type, v.oa_TextQuoteSelector
        yield quote_, v.oa_exact, literal(sentence.text)
        yield quote_, v.oa_prefix, literal(text[max(0, start - CONTEXT):start])
        yield quote_, v.oa_suffix, literal(text[end:end + CONTEXT])
        yield position, v.rdf_type, v.oa_TextPositionSelector
        yield position, v.oa_start, literal(start)
        yield position, v.oa_end, literal(end)


def _stating_sentences(facts: NoticeFacts) -> Iterator[SourceSpan]:
    for group in (facts.windows, facts.resumptions, facts.services, facts.channels,
                  facts.payments, facts.deadlines, facts.hotlines):
        for fact in group:
            yield stated(facts, fact)


def stated(facts: NoticeFacts, fact: Any) -> SourceSpan:
    """The quoted evidence of a fact: its sentence, or where the cleaning removed source
    marks inside it, the stretch around the fact's words (``Document.quotable``)."""
    sentence, document = fact.sentence, facts.document
    if not document.cuts:
        return sentence
    start, end = document.quotable(sentence.start, sentence.end, (fact.span.start, fact.span.end))
    return sentence if (start, end) == (sentence.start, sentence.end) else \
        SourceSpan(start, end, document.text[start:end])


def _notice(facts: NoticeFacts, iri: str, terms: Terms) -> Iterator[Triple]:
    doc, v, notice = facts.document, terms.vocabulary, terms.iri(iri)
    extraction = terms.iri(f"{iri}#extraction")
    yield notice, v.rdf_type, v.ng_Notice
    yield notice, v.rdf_type, v.sdo_SpecialAnnouncement
    yield notice, v.ng_fileName, terms.literal(doc.doc_id)
    yield notice, v.ng_script, terms.literal(doc.script)
    yield notice, v.ng_contentDigest, terms.literal(doc.digest)
    yield notice, v.sdo_text, terms.literal(doc.text)       # what evidence offsets count in (review pages)
    yield notice, v.prov_wasGeneratedBy, extraction
    yield extraction, v.rdf_type, v.prov_Activity
    yield extraction, v.prov_wasAssociatedWith, v.software
    if doc.title:
        yield notice, v.dcterms_title, terms.literal(doc.title)
    if doc.published:
        yield notice, v.sdo_datePublished, terms.datetime(doc.published)
    if doc.outlet:
        yield notice, v.dcterms_publisher, terms.literal(doc.outlet)
    if doc.url:
        yield notice, v.sdo_url, terms.literal(doc.url, datatype=XSD_ANYURI)
    if doc.warc_record:
        yield notice, v.prov_wasDerivedFrom, terms.iri(doc.warc_record)
    if doc.warc_file:
        yield notice, v.ng_warcFile, terms.literal(doc.warc_file)
    for other in doc.also_at:
        yield notice, v.ng_alsoPublishedAt, terms.literal(other, datatype=XSD_ANYURI)


def _region(facts: NoticeFacts, iri: str, terms: Terms) -> Iterator[Triple]:
    region = facts.region
    if region is None:
        return
    v = terms.vocabulary
    place, province = terms.iri(region_iri(region.code)), terms.iri(region_iri(region.province))
    yield terms.iri(iri), v.ng_region, place
    yield place, v.rdf_type, v.ng_Region
    yield place, v.skos_notation, terms.literal(region.code)
    yield place, v.rdfs_label, terms.literal(region.name, lang="zh")
    yield place, v.ng_province, province
    yield province, v.rdf_type, v.ng_Region
    yield province, v.skos_notation, terms.literal(region.province)
    yield province, v.ng_province, province
    if province != place:
        yield place, v.sdo_containedInPlace, province


def _windows(facts: NoticeFacts, iri: str, terms: Terms) -> Iterator[Triple]:
    v, notice = terms.vocabulary, terms.iri(iri)
    for i, window in enumerate(facts.windows, 1):
        fact = terms.iri(f"{iri}#window-{i}")
        yield fact, v.rdf_type, v.ng_SuspensionWindow
        yield fact, v.sdo_startDate, terms.datetime(window.start)
        yield fact, v.sdo_eventStatus, v.sdo_EventScheduled
        if window.end is not None:
            yield fact, v.sdo_endDate, terms.datetime(window.end)
        else:
            yield fact, v.ng_openEnded, terms.literal(True)
        if window.vague:
            yield fact, v.ng_vague, terms.literal(True)
        if window.tentative:
            yield fact, v.ng_tentative, terms.literal(True)
        for service in window.services:
            yield fact, v.ng_affectsService, terms.concept(NGS, service)
        yield from _evidence(fact, iri, notice, stated(facts, window), terms)


def _resumptions(facts: NoticeFacts, iri: str, terms: Terms) -> Iterator[Triple]:
    v, notice = terms.vocabulary, terms.iri(iri)
    for i, resumption in enumerate(facts.resumptions, 1):
        fact = terms.iri(f"{iri}#resume-{i}")
        yield fact, v.rdf_type, v.ng_Resumption
        yield fact, v.ng_resumesAt, terms.datetime(resumption.at)
        yield from _evidence(fact, iri, notice, stated(facts, resumption), terms)


def _statuses(facts: NoticeFacts, iri: str, terms: Terms) -> Iterator[Triple]:
    v, notice, status = terms.vocabulary, terms.iri(iri), terms.status
    for i, service in enumerate(facts.services, 1):
        fact = terms.iri(f"{iri}#service-{i}")
        yield fact, v.rdf_type, v.ng_ServiceStatement
        yield fact, v.ng_service, terms.concept(NGS, service.service)
        yield fact, v.ng_status, status[service.status]
        yield from _evidence(fact, iri, notice, stated(facts, service), terms)
    for i, channel in enumerate(facts.channels, 1):
        fact = terms.iri(f"{iri}#channel-{i}")
        yield fact, v.rdf_type, v.ng_ChannelStatement
        yield fact, v.sdo_name, terms.literal(channel.name)
        yield fact, v.ng_channelKind, terms.concept(NGK, channel.kind)
        yield fact, v.ng_status, status[channel.status]
        yield from _evidence(fact, iri, notice, stated(facts, channel), terms)


def _payments_and_deadlines(facts: NoticeFacts, iri: str, terms: Terms) -> Iterator[Triple]:
    v, notice = terms.vocabulary, terms.iri(iri)
    for i, payment in enumerate(facts.payments, 1):
        fact = terms.iri(f"{iri}#payment-{i}")
        yield fact, v.rdf_type, v.ng_AdvancePayment
        yield fact, v.ng_benefit, terms.concept(NGS, payment.benefit)
        yield fact, v.ng_forMonth, terms.literal(payment.for_month.strftime("%Y-%m"), datatype=XSD_GYEARMONTH)
        yield fact, v.ng_paidBy, terms.date(payment.paid_by)
        yield from _evidence(fact, iri, notice, stated(facts, payment), terms)
    for i, deadline in enumerate(facts.deadlines, 1):
        fact = terms.iri(f"{iri}#deadline-{i}")
        yield fact, v.rdf_type, v.ng_Deadline
        yield fact, v.ng_deadline, terms.date(deadline.day)
        yield fact, v.ng_action, terms.literal(deadline.action)
        yield from _evidence(fact, iri, notice, stated(facts, deadline), terms)


def _hotlines(facts: NoticeFacts, iri: str, terms: Terms) -> Iterator[Triple]:
    v, notice = terms.vocabulary, terms.iri(iri)
    for i, hotline in enumerate(facts.hotlines, 1):
        fact = terms.iri(f"{iri}#hotline-{i}")
        yield fact, v.rdf_type, v.ng_Hotline
        yield fact, v.sdo_telephone, terms.literal(hotline.phone)
        if hotline.name:
            yield fact, v.sdo_name, terms.literal(hotline.name)
        yield from _evidence(fact, iri, notice, stated(facts, hotline), terms)


PARTS = (_notice, _region, _windows, _resumptions, _statuses, _payments_and_deadlines, _hotlines, _sentences)


def notice_triples(facts: NoticeFacts, terms: Terms | None = None) -> Iterator[Triple]:
    """Every triple of one notice's graph, built with ``terms`` (rdflib terms by default)."""
    terms = terms or RDFLIB_TERMS
    iri = notice_iri(facts.document.digest, facts.document.doc_id)
    return chain.from_iterable(part(facts, iri, terms) for part in PARTS)


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
