"""JSON-LD with the project's local ``@context`` (never a remote one)."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from rdflib import Graph

CONTEXT_FILE = Path(__file__).parent / "context.jsonld"


@cache
def local_context() -> dict:
    """The ``@context`` object of ``ontology/context.jsonld``."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def compact_graph(graph: Graph) -> bytes:
    """The graph as compacted JSON-LD, its context embedded so that no reader fetches anything."""
    return graph.serialize(format="json-ld", context=local_context(), auto_compact=True, encoding="utf-8")


def refuse_remote(url: str, options: dict | None = None) -> dict:
    """A pyld document loader that loads nothing: remote contexts are never fetched."""
    raise ValueError(f"remote JSON-LD context refused: {url}")
