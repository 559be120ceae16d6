"""The SQLite crawl state."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from flows.state import CrawlState

URL = "http://h/notice/1.html"


def test_conditional_headers_come_from_archived_rows(tmp_path: Path) -> None:
    with CrawlState(tmp_path / "state.sqlite") as state:
        assert state.conditional_headers(URL) == {}
        state.record_fetch(URL, kind="notice", status=200, etag='"abc"', last_modified=None, content_hash="h1")
        assert state.conditional_headers(URL) == {}          # not archived yet: ask for the full page
        state.record_fetch(URL, kind="notice", status=200, etag='"abc"', last_modified="Tue, 15 Feb 2022 08:00:00 GMT",
                           content_hash="h1", warc_record="<urn:uuid:1>")
        assert state.conditional_headers(URL) == {"If-None-Match": '"abc"',
                                                  "If-Modified-Since": "Tue, 15 Feb 2022 08:00:00 GMT"}


def test_archived_with_hash_and_kept_record(tmp_path: Path) -> None:
    with CrawlState(tmp_path / "state.sqlite") as state:
        state.record_fetch(URL, kind="notice", status=200, etag=None, last_modified=None, content_hash="h1",
                           warc_record="<urn:uuid:1>")
        state.record_fetch(URL, kind="notice", status=200, etag=None, last_modified=None, content_hash="h1")
        state.record_not_modified(URL)
        assert state.archived_with_hash(URL, "h1")
        assert not state.archived_with_hash(URL, "h2")
        assert not state.archived_with_hash("http://h/other", "h1")
        row = state.get(URL)
        assert row is not None and row.warc_record == "<urn:uuid:1>" and row.first_seen <= row.last_seen


def test_state_survives_reopening_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state.sqlite"
    with CrawlState(path) as state:
        state.record_fetch(URL, kind="list", status=200, etag=None, last_modified=None, content_hash="h")
    with CrawlState(path) as state:
        assert [row.url for row in state.rows()] == [URL]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
