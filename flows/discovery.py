"""Finding URLs: canonical forms, links of list pages, pagination and notice links."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class Link:
    """A link of a page: its canonical absolute URL and its text (whitespace collapsed)."""

    url: str
    text: str


def canonicalize(url: str, base: str | None = None, tracking: Sequence[str] = ()) -> str:
    """The canonical form of ``url`` (resolved against ``base``).

    Lower-case scheme and host, no default port, no fragment, an empty path
    made ``/``, query parameters sorted and the ``tracking`` ones (``utm_*``
    style patterns) dropped.
    """
    parts = urlsplit(urljoin(base, url.strip()) if base else url.strip())
    scheme = parts.scheme.lower()
    netloc = _netloc(scheme, parts.hostname or "", parts.port, parts.username, parts.password)
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
             if not any(fnmatchcase(key.lower(), pattern) for pattern in tracking)]
    path = urlsplit(urljoin("http://h/", parts.path)).path if parts.path else "/"   # drops dot segments
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def _netloc(scheme: str, host: str, port: int | None, user: str | None, password: str | None) -> str:
    netloc = host.lower()
    if ":" in netloc:
        netloc = f"[{netloc}]"
    if port is not None and DEFAULT_PORTS.get(scheme) != port:
        netloc = f"{netloc}:{port}"
    if user:
        netloc = f"{user}{':' + password if password else ''}@{netloc}"
    return netloc


def host_of(url: str) -> str:
    """The lower-case host name of a URL ('' when it has none)."""
    return (urlsplit(url).hostname or "").lower()


def extract_links(html: str, base_url: str, tracking: Sequence[str] = ()) -> list[Link]:
    """The http(s) links of a page, canonical, in page order, each URL once (first text kept)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    base = _base_href(root, base_url)
    found: dict[str, Link] = {}
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.lower().startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        url = canonicalize(href, base, tracking)
        if url.startswith(("http://", "https://")) and url not in found:
            found[url] = Link(url, " ".join(anchor.text_content().split()))
    return list(found.values())


def _base_href(root: Any, base_url: str) -> str:
    bases = root.xpath("//base/@href")
    return urljoin(base_url, bases[0].strip()) if bases else base_url


def pagination_links(links: Iterable[Link], page_url: str, words: Sequence[str],
                     patterns: Sequence[str]) -> list[str]:
    """Links of ``links`` leading to another page of the same list (same host)."""
    wanted = {word.casefold() for word in words}
    compiled = [re.compile(pattern) for pattern in patterns]
    host = host_of(page_url)
    return [link.url for link in links
            if host_of(link.url) == host and link.url != page_url
            and (link.text.casefold() in wanted or any(p.search(link.url) for p in compiled))]


def is_notice(link: Link, patterns: Sequence[str], keywords: Sequence[str]) -> bool:
    """Whether a link leads to a notice: its URL matches a pattern or its text holds a keyword."""
    if any(re.search(pattern, link.url) for pattern in patterns):
        return True
    return any(keyword in link.text for keyword in keywords)
