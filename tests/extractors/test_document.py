"""Document.quotable: the stretch of a sentence to quote when source marks were removed inside it."""
from __future__ import annotations

import pytest

from extractors.document import Document

TEXT = "自4月1日起暂停办理社保业务，请提前办理。"

# fmt: off
QUOTABLE = [
    # (id, cuts, sentence, around (the fact's words), expected stretch)
    ("no cuts",            (),       (0, 21), (1, 6),   (0, 21)),
    ("cut outside",        (21,),    (0, 14), (1, 6),   (0, 14)),
    ("around before cut",  (14,),    (0, 21), (1, 6),   (0, 14)),
    ("around after cut",   (6,),     (0, 21), (14, 21), (6, 21)),
    ("short stretch left", (1, 6),   (0, 21), (1, 6),   (6, 21)),     # 4月1日 alone says nothing: longest
    ("no around",          (3,),     (0, 21), None,     (3, 21)),
    ("around spans a cut", (10,),    (0, 21), (8, 12),  (10, 21)),    # both overlap: the longer
]
# fmt: on


@pytest.mark.parametrize(("cuts", "sentence", "around", "expected"), [q[1:] for q in QUOTABLE],
                         ids=[q[0] for q in QUOTABLE])
def test_document_quotable(cuts: tuple[int, ...], sentence: tuple[int, int], around: tuple[int, int] | None,
                           expected: tuple[int, int]) -> None:
    document = Document("n.md", "n.md", TEXT, TEXT, (), cuts=cuts)
    assert document.quotable(*sentence, around) == expected
