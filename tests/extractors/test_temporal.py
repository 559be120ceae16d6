"""The temporal grammar: dates, times of day, ranges, markers, relative days and years.

Every table row is ``(id, text, reference, …expected)``; instants are written
without their offset, the helpers check that it is +08:00.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.temporal import (
    TimeExpression,
    TimePoint,
    chinese_number,
    estimate_reference,
    find_time_expressions,
)

REF = dt.date(2022, 2, 19)
NOTICES = Path(__file__).resolve().parent.parent / "data" / "notices"


def cases(table: list[tuple]) -> list:
    """pytest params of a table whose first column is the id."""
    return [pytest.param(*row[1:], id=row[0]) for row in table]


def iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="minutes")


def cst(written: str) -> str:
    """An expected instant: written without its offset in the tables."""
    return f"{written}+08:00"


def expression(text: str, span: str, reference: dt.date | None) -> TimeExpression:
    """The one expression of ``text`` whose text is ``span``."""
    found = find_time_expressions(text, reference)
    matching = [e for e in found if e.text == span]
    assert len(matching) == 1, f"{span!r} not among {[e.text for e in found]}"
    return matching[0]


def point_of(found: TimeExpression) -> TimePoint:
    point = found.begin or found.until
    assert point is not None
    return point


# --------------------------------------------------------------------------- date forms and times of day

# fmt: off
DATE_FORMS = [
    # id                      text                               reference            span                        instant             end_instant         day           precision
    ("full-date",             "定于2022年2月26日停机",           None,                "2022年2月26日",            "2022-02-26T00:00", "2022-02-27T00:00", "2022-02-26", "day"),
    ("month-day",             "2月26日停机",                     REF,                 "2月26日",                  "2022-02-26T00:00", "2022-02-27T00:00", "2022-02-26", "day"),
    ("day-alone-context",     "2月15日发布。26日停机",           REF,                 "26日",                     "2022-02-26T00:00", "2022-02-27T00:00", "2022-02-26", "day"),
    ("day-alone-reference",   "社保系统将于26日停机",            REF,                 "26日",                     "2022-02-26T00:00", "2022-02-27T00:00", "2022-02-26", "day"),
    ("iso",                   "发布于2022-02-26",                None,                "2022-02-26",               "2022-02-26T00:00", "2022-02-27T00:00", "2022-02-26", "day"),
    ("slashes",               "日期：2022/2/26",                 None,                "2022/2/26",                "2022-02-26T00:00", "2022-02-27T00:00", "2022-02-26", "day"),
    ("dots",                  "发布于2022.1.1",                  None,                "2022.1.1",                 "2022-01-01T00:00", "2022-01-02T00:00", "2022-01-01", "day"),
    ("full-width-digits",     "于２０２２年２月２６日停机",      None,                "２０２２年２月２６日",     "2022-02-26T00:00", "2022-02-27T00:00", "2022-02-26", "day"),
    ("spaced",                "于2022年 2 月 26 日停机",         None,                "2022年 2 月 26 日",        "2022-02-26T00:00", "2022-02-27T00:00", "2022-02-26", "day"),
    ("hao",                   "2月26号停机",                     REF,                 "2月26号",                  "2022-02-26T00:00", "2022-02-27T00:00", "2022-02-26", "day"),
    ("year-month",            "2022年7月启用",                   None,                "2022年7月",                "2022-07-01T00:00", "2022-08-01T00:00", "2022-07-01", "month"),
    ("month-fen",             "7月份的养老金",                   dt.date(2022, 6, 1), "7月份",                    "2022-07-01T00:00", "2022-08-01T00:00", "2022-07-01", "month"),
    ("bare-month",            "统一在2月发放",                   REF,                 "2月",                      "2022-02-01T00:00", "2022-03-01T00:00", "2022-02-01", "month"),
    ("december-month",        "2022年12月的待遇",                None,                "2022年12月",               "2022-12-01T00:00", "2023-01-01T00:00", "2022-12-01", "month"),
    ("xiaxun",                "6月下旬停机",                     dt.date(2022, 6, 1), "6月下旬",                  "2022-06-21T00:00", "2022-07-01T00:00", "2022-06-21", "part_of_month"),
    ("zhongxun",              "6月中旬发放",                     dt.date(2022, 6, 1), "6月中旬",                  "2022-06-11T00:00", "2022-06-21T00:00", "2022-06-11", "part_of_month"),
    ("shangxun",              "6月上旬发放",                     dt.date(2022, 6, 1), "6月上旬",                  "2022-06-01T00:00", "2022-06-11T00:00", "2022-06-01", "part_of_month"),
    ("month-end",             "6月底发放",                       dt.date(2022, 6, 1), "6月底",                    "2022-06-21T00:00", "2022-07-01T00:00", "2022-06-21", "part_of_month"),
    ("month-start",           "6月初发放",                       dt.date(2022, 6, 1), "6月初",                    "2022-06-01T00:00", "2022-06-11T00:00", "2022-06-01", "part_of_month"),
    ("february-end",          "2024年2月底",                     None,                "2024年2月底",              "2024-02-21T00:00", "2024-03-01T00:00", "2024-02-21", "part_of_month"),
    ("bare-month-end",        "2022年6月份的待遇于月底发放",     None,                "月底",                     "2022-06-21T00:00", "2022-07-01T00:00", "2022-06-21", "part_of_month"),
    ("year-end",              "预计2022年底完成",                None,                "2022年底",                 "2022-12-21T00:00", "2023-01-01T00:00", "2022-12-21", "part_of_month"),
    ("cn-month-day",          "九月十四日起",                    dt.date(2021, 9, 8), "九月十四日起",             "2021-09-14T00:00", "2021-09-15T00:00", "2021-09-14", "day"),
    ("cn-full-date",          "二〇二二年十二月三十一日",        None,                "二〇二二年十二月三十一日", "2022-12-31T00:00", "2023-01-01T00:00", "2022-12-31", "day"),
    ("cn-month-day-31",       "十二月三十一日",                  dt.date(2022, 6, 1), "十二月三十一日",           "2022-12-31T00:00", "2023-01-01T00:00", "2022-12-31", "day"),
    ("cn-year-month",         "二〇二二年十月",                  None,                "二〇二二年十月",           "2022-10-01T00:00", "2022-11-01T00:00", "2022-10-01", "month"),
    ("cn-twenty-day",         "二〇二一年五月廿五日",            None,                "二〇二一年五月廿五日",     "2021-05-25T00:00", "2021-05-26T00:00", "2021-05-25", "day"),
    ("cn-24-hour",            "2022年2月26日二十四时",           None,                "2022年2月26日二十四时",    "2022-02-27T00:00", "2022-02-27T00:00", "2022-02-26", "minute"),
    ("hour-0",                "2022年2月26日0时",                None,                "2022年2月26日0时",         "2022-02-26T00:00", "2022-02-26T00:00", "2022-02-26", "minute"),
    ("hour-zero-cn",          "9月14日零时",                     dt.date(2021, 9, 8), "9月14日零时",              "2021-09-14T00:00", "2021-09-14T00:00", "2021-09-14", "minute"),
    ("hour-24",               "3月20日24时",                     REF,                 "3月20日24时",              "2022-03-21T00:00", "2022-03-21T00:00", "2022-03-20", "minute"),
    ("hour-18",               "9月25日18时",                     dt.date(2023, 9, 18), "9月25日18时",             "2023-09-25T18:00", "2023-09-25T18:00", "2023-09-25", "minute"),
    ("hour-minute",           "5月19日8时30分",                  dt.date(2022, 4, 26), "5月19日8时30分",          "2022-05-19T08:30", "2022-05-19T08:30", "2022-05-19", "minute"),
    ("dian-minute",           "5月19日8点30分",                  dt.date(2022, 4, 26), "5月19日8点30分",          "2022-05-19T08:30", "2022-05-19T08:30", "2022-05-19", "minute"),
    ("dian",                  "5月19日8点",                      dt.date(2022, 4, 26), "5月19日8点",              "2022-05-19T08:00", "2022-05-19T08:00", "2022-05-19", "minute"),
    ("dian-half",             "5月19日8点半",                    dt.date(2022, 4, 26), "5月19日8点半",            "2022-05-19T08:30", "2022-05-19T08:30", "2022-05-19", "minute"),
    ("sharp",                 "5月19日8时整",                    dt.date(2022, 4, 26), "5月19日8时整",            "2022-05-19T08:00", "2022-05-19T08:00", "2022-05-19", "minute"),
    ("cn-hour-minute",        "9月14日八时三十分",               dt.date(2021, 9, 8), "9月14日八时三十分",        "2021-09-14T08:30", "2021-09-14T08:30", "2021-09-14", "minute"),
    ("colon-18",              "2021年9月26日18:00",              None,                "2021年9月26日18:00",       "2021-09-26T18:00", "2021-09-26T18:00", "2021-09-26", "minute"),
    ("colon-8-30",            "2022年7月25日8:30",               None,                "2022年7月25日8:30",        "2022-07-25T08:30", "2022-07-25T08:30", "2022-07-25", "minute"),
    ("full-width-colon",      "6月23日9：00",                    dt.date(2022, 6, 1), "6月23日9：00",             "2022-06-23T09:00", "2022-06-23T09:00", "2022-06-23", "minute"),
    ("colon-then-shi",        "2021年9月26日18:00时",            None,                "2021年9月26日18:00时",     "2021-09-26T18:00", "2021-09-26T18:00", "2021-09-26", "minute"),
    ("clock-cell",            "养老\t3月1日\t17:00\t备注",          REF,                 "3月1日\t17:00",           "2022-03-01T17:00", "2022-03-01T17:00", "2022-03-01", "minute"),
    ("clock-cell-markdown",   "养老 | 3月1日 | 24:00 | 备注",        REF,                 "3月1日 | 24:00",           "2022-03-02T00:00", "2022-03-02T00:00", "2022-03-01", "minute"),
    ("hours-cell-no-clock",   "大厅\t3月1日\t9:00—16:00",           REF,                 "3月1日",                   "2022-03-01T00:00", "2022-03-02T00:00", "2022-03-01", "day"),
    ("noon",                  "3月1日中午12时",                  REF,                 "3月1日中午12时",           "2022-03-01T12:00", "2022-03-01T12:00", "2022-03-01", "minute"),
    ("beijing-time",          "3月1日北京时间10:00（新疆时间8:00）起", REF,           "3月1日北京时间10:00（新疆时间8:00）起", "2022-03-01T10:00", "2022-03-01T10:00", "2022-03-01", "minute"),
    ("afternoon-6",           "3月1日下午6时",                   REF,                 "3月1日下午6时",            "2022-03-01T18:00", "2022-03-01T18:00", "2022-03-01", "minute"),
    ("afternoon-18",          "3月1日下午18时",                  REF,                 "3月1日下午18时",           "2022-03-01T18:00", "2022-03-01T18:00", "2022-03-01", "minute"),
    ("evening-8",             "3月1日晚上8时",                   REF,                 "3月1日晚上8时",            "2022-03-01T20:00", "2022-03-01T20:00", "2022-03-01", "minute"),
    ("small-hours",           "3月1日凌晨2时",                   REF,                 "3月1日凌晨2时",            "2022-03-01T02:00", "2022-03-01T02:00", "2022-03-01", "minute"),
    ("morning",               "3月1日上午9时",                   REF,                 "3月1日上午9时",            "2022-03-01T09:00", "2022-03-01T09:00", "2022-03-01", "minute"),
    ("datetime-seconds",      "2022-02-18 10:58:17 +0800",       None,                "2022-02-18 10:58:17",      "2022-02-18T10:58", "2022-02-18T10:58", "2022-02-18", "minute"),
    ("date-space-time",       "发布时间：2022年02月16日 08:12",  None,                "2022年02月16日 08:12",     "2022-02-16T08:12", "2022-02-16T08:12", "2022-02-16", "minute"),
    ("weekday-full",          "2022年2月26日（星期六）停机",     None,                "2022年2月26日（星期六）",  "2022-02-26T00:00", "2022-02-27T00:00", "2022-02-26", "day"),
    ("weekday-note",          "2023年10月8日（周日，调休工作日）8:00恢复", None,    "2023年10月8日（周日，调休工作日）8:00", "2023-10-08T08:00", "2023-10-08T08:00", "2023-10-08", "minute"),
    ("clause-clock",          "3月1日1:30起结算恢复；6:00起，网厅恢复", REF,       "6:00起",                   "2022-03-01T06:00", "2022-03-01T06:00", "2022-03-01", "minute"),
    ("weekday-short",         "2月26日(周六)停机",               REF,                 "2月26日(周六)",            "2022-02-26T00:00", "2022-02-27T00:00", "2022-02-26", "day"),
    ("weekday-then-hour",     "3月20日（星期日）24时停机",       REF,                 "3月20日（星期日）24时",    "2022-03-21T00:00", "2022-03-21T00:00", "2022-03-20", "minute"),
    ("weekday-zhou-bare",     "9月25日周一18时起",               dt.date(2023, 9, 18), "9月25日周一18时起",        "2023-09-25T18:00", "2023-09-25T18:00", "2023-09-25", "minute"),
    ("weekday-bare",          "2023年10月20日星期五0时启用",     None,                "2023年10月20日星期五0时",  "2023-10-20T00:00", "2023-10-20T00:00", "2023-10-20", "minute"),
]
# fmt: on


@pytest.mark.parametrize(("text", "reference", "span", "instant", "end", "day", "precision"), cases(DATE_FORMS))
def test_date_forms(text: str, reference: dt.date | None, span: str, instant: str, end: str, day: str,
                    precision: str) -> None:
    point = point_of(expression(text, span, reference))
    assert (iso(point.instant), iso(point.end_instant)) == (cst(instant), cst(end))
    assert (point.day.isoformat(), point.precision) == (day, precision)
    assert point.has_time == (precision == "minute")
    assert point.vague == (precision == "part_of_month")


# --------------------------------------------------------------------------- ranges

# fmt: off
RANGES = [
    # id                    text                                                      reference              span                                                      begin               until end_instant
    ("hours-0-24",          "定于2022年2月26日0时至3月20日24时停机",                  None,                  "2022年2月26日0时至3月20日24时",                          "2022-02-26T00:00", "2022-03-21T00:00"),
    ("elided-month",        "9月1日至14日暂停",                                       dt.date(2021, 8, 20),  "9月1日至14日",                                           "2021-09-01T00:00", "2021-09-15T00:00"),
    ("elided-month-times",  "5月15日18:00—17日8:00",                                  dt.date(2022, 5, 1),   "5月15日18:00—17日8:00",                                  "2022-05-15T18:00", "2022-05-17T08:00"),
    ("elided-year-dots",    "2018.1.1~1.4",                                           None,                  "2018.1.1~1.4",                                           "2018-01-01T00:00", "2018-01-05T00:00"),
    ("elided-year-rolls",   "2018.12.30~1.4",                                         None,                  "2018.12.30~1.4",                                         "2018-12-30T00:00", "2019-01-05T00:00"),
    ("lunar-notes",         "2021年2月9日（腊月廿八）17:30至2021年2月19日（正月初八）8:00停机", None,         "2021年2月9日（腊月廿八）17:30至2021年2月19日（正月初八）8:00", "2021-02-09T17:30", "2021-02-19T08:00"),
    ("lunar-notes-days",    "2月11日（农历腊月三十）至17日（农历正月初六）放假",      dt.date(2021, 2, 3),   "2月11日（农历腊月三十）至17日（农历正月初六）",          "2021-02-11T00:00", "2021-02-18T00:00"),
    ("office-hours-range",  "2024年12月31日（星期二）下班后至2025年1月1日（含）暂停", None,           "2024年12月31日（星期二）下班后至2025年1月1日",            "2024-12-31T00:00", "2025-01-02T00:00"),
    ("cinian-end",          "12月30日至次年1月1日暂停",                                dt.date(2024, 12, 20), "12月30日至次年1月1日",                                   "2024-12-30T00:00", "2025-01-02T00:00"),
    ("across-years",        "2019年12月31日18时至2020年1月5日8时",                    None,                  "2019年12月31日18时至2020年1月5日8时",                    "2019-12-31T18:00", "2020-01-05T08:00"),
    ("zi-qi-zhi-zhi",       "自2023年12月28日（周四）17:00起至2024年1月10日（周三）9:00止", None,            "自2023年12月28日（周四）17:00起至2024年1月10日（周三）9:00止", "2023-12-28T17:00", "2024-01-10T09:00"),
    ("from-today",          "从今天开始至7月24日18时，系统停机",                      dt.date(2020, 7, 17),  "从今天开始至7月24日18时",                                "2020-07-17T00:00", "2020-07-24T18:00"),
    ("today-noon",          "今天12时至7月24日18时",                                  dt.date(2020, 7, 17),  "今天12时至7月24日18时",                                  "2020-07-17T12:00", "2020-07-24T18:00"),
    ("dash",                "12月1日-12月15日",                                       dt.date(2022, 11, 20), "12月1日-12月15日",                                       "2022-12-01T00:00", "2022-12-16T00:00"),
    ("double-dash",         "3月22日--4月3日期间",                                    dt.date(2022, 3, 18),  "3月22日--4月3日",                                        "2022-03-22T00:00", "2022-04-04T00:00"),
    ("em-dash",             "3月1日—3月5日",                                          REF,                   "3月1日—3月5日",                                          "2022-03-01T00:00", "2022-03-06T00:00"),
    ("double-em-dash",      "3月1日——3月5日",                                         REF,                   "3月1日——3月5日",                                         "2022-03-01T00:00", "2022-03-06T00:00"),
    ("tilde",               "2022年3月1日~3月5日",                                    None,                  "2022年3月1日~3月5日",                                    "2022-03-01T00:00", "2022-03-06T00:00"),
    ("full-width-tilde",    "2022年3月1日～3月5日",                                   None,                  "2022年3月1日～3月5日",                                   "2022-03-01T00:00", "2022-03-06T00:00"),
    ("full-width-minus",    "2022年3月1日－3月5日",                                   None,                  "2022年3月1日－3月5日",                                   "2022-03-01T00:00", "2022-03-06T00:00"),
    ("dao",                 "2月26日到3月20日",                                       REF,                   "2月26日到3月20日",                                       "2022-02-26T00:00", "2022-03-21T00:00"),
    ("slash-dates",         "2022/3/1 - 2022/3/5",                                    None,                  "2022/3/1 - 2022/3/5",                                    "2022-03-01T00:00", "2022-03-06T00:00"),
    ("zhi-zhi",             "2月26日至3月20日止",                                     REF,                   "2月26日至3月20日止",                                     "2022-02-26T00:00", "2022-03-21T00:00"),
    ("qi-zhi",              "9月1日起至9月30日",                                      dt.date(2021, 8, 20),  "9月1日起至9月30日",                                      "2021-09-01T00:00", "2021-10-01T00:00"),
    ("cong-kaishi-zhi",     "从2月26日开始至3月20日",                                 REF,                   "从2月26日开始至3月20日",                                 "2022-02-26T00:00", "2022-03-21T00:00"),
    ("jinqi-zhi",           "今起至3月20日",                                          REF,                   "今起至3月20日",                                          "2022-02-19T00:00", "2022-03-21T00:00"),
    ("jiri-qi-zhi",         "即日起至3月20日",                                        REF,                   "即日起至3月20日",                                        "2022-02-19T00:00", "2022-03-21T00:00"),
    ("day-range",           "3月份劳动能力鉴定受理时间1-18日",                        REF,                   "1-18日",                                                 "2022-03-01T00:00", "2022-03-19T00:00"),
    ("day-range-ri",        "3月份预申报受理日期1日—18日",                            REF,                   "1日—18日",                                               "2022-03-01T00:00", "2022-03-19T00:00"),
    ("month-range",         "2022年7月至2023年6月",                                   None,                  "2022年7月至2023年6月",                                   "2022-07-01T00:00", "2023-07-01T00:00"),
    ("month-range-token",   "对1-6月预收的费用",                                      dt.date(2020, 7, 10),  "1-6月",                                                  "2020-01-01T00:00", "2020-07-01T00:00"),
    ("month-range-year",    "2020年1-6月",                                            None,                  "2020年1-6月",                                            "2020-01-01T00:00", "2020-07-01T00:00"),
    ("vague-range",         "6月下旬至7月下旬",                                       dt.date(2022, 5, 1),   "6月下旬至7月下旬",                                       "2022-06-21T00:00", "2022-08-01T00:00"),
    ("year-rolls-forward",  "12月31日至1月5日",                                       dt.date(2022, 12, 20), "12月31日至1月5日",                                       "2022-12-31T00:00", "2023-01-06T00:00"),
    ("stated-year-rolls",   "2022年12月31日至1月5日",                                 None,                  "2022年12月31日至1月5日",                                 "2022-12-31T00:00", "2023-01-06T00:00"),
    ("year-from-end",       "12月31日至2020年1月5日",                                 None,                  "12月31日至2020年1月5日",                                 "2019-12-31T00:00", "2020-01-06T00:00"),
    ("month-from-end",      "26日至3月20日",                                          REF,                   "26日至3月20日",                                          "2022-02-26T00:00", "2022-03-21T00:00"),
    ("same-day-clock",      "2023年12月28日8:30-17:00",                               None,                  "2023年12月28日8:30-17:00",                               "2023-12-28T08:30", "2023-12-28T17:00"),
    ("overnight-clock",     "2月26日22:00-6:00",                                      REF,                   "2月26日22:00-6:00",                                      "2022-02-26T22:00", "2022-02-27T06:00"),
    ("day-end-inclusive",   "2021年9月10日零时至9月17日",                             None,                  "2021年9月10日零时至9月17日",                             "2021-09-10T00:00", "2021-09-18T00:00"),
    ("hour-24-end",         "7月24日18时至7月26日24时",                               dt.date(2020, 7, 17),  "7月24日18时至7月26日24时",                               "2020-07-24T18:00", "2020-07-27T00:00"),
    ("hour-0-end",          "10月14日18时至10月24日0时",                              dt.date(2023, 9, 18),  "10月14日18时至10月24日0时",                              "2023-10-14T18:00", "2023-10-24T00:00"),
    ("colon-times",         "2022年6月22日18:00至7月25日8:30",                        None,                  "2022年6月22日18:00至7月25日8:30",                        "2022-06-22T18:00", "2022-07-25T08:30"),
    ("full-width-colons",   "6月23日9：00至7月19日18:00期间",                         dt.date(2022, 6, 1),   "6月23日9：00至7月19日18:00",                             "2022-06-23T09:00", "2022-07-19T18:00"),
    ("cn-range",            "二〇二二年十二月一日至十二月三十一日",                   None,                  "二〇二二年十二月一日至十二月三十一日",                   "2022-12-01T00:00", "2023-01-01T00:00"),
    ("ciri-end",            "2月26日22时至次日6时",                                   REF,                   "2月26日22时至次日6时",                                   "2022-02-26T22:00", "2022-02-27T06:00"),
    ("colon-24",            "2022年2月26日(星期六)0:00至3月20日(星期日)24:00",        None,                  "2022年2月26日(星期六)0:00至3月20日(星期日)24:00",        "2022-02-26T00:00", "2022-03-21T00:00"),
    ("spaced-marks",        "2月26日 至 3月20日",                                     REF,                   "2月26日 至 3月20日",                                     "2022-02-26T00:00", "2022-03-21T00:00"),
    ("zi-jiri-qi-zhi",      "自即日起至2022年3月20日",                                REF,                   "自即日起至2022年3月20日",                                "2022-02-19T00:00", "2022-03-21T00:00"),
    ("zi-qi-zhi-colon",     "自2021年9月22日8:00起至9月30日18:00止",                  None,                  "自2021年9月22日8:00起至9月30日18:00止",                  "2021-09-22T08:00", "2021-09-30T18:00"),
]
# fmt: on


@pytest.mark.parametrize(("text", "reference", "span", "begin", "until"), cases(RANGES))
def test_ranges(text: str, reference: dt.date | None, span: str, begin: str, until: str) -> None:
    found = expression(text, span, reference)
    assert found.kind == "interval" and found.marker == "none"
    assert found.begin is not None and found.until is not None
    assert (iso(found.begin.instant), iso(found.until.end_instant)) == (cst(begin), cst(until))


def test_range_ends_keep_their_named_days() -> None:
    found = expression("2022年2月26日0时至3月20日24时", "2022年2月26日0时至3月20日24时", None)
    assert found.until is not None and found.until.day == dt.date(2022, 3, 20)
    assert found.until.has_time and found.until.precision == "minute"


def test_vague_range_is_vague() -> None:
    found = expression("拟于2022年6月下旬至7月下旬", "2022年6月下旬至7月下旬", None)
    assert found.begin is not None and found.until is not None
    assert found.begin.vague and found.until.vague and found.tentative


# --------------------------------------------------------------------------- markers

# fmt: off
MARKERS = [
    # id                  text                                   reference              span                          marker    open   tentative  instant (begin, or until)
    ("qi",                "另外，2022年2月21日0时起，停止受理",  None,                  "2022年2月21日0时起",         "from",   False, False,     "2022-02-21T00:00"),
    ("zi-qi",             "自2021年9月14日零时起暂停",           None,                  "自2021年9月14日零时起",      "from",   False, False,     "2021-09-14T00:00"),
    ("office-hours-after", "12月31日下班后暂停",                   dt.date(2024, 12, 20), "12月31日下班后",             "after",  False, False,     "2024-12-31T00:00"),
    ("office-hours-before", "请于12月31日下班前办结",              dt.date(2024, 12, 20), "12月31日下班前",             "before", False, False,     "2024-12-31T00:00"),
    ("same-day-clock",    "12月31日当日17时后暂停受理",          dt.date(2024, 12, 20), "12月31日当日17时后",         "after",  False, False,     "2024-12-31T17:00"),
    ("bracket-then-clock", "至元旦假期后首个工作日（2025年1月2日，星期四）9时止", dt.date(2024, 12, 20), "2025年1月2日，星期四）9时止", "until", False, False, "2025-01-02T09:00"),
    ("cong-kaishi",       "从2022年2月26日0时开始，到3月20日24时结束", None,            "从2022年2月26日0时开始",     "from",   False, False,     "2022-02-26T00:00"),
    ("zi-alone",          "自2020年7月启用",                     None,                  "自2020年7月",                "from",   False, False,     "2020-07-01T00:00"),
    ("zi-verb",           "自2021年9月22日8:00起暂停",           None,                  "自2021年9月22日8:00起",      "from",   False, False,     "2021-09-22T08:00"),
    ("day-qi",            "8月13日起，恢复办理",                 dt.date(2020, 7, 17),  "8月13日起",                  "from",   False, False,     "2020-08-13T00:00"),
    ("kaishi",            "7月24日18时开始的20天",               dt.date(2020, 7, 17),  "7月24日18时开始",            "from",   False, False,     "2020-07-24T18:00"),
    ("weekday-qi",        "自2023年12月25日（周一）起",          None,                  "自2023年12月25日（周一）起", "from",   False, False,     "2023-12-25T00:00"),
    ("zhi",               "也就是至8月12日24时，暂停运行",       dt.date(2020, 7, 17),  "至8月12日24时",              "until",  False, False,     "2020-08-13T00:00"),
    ("dao-end",           "从2022年2月26日0时开始，到3月20日24时结束", None,            "到3月20日24时",              "until",  False, False,     "2022-03-21T00:00"),
    ("jiezhi",            "截至2022年6月30日",                   None,                  "截至2022年6月30日",          "until",  False, False,     "2022-07-01T00:00"),
    ("jiezhi-suffix",     "2022年6月30日24时截止",               None,                  "2022年6月30日24时截止",      "until",  False, False,     "2022-07-01T00:00"),
    ("inclusive-qian",    "请于2月25日（含）前办理",             REF,                   "2月25日（含）前",            "before", False, False,     "2022-02-25T00:00"),
    ("zhi-suffix",        "2022年6月30日止",                     None,                  "2022年6月30日止",            "until",  False, False,     "2022-07-01T00:00"),
    ("extended",          "受理时间延长至5月27日24时",           dt.date(2022, 4, 26),  "至5月27日24时",              "until",  False, False,     "2022-05-28T00:00"),
    ("qian",              "请于9月15日24时前完成缴费",           dt.date(2021, 9, 8),   "9月15日24时前",              "before", False, False,     "2021-09-16T00:00"),
    ("zhiqian",           "12月25日之前已经审批通过",            dt.date(2023, 12, 15), "12月25日之前",               "before", False, False,     "2023-12-25T00:00"),
    ("yiqian",            "2月26日以前正常办理",                 REF,                   "2月26日以前",                "before", False, False,     "2022-02-26T00:00"),
    ("month-end-qian",    "将提前至6月底前发放",                 dt.date(2022, 6, 1),   "6月底前",                    "before", False, False,     "2022-06-21T00:00"),
    ("yihou",             "2022年10月1日以后不能缴纳",           None,                  "2022年10月1日以后",          "after",  False, False,     "2022-10-01T00:00"),
    ("hou",               "2月26日后再办理",                     REF,                   "2月26日后",                  "after",  False, False,     "2022-02-26T00:00"),
    ("zhihou",            "3月1日之后",                          REF,                   "3月1日之后",                 "after",  False, False,     "2022-03-01T00:00"),
    ("open-end",          "自9月1日起至另行通知",                dt.date(2021, 8, 20),  "自9月1日起至另行通知",       "from",   True,  False,     "2021-09-01T00:00"),
    ("open-end-pending",  "3月1日起至待定",                      REF,                   "3月1日起至待定",             "from",   True,  False,     "2022-03-01T00:00"),
    ("open-end-apart",    "自3月1日起暂停，恢复时间另行通知",    REF,                   "自3月1日起",                 "from",   False, False,     "2022-03-01T00:00"),
    ("tentative-yuji",    "预计自2021年9月30日零时起",           None,                  "自2021年9月30日零时起",      "from",   False, True,      "2021-09-30T00:00"),
    ("tentative-jihua",   "计划于3月1日上线",                    REF,                   "3月1日",                     "none",   False, True,      "2022-03-01T00:00"),
    ("not-tentative",     "于3月1日上线",                        REF,                   "3月1日",                     "none",   False, False,     "2022-03-01T00:00"),
    ("qianwang",          "请于9月15日前往窗口办理",             dt.date(2021, 9, 8),   "9月15日",                    "none",   False, False,     "2021-09-15T00:00"),
    ("shenzhi",           "甚至3月1日也可以",                    REF,                   "3月1日",                     "none",   False, False,     "2022-03-01T00:00"),
    ("shoudao",           "收到2月份的养老金",                   REF,                   "2月份",                      "none",   False, False,     "2022-02-01T00:00"),
    ("begin-unresolved",  "从今天开始至7月24日18时。自2020年7月启用", None,          "至7月24日18时",              "until",  False, False,     "2020-07-24T18:00"),
    ("tentative-ni",      "系统拟于2022年6月30日切换",           None,                  "2022年6月30日",              "none",   False, True,      "2022-06-30T00:00"),
    ("jinqi",             "今起暂停办理",                        REF,                   "今起",                       "from",   False, False,     "2022-02-19T00:00"),
    ("jiri-qi",           "即日起暂停办理",                      REF,                   "即日起",                     "from",   False, False,     "2022-02-19T00:00"),
]
# fmt: on


@pytest.mark.parametrize(("text", "reference", "span", "marker", "open_end", "tentative", "instant"), cases(MARKERS))
def test_markers(text: str, reference: dt.date | None, span: str, marker: str, open_end: bool, tentative: bool,
                 instant: str) -> None:
    found = expression(text, span, reference)
    assert (found.kind, found.marker, found.open_end, found.tentative) == ("point", marker, open_end, tentative)
    if marker == "until":
        assert found.begin is None and found.until is not None
        assert iso(found.until.end_instant) == cst(instant)
    else:
        assert found.until is None and found.begin is not None
        assert iso(found.begin.instant) == cst(instant)


def test_from_point_then_dangling_end() -> None:
    text = "而从7月24日18时开始的20天,也就是至8月12日24时,暂停运行"
    first, second = find_time_expressions(text, dt.date(2020, 7, 17))
    assert (first.text, first.marker, first.kind) == ("从7月24日18时开始", "from", "point")
    assert (second.text, second.marker, second.begin) == ("至8月12日24时", "until", None)
    assert second.until is not None and iso(second.until.end_instant) == cst("2020-08-13T00:00")


# --------------------------------------------------------------------------- relative days

# fmt: off
RELATIVE = [
    # id                 text                           reference              span        instant             end_instant         precision
    ("jintian",          "今天停机",                    REF,                   "今天",     "2022-02-19T00:00", "2022-02-20T00:00", "day"),
    ("jinri",            "今日起暂停",                  REF,                   "今日起",   "2022-02-19T00:00", "2022-02-20T00:00", "day"),
    ("jintian-noon",     "今天12时起",                  REF,                   "今天12时起", "2022-02-19T12:00", "2022-02-19T12:00", "minute"),
    ("jinwan-24",        "今晚24时停机",                REF,                   "今晚24时", "2022-02-20T00:00", "2022-02-20T00:00", "minute"),
    ("jinwan-8",         "今晚8时停机",                 REF,                   "今晚8时",  "2022-02-19T20:00", "2022-02-19T20:00", "minute"),
    ("mingtian",         "明天恢复",                    REF,                   "明天",     "2022-02-20T00:00", "2022-02-21T00:00", "day"),
    ("mingri-9",         "明日9时恢复",                 REF,                   "明日9时",  "2022-02-20T09:00", "2022-02-20T09:00", "minute"),
    ("mingzao-8",        "明早8时恢复",                 REF,                   "明早8时",  "2022-02-20T08:00", "2022-02-20T08:00", "minute"),
    ("jinye-23",         "今夜11时起",                  REF,                   "今夜11时起", "2022-02-19T23:00", "2022-02-19T23:00", "minute"),
    ("houtian",          "后天恢复",                    REF,                   "后天",     "2022-02-21T00:00", "2022-02-22T00:00", "day"),
    ("restated-corrects", "今日（20日）上午九时起恢复",   REF,                   "今日（20日）上午九时起", "2022-02-20T09:00", "2022-02-20T09:00", "minute"),   # a day off
    ("restated-far",     "今日（27日）起恢复",          REF,                   "今日（27日）起", "2022-02-19T00:00", "2022-02-20T00:00", "day"),   # too far to correct
    ("month-end-year",   "明天恢复",                    dt.date(2022, 12, 31), "明天",     "2023-01-01T00:00", "2023-01-02T00:00", "day"),
    ("ciri-previous",    "3月20日24时停机，次日8时恢复", REF,                  "次日8时",  "2022-03-21T08:00", "2022-03-21T08:00", "minute"),
    ("ciri-reference",   "次日恢复",                    REF,                   "次日",     "2022-02-20T00:00", "2022-02-21T00:00", "day"),
    ("ciri-after-range", "3月17日18:00—次日8:00暂停，次日8:00起恢复", REF,    "次日8:00起", "2022-03-18T08:00", "2022-03-18T08:00", "minute"),
    ("benyue",           "本月的待遇",                  REF,                   "本月",     "2022-02-01T00:00", "2022-03-01T00:00", "month"),
    ("xiayue",           "下月发放",                    REF,                   "下月",     "2022-03-01T00:00", "2022-04-01T00:00", "month"),
    ("xiayue-december",  "下月发放",                    dt.date(2022, 12, 5),  "下月",     "2023-01-01T00:00", "2023-02-01T00:00", "month"),
    ("shangyue",         "上月的待遇",                  REF,                   "上月",     "2022-01-01T00:00", "2022-02-01T00:00", "month"),
    ("xiayue-chu",       "下月初恢复",                  REF,                   "下月初",   "2022-03-01T00:00", "2022-03-11T00:00", "part_of_month"),
    ("benyue-di",        "本月底前",                    REF,                   "本月底前", "2022-02-21T00:00", "2022-03-01T00:00", "part_of_month"),
    ("benyue-day",       "本月25日发放",                REF,                   "本月25日", "2022-02-25T00:00", "2022-02-26T00:00", "day"),
    ("xiayue-day-clock", "下月5日8时起恢复",            REF,                   "下月5日8时起", "2022-03-05T08:00", "2022-03-05T08:00", "minute"),
    ("jinnian-month",    "今年7月启用",                 REF,                   "今年7月",  "2022-07-01T00:00", "2022-08-01T00:00", "month"),
    ("mingnian-day",     "明年1月1日起",                REF,                   "明年1月1日起", "2023-01-01T00:00", "2023-01-02T00:00", "day"),
    # weekdays of the reference's week (REF is a Saturday) or the next
    ("benzhou-5-18",     "本周五18时起暂停",            dt.date(2024, 11, 20), "本周五18时起", "2024-11-22T18:00", "2024-11-22T18:00", "minute"),
    ("benzhou-1",        "本周一已通知",                REF,                   "本周一",   "2022-02-14T00:00", "2022-02-15T00:00", "day"),
    ("xiazhou-1",        "下周一起照常开门",            REF,                   "下周一起", "2022-02-21T00:00", "2022-02-22T00:00", "day"),
    ("xiaxingqi-3",      "下星期三8:30恢复",            REF,                   "下星期三8:30", "2022-02-23T08:30", "2022-02-23T08:30", "minute"),
    # the day of a relative word restated in brackets: the time after it joins the relative day
    ("mingri-restated",  "请于明日（27日）16:00前办理",   dt.date(2024, 12, 26), "明日（27日）16:00前", "2024-12-27T16:00", "2024-12-27T16:00", "minute"),
    ("benzhou-restated", "本周六（12月28日）上午9:00值班", dt.date(2024, 12, 26), "本周六（12月28日）上午9:00", "2024-12-28T09:00", "2024-12-28T09:00", "minute"),
    ("jinri-restated-wd", "今日（12月26日，周四）18:00起", dt.date(2024, 12, 26), "今日（12月26日，周四）18:00起", "2024-12-26T18:00", "2024-12-26T18:00", "minute"),
    # 第三日: the stated date counts as the first day
    ("disanri-chain",    "自12月31日18时起暂停，次日8时起部分恢复，第三日8时起全部恢复", dt.date(2024, 12, 20), "第三日8时起", "2025-01-02T08:00", "2025-01-02T08:00", "minute"),
    # a bare weekday before a time of day: the next such day from the reference on (a broadcast, 2023-11-24 Fri)
    ("zhou6-spoken",     "周六晚上八点停",              dt.date(2023, 11, 24), "周六晚上八点", "2023-11-25T20:00", "2023-11-25T20:00", "minute"),
    ("zhouri-dawn",      "周日凌晨两点半就恢复",        dt.date(2023, 11, 24), "周日凌晨两点半", "2023-11-26T02:30", "2023-11-26T02:30", "minute"),
    ("xingqi5-same-day", "星期五18:00起暂停",           dt.date(2023, 11, 24), "星期五18:00起", "2023-11-24T18:00", "2023-11-24T18:00", "minute"),
    ("libai1-clock",     "礼拜一9点恢复",               dt.date(2023, 11, 24), "礼拜一9点", "2023-11-27T09:00", "2023-11-27T09:00", "minute"),
]
# fmt: on


@pytest.mark.parametrize(("text", "reference", "span", "instant", "end", "precision"), cases(RELATIVE))
def test_relative_days(text: str, reference: dt.date, span: str, instant: str, end: str, precision: str) -> None:
    point = point_of(expression(text, span, reference))
    assert (iso(point.instant), iso(point.end_instant), point.precision) == (cst(instant), cst(end), precision)
    assert point.relative


def test_jinwan_24_names_the_reference_day() -> None:
    point = point_of(expression("今晚24时停机", "今晚24时", REF))
    assert point.day == REF


# --------------------------------------------------------------------------- missing years

# fmt: off
YEARS = [
    # id                        text                                                         reference              span              day
    ("preceding-stated",        "自2021年9月14日零时起暂停……自9月21日零时起恢复",             None,                  "自9月21日零时起", "2021-09-21"),
    ("preceding-december",      "2019年12月31日18时起暂停……1月6日起恢复",                    None,                  "1月6日起",       "2020-01-06"),
    ("preceding-beats-ref",     "2019年12月31日18时起暂停……1月3日恢复",                      dt.date(2022, 6, 1),   "1月3日",         "2020-01-03"),
    ("range-end-anchors",       "自2023年12月28日起至2024年1月10日止。请于12月27日前完成",   None,                  "12月27日前",     "2023-12-27"),
    ("cn-year-anchors",         "二〇二二年十月一日起，11月1日恢复",                         None,                  "11月1日",        "2022-11-01"),
    ("reference-same-year",     "7月1日起执行",                                              REF,                   "7月1日起",       "2022-07-01"),
    ("reference-next-year",     "1月10日统一补扣",                                           dt.date(2022, 12, 20), "1月10日",        "2023-01-10"),
    ("reference-last-year",     "12月28日起暂停",                                            dt.date(2023, 1, 5),   "12月28日起",     "2022-12-28"),
    ("six-months-same-year",    "7月1日起执行",                                              dt.date(2022, 1, 15),  "7月1日起",       "2022-07-01"),
    ("seven-months-last-year",  "8月1日起执行",                                              dt.date(2022, 1, 15),  "8月1日起",       "2021-08-01"),
    ("following-stated",        "7月24日18时起暂停。自2020年7月启用新基数",                  None,                  "7月24日18时起",  "2020-07-24"),
    ("following-december",      "12月31日起暂停，2020年1月6日恢复",                          None,                  "12月31日起",     "2019-12-31"),
    ("weekday-with-reference",  "7月1日（星期五）起执行",                                    dt.date(2021, 12, 30), "7月1日（星期五）起", "2022-07-01"),
    ("weekday-next-to-stated",  "2019年12月31日18时起暂停，1月6日（星期一）恢复",            None,                  "1月6日（星期一）", "2020-01-06"),
    ("weekday-slip",            "6月11日（星期三）8:30恢复",                                  dt.date(2024, 5, 28),  "6月11日（星期三）8:30", "2024-06-11"),  # a Tuesday
    ("weekday-over-new-year",   "1月3日（星期五）恢复",                                      dt.date(2024, 12, 20), "1月3日（星期五）", "2025-01-03"),
    ("bare-year-weak",          "根据2019年浙江省在岗职工平均工资，7月1日起执行",            None,                  "7月1日起",       "2019-07-01"),
    ("bare-year-and-weekday",   "2019年度结算后，1月6日（星期一）起恢复",                    None,                  "1月6日（星期一）起", "2020-01-06"),
    ("day-alone-month",         "2022年8月（省本级15日、武汉市20日）批扣",                   None,                  "20日",           "2022-08-20"),
    ("day-alone-after-range",   "2022年2月26日0时至3月20日24时停机，21日恢复",               None,                  "21日",           "2022-03-21"),
]
# fmt: on


@pytest.mark.parametrize(("text", "reference", "span", "day"), cases(YEARS))
def test_missing_years(text: str, reference: dt.date | None, span: str, day: str) -> None:
    assert point_of(expression(text, span, reference)).day.isoformat() == day


# --------------------------------------------------------------------------- not dates

# fmt: off
NOT_DATES = [
    # id                    text                                              reference   spans that are dates
    ("doc-number-tortoise", "根据〔2022〕12号文件",                          REF,        []),
    ("doc-number-square",   "根据[2022]3号文件",                             REF,        []),
    ("doc-number-paren",    "根据（2021）5号文件",                           REF,        []),
    ("doc-number-full",     "巴医保通〔2021〕3号",                           REF,        []),
    ("doc-number-ministry", "浙人社发〔2020〕33号规定",                      REF,        []),
    ("account-year",        "2021年度社保缴费基数",                          REF,        []),
    ("social-year",         "未完成2022社保年度缴费",                        REF,        []),
    ("retiree-year",        "2020年度退休人员养老金",                        REF,        []),
    ("bare-year",           "2019年浙江省在岗职工年平均工资",                REF,        []),
    ("cn-bare-year",        "二〇二二年",                                    REF,        []),
    ("lunar-alone",         "农历八月十五中秋节",                              REF,        []),
    ("lunar-month-start",   "正月初八上班",                                    REF,        []),
    ("lunar-month-part",    "腊月下旬至正月十五为春运期间",                    REF,        []),
    ("money",               "年平均工资71523元",                             REF,        []),
    ("money-decimal",       "月平均3321.6元",                                REF,        []),
    ("money-cents",         "上限17880.75元",                                REF,        []),
    ("phone-area",          "咨询电话0531-12345",                            REF,        []),
    ("hotline",             "拨打12333咨询",                                 REF,        []),
    ("phone-long",          "电话：0996-2029563",                            REF,        []),
    ("percent",             "按300%确定",                                    REF,        []),
    ("articles",            "共23条",                                        REF,        []),
    ("days-count",          "停机20天",                                      REF,        []),
    ("months-count",        "缴纳3个月",                                     REF,        []),
    ("cn-months-count",     "三个月",                                        REF,        []),
    ("cn-bare-month",       "三月",                                          REF,        []),
    ("cn-day-alone",        "一日游",                                        REF,        []),
    ("ordinal",             "第8号公告",                                     REF,        []),
    ("section",             "01 为什么要停机",                               REF,        []),
    ("cn-section",          "（一）个人缴费",                                REF,        []),
    ("list-item",           "1.全市基本养老保险",                            REF,        []),
    ("url",                 "t20190709_384217.html",                         REF,        []),
    ("icp",                 "京ICP备19017813号",                             REF,        []),
    ("plain-number",        "编号123456",                                    REF,        []),
    ("version",             "版本2.1.3",                                     REF,        []),
    ("ip-address",          "192.168.1.1",                                   REF,        []),
    ("implausible-year",    "3321.6.1",                                      REF,        []),
    ("decimal-percent",     "增长4.5%",                                      REF,        []),
    ("elided-end-alone",    "增长1.4倍",                                     REF,        []),
    ("recurring-day",       "恢复至每月25日",                                REF,        []),
    ("recurring-date",      "每年1月1日调整",                                REF,        []),
    ("recurring-weekday",   "每周五下午开放",                                REF,        []),
    ("no-such-day",         "本月30日",                                      REF,        []),    # February
    ("bare-weekday",        "本周四、周五两天窗口照常",                      REF,        ["本周四"]),
    ("within-days",         "30日内办结",                                    REF,        []),
    ("days-ahead",          "提前3日申报",                                   REF,        []),
    ("full-days",           "满15日的",                                      REF,        []),
    ("office-hours",        "工作时间9:00-17:00",                            REF,        []),
    ("clause-clock-alone",  "工作时间：9:00起至17:00",                       REF,        []),     # no day before it
    ("clause-clock-far",    "2022年5月1日发布。\n，8:00起开放",             REF,        ["2022年5月1日"]),   # another line
    ("invalid-day",         "2月30日",                                       REF,        []),
    ("invalid-month",       "2022年13月1日",                                 REF,        []),
    ("news-app",            "今日头条",                                      REF,        []),
    ("relative-no-ref",     "今天12时起",                                    None,       []),
    ("no-year-anywhere",    "7月1日起执行",                                  None,       []),
    ("no-month-anywhere",   "受理时间1-18日",                                None,       []),
    ("weekday-no-anchor",   "1月6日（星期一）恢复",                          None,       []),
    ("doc-number-and-date", "根据浙人社发〔2020〕33号，自2020年7月启用",     None,       ["自2020年7月"]),
    ("invalid-hour-dropped", "2022年2月26日25时",                            None,       ["2022年2月26日"]),
    ("month-range-no-crash", "对1-6月预收的费用",                            None,       []),
    ("list-number-month",   "1.3月份基本养老金提前发放",                     REF,        ["3月份"]),   # item 1, then a month
    ("list-number-day",     "说明：2.12月20日起暂停",                        REF,        ["12月20日起"]),
    ("decimal-month",       "版本1.3月",                                     REF,        []),
    ("weekday-no-clock",    "周六、周日正常办理",                            REF,        []),   # recurring days
    ("weekday-every",       "每周六9:00至12:00值班",                         REF,        []),
    ("zhou-words",          "周末和周边网点",                                REF,        []),
    ("wage-sentence",       "根据2019年浙江省在岗职工年平均工资71523元、用人单位申报的职工2019年月平均工资收入确定", None, []),
]
# fmt: on


@pytest.mark.parametrize(("text", "reference", "spans"), cases(NOT_DATES))
def test_not_dates(text: str, reference: dt.date | None, spans: list[str]) -> None:
    assert [e.text for e in find_time_expressions(text, reference)] == spans


# --------------------------------------------------------------------------- estimate_reference

HANGZHOU = (
    "今起杭州市人力社保及医保等系统开始停机切换。从今天开始至7月24日18时，网上办暂停。"
    "（一）7月17日12时至8月12日18时，城乡居民基本医疗保险参保登记暂停。"
    "●2020年7月到达法定退休年龄的参保人员，未在17日之前申报的……自2020年7月启用。"
)

# fmt: off
ESTIMATES = [
    # id                 text                                                              estimate
    ("hangzhou",         HANGZHOU,                                                         "2020-07-17"),
    ("no-year",          "7月24日18时至8月12日24时暂停",                                   None),
    ("latest-year",      "2019年12月31日18时至2020年1月5日8时；请于2020年1月31日前结算",   "2020-01-05"),
    ("preceding-year",   "2021年9月8日印发。自9月14日零时起暂停，9月1日以前的业务照常",    "2021-09-01"),
    ("month-only",       "2021年3月1日起；2022年7月启用",                                  None),
    ("single-date",      "2023年12月15日",                                                 "2023-12-15"),
    ("relative-ignored", "今天起暂停，2022年3月1日恢复",                                   "2022-03-01"),
    ("front-matter",     "date: 2022-02-18 10:58:17 +0800 记者2月17日获悉",                "2022-02-17"),
]
# fmt: on


@pytest.mark.parametrize(("text", "estimate"), cases(ESTIMATES))
def test_estimate_reference(text: str, estimate: str | None) -> None:
    found = estimate_reference(text)
    assert (found.isoformat() if found else None) == estimate


def test_estimate_resolves_today() -> None:
    reference = estimate_reference(HANGZHOU)
    today = expression(HANGZHOU, "从今天开始至7月24日18时", reference)
    assert today.begin is not None and today.begin.day == dt.date(2020, 7, 17)


# --------------------------------------------------------------------------- numerals

# fmt: off
NUMERALS = [
    ("ling", "零", 0), ("shi", "十", 10), ("shisi", "十四", 14), ("ershisi", "二十四", 24),
    ("sanshiyi", "三十一", 31), ("nianwu", "廿五", 25), ("sa", "卅", 30), ("liang", "两", 2),
    ("two-digits", "一二", None),
]
# fmt: on


@pytest.mark.parametrize(("text", "value"), cases(NUMERALS))
def test_chinese_number(text: str, value: int | None) -> None:
    assert chinese_number(text) == value


# --------------------------------------------------------------------------- whole notices


def notice_texts() -> list:
    files = sorted(p for p in NOTICES.glob("*") if p.suffix in (".txt", ".md", ".html"))
    return [pytest.param(p, id=p.name) for p in files]


@pytest.mark.parametrize("path", notice_texts())
def test_whole_notice_invariants(path: Path) -> None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    found = find_time_expressions(text, estimate_reference(text) or REF)
    assert found, "a notice has time expressions"
    for previous, current in zip(found, found[1:]):
        assert previous.end <= current.start
    for item in found:
        assert item.text == text[item.start:item.end]
        assert (item.kind == "interval") == (item.begin is not None and item.until is not None)
        assert (item.marker == "until") == (item.begin is None)
        for point in (item.begin, item.until):
            if point is not None:
                assert point.instant.utcoffset() == dt.timedelta(hours=8)
                assert point.end_instant >= point.instant
        if item.kind == "interval":
            assert item.until.end_instant >= item.begin.instant  # type: ignore[union-attr]
