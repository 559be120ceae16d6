"""Times stated only as an earlier notice's values (extractors/superseded.py through the pipeline)."""
from __future__ import annotations

import datetime as dt

import pytest

from extractors.pipeline import extract
from tests.conftest import document_of

PUBLISHED = dt.datetime(2023, 12, 18, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

# fmt: off
SUPERSEDED = [
    # (id, text, windows (start, end or ""), resumptions, deadlines), in +08:00
    ("old window",
     "原定于2023年12月22日18时至2024年1月2日8时暂停办理相关社会保险业务。",
     [], [], []),
    ("old and new in one clause",
     "暂停时间由原定的12月22日18时至1月2日8时延长为12月22日18时至1月5日24时。",
     [("2023-12-22T18:00", "2024-01-06T00:00")], [], []),
    ("old resumption",
     "自2023年12月22日18时起暂停办理，原定于1月2日8时恢复。",
     [("2023-12-22T18:00", "")], [], []),
    ("new after comma",
     "原定于12月29日恢复，现调整为2024年1月5日8时起恢复办理。",
     [], ["2024-01-05T08:00"], []),
    ("quoted old arrangement",
     "原通告中“请于12月22日前办结急需业务”的提示同时作废。",
     [], [], []),
    ("void request",
     "原通告要求参保单位于12月22日前办结急需业务的提示同时作废，请于2024年1月5日前办结。",
     [], [], ["2024-01-05"]),
    ("old time limit",
     "12月份社会保险费原缴费期限为2024年12月31日，缴费期限延长至2025年1月20日，补办期限为2025年1月31日前。",
     [], [], ["2025-01-20", "2025-01-31"]),
    ("void paragraph",
     "〔旧文〕2023年11月10日18时至11月13日8时暂停服务。\n2024年11月8日18时至11月12日8时30分停机切换。",
     [("2024-11-08T18:00", "2024-11-12T08:30")], [], []),
    ("void note",
     "（以下一段为2022年度通告原文，已作废，请勿参照）2022年12月30日17:30至2023年1月3日8:00暂停办理。", [], [], []),
    ("no old value",
     "2024年1月5日18时至1月15日8时暂停办理，原因是系统升级。",
     [("2024-01-05T18:00", "2024-01-15T08:00")], [], []),
    ("originally in another clause",
     "系统切换原定于今年进行，现定于2024年1月5日18时至1月15日8时暂停办理。",
     [("2024-01-05T18:00", "2024-01-15T08:00")], [], []),
]
# fmt: on


def _iso(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M") if moment else ""


@pytest.mark.parametrize(("text", "windows", "resumptions", "deadlines"), [s[1:] for s in SUPERSEDED],
                         ids=[s[0] for s in SUPERSEDED])
def test_superseded_times_are_no_facts(text: str, windows: list[tuple[str, str]], resumptions: list[str],
                                       deadlines: list[str]) -> None:
    facts = extract(document_of(text, published=PUBLISHED))
    assert [(_iso(w.start), _iso(w.end)) for w in facts.windows] == windows
    assert [_iso(r.at) for r in facts.resumptions] == resumptions
    assert [d.day.isoformat() for d in facts.deadlines] == deadlines
