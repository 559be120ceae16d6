"""extractors.loading: the dev corpus end to end, and bad input mapped to coded errors."""
from __future__ import annotations

import html
import os
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from extractors.document import Document
from extractors.errors import NoticeError
from extractors.loading import document_from_bytes, load_document, media_type

ROOT = Path(__file__).resolve().parents[2]
DEV_DIRS = (Path("/work/shared/eval/dev"), ROOT / "corpus", ROOT / "tests" / "data" / "notices")
DEV_NOTICES = [
    "000_d7652f1d30021301.txt", "001_b658c26c8a215697.txt", "002_975000b3fb2f80f3.txt",
    "003_858ed137ab94f165.txt", "004_f164445281f5e1cd.txt", "h08d125c7.html", "h42fb0960.txt",
    "h511eb46c.md", "h5734ef6d.html", "h9e21a6e7.md", "had47cd44.md", "hb0ff8674.html",
    "hb7181f88.html", "he917b97d.txt",
]


def dev_path(name: str) -> Path:
    """Where a dev-corpus notice is (the shared eval folder, or its copy in the project)."""
    for folder in DEV_DIRS:
        if (folder / name).is_file():
            return folder / name
    pytest.skip(f"dev notice {name} not available")


@cache
def dev_document(name: str) -> Document:
    """The loaded dev notice (loaded once per session)."""
    return load_document(dev_path(name))


def squash(text: str) -> str:
    """The scorer's evidence check: tags stripped, entities unescaped, NFKC, whitespace removed."""
    text = html.unescape(re.sub(r"<[^>]*>", "", text))
    return re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", text))


def scorer_decode(raw: bytes) -> str:
    """The scorer's own decoding of a notice file (independent of extractors.reading)."""
    declared = re.search(rb"charset=[\"']?([\w-]+)", raw[:4096])
    tried = [declared[1].decode("ascii")] if declared else []
    for charset in [*tried, "utf-8", "gb18030", "big5"]:
        try:
            return raw.decode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", errors="replace")


# fmt: off
MEDIA = {
    "000_d7652f1d30021301.txt": "text/markdown", "001_b658c26c8a215697.txt": "text/plain",
    "002_975000b3fb2f80f3.txt": "text/markdown", "003_858ed137ab94f165.txt": "text/plain",
    "004_f164445281f5e1cd.txt": "text/markdown", "h08d125c7.html": "text/html", "h42fb0960.txt": "text/plain",
    "h511eb46c.md": "text/markdown", "h5734ef6d.html": "text/html", "h9e21a6e7.md": "text/markdown",
    "had47cd44.md": "text/markdown", "hb0ff8674.html": "text/html", "hb7181f88.html": "text/html",
    "he917b97d.txt": "text/plain",
}
CHARSETS = {"h5734ef6d.html": "gb18030", "hb7181f88.html": "gb18030", "hb0ff8674.html": "big5"}
# fmt: on


@pytest.mark.parametrize("name", DEV_NOTICES)
def test_loading_dev_blocks_are_found_in_the_raw_notice(name: str) -> None:
    document = dev_document(name)
    source = squash(scorer_decode(dev_path(name).read_bytes()))
    missing = [document.text[b.start:b.end] for b in document.blocks if squash(document.text[b.start:b.end]) not in source]
    assert not missing


@pytest.mark.parametrize("name", DEV_NOTICES)
def test_loading_dev_document_shape(name: str) -> None:
    document = dev_document(name)
    assert document.text == "\n".join(document.text[b.start:b.end] for b in document.blocks)
    assert len(document.norm) == len(document.text)
    assert document.doc_id == name
    assert document.media_type == MEDIA[name]
    assert document.charset == CHARSETS.get(name, "utf-8")
    assert document.digest == __import__("hashlib").sha256(dev_path(name).read_bytes()).hexdigest()


@pytest.mark.parametrize("name", DEV_NOTICES)
def test_loading_dev_table_cells_point_into_the_text(name: str) -> None:
    document = dev_document(name)
    for block in document.blocks:
        for start, end in block.cells:
            assert block.start <= start <= end <= block.end


# --------------------------------------------------------------------------- bad input

def _truncated_gbk() -> bytes:
    text = "关于医疗保障信息平台系统切换停机的公告。自2021年9月30日18:00起，全市各级医疗保障经办窗口暂停办理全部医保业务。"
    raw = ("<html><head><meta charset=gbk></head><body><p>" + text).encode("gbk")
    return raw[:-1]            # the last character loses its second byte


def _random_bytes() -> bytes:
    return bytes(range(256)) * 4 + os.urandom(512)


# fmt: off
BAD = [
    ("empty",          "a.txt",  b"",                                                       "E100"),
    ("whitespace",     "a.txt",  b" \n\t\r\n \xe3\x80\x80 \n",                              "E100"),
    ("png",            "a.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,                        "E101"),
    ("pdf",            "a.txt",  b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",                      "E101"),
    ("zip",            "a.md",   b"PK\x03\x04\x14\x00\x06\x00",                              "E101"),
    ("gzip",           "a.html", b"\x1f\x8b\x08\x00\x00\x00\x00\x00",                        "E101"),
    ("random",         "a.txt",  _random_bytes(),                                            "E101"),
    ("high bytes",     "a.txt",  bytes(range(0x80, 0x100)) * 30,                             "E102"),
    ("nav only",       "a.html", ("<html><head><title>天门网首页_天门新闻_天门网站</title></head><body>"
                                  "<div id=nav><a href=/>首页</a><a href=/n>天门新闻</a></div>"
                                  "<ul><li><a href=/1>市区部分路段9月25日起实施交通管制措施</a></li>"
                                  "<li><a href=/2>竟陵街道开展国庆节前安全生产大检查活动</a></li></ul>"
                                  "<div class=footer>天门网 版权所有 鄂ICP备08003325号</div></body></html>").encode(), "E103"),
    ("no chinese",     "a.txt",  b"Just some English text, not a notice at all.\n",         "E103"),
    ("warc",           "a.warc", b"WARC/1.0\r\nWARC-Type: response\r\n",                     "E106"),
]
# fmt: on


@pytest.mark.parametrize(("name", "raw", "code"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_loading_bad_input_raises_coded_error(tmp_path: Path, name: str, raw: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(NoticeError) as caught:
        load_document(path)
    assert caught.value.code == code
    assert caught.value.reason


def test_loading_truncated_gbk_keeps_the_readable_part(tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    path.write_bytes(_truncated_gbk())
    document = load_document(path)
    assert document.charset == "gb18030"
    assert document.extra["truncated"] == "true"
    assert document.text.endswith("暂停办理全部医保业务")


def test_loading_truncated_and_too_short_is_e103(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes("停机公告：自9月起".encode("gbk")[:-1])
    with pytest.raises(NoticeError) as caught:
        load_document(path)
    assert caught.value.code == "E103"
    assert "truncated" in caught.value.reason


def test_loading_malformed_front_matter_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    body = "自2022年3月22日起，西安市实体医保卡停止使用，全市定点医疗机构暂停刷卡结算业务，4月3日起新平台启用。\n"
    path.write_text("---\ntitle: [unclosed\ndate: : :\n---\n\n" + body, encoding="utf-8")
    document = load_document(path)
    assert document.text == body.strip()
    assert document.published is None


def test_loading_missing_file_is_e105(tmp_path: Path) -> None:
    with pytest.raises(NoticeError) as caught:
        load_document(tmp_path / "nope.html")
    assert caught.value.code == "E105"


def test_loading_deeply_nested_html_is_read_or_refused(tmp_path: Path) -> None:
    text = "自2021年9月30日18:00起，全市各级医疗保障经办窗口暂停办理全部医保业务，新平台上线后恢复。"
    raw = ("<html><body>" + "<div>" * 3000 + f"<p>{text}</p>" + "</div>" * 3000 + "</body></html>").encode()
    path = tmp_path / "deep.html"
    path.write_bytes(raw)
    try:
        document = load_document(path)
    except NoticeError as error:
        assert error.code in ("E103", "E106")
    else:
        assert text in document.text


# --------------------------------------------------------------------------- bytes and media types

# fmt: off
MEDIA_CASES = [
    ("notice.html", None,                       "<p>停机</p>",                 False, "text/html"),
    ("notice.html", None,                       "停机公告，没有标签",           False, "text/plain"),
    ("notice.md",   None,                       "停机公告",                     False, "text/markdown"),
    ("notice.txt",  None,                       "<!DOCTYPE html><html>",       False, "text/html"),
    ("notice.txt",  None,                       "<div><p>停机</p></div>",      False, "text/markdown"),
    ("notice.txt",  None,                       "正文",                         True,  "text/markdown"),
    ("notice.txt",  None,                       "## 一、停机时间\n正文",        False, "text/markdown"),
    ("notice.txt",  None,                       "一、停机时间\n正文",           False, "text/plain"),
    ("t20210924_1", "text/html; charset=gbk",  "<p>停机</p>",                 False, "text/html"),
]
# fmt: on


@pytest.mark.parametrize(("name", "content_type", "body", "front", "expected"), MEDIA_CASES,
                         ids=[f"{c[0]}-{c[2][:8]}" for c in MEDIA_CASES])
def test_loading_media_type(name: str, content_type: str | None, body: str, front: bool, expected: str) -> None:
    assert media_type(name, content_type, body, front) == expected


def test_loading_from_bytes_uses_header_charset_and_url_date() -> None:
    text = "各参保单位：自2021年9月30日18:00起，全市各级医疗保障经办窗口暂停办理全部医保业务。"
    raw = f"<html><body><div class=content><p>{text}</p></div></body></html>".encode("gbk")
    document = document_from_bytes(raw, doc_id="t20210924_244263.html", source="https://example.gov.cn/x",
                                   url="https://example.gov.cn/xxgk/202109/t20210924_244263.html",
                                   content_type="text/html; charset=GBK")
    assert document.charset == "gb18030"
    assert document.text == text
    assert document.published is not None and document.published.isoformat() == "2021-09-24T00:00:00+08:00"
    assert document.published_from == "url"
    assert document.url is not None


@pytest.mark.parametrize("path", ["a.html", "a.HTML", "x/y/z.md", "a.", ".bashrc", "a/b.html/", "a/b.html/.", "..", ".",
                                  "", "/", "a..b", "n.tar.gz", "x//y.txt//", "./a.md", "a/..", "b.html/.."])
def test_suffix_is_the_pure_path_suffix(path):
    from pathlib import PurePosixPath

    from extractors.loading import _suffix

    assert _suffix(path) == PurePosixPath(path).suffix
