"""The report in headless Chromium (Debian's, installed by `make browser`; Playwright never downloads one),
served by a real HTTP server on 127.0.0.1: no console errors, no failed request, one bar per window, and
clicks that land on the evidence."""
from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.noticegraph.report.conftest import evidence_quotes, window_count

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: run `make browser`")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


@pytest.fixture(scope="session")
def report_url(report_dir: Path) -> Iterator[str]:
    """The report served over HTTP on 127.0.0.1 (a free port)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(report_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page whose console errors, page errors and failed or refused requests are recorded."""

    def __init__(self, browser, base: str) -> None:
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        self.page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                        else (self.problems.append(f"outside request: {route.request.url}"), route.abort()))


@pytest.fixture
def watched(browser, report_url: str) -> Iterator[Watched]:
    page = Watched(browser, report_url)
    yield page
    page.page.close()


def target_quote(page) -> str | None:
    return page.evaluate("() => { const t = document.querySelector(':target'); return t && t.textContent; }")


def landed_quote(page, quotes: dict[tuple[str, str], str]) -> str:
    """The oa:exact of the evidence the page's URL names: review/{file}.html#ev-start-end."""
    url = urlsplit(page.url)
    file_name = unquote(url.path.rpartition("/")[2]).removesuffix(".html")
    assert url.path.rpartition("/")[0].endswith("/review"), page.url
    return quotes[(file_name, url.fragment)]


def test_browser_index_loads_cleanly(watched: Watched, report_url: str) -> None:
    watched.page.goto(report_url + "index.html", wait_until="networkidle")
    assert watched.page.title() and watched.page.locator("h1").inner_text()
    assert watched.problems == []


def test_browser_review_pages_load_cleanly(watched: Watched, report_url: str, report_data) -> None:
    for notice in report_data.notices.values():
        watched.page.goto(report_url + notice.page, wait_until="networkidle")
        assert watched.page.locator("mark.ev").count() > 0
    assert watched.problems == []


def test_browser_timeline_shows_one_bar_per_window(watched: Watched, report_url: str, corpus_store) -> None:
    watched.page.goto(report_url + "index.html")
    bars = watched.page.locator("svg.timeline rect.bar")
    assert bars.count() == window_count(corpus_store)
    assert all(box and box["width"] > 0 for box in (bars.nth(i).bounding_box() for i in range(bars.count())))


@pytest.mark.parametrize("selector", ["table.matrix td.suspended a", "table.matrix td.available a",
                                      "table.matrix td.both a", "#table-events a", "#table-channels a",
                                      "#table-payments a", "#table-deadlines a"])
def test_browser_click_on_a_cell_lands_on_its_evidence(selector: str, watched: Watched, report_url: str,
                                                        corpus_store) -> None:
    quotes = evidence_quotes(corpus_store)
    watched.page.goto(report_url + "index.html")
    watched.page.locator(selector).first.click()
    watched.page.wait_for_load_state()
    assert target_quote(watched.page) == landed_quote(watched.page, quotes)
    assert watched.problems == []


def test_browser_click_on_timeline_bars_lands_on_their_evidence(watched: Watched, report_url: str,
                                                                corpus_store) -> None:
    quotes = evidence_quotes(corpus_store)
    watched.page.goto(report_url + "index.html")
    count = watched.page.locator("svg.timeline rect.bar").count()
    for index in (0, count // 2, count - 1):
        watched.page.goto(report_url + "index.html")
        watched.page.locator("svg.timeline rect.bar").nth(index).click()
        watched.page.wait_for_load_state()
        assert target_quote(watched.page) == landed_quote(watched.page, quotes)
        highlighted = watched.page.locator(":target")
        assert highlighted.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert watched.problems == []


def test_browser_screenshot(watched: Watched, report_url: str) -> None:
    """A full-page screenshot of the report, kept as a test artefact (tests/artifacts/report.png)."""
    ARTIFACTS.mkdir(exist_ok=True)
    watched.page.goto(report_url + "index.html", wait_until="networkidle")
    watched.page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 50_000
    assert watched.problems == []
