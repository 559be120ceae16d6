"""Which files of the command line are notices."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

NOTICE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".shtml", ".xhtml", ".warc"})
ARCHIVE_ENDINGS = (".warc.gz",)   # a compressed WARC archive: its notice records are read (extractors/warc.py)


def notice_files(paths: Iterable[Path]) -> list[Path]:
    """Files named on the command line; a folder means every notice file in it (sorted, recursive)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and is_notice_file(p))
        else:
            found.append(path)
    return found


def is_notice_file(path: Path) -> bool:
    """A notice file or a WARC archive, by its name."""
    return path.suffix.lower() in NOTICE_SUFFIXES or path.name.lower().endswith(ARCHIVE_ENDINGS)
