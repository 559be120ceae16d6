"""Lexicon rulers: phrase patterns to ``doc.spans[key]``, the first longest match winning.

The result is what spaCy's ``span_ruler`` gives with phrase patterns only, the
``LOWER`` attribute and ``spacy.first_longest_spans_filter.v1``, but candidates
stay plain tuples until the filter has run: the span ruler makes a ``Span`` of
every candidate (some 200 in a long notice), dedupes and sorts those, and also
runs an empty token matcher under ``warnings.catch_warnings``, which together
cost three times the phrase matching itself.

The kept matches are also left as plain :data:`Match` tuples in
``doc.user_data`` (see :func:`matches`), so that readers need not make a new
``Span`` of every span in ``doc.spans`` again.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FACTORY = "noticegraph_lexicon_ruler"
Candidate = tuple[int, int, int, int]   # start, end, label hash, span id hash: how spaCy orders spans
Match = tuple[int, int, str, str]       # start_char, end_char, label, span id


class LexiconRuler:
    """Phrase patterns ``{"label": …, "pattern": …, "id": …}`` matched on lower-cased tokens."""

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.labels: dict[int, tuple[int, int]] = {}    # match id -> (label hash, span id hash)
        self.names: dict[int, str] = {}                 # label or span id hash -> the label or span id

    def add_patterns(self, patterns: list[dict]) -> None:
        """Add phrase patterns; the pattern text is tokenized like the notices."""
        strings = self.nlp.vocab.strings
        for entry in patterns:
            label, span_id = entry["label"], entry.get("id", "")
            key = repr((label, span_id))
            self.labels[strings.add(key)] = (strings.add(label), strings.add(span_id))
            self.names[strings[label]] = label
            self.names[strings[span_id]] = span_id
            self.matcher.add(key, [self.nlp.make_doc(entry["pattern"])])

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        spans = [Span(doc, start, end, label=label, span_id=span_id)
                 for start, end, label, span_id in first_longest(self.candidates(doc))]
        doc.spans[self.spans_key] = spans
        names = self.names
        doc.user_data[_matches_key(self.spans_key)] = [
            (span.start_char, span.end_char, names[span.label], names[span.id]) for span in spans]
        return doc

    def candidates(self, doc: Doc) -> set[Candidate]:
        """Every non-empty phrase match."""
        return {(start, end, *self.labels[match_id]) for match_id, start, end in self.matcher(doc) if start != end}


def matches(doc: Doc, spans_key: str) -> list[Match]:
    """The spans a ruler put in ``doc.spans[spans_key]``, as plain tuples.

    They are the ruler's own tuples when it ran on this doc; otherwise (a doc
    whose spans were set some other way) they are read from ``doc.spans``.
    """
    found = doc.user_data.get(_matches_key(spans_key))
    if found is not None:
        return found
    return [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans.get(spans_key, [])]


def _matches_key(spans_key: str) -> tuple[str, str]:
    return ("lexicon_matches", spans_key)


def first_longest(candidates: set[Candidate]) -> list[Candidate]:
    """``spacy.util.filter_spans`` on candidates: no overlaps, the longest and then the first winning.

    Candidates of the same extent are taken in spaCy's span order (label, then
    id hash), as the span ruler sorts them before filtering; the kept ones come
    back in text order.
    """
    kept: list[Candidate] = []
    taken: set[int] = set()
    for candidate in sorted(sorted(candidates), key=_longest_first, reverse=True):
        start, end = candidate[0], candidate[1]
        if start not in taken and end - 1 not in taken:
            kept.append(candidate)
            taken.update(range(start, end))
    return sorted(kept)


def _longest_first(candidate: Candidate) -> tuple[int, int]:
    return candidate[1] - candidate[0], -candidate[0]


def register() -> None:
    """Register the component factory with spaCy (idempotent)."""
    from spacy.language import Language

    if FACTORY not in Language.factories:
        Language.factory(FACTORY, default_config={"spans_key": "ruler"})(LexiconRuler)
