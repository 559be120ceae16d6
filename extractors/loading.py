"""The entry point of the extraction stages: a notice file -> :class:`Document`.

``decode -> front matter -> clean -> metadata -> script``. Bad input never raises
anything but :class:`~extractors.errors.NoticeError` (E100-E106) with a precise
reason.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from extractors.cleaning import Piece, assemble, finish, html_pieces, markdown_to_html, parse_html, text_pieces
from extractors.document import Document
from extractors.errors import NoticeError, notice_error
from extractors.metadata import find_outlet, find_published, find_title, page_facts, signed_date
from extractors.reading import read_text, split_front_matter
from extractors.script import simplify

PLAIN, MARKDOWN, HTML = "text/plain", "text/markdown", "text/html"
SUFFIXES = {".html": HTML, ".htm": HTML, ".shtml": HTML, ".xhtml": HTML, ".md": MARKDOWN, ".markdown": MARKDOWN}
MIN_HAN = 20              # fewer Han characters of content than this: no notice (E103)
_FULL_PAGE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)
_HTML_BLOCK = re.compile(r"^\s*<(?:p|div|br|table|tr|td|ul|ol|li|h[1-6]|section|article|span|font|strong)\b", re.I | re.M)
_MARKDOWN = re.compile(r"^(?:#{1,6}\s+\S|\|?\s*:?-{3,}:?\s*\|)|\]\([^)\s]+\)", re.M)
_MARKDOWN_MARKS = ("#", "---", "](")     # any text _MARKDOWN matches holds one of them
_ANY_TAG = re.compile(r"<[A-Za-z][^>]*>")


def load_document(path: Path) -> Document:
    """Read, decode and clean one notice file.

    Raises:
        NoticeError: E105 when the file cannot be read, E100-E106 for bad content.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise notice_error("E105", error.strerror or type(error).__name__) from error
    return document_from_bytes(raw, doc_id=path.name, source=str(path))


def document_from_bytes(raw: bytes, *, doc_id: str, source: str, url: str | None = None,
                        content_type: str | None = None) -> Document:
    """Build the :class:`Document` of a notice from its bytes.

    Args:
        raw: the file's or the response's bytes.
        doc_id: the notice's name (file name or last URL path segment).
        source: where it came from (file path or URL).
        url: the URL it was published at, if known (a date in its path is a last resort).
        content_type: the HTTP ``Content-Type`` (media type and charset), if any.

    Raises:
        NoticeError: E100 empty, E101 binary, E102 undecodable, E103 no notice text, E106 unsupported.
    """
    try:
        return _build(raw, doc_id, source, url, content_type)
    except NoticeError:
        raise
    except (ValueError, TypeError, LookupError, RecursionError, MemoryError) as error:
        raise notice_error("E106", f"{type(error).__name__}: {error}") from error


def _build(raw: bytes, doc_id: str, source: str, url: str | None, content_type: str | None) -> Document:
    if raw.lstrip()[:5] == b"WARC/":
        raise notice_error("E106", "WARC archives are unpacked by the crawler, not read as a notice")
    decoded = read_text(raw, content_type)
    front, body = split_front_matter(decoded.text)
    media = media_type(doc_id, content_type, body, bool(front))
    root = None if media == PLAIN else parse_html(markdown_to_html(body) if media == MARKDOWN else body)
    pieces = text_pieces(body) if root is None else html_pieces(root)
    page = page_facts(root)
    title, in_source = find_title(front, page, pieces)
    pieces = finish(pieces, title, in_source)
    _require_content(pieces, decoded.truncated)
    cleaned = assemble(pieces)
    norm, script = simplify(cleaned.text)
    signed = signed_date(pieces)
    published = find_published(front, page, body, pieces, url, signed)
    return Document(
        doc_id=doc_id, source=source, text=cleaned.text, norm=norm, blocks=cleaned.blocks, title=title,
        outlet=find_outlet(front, page, body, title), published=published[0] if published else None,
        published_from=published[1] if published else None, signed=signed, url=url, media_type=media,
        charset=decoded.charset, script=script, digest=hashlib.sha256(raw).hexdigest(),
        extra=_extra(decoded.truncated, decoded.replaced, front), cuts=cleaned.cuts,
    )


def media_type(name: str, content_type: str | None, body: str, has_front_matter: bool) -> str:
    """``text/html``, ``text/markdown`` or ``text/plain``, from the header, the suffix and the content."""
    declared = (content_type or "").split(";")[0].strip().lower()
    suffix = _suffix(urlsplit(name).path).lower()
    claimed = SUFFIXES.get(suffix) or {HTML: HTML, "application/xhtml+xml": HTML, MARKDOWN: MARKDOWN}.get(declared)
    if claimed == HTML and _ANY_TAG.search(body) is None:
        return PLAIN
    if claimed:
        return claimed
    if _FULL_PAGE.search(body[:2048]):
        return HTML
    if has_front_matter or _has_html_block(body) or _has_markdown(body):
        return MARKDOWN
    return PLAIN


def _suffix(path: str) -> str:
    """``PurePosixPath(path).suffix`` without building the path: the last name's extension, if any."""
    names = [part for part in path.split("/") if part and part != "."]
    name = names[-1] if names else ""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _has_html_block(body: str) -> bool:
    """A line starting with a block tag; ``in`` rules out most plain texts without running the regex over every line."""
    return "<" in body and _HTML_BLOCK.search(body) is not None


def _has_markdown(body: str) -> bool:
    """A Markdown heading, table rule or link, looked for only when one of their marks is in the text."""
    return any(mark in body for mark in _MARKDOWN_MARKS) and _MARKDOWN.search(body) is not None


def _require_content(pieces: list[Piece], truncated: bool) -> None:
    """E103 when the cleaned notice holds (almost) no Chinese text."""
    han = sum(p.han for p in pieces if p.kind != "title")
    if han < MIN_HAN:
        cut = ", and the file is truncated" if truncated else ""
        raise notice_error("E103", f"{han} Chinese characters of content left{cut}")


def _extra(truncated: bool, replaced: int, front: dict[str, Any]) -> dict[str, str]:
    extra: dict[str, str] = {}
    if truncated:
        extra["truncated"] = "true"
    if replaced:
        extra["replaced_bytes"] = str(replaced)
    if front.get("tags"):
        tags = front["tags"]
        extra["tags"] = " ".join(map(str, tags)) if isinstance(tags, list) else str(tags)
    return extra
