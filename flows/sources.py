"""The sources the crawler visits: one :class:`SourceConfig` per portal, read from YAML."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

_REGION = re.compile(r"^\d{6}$")


@dataclass(frozen=True, slots=True)
class SourceConfig:
    """One portal publishing notices.

    Attributes:
        name: a short unique name.
        region: the GB/T 2260 code (6 digits) of the region the portal speaks for.
        list_urls: the list pages the crawl starts from.
        notice_patterns: regexes; a link whose URL matches one is a notice.
        keywords: words; a link whose text contains one is a notice (defaults from settings when empty).
        schedule: a cron string telling when to crawl the source.
        hosts: hosts the crawl (and its redirects) may visit; those of ``list_urls`` when not given.
    """

    name: str
    region: str
    list_urls: tuple[str, ...]
    notice_patterns: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    schedule: str = ""
    hosts: tuple[str, ...] = ()


def load_sources(path: Path) -> list[SourceConfig]:
    """Read a sources registry: a YAML list of sources, or a mapping with a ``sources`` list.

    Raises:
        ValueError: the file is not such a list, or a source lacks a field or has a bad one.
    """
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    entries = data.get("sources") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a list of sources")
    return [source_from_mapping(entry, f"{path}: source {i + 1}") for i, entry in enumerate(entries)]


def source_from_mapping(entry: Any, where: str = "source") -> SourceConfig:
    """Build and check one :class:`SourceConfig` from its YAML mapping."""
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: expected a mapping")
    missing = [key for key in ("name", "region", "list_urls") if not entry.get(key)]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    region = str(entry["region"])
    if not _REGION.match(region):
        raise ValueError(f"{where}: region {region!r} is not a 6-digit code")
    for pattern in entry.get("notice_patterns") or ():
        _check_regex(pattern, where)
    list_urls = _strings(entry["list_urls"])
    hosts = _strings(entry.get("hosts") or ()) or _hosts(list_urls)
    return SourceConfig(
        name=str(entry["name"]), region=region, list_urls=list_urls,
        notice_patterns=_strings(entry.get("notice_patterns") or ()), keywords=_strings(entry.get("keywords") or ()),
        schedule=str(entry.get("schedule") or ""), hosts=tuple(host.lower() for host in hosts))


def _strings(value: Any) -> tuple[str, ...]:
    return (str(value),) if isinstance(value, str) else tuple(str(item) for item in value)


def _hosts(urls: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((urlsplit(url).hostname or "").lower() for url in urls if urlsplit(url).hostname))


def _check_regex(pattern: str, where: str) -> None:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"{where}: bad notice pattern {pattern!r}: {error}") from None
