"""extractors.reading: charsets, binary sniffing and YAML front matter."""
from __future__ import annotations

import codecs
import datetime as dt

import pytest

from extractors.errors import NoticeError
from extractors.reading import decode, looks_chinese, read_text, split_front_matter

NOTICE = "关于医疗保障信息平台系统切换停机的公告：自2021年9月30日18:00起，全市各级医疗保障经办窗口暂停办理全部医保业务。"
NOTICE_HANT = "關於醫療保障信息平台系統切換停機的公告：自2021年9月30日18時起，全市各級醫療保障經辦窗口暫停辦理全部醫保業務，請廣大參保群眾相互轉告。"


def _page(meta: str, body: str, charset: str) -> bytes:
    return f"<html><head>{meta}</head><body><p>{body}</p></body></html>".encode(charset)


# fmt: off
DECODE = [
    ("utf-8",               NOTICE.encode("utf-8"),                                         None,                      "utf-8"),
    ("utf-8 bom",           codecs.BOM_UTF8 + NOTICE.encode("utf-8"),                       None,                      "utf-8"),
    ("utf-16 bom",          codecs.BOM_UTF16_LE + NOTICE.encode("utf-16-le"),               None,                      "utf-16-le"),
    ("meta charset gbk",    _page("<meta charset=gbk>", NOTICE, "gbk"),                     None,                      "gb18030"),
    ("http-equiv gb2312",   _page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', NOTICE, "gb2312"), None, "gb18030"),
    ("gb18030 4-byte char", _page("<meta charset=gb18030>", NOTICE + "€𠀀", "gb18030"),    None,                      "gb18030"),
    ("xml declaration",     b'<?xml version="1.0" encoding="GBK"?>' + _page("", NOTICE, "gbk"), None,                 "gb18030"),
    ("big5 declared",       _page("<meta charset=big5>", NOTICE_HANT, "big5"),              None,                      "big5"),
    ("big5 hkscs fallback", _page("<meta charset=big5>", NOTICE_HANT + "㗎", "big5hkscs"),  None,                      "big5hkscs"),
    ("header charset",      NOTICE.encode("gbk"),                                           "text/html; charset=GBK",  "gb18030"),
    ("header name only",    NOTICE.encode("gbk"),                                           "gbk",                     "gb18030"),
    ("wrong header",        NOTICE.encode("gbk"),                                           "text/html; charset=utf-8", "gb18030"),
    ("mislabelled latin-1", _page("<meta charset=iso-8859-1>", NOTICE, "gbk"),              None,                      "gb18030"),
    ("undeclared gbk",      NOTICE.encode("gbk"),                                           None,                      "gb18030"),
    ("undeclared big5",     (NOTICE_HANT * 3).encode("big5"),                               None,                      "big5"),
]
# fmt: on


@pytest.mark.parametrize(("raw", "declared", "charset"), [c[1:] for c in DECODE], ids=[c[0] for c in DECODE])
def test_reading_decode_charset(raw: bytes, declared: str | None, charset: str) -> None:
    text, found = decode(raw, declared)
    assert found == charset
    assert ("關於醫療" in text) or ("关于医疗" in text)
    assert not text.startswith("\ufeff")


def test_reading_newlines_normalised() -> None:
    assert decode("第一行\r\n第二行\r第三行".encode())[0] == "第一行\n第二行\n第三行"


def test_reading_truncated_multibyte_end_is_dropped() -> None:
    decoded = read_text(_page("<meta charset=gbk>", NOTICE, "gbk")[:-len("</p></body></html>") - 1])
    assert decoded.truncated
    assert decoded.charset == "gb18030"
    assert decoded.text.endswith("医保业务")


def test_reading_a_few_bad_bytes_are_tolerated() -> None:
    raw = _page("<meta charset=gbk>", NOTICE * 3, "gbk").replace("业务".encode("gbk"), b"\xff\xff", 1)
    decoded = read_text(raw)
    assert decoded.charset == "gb18030"
    assert decoded.replaced >= 1


# fmt: off
BAD = [
    ("empty",       b"",                                      "E100"),
    ("blank",       b" \r\n\t \n",                             "E100"),
    ("blank utf8",  codecs.BOM_UTF8 + "\u3000 \n".encode(),    "E100"),
    ("pdf",         b"%PDF-1.4\n...",                          "E101"),
    ("png",         b"\x89PNG\r\n\x1a\n....",                   "E101"),
    ("zip",         b"PK\x03\x04....",                         "E101"),
    ("gzip",        b"\x1f\x8b\x08\x00....",                   "E101"),
    ("jpeg",        b"\xff\xd8\xff\xe0....",                   "E101"),
    ("ole",         b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",       "E101"),
    ("nul bytes",   b"abc\x00def" * 10,                         "E101"),
    ("controls",    bytes([1, 2, 3, 4, 5, 6, 0x10, 0x11]) * 20, "E101"),
    ("high noise",  bytes(range(0x80, 0x100)) * 30,             "E102"),
    ("bad bom",     codecs.BOM_UTF8 + b"\xff\xfe\xfd" * 50,     "E102"),
]
# fmt: on


@pytest.mark.parametrize(("raw", "code"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_reading_bad_bytes(raw: bytes, code: str) -> None:
    with pytest.raises(NoticeError) as caught:
        decode(raw)
    assert caught.value.code == code


# fmt: off
PLAUSIBLE = [
    ("simplified",  NOTICE * 2,                                              True),
    ("traditional", NOTICE_HANT * 2,                                         True),
    ("mojibake",    (NOTICE_HANT * 3).encode("big5").decode("gb18030", "replace"), False),
    ("few han",     "Notice 停机",                                            True),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), [p[1:] for p in PLAUSIBLE], ids=[p[0] for p in PLAUSIBLE])
def test_reading_looks_chinese(text: str, expected: bool) -> None:
    assert looks_chinese(text) is expected


# --------------------------------------------------------------------------- front matter

# fmt: off
FRONT = [
    ("plain",         "---\ntitle: 停机公告\ndate: 2022-02-18 10:58:17 +0800\n---\n正文",
                      {"title": "停机公告", "date": "2022-02-18 10:58:17 +0800"}, "正文"),
    ("blank lines",   "\n\n---\ntitle: 'a'\ncomments: false\n---\n\n<div>正文</div>",
                      {"title": "a", "comments": False}, "\n<div>正文</div>"),
    ("list and date", "---\ncategories:\n - 新媒体\n - 趣头条\ndate: 2022-02-18\n---\n正文",
                      {"categories": ["新媒体", "趣头条"], "date": dt.date(2022, 2, 18)}, "正文"),
    ("dots close",    "---\ntitle: x\n...\n正文", {"title": "x"}, "正文"),
    ("malformed",     "---\ntitle: [unclosed\n: :\n---\n正文", {}, "正文"),
    ("not a mapping", "---\n- a\n- b\n---\n正文", {}, "---\n- a\n- b\n---\n正文"),
    ("unclosed",      "---\ntitle: x\n正文", {}, "---\ntitle: x\n正文"),
    ("none",          "正文\n---\n后记", {}, "正文\n---\n后记"),
    ("rule first",    "---\n\n正文", {}, "---\n\n正文"),
]
# fmt: on


@pytest.mark.parametrize(("text", "front", "body"), [f[1:] for f in FRONT], ids=[f[0] for f in FRONT])
def test_reading_split_front_matter(text: str, front: dict, body: str) -> None:
    assert split_front_matter(text) == (front, body)
