"""URL canonicalisation, links of list pages, pagination and notice recognition."""
from __future__ import annotations

import pytest

from flows.discovery import Link, canonicalize, extract_links, is_notice, pagination_links
from flows.settings import load_settings

SETTINGS = load_settings()

# fmt: off
CANONICAL = [
    ("HTTP://WWW.Example.COM/a.html",                  None,                          "http://www.example.com/a.html"),
    ("http://example.com:80/a",                        None,                          "http://example.com/a"),
    ("https://example.com:443/a",                      None,                          "https://example.com/a"),
    ("http://example.com:8080/a",                      None,                          "http://example.com:8080/a"),
    ("http://example.com/a#section-2",                 None,                          "http://example.com/a"),
    ("http://example.com/a?b=2&a=1",                   None,                          "http://example.com/a?a=1&b=2"),
    ("http://example.com/a?utm_source=x&id=3&spm=1.2", None,                          "http://example.com/a?id=3"),
    ("http://example.com",                             None,                          "http://example.com/"),
    ("http://example.com/a/../b/./c.html",             None,                          "http://example.com/b/c.html"),
    ("../n/1.html",                                    "http://gov.cn/list/p/index.html", "http://gov.cn/list/n/1.html"),
    ("?page=2",                                        "http://gov.cn/list/",         "http://gov.cn/list/?page=2"),
    ("//cdn.gov.cn/x.html",                            "https://gov.cn/",             "https://cdn.gov.cn/x.html"),
]
NOTICE_LINKS = [
    # url                                  text                    patterns              keywords      expected
    ("http://h/art/2022/2/15/art_1.html",  "关于社保系统停机的通告", (),                   ("停机",),     True),
    ("http://h/art/2022/2/15/art_1.html",  "领导活动",              (),                   ("停机",),     False),
    ("http://h/art/2022/2/15/art_1.html",  "领导活动",              (r"/art/\d{4}/",),   ("停机",),     True),
    ("http://h/col/col_1.html",            "医保系统暂停服务",       (r"/art/\d{4}/",),   ("暂停",),     True),
    ("http://h/about.html",                "关于我们",              (r"/art/",),          ("停机",),     False),
]
# fmt: on


@pytest.mark.parametrize(("url", "base", "expected"), CANONICAL)
def test_canonicalize(url: str, base: str | None, expected: str) -> None:
    assert canonicalize(url, base, SETTINGS.tracking_params) == expected


@pytest.mark.parametrize(("url", "text", "patterns", "keywords", "expected"), NOTICE_LINKS)
def test_is_notice(url: str, text: str, patterns: tuple[str, ...], keywords: tuple[str, ...], expected: bool) -> None:
    assert is_notice(Link(url, text), patterns, keywords) is expected


def test_extract_links_resolves_dedupes_and_skips_scripts() -> None:
    html = """<html><head><base href="/news/"></head><body>
      <a href="a.html#top"> 社保 <b>停机</b>\n通告 </a><a href="a.html">again</a>
      <a href="javascript:void(0)">x</a><a href="mailto:a@b.c">m</a><a>none</a>
      <a href="ftp://h/f">ftp</a><a href="http://other.org/x?utm_medium=y">other</a></body></html>"""
    links = extract_links(html, "http://gov.cn/list/index.html", SETTINGS.tracking_params)
    assert links == [Link("http://gov.cn/news/a.html", "社保 停机 通告"), Link("http://other.org/x", "other")]


def test_extract_links_of_garbage_is_empty() -> None:
    assert extract_links("", "http://h/") == []
    assert extract_links("<<<>>>", "http://h/") == []


# fmt: off
PAGINATION = [
    ("下一页",  "http://h/list/index_1.html",  True),
    ("Next",   "http://h/list/p2",            True),
    ("下一頁",  "http://h/list/p2",            True),
    ("3",      "http://h/list/index_3.shtml", True),
    ("2",      "http://h/list/?page=2",       True),
    ("上一页",  "http://h/list/p0",            False),
    ("下一页",  "http://other/list/p2",        False),
    ("某通告",  "http://h/art/1.html",         False),
]
# fmt: on


@pytest.mark.parametrize(("text", "url", "expected"), PAGINATION)
def test_pagination_links(text: str, url: str, expected: bool) -> None:
    found = pagination_links([Link(url, text)], "http://h/list/index.html",
                             SETTINGS.pagination_words, SETTINGS.pagination_patterns)
    assert found == ([url] if expected else [])
