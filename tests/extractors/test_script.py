"""extractors.script: same-length Traditional -> Simplified, script detection, script-blind patterns."""
from __future__ import annotations

import re

import pytest

from extractors.script import (compile_either, convert_characters, detect_script, either_script, simplify,
                               to_simplified)
from tests.extractors.test_loading import DEV_NOTICES, dev_document

# fmt: off
SIMPLIFY = [
    ("characters",   "職工社會保險和醫療保險信息系統",           "职工社会保险和医疗保险信息系统"),
    ("phrase",       "山東省社會保險管理資訊系統停機遷移資料",    "山东省社会保险管理信息系统停机迁移资料"),
    ("channel",      "暫停的辦理管道包括：社保經辦櫃台",          "暂停的办理渠道包括：社保经办柜台"),
    ("interface",    "社會保險數據資源介面也同步暫停",            "社会保险数据资源接口也同步暂停"),
    ("account",      "可先辦理出院手續並扎帳，待系統恢復",        "可先办理出院手续并扎账，待系统恢复"),
    ("simplified",   "社保系统将于26日停机迁移数据",              "社保系统将于26日停机迁移数据"),
    ("no phrases in Hans", "供水管道检修期间暂停供水服务",        "供水管道检修期间暂停供水服务"),
    ("latin",        "APP 12333 ITS",                              "APP 12333 ITS"),
    ("astral",       "𠉂系統𫝈",                                   "𠉂系统𫝈"),
    ("empty",        "",                                           ""),
]
SCRIPTS = [
    ("Hans",  "社保系统将于26日停机迁移数据，哪些业务受影响"),
    ("Hant",  "社保系統將於26日停機遷移數據，哪些業務受影響"),
    ("Hans",  "停机"),
    ("Hans",  "Notice 2021"),
    ("Hans",  "著名的乾隆年间，于是社保系统将于26日停机迁移数据，哪些业务受影响"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in SIMPLIFY], ids=[s[0] for s in SIMPLIFY])
def test_script_to_simplified(text: str, expected: str) -> None:
    converted = to_simplified(text)
    assert converted == expected
    assert len(converted) == len(text)


@pytest.mark.parametrize(("script", "text"), SCRIPTS, ids=[s[1][:6] for s in SCRIPTS])
def test_script_detect(script: str, text: str) -> None:
    assert detect_script(text) == script
    assert simplify(text)[1] == script


def test_script_characters_only_keeps_phrases() -> None:
    assert convert_characters("資訊") == "资讯"


@pytest.mark.parametrize("name", DEV_NOTICES)
def test_script_dev_notices(name: str) -> None:
    document = dev_document(name)
    assert document.script == ("Hant" if name in ("h08d125c7.html", "hb0ff8674.html") else "Hans")
    assert len(document.norm) == len(document.text)
    assert detect_script(document.norm) == "Hans"


# fmt: off
EITHER = [
    ("发布时间",            "發佈時間：2022年",   True),
    ("相关(阅读|文章)",      "相關閱讀",           True),
    (r"[（(]?来源[:：]",     "（來源：齊魯民生網",  True),
    (r"\[发\]",             "[發]",               True),
    ("[一-九]月",           "九月",               True),
    ("发布时间",            "更新时间",           False),
]
# fmt: on


@pytest.mark.parametrize(("pattern", "text", "found"), EITHER, ids=[e[0] for e in EITHER])
def test_script_either_script_patterns(pattern: str, text: str, found: bool) -> None:
    assert (re.search(either_script(pattern), text) is not None) is found
    assert (compile_either(pattern).search(text) is not None) is found


def test_script_full_width_digits_and_letters_match_as_ascii() -> None:
    text = "２０２３年１２月３１日１８：００，“掌上１２３３３”ＡＰＰ（暂停）"
    norm, script = simplify(text)
    assert norm == "2023年12月31日18：00，“掌上12333”APP（暂停）" and len(norm) == len(text) and script == "Hans"
