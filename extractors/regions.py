"""The region a notice speaks for, as GB/T 2260 codes.

Regions named in the title, body and signature are weighed; the notice speaks
for a city when it names one and its own scope words (全市, 我市, 全州) are at
least as frequent as the province's (全省, 我省), else for the province.
The title and the signature name the issuer, which decides first: a notice
whose title or signature names a city is that city's, one whose title or
signature names the province and no city is the province's, whatever cities
its body lists (各市切换时间: 合肥市…) or scope words it uses (黑龙江全省事APP).
Municipalities (北京, 上海, 天津, 重庆) are province-level. A notice that names
no city but a county or district (双流区人社局) speaks for that county's city
when the county's full name is unique (or unique within the province named).
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


@cache
def _county_names() -> frozenset[str]:
    from ontology.vocab import regions

    return frozenset(region.name for region in regions() if region.level == "county")


@cache
def _county_matcher() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """Full county names (双流区, 昆山市) not already city or province names, and their codes."""
    from ontology.vocab import regions

    _, names, by_code = _matcher()
    counties: dict[str, list[str]] = {}
    for region in regions():
        if region.level == "county" and region.code not in by_code and len(region.name) >= 3 \
                and region.name not in names:
            counties.setdefault(region.name, []).append(region.code)
    return re.compile(word_alternation(counties)), counties


def _add_counties(analysis: Analysis, counts: Counter, first: dict[str, tuple[int, int]]) -> set[str]:
    """Weigh the cities of the counties named, when no city is (a county bureau's notice); the cities of
    the counties named in the title or the signature are the issuer's."""
    from ontology.vocab import region

    pattern, counties = _county_matcher()
    weights, provinces = _rules()["weights"], {code[:2] for code in counts}
    named = [(m, "title") for m in pattern.finditer(analysis.document.title or "")]
    named += [(m, None) for m in pattern.finditer(analysis.document.norm)]
    issuers = set()
    for match, where in named:
        codes = [c for c in counties[match.group()] if not provinces or c[:2] in provinces]
        parents = {region(c).parent for c in codes}
        if len(parents) != 1:
            continue
        city = parents.pop()
        if where is None:       # named in the text (the title's offsets are not the text's)
            first.setdefault(city, match.span())
            where = _where(analysis, match.start())
        counts[city] += weights[where]
        if where != "body":
            issuers.add(city)
    return issuers


def _where(analysis: Analysis, start: int) -> str:
    sentence = analysis.sentence_of(start)
    if sentence is None:
        return "body"
    return {"title": "title", "signature": "signature"}.get(sentence.kind, "body")


def _weighted_codes(analysis: Analysis) -> tuple[Counter, dict[str, tuple[int, int]], set[str]]:
    """The weight of each region named, where it is first named in the text, and the regions the
    title or the signature names (the issuer's)."""
    pattern, names, _ = _matcher()
    weights, counts, first, official = _rules()["weights"], Counter(), {}, set()
    title = analysis.document.title or ""
    for match in pattern.finditer(title):
        counts[names[match.group()]] += weights["title"]
        official.add(names[match.group()])
    norm, counties = analysis.document.norm, _county_names()
    for match in pattern.finditer(norm):
        if match.group() + norm[match.end():match.end() + 1] in counties:
            continue      # 朝阳区 names a district, not 朝阳市
        code, where = names[match.group()], _where(analysis, match.start())
        counts[code] += weights[where]
        first.setdefault(code, match.span())
        if where != "body":
            official.add(code)
    return counts, first, official


def _choose(counts: Counter, norm: str, official: set[str]) -> str | None:
    if not counts:
        return None
    cities = [c for c in counts if not c.endswith("0000")]
    provinces = [c for c in counts if c.endswith("0000")]
    province_scope = len(_rules()["province_scope"].findall(norm))
    city_scope = len(_rules()["city_scope"].findall(norm))
    top_province = max(provinces, key=lambda c: counts[c], default=None)
    issuers = [c for c in cities if c in official]
    if top_province in official and not issuers:
        return top_province       # a provincial issuer whose notice lists its cities (各市切换时间)
    if issuers:
        return max(issuers, key=lambda c: counts[c])    # a city's issuer, whatever scope words it uses
    if cities:
        same = [c for c in cities if top_province is None or c[:2] == top_province[:2]] or cities
        top_city = max(same, key=lambda c: counts[c])
        if top_province is None or city_scope >= province_scope or top_province[:2] != top_city[:2]:
            return top_city
    return top_province


def extract_region(analysis: Analysis) -> RegionFact | None:
    """The region a notice speaks for, with the first place it is named."""
    counts, first, official = _weighted_codes(analysis)
    if not any(not code.endswith("0000") for code in counts) and not official:
        official |= _add_counties(analysis, counts, first)     # no city named, and no issuer: a county bureau's?
    code = _choose(counts, analysis.document.norm, official)
    if code is None:
        return None
    _, _, by_code = _matcher()
    region = by_code[code]
    span = span_of(analysis, *first[code]) if code in first else None
    return RegionFact(code, code[:2] + "0000", region.name, span)
