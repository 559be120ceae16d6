"""The tables as CSV: UTF-8 with BOM, one row per fact (the store's count), every row linked to its evidence;
the matrix's province rows include their cities."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.noticegraph.report.conftest import evidence_quotes, sparql

# fmt: off
FACT_TABLES = [
    # CSV, the SPARQL pattern of the facts it lists (one row each)
    ("windows.csv", "?f a ng:SuspensionWindow"),
    ("channels.csv", "?f a ng:ChannelStatement ; ng:status <https://w3id.org/noticegraph/id/status/available>"),
    ("payments.csv", "?f a ng:AdvancePayment"),
    ("deadlines.csv", "?f a ng:Deadline"),
]
# fmt: on


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.mark.parametrize(("name", "pattern"), FACT_TABLES, ids=[t[0] for t in FACT_TABLES])
def test_csv_one_row_per_fact_each_linked_to_its_quote(name: str, pattern: str, report_dir: Path,
                                                       corpus_store) -> None:
    rows = read_csv(report_dir / name)
    expected = sparql(corpus_store, f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ {pattern} ; ng:statedIn ?x }}")
    assert len(rows) == int(expected[0]["n"]) > 0
    quotes = evidence_quotes(corpus_store)
    for row in rows:
        page, _, fragment = row["evidence"].partition("#")
        file_name = page.removeprefix("review/").removesuffix(".html")
        assert (report_dir / page).is_file()
        assert quotes[(file_name, fragment)].startswith(row["原文"].removesuffix("…"))


def test_csv_matrix_has_every_service_line_and_region(report_dir: Path, report_data) -> None:
    rows = read_csv(report_dir / "services.csv")
    regions = report_data.regions
    assert [r["代码"] for r in rows] == sorted(regions, key=lambda c: (regions[c].province, c != regions[c].province, c))
    assert list(rows[0])[2:-1] == [label for _, label in report_data.services]


def statuses(cell: str) -> set[str]:
    return {part.strip() for part in cell.split("/") if part.strip() not in ("", "—")}


def test_csv_matrix_cells_are_what_the_notices_state(report_dir: Path, corpus_store, report_data) -> None:
    """Each cell holds the statuses stated for that service by the region's notices (and, for a province, by
    its cities' notices); both when both are stated; — when none is."""
    stated = sparql(corpus_store, """SELECT DISTINCT ?region ?province ?service ?status WHERE {
        ?s a ng:ServiceStatement ; ng:statedIn ?n ; ng:service ?service ; ng:status ?st .
        ?st <http://www.w3.org/2004/02/skos/core#prefLabel> ?status FILTER(LANG(?status) = "zh")
        ?n ng:region ?region . ?region schema:containedInPlace* ?province .
        FILTER NOT EXISTS { ?province schema:containedInPlace ?above } }""")
    labels = {key: label for key, label in report_data.services}
    expected: dict[tuple[str, str], set[str]] = {}
    for row in stated:
        for region in {row["region"], row["province"]}:
            expected.setdefault((region.rpartition("/")[2], labels[row["service"].rpartition("/")[2]]),
                                set()).add(row["status"])
    found = {(row["代码"], column): statuses(row[column]) for row in read_csv(report_dir / "services.csv")
             for column in labels.values()}
    assert {cell: value for cell, value in found.items() if value} == expected
    assert any(len(value) == 2 for value in found.values()), "the corpus has services stated both ways"


def test_html_matrix_every_stated_cell_links_to_a_quote_of_that_service(report_dir: Path, corpus_store) -> None:
    from lxml import html

    quotes = evidence_quotes(corpus_store)
    table = html.parse(str(report_dir / "index.html")).getroot().get_element_by_id("table-services")
    cells = table.xpath(".//td[contains(@class, 'suspended') or contains(@class, 'available') "
                        "or contains(@class, 'both')]")
    assert cells
    for cell in cells:
        links = cell.xpath(".//a")
        assert len(links) == (2 if "both" in cell.get("class") else 1)
        for link in links:
            page, _, fragment = link.get("href").partition("#")
            assert (page.removeprefix("review/").removesuffix(".html"), fragment) in quotes
    for cell in table.xpath(".//td[contains(@class, 'not-stated')]"):
        assert cell.xpath(".//a") == [] and cell.text_content() == "—"


def test_csv_events_one_row_per_event_window_linked_to_every_claim(report_dir: Path, corpus_store) -> None:
    rows = read_csv(report_dir / "events.csv")
    expected = sparql(corpus_store, """SELECT ?w (COUNT(DISTINCT ?claim) AS ?claims) WHERE {
        GRAPH <https://w3id.org/noticegraph/graph/events> { ?w a ng:EventWindow ; ng:claim ?claim } } GROUP BY ?w""")
    assert len(rows) == len(expected) > 0
    assert sorted(len(row["evidence"].split()) for row in rows) == sorted(int(r["claims"]) for r in expected)
    quotes = evidence_quotes(corpus_store)
    for row in rows:
        for link in row["evidence"].split():
            page, _, fragment = link.partition("#")
            assert (report_dir / page).is_file()
            assert (page.removeprefix("review/").removesuffix(".html"), fragment) in quotes


def test_csv_events_show_the_shandong_window_both_cities_state(report_dir: Path) -> None:
    shandong = [row for row in read_csv(report_dir / "events.csv") if row["事件"].startswith("370000-")]
    agreed = [row for row in shandong if row["一致公告数"] == "2"]
    assert [(row["依据"], row["状态"]) for row in agreed] == [("济南市 / 青岛市", "现行")]


@pytest.mark.parametrize(("superseded", "supersedes", "conflicting", "state"), [
    (False, False, False, "现行"), (True, False, False, "已被取代"), (False, True, False, "改期后"),
    (False, False, True, "现行，有冲突"), (True, True, False, "已被取代"),
])
def test_event_state(superseded: bool, supersedes: bool, conflicting: bool, state: str) -> None:
    import datetime as dt

    from noticegraph.report.data import EventWindow
    from noticegraph.report.tables import event_state

    window = EventWindow("e", "370000", 1, "e#window-1", dt.datetime(2022, 2, 26), None, 1, supersedes, superseded,
                         conflicting, ())
    assert event_state(window) == state
