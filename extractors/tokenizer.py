"""The tokenizer of the pipeline: one token per character (spaCy's ``char`` segmentation).

spaCy's own ``char`` segmenter makes a word of every character and then aligns
the words back to the text (``util.get_words_and_spaces``), which costs more
than the rest of tokenization. Here a single space after a token becomes that
token's trailing whitespace and every other character, whitespace included, is
a token, so the Doc is built directly and ``doc.text == text`` always holds.
Lexicon patterns are tokenized the same way, so matching is unchanged.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

NAME = "noticegraph.char_tokenizer.v1"
TRAILING_SPACE = re.compile(r"(?<=[^ ]) ")    # a space right after a non-space character trails that token


class CharTokenizer:
    """Character segmentation of Chinese notice text."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.ids: dict[str, int] = {}      # character -> its string-store id (bounded by the characters seen)

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        words, spaces = char_words(text)
        return Doc(self.vocab, words=self.word_ids(words), spaces=spaces)

    def word_ids(self, words: str) -> list[int]:
        """The words (characters) as string-store ids: given strings, ``Doc`` hashes and checks each one again."""
        try:
            return list(map(self.ids.__getitem__, words))
        except KeyError:            # characters new to this process
            for word in set(words).difference(self.ids):
                self.ids[word] = self.vocab.strings.add(word)
            return list(map(self.ids.__getitem__, words))

    def to_bytes(self, **kwargs: object) -> bytes:
        """Nothing to serialise: the tokenizer has no state."""
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> CharTokenizer:
        """Nothing to restore."""
        return self


def char_words(text: str) -> tuple[str, list[bool]]:
    """Words, one per character of the string returned, and their trailing-space flags.

    A space trails the token before it when that token is not a space itself, so
    those spaces are taken out of the text and flag the character before them;
    every other character is a word.
    """
    if " " not in text:
        return text, [False] * len(text)
    trailing = [match.start() for match in TRAILING_SPACE.finditer(text)]
    spaces = [False] * (len(text) - len(trailing))
    for removed, position in enumerate(trailing):     # ``removed`` spaces were taken out before this one
        spaces[position - 1 - removed] = True
    return TRAILING_SPACE.sub("", text), spaces


def register() -> None:
    """Register the tokenizer factory with spaCy (idempotent)."""
    from spacy.util import registry

    if NAME not in registry.tokenizers:
        registry.tokenizers.register(NAME, func=lambda: _create)


def _create(nlp: object) -> CharTokenizer:
    """spaCy calls a tokenizer factory's result with the ``Language`` being built."""
    return CharTokenizer(nlp.vocab)
