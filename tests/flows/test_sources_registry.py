"""The bundled sources registry (corpus/sources.yaml) loads and is well formed."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from flows.sources import SourceConfig, load_sources

REGISTRY = Path(__file__).resolve().parents[2] / "corpus" / "sources.yaml"
SEED_PROVINCES = {"370000", "420000", "330000", "410000"}
CRON = re.compile(r"^(\S+\s+){4}\S+$")


@pytest.fixture(scope="module")
def sources() -> list[SourceConfig]:
    return load_sources(REGISTRY)


def test_registry_covers_the_seed_portals(sources: list[SourceConfig]) -> None:
    hosts = {host for source in sources for host in source.hosts}
    assert {"hrss.shandong.gov.cn", "jnhrss.jinan.gov.cn", "hrss.qingdao.gov.cn", "rst.hubei.gov.cn",
            "hrss.hangzhou.gov.cn", "hrss.henan.gov.cn"} <= hosts
    assert {source.region[:2] + "0000" for source in sources} == SEED_PROVINCES


def test_names_are_unique_and_regions_known(sources: list[SourceConfig]) -> None:
    from ontology.vocab import regions

    names = [source.name for source in sources]
    assert len(names) == len(set(names))
    assert {source.region for source in sources} <= {region.code for region in regions()}


def test_every_source_is_complete(sources: list[SourceConfig]) -> None:
    for source in sources:
        assert source.list_urls and source.notice_patterns and source.keywords, source.name
        assert all(url.startswith(("http://", "https://")) for url in source.list_urls), source.name
        assert all(host.endswith(".gov.cn") for host in source.hosts), source.name
        assert CRON.match(source.schedule), source.name


@pytest.mark.parametrize(("url", "expected"), [
    ("http://hrss.hangzhou.gov.cn/art/2020/7/10/art_1229125588_58937471.html", True),
    ("http://rst.hubei.gov.cn/bmdt/ztzl/202206/t20220617_4178393.shtml", True),
    ("http://hrss.henan.gov.cn/2022/04-27/2440123.html", True),
    ("http://hrss.hangzhou.gov.cn/col/col1229125588/index.html", False),
    ("http://rst.hubei.gov.cn/bmdt/index_2.shtml", False),
])
def test_notice_patterns_match_article_urls_only(sources: list[SourceConfig], url: str, expected: bool) -> None:
    host = url.split("/")[2]
    (source,) = [s for s in sources if host in s.hosts]
    assert any(re.search(pattern, url) for pattern in source.notice_patterns) is expected
