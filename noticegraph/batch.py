"""Extraction of a batch of notice files: one bad file never stops the others."""
from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from extractors.document import Document
from extractors.errors import NoticeError, notice_error
from extractors.facts import NoticeFacts

BATCH_GC_THRESHOLD = 10_000    # allocations between young collections during a batch (Python's default: 700)


@dataclass(slots=True)
class BatchReport:
    """What a batch did: notices read, facts found, files that failed and why."""

    notices: int = 0
    facts: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """The closing line for standard error."""
        return f"noticegraph: {self.notices} notices read, {self.facts} facts, {len(self.failures)} failed"


def extract_file(path: Path) -> NoticeFacts:
    """Load, clean and extract one notice file; :class:`NoticeError` for bad input."""
    from extractors.loading import load_document

    return extract_document(load_document(path))


def extract_document(document: Document) -> NoticeFacts:
    """Extract the facts of one loaded notice; E104 when it states no dates."""
    from extractors.pipeline import extract

    facts = extract(document)
    if facts.time_expressions == 0:
        raise notice_error("E104")
    return facts


def extract_files(paths: list[Path], report: BatchReport, progress: bool = True) -> Iterator[NoticeFacts]:
    """Facts of every readable notice (a WARC archive gives one per notice record).

    Failures are reported on one line each and counted; the batch goes on.
    """
    from extractors.warc import is_warc

    bar = _progress(len(paths)) if progress and len(paths) > 1 else None
    with batch_collection():
        for path in paths:
            if is_warc(path):
                yield from _extract_warc(path, report, bar)
            else:
                yield from _extract_one(path, report, bar)
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()


@contextmanager
def batch_collection() -> Iterator[None]:
    """Garbage collection for a batch, restored afterwards.

    The pipeline (spaCy, rdflib, the compiled patterns) lives as long as the
    process, so it is built first and frozen out of the collector's full passes;
    young collections run less often. A full pass costs tens of milliseconds
    otherwise, and the collector took about 6% of a 1,000-notice run.
    """
    from extractors.pipeline import build_nlp

    build_nlp()
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(BATCH_GC_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _extract_one(path: Path, report: BatchReport, bar) -> Iterator[NoticeFacts]:
    try:
        facts = extract_file(path)
    except NoticeError as error:
        _fail(report, path, error.reason, bar)
    except OSError as error:
        _fail(report, path, error.strerror or str(error), bar)
    else:
        yield _count(report, facts)


def _extract_warc(path: Path, report: BatchReport, bar) -> Iterator[NoticeFacts]:
    """Every notice record of one WARC archive; a bad record is reported as ``FILE: URL: reason``."""
    from extractors.warc import WarcRecordError, documents_from_warc

    for item in documents_from_warc(path):
        if isinstance(item, WarcRecordError):
            _fail(report, _record_name(path, item.url), item.reason, bar)
            continue
        try:
            facts = extract_document(item)
        except NoticeError as error:
            _fail(report, _record_name(path, item.url or ""), error.reason, bar)
        else:
            yield _count(report, facts)


def _record_name(path: Path, url: str) -> str:
    return f"{path}: {url}" if url else str(path)


def _count(report: BatchReport, facts: NoticeFacts) -> NoticeFacts:
    report.notices += 1
    report.facts += facts.count
    return facts


def _fail(report: BatchReport, path: Path | str, reason: str, bar) -> None:
    report.failures.append((str(path), reason))
    line = f"noticegraph: {path}: {reason}"
    if bar is not None:
        bar.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr)


def _progress(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="notice", file=sys.stderr, leave=False, disable=not sys.stderr.isatty())
