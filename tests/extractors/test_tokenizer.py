"""The segmenter is pinned: patterns match on token boundaries, so a change here changes recall."""
from __future__ import annotations

import pytest

from extractors.pipeline import SEGMENTER, build_nlp

# fmt: off
TOKENS = [
    ("湖北12333微信公众号", ["湖", "北", "1", "2", "3", "3", "3", "微", "信", "公", "众", "号"]),
    ("鄂汇办App", ["鄂", "汇", "办", "A", "p", "p"]),
    ("9月1日 0时", ["9", "月", "1", "日", "0", "时"]),
    ("第一行\n第二行", ["第", "一", "行", "\n", "第", "二", "行"]),
    ("a  b", ["a", " ", "b"]),
    ("a   b", ["a", " ", " ", "b"]),
    (" 前", [" ", "前"]),
    ("前 ", ["前"]),
    ("1 2 3", ["1", "2", "3"]),
    ("行 \n 行", ["行", "\n", "行"]),
]
# fmt: on


def test_tokenizer_is_the_project_char_segmenter() -> None:
    assert SEGMENTER == "noticegraph.char_tokenizer.v1"


@pytest.mark.parametrize(("text", "tokens"), TOKENS, ids=[t[0] for t in TOKENS])
def test_tokenizer_char_tokens(text: str, tokens: list[str]) -> None:
    doc = build_nlp().make_doc(text)
    assert [t.text for t in doc] == tokens
    assert doc.text == text
