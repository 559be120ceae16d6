"""Build ``ontology/regions.tsv`` and ``ontology/regions.ttl`` from cpca's adcodes.csv.

Usage::

    python ontology/tools/build_regions.py PATH/TO/cpca/resources/adcodes.csv [--out ontology]

The source is the ``adcodes.csv`` of the MIT-licensed ``cpca`` 0.5.5 wheel
(columns ``adcode`` with 12 digits, ``name``, ``longitude``, ``latitude``); see
``ontology/README.md``. The TSV keeps every real region (provinces, prefectures,
counties); the Turtle keeps provinces, prefectures and the county-level cities
directly under a province (``xx90yy``), which are what notices speak for.
"""
from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Rows of GB/T 2260 that are groupings, not regions: their children hang on the province.
PSEUDO = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
# Administrative suffixes, longest first.
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区", "矿区",
            "省", "市", "盟", "县", "区", "旗")
AUTONOMOUS = frozenset({"自治区", "自治州", "自治县", "自治旗"})
# The 55 ethnic minorities, as they appear in the names of autonomous areas.
ETHNIC = ("蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
          "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
          "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
          "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
          "鄂伦春", "赫哲", "门巴", "珞巴", "基诺")
# County short names that are common words in notices rather than places.
GENERIC = frozenset({"市中", "城中", "城东", "城西", "城南", "城北", "城关", "新城", "新华", "开发", "高新",
                     "经开", "中心", "向阳", "前进", "红旗", "胜利", "和平", "长安", "新市", "市南", "市北"})
# 左旗, 右旗 …: banners named by their side have no short form.
BANNER_SIDES = ("左", "右", "前", "中", "后")
NG = "https://w3id.org/noticegraph/ontology#"
NGR = "https://w3id.org/noticegraph/id/region/"
COLUMNS = ("code", "name", "short", "level", "parent")


@dataclass(frozen=True, slots=True)
class Row:
    """One region of ``regions.tsv``."""

    code: str
    name: str
    short: str
    level: str
    parent: str

    @property
    def province(self) -> str:
        """The code of its province (itself for a province)."""
        return self.code[:2] + "0000"


def read_adcodes(path: Path) -> dict[str, str]:
    """Six-digit code -> name of every real region in cpca's ``adcodes.csv``."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(handle)]
    return {code: name for code, name in rows if name not in PSEUDO}


def level_of(code: str) -> str:
    """``province``, ``prefecture`` or ``county`` from the code's shape."""
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def parent_of(code: str, names: dict[str, str]) -> str:
    """The prefecture or province a region lies in (empty for a province)."""
    level = level_of(code)
    if level == "province":
        return ""
    prefecture = code[:4] + "00"
    if level == "county" and prefecture in names:
        return prefecture
    return code[:2] + "0000"


def _strip_ethnic(stem: str) -> str:
    """巴音郭楞蒙古 -> 巴音郭楞, 海西蒙古族藏族 -> 海西; never below two characters."""
    changed = True
    while changed:
        changed = False
        for group in sorted(ETHNIC, key=len, reverse=True):
            for ending in (group + "族", group if len(group) > 1 else None):
                if ending and stem.endswith(ending) and len(stem) - len(ending) >= 2:
                    stem, changed = stem[: -len(ending)], True
                    break
            if changed:
                break
    return stem


def _is_ethnic(stem: str) -> bool:
    return stem.removesuffix("族") in ETHNIC


def candidate_short(name: str) -> str:
    """The name without its administrative suffix (and ethnic names of autonomous areas)."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix in AUTONOMOUS:
                stem = "" if _is_ethnic(stem) else _strip_ethnic(stem)
            if suffix == "旗" and stem.endswith(BANNER_SIDES):
                return ""  # 土默特左旗: notices write 土左旗, never 土默特左
            return stem if len(stem) >= 2 else ""
    return ""


def _taken(names: dict[str, str], shorts: dict[str, str], levels: Iterable[str]) -> dict[str, set[str]]:
    """Every name and short of the given levels -> the codes that use it."""
    wanted = set(levels)
    taken: dict[str, set[str]] = defaultdict(set)
    for code, name in names.items():
        if level_of(code) in wanted:
            taken[name].add(code)
            if shorts[code]:
                taken[shorts[code]].add(code)
    return taken


def short_names(names: dict[str, str]) -> dict[str, str]:
    """Unambiguous short names: a province keeps its own, a prefecture loses one a province
    uses (吉林市), a county loses one any other region uses (朝阳区), or a generic one."""
    shorts = {code: candidate_short(name) for code, name in names.items()}
    above = {"prefecture": ("province",), "county": ("province", "prefecture", "county")}
    for level, levels in above.items():
        taken = _taken(names, shorts, levels)
        for code in [c for c in names if level_of(c) == level and shorts[c]]:
            if taken[shorts[code]] - {code} or shorts[code] in GENERIC:
                shorts[code] = ""
    return shorts


def build_rows(names: dict[str, str]) -> list[Row]:
    """All regions, sorted by code."""
    shorts = short_names(names)
    return [Row(code, names[code], shorts[code], level_of(code), parent_of(code, names)) for code in sorted(names)]


def in_turtle(row: Row) -> bool:
    """Provinces, prefectures and county-level cities directly under a province."""
    return row.level != "county" or row.code[2:4] == "90"


def render_tsv(rows: Iterable[Row]) -> str:
    """``regions.tsv``: a header and one tab-separated line per region."""
    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join((r.code, r.name, r.short, r.level, r.parent)) for r in rows]
    return "\n".join(lines) + "\n"


TURTLE_HEADER = f"""# GB/T 2260 regions: provinces, prefectures and county-level cities directly
# under a province. Generated by ontology/tools/build_regions.py from cpca 0.5.5
# (MIT, see ontology/README.md): do not edit by hand. regions.tsv has every county.

@prefix ng:     <{NG}> .
@prefix ngr:    <{NGR}> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
"""


def render_region(row: Row) -> str:
    """One region as a Turtle block."""
    lines = [f"ngr:{row.code} a ng:Region ;",
             f'    skos:notation "{row.code}" ;',
             f'    rdfs:label "{row.name}"@zh ;',
             f"    ng:province ngr:{row.province}"]
    if row.parent:
        lines[-1] += " ;"
        lines.append(f"    schema:containedInPlace ngr:{row.parent}")
    return "\n".join(lines) + " .\n"


def render_ttl(rows: Iterable[Row]) -> str:
    """``regions.ttl``."""
    return TURTLE_HEADER + "".join("\n" + render_region(r) for r in rows if in_turtle(r))


def main(argv: list[str] | None = None) -> None:
    """Write ``regions.tsv`` and ``regions.ttl`` into ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("adcodes", type=Path, help="cpca/resources/adcodes.csv")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    rows = build_rows(read_adcodes(args.adcodes))
    (args.out / "regions.tsv").write_text(render_tsv(rows), encoding="utf-8")
    (args.out / "regions.ttl").write_text(render_ttl(rows), encoding="utf-8")


if __name__ == "__main__":
    main()
