"""Near-duplicate detection (flows/dedup.py), measured on the development corpus."""
from __future__ import annotations

import html
from itertools import combinations

import pytest

from extractors.document import Document
from extractors.loading import document_from_bytes, load_document
from flows.dedup import (MAX_DISTANCE, DuplicateIndex, distance, fingerprint, near_duplicate, normalise, shingles,
                         simhash)
from tests.conftest import DEV_DIRS, dev_notices

JINAN = DEV_DIRS[0] / "000_d7652f1d30021301.txt"
JINAN_REWRITE = DEV_DIRS[1] / "h08d125c7.html"
TEMPLATE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xxgk/">信息公开</a> <a href="/bsfw/">办事服务</a></div>
<h1>{title}</h1><div class="info">来源：市人力资源和社会保障局 浏览次数：1234</div>
<div class="content">{body}</div>
<div class="footer">主办单位：某某市人民政府办公厅 网站标识码 3701000001</div></body></html>"""


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {path.name: load_document(path) for path, _ in dev_notices()}


def reposted(document: Document, charset: str = "utf-8") -> Document:
    """The notice's text put in another portal's template, in ``charset``."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in document.text.split("\n")[1:])
    page = TEMPLATE.format(charset=charset, title=html.escape(document.title or ""), body=body)
    return document_from_bytes(page.encode(charset), doc_id="repost.html", source="repost")


def test_normalise_keeps_letters_and_digits_only() -> None:
    assert normalise("2022年2月26日 0时，停机！(APP)") == "2022年2月26日0时停机APP"


def test_shingles_are_character_4_grams() -> None:
    assert shingles("停机，期间停机期") == {"停机期间": 1, "机期间停": 1, "期间停机": 1, "间停机期": 1}
    assert shingles("停机") == {"停机": 1} and shingles("，。") == {}


def test_fingerprint_is_stable_and_64_bit() -> None:
    value = simhash("社保系统将于2月26日停机")
    assert value == simhash("社保系统将于2月26日停机") and 0 <= value < 2 ** 64
    assert simhash("") == 0


@pytest.mark.parametrize("charset", ["gbk", "gb18030"])
def test_re_encoded_file_is_distance_zero(charset: str) -> None:
    text = JINAN.read_text(encoding="utf-8")
    again = document_from_bytes(text.encode(charset), doc_id="again.txt", source="again")
    assert distance(fingerprint(again), fingerprint(load_document(JINAN))) == 0


def test_big5_re_encoding_is_distance_zero() -> None:
    original = load_document(JINAN_REWRITE)
    again = document_from_bytes(JINAN_REWRITE.read_text(encoding="utf-8").encode("big5"), doc_id="b.html", source="b")
    assert distance(fingerprint(again), fingerprint(original)) == 0


def test_traditional_script_repost_is_a_near_duplicate(documents: dict[str, Document]) -> None:
    from opencc import OpenCC

    original = documents[JINAN.name]
    traditional = OpenCC("s2t").convert(original.text)
    repost = document_from_bytes(traditional.encode("utf-8"), doc_id="t.txt", source="t")
    assert repost.script == "Hant" and near_duplicate(repost, original)


@pytest.mark.parametrize("charset", ["utf-8", "gb18030"])
def test_every_notice_reposted_in_another_template_is_a_near_duplicate(documents: dict[str, Document],
                                                                      charset: str) -> None:
    far = {name: distance(fingerprint(reposted(doc, charset)), fingerprint(doc)) for name, doc in documents.items()}
    assert max(far.values()) <= 2 < MAX_DISTANCE


def test_different_notices_are_far_apart(documents: dict[str, Document]) -> None:
    """The 91 pairs of different dev notices are 22-38 bits apart: far above the threshold."""
    prints = {name: fingerprint(doc) for name, doc in documents.items()}
    distances = [distance(prints[a], prints[b]) for a, b in combinations(prints, 2)]
    assert len(distances) == 91 and min(distances) >= 4 * MAX_DISTANCE


def test_traditional_rewrite_of_the_jinan_notice_is_not_a_near_duplicate(documents: dict[str, Document]) -> None:
    """h08d125c7.html tells the Jinan outage in its own words (a rewrite, not a repost): 24 bits apart."""
    original, rewrite = documents[JINAN.name], documents[JINAN_REWRITE.name]
    assert rewrite.script == "Hant" and not near_duplicate(original, rewrite)
    assert distance(fingerprint(original), fingerprint(rewrite)) > 5 * MAX_DISTANCE


def test_near_duplicate_accepts_texts_and_fingerprints() -> None:
    value = simhash("社保系统停机公告")
    assert near_duplicate(value, value ^ 0b111) and not near_duplicate(value, value ^ 0b1111)
    assert near_duplicate("社保系统停机公告", "社保系统，停机公告。")


def test_index_returns_the_first_near_duplicate(documents: dict[str, Document]) -> None:
    index = DuplicateIndex()
    for name, doc in documents.items():
        assert index.add(name, fingerprint(doc)) is None
    assert index.add("repost.html", fingerprint(reposted(documents[JINAN.name]))) == JINAN.name
    assert len(index) == 14
    assert index.extend([("x", 0), ("y", 1)]) == {"y": "x"}
