"""Deadlines people are asked to act by (extractors/deadlines.py through the pipeline)."""
from __future__ import annotations

import pytest

from extractors.pipeline import extract
from tests.conftest import document_of

# fmt: off
DEADLINES = [
    # sentence, days
    ("请于2023年11月24日前完成11月份人员增减申报。",                  ["2023-11-24"]),
    ("可在2023年4月30日前补报补缴，免收滞纳金。",                      ["2023-04-30"]),
    ("申报纳税期限延长至2023年6月21日。",                              ["2023-06-21"]),
    ("受理时间延长至2023年5月27日24时。",                              ["2023-05-27"]),
    ("请于2023年6月26日前完成汇缴，逾期将顺延至7月补缴。",                ["2023-06-26"]),   # a month is no day
    ("因办税服务厅搬迁，恢复办理时间顺延至2023年2月24日14:30。",          []),     # when the outage ends
    ("2023年12月25日前未完成放款的贷款，待系统恢复后发放。",            []),     # a condition, not a request
    ("3月份养老金于2023年2月25日前发放到账。",                        []),     # money arrives, nobody acts
    ("2023年12月25日前，系统正常运行。",                              []),     # no action asked
    ("系统恢复后可补办结算，补办截止时间为2023年1月31日。",              ["2023-01-31"]),
    ("待系统恢复后到原就诊机构补办结算手续，补办期限为2025年7月31日前。",     ["2025-07-31"]),
    ("本通知有效期限为2025年12月31日。",                              []),     # the notice's own validity
    ("系统切换期间缴费不受影响，集中缴费截止日期仍为2022年12月31日。",       ["2022-12-31"]),
    ("暂停批量代扣，顺延至2023年1月6日统一扣款，请于1月5日前确保余额充足。", ["2023-01-05"]),  # the agency's day
    ("我市将于2023年12月31日至2024年1月2日开展年度结转，完成数据清算。",   []),     # the agency works then
    ("原定于1月1日扣收的贷款月还款，由管理中心统一顺延至2024年1月2日扣收，借款人无需另行办理。", []),
    ("国庆假期（2021年10月1日至7日）每日9:00至17:00安排人员值班，接收急需办理业务的材料。", []),   # a holiday's dates
    ("请于2023年12月1日至12月15日办理年度申报。",                       ["2023-12-15"]),
    ("门诊慢特病患者可于2023年12月29日前到定点医药机构提前开药。",         ["2023-12-29"]),
    ("业务暂停时间延长为2023年11月10日18时至11月22日24时，自11月23日起恢复办理。", []),   # the action is the later time's
    ("请于2023年6月14日22:00前或次日8:00后错时办理。",                  ["2023-06-14"]),   # two times, one action
    ("灵活就业人员2023年度养老保险费缴费截至2023年12月26日止。",            ["2023-12-26"]),
    ("截至2023年12月20日，全市参保人数达120万人。",                      []),     # a statistic's date
    ("前期数据比对工作已于2023年11月30日前全部完成。",                    []),     # done, not asked
    ("2023年10月5日至6日，办税服务厅安排人员值班，仅提供政策咨询，不办理业务。", []),    # no action to do
    ("4月份申报纳税期限截至2023年4月18日，请合理安排办理时间。",             ["2023-04-18"]),
    ("请门诊慢特病患者于2023年12月1日前到定点医药机构备足所需药品。",         ["2023-12-01"]),
    ("2023年12月28日上午9:00—12:00，服务大厅安排值班，提供咨询（不办理业务）。", []),   # hours of one day
    ("中心将在系统恢复后统一扣款，请于2024年1月1日前在还款账户存足应还金额。", ["2024-01-01"]),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), DEADLINES, ids=[d[0][:14] for d in DEADLINES])
def test_deadlines_of_a_sentence(sentence: str, expected: list[str]) -> None:
    facts = extract(document_of(sentence))
    assert [d.day.isoformat() for d in facts.deadlines] == expected
