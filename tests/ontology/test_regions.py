"""GB/T 2260 regions: the TSV, the Turtle, the aliases and their generator."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDFS, SKOS, Namespace

from ontology.namespace import NG, NGR
from ontology.tools.build_regions import build_rows, candidate_short, read_adcodes, render_tsv, render_ttl
from ontology.vocab import Region, ontology_dir, region, region_aliases, regions

ADCODES = Path("/tmp/cpca/cpca_whl/cpca/resources/adcodes.csv")
SCHEMA = Namespace("https://schema.org/")
# fmt: off
EXPECTED = [
    # code, name, short, level, parent
    ("110000", "北京市", "北京", "province", None),
    ("370000", "山东省", "山东", "province", None),
    ("370100", "济南市", "济南", "prefecture", "370000"),
    ("429006", "天门市", "天门", "county", "420000"),
    ("652800", "巴音郭楞蒙古自治州", "巴音郭楞", "prefecture", "650000"),
    ("650000", "新疆维吾尔自治区", "新疆", "province", None),
    ("450000", "广西壮族自治区", "广西", "province", None),
    ("640000", "宁夏回族自治区", "宁夏", "province", None),
    ("150000", "内蒙古自治区", "内蒙古", "province", None),
    ("540000", "西藏自治区", "西藏", "province", None),
    ("810000", "香港特别行政区", "香港", "province", None),
    ("433100", "湘西土家族苗族自治州", "湘西", "prefecture", "430000"),
    ("632800", "海西蒙古族藏族自治州", "海西", "prefecture", "630000"),
    ("632500", "海南藏族自治州", "", "prefecture", "630000"),   # 海南 is the province
    ("220200", "吉林市", "", "prefecture", "220000"),            # 吉林 is the province
    ("152500", "锡林郭勒盟", "锡林郭勒", "prefecture", "150000"),
    ("652900", "阿克苏地区", "阿克苏", "prefecture", "650000"),
    ("110101", "东城区", "东城", "county", "110000"),             # districts of municipalities
    ("110105", "朝阳区", "", "county", "110000"),                 # 朝阳市 in Liaoning
    ("500233", "忠县", "", "county", "500000"),                   # one character
    ("429021", "神农架林区", "神农架", "county", "420000"),
    ("469025", "白沙黎族自治县", "白沙", "county", "460000"),
]
SHORTS = [
    ("克孜勒苏柯尔克孜自治州", "克孜勒苏"), ("积石山保安族东乡族撒拉族自治县", "积石山"),
    ("塔什库尔干塔吉克自治县", "塔什库尔干"), ("鄂伦春自治旗", ""), ("土默特左旗", ""), ("浦东新区", "浦东"),
    ("大兴安岭地区", "大兴安岭"), ("城区", ""),
]
# fmt: on


def test_regions_has_34_provinces() -> None:
    provinces = [r for r in regions() if r.level == "province"]
    assert len(provinces) == 34
    assert all(r.parent is None and r.province == r.code for r in provinces)


@pytest.mark.parametrize(("code", "name", "short", "level", "parent"), EXPECTED, ids=[e[1] for e in EXPECTED])
def test_regions_rows(code: str, name: str, short: str, level: str, parent: str | None) -> None:
    assert region(code) == Region(code, name, short, level, parent, code[:2] + "0000")  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "short"), SHORTS)
def test_regions_short_name_rules(name: str, short: str) -> None:
    assert candidate_short(name) == short


def test_regions_parents_exist_and_pseudo_rows_are_gone() -> None:
    codes = {r.code for r in regions()}
    assert all(r.parent in codes for r in regions() if r.parent)
    assert not {r.name for r in regions()} & {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
    assert all(len(r.short) != 1 for r in regions())


def test_regions_tsv_columns() -> None:
    with (ontology_dir() / "regions.tsv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle, delimiter="\t")) == ["code", "name", "short", "level", "parent"]


def test_regions_turtle_follows_tsv() -> None:
    graph = Graph().parse(ontology_dir() / "regions.ttl")
    kept = [r for r in regions() if r.level != "county" or r.code[2:4] == "90"]
    assert set(graph.subjects(SKOS.notation, None)) == {NGR[r.code] for r in kept}
    for r in kept:
        iri = NGR[r.code]
        assert graph.value(iri, SKOS.notation) == Literal(r.code)
        assert graph.value(iri, RDFS.label) == Literal(r.name, lang="zh")
        assert graph.value(iri, NG.province) == NGR[r.province]
        assert graph.value(iri, SCHEMA.containedInPlace) == (NGR[r.parent] if r.parent else None)


@pytest.mark.parametrize(("alias", "code"), sorted(region_aliases().items()))
def test_regions_aliases_name_real_regions(alias: str, code: str) -> None:
    found = region(code)
    assert found is not None and found.level in ("province", "prefecture")
    stem = alias.removesuffix("州")
    assert found.name.startswith(stem) or len(alias) <= 2, (alias, found.name)


def test_regions_aliases_include_the_usual_ones() -> None:
    aliases = region_aliases()
    assert (aliases["巴州"], aliases["湘西州"], aliases["黔东南州"], aliases["新疆"]) == ("652800", "433100", "522600", "650000")


@pytest.mark.skipif(not ADCODES.exists(), reason="cpca's adcodes.csv not unpacked (see ontology/README.md)")
def test_regions_files_are_the_generators_output() -> None:
    rows = build_rows(read_adcodes(ADCODES))
    assert (ontology_dir() / "regions.tsv").read_text(encoding="utf-8") == render_tsv(rows)
    assert (ontology_dir() / "regions.ttl").read_text(encoding="utf-8") == render_ttl(rows)
