from __future__ import annotations

import pytest

from extractors.sentences import split_sentences
from tests.conftest import document_of

# fmt: off
SPLITS = [
    ("一句。两句！三句？", ["一句。", "两句！", "三句？"]),
    ("停机期间暂停；恢复后办理。", ["停机期间暂停；", "恢复后办理。"]),
    ("第一行\n第二行。", ["第一行", "第二行。"]),
    ("没有句号的一行", ["没有句号的一行"]),
]
HEADINGS = [
    ("一、停机切换时间\n2019年8月21日20时至8月26日8时。", [True, False]),
    ("停机期间哪些业务不受影响?\n答：不影响。", [True, False]),
    ("01 为什么社保信息系统要停机切换？\n答：根据部署。", [True, False]),
    ("这是一个很长的段落，它说明了很多事情，而且它并不是一个标题，因为它以句号结束。", [False]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), SPLITS, ids=[s[0][:8] for s in SPLITS])
def test_sentences_split_at_terminators_and_blocks(text: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in split_sentences(document_of(text))] == expected


@pytest.mark.parametrize(("text", "expected"), HEADINGS, ids=[h[0][:8] for h in HEADINGS])
def test_sentences_recognise_headings(text: str, expected: list[bool]) -> None:
    assert [s.heading for s in split_sentences(document_of(text))] == expected


def test_sentences_govern_sections_by_heading() -> None:
    sentences = split_sentences(document_of("一、暂停时间\n第一段。\n二、其他事项\n第二段。"))
    assert [s.section for s in sentences] == [-1, 0, 0, 2]


def test_sentences_table_rows_point_to_their_header() -> None:
    doc = document_of("业务 | 暂停时段\n养老保险 | 9月21日至10月24日", kinds={0: "table_header", 1: "table_row"})
    header, row = split_sentences(doc)
    assert row.table_header == header.index
    assert len(row.clauses) == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("10月8日（周日，调休工作日）8:00起，各项业务恢复办理。", ["10月8日（周日，调休工作日）8:00起", "各项业务恢复办理。"]),
    ("窗口（含社银网点，自助机）暂停，网厅正常。",             ["窗口（含社银网点，自助机）暂停", "网厅正常。"]),
    ("暂停办理（详见附表，下同。",                             ["暂停办理（详见附表", "下同。"]),   # an unclosed bracket
])
def test_sentences_clauses_skip_commas_in_brackets(text: str, expected: list[str]) -> None:
    (sentence,) = split_sentences(document_of(text))
    assert [text[start:end] for start, end in sentence.clauses] == expected
