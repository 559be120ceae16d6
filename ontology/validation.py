"""SHACL validation of notice graphs against ``ontology/shapes.ttl``."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

SHAPES = Path(__file__).parent / "shapes.ttl"


@cache
def shapes_graph() -> Graph:
    """The shapes, parsed once."""
    return Graph().parse(SHAPES, format="turtle")


def validate(graph: Graph) -> tuple[bool, str]:
    """(conforms, report text) of one notice graph."""
    from pyshacl import validate as shacl_validate

    conforms, _, report = shacl_validate(graph, shacl_graph=shapes_graph(), advanced=True, inference="none")
    return bool(conforms), str(report)
