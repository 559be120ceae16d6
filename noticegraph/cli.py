"""The ``noticegraph`` command.

Only argparse is imported at start-up; spaCy, rdflib and the rest load inside
the subcommand that needs them, so ``noticegraph --help`` starts fast.

Exit codes: 0 everything worked, 1 some inputs failed (the rest was written),
2 bad usage, 3 nothing could be produced.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from noticegraph import __version__

OK, SOME_FAILED, USAGE, NOTHING = 0, 1, 2, 3
FORMATS = ("nt", "ttl", "jsonld", "trig", "nq")


def _extract_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "extract", help="clean notices and extract their facts into one RDF graph",
        description="Clean and extract every notice file given (a folder means every notice file in it) "
                    "and write one RDF graph: nt, ttl and jsonld merge the notices, trig and nq keep one "
                    "named graph per notice.")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="notice files or folders")
    parser.add_argument("--format", "-f", choices=FORMATS, default="nt", help="RDF format (default: nt)")
    parser.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    parser.set_defaults(run=_run_extract)


def _query_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "query", help="run a SPARQL query over RDF files",
        description="Run a SPARQL query (a .rq file, the name of a shipped query such as cq2, or the query "
                    "text) over RDF files and print the results (SPARQL 1.1 CSV by default).")
    parser.add_argument("query", help="a .rq file, a shipped query name (cq0 … cq10) or SPARQL text")
    parser.add_argument("--data", nargs="+", type=Path, required=True, metavar="FILE",
                        help="RDF files (nt, nq, ttl, trig, jsonld)")
    parser.add_argument("--format", "-f", choices=("csv", "tsv", "json", "xml"), default="csv",
                        help="result format (default: csv)")
    parser.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    parser.set_defaults(run=_run_query)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="noticegraph", description="Public-service shutdown notices as an RDF knowledge graph.")
    parser.add_argument("--version", action="version", version=f"noticegraph {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _extract_parser(commands)
    _query_parser(commands)
    return parser


def _run_extract(args: argparse.Namespace) -> int:
    from noticegraph.batch import BatchReport, extract_files
    from noticegraph.inputs import notice_files
    from noticegraph.output import serialize, write_atomically

    report = BatchReport()
    paths = notice_files(args.paths)
    if not paths:
        print("noticegraph: no notice files found in the given paths", file=sys.stderr)
        return NOTHING
    all_facts = list(extract_files(paths, report, progress=not args.quiet))
    if all_facts:
        write_atomically(serialize(all_facts, args.format), args.output)
    if not args.quiet:
        print(report.summary(), file=sys.stderr)
    if not all_facts:
        return NOTHING
    return SOME_FAILED if report.failures else OK


def _run_query(args: argparse.Namespace) -> int:
    from extractors.errors import NoticeError
    from noticegraph.output import write_atomically
    from noticegraph.sparql import load_store, query_text, run_query

    try:
        store = load_store(args.data)
        result = run_query(store, query_text(args.query), args.format)
    except NoticeError as error:
        print(f"noticegraph: {error.reason}", file=sys.stderr)
        return USAGE if error.code == "E107" else NOTHING
    write_atomically(result, args.output)
    return OK


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``noticegraph`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("noticegraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return OK


if __name__ == "__main__":
    sys.exit(main())
