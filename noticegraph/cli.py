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
from noticegraph.crawl_command import add_crawl_parser

OK, SOME_FAILED, USAGE, NOTHING = 0, 1, 2, 3
FORMATS = ("nt", "ttl", "jsonld", "trig", "nq")


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="notice files or folders")


def _add_quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")


def _add_built_store(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", type=Path, required=True, metavar="DIR", help="store made by `noticegraph build`")


def _extract_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "extract", help="clean notices and extract their facts into one RDF graph",
        description="Clean and extract every notice file given (a folder means every notice file in it) "
                    "and write one RDF graph: nt, ttl and jsonld merge the notices, trig and nq keep one "
                    "named graph per notice.")
    _add_paths(parser)
    parser.add_argument("--format", "-f", choices=FORMATS, default="nt", help="RDF format (default: nt)")
    parser.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    _add_quiet(parser)
    parser.set_defaults(run=_run_extract)


def _query_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "query", help="run a SPARQL query over RDF files",
        description="Run a SPARQL query (a .rq file, the name of a shipped query such as cq2, or the query "
                    "text) over RDF files and print the results (SPARQL 1.1 CSV by default).")
    parser.add_argument("query", help="a .rq file, a shipped query name (cq0 … cq10) or SPARQL text")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--data", nargs="+", type=Path, metavar="FILE", help="RDF files (nt, nq, ttl, trig, jsonld)")
    where.add_argument("--store", type=Path, metavar="DIR", help="an on-disk store made by `noticegraph build`")
    where.add_argument("--endpoint", metavar="URL", help="a SPARQL 1.1 query endpoint (e.g. http://127.0.0.1:7878/query)")
    parser.add_argument("--format", "-f", choices=("csv", "tsv", "json", "xml"), default="csv",
                        help="result format (default: csv)")
    parser.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    parser.set_defaults(run=_run_query)


def _build_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "build", help="extract notices, validate them and load them into the on-disk store",
        description="Extract every notice given, validate each notice's graph against the SHACL shapes and "
                    "load it into the store, replacing that notice's named graph in one transaction, then "
                    "reconcile the notices of each outage into one suspension event (the events graph). Notices "
                    "that fail validation are reported and not loaded.")
    _add_paths(parser)
    parser.add_argument("--store", type=Path, required=True, metavar="DIR", help="store directory (created)")
    parser.add_argument("--no-validate", action="store_true", help="skip SHACL validation (faster)")
    _add_quiet(parser)
    parser.set_defaults(run=_run_build)


def _serve_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "serve", help="serve a store as a read-only SPARQL endpoint",
        description="Start a read-only SPARQL 1.1 Protocol endpoint (Oxigraph's server) over a store: "
                    "/query answers JSON, XML, CSV or TSV by content negotiation, / is a query page, "
                    "updates are refused, queries past the timeout are stopped.")
    _add_built_store(parser)
    parser.add_argument("--bind", default="127.0.0.1:7878", help="host:port (default: 127.0.0.1:7878)")
    parser.add_argument("--timeout", type=int, default=30, metavar="SECONDS", help="query timeout (default: 30)")
    parser.add_argument("--cors", action="store_true", help="allow cross-origin requests")
    parser.set_defaults(run=_run_serve)


def _push_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "push", help="load notices into a SPARQL server through the Graph Store Protocol",
        description="Extract notices and replace each notice's named graph on a SPARQL 1.1 Graph Store "
                    "Protocol endpoint (Oxigraph /store, Fuseki /ds/data, GraphDB, Virtuoso).")
    _add_paths(parser)
    parser.add_argument("--endpoint", required=True, metavar="URL", help="Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    _add_quiet(parser)
    parser.set_defaults(run=_run_push)


def _export_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "export", help="write one JSON-LD document per notice for portals",
        description="Write one framed JSON-LD document per notice (schema.org SpecialAnnouncement, Event per "
                    "suspension window, ServiceChannel per channel, with the project's terms) and an index.json, "
                    "using the local context of ontology/context.jsonld.")
    parser.add_argument("--jsonld", type=Path, required=True, metavar="DIR", help="output folder")
    _add_built_store(parser)
    parser.set_defaults(run=_run_export)


def _report_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report", help="write the analyst report (HTML, CSV, PNG, iCalendar) of a store",
        description="Write a static report that opens offline: index.html (timeline of suspension windows by "
                    "province and city, service lines by region, channels that stayed open, early payments, "
                    "deadlines; every fact linked to its sentence), review/*.html (each notice's text with its "
                    "evidence highlighted and its facts beside it), the tables as CSV, the timeline as PNG and "
                    "calendar/{region}.ics.")
    _add_built_store(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder (created)")
    parser.set_defaults(run=_run_report)


def _flows_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "flows", help="run the crawl → extract → publish flow once, or serve it on its schedule",
        description="The Prefect flow regional-notices (flows/pipeline.py): `noticegraph flows run …` runs it "
                    "once on Prefect's local API, `noticegraph flows serve --cron '0 */6 * * *' …` serves it on a "
                    "schedule. `noticegraph flows run --help` lists the options.", add_help=False)
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help="run|serve and their options")
    parser.set_defaults(run=_run_flows)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="noticegraph", description="Public-service shutdown notices as an RDF knowledge graph.")
    parser.add_argument("--version", action="version", version=f"noticegraph {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _extract_parser(commands)
    _query_parser(commands)
    add_crawl_parser(commands)
    _build_parser(commands)
    _serve_parser(commands)
    _push_parser(commands)
    _export_parser(commands)
    _report_parser(commands)
    _flows_parser(commands)
    return parser


def _run_extract(args: argparse.Namespace) -> int:
    from noticegraph.batch import BatchReport, extract_files
    from noticegraph.inputs import notice_files
    from noticegraph.output import STREAMED, ntriples_chunks, serialize, stream_atomically, write_atomically

    report = BatchReport()
    paths = notice_files(args.paths)
    if not paths:
        print("noticegraph: no notice files found in the given paths", file=sys.stderr)
        return NOTHING
    facts = extract_files(paths, report, progress=not args.quiet)
    if args.format in STREAMED:
        written = stream_atomically(ntriples_chunks(facts), args.output)
    else:
        all_facts = list(facts)
        written = len(all_facts)
        if all_facts:
            write_atomically(serialize(all_facts, args.format), args.output)
    if not args.quiet:
        print(report.summary(), file=sys.stderr)
    if not written:
        return NOTHING
    return SOME_FAILED if report.failures else OK


def _run_query(args: argparse.Namespace) -> int:
    from extractors.errors import NoticeError
    from noticegraph.output import write_atomically
    from noticegraph.sparql import query_text, run_query

    try:
        if args.endpoint is not None:
            from noticegraph.endpoint import remote_query

            result = remote_query(args.endpoint, query_text(args.query), args.format)
        else:
            result = run_query(_local_store(args), query_text(args.query), args.format)
    except NoticeError as error:
        print(f"noticegraph: {error.reason}", file=sys.stderr)
        return USAGE if error.code == "E107" else NOTHING
    write_atomically(result, args.output)
    return OK


def _local_store(args: argparse.Namespace):
    from noticegraph.sparql import load_store

    if args.store is None:
        return load_store(args.data)
    from noticegraph.store import open_store

    return open_store(args.store, read_only=True)


def _run_serve(args: argparse.Namespace) -> int:
    import os

    from extractors.errors import NoticeError
    from noticegraph.endpoint import serve_command

    if not args.store.is_dir():
        print(f"noticegraph: {args.store}: no store here (build one with `noticegraph build`)", file=sys.stderr)
        return NOTHING
    try:
        command = serve_command(args.store, args.bind, args.timeout, args.cors)
    except NoticeError as error:
        print(f"noticegraph: {error.reason}", file=sys.stderr)
        return NOTHING
    print(f"noticegraph: read-only SPARQL endpoint on http://{args.bind}/query (page: http://{args.bind}/)",
          file=sys.stderr)
    os.execv(command[0], command)   # the server replaces this process: signals reach it directly
    return OK


def _run_push(args: argparse.Namespace) -> int:
    from extractors.errors import NoticeError
    from noticegraph.batch import BatchReport, extract_files
    from noticegraph.endpoint import push_graph
    from noticegraph.inputs import notice_files
    from noticegraph.output import serialize
    from ontology.graph import notice_iri

    report, pushed = BatchReport(), 0
    for facts in extract_files(notice_files(args.paths), report, progress=not args.quiet):
        graph = notice_iri(facts.document.digest, facts.document.doc_id)
        try:
            push_graph(args.endpoint, str(graph), serialize([facts], "nt"))
        except NoticeError as error:
            report.failures.append((facts.document.source, error.reason))
            print(f"noticegraph: {facts.document.source}: {error.reason}", file=sys.stderr)
            continue
        pushed += 1
    if not args.quiet:
        print(f"{report.summary()}, {pushed} pushed to {args.endpoint}", file=sys.stderr)
    if pushed == 0:
        return NOTHING
    return SOME_FAILED if report.failures else OK


def _run_flows(args: argparse.Namespace) -> int:
    from flows.pipeline import main as flows_main

    return flows_main(args.arguments or ["--help"])


def _run_export(args: argparse.Namespace) -> int:
    from extractors.errors import NoticeError
    from noticegraph.export import export_store
    from noticegraph.store import open_store

    try:
        store = open_store(args.store, read_only=True)
    except NoticeError as error:
        print(f"noticegraph: {error.reason}", file=sys.stderr)
        return NOTHING
    index = export_store(store, args.jsonld)
    print(f"noticegraph: {len(index)} JSON-LD documents and index.json written to {args.jsonld}", file=sys.stderr)
    return OK if index else NOTHING


def _run_report(args: argparse.Namespace) -> int:
    from extractors.errors import NoticeError
    from noticegraph.report import write_report

    try:
        summary = write_report(args.store, args.out)
    except NoticeError as error:
        print(f"noticegraph: {error.reason}", file=sys.stderr)
        return NOTHING
    except OSError as error:
        print(f"noticegraph: {error.filename or args.out}: {error.strerror}", file=sys.stderr)
        return NOTHING
    print(f"noticegraph: report of {summary.notices} notices ({summary.windows} suspension windows, "
          f"{summary.calendars} calendars) written to {args.out}", file=sys.stderr)
    return OK if summary.notices else NOTHING


def _run_build(args: argparse.Namespace) -> int:
    from extractors.errors import NoticeError
    from noticegraph.batch import BatchReport, extract_files
    from noticegraph.inputs import notice_files
    from noticegraph.publish import publish

    report = BatchReport()
    facts = extract_files(notice_files(args.paths), report, progress=not args.quiet)
    try:
        published = publish(facts, args.store, validate=not args.no_validate)
    except NoticeError as error:
        print(f"noticegraph: {error.reason}", file=sys.stderr)
        return NOTHING
    for source, problem in published.refused:
        print(f"noticegraph: {source}: not loaded, {problem}", file=sys.stderr)
    if not args.quiet:
        print(f"{report.summary()}, {published.loaded} loaded into {args.store}, {published.events} events",
              file=sys.stderr)
    if published.loaded == 0:
        return NOTHING
    return SOME_FAILED if report.failures or published.refused else OK


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
