"""The region a notice speaks for (extractors/regions.py through the pipeline)."""
from __future__ import annotations

import pytest

from extractors.pipeline import extract
from tests.conftest import document_of

BODY = "因系统升级，3月1日18:00至3月4日8:00暂停办理社会保险业务。"

# fmt: off
REGIONS = [
    # (id, title, text (one block per line, the last is the signature), (region, province) or None)
    ("city",                "济南市社保系统停机公告", f"{BODY}\n济南市人力资源和社会保障局",     ("370100", "370000")),
    ("province scope",      "关于系统切换的公告",     f"全省{BODY}\n山东省人力资源和社会保障厅",   ("370000", "370000")),
    ("city named in body",  "关于系统切换的公告",     f"全市{BODY}山东省济南市各经办机构同步。\n济南市社保中心", ("370100", "370000")),
    ("municipality",        "关于系统切换的公告",     f"{BODY}\n北京市社会保险基金管理中心",       ("110000", "110000")),
    ("municipal district",  "关于系统切换的公告",     f"{BODY}\n上海市浦东新区社会保险事业管理中心", ("310000", "310000")),
    ("county only",         "双流区社保系统停机公告", f"{BODY}\n双流区人力资源和社会保障局",     ("510100", "510000")),
    ("county-level city",   "关于系统切换的公告",     f"{BODY}\n昆山市人力资源和社会保障局",     ("320500", "320000")),
    ("county in province",  "关于系统切换的公告",     f"{BODY}\n吉林省长春市朝阳区社保局",         ("220100", "220000")),
    ("ambiguous county",    "关于系统切换的公告",     f"{BODY}\n朝阳区人力资源和社会保障局",       None),
    ("county after city",   "昆明市社保系统停机公告", f"{BODY}盘龙区、五华区服务大厅暂停。\n昆明市社保局", ("530100", "530000")),
    ("provincial issuer",   "安徽省医疗保障局关于分批切换的公告",
     f"{BODY}本市切换期间，合肥市、淮北市、亳州市本市医保结算暂停。\n安徽省医疗保障局",                   ("340000", "340000")),
    ("city issuer",         "齐齐哈尔市住房公积金管理中心关于系统升级的公告",
     f"{BODY}“黑龙江全省事”APP公积金专区暂停服务。\n齐齐哈尔市住房公积金管理中心",                      ("230200", "230000")),
    ("county, province scope", "霍山县社保卡业务暂停办理",
     f"按照安徽省统一安排，全省社保卡系统升级，{BODY}我县各网点同步暂停。\n霍山县人力资源和社会保障局",          ("341500", "340000")),
    ("county issuer, more province scope", "霍邱县人力资源和社会保障局关于社保系统停机升级的公告",
     f"按照安徽省人力资源和社会保障厅统一部署，全省系统升级，全省同步停机。{BODY}我县窗口暂停。\n霍邱县人力资源和社会保障局",
     ("341500", "340000")),
    ("nothing named",       "关于系统切换的公告",     f"{BODY}\n人力资源和社会保障局",             None),
]
# fmt: on


@pytest.mark.parametrize(("title", "text", "expected"), [r[1:] for r in REGIONS], ids=[r[0] for r in REGIONS])
def test_regions_the_notice_speaks_for(title: str, text: str, expected: tuple[str, str] | None) -> None:
    kinds = {text.count("\n"): "signature"}
    region = extract(document_of(text, kinds, title=title)).region
    assert (region and (region.code, region.province)) == (expected or None)
