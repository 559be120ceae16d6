"""SPARQL over RDF files, with Oxigraph (pyoxigraph) as the query engine."""
from __future__ import annotations

from pathlib import Path

from extractors.errors import NoticeError

RDF_FORMATS = {".nt": "N_TRIPLES", ".nq": "N_QUADS", ".ttl": "TURTLE", ".trig": "TRIG",
               ".rdf": "RDF_XML", ".owl": "RDF_XML", ".jsonld": "JSON_LD", ".json": "JSON_LD"}
RESULT_FORMATS = {"csv": "CSV", "tsv": "TSV", "json": "JSON", "xml": "XML"}
QUERIES = Path(__file__).resolve().parent.parent / "ontology" / "queries"


def query_text(query: str) -> str:
    """The SPARQL of a ``.rq`` path, a shipped query's name (``cq2``) or the query itself."""
    path = Path(query)
    if query.endswith(".rq") or (path.suffix == "" and len(query) < 200 and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise NoticeError("E105", f"{query}: {error.strerror}") from error
    shipped = sorted(QUERIES.glob(f"{query}_*.rq")) + sorted(QUERIES.glob(f"{query}.rq"))
    if shipped and " " not in query:
        return shipped[0].read_text(encoding="utf-8")
    return query


def load_store(files: list[Path]):
    """An in-memory Oxigraph store holding every file (named graphs kept)."""
    import pyoxigraph as ox

    store = ox.Store()
    for path in files:
        fmt = RDF_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise NoticeError("E106", f"{path}: unknown RDF format {path.suffix!r}")
        try:
            with path.open("rb") as stream:
                store.bulk_load(stream, format=getattr(ox.RdfFormat, fmt))
        except (OSError, SyntaxError, ValueError) as error:
            raise NoticeError("E105", f"{path}: {error}") from error
    return store


def run_query(store, sparql: str, result_format: str) -> bytes:
    """Results of a SELECT/ASK (in ``result_format``) or a CONSTRUCT/DESCRIBE (N-Triples)."""
    import pyoxigraph as ox

    try:
        results = store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise NoticeError("E107", f"malformed query: {error}") from error
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
    fmt = getattr(ox.QueryResultsFormat, RESULT_FORMATS[result_format])
    return results.serialize(format=fmt) or b""


def select_rows(store, query_file: Path) -> list[dict[str, str]]:
    """The rows of the SELECT in ``query_file`` over the store's graphs (union as default graph), as dicts of
    plain strings; unbound variables are left out."""
    results = store.query(query_file.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    names = [v.value for v in results.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in results]
