"""Events: notices of one outage reconciled (noticegraph/events, ontology/event_graph.py)."""
from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from noticegraph.events.claims import NoticeClaims, StatusClaim, WindowClaim, says_revision
from noticegraph.events.reconcile import Event, reconcile

ROOT = Path(__file__).resolve().parents[2]
FOLLOWUP = ROOT / "tests" / "data" / "followup"
R = "https://w3id.org/noticegraph/id/region/"
S = "https://w3id.org/noticegraph/id/service/"
ST = "https://w3id.org/noticegraph/id/status/"


def at(text: str) -> dt.datetime:
    """``"02-26 00"`` -> 2022-02-26T00:00+08:00."""
    return dt.datetime.fromisoformat(f"2022-{text[:5]}T{text[6:]}:00:00+08:00")


def notice(name: str, windows: list[str], published: str = "02-18 10", province: str = "370000",
           systems: tuple[str, ...] = ("social_insurance",), revision: bool = False,
           statuses: tuple[tuple[str, str], ...] = ()) -> NoticeClaims:
    """A notice's claims; a window is ``"02-26 00/03-21 00"`` (``"02-21 00/"`` is open-ended)."""
    claims = []
    for i, window in enumerate(windows, 1):
        start, end = window.split("/")
        claims.append(WindowClaim(f"{name}#window-{i}", name, at(start), at(end) if end else None))
    said = tuple(StatusClaim(f"{name}#service-{i}", name, ("service", S + service), ST + status)
                 for i, (service, status) in enumerate(statuses, 1))
    return NoticeClaims(name, R + province, R + province, at(published), revision, frozenset(systems),
                        tuple(claims), said)


def summary(event: Event) -> tuple:
    """(sources, [(window, agreement, state)]) with state current / superseded / conflict."""
    windows = []
    for version in event.windows:
        state = "superseded" if version.superseded_by else "conflict" if version.conflicts else "current"
        end = version.end.strftime("%m-%d %H") if version.end else ""
        windows.append((f"{version.start:%m-%d %H}/{end}", len(version.notices), state))
    return sorted(source.notice for source in event.sources), windows


JINAN = notice("jinan", ["02-26 00/03-21 00", "02-21 00/"], published="02-19 23")
QINGDAO = notice("qingdao", ["02-26 00/03-21 00"])
# fmt: off
CASES = {
    "two cities, one provincial switchover": (
        [JINAN, QINGDAO],
        [(["jinan", "qingdao"], [("02-21 00/", 1, "current"), ("02-26 00/03-21 00", 2, "current")])]),
    "another province is another event": (
        [QINGDAO, notice("zhengzhou", ["02-26 00/03-21 00"], province="410000")],
        [(["qingdao"], [("02-26 00/03-21 00", 1, "current")]), (["zhengzhou"], [("02-26 00/03-21 00", 1, "current")])]),
    "another system of the province is another event": (
        [QINGDAO, notice("medical", ["02-26 00/03-21 00"], systems=("medical_insurance",))],
        [(["medical"], [("02-26 00/03-21 00", 1, "current")]), (["qingdao"], [("02-26 00/03-21 00", 1, "current")])]),
    "a notice naming no system joins by time": (
        [QINGDAO, notice("repost", ["02-26 00/03-21 00"], systems=())],
        [(["qingdao", "repost"], [("02-26 00/03-21 00", 2, "current")])]),
    "windows apart in time are two outages": (
        [QINGDAO, notice("later", ["06-01 00/06-10 00"], published="05-20 10")],
        [(["qingdao"], [("02-26 00/03-21 00", 1, "current")]), (["later"], [("06-01 00/06-10 00", 1, "current")])]),
    "a later revising notice extends the window": (
        [JINAN, QINGDAO, notice("extension", ["02-26 00/04-01 00"], published="03-15 10", revision=True)],
        [(["extension", "jinan", "qingdao"], [("02-21 00/", 1, "current"), ("02-26 00/03-21 00", 2, "superseded"),
                                              ("02-26 00/04-01 00", 1, "current")])]),
    "a later revising notice postpones the window": (
        [QINGDAO, notice("postponed", ["03-05 00/03-28 00"], published="02-24 10", revision=True)],
        [(["postponed", "qingdao"], [("02-26 00/03-21 00", 1, "superseded"), ("03-05 00/03-28 00", 1, "current")])]),
    "a later revising notice ends the window early": (
        [QINGDAO, notice("early-end", ["02-26 00/03-15 00"], published="03-10 10", revision=True)],
        [(["early-end", "qingdao"], [("02-26 00/03-15 00", 1, "current"), ("02-26 00/03-21 00", 1, "superseded")])]),
    "a later notice with another end but no revision conflicts": (
        [QINGDAO, notice("other", ["02-26 00/03-25 00"], published="02-20 10")],
        [(["other", "qingdao"], [("02-26 00/03-21 00", 1, "conflict"), ("02-26 00/03-25 00", 1, "conflict")])]),
    "an earlier notice cannot supersede a later one": (
        [QINGDAO, notice("early", ["02-26 00/03-25 00"], published="02-10 10", revision=True)],
        [(["early", "qingdao"], [("02-26 00/03-21 00", 1, "conflict"), ("02-26 00/03-25 00", 1, "conflict")])]),
    "one notice's phases sharing a start are not rivals": (
        [notice("phases", ["07-24 18/07-27 00", "07-24 18/08-13 00"])],
        [(["phases"], [("07-24 18/07-27 00", 1, "current"), ("07-24 18/08-13 00", 1, "current")])]),
}
# fmt: on


@pytest.mark.parametrize(("notices", "expected"), CASES.values(), ids=CASES.keys())
def test_reconcile(notices: list[NoticeClaims], expected: list[tuple]) -> None:
    assert sorted(summary(event) for event in reconcile(notices)) == sorted(expected)


def test_reconcile_needs_a_province_and_a_window() -> None:
    placeless = NoticeClaims("nowhere", None, None, None, False, frozenset(), QINGDAO.windows, ())
    assert reconcile([placeless, notice("no-window", [])]) == []


# fmt: off
STATUS_CASES = {
    "same status agrees":          ([("contribution", "available")], [("contribution", "available")], False),
    "opposite statuses conflict":  ([("contribution", "available")], [("contribution", "suspended")], True),
    "a notice saying both is not a rival": ([("pension", "available"), ("pension", "suspended")],
                                            [("pension", "suspended")], False),
}
# fmt: on


@pytest.mark.parametrize(("first", "second", "conflict"), STATUS_CASES.values(), ids=STATUS_CASES.keys())
def test_reconcile_statuses(first: list, second: list, conflict: bool) -> None:
    notices = [notice("a", ["02-26 00/03-21 00"], statuses=tuple(first)),
               notice("b", ["02-26 00/03-21 00"], statuses=tuple(second))]
    [event] = reconcile(notices)
    assert event.has_conflict is conflict
    assert all(len(group.notices) == len({c.notice for c in group.claims}) for group in event.statuses)


@pytest.mark.parametrize(("text", "expected"), [
    ("关于延长山东省社会保险信息系统停机时间的通告", True),
    ("停机时间調整為2022年2月26日0時至3月31日24時", True),          # Traditional script
    ("原定于3月20日24时结束的停机推迟结束", True),
    ("山东省社会保险信息系统将于2022年2月26日0时至3月20日24时停机", False),
])
def test_says_revision(text: str, expected: bool) -> None:
    assert says_revision(text) is expected


# --- in the store ----------------------------------------------------------------------------

def rows(store_dir: Path, query: str) -> list[dict]:
    from noticegraph.cli import OK, main

    out = store_dir.parent / "answer.csv"
    assert main(["query", query, "--store", str(store_dir), "-o", str(out)]) == OK
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def followup_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus and a follow-up notice that extends Shandong's window, built into a store."""
    from noticegraph.cli import OK, main

    store = tmp_path_factory.mktemp("followup") / "store"
    assert main(["build", str(ROOT / "corpus"), str(FOLLOWUP), "--store", str(store), "-q"]) == OK
    return store


def shandong(answer: list[dict]) -> list[dict]:
    return [row for row in answer if row["province"] == "370000"]


def test_jinan_and_qingdao_give_one_shandong_event(built_corpus: tuple[Path, Path]) -> None:
    answer = shandong(rows(built_corpus[0], "compare_event_sources"))
    assert len({row["event"] for row in answer}) == 1
    assert {row["region_name"] for row in answer} == {"济南市", "青岛市"}
    assert {row["source"].rsplit("/", 1)[-1][:3] for row in answer} == {"000", "002"}


def test_both_notices_agree_on_the_shandong_window(built_corpus: tuple[Path, Path]) -> None:
    answer = shandong(rows(built_corpus[0], "compare_event_windows"))
    agreed = [row for row in answer if row["current_start"].startswith("2022-02-26T00:00")]
    assert [(row["current_end"], row["agreement"], row["status"]) for row in agreed] == [
        ("2022-03-21T00:00:00+08:00", "2", "https://schema.org/EventScheduled")]


def test_a_followup_supersedes_the_window_it_extends(followup_store: Path) -> None:
    answer = shandong(rows(followup_store, "compare_event_windows"))
    [extended] = [row for row in answer if row["current_start"].startswith("2022-02-26T00:00")]
    assert extended["current_end"] == "2022-04-01T00:00:00+08:00"          # what the follow-up says
    assert extended["original_end"] == "2022-03-21T00:00:00+08:00"         # what Jinan and Qingdao said
    assert extended["status"] == "https://schema.org/EventRescheduled"
    assert {row["sources"] for row in answer} == {"3"}


def test_the_superseded_window_keeps_its_claims(followup_store: Path) -> None:
    query = """PREFIX ng: <https://w3id.org/noticegraph/ontology#>
    PREFIX schema: <https://schema.org/>
    SELECT DISTINCT ?old ?claims ?end ?new_end ?previous_end WHERE {
      ?old ng:supersededBy ?new ; ng:agreement ?claims ; schema:endDate ?end .
      ?new schema:endDate ?new_end ; ng:previousEndDate ?previous_end .
    }"""
    [row] = rows(followup_store, query)
    assert (row["claims"], row["end"], row["new_end"], row["previous_end"]) == (
        "2", "2022-03-21T00:00:00+08:00", "2022-04-01T00:00:00+08:00", "2022-03-21T00:00:00+08:00")


def test_events_graph_conforms_to_the_shapes(followup_store: Path) -> None:
    from noticegraph.store import open_store, stored_graph
    from ontology.event_graph import EVENTS_GRAPH
    from ontology.validation import validate

    graph = stored_graph(open_store(followup_store, read_only=True), EVENTS_GRAPH)
    assert len(graph) > 0
    conforms, report = validate(graph)
    assert conforms, report


def test_rebuilding_events_gives_the_same_graph(followup_store: Path, tmp_path: Path) -> None:
    import shutil

    from noticegraph.events import rebuild_events
    from noticegraph.store import open_store, stored_graph
    from ontology.event_graph import EVENTS_GRAPH

    copy = tmp_path / "store"
    shutil.copytree(followup_store, copy)
    store = open_store(copy)
    before = set(stored_graph(store, EVENTS_GRAPH))
    rebuild_events(store)
    assert set(stored_graph(store, EVENTS_GRAPH)) == before


def test_a_traditional_script_copy_joins_the_event_it_copies(tmp_path: Path) -> None:
    from opencc import OpenCC

    from noticegraph.cli import OK, main

    qingdao = ROOT / "corpus" / "002_975000b3fb2f80f3.txt"
    copy = tmp_path / "copies" / "qingdao-hant.txt"
    copy.parent.mkdir()
    copy.write_text(OpenCC("s2t").convert(qingdao.read_text(encoding="utf-8")), encoding="utf-8")
    store = tmp_path / "store"
    assert main(["build", str(ROOT / "corpus"), str(copy.parent), "--store", str(store), "--no-validate", "-q"]) == OK
    answer = shandong(rows(store, "compare_event_windows"))
    [agreed] = [row for row in answer if row["current_start"].startswith("2022-02-26T00:00")]
    assert (agreed["sources"], agreed["agreement"]) == ("3", "3")
