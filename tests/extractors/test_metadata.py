"""extractors.metadata: titles, outlets, publication times and signature dates."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from extractors.metadata import (BEIJING, cut_site_name, dateline_date, issuer_line, labelled_date, parse_datetime,
                                 signature_date, url_date)
from extractors.loading import document_from_bytes
from tests.extractors.test_loading import DEV_NOTICES, ROOT, dev_document, dev_path

# fmt: off
DEV = {  # name: (title, published date, published_from, signed)
    "000_d7652f1d30021301.txt": ("社保系统将于26日停机迁移数据哪些业务受影响_官方解答您关心的问题", "2022-02-19", "front_matter", None),
    "001_b658c26c8a215697.txt": (None, None, None, None),
    "002_975000b3fb2f80f3.txt": ("养老保险进入“全国统筹模式”", "2022-02-18", "front_matter", None),
    "003_858ed137ab94f165.txt": ("今起杭州市人力社保及医保等系统开始停机切换,业务暂停办理", None, None, None),
    "004_f164445281f5e1cd.txt": ("河南人注意！4月29日20时起河南省社会保障信息系统将暂停！", "2022-04-26", "front_matter", None),
    "h08d125c7.html":           ("濟南社保系統2月26日起停機23天待遇提前發、繳費怎麼辦一次看懂", "2022-02-16", "byline", None),
    "h42fb0960.txt":            ("南昌住房公积金管理中心关于年度结算及业务系统升级上线暂停服务的通知", "2023-12-15", "signature", "2023-12-15"),
    "h511eb46c.md":             ("唐山市医保停机时间(唐山医保年底什么时候停止结算)", "2022-09-29", "front_matter", "2019-12-27"),
    "h5734ef6d.html":           ("关于医疗保障信息平台系统切换停机公告", "2021-09-24", "byline", "2021-09-24"),
    "h9e21a6e7.md":             ("北京社保新系统10月20日上线，切换期间养老失业工伤业务怎么办？一文看懂", "2023-09-18", "front_matter", None),
    "had47cd44.md":             ("西安医保卡3月22日起停用？医保系统切换期间就医购药指南（附时间表）", "2022-03-18", "front_matter", None),
    "hb0ff8674.html":           ("職工社保和醫保系統8月底停機維護，停機期間醫保卡還能用嗎？", "2021-08-24", "byline", None),
    "hb7181f88.html":           ("国家税务总局北京市税务局关于自然人税收管理系统停机切换的通告", "2019-08-14", "meta", "2019-08-14"),
    "he917b97d.txt":            ("巴州关于国家医疗保障信息平台系统切换停机的通告", "2021-09-08", "signature", "2021-09-08"),
}
OUTLETS = {
    "000_d7652f1d30021301.txt": "趣头条", "001_b658c26c8a215697.txt": "长江云", "002_975000b3fb2f80f3.txt": "青岛财经日报",
    "004_f164445281f5e1cd.txt": "新浪财经", "h08d125c7.html": "齊魯民生網綜合", "h5734ef6d.html": "天门网",
    "h9e21a6e7.md": "新京报", "had47cd44.md": "社保迷", "hb0ff8674.html": "問答天地",
    "hb7181f88.html": "国家税务总局北京市税务局", "he917b97d.txt": None,
}
# fmt: on


@pytest.mark.parametrize("name", DEV_NOTICES)
def test_metadata_dev_title(name: str) -> None:
    assert dev_document(name).title == DEV[name][0]


@pytest.mark.parametrize("name", DEV_NOTICES)
def test_metadata_dev_publication(name: str) -> None:
    document = dev_document(name)
    _, day, source, signed = DEV[name]
    published = document.published
    assert (published.date().isoformat() if published else None) == day
    assert document.published_from == source
    assert (document.signed.isoformat() if document.signed else None) == signed
    if published is not None:
        assert published.utcoffset() == dt.timedelta(hours=8)


@pytest.mark.parametrize("name", sorted(OUTLETS))
def test_metadata_dev_outlet(name: str) -> None:
    assert dev_document(name).outlet == OUTLETS[name]


# fmt: off
DATETIMES = [
    ("Sat, 19 Feb 2022 15:19:50 GMT",     "2022-02-19T23:19:50+08:00"),
    ("2022-02-18 10:58:17 +0800",          "2022-02-18T10:58:17+08:00"),
    ("2022-02-18T02:58:17Z",               "2022-02-18T10:58:17+08:00"),
    ("2019-08-14 15:42",                   "2019-08-14T15:42:00+08:00"),
    ("2021年09月24日 10:26",               "2021-09-24T10:26:00+08:00"),
    ("2021/9/24",                          "2021-09-24T00:00:00+08:00"),
    ("二〇二一年九月二十四日",             "2021-09-24T00:00:00+08:00"),
    ("February 18, 2022 3pm",              "2022-02-18T15:00:00+08:00"),
    (dt.date(2022, 2, 18),                 "2022-02-18T00:00:00+08:00"),
    (dt.datetime(2022, 2, 18, 10, 58),     "2022-02-18T10:58:00+08:00"),
    ("昨天",                               None),
    ("3天前",                              None),
    ("no date",                            None),
    ("2022-13-45",                         None),
    (None,                                 None),
    (20220218,                             None),
]
# fmt: on


@pytest.mark.parametrize(("value", "expected"), DATETIMES, ids=[str(d[0]) for d in DATETIMES])
def test_metadata_parse_datetime(value: object, expected: str | None) -> None:
    found = parse_datetime(value)
    assert (found.isoformat() if found else None) == expected


# fmt: off
TITLES = [
    ("关于医疗保障信息平台系统切换停机公告_天门新闻_天门网",  "关于医疗保障信息平台系统切换停机公告"),
    ("濟南社保系統2月26日起停機23天｜齊魯民生",               "濟南社保系統2月26日起停機23天"),
    ("職工社保和醫保系統8月底停機維護？ - 問答天地",          "職工社保和醫保系統8月底停機維護？"),
    ("首页 | 关于系统停机升级的公告",                          "关于系统停机升级的公告"),
    ("2021-2022年度医保缴费通知",                              "2021-2022年度医保缴费通知"),
    ("",                                                        None),
]
SIGNATURES = [
    ("2021年9月24日",                     dt.date(2021, 9, 24)),
    ("2021 年 9 月 24 日",                dt.date(2021, 9, 24)),
    ("天门市医疗保障局 2021年9月24日",    dt.date(2021, 9, 24)),
    ("工商银行湛江分行 2024年11月27日",   dt.date(2024, 11, 27)),    # a bank branch signs too
    ("二〇一九年十二月二十七日",          dt.date(2019, 12, 27)),
    ("特此公告。2021年9月24日",           None),
    ("自2021年9月24日起暂停",             None),
    ("2021年2月30日",                     None),
]
ISSUERS = [
    ("天门市医疗保障局", True), ("南昌住房公积金管理中心", True), ("國家稅務總局北京市稅務局", True),
    ("工商银行湛江分行", True),
    ("特此公告。", False), ("各参保单位：", False), ("停机期间暂停办理全部医保业务的有关事项", False),
]
URLS = [
    ("http://www.tmwcn.com/html/news/7/202109/t20210924_244263.html", dt.date(2021, 9, 24)),
    ("https://example.com/jinan/2022/0216/90620.html",                 dt.date(2022, 2, 16)),
    ("https://example.com/news/2022-02-16/abc.html",                   dt.date(2022, 2, 16)),
    ("https://example.com/news/202202/abc.html",                       None),
    (None,                                                             None),
]
LABELLED = [
    ("發佈時間：2022年02月16日 08:12　來源：齊魯民生網", "2022-02-16T08:12:00+08:00"),
    ("提問時間：2021-08-24 09:13",                       "2021-08-24T09:13:00+08:00"),
    ("发布时间:2021年09月24日 10:26 来源:天门网",       "2021-09-24T10:26:00+08:00"),
    ("停机时间：2021年9月24日",                          None),
    # an unlabelled date opening a line of byline fields
    ("2022-11-18 09:12　来源：柳州日报　作者：记者 韦丽萍", "2022-11-18T09:12:00+08:00"),
    ("2023-11-17 18:20　來源：綜合珠海發布　編輯：梁嘉穎", "2023-11-17T18:20:00+08:00"),   # in Traditional script
    ("正文\n2023-12-26 10:42:15　编辑：古丽娜",          "2023-12-26T10:42:15+08:00"),
    ("补缴期限 2023-12-31 来源：税务局",                 None),      # not at the start of its line
    ("2023-12-31前完成补缴。",                           None),      # no byline field after it
    ("2024-06-18 07:52\n      来源：柳州晚报",          "2024-06-18T07:52:00+08:00"),   # fields in separate elements
    ("2024-06-18 07:52\n\n来源：柳州晚报",               None),      # a blank line between: not one byline
    ("播出日期：2023年11月24日（星期五）　18:30",        "2023-11-24T18:30:00+08:00"),   # a weekday between
]
# fmt: on


@pytest.mark.parametrize(("title", "expected"), TITLES, ids=[t[1] or "empty" for t in TITLES])
def test_metadata_cut_site_name(title: str, expected: str | None) -> None:
    assert cut_site_name(title) == expected


@pytest.mark.parametrize(("text", "expected"), SIGNATURES, ids=[s[0] for s in SIGNATURES])
def test_metadata_signature_date(text: str, expected: dt.date | None) -> None:
    assert signature_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), ISSUERS, ids=[i[0] for i in ISSUERS])
def test_metadata_issuer_line(text: str, expected: bool) -> None:
    assert issuer_line(text) is expected


@pytest.mark.parametrize(("url", "expected"), URLS, ids=[str(u[0])[-30:] for u in URLS])
def test_metadata_url_date(url: str | None, expected: dt.date | None) -> None:
    assert url_date(url) == expected


@pytest.mark.parametrize(("text", "expected"), LABELLED, ids=[t[0][:8] for t in LABELLED])
def test_metadata_labelled_date(text: str, expected: str | None) -> None:
    found = labelled_date(text)
    assert (found.isoformat() if found else None) == expected


def test_metadata_dateline_needs_a_year() -> None:
    from extractors.cleaning import Piece

    full = [Piece("paragraph", ("本报北京2022年2月19日电 社保系统停机。",))]
    partial = [Piece("paragraph", ("新京报讯（记者齐欣然）9月18日，记者获悉。",))]
    assert dateline_date(full) == dt.datetime(2022, 2, 19, tzinfo=BEIJING)
    assert dateline_date(partial) is None


def test_metadata_heavy_imports_stay_lazy() -> None:
    """Loading the dev corpus imports neither dateparser nor charset-normalizer nor trafilatura."""
    paths = [str(dev_path(name)) for name in DEV_NOTICES]
    code = ("import sys; from pathlib import Path; from extractors.loading import load_document; "
            f"[load_document(Path(p)) for p in {paths!r}]; "
            "print(sorted(m for m in ('dateparser', 'charset_normalizer', 'trafilatura', 'bs4') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_lead_is_the_start_of_the_joined_text_below_the_title():
    from extractors.cleaning import Piece
    from extractors.metadata import _lead

    pieces = [Piece("title", ("标题",)), Piece("paragraph", ("新华社北京",)), Piece("paragraph", ("2022年2月19日电",)),
              Piece("paragraph", ("正文" * 30,))]
    for size in range(0, 90):
        assert _lead(pieces, size) == "\n".join(p.text for p in pieces if p.kind != "title")[:size]


def test_metadata_publication_from_an_element_named_for_it() -> None:
    page = ("<html><head><title>重要公告</title></head><body><h1>重要公告</h1><em id='publish_time'>2024-11-20 17:30</em>"
            "<div id='js_content'><p>自2024年11月29日18:00起，全市失业保险、工伤保险业务暂停办理，"
            "网上服务大厅和自助服务终端同步暂停服务，恢复时间另行通知。</p></div></body></html>")
    document = document_from_bytes(page.encode("utf-8"), doc_id="wx.html", source="wx.html")
    assert (document.published.isoformat(), document.published_from) == ("2024-11-20T17:30:00+08:00", "page_element")
