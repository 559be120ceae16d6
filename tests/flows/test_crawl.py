"""Whole crawls of the portal: what gets archived, re-crawls, kills and restarts, the command."""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import pytest

from flows.archive import payload_digest, read_responses, warc_files
from flows.crawl import CrawlReport, crawl
from flows.fetching import FetchResult, make_client
from flows.settings import Settings
from flows.state import CrawlState
from noticegraph.crawl_command import NOTHING, SOME_FAILED, USAGE, add_crawl_parser
from tests.flows.conftest import LocalOnly
from tests.flows.portal import Portal

ARCHIVED = ["/notice/gbk-1.html", "/notice/gbk-2.html", "/notice/lastmod.html", "/notice/hant.html",
            "/notice/target.html", "/notice/flaky.html"]
NEVER_ASKED = ["/private/secret.html", "/about.html"]
# fmt: off
FAILED = [
    ("/go/foreign",            "redirect to foreign host refused"),
    ("/notice/missing.html",   "HTTP 404"),
    ("/notice/slow.html",      "timed out"),
    ("/notice/huge.html",      "byte limit"),
    ("/notice/bomb.html",      "byte limit (decoded)"),
    ("/notice/malformed.html", "binary"),
    ("/go/loop-a",             "redirect loop"),
    ("dead",                   "ConnectError"),
]
# fmt: on


@dataclass
class Run:
    """A finished crawl: its report, the paths the portal served, and the archive folder."""

    report: CrawlReport
    paths: list[str]
    archive: Path
    state: Path
    hosts: list[str]


def run_crawl(portal: Portal, fast: Settings, folder: Path, hook=None) -> Run:
    """Crawl the portal from its first list page into ``folder``."""
    portal.reset()
    transport = LocalOnly()
    with make_client(fast, transport) as client:
        report = crawl([portal.url("/list/index.html")], archive_dir=folder / "warc", state_path=folder / "state.db",
                       client=client, settings=fast, hook=hook)
    return Run(report, portal.paths(), folder / "warc", folder / "state.db", transport.hosts)


def contents(archive: Path) -> set[tuple[str, str]]:
    """The archive as (URL, payload digest) pairs."""
    return {(r.url, payload_digest(r.body)) for r in read_responses(warc_files(archive))}


def state_rows(path: Path) -> list[tuple]:
    """The state rows without their timestamps and record ids (whether archived is kept)."""
    with CrawlState(path) as state:
        return [(r.url, r.status, r.etag, r.last_modified, r.content_hash, r.warc_record is not None, r.kind)
                for r in state.rows()]


@pytest.fixture(scope="module")
def first(portal: Portal, fast: Settings, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One crawl of the portal into a fresh archive."""
    return run_crawl(portal, fast, tmp_path_factory.mktemp("first"))


def test_every_allowed_notice_is_archived_once(first: Run, portal: Portal) -> None:
    archived = [r.url for r in read_responses(warc_files(first.archive))]
    assert sorted(archived) == sorted(portal.url(path) for path in ARCHIVED)
    assert first.report.archived == len(ARCHIVED)
    assert (first.report.skipped_robots, first.report.refused_redirects) == (1, 1)


def test_list_pages_are_followed_and_nothing_is_asked_twice(first: Run) -> None:
    assert [p for p in first.paths if p.startswith("/list/")] == [
        "/list/index.html", "/list/index_1.html", "/list/index_2.html"]
    retried = {"/notice/flaky.html", "/notice/slow.html"}                # asked again only to retry
    assert all(first.paths.count(path) == 1 for path in first.paths if path not in retried)
    assert first.paths.count("/robots.txt") == 1


@pytest.mark.parametrize("path", NEVER_ASKED)
def test_disallowed_and_unrelated_paths_are_never_asked(first: Run, path: str) -> None:
    assert not any(asked.startswith(path) for asked in first.paths)


def test_network_never_leaves_localhost(first: Run) -> None:
    assert set(first.hosts) == {"127.0.0.1"}


@pytest.mark.parametrize(("path", "reason"), FAILED)
def test_bad_inputs_are_reported_and_the_crawl_goes_on(first: Run, portal: Portal, path: str, reason: str) -> None:
    url = portal.dead_url if path == "dead" else portal.url(path)
    reasons = [why for failed, why in first.report.errors if failed == url]
    assert len(reasons) == 1 and reason in reasons[0]
    assert len(first.report.errors) == len(FAILED)


def test_archived_bodies_are_the_served_bytes(first: Run, portal: Portal) -> None:
    for response in read_responses(warc_files(first.archive)):
        path = response.url.removeprefix(portal.base)
        assert response.body == portal.pages[path].body
        assert response.warc_file.name.endswith(".warc.gz")


def test_second_crawl_gets_only_304s(first: Run, portal: Portal, fast: Settings, tmp_path: Path) -> None:
    before = contents(first.archive), state_rows(first.state)
    again = run_crawl(portal, fast, first.archive.parent)
    assert (again.report.archived, again.report.not_modified) == (0, len(ARCHIVED))
    assert again.report.fetched == 4            # the list pages, and the malformed page (never archived)
    assert (contents(first.archive), state_rows(first.state)) == before
    assert len(warc_files(first.archive)) == 1


class Killed(Exception):
    """The crawl was killed."""


def kill_after(fetches: int):
    """A hook that kills the crawl at its ``fetches``-th fetch result (before it is used)."""
    seen: list[FetchResult] = []

    def hook(result: FetchResult) -> None:
        seen.append(result)
        if len(seen) == fetches:
            raise Killed(result.url)

    return hook


@pytest.mark.parametrize("fetches", [2, 7])
def test_killed_crawl_restarted_ends_like_an_uninterrupted_one(first: Run, portal: Portal, fast: Settings,
                                                               tmp_path: Path, fetches: int) -> None:
    with pytest.raises(Killed):
        run_crawl(portal, fast, tmp_path, hook=kill_after(fetches))
    restarted = run_crawl(portal, fast, tmp_path)
    assert contents(tmp_path / "warc") == contents(first.archive)
    assert state_rows(tmp_path / "state.db") == state_rows(first.state)
    assert restarted.report.archived + restarted.report.not_modified == len(ARCHIVED)


def command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="noticegraph")
    add_crawl_parser(parser.add_subparsers(dest="command", required=True))
    parsed = parser.parse_args(["crawl", *args])
    return parsed.run(parsed)


@pytest.fixture
def fast_toml(tmp_path: Path) -> Path:
    """A user settings file as fast as the ``fast`` settings (the delay comes from ``--delay``)."""
    path = tmp_path / "fast.toml"
    path.write_text("timeout_seconds = 0.3\nmax_retries = 1\nretry_base_seconds = 0.01\n"
                    "max_delay_seconds = 0.05\nmax_body_bytes = 100_000\n", encoding="utf-8")
    return path


def test_command_reports_failures_and_exit_code(portal: Portal, tmp_path: Path, fast_toml: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    portal.reset()
    code = command([portal.url("/list/index.html"), "--archive", str(tmp_path / "warc"), "--delay", "0",
                    "--settings", str(fast_toml)])
    lines = capsys.readouterr().err.splitlines()
    assert code == SOME_FAILED
    assert lines[-1].startswith(f"10 fetched, 0 not modified, {len(ARCHIVED)} archived, 1 disallowed")
    assert f"{portal.url('/notice/missing.html')}: HTTP 404 Not Found" in lines
    assert (tmp_path / "warc" / "state.sqlite").exists()


def test_command_with_nothing_fetched(portal: Portal, tmp_path: Path, fast_toml: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    code = command([portal.dead_url, "--archive", str(tmp_path / "warc"), "--delay", "0", "--max-pages", "1",
                    "--settings", str(fast_toml)])
    assert code == NOTHING
    assert "ConnectError" in capsys.readouterr().err


def test_command_without_seeds_or_sources_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert command(["--archive", str(tmp_path)]) == USAGE
    assert "seed URLs or a --sources file" in capsys.readouterr().err


def test_command_crawls_the_list_pages_of_a_sources_file(portal: Portal, tmp_path: Path, fast_toml: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    registry = tmp_path / "sources.yaml"
    registry.write_text(f"""
- name: portal
  region: "420000"
  list_urls: ["{portal.url('/list/index.html')}"]
  notice_patterns: ['/notice/gbk-\\d']
  keywords: [不会出现的词]
  schedule: "0 6 * * *"
""", encoding="utf-8")
    portal.reset()
    code = command(["--archive", str(tmp_path / "warc"), "--sources", str(registry), "--max-pages", "1",
                    "--delay", "0", "--settings", str(fast_toml)])
    archived = sorted(r.url for r in read_responses(warc_files(tmp_path / "warc")))
    assert (code, archived) == (0, [portal.url("/notice/gbk-1.html"), portal.url("/notice/gbk-2.html")])
    assert capsys.readouterr().err.startswith("3 fetched, 0 not modified, 2 archived")
