"""One crawl: list pages (with their pagination) -> notice pages -> WARC archive and state.

Every notice page is fetched at most once per run, conditionally when it was
archived before (an unchanged page costs a 304); a page is archived only when
its body is new for its URL, so a crawl killed mid-way and run again ends with
the same archive contents and state as an uninterrupted one. List pages are
fetched in full every time and recorded in the state (kind ``list``) but not
archived: the archive holds notices only, ready for extraction.
"""
from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from extractors.errors import NoticeError
from flows.archive import Exchange, WarcArchive
from flows.discovery import Link, canonicalize, extract_links, host_of, is_notice, pagination_links
from flows.fetching import FetchResult, Fetcher, make_client
from flows.settings import Settings, load_settings
from flows.sources import SourceConfig
from flows.state import CrawlState

log = logging.getLogger("noticegraph.crawl")
Hook = Callable[[FetchResult], None]


@dataclass(slots=True)
class CrawlReport:
    """Counts of a crawl and the URLs that failed, each with its reason."""

    fetched: int = 0
    not_modified: int = 0
    archived: int = 0
    skipped_robots: int = 0
    refused_redirects: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the user."""
        return (f"{self.fetched} fetched, {self.not_modified} not modified, {self.archived} archived, "
                f"{self.skipped_robots} disallowed by robots.txt, {self.refused_redirects} redirects refused, "
                f"{len(self.errors)} failed")


def crawl(seeds: Sequence[str], *, archive_dir: Path, state_path: Path, max_pages: int = 50,
          source: SourceConfig | None = None, client: httpx.Client | None = None,
          settings: Settings | None = None, hook: Hook | None = None) -> CrawlReport:
    """Crawl from list pages ``seeds`` (the source's ``list_urls`` when empty) and archive new notices.

    Args:
        seeds: list pages to start from.
        archive_dir: folder of the WARC files.
        state_path: the SQLite state file.
        max_pages: list pages visited per seed, pagination included.
        source: the portal crawled: its hosts bound the crawl, its patterns and keywords find notices.
        client: the HTTP client (made from the settings when None; an injected one is not closed).
        settings: crawler settings (the packaged defaults when None).
        hook: called with every fetch result before it is used (tests raise from it to simulate a kill).
    """
    settings = settings or load_settings()
    starts = [canonicalize(url, tracking=settings.tracking_params) for url in (seeds or _source_urls(source))]
    hosts = set(source.hosts) if source and source.hosts else {host_of(url) for url in starts}
    http = client if client is not None else make_client(settings)
    report = CrawlReport()
    try:
        with CrawlState(state_path) as state, WarcArchive(archive_dir, max_bytes=settings.warc_max_bytes) as archive:
            run = _Run(Fetcher(http, settings, allowed_hosts=hosts), state, archive, report, settings, source, hook)
            for url in run.walk_lists(starts, max_pages):
                run.fetch_notice(url)
    finally:
        if client is None:
            http.close()
    return report


def _source_urls(source: SourceConfig | None) -> tuple[str, ...]:
    return source.list_urls if source is not None else ()


@dataclass(slots=True)
class _Run:
    """The working parts of one crawl."""

    fetcher: Fetcher
    state: CrawlState
    archive: WarcArchive
    report: CrawlReport
    settings: Settings
    source: SourceConfig | None
    hook: Hook | None

    def walk_lists(self, seeds: Sequence[str], max_pages: int) -> list[str]:
        """The notice URLs linked from the seeds' list pages and their next pages, each once, in order."""
        seen: set[str] = set()
        notices: dict[str, None] = {}
        for seed in seeds:
            queue, pages = deque([seed]), 0
            while queue and pages < max_pages:
                url = queue.popleft()
                if url in seen:
                    continue
                seen.add(url)
                pages += 1
                links = self.list_page(url)
                notices.update(dict.fromkeys(link.url for link in links if self.is_notice(link)))
                queue.extend(self.next_pages(links, url))
        return [url for url in notices if url not in seen]

    def list_page(self, url: str) -> list[Link]:
        """Fetch a list page in full and return its links (none when it failed)."""
        result = self._fetch(url, None)
        if result is None:
            return []
        try:
            text = result.text()
        except NoticeError as error:
            self.fail(url, error.reason)
            return []
        self.state.record_fetch(result.final_url, kind="list", status=result.status or 0, etag=None,
                                last_modified=None, content_hash=_sha256(result.body or b""))
        return extract_links(text, result.final_url, self.settings.tracking_params)

    def next_pages(self, links: list[Link], url: str) -> list[str]:
        """The pagination links of a list page."""
        return pagination_links(links, url, self.settings.pagination_words, self.settings.pagination_patterns)

    def is_notice(self, link: Link) -> bool:
        """Whether a link of a list page leads to a notice of this source."""
        patterns = self.source.notice_patterns if self.source else ()
        keywords = (self.source.keywords if self.source else ()) or self.settings.keywords
        return is_notice(link, patterns, keywords)

    def fetch_notice(self, url: str) -> None:
        """Fetch a notice page conditionally; archive its body when it is new."""
        result = self._fetch(url, self.state.conditional_headers)
        if result is None:
            return
        try:
            result.text()
        except NoticeError as error:
            self.fail(url, error.reason)
            return
        self.keep(result)

    def _fetch(self, url: str, conditional: Callable[[str], dict[str, str]] | None) -> FetchResult | None:
        """Fetch and count; None when there is no new body to use (failure, refusal or 304)."""
        result = self.fetcher.fetch(url, conditional)
        if self.hook is not None:
            self.hook(result)
        if result.refused == "robots":
            self.report.skipped_robots += 1
            log.info("%s: %s", url, result.error)
        elif result.error is not None:
            self.report.refused_redirects += result.refused == "redirect"
            self.fail(url, result.error)
        elif result.not_modified:
            self.report.not_modified += 1
            self.state.record_not_modified(result.final_url)
        else:
            self.report.fetched += 1
            return result
        return None

    def keep(self, result: FetchResult) -> None:
        """Archive a notice's body unless this URL was archived with it already; update the state."""
        body = result.body or b""
        digest = _sha256(body)
        record = None
        if not self.state.archived_with_hash(result.final_url, digest):
            record = self.archive.write(_exchange(result, body))
            self.report.archived += 1
        self.state.record_fetch(result.final_url, kind="notice", status=result.status or 0,
                                etag=result.header("etag"), last_modified=result.header("last-modified"),
                                content_hash=digest, warc_record=record)

    def fail(self, url: str, reason: str) -> None:
        """Report a URL that could not be used."""
        log.warning("%s: %s", url, reason)
        self.report.errors.append((url, reason))


def _exchange(result: FetchResult, body: bytes) -> Exchange:
    return Exchange(url=result.final_url, method="GET", request_headers=result.request_headers,
                    status=result.status or 0, reason=result.reason, http_version=result.http_version,
                    headers=result.headers, body=body)


def _sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()
