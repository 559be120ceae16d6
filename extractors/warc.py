"""Notices from WARC archives: every ``200`` text/HTML ``response`` record is one notice.

The notice's name (``doc_id``) is the last path segment of the record's
``WARC-Target-URI``, so a notice crawled from ``…/000_d7652f1d30021301.txt``
gets the same IRI as the file ``000_d7652f1d30021301.txt`` with the same bytes.
The record's ``Content-Type`` header (with its charset, if any) goes to
:func:`~extractors.loading.document_from_bytes` as the declared content type.

Records that are not notices (requests, metadata, redirects, 404s, images,
``robots.txt``) are skipped silently; a record that is a notice but cannot be
read, and a truncated or corrupt archive, give a :class:`WarcRecordError`
naming the URL, and reading goes on where it can.
"""
from __future__ import annotations

import dataclasses
import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from extractors.document import Document
from extractors.errors import NoticeError, notice_error

TEXT_TYPES = frozenset({"text/html", "text/plain", "text/markdown", "application/xhtml+xml", ""})
SKIPPED_PATHS = frozenset({"robots.txt", "sitemap.xml"})
WARC_SUFFIXES = (".warc", ".warc.gz")


class WarcRecordError(NoticeError):
    """A :class:`NoticeError` of one WARC record: ``url`` is its target URI ("" when unknown)."""

    def __init__(self, code: str, reason: str, url: str) -> None:
        super().__init__(code, reason)
        self.url = url


def is_warc(path: Path) -> bool:
    """True for ``*.warc`` / ``*.warc.gz`` files and files whose (gunzipped) bytes start with ``WARC/``."""
    if path.name.lower().endswith(WARC_SUFFIXES):
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(2)
            handle.seek(0)
            if head == b"\x1f\x8b":
                with gzip.GzipFile(fileobj=handle) as unzipped:
                    return unzipped.read(5) == b"WARC/"
            return handle.read(5) == b"WARC/"
    except (OSError, EOFError, gzip.BadGzipFile):
        return False


def notice_name(url: str) -> str:
    """The last non-empty path segment of ``url``, unquoted (the host when the path is empty)."""
    parts = urlsplit(url)
    segments = [s for s in PurePosixPath(unquote(parts.path)).parts if s != "/"]
    return segments[-1] if segments else (parts.hostname or "index")


def documents_from_warc(path: Path) -> Iterator[Document | WarcRecordError]:
    """Each notice of the archive as a :class:`Document`, or the error of its record.

    Never raises for bad content: an unreadable archive or a truncated last
    record ends the iteration with one :class:`WarcRecordError`.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    url = ""
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                if _is_notice(record, url):
                    yield _document(record, url, path.name)
                url = ""
    except OSError as error:
        yield WarcRecordError("E105", notice_error("E105", error.strerror or type(error).__name__).reason, url)
    except (ArchiveLoadFailed, EOFError, ValueError, gzip.BadGzipFile, zlib.error) as error:
        reason = notice_error("E106", f"truncated or corrupt WARC record ({type(error).__name__})").reason
        yield WarcRecordError("E106", reason, url)


def _is_notice(record: Any, url: str) -> bool:
    """A ``response`` with status 200, a text/HTML payload and a URL that is not robots.txt."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    media = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return media in TEXT_TYPES and notice_name(url).lower() not in SKIPPED_PATHS


def _document(record: Any, url: str, warc_name: str) -> Document | WarcRecordError:
    """The record's payload read as a notice (chunking and content encoding undone by warcio)."""
    from extractors.loading import document_from_bytes

    raw = record.content_stream().read()
    if _truncated(record):
        return WarcRecordError("E106", notice_error("E106", "truncated WARC record").reason, url)
    content_type = record.http_headers.get_header("Content-Type")
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>") or None
    try:
        document = document_from_bytes(raw, doc_id=notice_name(url), source=url, url=url,
                                       content_type=content_type)
    except NoticeError as error:
        return WarcRecordError(error.code, error.reason, url)
    return dataclasses.replace(document, warc_record=record_id, warc_file=warc_name)


def _truncated(record: Any) -> bool:
    """True when the archive ends before the record's declared ``Content-Length``."""
    remainder = record.raw_stream
    remainder.read()
    return getattr(remainder, "limit", 0) > 0
