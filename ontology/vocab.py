"""The ontology's vocabularies and data files, loaded lazily and once per process.

Lexicons come from the SKOS files (services.ttl, channels.ttl), the proper
channel names from channel_names.yaml, the regions from regions.tsv (GB/T 2260,
built by ontology/tools/build_regions.py) and region_aliases.yaml. Every
function is cached: the Turtle is parsed at most once per process, and the TSV
and YAML files are read without rdflib.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from rdflib import Graph

ONTOLOGY_DIR = Path(__file__).resolve().parent
VOCABULARY_FILES = ("notices.ttl", "services.ttl", "channels.ttl")
SCHEMES = {
    "service": "https://w3id.org/noticegraph/id/service",
    "channel-kind": "https://w3id.org/noticegraph/id/channel-kind",
    "status": "https://w3id.org/noticegraph/id/status",
}
Level = Literal["province", "prefecture", "county"]


@dataclass(frozen=True, slots=True)
class Region:
    """A GB/T 2260 region of ``regions.tsv``.

    ``short`` is the name without its administrative suffix (济南, 巴音郭楞), empty
    when that would be ambiguous; ``parent`` is the prefecture or province it lies
    in (None for a province); ``province`` is its province's code (its own for a
    province).
    """

    code: str
    name: str
    short: str
    level: Level
    parent: str | None
    province: str


def ontology_dir() -> Path:
    """The folder of the ontology's files."""
    return ONTOLOGY_DIR


@cache
def _parsed(*names: str) -> Graph:
    from rdflib import Graph

    graph = Graph()
    for name in names:
        graph.parse(ONTOLOGY_DIR / name, format="turtle")
    return graph


def load_vocabulary_graph() -> Graph:
    """The ontology and its SKOS vocabularies (notices.ttl, services.ttl, channels.ttl) in one graph.

    The graph is shared by every caller of the process: do not modify it.
    """
    return _parsed(*VOCABULARY_FILES)


@cache
def _scheme_labels(file: str, scheme: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(notation, (prefLabel@zh, *sorted altLabel@zh)) of every concept of ``scheme``, by notation."""
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    graph = _parsed(file)
    concepts = []
    for concept in graph.subjects(SKOS.inScheme, URIRef(SCHEMES[scheme])):
        pref = [str(o) for o in graph.objects(concept, SKOS.prefLabel) if o.language == "zh"]
        alt = sorted(str(o) for o in graph.objects(concept, SKOS.altLabel) if o.language == "zh")
        concepts.append((str(graph.value(concept, SKOS.notation)), (*pref, *alt)))
    return tuple(sorted(concepts))


def _lexicon(file: str, scheme: str) -> dict[str, list[str]]:
    return {key: list(labels) for key, labels in _scheme_labels(file, scheme)}


def service_lexicon() -> dict[str, list[str]]:
    """Service key -> its Chinese labels (prefLabel first, then the altLabels)."""
    return _lexicon("services.ttl", "service")


def channel_kind_lexicon() -> dict[str, list[str]]:
    """Channel-kind key -> its Chinese labels, the head nouns of channel mentions."""
    return _lexicon("channels.ttl", "channel-kind")


def vocabulary_keys() -> dict[str, tuple[str, ...]]:
    """Keys (skos:notation) of each scheme: ``service``, ``channel-kind`` and ``status``."""
    files = {"service": "services.ttl", "channel-kind": "channels.ttl", "status": "channels.ttl"}
    return {scheme: tuple(key for key, _ in _scheme_labels(file, scheme)) for scheme, file in files.items()}


@cache
def _yaml(name: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with (ONTOLOGY_DIR / name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)  # noqa: S506 - a safe loader


def channel_names() -> dict[str, str]:
    """Proper channel name (豫事办, 国家社会保险公共服务平台) -> channel-kind key."""
    return {name: entry["kind"] for name, entry in _yaml("channel_names.yaml").items()}


def channel_name_regions() -> dict[str, str]:
    """Proper channel name -> code of the region that runs it, where known."""
    return {name: entry["region"] for name, entry in _yaml("channel_names.yaml").items() if "region" in entry}


def region_aliases() -> dict[str, str]:
    """Abbreviation used for a region (巴州, 恩施州) -> its six-digit code."""
    return {str(alias): str(code) for alias, code in _yaml("region_aliases.yaml").items()}


@cache
def _regions() -> tuple[Region, ...]:
    with (ONTOLOGY_DIR / "regions.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return tuple(Region(r["code"], r["name"], r["short"], r["level"], r["parent"] or None,  # type: ignore[arg-type]
                            r["code"][:2] + "0000") for r in rows)


def regions() -> list[Region]:
    """Every GB/T 2260 region (provinces, prefectures, counties), sorted by code."""
    return list(_regions())


@cache
def _regions_by_code() -> dict[str, Region]:
    return {region.code: region for region in _regions()}


def region(code: str) -> Region | None:
    """The region with a six-digit code, if there is one."""
    return _regions_by_code().get(code)
