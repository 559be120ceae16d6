"""Review pages: every evidence sentence highlighted in place, its element holding exactly oa:exact."""
from __future__ import annotations

from pathlib import Path

import pytest

from noticegraph.report.data import Evidence
from noticegraph.report.review import Segment, segments
from tests.noticegraph.report.conftest import evidence_quotes, sparql


def ev(start: int, end: int, text: str) -> Evidence:
    return Evidence(f"n#ev-{start}-{end}", "n", start, end, text[start:end], "")


TEXT = "甲乙丙。丁戊己。庚辛。"
# fmt: off
SEGMENTS = [
    ("none", [], [("甲乙丙。丁戊己。庚辛。", False)]),
    ("middle", [(4, 8)], [("甲乙丙。", False), ("丁戊己。", True), ("庚辛。", False)]),
    ("adjacent, given out of order", [(4, 8), (0, 4)], [("甲乙丙。", True), ("丁戊己。", True), ("庚辛。", False)]),
    ("whole text", [(0, 11)], [("甲乙丙。丁戊己。庚辛。", True)]),
    ("overlap left plain", [(0, 6), (4, 8)], [("甲乙丙。丁戊", True), ("己。庚辛。", False)]),
    ("past the end left plain", [(8, 40)], [("甲乙丙。丁戊己。庚辛。", False)]),
]
# fmt: on


@pytest.mark.parametrize(("name", "spans", "expected"), SEGMENTS, ids=[s[0] for s in SEGMENTS])
def test_review_segments(name: str, spans: list, expected: list) -> None:
    found = segments(TEXT, [ev(s, e, TEXT) for s, e in spans])
    assert [(s.text, s.evidence is not None) for s in found] == expected
    assert "".join(s.text for s in found) == TEXT
    assert all(s.text == s.evidence.exact for s in found if isinstance(s, Segment) and s.evidence)


def test_review_every_evidence_is_highlighted_with_its_quote(report_dir: Path, corpus_store) -> None:
    from lxml import html

    quotes = evidence_quotes(corpus_store)
    pages: dict[str, object] = {}
    for (file_name, fragment), exact in quotes.items():
        if file_name not in pages:
            pages[file_name] = html.parse(str(report_dir / "review" / f"{file_name}.html")).getroot()
        marks = pages[file_name].xpath(f"//*[@id='{fragment}']")
        assert len(marks) == 1 and marks[0].tag == "mark"
        assert marks[0].text_content() == exact


def test_review_page_text_is_the_notice_text(report_dir: Path, corpus_store) -> None:
    from lxml import html

    rows = sparql(corpus_store, "SELECT ?file ?text WHERE { ?n a ng:Notice ; ng:fileName ?file ; schema:text ?text }")
    assert rows
    for row in rows:
        page = html.parse(str(report_dir / "review" / f"{row['file']}.html")).getroot()
        assert page.xpath("//div[@class='text']")[0].text_content() == row["text"]


def test_review_lists_every_fact_with_a_link_to_its_highlight(report_dir: Path, corpus_store) -> None:
    from lxml import html

    rows = sparql(corpus_store, """SELECT ?file (COUNT(DISTINCT ?f) AS ?n) WHERE {
        ?f ng:statedIn ?notice ; ng:evidence ?e . ?notice ng:fileName ?file } GROUP BY ?file""")
    for row in rows:
        page = html.parse(str(report_dir / "review" / f"{row['file']}.html")).getroot()
        items = page.xpath("//aside[@class='facts']//li")
        assert len(items) == int(row["n"])
        for item in items:
            fragment = item.xpath(".//a")[-1].get("href").removeprefix("#")
            assert page.xpath(f"//mark[@id='{fragment}']")


def test_review_escapes_markup_in_notice_text() -> None:
    from noticegraph.report.data import Notice, Region, ReportData
    from noticegraph.report.render import render
    from noticegraph.report.review import page_context

    text = "<script>alert(1)</script>&停机。"
    notice = Notice("n", "x.txt", "<b>标题</b>", "", "", "370000", text)
    start = text.index("停")
    evidence = ev(start, len(text), text)
    data = ReportData({"n": notice}, {"370000": Region("370000", "山东省", "370000")}, {}, [], {evidence.iri: evidence})
    page = render("review.html", **page_context(data, notice)).decode("utf-8")
    assert "<script>" not in page and "<b>标题" not in page
    assert f'<mark class="ev" id="ev-{start}-{len(text)}">停机。</mark>' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&amp;" in page


# fmt: off
PAGE_NAMES = [
    ("000_d7652f1d30021301.txt", "review/000_d7652f1d30021301.txt.html", "review/000_d7652f1d30021301.txt.html"),
    ("a b.html", "review/a b.html.html", "review/a%20b.html.html"),
    ("公告#1.txt", "review/公告#1.txt.html", "review/%E5%85%AC%E5%91%8A%231.txt.html"),
]
# fmt: on


@pytest.mark.parametrize(("file_name", "page_file", "link"), PAGE_NAMES, ids=[p[0] for p in PAGE_NAMES])
def test_review_page_file_and_its_link(file_name: str, page_file: str, link: str) -> None:
    from urllib.parse import unquote

    from noticegraph.report.data import Notice

    notice = Notice("n", file_name, "", "", "", "370000", "")
    assert (notice.page_file, notice.page) == (page_file, link)
    assert unquote(notice.page) == notice.page_file
