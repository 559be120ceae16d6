"""WARC archive of the crawl: request and response records, gzip, rotated by size.

Each exchange (request + response records) is built in memory and appended to
the current ``.warc.gz.open`` file in one write, flushed and synced; the file
gets its final name (``noticegraph-YYYYMMDDHHMMSS-NNNNN.warc.gz``) when it is
rotated or the archive is closed. A crash can thus only leave a truncated last
record in an ``.open`` file, which :func:`read_responses` tolerates.

Bodies are stored decoded: ``Content-Encoding`` and ``Transfer-Encoding`` are
dropped from the stored headers and ``Content-Length`` is the stored length.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, BinaryIO

from noticegraph import __version__

if TYPE_CHECKING:
    from warcio.warcwriter import WARCWriter

OPEN_SUFFIX = ".open"
_NAME = re.compile(r"^noticegraph-\d{14}-(\d{5})\.warc\.gz(?:\.open)?$")
TRUNCATION = (EOFError, ValueError, AttributeError, zlib.error)   # what warcio raises on a cut record
_DROPPED = frozenset({"content-encoding", "transfer-encoding", "content-length"})


@dataclass(frozen=True, slots=True)
class Exchange:
    """One HTTP exchange to archive."""

    url: str
    method: str
    request_headers: Sequence[tuple[str, str]]
    status: int
    reason: str
    http_version: str
    headers: Sequence[tuple[str, str]]
    body: bytes


@dataclass(frozen=True, slots=True)
class ArchivedResponse:
    """A response read back from a WARC file."""

    url: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    record_id: str
    warc_file: Path


class WarcArchive:
    """Appends exchanges to rotated WARC files in ``directory``."""

    def __init__(self, directory: Path, *, max_bytes: int = 100_000_000) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.max_bytes = max_bytes
        self._handle: BinaryIO | None = None
        self._path: Path | None = None
        self._serial = max((_serial(p) for p in self.directory.iterdir()), default=0)

    def write(self, exchange: Exchange) -> str:
        """Archive one exchange; returns the ``WARC-Record-ID`` of its response record."""
        data, record_id = _records(exchange)
        handle = self._current(len(data))
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
        return record_id

    def _current(self, incoming: int) -> BinaryIO:
        if self._handle is not None and self._handle.tell() > 0 and self._handle.tell() + incoming > self.max_bytes:
            self.close()
        if self._handle is None:
            self._serial += 1
            stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
            self._path = self.directory / f"noticegraph-{stamp}-{self._serial:05d}.warc.gz{OPEN_SUFFIX}"
            self._handle = self._path.open("xb")
            self._handle.write(_warcinfo(self._path.name.removesuffix(OPEN_SUFFIX)))
        return self._handle

    def close(self) -> None:
        """Close the current file and give it its final name."""
        if self._handle is None or self._path is None:
            return
        self._handle.close()
        self._path.rename(self._path.with_name(self._path.name.removesuffix(OPEN_SUFFIX)))
        self._handle = self._path = None

    def __enter__(self) -> WarcArchive:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _serial(path: Path) -> int:
    match = _NAME.match(path.name)
    return int(match.group(1)) if match else 0


def _writer(out: BinaryIO) -> WARCWriter:
    from warcio.warcwriter import WARCWriter

    return WARCWriter(out, gzip=True)


def _warcinfo(filename: str) -> bytes:
    out = io.BytesIO()
    writer = _writer(out)
    info = {"software": f"noticegraph/{__version__}", "format": "WARC File Format 1.0"}
    writer.write_record(writer.create_warcinfo_record(filename, info))
    return out.getvalue()


def _records(exchange: Exchange) -> tuple[bytes, str]:
    """The gzipped request and response records of an exchange, and the response's record id."""
    from warcio.statusandheaders import StatusAndHeaders

    out = io.BytesIO()
    writer = _writer(out)
    headers = [(k, v) for k, v in exchange.headers if k.lower() not in _DROPPED]
    headers.append(("Content-Length", str(len(exchange.body))))
    protocol = f"HTTP/{exchange.http_version.removeprefix('HTTP/')}"
    http = StatusAndHeaders(f"{exchange.status} {exchange.reason}".strip(), headers, protocol=protocol)
    response = writer.create_warc_record(
        exchange.url, "response", payload=io.BytesIO(exchange.body), http_headers=http)
    record_id = response.rec_headers.get_header("WARC-Record-ID")
    request = writer.create_warc_record(
        exchange.url, "request", payload=io.BytesIO(b""), http_headers=_request_line(exchange),
        warc_headers_dict={"WARC-Concurrent-To": record_id})
    writer.write_record(response)
    writer.write_record(request)
    return out.getvalue(), record_id


def _request_line(exchange: Exchange) -> Any:
    from urllib.parse import urlsplit

    from warcio.statusandheaders import StatusAndHeaders

    parts = urlsplit(exchange.url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    return StatusAndHeaders(f"{exchange.method} {target or '/'} HTTP/1.1", list(exchange.request_headers),
                            is_http_request=True)


def warc_files(directory: Path) -> list[Path]:
    """The archive's files (closed and still open), in the order they were written."""
    return sorted((p for p in Path(directory).iterdir() if _NAME.match(p.name)), key=_serial)


def read_responses(paths: Iterable[Path]) -> Iterator[ArchivedResponse]:
    """The response records of WARC files, in file order; a truncated last record ends its file quietly."""
    for path in paths:
        yield from _responses(Path(path))


def _responses(path: Path) -> Iterator[ArchivedResponse]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                archived = _archived(record, path)
                if archived is None:
                    return
                yield archived
        except (*TRUNCATION, ArchiveLoadFailed):
            return      # a record cut short by a crash: the records before it stand


def payload_digest(body: bytes) -> str:
    """The ``WARC-Payload-Digest`` of a body (``sha1:`` and base 32, as warcio writes it)."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")  # noqa: S324 - WARC's digest


def _archived(record: Any, path: Path) -> ArchivedResponse | None:
    """The response of a record, or None when its body is cut short (its digest does not match)."""
    http = record.http_headers
    body = record.content_stream().read()
    if record.rec_headers.get_header("WARC-Payload-Digest") != payload_digest(body):
        return None
    return ArchivedResponse(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        headers=tuple(http.headers) if http else (), body=body,
        record_id=record.rec_headers.get_header("WARC-Record-ID"), warc_file=path)
