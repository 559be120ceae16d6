"""normalized_lines is normalize_space applied line by line, done over the whole text."""
from __future__ import annotations

import random

import pytest

from extractors.cleaning import normalize_space, normalized_lines

ALPHABET = ["中", "文", " ", "\t", "\u3000", "\u00a0", "\u2003", "\n", "a", "1", "\x0b", "\x0c", "\x1c", "\x85",
            "\u2028", "·", "—", "“", "。"]


@pytest.mark.parametrize("text", ["", "\n", " 中 文 \n a b \n\n\u3000标题\u3000\n", "中 \n 文", "a\t\tb\n  c  "])
def test_examples(text: str) -> None:
    assert normalized_lines(text) == [normalize_space(line) for line in text.split("\n")]


def test_random_texts() -> None:
    rnd = random.Random(7)
    for _ in range(5000):
        text = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 16)))
        assert normalized_lines(text) == [normalize_space(line) for line in text.split("\n")], repr(text)
