"""Fixtures of the crawler tests: the portal server, a client that cannot leave 127.0.0.1, fast settings."""
from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from flows.fetching import make_client
from flows.settings import Settings, load_settings
from tests.flows.portal import Portal, start_portal

LOCAL = "127.0.0.1"


class LocalOnly(httpx.BaseTransport):
    """A transport that records every host asked for and fails the test on any host but 127.0.0.1."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.hosts: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.hosts.append(request.url.host)
        if request.url.host != LOCAL:
            raise AssertionError(f"the crawler tried to leave {LOCAL}: {request.url}")
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


@pytest.fixture(scope="session")
def portal() -> Iterator[Portal]:
    """The fixture portal, served for the whole session."""
    server, served = start_portal()
    yield served
    server.shutdown()
    server.server_close()


@pytest.fixture
def fresh_portal(portal: Portal) -> Portal:
    """The portal with an empty request log."""
    portal.reset()
    return portal


@pytest.fixture(scope="session")
def fast() -> Settings:
    """Settings that keep the suite fast: no politeness delay, tiny timeouts and limits."""
    return load_settings(delay_seconds=0.0, timeout_seconds=0.3, max_retries=1, retry_base_seconds=0.01,
                         max_delay_seconds=0.05, slow_reply_seconds=0.25, max_body_bytes=100_000)


@pytest.fixture
def transport() -> LocalOnly:
    """The guarding transport (its ``hosts`` tell what was asked for)."""
    return LocalOnly()


@pytest.fixture
def client(fast: Settings, transport: LocalOnly) -> Iterator[httpx.Client]:
    """A client as the crawler makes it, over the guarding transport."""
    with make_client(fast, transport) as made:
        yield made
