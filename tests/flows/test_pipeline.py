"""The Prefect flow: tasks on their own (``.fn``) and ``notices_flow`` end to end on a local site."""
from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("prefect")
pytest.importorskip("warcio")

from rdflib import Dataset, Graph  # noqa: E402
from rdflib.namespace import PROV, SDO  # noqa: E402

from flows.pipeline import (archive_files, archive_flow, crawl_task, extract_task, format_of,  # noqa: E402
                            notices_flow, publish_task)
from flows.sources import SourceConfig  # noqa: E402
from ontology.namespace import NG  # noqa: E402
from tests.conftest import GOLDEN_DIRS, ROOT  # noqa: E402

JINAN = GOLDEN_DIRS[0] / "000_d7652f1d30021301.txt"
GBK_PAGE = GOLDEN_DIRS[1] / "h5734ef6d.html"
LIST_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head><body><ul>
<li><a href="/notices/{jinan}">关于社保系统停机的通知</a></li>
<li><a href="/notices/{gbk}">关于医保系统切换的公告</a></li>
<li><a href="/notices/repost_of_jinan.txt">转载：社保系统停机</a></li>
<li><a href="/about.html">关于我们</a></li>
</ul></body></html>"""
PATTERN = r"/notices/[^/]+\.(txt|html)$"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A portal on 127.0.0.1: a list page, two notices and a GB18030 repost of one of them."""
    root = tmp_path_factory.mktemp("site")
    (root / "notices").mkdir()
    shutil.copy(JINAN, root / "notices" / JINAN.name)
    shutil.copy(GBK_PAGE, root / "notices" / GBK_PAGE.name)
    (root / "notices" / "repost_of_jinan.txt").write_bytes(JINAN.read_text(encoding="utf-8").encode("gb18030"))
    (root / "list.html").write_text(LIST_PAGE.format(jinan=JINAN.name, gbk=GBK_PAGE.name), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def settings_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Crawler settings for a local site: no politeness delay, no retry wait."""
    path = tmp_path_factory.mktemp("settings") / "settings.toml"
    path.write_text("delay_seconds = 0.0\nretry_base_seconds = 0.0\nmax_retries = 0\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sources_file(tmp_path_factory: pytest.TempPathFactory, site: str) -> Path:
    path = tmp_path_factory.mktemp("sources") / "sources.yaml"
    path.write_text(f"sources:\n  - name: local\n    region: '370100'\n    list_urls: ['{site}/list.html']\n"
                    f"    notice_patterns: ['{PATTERN}']\n    schedule: '0 */6 * * *'\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def prefect_api() -> Iterator[None]:
    """One temporary Prefect API (SQLite in a temp folder) for every flow run of this module."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def _source(site: str) -> SourceConfig:
    return SourceConfig(name="local", region="370100", list_urls=(f"{site}/list.html",), notice_patterns=(PATTERN,),
                        hosts=("127.0.0.1",))


def test_crawl_task_archives_the_notices(site: str, settings_file: Path, tmp_path: Path) -> None:
    report = crawl_task.fn(f"{site}/list.html", _source(site), tmp_path / "archive", tmp_path / "state.sqlite", 2,
                           settings_file)
    assert report.archived == 3 and not report.errors
    assert len(archive_files(tmp_path / "archive")) == 1


def test_crawl_task_retries_and_names_its_run_by_seed() -> None:
    assert crawl_task.retries == 2
    assert crawl_task.task_run_name == "crawl {seed}"
    assert extract_task.retries == 0 and publish_task.retries == 0


def test_extract_and_publish_tasks(tmp_path: Path) -> None:
    from tests.extractors.test_warc import BASE, corpus_responses, write_warc

    warc = write_warc(tmp_path / "in.warc.gz", corpus_responses([JINAN, GBK_PAGE]) +
                      [(BASE + "empty.html", b"", "text/html", 200)])
    extraction = extract_task.fn(warc)
    assert [f.document.doc_id for f in extraction.facts] == [JINAN.name, GBK_PAGE.name]
    assert extraction.warc_file == "in.warc.gz" and len(extraction.failures) == 1
    out = publish_task.fn(extraction.facts, tmp_path / "out" / "graph.nt")
    graph = Graph().parse(out, format="nt")
    assert len(set(graph.subjects(NG.warcFile, None))) == 2


def test_publish_task_can_load_the_store(tmp_path: Path) -> None:
    from noticegraph.batch import extract_file
    from noticegraph.store import notice_graphs, open_store

    facts = [extract_file(JINAN), extract_file(GBK_PAGE)]
    publish_task.fn(facts, tmp_path / "g.trig", store_dir=tmp_path / "store", jsonld_dir=tmp_path / "jsonld",
                    report_dir=tmp_path / "report")
    assert len(notice_graphs(open_store(tmp_path / "store", read_only=True))) == 2
    assert (tmp_path / "jsonld" / "index.json").exists()
    assert len(list((tmp_path / "report" / "review").glob("*.html"))) == 2
    assert (tmp_path / "report" / "index.html").exists()


@pytest.mark.parametrize(("name", "fmt"), [("g.trig", "trig"), ("g.nt", "nt"), ("g.ttl", "ttl"),
                                           ("g.jsonld", "jsonld"), ("g.nq", "nq"), ("g.rdf", "trig")])
def test_output_format_follows_the_suffix(name: str, fmt: str) -> None:
    assert format_of(Path(name)) == fmt


def test_notices_flow_end_to_end(prefect_api: None, sources_file: Path, settings_file: Path, site: str,
                                 tmp_path: Path) -> None:
    kwargs = {"sources_file": sources_file, "archive_dir": tmp_path / "archive", "state_path": tmp_path / "state.sqlite",
              "out": tmp_path / "graph.trig", "max_pages": 2, "settings_file": settings_file}
    out = notices_flow(**kwargs)
    assert out == tmp_path / "graph.trig"
    dataset = Dataset().parse(out, format="trig")
    urls = {str(quad[2]) for quad in dataset.quads((None, SDO.url, None, None))}
    assert urls == {f"{site}/notices/{JINAN.name}", f"{site}/notices/{GBK_PAGE.name}"}   # not a new notice …
    reposts = {str(quad[2]) for quad in dataset.quads((None, NG.alsoPublishedAt, None, None))}
    assert reposts == {f"{site}/notices/repost_of_jinan.txt"}                         # … another source of one
    assert len({quad[2] for quad in dataset.quads((None, PROV.wasDerivedFrom, None, None))}) == 2
    first = out.read_bytes()
    assert notices_flow(**kwargs) == out and out.read_bytes() == first     # nothing new: the same graph


def test_archive_flow_starts_from_warc_files(prefect_api: None, tmp_path: Path) -> None:
    from tests.extractors.test_warc import corpus_responses, write_warc

    warc = write_warc(tmp_path / "old.warc.gz", corpus_responses([JINAN]))
    out = archive_flow([warc], tmp_path / "graph.nt")
    assert out is not None and NG.warcFile in set(Graph().parse(out, format="nt").predicates())
    assert archive_flow([], tmp_path / "none.nt") is None and not (tmp_path / "none.nt").exists()


def test_prefect_stays_out_of_the_extract_and_query_path() -> None:
    code = ("import sys, noticegraph.cli, noticegraph.batch, noticegraph.output, noticegraph.sparql, "
            "extractors.warc, flows.dedup, flows.sources; sys.exit('prefect' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_deployment_file_schedules_the_flow() -> None:
    import yaml

    from flows.pipeline import CRON, DEPLOYMENT

    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = config["deployments"]
    assert deployment["name"] == DEPLOYMENT and deployment["entrypoint"] == "flows/pipeline.py:notices_flow"
    assert [schedule["cron"] for schedule in deployment["schedules"]] == [CRON]
