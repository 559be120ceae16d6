"""The timeline: its pure layout on hand-made windows, then the corpus's SVG and PNG."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from noticegraph.report.data import Evidence, Notice, Region, ReportData, Window
from noticegraph.report.timeline import LABELS, MARGIN, MAX_TICKS, WIDTH, bar_label, layout
from tests.noticegraph.report.conftest import sparql, window_count

REGIONS = {r.code: r for r in (Region("370000", "山东省", "370000"), Region("370100", "济南市", "370000"),
                               Region("370200", "青岛市", "370000"), Region("420000", "湖北省", "420000"))}


def moment(text: str) -> datetime:
    return datetime.fromisoformat(f"{text}+08:00")


def window(index: int, code: str, start: str, end: str | None = None, **flags: bool) -> Window:
    notice = f"https://example.org/notice/{code}.txt"
    evidence = Evidence(f"{notice}#ev-{index}-{index + 1}", notice, index, index + 1, "句", f"review/{code}.txt.html")
    return Window(f"{notice}#window-{index}", notice, evidence, start=moment(start),
                  end=moment(end) if end else None, open_ended=end is None, vague=flags.get("vague", False),
                  tentative=flags.get("tentative", False), services=())


def report_of(*windows: Window) -> ReportData:
    notices = {w.notice: Notice(w.notice, w.notice.rpartition("/")[2], "", "", "", w.notice.rpartition("/")[2][:6], "")
               for w in windows}
    return ReportData(notices, REGIONS, {}, [], {w.evidence.iri: w.evidence for w in windows}, windows=list(windows))


# fmt: off
LAYOUTS = [
    # windows (region, start, end), panels' provinces, lanes' regions per panel, axis per panel
    ("one closed window fills its days",
     [("370100", "2022-02-26T00:00", "2022-03-21T00:00")],
     ["370000"], [["370100"]], [("2022-02-26T00:00", "2022-03-21T00:00")]),
    ("hours round out to whole days",
     [("420000", "2022-04-29T20:00", "2022-05-19T08:00")],
     ["420000"], [["420000"]], [("2022-04-29T00:00", "2022-05-20T00:00")]),
    ("province first, then its cities in code order",
     [("370200", "2022-02-26T00:00", "2022-03-21T00:00"), ("370000", "2022-02-21T00:00", "2022-02-22T00:00"),
      ("370100", "2022-02-26T00:00", "2022-03-21T00:00")],
     ["370000"], [["370000", "370100", "370200"]], [("2022-02-21T00:00", "2022-03-21T00:00")]),
    ("one panel and one axis per province, years apart",
     [("420000", "2022-06-22T18:00", "2022-07-25T08:30"), ("370100", "2020-07-17T00:00", "2020-07-24T18:00")],
     ["370000", "420000"], [["370100"], ["420000"]],
     [("2020-07-17T00:00", "2020-07-25T00:00"), ("2022-06-22T00:00", "2022-07-26T00:00")]),
]
# fmt: on


@pytest.mark.parametrize(("name", "windows", "provinces", "lanes", "axes"), LAYOUTS, ids=[c[0] for c in LAYOUTS])
def test_timeline_layout(name: str, windows: list, provinces: list, lanes: list, axes: list) -> None:
    panels = layout(report_of(*(window(i, *w) for i, w in enumerate(windows))))
    assert [p.province.code for p in panels] == provinces
    assert [[b.region.code for b in p.bars] for p in panels] == lanes
    assert [(p.start, p.end) for p in panels] == [(moment(a), moment(b)) for a, b in axes]
    for panel in panels:
        assert len(panel.ticks) <= MAX_TICKS + 1
        assert len({b.y for b in panel.bars}) == len(panel.bars)          # one lane per bar
        for bar in panel.bars:
            assert bar.x >= LABELS and bar.x + bar.width <= WIDTH - MARGIN + 0.2


def test_timeline_open_window_reaches_the_panel_end_with_room_after_the_last_date() -> None:
    panels = layout(report_of(window(0, "370100", "2022-02-21T00:00"),
                              window(1, "370100", "2022-02-26T00:00", "2022-03-21T00:00")))
    open_bar, closed_bar = panels[0].bars
    assert open_bar.marks == ("open",) and closed_bar.marks == ()
    assert open_bar.x + open_bar.width == pytest.approx(WIDTH - MARGIN, abs=0.2)
    assert closed_bar.x + closed_bar.width < WIDTH - MARGIN - 40
    assert (panels[0].end - moment("2022-03-21T00:00")).days >= 3


# fmt: off
LABELS_CASES = [
    (("2022-02-26T00:00", "2022-03-21T00:00"), {}, "2月26日–3月21日"),
    (("2020-07-24T18:00", "2020-08-12T18:00"), {}, "7月24日18:00–8月12日18:00"),
    (("2022-02-21T00:00", None), {}, "2月21日 起（未定结束）"),
    (("2022-06-21T00:00", "2022-08-01T00:00"), {"tentative": True, "vague": True}, "6月21日–8月1日（预计，时间约略）"),
    (("2022-06-21T00:00", "2022-08-01T00:00"), {"tentative": True}, "6月21日–8月1日（预计）"),
]
# fmt: on


@pytest.mark.parametrize(("span", "flags", "label"), LABELS_CASES, ids=[c[2] for c in LABELS_CASES])
def test_timeline_bar_label(span: tuple, flags: dict, label: str) -> None:
    assert bar_label(window(0, "370100", *span, **flags)) == label


def test_timeline_marks_tentative_and_vague_windows() -> None:
    vague = window(0, "420000", "2022-06-21T00:00", "2022-08-01T00:00", tentative=True, vague=True)
    bar = layout(report_of(vague))[0].bars[0]
    assert bar.marks == ("tentative", "vague")


def test_timeline_corpus_one_bar_per_window_in_each_province(corpus_store, report_data) -> None:
    rows = sparql(corpus_store, """SELECT ?province (COUNT(DISTINCT ?w) AS ?n) WHERE {
        ?w a ng:SuspensionWindow ; ng:statedIn ?notice . ?notice ng:region/schema:containedInPlace* ?province .
        FILTER NOT EXISTS { ?province schema:containedInPlace ?above } } GROUP BY ?province""")
    expected = {row["province"].rpartition("/")[2]: int(row["n"]) for row in rows}
    panels = layout(report_data)
    assert {p.province.code: len(p.bars) for p in panels} == expected
    assert sum(expected.values()) == window_count(corpus_store)


def test_timeline_corpus_svg_bars_link_to_their_evidence(report_dir: Path, corpus_store) -> None:
    from lxml import html

    page = html.parse(str(report_dir / "index.html")).getroot()
    bars = page.xpath("//svg[contains(@class, 'timeline')]//rect[contains(@class, 'bar')]")
    assert len(bars) == window_count(corpus_store)
    rows = sparql(corpus_store, """SELECT ?w ?file ?start ?end WHERE { ?w a ng:SuspensionWindow ; ng:statedIn ?n ;
        ng:evidence/oa:hasSelector ?pos . ?pos oa:start ?start ; oa:end ?end . ?n ng:fileName ?file }""")
    expected = {r["w"]: f"review/{r['file']}.html#ev-{r['start']}-{r['end']}" for r in rows}
    assert {bar.get("data-window"): bar.getparent().get("href") for bar in bars} == expected


def test_timeline_png_is_written(report_dir: Path) -> None:
    data = (report_dir / "timeline.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


def test_timeline_png_without_a_cjk_font_labels_with_codes_only(report_data) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    from noticegraph.report.timeline import _draw_panel

    for panel in layout(report_data):
        figure, ax = plt.subplots()
        _draw_panel(ax, panel, cjk=False)
        texts = [t.get_text() for t in ax.texts] + [t.get_text() for t in ax.get_yticklabels()] + [ax.get_title("left")]
        plt.close(figure)
        assert all(text.isascii() for text in texts), texts
        assert {b.region.code for b in panel.bars} <= {t.get_text() for t in ax.get_yticklabels()}


def test_timeline_marks_the_windows_a_later_notice_revised(revised_store) -> None:
    """Qingdao's window, extended by the follow-up notice, is drawn as superseded; the extended one is not."""
    from noticegraph.report.data import load
    from noticegraph.report.timeline import layout, svg
    from noticegraph.store import open_store

    [panel] = layout(load(open_store(revised_store, read_only=True)))
    assert sorted((bar.window.end.date().isoformat(), bar.superseded) for bar in panel.bars) == [
        ("2022-03-21", True), ("2022-04-01", False)]
    assert svg(panel).count('class="bar superseded"') == 1
