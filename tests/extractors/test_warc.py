"""WARC archives as extraction input: same graph as the files, plus provenance."""
from __future__ import annotations

import io
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

pytest.importorskip("warcio")

from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, SDO

from extractors.document import Document
from extractors.warc import WarcRecordError, documents_from_warc, is_warc, notice_name
from noticegraph.batch import BatchReport, extract_files
from ontology.namespace import NG
from tests.conftest import DEV_DIRS, dev_notices

BASE = "http://127.0.0.1/notices/"
CONTENT_TYPES = {".html": "text/html", ".txt": "text/plain; charset=utf-8", ".md": "text/markdown; charset=UTF-8"}
PROVENANCE = (SDO.url, PROV.wasDerivedFrom, NG.warcFile)

Response = tuple[str, bytes, str, int]        # url, payload, content type, status


def write_warc(path: Path, responses: Iterable[Response], gzip: bool = True) -> Path:
    """Write one ``response`` record per (url, payload, content type, status), as a crawler would."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for url, payload, content_type, status in responses:
            http = StatusAndHeaders(f"{status} {'OK' if status == 200 else 'Not Found'}",
                                    [("Content-Type", content_type), ("Content-Length", str(len(payload)))],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=http))
    return path


def corpus_responses(paths: Iterable[Path]) -> list[Response]:
    """The notice files served at ``http://127.0.0.1/notices/<file name>``."""
    return [(BASE + p.name, p.read_bytes(), CONTENT_TYPES[p.suffix], 200) for p in paths]


def extracted(paths: list[Path]) -> tuple[Graph, BatchReport]:
    """The merged graph of every notice of ``paths`` and the batch report."""
    from ontology.graph import notice_graph

    report, merged = BatchReport(), Graph()
    for facts in extract_files(paths, report, progress=False):
        merged += notice_graph(facts)
    return merged, report


def without_provenance(graph: Graph) -> Graph:
    """``graph`` without schema:url, prov:wasDerivedFrom and ng:warcFile."""
    kept = Graph()
    for triple in graph:
        if triple[1] not in PROVENANCE:
            kept.add(triple)
    return kept


@pytest.fixture(scope="module")
def gbk_notice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seed notice re-encoded in GBK, with no charset anywhere (file and header)."""
    seed = DEV_DIRS[0] / "000_d7652f1d30021301.txt"
    target = tmp_path_factory.mktemp("gbk") / "gbk_notice.txt"
    target.write_bytes(seed.read_text(encoding="utf-8").encode("gbk"))
    return target


@pytest.fixture(scope="module")
def corpus_and_warc(tmp_path_factory: pytest.TempPathFactory, gbk_notice: Path) -> tuple[list[Path], Path]:
    paths = [p for p, _ in dev_notices()] + [gbk_notice]
    responses = corpus_responses(paths[:-1]) + [(BASE + gbk_notice.name, gbk_notice.read_bytes(), "text/plain", 200)]
    warc = write_warc(tmp_path_factory.mktemp("warc") / "dev.warc.gz", responses)
    return paths, warc


def test_warc_graph_equals_file_graph_modulo_provenance(corpus_and_warc: tuple[list[Path], Path]) -> None:
    paths, warc = corpus_and_warc
    from_files, file_report = extracted(paths)
    from_warc, warc_report = extracted([warc])
    assert (warc_report.notices, warc_report.failures) == (file_report.notices, []) == (15, [])
    assert isomorphic(without_provenance(from_warc), without_provenance(from_files))


def test_warc_notice_links_to_its_record(corpus_and_warc: tuple[list[Path], Path]) -> None:
    _, warc = corpus_and_warc
    documents = [d for d in documents_from_warc(warc) if isinstance(d, Document)]
    first = documents[0]
    assert first.url == BASE + first.doc_id and first.warc_file == "dev.warc.gz"
    assert first.warc_record is not None and first.warc_record.startswith("urn:uuid:")
    dataset, _ = extracted([warc])
    derived = set(dataset.triples((None, PROV.wasDerivedFrom, None)))
    assert len(derived) == 15 and len(set(dataset.triples((None, NG.warcFile, None)))) == 15


def test_warc_graph_passes_the_shapes(corpus_and_warc: tuple[list[Path], Path]) -> None:
    from ontology.validation import validate

    _, warc = corpus_and_warc
    merged, _ = extracted([warc])
    conforms, text = validate(merged)
    assert conforms, text


def test_gbk_page_without_charset_reads_like_the_file(gbk_notice: Path, tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "gbk.warc", [(BASE + gbk_notice.name, gbk_notice.read_bytes(), "text/plain", 200)],
                      gzip=False)
    (document,) = documents_from_warc(warc)
    assert isinstance(document, Document)
    assert document.charset.lower() in {"gb18030", "gbk"} and "济南" in document.text


def test_declared_charset_comes_from_the_header(tmp_path: Path) -> None:
    big5 = (DEV_DIRS[0] / "000_d7652f1d30021301.txt").read_text(encoding="utf-8")
    payload = big5.encode("gb18030")
    warc = write_warc(tmp_path / "declared.warc.gz", [(BASE + "x.txt", payload, "text/plain; charset=GB18030", 200)])
    (document,) = documents_from_warc(warc)
    assert isinstance(document, Document) and document.charset.lower() == "gb18030"


def test_non_notice_records_are_skipped(tmp_path: Path) -> None:
    seed = DEV_DIRS[0] / "000_d7652f1d30021301.txt"
    warc = write_warc(tmp_path / "mixed.warc.gz", [
        (BASE + "missing.html", b"<html><body>Not Found</body></html>", "text/html", 404),
        ("http://127.0.0.1/robots.txt", b"User-agent: *\nDisallow:\n", "text/plain", 200),
        ("http://127.0.0.1/logo.png", b"\x89PNG\r\n\x1a\n", "image/png", 200),
        (BASE + seed.name, seed.read_bytes(), "text/plain", 200),
    ])
    items = list(documents_from_warc(warc))
    assert [item.doc_id for item in items] == [seed.name]
    _, report = extracted([warc])
    assert (report.notices, report.failures) == (1, [])


def test_bad_record_is_one_failure_naming_file_and_url(tmp_path: Path) -> None:
    seed = DEV_DIRS[0] / "000_d7652f1d30021301.txt"
    warc = write_warc(tmp_path / "bad.warc.gz", [
        (BASE + "empty.html", b"", "text/html", 200),
        (BASE + seed.name, seed.read_bytes(), "text/plain", 200),
    ])
    _, report = extracted([warc])
    assert report.notices == 1
    ((where, reason),) = report.failures
    assert where == f"{warc}: {BASE}empty.html" and reason.startswith("file is empty")


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_truncated_archive_keeps_complete_records(tmp_path: Path, gzip: bool) -> None:
    paths = [p for p, _ in dev_notices()][:3]
    whole = write_warc(tmp_path / ("whole.warc" + (".gz" if gzip else "")), corpus_responses(paths), gzip=gzip)
    cut = tmp_path / ("cut.warc" + (".gz" if gzip else ""))
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) - 2000])
    items = list(documents_from_warc(cut))
    documents = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, WarcRecordError)]
    assert [d.doc_id for d in documents] == [p.name for p in paths[:2]]
    assert len(errors) == 1 and "truncated" in errors[0].reason


def test_warc_files_are_found_in_folders(tmp_path: Path, corpus_and_warc: tuple[list[Path], Path]) -> None:
    from noticegraph.inputs import notice_files

    _, warc = corpus_and_warc
    shutil.copy(warc, tmp_path / "a.warc.gz")
    (tmp_path / "other.tar.gz").write_bytes(b"\x1f\x8b")
    assert notice_files([tmp_path]) == [tmp_path / "a.warc.gz"]
    assert is_warc(tmp_path / "a.warc.gz") and not is_warc(tmp_path / "other.tar.gz")


@pytest.mark.parametrize(("url", "name"), [
    (BASE + "000_d7652f1d30021301.txt", "000_d7652f1d30021301.txt"),
    ("http://x.gov.cn/art/2022/2/19/art_1_2.html?id=3", "art_1_2.html"),
    ("http://x.gov.cn/a/%E9%80%9A%E7%9F%A5.html", "通知.html"),
    ("http://x.gov.cn/list/", "list"),
    ("http://x.gov.cn", "x.gov.cn"),
])
def test_notice_name_is_last_path_segment(url: str, name: str) -> None:
    assert notice_name(url) == name


def test_cli_extracts_a_warc_and_names_file_and_url_of_a_bad_record(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from noticegraph.cli import main

    seed = DEV_DIRS[0] / "000_d7652f1d30021301.txt"
    warc = write_warc(tmp_path / "cli.warc.gz", [
        (BASE + seed.name, seed.read_bytes(), "text/plain; charset=utf-8", 200),
        (BASE + "binary.html", b"\x00\x01\x02\x03" * 64, "text/html", 200),
    ])
    out = tmp_path / "graph.nt"
    assert main(["extract", str(tmp_path), "-o", str(out)]) == 1          # a folder's WARC files too
    error_lines = [line for line in capsys.readouterr().err.splitlines() if "binary.html" in line]
    assert len(error_lines) == 1
    assert error_lines[0].startswith(f"noticegraph: {warc}: {BASE}binary.html: file is binary")
    assert (None, NG.warcFile, None) in Graph().parse(out, format="nt")
