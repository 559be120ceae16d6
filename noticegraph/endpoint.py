"""SPARQL over HTTP: the read-only endpoint on a store, queries to and pushes into remote servers.

The endpoint is Oxigraph's own server (the ``oxigraph`` package, a Rust binary
installed by pip) in read-only mode: SPARQL 1.1 Protocol, content negotiation
(JSON, XML, CSV, TSV), a query page in the browser, a query timeout, updates
refused. Pushing uses the SPARQL 1.1 Graph Store Protocol: ``PUT`` replaces a
notice's named graph, which every common server (Oxigraph, Fuseki, GraphDB,
Virtuoso) implements.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from extractors.errors import NoticeError

ACCEPT = {"csv": "text/csv", "tsv": "text/tab-separated-values", "json": "application/sparql-results+json",
          "xml": "application/sparql-results+xml"}
TIMEOUT = 60.0
# Oxigraph 0.5 cancels a query at its timeout after the 200 header went out, and says so in the body.
CANCELLED = b"The SPARQL operation has been cancelled"


def oxigraph_binary() -> str:
    """The ``oxigraph`` server installed beside this Python (or on PATH)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise NoticeError("E109", "the oxigraph server is not installed (pip install oxigraph)")
    return found


def serve_command(store: Path, bind: str, timeout_s: int, cors: bool = False) -> list[str]:
    """The command line of a read-only endpoint over ``store``."""
    command = [oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", bind,
               "--union-default-graph", "--timeout-s", str(timeout_s)]
    return command + (["--cors"] if cors else [])


def remote_query(endpoint: str, sparql: str, result_format: str) -> bytes:
    """Results of a query sent to a SPARQL 1.1 Protocol endpoint (POST, form-encoded)."""
    import httpx

    try:
        response = httpx.post(endpoint, data={"query": sparql}, headers={"Accept": ACCEPT[result_format]},
                              timeout=TIMEOUT)
    except httpx.HTTPError as error:
        raise NoticeError("E110", f"{endpoint}: {error}") from error
    if response.status_code == 400:
        raise NoticeError("E107", f"malformed query: {response.text.strip().splitlines()[0][:300]}")
    if response.status_code != 200:
        raise NoticeError("E110", f"{endpoint}: HTTP {response.status_code}")
    if CANCELLED in response.content[-200:]:
        raise NoticeError("E111", f"{endpoint}: the query was stopped at the server's timeout")
    return response.content


def push_graph(endpoint: str, graph: str, ntriples: bytes) -> None:
    """Replace one named graph on a Graph Store Protocol endpoint (``PUT ?graph=``)."""
    import httpx

    try:
        response = httpx.put(endpoint, params={"graph": graph}, content=ntriples,
                             headers={"Content-Type": "application/n-triples"}, timeout=TIMEOUT)
    except httpx.HTTPError as error:
        raise NoticeError("E110", f"{endpoint}: {error}") from error
    if response.status_code not in (200, 201, 204):
        raise NoticeError("E110", f"{endpoint}: HTTP {response.status_code} for {graph}")
