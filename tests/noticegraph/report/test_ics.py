"""Calendars: parsed back with icalendar, one event per window of the region (a province's include its
cities'), times at +08:00, UIDs the window IRIs."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.noticegraph.report.conftest import sparql

WINDOWS_BY_REGION = """SELECT ?code ?w ?open WHERE {
    ?w a ng:SuspensionWindow ; ng:statedIn ?n . ?n ng:region ?region .
    OPTIONAL { ?w ng:openEnded ?open }
    { ?region <http://www.w3.org/2004/02/skos/core#notation> ?code }
    UNION { ?region schema:containedInPlace ?province . ?province <http://www.w3.org/2004/02/skos/core#notation> ?code }
}"""


@pytest.fixture(scope="module")
def expected(corpus_store) -> dict[str, set[str]]:
    """Region code → the IRIs of the windows its calendar must hold (by SPARQL, not by the report's code)."""
    found: dict[str, set[str]] = {}
    for row in sparql(corpus_store, WINDOWS_BY_REGION):
        found.setdefault(row["code"], set()).add(row["w"])
    return found


def events(path: Path) -> list:
    from icalendar import Calendar

    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_ics_one_calendar_per_region_with_windows(report_dir: Path, expected: dict) -> None:
    assert sorted(p.stem for p in (report_dir / "calendar").glob("*.ics")) == sorted(expected)


def test_ics_events_are_the_regions_windows(report_dir: Path, expected: dict) -> None:
    for code, windows in expected.items():
        found = [str(event["UID"]) for event in events(report_dir / "calendar" / f"{code}.ics")]
        assert len(found) == len(set(found)) == len(windows), code
        assert set(found) == windows


def test_ics_times_are_china_time(report_dir: Path) -> None:
    for path in (report_dir / "calendar").glob("*.ics"):
        for event in events(path):
            for name in ("DTSTART", "DTEND"):
                if name in event:
                    assert event.decoded(name).utcoffset() == timedelta(hours=8), (path.name, name)


def test_ics_summary_and_description(report_dir: Path, corpus_store) -> None:
    quotes = {row["w"]: (row["exact"], row.get("open") == "true") for row in sparql(corpus_store, """
        SELECT ?w ?exact ?open WHERE { ?w a ng:SuspensionWindow ; ng:evidence/oa:hasSelector/oa:exact ?exact .
        OPTIONAL { ?w ng:openEnded ?open } }""")}
    assert any(is_open for _, is_open in quotes.values()), "the corpus has an open-ended window"
    for path in (report_dir / "calendar").glob("*.ics"):
        for event in events(path):
            exact, is_open = quotes[str(event["UID"])]
            assert exact in str(event["DESCRIPTION"])
            assert ("结束时间未定" in str(event["SUMMARY"])) == is_open
            assert ("DTEND" in event) != is_open
            assert any("\u4e00" <= c <= "\u9fff" for c in str(event["SUMMARY"]))


def test_ics_is_deterministic(report_data) -> None:
    from noticegraph.report.ics import calendars

    assert calendars(report_data) == calendars(report_data)


def test_ics_cancels_a_window_a_later_notice_revised(revised_store: Path, tmp_path: Path) -> None:
    """Qingdao's 2月26日–3月20日24时 window, extended by the follow-up notice: CANCELLED in the calendar, the
    extended window confirmed beside it."""
    from noticegraph.cli import OK, main

    assert main(["report", "--store", str(revised_store), "--out", str(tmp_path / "report")]) == OK
    found = {(e.decoded("dtend").date().isoformat(), str(e.get("status", ""))): str(e["summary"])
             for e in events(tmp_path / "report" / "calendar" / "370000.ics")}
    assert set(found) == {("2022-03-21", "CANCELLED"), ("2022-04-01", "")}
    assert found[("2022-03-21", "CANCELLED")].startswith("（已被后续通告调整）")
