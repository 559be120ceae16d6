"""The lexicon ruler gives exactly the spans of spaCy's span_ruler (phrase patterns, LOWER, first-longest filter)."""
from __future__ import annotations

import pytest

from extractors.rulers import first_longest

PATTERNS = [
    {"label": "pension", "pattern": "养老保险", "id": ""},
    {"label": "pension", "pattern": "基本养老保险", "id": ""},
    {"label": "occupational_annuity", "pattern": "职业年金", "id": ""},
    {"label": "website", "pattern": "网上服务大厅", "id": ""},
    {"label": "service_hall", "pattern": "服务大厅", "id": ""},
    {"label": "mobile_app", "pattern": "APP", "id": ""},
    {"label": "mobile_app", "pattern": "爱山东APP", "id": "known"},
    {"label": "wechat", "pattern": "微信公众号", "id": ""},
    {"label": "mini_program", "pattern": "微信小程序", "id": ""},
    {"label": "wechat", "pattern": "微信", "id": ""},
    {"label": "hotline", "pattern": "12333", "id": ""},
    {"label": "a", "pattern": "甲乙", "id": ""},            # same extent, two labels: spaCy's order decides
    {"label": "b", "pattern": "甲乙", "id": ""},
]
TEXTS = [
    "停机期间暂停基本养老保险、职业年金业务。",
    "可通过网上服务大厅、服务大厅或爱山东app办理。",
    "微信公众号和微信小程序暂停服务，微信支付不受影响。",
    "咨询电话12333，或拨打0531-12333。",
    "甲乙丙甲乙",
    "养老保险养老保险基本养老保险",
    "",
    "没有任何词条的句子。",
]


@pytest.fixture(scope="module")
def pipelines():
    """The project's ruler and spaCy's span_ruler on the project's tokenizer, same patterns."""
    import spacy

    from extractors.pipeline import SEGMENTER
    from extractors.rulers import FACTORY, register
    from extractors.tokenizer import register as register_tokenizer

    register_tokenizer()
    register()
    ours = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": SEGMENTER}}})
    ours.add_pipe(FACTORY, config={"spans_key": "found"}).add_patterns(PATTERNS)
    theirs = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": SEGMENTER}}})
    theirs.add_pipe("span_ruler", config={"spans_key": "found", "phrase_matcher_attr": "LOWER",
                                          "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}}
                    ).add_patterns(PATTERNS)
    return ours, theirs


def spans(nlp, text: str) -> list[tuple[int, int, str, str]]:
    doc = nlp(text)
    return [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["found"]]


@pytest.mark.parametrize("text", TEXTS)
def test_ruler_gives_the_span_rulers_spans(pipelines, text: str) -> None:
    ours, theirs = pipelines
    assert spans(ours, text) == spans(theirs, text)


def test_ruler_finds_the_longest_and_the_proper_name(pipelines) -> None:
    ours, _ = pipelines
    found = spans(ours, "可通过网上服务大厅或爱山东app办理，咨询12333。")
    assert [(label, id_) for _, _, label, id_ in found] == [("website", ""), ("mobile_app", "known"), ("hotline", "")]


# fmt: off
FILTER_CASES = [
    # candidates (start, end, label, id), kept
    ([(0, 2, 1, 0), (0, 3, 2, 0)],               [(0, 3, 2, 0)]),                  # longer wins
    ([(0, 2, 1, 0), (1, 3, 2, 0)],               [(0, 2, 1, 0)]),                  # same length: first wins
    ([(0, 2, 1, 0), (2, 4, 2, 0)],               [(0, 2, 1, 0), (2, 4, 2, 0)]),    # touching, both kept
    ([(0, 4, 1, 0), (1, 2, 2, 0), (3, 5, 3, 0)], [(0, 4, 1, 0)]),                  # the long one covers both
    ([],                                         []),
]
# fmt: on


@pytest.mark.parametrize(("candidates", "kept"), FILTER_CASES)
def test_first_longest(candidates: list, kept: list) -> None:
    assert first_longest(set(candidates)) == kept


@pytest.mark.parametrize("text", [*TEXTS, "可到 服务 大厅 或 APP 办理"])
def test_matches_are_the_span_rulers_spans(pipelines, text: str) -> None:
    """The ruler's plain tuples are its spans, and a doc whose spans came from spaCy's ruler gives the same."""
    from extractors.rulers import matches

    ours, theirs = pipelines
    assert matches(ours(text), "found") == spans(theirs, text) == matches(theirs(text), "found")
