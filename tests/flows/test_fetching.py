"""Fetching from the real portal: robots.txt, redirects, retries, limits, validators and charsets."""
from __future__ import annotations

import httpx
import pytest

from flows.fetching import Fetcher
from flows.settings import Settings
from noticegraph import __version__
from tests.flows.conftest import LocalOnly
from tests.flows.portal import Portal

# fmt: off
OUTCOMES = [
    # path                      status  refused     error contains                 requests of the path
    ("/notice/gbk-1.html",      200,    None,       None,                           1),
    ("/private/secret.html",    None,   "robots",   "robots.txt",                   0),
    ("/go/ok",                  200,    None,       None,                           1),
    ("/go/foreign",             None,   "redirect", "example.invalid",              1),
    ("/go/loop-a",              None,   None,       "redirect loop",                1),
    ("/notice/missing.html",    404,    None,       "HTTP 404",                     1),   # 4xx: no retry
    ("/notice/flaky.html",      200,    None,       None,                           2),   # 500, then retried
    ("/notice/slow.html",       None,   None,       "timed out",                    2),   # timeout, retried once
    ("/notice/huge.html",       None,   None,       "100000-byte limit",            1),
    ("/notice/bomb.html",       None,   None,       "100000-byte limit (decoded)",  1),
]
# fmt: on


@pytest.mark.parametrize(("path", "status", "refused", "error", "requests"), OUTCOMES)
def test_fetch_outcomes(fresh_portal: Portal, client: httpx.Client, fast: Settings, path: str, status: int | None,
                        refused: str | None, error: str | None, requests: int) -> None:
    fetcher = Fetcher(client, fast, allowed_hosts={"127.0.0.1"})
    result = fetcher.fetch(fresh_portal.url(path))
    assert (result.status, result.refused) == (status, refused)
    assert (result.error is None) if error is None else (error in (result.error or ""))
    assert (result.body is not None) == (status is not None)
    assert fresh_portal.paths().count(path) == requests


def test_redirect_is_followed_to_the_final_url(fresh_portal: Portal, client: httpx.Client, fast: Settings) -> None:
    result = Fetcher(client, fast, allowed_hosts={"127.0.0.1"}).fetch(fresh_portal.url("/go/ok"))
    assert result.final_url == fresh_portal.url("/notice/target.html")
    assert result.body == fresh_portal.pages["/notice/target.html"].body


def test_foreign_host_is_never_asked(fresh_portal: Portal, client: httpx.Client, fast: Settings,
                                     transport: LocalOnly) -> None:
    Fetcher(client, fast, allowed_hosts={"127.0.0.1"}).fetch(fresh_portal.url("/go/foreign"))
    assert set(transport.hosts) == {"127.0.0.1"}


def test_robots_is_asked_once_and_user_agent_is_sent(fresh_portal: Portal, client: httpx.Client,
                                                     fast: Settings) -> None:
    fetcher = Fetcher(client, fast)
    for path in ("/notice/gbk-1.html", "/notice/gbk-2.html", "/private/secret.html"):
        fetcher.fetch(fresh_portal.url(path))
    assert fresh_portal.paths() == ["/robots.txt", "/notice/gbk-1.html", "/notice/gbk-2.html"]
    agents = {headers["User-Agent"] for _, headers in fresh_portal.log}
    assert agents == {f"noticegraph/{__version__} (+https://w3id.org/noticegraph)"}


def test_crawl_delay_of_robots_is_honoured(fresh_portal: Portal, client: httpx.Client, fast: Settings) -> None:
    waits: list[float] = []
    fetcher = Fetcher(client, fast, sleep=waits.append, clock=lambda: 0.0)     # time stands still
    for _ in range(3):
        fetcher.fetch(fresh_portal.url("/notice/gbk-1.html"))
    assert waits == [0.01, 0.01]                                              # robots.txt: Crawl-delay 0.01


# fmt: off
VALIDATED = [
    ("/notice/gbk-1.html",    "etag",          "If-None-Match"),
    ("/notice/lastmod.html",  "last-modified", "If-Modified-Since"),
]
# fmt: on


@pytest.mark.parametrize(("path", "header", "sent"), VALIDATED)
def test_conditional_request_gets_304(fresh_portal: Portal, client: httpx.Client, fast: Settings,
                                      path: str, header: str, sent: str) -> None:
    fetcher = Fetcher(client, fast)
    first = fetcher.fetch(fresh_portal.url(path))
    value = first.header(header)
    assert value
    again = fetcher.fetch(fresh_portal.url(path), lambda url: {sent: value})
    assert (again.status, again.not_modified, again.body, again.error) == (304, True, None, None)
    assert fresh_portal.log[-1][1][sent] == value


def test_gbk_page_without_charset_is_decoded(fresh_portal: Portal, client: httpx.Client, fast: Settings) -> None:
    result = Fetcher(client, fast).fetch(fresh_portal.url("/notice/gbk-1.html"))
    assert result.header("content-type") == "text/html"
    assert "巴州关于国家医疗保障信息平台系统切换停机的通告" in result.text()


def test_dead_host_is_an_error_after_retries(portal: Portal, client: httpx.Client, fast: Settings) -> None:
    waits: list[float] = []
    result = Fetcher(client, fast, sleep=waits.append).fetch(portal.dead_url)
    assert result.status is None and "ConnectError" in (result.error or "")
    assert waits == [fast.retry_base_seconds]                                 # one retry, after the base wait


def test_retry_after_and_backoff_on_503(fast: Settings) -> None:
    replies = iter([httpx.Response(503, headers={"Retry-After": "0.04"}), httpx.Response(429), httpx.Response(200)])
    transport = httpx.MockTransport(
        lambda request: httpx.Response(404) if request.url.path == "/robots.txt" else next(replies))
    waits: list[float] = []
    with httpx.Client(transport=transport) as client:
        fetcher = Fetcher(client, fast.with_overrides(retry_base_seconds=0.001), sleep=waits.append)
        first = fetcher.fetch("http://127.0.0.1/robots-less")
    assert first.status == 429 and first.error == "HTTP 429 Too Many Requests"    # 4xx: not retried
    assert waits and waits[0] >= 0.04 - 1e-9                                  # Retry-After of the 503 honoured


def test_slow_replies_make_the_host_delay_grow_and_quick_ones_relax_it(fast: Settings) -> None:
    now = [0.0]
    slow = iter([True, True, False, False])

    def reply(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        now[0] += 1.0 if next(slow) else 0.0                                 # a reply taking a second
        return httpx.Response(200, text="ok")

    waits: list[float] = []
    with httpx.Client(transport=httpx.MockTransport(reply)) as client:
        fetcher = Fetcher(client, fast, sleep=waits.append, clock=lambda: now[0])
        for _ in range(4):
            fetcher.fetch("http://127.0.0.1/page")
    assert waits == pytest.approx([0.01, 0.02, 0.01])                                    # grown twice, then halved
