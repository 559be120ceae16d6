from __future__ import annotations

import pytest

from extractors.cues import find_cues, is_question

# fmt: off
CUES = [
    ("线上线下同步暂停社保业务办理", ["suspend"]),
    ("社会保障卡管理信息系统不受停机影响", ["unaffected"]),
    ("停机期间，窗口正常提供咨询服务", ["suspension_frame", "unaffected"]),
    ("系统定于2月26日0时至3月20日24时停机", ["suspend"]),
    ("停机前已完成社保核定的单位", ["before_suspension"]),
    ("3月21日0时，各项业务全面恢复正常", ["resume"]),
    ("自2021年9月30日零时起逐步恢复办理", ["resume"]),
    ("待系统恢复后办理", ["after_resumption"]),
    ("5月份的业务受理时间自2022年6月恢复至每月25日", []),
    ("各办税服务厅除依赖ITS的个人所得税业务外，其他税费业务照常办理", ["exception", "unaffected"]),
    ("可在湖北政务服务网下载填报", ["alternative"]),
    ("停机期间如有疑问，请拨打12366纳税服务热线咨询", ["suspension_frame", "alternative"]),
    ("答：不受影响。", ["unaffected"]),
    ("不能查询打印", ["suspend"]),
    ("停机时间调整为2022年2月26日0时至3月31日24时", ["suspend"]),
    ("停机时间：2月26日0时至3月20日24时", ["suspend"]),
    ("停机时间较长，请提前办理", []),
    ("系统将于11月26日18:00至11月29日8:00进行切换上线", ["suspend", "resume"]),
    ("12月1日起实施系统升级", ["suspend"]),
    ("医保服务大厅提供政策咨询服务", ["alternative"]),
]
QUESTIONS = [("暂停服务期间能打印参保证明吗？", True), ("停机期间哪些业务不受影响?", True), ("暂停办理。", False)]
# fmt: on


@pytest.mark.parametrize(("text", "kinds"), CUES, ids=[c[0][:10] for c in CUES])
def test_cues_kinds_in_order(text: str, kinds: list[str]) -> None:
    assert [c.kind for c in find_cues(text)] == kinds


@pytest.mark.parametrize(("text", "expected"), QUESTIONS)
def test_cues_questions(text: str, expected: bool) -> None:
    assert is_question(text) is expected


@pytest.mark.parametrize("kind", ["suspend", "unaffected", "alternative", "resume", "suspension_frame",
                                  "before_suspension", "after_resumption", "exception"])
def test_guarded_cue_matches_are_finditers(kind: str) -> None:
    """A first-character guard finds the same non-overlapping matches as the plain pattern's finditer."""
    from extractors.cues import _matches
    from extractors.lexicon import compiled

    text = "".join(t for t, _ in CUES) + "停机停机期间停机前暂停暂停期间正常提供咨询服务除外恢复后上线线上线"
    assert [(c.start, c.end) for c in _matches(kind, text)] == [m.span() for m in compiled("cues.yaml", kind).finditer(text)]


def test_first_chars_skip_a_leading_look_behind() -> None:
    from extractors.lexicon import alternation
    from extractors.script import first_chars

    assert first_chars(alternation(["(?<!正常)提供[^，]{0,6}?服务", "拨打"])) == {"提", "拨"}
    assert first_chars(alternation(["(?<!线)上线", ".+"])) is None
