"""The region a notice speaks for, as GB/T 2260 codes.

Regions named in the title, body and signature are weighed; the notice speaks
for a city when it names one and its own scope words (全市, 我市, 全州) are at
least as frequent as the province's (全省, 我省), else for the province.
Municipalities (北京, 上海, 天津, 重庆) are province-level.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from extractors.facts import RegionFact
from extractors.lexicon import load_yaml, word_alternation
from extractors.polarity import Analysis
from extractors.windows import span_of


@cache
def _rules() -> dict:
    rules = dict(load_yaml("facts.yaml")["regions"])
    rules["province_scope"] = re.compile(rules["province_scope"])
    rules["city_scope"] = re.compile(rules["city_scope"])
    return rules


@cache
def _matcher() -> tuple[re.Pattern[str], dict[str, str], dict[str, object]]:
    from ontology.vocab import region_aliases, regions

    by_code = {r.code: r for r in regions() if r.level in ("province", "prefecture") or r.code[2:4] == "90"}
    names: dict[str, str] = {}
    for region in by_code.values():
        for name in (region.name, region.short):
            if name and len(name) >= _rules()["min_short"]:
                names.setdefault(name, region.code)
    for alias, code in region_aliases().items():
        names.setdefault(alias, code)
    pattern = re.compile(word_alternation(names))
    return pattern, names, by_code


def _where(analysis: Analysis, start: int) -> str:
    sentence = analysis.sentence_of(start)
    if sentence is None:
        return "body"
    return {"title": "title", "signature": "signature"}.get(sentence.kind, "body")


def _weighted_codes(analysis: Analysis) -> tuple[Counter, dict[str, tuple[int, int]]]:
    pattern, names, _ = _matcher()
    weights, counts, first = _rules()["weights"], Counter(), {}
    title = analysis.document.title or ""
    for match in pattern.finditer(title):
        counts[names[match.group()]] += weights["title"]
    for match in pattern.finditer(analysis.document.norm):
        code = names[match.group()]
        counts[code] += weights[_where(analysis, match.start())]
        first.setdefault(code, match.span())
    return counts, first


def _choose(counts: Counter, norm: str) -> str | None:
    if not counts:
        return None
    cities = [c for c in counts if not c.endswith("0000")]
    provinces = [c for c in counts if c.endswith("0000")]
    province_scope = len(_rules()["province_scope"].findall(norm))
    city_scope = len(_rules()["city_scope"].findall(norm))
    top_province = max(provinces, key=lambda c: counts[c], default=None)
    if cities:
        same = [c for c in cities if top_province is None or c[:2] == top_province[:2]] or cities
        top_city = max(same, key=lambda c: counts[c])
        if top_province is None or city_scope >= province_scope or top_province[:2] != top_city[:2]:
            return top_city
    return top_province


def extract_region(analysis: Analysis) -> RegionFact | None:
    """The region a notice speaks for, with the first place it is named."""
    counts, first = _weighted_codes(analysis)
    code = _choose(counts, analysis.document.norm)
    if code is None:
        return None
    _, _, by_code = _matcher()
    region = by_code[code]
    span = span_of(analysis, *first[code]) if code in first else None
    return RegionFact(code, code[:2] + "0000", region.name, span)
