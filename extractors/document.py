"""The cleaned notice: text with structure and metadata, the input of extraction."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

MIN_QUOTE = 6     # characters (spaces aside) a quote needs to say anything

BlockKind = Literal["title", "heading", "paragraph", "list_item", "table_row", "quote", "signature"]


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of the cleaned text, as ``text[start:end]``.

    ``cells`` holds the (start, end) offsets of each cell of a table row;
    ``header`` is true for a table's header row; ``covered`` lists the
    columns of a row whose cell is empty because a cell of a row above spans
    down over it (rowspan).
    """

    kind: BlockKind
    start: int
    end: int
    cells: tuple[tuple[int, int], ...] = ()
    header: bool = False
    covered: tuple[int, ...] = ()


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
    cuts: tuple[int, ...] = ()       # offsets of ``text`` where the cleaning removed source marks (Markdown's **)
    extra: dict[str, str] = field(default_factory=dict)

    def quotable(self, start: int, end: int, around: tuple[int, int] | None = None) -> tuple[int, int]:
        """The stretch of ``text[start:end]`` to quote as it is written in the source.

        Where the cleaning removed source marks inside it (Markdown's ``**``), the
        quote would not be found in the source, so the stretch between two marks is
        taken: the longest one overlapping ``around`` (the fact's own words) that
        has at least :data:`MIN_QUOTE` characters, else the longest of all.
        """
        inside = [cut for cut in self.cuts if start < cut < end] if self.cuts else ()
        if not inside:
            return start, end
        bounds = [start, *inside, end]
        stretches = list(zip(bounds, bounds[1:]))
        size = {s: len("".join(self.text[s[0]:s[1]].split())) for s in stretches}
        near = [s for s in stretches if around and s[0] < around[1] and around[0] < s[1] and size[s] >= MIN_QUOTE]
        return max(near or stretches, key=size.__getitem__)
