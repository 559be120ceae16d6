"""Polite HTTP fetching: robots.txt, per-host delays and backoff, retries, redirects, size limits.

One :class:`Fetcher` serves one crawl. It asks each host for ``/robots.txt``
once (Protego; a missing or unreachable file allows everything) and honours its
``Crawl-delay``; it waits ``delay_seconds`` between two requests to a host and
doubles that wait (up to ``max_delay_seconds``) after a slow reply, a 429 or a
503, honouring ``Retry-After``. Network errors and 5xx replies are retried
with exponential backoff; 4xx replies are not. Redirects are followed by hand,
only to allowed hosts, up to ``max_redirects``. Bodies are streamed and
abandoned past ``max_body_bytes`` decoded bytes (so a gzip bomb stops early).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from flows.discovery import canonicalize, host_of
from flows.settings import Settings, load_settings
from noticegraph import __version__

if TYPE_CHECKING:
    from protego import Protego

log = logging.getLogger("noticegraph.fetching")
REDIRECTS = frozenset({301, 302, 303, 307, 308})
BACKOFF_STATUSES = frozenset({429, 503})
MIN_BACKOFF_SECONDS = 0.01      # the first step of backoff when the host's delay is zero
Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What fetching one URL gave.

    ``body`` is None for a 304, a refusal or an error; ``refused`` says why a URL
    was not requested at all (``"robots"``) or a redirect not followed
    (``"redirect"``); the request fields are kept for the WARC archive.
    """

    url: str
    final_url: str
    status: int | None
    headers: Headers = ()
    body: bytes | None = None
    not_modified: bool = False
    error: str | None = None
    warc_record: str | None = None
    refused: str | None = None
    reason: str = ""
    http_version: str = "HTTP/1.1"
    request_headers: Headers = ()

    def header(self, name: str) -> str | None:
        """The first value of a response header (case-insensitive)."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    def text(self) -> str:
        """The body decoded with the charset evidence of the page (see :func:`extractors.reading.decode`).

        Raises:
            NoticeError: the body is empty, binary or undecodable.
        """
        from extractors.reading import decode

        return decode(self.body or b"", self.header("content-type"))[0]


class BodyTooLarge(Exception):
    """A body grew past the size limit while streaming."""


@dataclass(slots=True)
class _Host:
    """Politeness state of one host."""

    robots: Protego | None = None
    checked: bool = False
    delay: float = 0.0
    next_at: float = 0.0


@dataclass(slots=True)
class Fetcher:
    """Fetches URLs politely with an injected :class:`httpx.Client` (its redirects must be off)."""

    client: httpx.Client
    settings: Settings = field(default_factory=load_settings)
    allowed_hosts: Collection[str] | None = None        # None: any host
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _hosts: dict[str, _Host] = field(default_factory=dict, init=False)

    @property
    def user_agent(self) -> str:
        """The User-Agent sent with every request."""
        return self.settings.user_agent.format(version=__version__)

    def fetch(self, url: str, conditional: Callable[[str], dict[str, str]] | None = None) -> FetchResult:
        """Fetch ``url``, following allowed redirects; ``conditional`` gives validators per URL."""
        seen: list[str] = []
        current = canonicalize(url, tracking=self.settings.tracking_params)
        while True:
            if current in seen:
                return _failed(url, current, f"redirect loop: {' -> '.join([*seen, current])}")
            if len(seen) > self.settings.max_redirects:
                return _failed(url, current, f"more than {self.settings.max_redirects} redirects")
            seen.append(current)
            result = self._fetch_one(url, current, conditional(current) if conditional else {})
            target = _redirect_target(result)
            if target is None:
                return result
            refusal = self._refuse_redirect(url, current, target)
            if refusal is not None:
                return refusal
            current = target

    def _refuse_redirect(self, url: str, current: str, target: str) -> FetchResult | None:
        """A refusal (logged) of a redirect to another host than the allowed ones, or to another scheme."""
        if not target.startswith(("http://", "https://")):
            error = f"redirect to a non-HTTP URL refused: {target}"
        elif self.allowed_hosts is not None and host_of(target) not in self.allowed_hosts:
            error = f"redirect to foreign host refused: {target}"
        else:
            return None
        log.warning("%s: %s", current, error)
        return FetchResult(url, current, None, error=error, refused="redirect")

    def _fetch_one(self, url: str, current: str, validators: dict[str, str]) -> FetchResult:
        """One URL without following redirects: robots, politeness and retries."""
        if not self.allowed_by_robots(current):
            return FetchResult(url, current, None, error="disallowed by robots.txt", refused="robots")
        attempt = 0
        while True:
            result, retry_after, transient = self._attempt(url, current, validators)
            if not transient or attempt >= self.settings.max_retries:
                return result
            wait = self.settings.retry_base_seconds * 2 ** attempt
            self.sleep(min(self.settings.max_delay_seconds, max(wait, retry_after or 0.0)))
            attempt += 1

    def _attempt(self, url: str, current: str, validators: dict[str, str]) -> tuple[FetchResult, float | None, bool]:
        """One request after the host's delay, which then adapts to the reply: ``(result, retry_after, transient)``.

        Transient failures (worth a retry) are network errors and 5xx replies.
        """
        host = self._host(current)
        self._wait_turn(host)
        started = self.clock()
        network_error = False
        try:
            result = self._request(url, current, validators)
        except (httpx.HTTPError, BodyTooLarge) as error:
            network_error = isinstance(error, httpx.TransportError)
            result = FetchResult(url, current, None, error=_describe(error))
        retry_after = _retry_after(result.header("retry-after"))
        self._adapt(host, self.clock() - started, result.status, retry_after)
        return result, retry_after, network_error or (result.status or 0) >= 500

    def _request(self, url: str, current: str, validators: dict[str, str]) -> FetchResult:
        headers = {"User-Agent": self.user_agent, **validators}
        timeout = httpx.Timeout(self.settings.timeout_seconds)
        with self.client.stream("GET", current, headers=headers, timeout=timeout, follow_redirects=False) as reply:
            body = None if reply.status_code == 304 or reply.status_code in REDIRECTS else self._read(reply)
        return _result(url, current, reply, body)

    def _read(self, reply: httpx.Response) -> bytes:
        """The decoded body, streamed; :class:`BodyTooLarge` past the limit (declared or counted)."""
        limit = self.settings.max_body_bytes
        declared = reply.headers.get("content-length", "")
        if declared.isdigit() and not reply.headers.get("content-encoding") and int(declared) > limit:
            raise BodyTooLarge(f"body of {declared} bytes is over the {limit}-byte limit")
        chunks: list[bytes] = []
        size = 0
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise BodyTooLarge(f"body over the {limit}-byte limit (decoded), abandoned")
            chunks.append(chunk)
        return b"".join(chunks)

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc
        if key not in self._hosts:
            self._hosts[key] = _Host(delay=self.settings.delay_seconds)
        return self._hosts[key]

    def _wait_turn(self, host: _Host) -> None:
        pause = host.next_at - self.clock()
        if pause > 0:
            self.sleep(pause)

    def _adapt(self, host: _Host, elapsed: float, status: int | None, retry_after: float | None) -> None:
        """Grow the host's delay after a slow reply, a 429 or a 503; relax it after a quick one."""
        base = max(self.settings.delay_seconds, self._crawl_delay(host))
        if elapsed > self.settings.slow_reply_seconds or status in BACKOFF_STATUSES:
            grown = max(host.delay * self.settings.backoff_factor, base, retry_after or 0.0, MIN_BACKOFF_SECONDS)
            host.delay = min(self.settings.max_delay_seconds, grown)
        else:
            host.delay = max(base, host.delay / self.settings.backoff_factor)
        host.next_at = self.clock() + host.delay

    def _crawl_delay(self, host: _Host) -> float:
        delay = host.robots.crawl_delay(self.user_agent) if host.robots is not None else None
        return min(float(delay), self.settings.max_delay_seconds) if delay else 0.0

    def allowed_by_robots(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets this crawler fetch it (fetched once per host)."""
        host = self._host(url)
        if not host.checked:
            host.checked = True
            host.robots = self._load_robots(url)
            host.delay = max(host.delay, self._crawl_delay(host))
        return host.robots is None or host.robots.can_fetch(url, self.user_agent)

    def _load_robots(self, url: str) -> Protego | None:
        """The parsed robots.txt, or None (allow all) when it is missing or cannot be had."""
        from protego import Protego

        robots_url = urljoin(url, "/robots.txt")
        try:
            reply = self.client.get(robots_url, headers={"User-Agent": self.user_agent},
                                    timeout=httpx.Timeout(self.settings.timeout_seconds), follow_redirects=True)
        except httpx.HTTPError:
            return None
        if reply.status_code != 200 or len(reply.content) > self.settings.max_body_bytes:
            return None
        return Protego.parse(reply.content.decode("utf-8", errors="replace"))


def make_client(settings: Settings, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """The default client: one connection at a time, no automatic redirects, the crawler's User-Agent."""
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    agent = settings.user_agent.format(version=__version__)
    return httpx.Client(transport=transport, limits=limits, follow_redirects=False,
                        headers={"User-Agent": agent}, timeout=httpx.Timeout(settings.timeout_seconds))


def _result(url: str, current: str, reply: httpx.Response, body: bytes | None) -> FetchResult:
    status = reply.status_code
    error = f"HTTP {status} {reply.reason_phrase}".strip() if status >= 400 else None
    return FetchResult(
        url, current, status, headers=tuple(reply.headers.multi_items()), body=body,
        not_modified=status == 304, error=error, reason=reply.reason_phrase, http_version=reply.http_version,
        request_headers=tuple(reply.request.headers.multi_items()))


def _failed(url: str, current: str, error: str) -> FetchResult:
    """A result without a reply."""
    return FetchResult(url, current, None, error=error)


def _redirect_target(result: FetchResult) -> str | None:
    location = result.header("location")
    if result.status not in REDIRECTS or not location:
        return None
    return canonicalize(location, result.final_url)


def _describe(error: Exception) -> str:
    if isinstance(error, httpx.TimeoutException):
        return f"timed out ({type(error).__name__})"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _retry_after(value: str | None) -> float | None:
    """Seconds asked by a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None
