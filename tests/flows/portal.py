"""A fixture portal served by a real HTTP server on 127.0.0.1: pages, robots.txt and traps."""
from __future__ import annotations

import contextlib

import gzip
import hashlib
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SLOW_SECONDS = 0.8
LAST_MODIFIED = "Tue, 15 Feb 2022 08:00:00 GMT"
ROBOTS = b"User-agent: *\nDisallow: /private/\nCrawl-delay: 0.01\n"


@dataclass(frozen=True, slots=True)
class Page:
    """A page of the portal: status, headers and body; validators answer 304 when they match."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html"
    location: str | None = None
    etag: bool = True
    last_modified: bool = False
    extra: tuple[tuple[str, str], ...] = ()


def notice_text(name: str) -> str:
    """The text of a development notice (front matter dropped), as a plain paragraph list."""
    from extractors.reading import decode, split_front_matter

    text = decode((ROOT / name).read_bytes())[0]
    return split_front_matter(text)[1]


def notice_html(text: str) -> str:
    """A notice page without any charset declaration."""
    title, _, rest = text.strip().partition("\n")
    paragraphs = "".join(f"<p>{line}</p>" for line in rest.splitlines() if line.strip())
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{paragraphs}</body></html>"


def traditional(text: str) -> str:
    """Text in Traditional script."""
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def list_page(links: list[tuple[str, str]], next_href: str | None) -> bytes:
    """A list page (UTF-8, declared) with notice links and a next-page link."""
    items = "".join(f'<li><a href="{href}?utm_source=list#top">{text}</a></li>' for href, text in links)
    nxt = f'<a href="{next_href}">下一页</a>' if next_href else ""
    return (f'<html><head><meta charset="utf-8"></head><body><ul>{items}</ul>'
            f'<a href="/about.html">关于我们</a>{nxt}</body></html>').encode()


def unused_port() -> int:
    """A port of 127.0.0.1 nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_pages(dead_port: int) -> dict[str, Page]:
    """Every path of the portal."""
    gbk_1 = notice_html(notice_text("tests/data/notices/he917b97d.txt")).encode("gbk", errors="ignore")
    gbk_2 = notice_html(notice_text("corpus/000_d7652f1d30021301.txt")).encode("gbk", errors="ignore")
    hant = notice_html(traditional(notice_text("tests/data/notices/h42fb0960.txt"))).encode()
    plain = notice_html(notice_text("corpus/002_975000b3fb2f80f3.txt")).encode("gbk", errors="ignore")
    dead = f"http://127.0.0.1:{dead_port}/notice/dead.html"
    return {
        "/robots.txt": Page(ROBOTS, content_type="text/plain", etag=False),
        "/list/index.html": Page(list_page([("/notice/gbk-1.html", "巴州医保系统切换停机的通告"),
                                            ("/notice/gbk-2.html", "社保系统停机迁移数据"),
                                            ("/private/secret.html", "内部停机安排"),
                                            ("/notice/lastmod.html", "系统升级暂停办理")], "index_1.html"), etag=False),
        "/list/index_1.html": Page(list_page([("/notice/hant.html", "醫保系統停機公告"),
                                              ("/go/ok", "停机通告（转）"), ("/go/foreign", "停机通告（外站）"),
                                              ("/notice/missing.html", "已删除的停机通告"),
                                              ("/notice/flaky.html", "暂停服务的通知")], "index_2.html"), etag=False),
        "/list/index_2.html": Page(list_page([("/notice/slow.html", "慢的停机通告"), ("/notice/huge.html", "巨大的停机通告"),
                                              ("/notice/bomb.html", "压缩的停机通告"), ("/notice/malformed.html", "损坏的停机通告"),
                                              ("/go/loop-a", "循环的停机通告"), (dead, "死链停机通告")], None), etag=False),
        "/notice/gbk-1.html": Page(gbk_1), "/notice/gbk-2.html": Page(gbk_2), "/notice/hant.html": Page(hant,
                                   content_type="text/html; charset=utf-8"),
        "/notice/lastmod.html": Page(plain, etag=False, last_modified=True),
        "/notice/target.html": Page(gbk_1.replace(b"<h1>", "<h1>(转) ".encode("gbk"))),
        "/private/secret.html": Page(gbk_2),
        "/go/ok": Page(status=302, location="/notice/target.html"),
        "/go/foreign": Page(status=301, location="http://example.invalid/notice.html"),
        "/go/loop-a": Page(status=302, location="/go/loop-b"), "/go/loop-b": Page(status=302, location="/go/loop-a"),
        "/notice/missing.html": Page(b"not found", status=404, etag=False),
        "/notice/flaky.html": Page(gbk_2.replace(b"<h1>", b"<h1>(flaky) ")),
        "/notice/slow.html": Page(gbk_1),
        "/notice/huge.html": Page(b"<p>" + "停机".encode() * 200_000, etag=False),
        "/notice/bomb.html": Page(gzip.compress(b"<p>" + b"0" * 5_000_000, 1), etag=False,
                                  extra=(("Content-Encoding", "gzip"),)),
        "/notice/malformed.html": Page(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    }


@dataclass(slots=True)
class Portal:
    """The running portal: its base URL, pages, and the log of requests it received."""

    base: str
    pages: dict[str, Page]
    dead_url: str
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    flaky_served: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def reset(self) -> None:
        """Forget the requests seen (and make the flaky page fail once more)."""
        with self.lock:
            self.log.clear()
            self.flaky_served = 0

    def paths(self) -> list[str]:
        """The paths requested so far, query strings included."""
        with self.lock:
            return [path for path, _ in self.log]


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'  # noqa: S324 - not security


class Handler(BaseHTTPRequestHandler):
    """Serves the pages of ``server.portal``."""

    server_version = "portal/1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Quiet."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        portal: Portal = self.server.portal  # type: ignore[attr-defined]
        with portal.lock:
            portal.log.append((self.path, dict(self.headers.items())))
        path = self.path.split("?", 1)[0]
        page = portal.pages.get(path)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):   # the crawler hung up (limit, timeout)
            self._serve(portal, path, page)

    def _serve(self, portal: Portal, path: str, page: Page | None) -> None:
        if page is None:
            self._send(404, [], b"no such page")
            return
        if path == "/notice/slow.html":
            time.sleep(SLOW_SECONDS)
        if path == "/notice/flaky.html" and self._first_flaky(portal):
            self._send(500, [], b"try again")
            return
        headers = self._headers(page)
        if self._unchanged(page, headers):
            self._send(304, headers, b"")
            return
        self._send(page.status, headers, page.body, length=path != "/notice/huge.html")

    @staticmethod
    def _first_flaky(portal: Portal) -> bool:
        with portal.lock:
            portal.flaky_served += 1
            return portal.flaky_served == 1

    def _headers(self, page: Page) -> list[tuple[str, str]]:
        headers = [("Content-Type", page.content_type), *page.extra]
        if page.location:
            headers.append(("Location", page.location))
        if page.etag and page.status == 200:
            headers.append(("ETag", _etag(page.body)))
        if page.last_modified:
            headers.append(("Last-Modified", LAST_MODIFIED))
        return headers

    def _unchanged(self, page: Page, headers: list[tuple[str, str]]) -> bool:
        etag = dict(headers).get("ETag")
        if etag and self.headers.get("If-None-Match") == etag:
            return True
        return page.last_modified and self.headers.get("If-Modified-Since") == LAST_MODIFIED

    def _send(self, status: int, headers: list[tuple[str, str]], body: bytes, *, length: bool = True) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)


def start_portal() -> tuple[ThreadingHTTPServer, Portal]:
    """Start the portal in a daemon thread on a free port of 127.0.0.1."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    dead = unused_port()
    portal = Portal(f"http://127.0.0.1:{server.server_address[1]}", build_pages(dead),
                    f"http://127.0.0.1:{dead}/notice/dead.html")
    server.portal = portal  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, portal


def main() -> None:
    """Serve the fixture portal until interrupted: ``python -m tests.flows.portal``."""
    server, portal = start_portal()
    print(f"fixture portal on {portal.url('/list/index.html')}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
