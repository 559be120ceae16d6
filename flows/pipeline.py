"""Prefect flow ``regional-notices``: crawl every source -> extract each WARC file -> publish one graph.

The tasks are thin wrappers: the work is done by :func:`flows.crawl.crawl`,
:mod:`extractors.warc` / :mod:`noticegraph.batch` and :mod:`noticegraph.output`,
which never import Prefect. Only the crawl (network I/O) is retried.

Run it once on Prefect's ephemeral local API (nothing to install or start)::

    python -m flows.pipeline run --sources-file corpus/sources.yaml --archive-dir archive --out out/crawled.trig

or serve it on a cron schedule (a long-running process; see flows/README.md)::

    python -m flows.pipeline serve
"""
from __future__ import annotations

from dataclasses import replace

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from extractors.facts import NoticeFacts
from flows.crawl import CrawlReport, crawl
from flows.dedup import DuplicateIndex, fingerprint
from flows.settings import load_settings
from flows.sources import SourceConfig, load_sources

DEPLOYMENT = "regional-notices-every-6h"
CRON = "0 */6 * * *"                      # UTC
SOURCES_FILE = Path("corpus/sources.yaml")
ARCHIVE_DIR = Path("archive")
STATE_PATH = Path("archive/state.sqlite")
OUT = Path("out/crawled.trig")
MAX_PAGES = 5                             # list pages per seed, pagination included
CLOSED_WARC = "*.warc.gz"                 # flows.archive gives files still being written another suffix


@dataclass(slots=True)
class Extraction:
    """What one WARC file gave: the notices' facts and the records that failed (``FILE: URL``, reason)."""

    warc_file: str
    facts: list[NoticeFacts] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def _logger() -> logging.Logger | logging.LoggerAdapter:
    """Prefect's run logger inside a run, the module logger when a task is called with ``.fn``."""
    try:
        return get_run_logger()
    except Exception:  # noqa: BLE001 - prefect raises MissingContextError outside a run
        return logging.getLogger("noticegraph.pipeline")


@task(name="crawl", task_run_name="crawl {seed}", retries=2, retry_delay_seconds=[10, 60], cache_policy=NO_CACHE)
def crawl_task(seed: str, source: SourceConfig, archive_dir: Path, state_path: Path, max_pages: int,
               settings_file: Path | None = None) -> CrawlReport:
    """Crawl one list page of ``source`` into the WARC archive (retried: the only network task)."""
    report = crawl([seed], archive_dir=Path(archive_dir), state_path=Path(state_path), max_pages=max_pages,
                   source=source, settings=load_settings(settings_file))
    _logger().info("%s: %s", seed, report.summary())
    return report


@task(name="extract", task_run_name="extract {warc_file.name}", cache_policy=NO_CACHE)
def extract_task(warc_file: Path) -> Extraction:
    """The facts of every notice record of one WARC file; bad records are logged, not raised."""
    from noticegraph.batch import BatchReport, extract_files

    report = BatchReport()
    facts = list(extract_files([Path(warc_file)], report, progress=False))
    for where, reason in report.failures:
        _logger().warning("%s: %s", where, reason)
    return Extraction(Path(warc_file).name, facts, report.failures)


@task(name="publish", task_run_name="publish {out.name}", cache_policy=NO_CACHE)
def publish_task(facts: list[NoticeFacts], out: Path, fmt: str | None = None, store_dir: Path | None = None,
                 jsonld_dir: Path | None = None, report_dir: Path | None = None) -> Path:
    """Write the notices' graph to ``out`` atomically (format from the suffix unless ``fmt``).

    With ``store_dir``, also load the notices that pass the shapes into that Oxigraph
    store (its events reconciled), write the JSON-LD exports to ``jsonld_dir``
    (:func:`noticegraph.publish.publish`) and the analyst report of the whole store to
    ``report_dir`` (:func:`noticegraph.report.write_report`).
    """
    from noticegraph.output import serialize, write_atomically

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(serialize(facts, fmt or format_of(out)), out)
    _logger().info("%d notices written to %s", len(facts), out)
    if store_dir is not None:
        _load_store(facts, Path(store_dir), None if jsonld_dir is None else Path(jsonld_dir))
        if report_dir is not None:
            _write_report(Path(store_dir), Path(report_dir))
    return out


def _load_store(facts: list[NoticeFacts], store_dir: Path, jsonld_dir: Path | None) -> None:
    from noticegraph.publish import publish

    report = publish(facts, store_dir, jsonld_dir)
    for source, problem in report.refused:
        _logger().warning("%s: %s", source, problem)
    _logger().info("%d notices loaded into %s, %d events, %d documents exported", report.loaded, store_dir,
                   report.events, report.exported)


def _write_report(store_dir: Path, report_dir: Path) -> None:
    from noticegraph.report import write_report

    summary = write_report(store_dir, report_dir)
    _logger().info("report of %d notices written to %s", summary.notices, report_dir)


def format_of(out: Path) -> str:
    """The RDF format of an output file name (``.trig`` -> trig, ``.nt`` -> nt, ``.jsonld`` …)."""
    from noticegraph.output import FORMATS

    suffix = out.suffix.lstrip(".").lower()
    return {"ttl": "ttl", "json": "jsonld", "nquads": "nq"}.get(suffix, suffix if suffix in FORMATS else "trig")


def archive_files(archive_dir: Path) -> list[Path]:
    """The closed WARC files of the archive, oldest first (their names start with a UTC time stamp)."""
    return sorted(Path(archive_dir).glob(CLOSED_WARC))


def unique_notices(extractions: Sequence[Extraction]) -> list[NoticeFacts]:
    """Every notice once: a near-duplicate of an earlier one (flows/dedup.py) becomes another source of it."""
    index, kept = DuplicateIndex(), {}
    for extraction in extractions:
        for facts in extraction.facts:
            document = facts.document
            key = document.url or document.doc_id
            original = index.add(key, fingerprint(document))
            if original is None:
                kept[key] = facts
            else:
                kept[original] = _also_at(kept[original], key)
                _logger().info("%s repeats %s: recorded as another source", key, original)
    return list(kept.values())


def _also_at(facts: NoticeFacts, url: str) -> NoticeFacts:
    """The notice's facts with ``url`` added to the places it was published at."""
    document = replace(facts.document, also_at=(*facts.document.also_at, url))
    return replace(facts, document=document)


@flow(name="regional-notices", log_prints=True)
def notices_flow(sources_file: Path = SOURCES_FILE, archive_dir: Path = ARCHIVE_DIR, state_path: Path = STATE_PATH,
                 out: Path = OUT, max_pages: int = MAX_PAGES, settings_file: Path | None = None,
                 store_dir: Path | None = None, jsonld_dir: Path | None = None,
                 report_dir: Path | None = None) -> Path | None:
    """Crawl every list page of every source, extract every WARC file of the archive, publish one graph.

    ``settings_file`` overrides crawler settings (flows/settings.toml); ``store_dir``,
    ``jsonld_dir`` and ``report_dir`` also load the store and write the exports and the
    report (see :func:`publish_task`).
    Returns the output file, or None when the archive holds no notice yet.
    """
    for source in load_sources(Path(sources_file)):
        for seed in source.list_urls:
            crawl_task(seed, source, Path(archive_dir), Path(state_path), max_pages, settings_file)
    return extract_and_publish(archive_files(Path(archive_dir)), Path(out), store_dir, jsonld_dir, report_dir)


def extract_and_publish(warc_files: Sequence[Path], out: Path, store_dir: Path | None = None,
                        jsonld_dir: Path | None = None, report_dir: Path | None = None) -> Path | None:
    """One extract task per WARC file, then one publish task for the notices that are not repeats."""
    extractions = [extract_task(path) for path in warc_files]
    facts = unique_notices(extractions)
    if not facts:
        _logger().warning("no notice in %d WARC files: %s not written", len(warc_files), out)
        return None
    return publish_task(facts, out, store_dir=store_dir, jsonld_dir=jsonld_dir, report_dir=report_dir)


@flow(name="regional-notices-from-archive")
def archive_flow(warc_files: list[Path], out: Path) -> Path | None:
    """Extract and publish WARC files already on disk (no crawl)."""
    return extract_and_publish([Path(p) for p in warc_files], Path(out))


def serve(name: str = DEPLOYMENT, cron: str = CRON, **parameters: object) -> None:
    """Serve ``notices_flow`` on a cron schedule from this process (Ctrl-C stops it)."""
    notices_flow.serve(name=name, cron=cron, parameters=parameters)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m flows.pipeline", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the flow once")
    serve_ = commands.add_parser("serve", help="serve the flow on a cron schedule")
    serve_.add_argument("--name", default=DEPLOYMENT, help=f"deployment name (default {DEPLOYMENT!r})")
    serve_.add_argument("--cron", default=CRON, help=f"cron schedule, UTC (default {CRON!r})")
    for sub in (run, serve_):
        sub.add_argument("--sources-file", type=Path, default=SOURCES_FILE)
        sub.add_argument("--archive-dir", type=Path, default=ARCHIVE_DIR)
        sub.add_argument("--state-path", type=Path, default=STATE_PATH)
        sub.add_argument("--out", type=Path, default=OUT)
        sub.add_argument("--max-pages", type=int, default=MAX_PAGES)
        sub.add_argument("--settings-file", type=Path, default=None, help="crawler settings TOML (flows/settings.toml)")
        sub.add_argument("--store-dir", type=Path, default=None, help="also load this Oxigraph store")
        sub.add_argument("--jsonld-dir", type=Path, default=None, help="and write the JSON-LD exports here")
        sub.add_argument("--report-dir", type=Path, default=None, help="and write the analyst report here")
    return parser


def main(argv: list[str] | None = None) -> int:
    """``run`` the flow once, or ``serve`` it on a schedule."""
    args = _parser().parse_args(argv)
    options = {"sources_file": args.sources_file, "archive_dir": args.archive_dir, "state_path": args.state_path,
               "out": args.out, "max_pages": args.max_pages, "settings_file": args.settings_file,
               "store_dir": args.store_dir, "jsonld_dir": args.jsonld_dir, "report_dir": args.report_dir}
    if args.command == "serve":
        serve(args.name, args.cron, **{key: None if value is None else (value if key == "max_pages" else str(value))
                                       for key, value in options.items()})
        return 0
    return 0 if notices_flow(**options) else 1


if __name__ == "__main__":
    sys.exit(main())
