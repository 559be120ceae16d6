"""The report of the bundled corpus, written once per session, and the store's own answers to check it by."""
from __future__ import annotations

from pathlib import Path

import pytest

NG = "PREFIX ng: <https://w3id.org/noticegraph/ontology#>\nPREFIX oa: <http://www.w3.org/ns/oa#>\n" \
     "PREFIX schema: <https://schema.org/>\n"


@pytest.fixture(scope="session")
def corpus_store(built_corpus: tuple[Path, Path]):
    """The built corpus store, opened read-only."""
    from noticegraph.store import open_store

    return open_store(built_corpus[0], read_only=True)


@pytest.fixture(scope="session")
def report_data(corpus_store):
    from noticegraph.report.data import load

    return load(corpus_store)


@pytest.fixture(scope="session")
def report_dir(built_corpus: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``noticegraph report`` of the corpus store, through the command line."""
    from noticegraph.cli import OK, main

    out = tmp_path_factory.mktemp("report") / "report"
    assert main(["report", "--store", str(built_corpus[0]), "--out", str(out)]) == OK
    return out


@pytest.fixture(scope="session")
def revised_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of Qingdao's notice and the follow-up notice that extends its window (tests/data/followup)."""
    from noticegraph.cli import OK, main

    root = Path(__file__).resolve().parents[3]
    work = tmp_path_factory.mktemp("revised")
    notices = work / "notices"
    notices.mkdir()
    for source in (root / "corpus" / "002_975000b3fb2f80f3.txt",
                   root / "tests" / "data" / "followup" / "shandong_extension.md"):
        (notices / source.name).write_bytes(source.read_bytes())
    assert main(["build", str(notices), "--store", str(work / "store"), "--no-validate", "-q"]) == OK
    return work / "store"


def sparql(store, query: str) -> list[dict[str, str]]:
    """Rows of a SELECT over the union of the store's graphs, as plain strings."""
    results = store.query(NG + query, use_default_graph_as_union=True)
    names = [v.value for v in results.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in results]


def window_count(store) -> int:
    """How many suspension windows the store holds (the timeline must draw as many bars)."""
    rows = sparql(store, "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a ng:SuspensionWindow ; ng:statedIn ?notice }")
    return int(rows[0]["n"])


def evidence_quotes(store) -> dict[tuple[str, str], str]:
    """(notice file name, ev-start-end) → the quoted sentence (oa:exact), for every evidence of the store."""
    rows = sparql(store, """SELECT ?file ?start ?end ?exact WHERE {
        ?ev oa:hasSource ?notice ; oa:hasSelector ?pos, ?quote .
        ?notice ng:fileName ?file .
        ?pos oa:start ?start ; oa:end ?end . ?quote oa:exact ?exact }""")
    return {(row["file"], f"ev-{row['start']}-{row['end']}"): row["exact"] for row in rows}
