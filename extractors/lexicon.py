"""Loading of the pattern files in ``extractors/patterns/`` (read once per process)."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

PATTERNS = Path(__file__).parent / "patterns"


@cache
def load_yaml(name: str) -> Any:
    """Parse ``extractors/patterns/{name}`` once."""
    import yaml

    with (PATTERNS / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def alternation(patterns: list[str]) -> str:
    """Join regular expressions into one alternation, longest first; refuses an empty group."""
    if not patterns:
        raise ValueError("empty pattern group")
    ordered = sorted(patterns, key=len, reverse=True)
    return "|".join(f"(?:{p})" for p in ordered)


@cache
def compiled(name: str, key: str, flags: int = 0) -> re.Pattern[str]:
    """The patterns under ``key`` of a YAML pattern file, as one compiled regex."""
    return re.compile(alternation(load_yaml(name)[key]), flags)
