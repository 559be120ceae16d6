"""Phone numbers given for questions (extractors/hotlines.py through the pipeline)."""
from __future__ import annotations

import pytest

from extractors.pipeline import extract
from tests.conftest import document_of

# fmt: off
HOTLINES = [
    # text (one block per line), digits of the numbers found
    ("如有疑问，请拨打12333咨询。",                                        ["12333"]),
    ("请拨打12333人社服务热线或0991-4636175（市社保局业务咨询电话）。",       ["12333", "09914636175"]),
    ("住房公积金服务热线：12329（厦门市外请拨0592-12329）。",                 ["12329", "059212329"]),
    ("咨询电话：12333；0851-87985600（市社会保险事业局）。",                  ["12333", "085187985600"]),
    ("五、咨询方式\n全省统一咨询电话：12333\n省社保局：0931-8928120（工作日9:00—17:00）",
                                                                          ["12333", "09318928120"]),
    ("六、咨询电话\n人社业务：12333，0871-63138869（昆明市社会保险中心）\n缴费业务：12366",
                                                                          ["12333", "087163138869", "12366"]),
    ("咨询电话：12333。\n本报新闻线索征集热线：0771-2876110　投稿邮箱：news@example.cn",
                                                                          ["12333"]),
    ("如有疑问，可拨打当地12333人社服务热线。",                              ["12333"]),
    ("咨询电话：12333，市社会保险事业局0772-2831260。",                      ["12333", "07722831260"]),
    ("【咨询电话】\n九江市医疗保障服务中心：0792-8221393",                    ["07928221393"]),
    ("可拨打12393，或市医保中心咨询电话962218。",                            ["12393", "962218"]),
    ("如有疑问，或拨打曲靖市12345政务服务便民热线。",                          ["12345"]),
    ("如有疑问，请拨打海南省12345政务服务便民热线0898-12345。",                ["089812345"]),  # the line's name
    ("单位 | 咨询电话\n长沙市12345政务服务便民热线 | 0731-12345",             ["073112345"]),  # the name's cell
    ("咨询电话：12366。\n如需了解更多，可拨打本站客服热线400-880-2345（此电话不提供政策咨询）。", ["12366"]),
    ("节目爆料热线：0510-81868186\n如有疑问，可拨打12393咨询。",                 ["12393"]),   # a programme's tip line
    # a line of just a name and a number goes on with the line above that gave numbers
    ("咨询电话：0731-12333（株洲市人社服务热线）\n株洲市社会保险服务中心：0731-28661205",
                                                                          ["073112333", "073128661205"]),
    ("咨询电话：0731-12333\n传真：0731-28661206",                          ["073112333"]),      # a fax is no line
    ("单位地址：人民路88号。\n办公室：0731-28661205",                       []),                 # nothing above it
    ("★ 咨询电话：（0731）28681234",                                        ["073128681234"]),   # area code in brackets
    ("咨询电话：12329；厦门市住房公积金中心综合服务科（0592）5383720",        ["12329", "05925383720"]),   # after a section's name
    # a table of numbers under a caption that says what they are; a line of a name and a number goes on with it
    ("绵阳市社会保险经办机构咨询电话\n涪城区社会保险事业管理局\t0816-2236457（传真：0816-2236450）\n"
     "游仙区社会保险事业管理局\t0816-2891306\n平武县社会保险事业管理局 0816-8822419",
                                                                          ["08162236457", "08162891306", "08168822419"]),
    # a table whose header names its numbers (经办机构 | 地址 | 联系电话); not one whose header does not
    ("各经办机构信息如下：\n!经办机构\t办公地址\t联系电话\n柳江区社保中心\t拉堡镇柳堡路126号\t0772-7212365",
                                                                          ["07727212365"]),
    ("各经办机构信息如下：\n!经办机构\t办公地址\t传真\n柳江区社保中心\t拉堡镇柳堡路126号\t0772-7212380", []),
    # numbers under a heading under the heading that names them; a table's 传真 column is no line
    ("六、咨询电话\n● 各县（市、区）医保经办机构：\n○ 涪城区：0816-2218705\n○ 游仙区：0816-2692216",
                                                                          ["08162218705", "08162692216"]),
    ("六、咨询方式\n!区县\t地址\t传真\t联系电话\n涪城区\t人民路1号\t0816-2218700\t0816-2218705", ["08162218705"]),
    ("天津市便民服务专线：8890。",                                          ["8890"]),           # a four-digit line
    ("咨询电话：2024年度另行公布。",                                        []),
    ("关注湖北12333微信公众号办理。",                                       []),   # a number inside a name
    ("五、咨询方式\n补发金额1000元。",                                       []),   # an amount, not a line
    ("参保人员共12345人。",                                                []),   # no words of asking or calling
    ("单位地址：人民路88号。0851-87985600",                                  []),   # a number after an unrelated sentence
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), HOTLINES, ids=[h[0][:16] for h in HOTLINES])
def test_hotlines_given_for_questions(text: str, expected: list[str]) -> None:
    lines = text.split("\n")       # a line with tabs is a table row; one starting with ! a table header
    kinds = {i: "table_header" if line.startswith("!") else "table_row" for i, line in enumerate(lines) if "\t" in line}
    facts = extract(document_of("\n".join(line.removeprefix("!") for line in lines), kinds))
    assert ["".join(ch for ch in h.phone if ch.isdigit()) for h in facts.hotlines] == expected
