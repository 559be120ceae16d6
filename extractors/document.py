"""The cleaned notice: text with structure and metadata, the input of extraction."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["title", "heading", "paragraph", "list_item", "table_row", "quote", "signature"]


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of the cleaned text, as ``text[start:end]``.

    ``cells`` holds the (start, end) offsets of each cell of a table row;
    ``header`` is true for a table's header row.
    """

    kind: BlockKind
    start: int
    end: int
    cells: tuple[tuple[int, int], ...] = ()
    header: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned notice.

    ``text`` is the cleaned text in the notice's own script: blocks joined by
    ``"\\n"``; evidence offsets (code points) refer to it. ``norm`` has exactly the
    same length and offsets, in Simplified script, for matching only.
    """

    doc_id: str                      # file name (or last URL path segment)
    source: str                      # where it came from: file path or URL
    text: str
    norm: str
    blocks: tuple[Block, ...]
    title: str | None = None
    outlet: str | None = None        # site, paper or agency that published it
    published: dt.datetime | None = None   # tz-aware, +08:00 when not stated
    published_from: str | None = None      # front_matter, meta, page_element, byline, dateline, signature, url
    signed: dt.date | None = None    # date under the issuer's signature at the end, if any
    url: str | None = None
    warc_record: str | None = None   # WARC-Record-ID (urn:uuid:…) of the response it was read from
    warc_file: str | None = None     # name of that WARC archive
    media_type: str = "text/plain"   # text/plain, text/markdown, text/html
    charset: str = "utf-8"
    script: Literal["Hans", "Hant"] = "Hans"
    digest: str = ""                 # sha256 hex of the raw bytes
    also_at: tuple[str, ...] = ()    # other URLs where the same notice was found (reposts)
    extra: dict[str, str] = field(default_factory=dict)
