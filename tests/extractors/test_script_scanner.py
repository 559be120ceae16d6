"""compile_scanner finds the same first match (place and groups) as compile_either."""
from __future__ import annotations

import random
import re

import pytest

from extractors.lexicon import alternation, load_yaml
from extractors.metadata import _NUMERIC, _OUTLET_END
from extractors.script import _inverse, compile_either, compile_scanner, either_script


def _patterns() -> list[str]:
    boilerplate, metadata = load_yaml("boilerplate.yaml"), load_yaml("metadata.yaml")
    labels = alternation([re.escape(label) for label in boilerplate["byline_labels"]])
    outlets = alternation([re.escape(label) for label in metadata["outlet_labels"]])
    dates = alternation([re.escape(label) for label in metadata["date_labels"]])
    return [alternation([p for p in boilerplate["drop_text"] if not p.startswith("^")]),
            f"(?:{labels})\\s*[:：]", f"(?:{outlets})\\s*[:：]\\s*({_OUTLET_END})",
            f"(?:{dates})\\s*[:：]?\\s*{_NUMERIC.pattern}", "abc|x?y", r"\d+"]


def _fragments() -> list[str]:
    boilerplate, metadata = load_yaml("boilerplate.yaml"), load_yaml("metadata.yaml")
    words = [*boilerplate["byline_labels"], *metadata["outlet_labels"], *metadata["date_labels"],
             "版权所有", "ICP备", "Copyright", "评论(3)", "人民网", "2022年2月26日", "2022-02-26 10:00",
             "停机", "公告", "：", ":", " ", "\n", "。", "（", "abc", "y", "7"]
    inverse = _inverse()
    traditional = ["".join(inverse.get(c, c)[:1] for c in word) for word in words]
    return words + traditional


@pytest.mark.parametrize("pattern", _patterns())
def test_scanner_finds_the_same_first_match(pattern: str) -> None:
    either, scanner = compile_either(pattern), compile_scanner(pattern)
    fragments, rnd = _fragments(), random.Random(11)
    found = 0
    for _ in range(6000):
        text = "".join(rnd.choice(fragments) for _ in range(rnd.randint(0, 8)))
        expected, got = either.search(text), scanner.search(text)
        assert (expected is None) == (got is None), text
        if expected is not None:
            found += 1
            assert (got.start(), got.groups()) == (expected.start(), expected.groups()), text
    assert found > 20


def test_first_characters_include_optional_brackets_and_spaces() -> None:
    """A pattern that may start with an optional bracket or ``\\s`` still gets its first-character guard, unchanged in effect."""
    starts = [p[1:] for p in load_yaml("boilerplate.yaml")["drop_text"] if p.startswith("^")]
    pattern = alternation(starts)
    guarded, plain = compile_either(pattern), re.compile(either_script(pattern))
    assert guarded.pattern.startswith("(?=[")
    fragments, rnd = [*_fragments(), "（", "【", "[", "\u3000", "\t", "编辑", "責任編輯", "上一篇", "-----"], random.Random(5)
    for _ in range(6000):
        text = "".join(rnd.choice(fragments) for _ in range(rnd.randint(0, 6)))
        assert (guarded.match(text) is None) == (plain.match(text) is None), text


def test_no_whitespace_beyond_the_last_space() -> None:
    from extractors.script import LAST_SPACE, _whitespace

    beyond = [code for code in range(LAST_SPACE + 1, 0x110000) if chr(code).isspace() or re.match(r"\s", chr(code))]
    assert beyond == []
    assert all(re.match(r"\s", char) for char in _whitespace()) and "\u3000" in _whitespace()
