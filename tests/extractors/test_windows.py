"""Suspension windows and resumptions from single sentences of notice language (extractors/windows.py)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from extractors.loading import document_from_bytes
from extractors.pipeline import extract
from tests.conftest import document_of

PUBLISHED = dt.datetime(2021, 11, 22, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

# fmt: off
WINDOWS = [
    # sentence, windows as (start, end or ""), in +08:00
    ("我市医疗保障信息系统将于2021年11月26日18:00至11月29日8:00进行切换上线。",
     [("2021-11-26T18:00", "2021-11-29T08:00")]),
    ("山东省社会保险信息系统将于2022年2月26日0时至3月20日24时停机。",
     [("2022-02-26T00:00", "2022-03-21T00:00")]),
    ("停机时间调整为2022年2月26日0时至3月31日24时。",
     [("2022-02-26T00:00", "2022-04-01T00:00")]),
    ("我省将于2022年4月25日18时至5月5日8时开展医保信息平台切换上线工作。",
     [("2022-04-25T18:00", "2022-05-05T08:00")]),
    ("2021年12月1日起实施系统升级，恢复时间另行通知。",
     [("2021-12-01T00:00", "")]),
    ("2022年2月21日0时起，停止受理基本养老保险关系转移申请。",
     [("2022-02-21T00:00", "")]),
    # spoken: the switch runs from X to Y; a time and 停 alone
    ("这次切换是从2021年11月25日晚上八点开始，到11月27日上午九点结束。",
     [("2021-11-25T20:00", "2021-11-27T09:00")]),
    ("11月29日8:00起，各项医保业务恢复正常办理。", []),
    ("请于2021年11月25日前完成医保费用结算。", []),
    # an open start said to stay open is kept beside a closed window that starts then
    ("2021年12月1日0:00至12月3日24:00暂停医保结算。\n自2021年12月1日0:00起，APP暂停使用，恢复时间另行通知。",
     [("2021-12-01T00:00", "2021-12-04T00:00"), ("2021-12-01T00:00", "")]),
    ("2021年12月1日0:00至12月3日24:00暂停医保结算。\n自2021年12月1日0:00起，APP暂停使用。",
     [("2021-12-01T00:00", "2021-12-04T00:00")]),
    ("2021年12月1日起各市分批暂停结算\n2021年12月1日20时至12月3日8时暂停医保结算。",
     [("2021-12-01T20:00", "2021-12-03T08:00")]),                    # a day-only open start yields that day
    ("一、升级时间\n2021年12月4日0时—12月6日8时30分。",                  # a bare time under an upgrade heading
     [("2021-12-04T00:00", "2021-12-06T08:30")]),
    ("一、暂停时间\n2021年12月30日17时起，至元旦假期后首个工作日（2022年1月4日，星期二）9时止。",   # words placing a moment
     [("2021-12-30T17:00", "2022-01-04T09:00")]),
    ("自2021年12月27日（星期一）17时后，暂停受理住房公积金贷款申请。", [("2021-12-27T17:00", "")]),   # 后 after a moment
    ("去年年度结算时，曾于2020年12月29日17时至2021年1月4日9时暂停业务。", []),                # told as the past
    ("全市系统停机切换时间为2021年12月21日（星期二）18:00至12月26日（星期日）24:00。",
     [("2021-12-21T18:00", "2021-12-27T00:00")]),
    ("一、停机安排\n（一）2021医保年度为2021年1月1日至12月31日。", []),   # a year of accounts is no window
    # an end given by reference: 同上 (the window stated before), 至新系统上线时 (the go-live moment)
    ("2021年12月4日22时至12月6日24时停机升级。\n自12月3日20时起，APP暂停办理，恢复时间同上。",
     [("2021-12-04T22:00", "2021-12-07T00:00"), ("2021-12-03T20:00", "2021-12-07T00:00")]),
    ("原系统自2021年12月4日0时起停止服务，新系统于2021年12月8日9时正式上线。\n发票业务自12月3日17时起暂停，至新系统上线时恢复。",
     [("2021-12-04T00:00", "2021-12-08T09:00"), ("2021-12-03T17:00", "2021-12-08T09:00")]),
    ("现行系统将于2021年11月22日（星期一）18时停止运行，新平台计划于2021年12月2日（星期四）8时30分起对外提供服务。",
     [("2021-11-22T18:00", "2021-12-02T08:30")]),                     # the verb right after the moment
    ("⏸ 暂停：2021年11月27日（周六）17:00 ↓ ▶ 恢复：2021年12月1日（周三）9:00",            # labels say what times are
     [("2021-11-27T17:00", "2021-12-01T09:00")]),
    ("维护时间：2021年10月26日（星期二）20:00至10月27日（星期三）8:00。", [("2021-10-26T20:00", "2021-10-27T08:00")]),
    ("（二）各社银合作网点自2021年11月25日（星期四）17:00起停止受理社会保险业务；系统恢复后，网点于12月7日（星期二）9:00起恢复受理。",
     [("2021-11-25T17:00", "2021-12-07T09:00")]),                     # a resumption after a semicolon ends it
    ("2023年9月28日17:30至10月8日8:00停机，与国庆假期（9月29日至10月6日）相衔接。",
     [("2023-09-28T17:30", "2023-10-08T08:00")]),                     # the holiday in brackets is no window
    ("为做好2024年度（2023年7月1日至2024年6月30日）结息工作，我中心将暂停办理相关业务。", []),
    # a later resumption of everything ends the open starts before it, not one left open
    ("2021年12月1日18时起全面暂停。\n2021年12月9日8:30起，各服务渠道全面恢复办理。",
     [("2021-12-01T18:00", "2021-12-09T08:30")]),
    ("2021年12月1日18时起APP暂停，恢复时间另行通知。\n2021年12月9日8:30起，各服务渠道全面恢复办理。",
     [("2021-12-01T18:00", "")]),
    ("2021年12月1日18时起全面暂停。\n2021年12月9日8:30起，经办窗口恢复办理。",
     [("2021-12-01T18:00", "")]),                                     # a resumption of one channel only
]
RESUMPTIONS = [
    ("自2021年9月6日17:00起暂停，至9月9日9:00恢复。", ["2021-09-09T09:00"]),   # the end is the resumption
    ("2021年9月6日下午5点半起暂停办理，等到9月9日上午9点才恢复办理。", ["2021-09-09T09:00"]),  # spoken
    ("自2021年9月6日18时起暂停，至9月9日8时方可恢复办理。", ["2021-09-09T08:00"]),
    ("自2021年9月6日起暂停，至9月9日恢复时间另行通知。", []),
    ("2021年12月6日虽为节后第一个工作日，但系统尚未恢复。", []),          # not yet resumed
    ("我局于2021年11月12日发布了《关于医疗保障信息平台上线切换停机的通告》。", []),   # a cited title states nothing
    ("2021年11月17日8时30分起，各项暂停业务恢复正常办理，暂停受理的申请同步恢复受理。", ["2021-11-17T08:30"]),  # 暂停 naming what resumes
    ("经联调测试，我省社保信息系统恢复时间提前至2021年11月25日（周四）8:00。", ["2021-11-25T08:00"]),   # a label and its verb
    ("系统升级完成后，于2021年11月24日10:00起全面恢复办理。", ["2021-11-24T10:00"]),   # after the upgrade: the resumption
    ("医院刷医保，2021年11月25日晚上八点停，11月26日凌晨两点半就恢复。", ["2021-11-26T02:30"]),   # 停 is no resumption
    ("11月29日8:00起，各项医保业务恢复正常办理。", ["2021-11-29T08:00"]),
    ("系统将于2021年11月26日18:00至11月29日8:00进行切换上线。", []),
    ("新系统计划于12月18日完成上线验证，次日8时起全面恢复办理。", ["2021-12-19T08:00"]),   # 上线验证 is not a resumption
    ("系统升级维护，2021年12月4日8:00后恢复正常。",   ["2021-12-04T08:00"]),
    ("系统升级维护，2021年12月4日后恢复正常。",       []),                  # after a day: not a moment
    # one stated to the minute is kept beside a later one on the same day; one stated as a day yields
    ("2021年12月4日0:00起恢复医保结算；12月4日8:30起窗口恢复办理。", ["2021-12-04T00:00", "2021-12-04T08:30"]),
    ("2021年12月4日起恢复医保结算；12月4日8:30起窗口恢复办理。", ["2021-12-04T08:30"]),
]
TABLES = [
    # header and rows (cells split by tabs), windows as (start, end or ""), resumptions
    ("业务\t暂停时间\t恢复时间\n医保结算\t2021年12月1日17:00\t2021年12月6日8:30",
     [("2021-12-01T17:00", "2021-12-06T08:30")], ["2021-12-06T08:30"]),
    ("业务\t暂停时间\t恢复时间\nAPP查询\t2021年12月2日0:00\t另行通知",
     [("2021-12-02T00:00", "")], []),
    ("业务\t暂停时间\t恢复时间\n药店结算\t2021年12月1日20:00—12月3日24:00\t2021年12月4日0:00",
     [("2021-12-01T20:00", "2021-12-04T00:00")], ["2021-12-04T00:00"]),
    ("渠道\t暂停及恢复时间\n网厅\t2021年12月1日17:00",        [], []),     # a header that says both says neither
    # an empty suspension cell under one that spans down (rowspan) takes its time
    ("业务\t停止时间\t开通时间\n医院结算\t2021年12月31日18:00\t2022年1月1日8:00\n药店结算\t\t2022年1月2日8:00",
     [("2021-12-31T18:00", "2022-01-01T08:00"), ("2021-12-31T18:00", "2022-01-02T08:00")],
     ["2022-01-01T08:00", "2022-01-02T08:00"]),
    # a header naming what is suspended (暂停内容), not when, says nothing of the times under it
    ("时间\t暂停内容\n2021年12月1日起\t结算新申请（2021年12月6日恢复）",
     [("2021-12-01T00:00", "2021-12-06T00:00")], ["2021-12-06T00:00"]),
    # the column of a switch time (切换时间) is when the outage starts
    ("设区市\t切换时间\t恢复时间\n淮北市\t2022年5月20日18:00\t2022年5月26日8:00",
     [("2022-05-20T18:00", "2022-05-26T08:00")], ["2022-05-26T08:00"]),
]

# header rows over data rows: the last header row names the columns, its empty cells count
HEADED_TABLES = [
    ("批次\t设区市\t系统切换安排\t\n\t\t切换时间\t恢复时间\n第一批\t淮北市\t2022年5月20日18:00\t2022年5月26日8:00\n"
     "\t亳州市\t\t\n\t黄山市\t\t2022年5月27日8:00", 2,
     [("2022-05-20T18:00", "2022-05-26T08:00"), ("2022-05-20T18:00", "2022-05-27T08:00")],
     ["2022-05-26T08:00", "2022-05-27T08:00"]),
]
# HTML tables (rows split by "/", cells by "|", ~r2 / ~c4 rowspan / colspan): a header of two rows names
# the columns together, a day and its time of day may sit in cells side by side, a cell spanning down
# gives its time to the rows it covers
HTML_TABLES = [
    ("业务~r2|暂停办理时段~c4/开始日期|开始时刻|截止日期|截止时刻/"
     "养老保险|11月29日~r2|17:00~r2|12月9日|9:00/城乡居民养老|12月6日|24:00/就业创业|11月30日|0:00|12月13日|—",
     [("2024-11-29T17:00", "2024-12-09T09:00"), ("2024-11-29T17:00", "2024-12-07T00:00"),
      ("2024-11-30T00:00", "2024-12-14T00:00")], []),
    ("业务|暂停日期|暂停时间|恢复日期|恢复时间/贷款发放|6月11日|17:00|6月23日~r2|8:30~r2/柜面业务|6月13日|17:00",
     [("2024-06-11T17:00", "2024-06-23T08:30"), ("2024-06-13T17:00", "2024-06-23T08:30")], ["2024-06-23T08:30"]),
    ("业务|暂停时间|恢复时间/医院结算|12月1日18:00|/药店结算|12月1日20:00|12月3日8:00",   # an empty cell of its own
     [("2024-12-01T18:00", ""), ("2024-12-01T20:00", "2024-12-03T08:00")], ["2024-12-03T08:00"]),
]
# a timeline: each line's leading moment starts what its cue stops; the resumption of everything ends them
TIMELINES = [
    ("11月20日（周六）12:00　线上渠道暂停\n11月22日（周一）18:00　线下窗口暂停\n11月25日（周四）8:30　全部恢复",
     [("2021-11-20T12:00", "2021-11-25T08:30"), ("2021-11-22T18:00", "2021-11-25T08:30")], ["2021-11-25T08:30"]),
    ("2021年11月22日18:00，中心发布公告，网厅暂停办理。", [], []),     # the moment is not the clause's
    ("2021年11月22日暂停办理医保业务。",                  [], []),     # a day alone, without 起, is no start
]
# fmt: on


def moment(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%dT%H:%M") if value else ""


@pytest.mark.parametrize(("sentence", "expected"), WINDOWS, ids=[w[0][:16] for w in WINDOWS])
def test_windows_of_a_sentence(sentence: str, expected: list[tuple[str, str]]) -> None:
    facts = extract(document_of(sentence, published=PUBLISHED))
    assert [(moment(w.start), moment(w.end)) for w in facts.windows] == expected


@pytest.mark.parametrize(("sentence", "expected"), RESUMPTIONS, ids=[r[0][:16] for r in RESUMPTIONS])
def test_resumptions_of_a_sentence(sentence: str, expected: list[str]) -> None:
    facts = extract(document_of(sentence, published=PUBLISHED))
    assert [moment(r.at) for r in facts.resumptions] == expected


def test_numbered_headings_under_a_resumption_heading_resume() -> None:
    """(二) is governed by the heading over (一) and (二), not by what (一) holds (仍暂停办理)."""
    text = ("二、分批恢复安排\n（一）第一批：查询类服务（2021年12月3日9:00起）\n上述线上渠道恢复查询服务；\n线下窗口此时仍暂停办理。\n"
            "（二）第二批：办理类服务（2021年12月5日8:30起）\n各级经办大厅恢复全部社会保险经办业务。")
    facts = extract(document_of(text, {0: "heading", 1: "heading", 4: "heading"}, published=PUBLISHED))
    assert [moment(r.at) for r in facts.resumptions] == ["2021-12-03T09:00", "2021-12-05T08:30"]
    assert facts.windows == ()


def test_a_restated_relative_day_corrects_the_reference() -> None:
    """A repost's 今日 is the repost's day, not the quoted notice's signature day (今日（23日） against 11-22)."""
    text = "社保业务今起全面恢复办理\n此前暂停的养老保险业务今日（23日）上午九时起全面恢复办理。"
    facts = extract(document_of(text, published=PUBLISHED))
    assert [moment(r.at) for r in facts.resumptions] == ["2021-11-23T09:00"]      # 今起 (a day) yields to it


@pytest.mark.parametrize(("table", "windows", "resumptions"), TABLES, ids=[t[0].split("\n")[1][:8] for t in TABLES])
def test_table_columns_say_what_their_times_are(table: str, windows: list[tuple[str, str]],
                                                resumptions: list[str]) -> None:
    kinds = {i: "table_header" if i == 0 else "table_row" for i in range(table.count("\n") + 1)}
    facts = extract(document_of(table, kinds, published=PUBLISHED))
    assert [(moment(w.start), moment(w.end)) for w in facts.windows] == windows
    assert [moment(r.at) for r in facts.resumptions] == resumptions


@pytest.mark.parametrize(("table", "header_rows", "windows", "resumptions"), HEADED_TABLES,
                         ids=[t[0].split("\n")[0][:8] for t in HEADED_TABLES])
def test_table_header_rows_name_the_columns(table: str, header_rows: int, windows: list[tuple[str, str]],
                                            resumptions: list[str]) -> None:
    kinds = {i: "table_header" if i < header_rows else "table_row" for i in range(table.count("\n") + 1)}
    facts = extract(document_of(table, kinds, published=PUBLISHED))
    assert [(moment(w.start), moment(w.end)) for w in facts.windows] == windows
    assert [moment(r.at) for r in facts.resumptions] == resumptions


@pytest.mark.parametrize(("text", "windows", "resumptions"), TIMELINES, ids=[t[0][:12] for t in TIMELINES])
def test_timeline_lines_start_what_they_stop(text: str, windows: list[tuple[str, str]], resumptions: list[str]) -> None:
    kinds = {i: "list_item" for i in range(text.count("\n") + 1)}
    facts = extract(document_of(text, kinds, published=PUBLISHED))
    assert [(moment(w.start), moment(w.end)) for w in facts.windows] == windows
    assert [moment(r.at) for r in facts.resumptions] == resumptions


def _html_table(rows: str) -> bytes:
    def cell(text: str) -> str:
        text, _, span = text.partition("~")
        attribute = f" {'rowspan' if span[0] == 'r' else 'colspan'}='{span[1:]}'" if span else ""
        return f"<td{attribute}>{text}</td>"

    body = "".join("<tr>" + "".join(cell(c) for c in row.split("|")) + "</tr>" for row in rows.split("/"))
    page = (f"<html><head><meta charset='utf-8'><title>系统切换公告</title></head><body><div>"
            f"<p>2024年11月20日，现将系统切换期间业务暂停安排公告如下：</p><table>{body}</table></div></body></html>")
    return page.encode()


@pytest.mark.parametrize(("rows", "windows", "resumptions"), HTML_TABLES, ids=[t[0][:10] for t in HTML_TABLES])
def test_html_table_cells_say_when(rows: str, windows: list[tuple[str, str]], resumptions: list[str]) -> None:
    document = document_from_bytes(_html_table(rows), doc_id="t.html", source="t.html", content_type="text/html")
    facts = extract(replace(document, published=PUBLISHED.replace(year=2024, month=11, day=20)))
    assert sorted((moment(w.start), moment(w.end)) for w in facts.windows) == sorted(windows)
    assert [moment(r.at) for r in facts.resumptions] == resumptions
