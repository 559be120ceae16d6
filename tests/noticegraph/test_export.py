"""Portal JSON-LD: every document expands (offline) back to its notice's graph, deterministically."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from noticegraph.cli import OK, main
from noticegraph.export import EVENTS_FILE, document_name, with_schema_types
from noticegraph.store import notice_graphs, open_store, stored_graph
from ontology.jsonld import refuse_remote

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("export")
    assert main(["build", str(CORPUS), "--store", str(work / "store"), "--no-validate", "-q"]) == OK
    assert main(["export", "--jsonld", str(work / "a"), "--store", str(work / "store")]) == OK
    assert main(["export", "--jsonld", str(work / "b"), "--store", str(work / "store")]) == OK
    return work / "store", work


def documents(folder: Path) -> list[Path]:
    """The notice documents (not the events document)."""
    return sorted(p for p in folder.glob("*.jsonld") if p.name != EVENTS_FILE)


def test_export_one_document_per_notice_and_an_index(exported: tuple[Path, Path]) -> None:
    _, work = exported
    index = json.loads((work / "a" / "index.json").read_text(encoding="utf-8"))["notices"]
    assert len(index) == len(documents(work / "a")) == 5
    assert all((work / "a" / entry["file"]).exists() for entry in index)


def test_export_is_deterministic(exported: tuple[Path, Path]) -> None:
    _, work = exported
    assert [p.read_bytes() for p in documents(work / "a")] == [p.read_bytes() for p in documents(work / "b")]


def test_export_expands_offline_to_the_notice_graph(exported: tuple[Path, Path]) -> None:
    from pyld import jsonld

    store_path, work = exported
    store = open_store(store_path, read_only=True)
    for notice in notice_graphs(store):
        name = document_name(notice)
        document = json.loads((work / "a" / name).read_text(encoding="utf-8"))
        assert isinstance(document["@context"], dict)        # embedded, never a remote IRI
        quads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": refuse_remote})
        back = Graph().parse(data=quads, format="nt")
        expected = with_schema_types(stored_graph(store, notice))
        _, lost, gained = graph_diff(expected, back)
        assert isomorphic(expected, back), f"{name}: lost {sorted(lost)[:3]} gained {sorted(gained)[:3]}"


def test_export_uses_schema_org_for_portals(exported: tuple[Path, Path]) -> None:
    _, work = exported
    document = json.loads(documents(work / "a")[0].read_text(encoding="utf-8"))
    assert "SpecialAnnouncement" in document["@type"]
    windows = [f for f in document["facts"] if "schema:Event" in f.get("@type", [])]
    assert windows and all("startDate" in w and "eventStatus" in w for w in windows)
    assert any("schema:ServiceChannel" in f.get("@type", []) for f in document["facts"])


def test_export_events_expand_offline_to_the_events_graph(exported: tuple[Path, Path]) -> None:
    from pyld import jsonld

    from ontology.event_graph import EVENTS_GRAPH

    store_path, work = exported
    assert json.loads((work / "a" / "index.json").read_text(encoding="utf-8"))["events"] == EVENTS_FILE
    document = json.loads((work / "a" / EVENTS_FILE).read_text(encoding="utf-8"))
    quads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": refuse_remote})
    back = Graph().parse(data=quads, format="nt")
    expected = with_schema_types(stored_graph(open_store(store_path, read_only=True), EVENTS_GRAPH))
    _, lost, gained = graph_diff(expected, back)
    assert isomorphic(expected, back), f"lost {sorted(lost)[:3]} gained {sorted(gained)[:3]}"
    events = document["@graph"]
    assert events and all("SuspensionEvent" in e["@type"] and e["windows"] for e in events)
    assert all("startDate" in w for e in events for w in e["windows"])       # windows embedded, not referenced
