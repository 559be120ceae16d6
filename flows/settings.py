"""Crawler settings: the packaged ``settings.toml`` with a user TOML layered over it."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

DEFAULTS = Path(__file__).with_name("settings.toml")


@dataclass(frozen=True, slots=True)
class Settings:
    """Every crawler setting; see ``flows/settings.toml`` for what each one means."""

    backoff_factor: float
    delay_seconds: float
    keywords: tuple[str, ...]
    max_body_bytes: int
    max_delay_seconds: float
    max_redirects: int
    max_retries: int
    pagination_patterns: tuple[str, ...]
    pagination_words: tuple[str, ...]
    retry_base_seconds: float
    slow_reply_seconds: float
    timeout_seconds: float
    tracking_params: tuple[str, ...]
    user_agent: str
    warc_max_bytes: int

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with some settings changed (lists become tuples)."""
        return replace(self, **_normalise(overrides))


def load_settings(user: Path | None = None, **overrides: Any) -> Settings:
    """The packaged defaults, then the keys of ``user`` (a TOML file), then ``overrides``.

    Raises:
        ValueError: a key of the user file or of ``overrides`` is not a setting.
    """
    values = _read(DEFAULTS)
    if user is not None:
        values |= _read(user)
    values |= overrides
    unknown = sorted(set(values) - {field.name for field in fields(Settings)})
    if unknown:
        raise ValueError(f"unknown crawler settings: {', '.join(unknown)}")
    return Settings(**_normalise(values))


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _normalise(values: dict[str, Any]) -> dict[str, Any]:
    return {key: tuple(value) if isinstance(value, list) else value for key, value in values.items()}
