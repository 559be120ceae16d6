from __future__ import annotations

import pytest

from extractors.channels import bracketed_names, channel_mention, kind_of

# fmt: off
NAMES = [
    # text, head, head kind, expected name, expected kind, proper
    ("线上渠道包括：鄂汇办APP、支付宝", "APP", "mobile_app", "鄂汇办APP", "mobile_app", True),
    ("湖北12333微信公众号所涉及的业务", "微信公众号", "wechat", "湖北12333微信公众号", "wechat", True),
    ("“河南社保”APP、“河南社保”微信公众号", "APP", "mobile_app", "河南社保”APP", "mobile_app", True),
    ("暂停期间，北京市人力资源和社会保障局门户网站", "门户网站", "website", "北京市人力资源和社会保障局门户网站", "website", True),
    ("通过楚税通APP办理", "APP", "mobile_app", "楚税通APP", "mobile_app", True),
    ("各承办银行住房公积金业务柜台暂停", "柜台", "service_hall", "各承办银行住房公积金业务柜台", "bank", True),
    ("政务服务中心办税窗口和委托代征单位", "窗口", "service_hall", "政务服务中心办税窗口", "tax_office", True),
    ("网站、自助服务终端、手机APP、微信公众号", "APP", "mobile_app", "手机APP", "mobile_app", False),
    ("电子税务局、厦门税务APP暂停办理", "APP", "mobile_app", "厦门税务APP", "mobile_app", True),
    ("因系统维护，上海市电子税务局将暂停服务", "电子税务局", "website", "上海市电子税务局", "website", True),
    ("登录成都市人社局官网查询", "官网", "website", "成都市人社局官网", "website", True),
    ("内蒙古自治区政务服务网暂停", "政务服务网", "website", "内蒙古自治区政务服务网", "website", True),
    ("全市各办税服务厅暂停办理", "服务厅", "service_hall", "全市各办税服务厅", "tax_office", True),
]
# fmt: on


@pytest.mark.parametrize(("text", "head", "head_kind", "name", "kind", "proper"), NAMES, ids=[n[3] for n in NAMES])
def test_channels_names_read_leftwards(text: str, head: str, head_kind: str, name: str, kind: str, proper: bool) -> None:
    start = text.index(head)
    mention = channel_mention(text, start, start + len(head), head_kind, 0, known=False)
    assert mention.name.strip("“”") == name.strip("“”")
    assert (mention.kind, mention.proper) == (kind, proper)


def test_channels_bracketed_list_after_head() -> None:
    text = "微信公众号(青岛人社、青岛12333、青岛Ai人社)、青岛人社自助一体机"
    names = bracketed_names(text, text.index("(") , "wechat")
    assert [m.name for m in names] == ["青岛人社", "青岛12333", "青岛Ai人社"]
    assert all(text[m.start:m.end] == m.name for m in names)


def test_channels_electronic_tax_bureau_stays_a_website() -> None:
    assert kind_of("湖北省电子税务局", "website") == "website"


@pytest.mark.parametrize(("text", "head", "limit", "name"), [
    ("请登录湖北政务服务网办理", "网", 0, "湖北政务服务"),                 # cut after the stop word 登录
    ("可通过人力资源和社会保障局网站查询", "网站", 0, "人力资源和社会保障局"),  # 和 kept inside the phrase
    ("，鄂汇办APP", "APP", 0, "鄂汇办"),                                   # a non-name character ends the name
    ("上海人社APP", "APP", 0, "上海人社"),                                 # 上 of a place name does not stop it
    ("通过" + "甲" * 30 + "APP", "APP", 0, "甲" * 24),                    # at most name_max characters
    ("停机期间湖北政务服务网", "网", 6, "政务服务"),                         # not before the limit
])
def test_extend_left(text: str, head: str, limit: int, name: str) -> None:
    from extractors.channels import extend_left

    start = text.index(head)
    assert text[extend_left(text, start, limit):start] == name
