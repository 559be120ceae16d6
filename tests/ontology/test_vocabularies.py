"""The SKOS vocabularies hold exactly the contract's keys, with clean, unshared labels."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SKOS

from ontology.vocab import (
    SCHEMES,
    channel_kind_lexicon,
    channel_name_regions,
    channel_names,
    ontology_dir,
    region,
    service_lexicon,
    vocabulary_keys,
)

CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "spec" / "contract.md"
# The keys of /work/shared/spec/contract.md.
# fmt: off
KEYS = {
    "service": ["pension", "occupational_annuity", "work_injury", "unemployment", "medical", "maternity",
                "employment", "contribution", "ss_card", "data_sharing", "labor_admin", "housing_fund", "tax"],
    "channel-kind": ["website", "mobile_app", "wechat", "mini_program", "alipay", "self_service", "service_hall",
                     "bank", "medical_institution", "tax_office", "hotline", "data_interface", "mail"],
    "status": ["suspended", "available"],
}
FILES = {"service": "services.ttl", "channel-kind": "channels.ttl", "status": "channels.ttl"}
SHAPES = {"service": "ServiceLine", "channel-kind": "ChannelKind", "status": "Status"}
# Words that must stay out of the lexicons (they over-match; see the schemes' editorial notes).
FORBIDDEN = {
    "service": ["社保卡", "社会保障卡", "电子社保卡", "医疗费", "发票", "办税", "社保", "税务", "电子税务局"],
    "channel-kind": ["邮政", "网上", "线下", "平台", "社区"],
}
# fmt: on
CASES = [(scheme, key) for scheme, keys in KEYS.items() for key in keys]


def scheme_graph(scheme: str) -> Graph:
    return Graph().parse(ontology_dir() / FILES[scheme])


def concepts(graph: Graph, scheme: str) -> list[URIRef]:
    return list(graph.subjects(SKOS.inScheme, URIRef(SCHEMES[scheme])))


def labels(graph: Graph, concept: URIRef) -> list[str]:
    """prefLabel@zh and altLabel@zh, lower-cased as the span ruler matches them."""
    found = [o for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(concept, p)]
    return [str(o).lower() for o in found if o.language == "zh"]


@pytest.mark.parametrize(("scheme", "key"), CASES, ids=[f"{s}:{k}" for s, k in CASES])
def test_vocabularies_key_once_with_notation_and_labels(scheme: str, key: str) -> None:
    graph = scheme_graph(scheme)
    matching = [c for c in concepts(graph, scheme) if str(graph.value(c, SKOS.notation)) == key]
    assert matching == [URIRef(SCHEMES[scheme] + "/" + key)]
    concept = matching[0]
    assert (concept, RDF.type, SKOS.Concept) in graph
    assert {label.language for label in graph.objects(concept, SKOS.prefLabel)} == {"zh", "en"}
    assert len(list(graph.objects(concept, SKOS.prefLabel))) == 2
    assert any(d.language == "en" for d in graph.objects(concept, SKOS.definition))


@pytest.mark.parametrize("scheme", KEYS)
def test_vocabularies_hold_no_other_concepts(scheme: str) -> None:
    graph = scheme_graph(scheme)
    assert sorted(str(graph.value(c, SKOS.notation)) for c in concepts(graph, scheme)) == sorted(KEYS[scheme])
    assert vocabulary_keys()[scheme] == tuple(sorted(KEYS[scheme]))


@pytest.mark.parametrize("scheme", KEYS)
def test_vocabularies_no_label_shared_by_two_concepts(scheme: str) -> None:
    graph = scheme_graph(scheme)
    counts = Counter(label for c in concepts(graph, scheme) for label in set(labels(graph, c)))
    assert [label for label, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("scheme", KEYS)
def test_vocabularies_pref_and_alt_labels_disjoint(scheme: str) -> None:
    graph = scheme_graph(scheme)
    for concept in concepts(graph, scheme):
        pref = set(graph.objects(concept, SKOS.prefLabel))
        assert not pref & set(graph.objects(concept, SKOS.altLabel)), concept


@pytest.mark.parametrize("scheme", FORBIDDEN)
def test_vocabularies_leave_out_overmatching_words(scheme: str) -> None:
    graph = scheme_graph(scheme)
    used = {label for c in concepts(graph, scheme) for label in labels(graph, c)}
    assert used.isdisjoint(FORBIDDEN[scheme])


@pytest.mark.parametrize(("lexicon", "scheme"), [(service_lexicon, "service"), (channel_kind_lexicon, "channel-kind")])
def test_vocabularies_lexicon_is_the_zh_labels(lexicon, scheme: str) -> None:
    graph = scheme_graph(scheme)
    expected = {str(graph.value(c, SKOS.notation)): sorted(labels(graph, c)) for c in concepts(graph, scheme)}
    got = lexicon()
    assert {key: sorted(label.lower() for label in values) for key, values in got.items()} == expected
    for concept in concepts(graph, scheme):
        pref = next(str(o) for o in graph.objects(concept, SKOS.prefLabel) if o.language == "zh")
        assert got[str(graph.value(concept, SKOS.notation))][0] == pref


def test_vocabularies_lexicon_is_a_fresh_copy() -> None:
    service_lexicon()["pension"].append("x")
    assert "x" not in service_lexicon()["pension"]


@pytest.mark.parametrize("scheme", KEYS)
def test_vocabularies_shapes_list_every_concept(scheme: str) -> None:
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    shape = URIRef("https://w3id.org/noticegraph/shapes#" + SHAPES[scheme])
    listed = Collection(shapes, shapes.value(shape, URIRef("http://www.w3.org/ns/shacl#in")))
    assert sorted(str(i) for i in listed) == sorted(f"{SCHEMES[scheme]}/{k}" for k in KEYS[scheme])


def test_vocabularies_channel_names_have_known_kinds_and_regions() -> None:
    names = channel_names()
    assert set(names.values()) <= set(KEYS["channel-kind"])
    assert {"豫事办", "浙里办", "鄂汇办", "国家社会保险公共服务平台"} <= set(names)
    for name, code in channel_name_regions().items():
        found = region(code)
        assert found is not None and found.level == "province", name


def test_vocabularies_channel_names_are_not_head_nouns() -> None:
    heads = {label for values in channel_kind_lexicon().values() for label in values}
    assert heads.isdisjoint(channel_names())


@pytest.mark.skipif(not CONTRACT.exists(), reason="contract not checked out next to the project")
def test_vocabularies_keys_are_the_contracts() -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    for keys in KEYS.values():
        for key in keys:
            assert f"`{key}`" in text, key
