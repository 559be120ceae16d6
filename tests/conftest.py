"""Shared fixtures: the golden corpus, extracted once per session into an Oxigraph store."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV_DIRS = (ROOT / "corpus", ROOT / "tests" / "data" / "notices")        # the 14 notices of shared/eval/dev
GOLDEN_DIRS = (*DEV_DIRS, ROOT / "tests" / "data" / "written")          # and the 208 written blind


def golden_notices(folders: tuple[Path, ...] = GOLDEN_DIRS) -> list[tuple[Path, dict]]:
    """Every notice with gold answers in ``folders``: by default the bundled corpus, the dev notices and
    the notices written blind (tests/data/written)."""
    found = []
    for folder in folders:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        found += [(folder / name, answers) for name, answers in sorted(gold.items())]
    return found


def dev_notices() -> list[tuple[Path, dict]]:
    """The 14 notices of the shared dev corpus (seeds in corpus/, the rest in tests/data/notices)."""
    return golden_notices(DEV_DIRS)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json from the extraction")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def golden_facts() -> dict:
    """Facts of every golden notice, by file name."""
    from noticegraph.batch import extract_file

    return {path.name: extract_file(path) for path, _ in golden_notices()}


@pytest.fixture(scope="session")
def golden_store(golden_facts: dict):
    """An Oxigraph store holding the N-Triples of every golden notice."""
    import io

    import pyoxigraph as ox

    from noticegraph.output import serialize

    store = ox.Store()
    store.bulk_load(io.BytesIO(serialize(list(golden_facts.values()), "nt")), format=ox.RdfFormat.N_TRIPLES)
    return store


def document_of(text: str, kinds: dict[int, str] | None = None, **metadata):
    """A :class:`Document` built by hand: one block per line (kind per line index), Simplified text."""
    from extractors.document import Block, Document

    blocks, cursor = [], 0
    for index, line in enumerate(text.split("\n")):
        kind = (kinds or {}).get(index, "paragraph")
        header = kind == "table_header"
        blocks.append(Block("table_row" if header else kind, cursor, cursor + len(line), header=header))
        cursor += len(line) + 1
    return Document(doc_id="test.txt", source="test.txt", text=text, norm=text, blocks=tuple(blocks), **metadata)


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled corpus built into an on-disk store (no validation: tests/ontology checks the shapes)
    and extracted to N-Triples: ``(store_dir, corpus.nt)``; read-only for the tests that use it."""
    from noticegraph.cli import OK, main

    work = tmp_path_factory.mktemp("corpus-store")
    assert main(["build", str(ROOT / "corpus"), "--store", str(work / "store"), "--no-validate", "-q"]) == OK
    assert main(["extract", str(ROOT / "corpus"), "-o", str(work / "corpus.nt"), "-q"]) == OK
    return work / "store", work / "corpus.nt"
