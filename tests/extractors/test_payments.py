"""Early benefit payments of single sentences (extractors/payments.py through the pipeline)."""
from __future__ import annotations

import datetime as dt

import pytest

from extractors.pipeline import extract
from tests.conftest import document_of

PUBLISHED = dt.datetime(2023, 3, 8, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

# fmt: off
PAYMENTS = [
    # sentence, [(benefit, for month, paid by)]
    ("3月份养老金提前至3月15日前发放。",              [("pension", "2023-03", "2023-03-15")]),
    ("4月份养老金提前至3月28日前发放到账。失业保险金不作提前发放，4月份的失业保险金在系统恢复后按月发放。",
                                                   [("pension", "2023-04", "2023-03-28")]),   # said not to be early
    ("3月份养老金将于3月15日前提前发放到位。",         [("pension", "2023-03", "2023-03-15")]),   # the day before 提前
    ("2月份、3月份养老金提前至2月25日发放。",          [("pension", "2023-03", "2023-02-25")]),
    ("3月应发的失业保险金提前到2月发放。",             [("unemployment", "2023-03", "2023-02-28")]),
    ("3月15日，3月份养老金提前发放。",                 []),        # a day before the month says nothing of it
    ("养老金按月正常发放。",                          []),
    # several statements in a sentence or paragraph; one without a month is for the month before it
    ("3月份养老金提前至3月9日前发放，失业保险金也提前至3月9日前发放到账。",
                                                    [("pension", "2023-03", "2023-03-09"),
                                                     ("unemployment", "2023-03", "2023-03-09")]),
    ("4月份养老金提前至3月发放；工伤保险定期待遇提前至3月28日前发放；失业保险金按原时间发放。",
                                                    [("pension", "2023-04", "2023-03-31"),
                                                     ("work_injury", "2023-04", "2023-03-28")]),
    ("4月份养老金提前至3月发放。\n工伤保险定期待遇提前至3月28日前发放。",
                                                    [("pension", "2023-04", "2023-03-31")]),   # another paragraph
    ("三、待遇提前发放安排\n（一）2023年4月份企业职工基本养老金提前至3月25日发放到账。\n（二）2023年4月份城乡居民基本养老保险待遇提前至3月份发放。",
                                                    [("pension", "2023-04", "2023-03-25"),
                                                     ("pension", "2023-04", "2023-03-31")]),   # one section, two groups
    # a day before the month paid for is early by itself
    ("4月份失业保险金于3月27日前发放到账。",            [("unemployment", "2023-04", "2023-03-27")]),
    ("4月份的基本养老金提前至3月份发放，于3月22日前发放到账。", [("pension", "2023-04", "2023-03-22")]),  # narrowed
    ("2023年10月份伤残津贴等工伤保险长期待遇随9月份待遇一并发放。", [("work_injury", "2023-10", "2023-09-30")]),
    ("2023年12月份养老金提前发放，11月份和12月份养老金将于11月15日前一并发放到账。", [("pension", "2023-12", "2023-11-15")]),
    ("4月份失业保险金于4月10日发放到账。",              []),
    ("3月份养老金按原定时间正常发放。",                []),
    ("本月25日前发放12月份养老金。",                  []),                                  # no day after the month
    # a statement without a day of its own is paid by the day of the one before it
    ("2023年4月份养老金提前至3月24日发放，工伤保险长期待遇随同提前发放。",
                                                    [("pension", "2023-04", "2023-03-24"),
                                                     ("work_injury", "2023-04", "2023-03-24")]),
    # two groups paid for one month by two days, in one paragraph: two payments
    ("企业退休人员4月份基本养老金提前至3月发放，3月31日前发放到账；城乡居民4月份基础养老金于3月20日前发放到账。",
                                                    [("pension", "2023-04", "2023-03-31"),
                                                     ("pension", "2023-04", "2023-03-20")]),
    # a later sentence naming an earlier day for the same benefit narrows it (not a payment of its own)
    ("4月应发的养老金统一提前到3月发放。以领取养老金的退休人员为例，3月25日前会收到3月、4月两个月的养老金。",
                                                    [("pension", "2023-04", "2023-03-25")]),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), PAYMENTS, ids=[p[0][:14] for p in PAYMENTS])
def test_payments_of_a_sentence(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    facts = extract(document_of(sentence, published=PUBLISHED))
    assert [(p.benefit, f"{p.for_month:%Y-%m}", p.paid_by.isoformat()) for p in facts.payments] == expected
