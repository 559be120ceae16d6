"""Settings layering and the sources registry reader."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from flows.settings import DEFAULTS, load_settings
from flows.sources import SourceConfig, load_sources


def test_settings_file_is_alphabetical_and_documented() -> None:
    lines = DEFAULTS.read_text(encoding="utf-8").splitlines()
    keys = [(i, line.split("=", 1)[0].strip()) for i, line in enumerate(lines) if re.match(r"^[a-z_]+\s*=", line)]
    assert [key for _, key in keys] == sorted(key for _, key in keys)
    assert all(lines[i - 1].startswith("#") for i, _ in keys)


def test_user_file_and_overrides_layer_over_defaults(tmp_path: Path) -> None:
    user = tmp_path / "crawl.toml"
    user.write_text('delay_seconds = 2.5\nkeywords = ["停机"]\nmax_retries = 7\n', encoding="utf-8")
    settings = load_settings(user, max_retries=1)
    assert (settings.delay_seconds, settings.keywords, settings.max_retries) == (2.5, ("停机",), 1)
    assert settings.timeout_seconds == load_settings().timeout_seconds
    assert "{version}" in settings.user_agent


def test_unknown_setting_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="delay_secs"):
        load_settings(delay_secs=1)


def test_load_sources(tmp_path: Path) -> None:
    registry = tmp_path / "sources.yaml"
    registry.write_text("""
sources:
  - name: shandong-hrss
    region: "370000"
    list_urls: [http://hrss.shandong.gov.cn/col/col1/index.html]
    notice_patterns: ['/art/\\d{4}/']
    keywords: [停机, 切换]
    schedule: "0 6 * * *"
""", encoding="utf-8")
    assert load_sources(registry) == [SourceConfig(
        name="shandong-hrss", region="370000", list_urls=("http://hrss.shandong.gov.cn/col/col1/index.html",),
        notice_patterns=(r"/art/\d{4}/",), keywords=("停机", "切换"), schedule="0 6 * * *",
        hosts=("hrss.shandong.gov.cn",))]


# fmt: off
BAD_SOURCES = [
    ("name: x",                                                       "list of sources"),
    ("- region: '370000'\n  list_urls: [http://h/]",                  "missing name"),
    ("- name: x\n  region: '3700'\n  list_urls: [http://h/]",         "6-digit"),
    ("- name: x\n  region: '370000'\n  list_urls: [http://h/]\n  notice_patterns: ['(']", "bad notice pattern"),
    ("- just a string",                                               "expected a mapping"),
]
# fmt: on


@pytest.mark.parametrize(("text", "message"), BAD_SOURCES)
def test_bad_sources_are_refused_with_reason(tmp_path: Path, text: str, message: str) -> None:
    registry = tmp_path / "sources.yaml"
    registry.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_sources(registry)
