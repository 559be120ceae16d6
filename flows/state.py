"""What the crawler knows about each URL, in SQLite (WAL mode, one transaction per write)."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

SCHEMA = """
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY,            -- canonical URL
    status INTEGER,                  -- HTTP status of the last full reply
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,               -- sha256 hex of the body last archived or seen
    warc_record TEXT,                -- WARC-Record-ID of the archived response
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('notice', 'list'))
)
"""
COLUMNS = ("url", "status", "etag", "last_modified", "content_hash", "warc_record", "first_seen", "last_seen", "kind")


@dataclass(frozen=True, slots=True)
class UrlState:
    """One row of the state table."""

    url: str
    status: int | None
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    warc_record: str | None
    first_seen: str
    last_seen: str
    kind: str


class CrawlState:
    """The crawl state of a SQLite file; use as a context manager or call :meth:`close`."""

    def __init__(self, path: Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        with self._db:
            self._db.execute(SCHEMA)

    def get(self, url: str) -> UrlState | None:
        """The row of ``url``, if it was ever fetched."""
        row = self._db.execute(f"SELECT {', '.join(COLUMNS)} FROM urls WHERE url = ?", (url,)).fetchone()
        return UrlState(*row) if row else None

    def conditional_headers(self, url: str) -> dict[str, str]:
        """``If-None-Match`` / ``If-Modified-Since`` for ``url`` from its stored validators (only when archived)."""
        row = self.get(url)
        if row is None or row.warc_record is None:
            return {}
        headers = {"If-None-Match": row.etag, "If-Modified-Since": row.last_modified}
        return {name: value for name, value in headers.items() if value}

    def archived_with_hash(self, url: str, content_hash: str) -> bool:
        """Whether ``url`` was archived with this very body."""
        row = self.get(url)
        return row is not None and row.warc_record is not None and row.content_hash == content_hash

    def record_fetch(self, url: str, *, kind: str, status: int, etag: str | None, last_modified: str | None,
                     content_hash: str | None, warc_record: str | None = None) -> None:
        """Store a full reply; a ``warc_record`` of None keeps the one stored before."""
        now = _now()
        with self._db:
            self._db.execute(
                "INSERT INTO urls VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                "status = excluded.status, etag = excluded.etag, last_modified = excluded.last_modified, "
                "content_hash = excluded.content_hash, warc_record = COALESCE(excluded.warc_record, warc_record), "
                "last_seen = excluded.last_seen, kind = excluded.kind",
                (url, status, etag, last_modified, content_hash, warc_record, now, now, kind))

    def record_not_modified(self, url: str) -> None:
        """A 304: the stored representation is still current."""
        with self._db:
            self._db.execute("UPDATE urls SET last_seen = ? WHERE url = ?", (_now(), url))

    def rows(self) -> list[UrlState]:
        """Every row, by URL."""
        cursor = self._db.execute(f"SELECT {', '.join(COLUMNS)} FROM urls ORDER BY url")
        return [UrlState(*row) for row in cursor]

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> CrawlState:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
