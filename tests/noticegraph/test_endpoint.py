"""The SPARQL endpoint and remote servers, with real Oxigraph server processes on 127.0.0.1."""
from __future__ import annotations

import csv
import io
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from noticegraph.cli import OK, USAGE, main
from noticegraph.endpoint import oxigraph_binary
from noticegraph.evaluation import QUESTIONS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
NOTICEGRAPH = str(Path(sys.executable).parent / "noticegraph")
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"   # ~1.5e11 rows


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def started(command: list[str], base: str) -> subprocess.Popen:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"server did not start: {process.stderr.read().decode()[-500:]}")


@pytest.fixture(scope="module")
def files(built_corpus: tuple[Path, Path]) -> tuple[Path, Path]:
    """The shared corpus store (served read-only) and its N-Triples."""
    return built_corpus


@pytest.fixture(scope="module")
def endpoint(files: tuple[Path, Path]) -> Iterator[str]:
    """``noticegraph serve`` over the built store (read-only, 2 s timeout)."""
    base = f"http://127.0.0.1:{free_port()}"
    process = started([NOTICEGRAPH, "serve", "--store", str(files[0]), "--bind", base[7:], "--timeout", "2"], base)
    yield base
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A read-write Oxigraph server standing for the analysts' own SPARQL server."""
    base = f"http://127.0.0.1:{free_port()}"
    location = tmp_path_factory.mktemp("remote")
    process = started([oxigraph_binary(), "serve", "--location", str(location), "--bind", base[7:],
                       "--union-default-graph"], base)
    yield base
    process.terminate()
    process.wait(10)


def answer_rows(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[tuple]:
    assert main(args) == OK
    return sorted(tuple(r.values()) for r in csv.DictReader(io.StringIO(capsys.readouterr().out)))


NOTICES = "SELECT ?s WHERE { ?s a <https://w3id.org/noticegraph/ontology#Notice> }"


def test_endpoint_answers_sparqlwrapper_in_json(endpoint: str) -> None:
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(f"{endpoint}/query")
    client.setQuery((ROOT / "ontology/queries/cq2_suspension_windows.rq").read_text(encoding="utf-8"))
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    assert any(b["start"]["value"] == "2022-02-26T00:00:00+08:00" for b in bindings)


def test_endpoint_answers_sparqlwrapper_in_csv(endpoint: str) -> None:
    from SPARQLWrapper import CSV, SPARQLWrapper

    client = SPARQLWrapper(f"{endpoint}/query")
    client.setQuery(NOTICES)
    client.setReturnFormat(CSV)
    assert len(client.query().convert().decode().splitlines()) == 6


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
@pytest.mark.parametrize(("accept", "lines"), [("text/csv", 6), ("application/sparql-results+json", None)])
def test_endpoint_answers_curl(accept: str, lines: int | None, endpoint: str) -> None:
    done = subprocess.run(["curl", "-s", "-H", f"Accept: {accept}", "--data-urlencode", f"query={NOTICES}",
                           f"{endpoint}/query"], capture_output=True, text=True, timeout=30)
    if lines:
        assert done.stdout.splitlines()[0].strip() == "s" and len(done.stdout.splitlines()) == lines
    else:
        import json

        assert len(json.loads(done.stdout)["results"]["bindings"]) == 5


def test_endpoint_has_a_query_page(endpoint: str) -> None:
    page = httpx.get(f"{endpoint}/", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "html" in page.headers["content-type"]


def test_endpoint_refuses_updates(endpoint: str) -> None:
    response = httpx.post(f"{endpoint}/update", data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert response.status_code >= 400


def test_endpoint_malformed_query_is_400(endpoint: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert httpx.post(f"{endpoint}/query", data={"query": "SELECT WHERE {"}).status_code == 400
    assert main(["query", "SELECT WHERE {", "--endpoint", f"{endpoint}/query"]) == USAGE
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_endpoint_stops_a_runaway_query(endpoint: str, capsys: pytest.CaptureFixture[str]) -> None:
    started_at = time.monotonic()
    code = main(["query", RUNAWAY, "--endpoint", f"{endpoint}/query"])
    assert time.monotonic() - started_at < 15          # the endpoint was started with a 2 s timeout
    assert code != OK and "timeout" in capsys.readouterr().err


@pytest.mark.parametrize("question", [*QUESTIONS, "cq10"])
def test_endpoint_answers_like_the_files(question: str, endpoint: str, files: tuple[Path, Path],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    remote = answer_rows(["query", question, "--endpoint", f"{endpoint}/query"], capsys)
    assert remote == answer_rows(["query", question, "--data", str(files[1])], capsys)


def test_push_replaces_graphs_and_answers_like_the_files(writable: str, files: tuple[Path, Path],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert main(["push", str(CORPUS), "--endpoint", f"{writable}/store", "-q"]) == OK
    once = answer_rows(["query", count, "--endpoint", f"{writable}/query"], capsys)
    assert main(["push", str(CORPUS), "--endpoint", f"{writable}/store", "-q"]) == OK
    assert answer_rows(["query", count, "--endpoint", f"{writable}/query"], capsys) == once
    for question in [*QUESTIONS, "cq10"]:
        remote = answer_rows(["query", question, "--endpoint", f"{writable}/query"], capsys)
        assert remote == answer_rows(["query", question, "--data", str(files[1])], capsys), question
