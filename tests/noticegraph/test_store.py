"""The on-disk store: idempotent loads, the same answers as over files, clear errors."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from noticegraph.cli import NOTHING, OK, USAGE, main
from noticegraph.evaluation import QUESTIONS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def built(built_corpus: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A private copy of the shared corpus store: these tests write to it."""
    import shutil

    copy = tmp_path_factory.mktemp("store-copy") / "store"
    shutil.copytree(built_corpus[0], copy)
    return copy, built_corpus[1]


def rows(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[tuple]:
    assert main(args) == OK
    return sorted(tuple(r.values()) for r in csv.DictReader(io.StringIO(capsys.readouterr().out)))


def quad_count(store: Path) -> int:
    import pyoxigraph as ox

    return len(ox.Store.read_only(str(store)))


@pytest.mark.parametrize("question", [*QUESTIONS, "cq10"])
def test_store_answers_like_the_files(question: str, built: tuple[Path, Path],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    store, data = built
    from_store = rows(["query", question, "--store", str(store)], capsys)
    from_files = rows(["query", question, "--data", str(data)], capsys)
    assert from_store == from_files


def test_store_build_twice_keeps_the_same_triples(built: tuple[Path, Path], tmp_path: Path) -> None:
    store, _ = built
    before = quad_count(store)
    assert main(["build", str(CORPUS), "--store", str(store), "--no-validate", "-q"]) == OK
    assert quad_count(store) == before


def test_store_build_validates_and_loads(tmp_path: Path) -> None:
    notice = CORPUS / "004_f164445281f5e1cd.txt"
    assert main(["build", str(notice), "--store", str(tmp_path / "s"), "-q"]) == OK


def test_store_locked_is_one_line(built: tuple[Path, Path], tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    import pyoxigraph as ox

    holder = ox.Store(str(tmp_path / "locked"))
    code = main(["build", str(CORPUS / "004_f164445281f5e1cd.txt"), "--store", str(tmp_path / "locked"), "-q"])
    err = capsys.readouterr().err
    assert code == NOTHING and "cannot open the store" in err and len(err.strip().splitlines()) == 1
    del holder


@pytest.mark.parametrize("setup", ["missing", "corrupt"])
def test_store_query_on_a_bad_store_is_one_line(setup: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "store"
    if setup == "corrupt":
        target.mkdir()
        (target / "CURRENT").write_text("garbage\n")
    code = main(["query", "cq2", "--store", str(target)])
    err = capsys.readouterr().err
    assert code in (NOTHING, USAGE) and err.count("\n") == 1 and str(target) in err
