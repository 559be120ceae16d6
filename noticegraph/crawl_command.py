"""The ``noticegraph crawl`` subcommand: fetch list and notice pages into WARC files.

Only argparse is imported here; the crawler (httpx, warcio, Protego) loads when
the command runs. Exit codes: 0 all went well, 1 some URLs failed, 2 bad usage,
3 nothing was fetched.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

OK, SOME_FAILED, USAGE, NOTHING = 0, 1, 2, 3


def add_crawl_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``crawl`` to the subcommands of ``noticegraph``."""
    parser = commands.add_parser(
        "crawl", help="fetch notice pages politely into WARC files",
        description="Crawl list pages (and their next pages) for notice links, fetch the notices politely "
                    "(robots.txt, per-host delay, conditional requests) and archive new ones as WARC files.")
    parser.add_argument("seeds", nargs="*", metavar="SEED_URL",
                        help="list pages to start from (default: the list pages of every source of --sources)")
    parser.add_argument("--archive", type=Path, required=True, metavar="DIR", help="folder of the WARC files")
    parser.add_argument("--sources", type=Path, metavar="FILE", help="sources registry (YAML)")
    parser.add_argument("--max-pages", type=int, default=50, metavar="N", help="list pages per seed (default: 50)")
    parser.add_argument("--state", type=Path, metavar="FILE", help="state database (default: DIR/state.sqlite)")
    parser.add_argument("--delay", type=float, metavar="SECONDS", help="seconds between requests to a host")
    parser.add_argument("--settings", type=Path, metavar="FILE", help="TOML file overriding crawler settings")
    parser.set_defaults(run=run_crawl)


def run_crawl(args: argparse.Namespace) -> int:
    """Run the crawl of the parsed arguments; print the summary and the failures to standard error."""
    from flows.crawl import CrawlReport, crawl
    from flows.settings import load_settings

    try:
        overrides = {} if args.delay is None else {"delay_seconds": args.delay}
        settings = load_settings(args.settings, **overrides)
        plan = _plan(args.seeds, args.sources)
    except (OSError, ValueError) as error:
        print(f"noticegraph: {error}", file=sys.stderr)
        return USAGE
    state = args.state or args.archive / "state.sqlite"
    reports: list[CrawlReport] = [
        crawl(seeds, archive_dir=args.archive, state_path=state, max_pages=args.max_pages, source=source,
              settings=settings) for source, seeds in plan]
    return _report(reports)


def _plan(seeds: list[str], sources_file: Path | None) -> list[tuple[object, list[str]]]:
    """``(source or None, seeds)`` pairs: each seed goes with the source owning its host."""
    from flows.discovery import host_of
    from flows.sources import load_sources

    sources = load_sources(sources_file) if sources_file else []
    if not seeds:
        if not sources:
            raise ValueError("give seed URLs or a --sources file")
        return [(source, list(source.list_urls)) for source in sources]
    plan: dict[str | None, tuple[object, list[str]]] = {}
    for seed in seeds:
        owner = next((source for source in sources if host_of(seed) in source.hosts), None)
        plan.setdefault(owner.name if owner else None, (owner, []))[1].append(seed)
    return list(plan.values())


def _report(reports: list) -> int:
    """Print the failures and one summary line; the exit code."""
    from flows.crawl import CrawlReport

    names = ("fetched", "not_modified", "archived", "skipped_robots", "refused_redirects")
    total = CrawlReport(**{name: sum(getattr(r, name) for r in reports) for name in names},
                        errors=[failure for r in reports for failure in r.errors])
    for url, reason in total.errors:
        print(f"{url}: {reason}", file=sys.stderr)
    print(total.summary(), file=sys.stderr)
    if not total.fetched + total.not_modified:
        return NOTHING
    return SOME_FAILED if total.errors else OK
