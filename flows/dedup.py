"""Near-duplicate notices: the same text reposted under another template, charset or script.

A notice's fingerprint is a 64-bit SimHash (Charikar 2002) of the character
4-gram shingles of ``Document.norm`` (Simplified script, so a Traditional
repost shingles like its original), counted with their frequency, after every
character that is not a letter or a digit (whitespace, punctuation, symbols)
is removed; digits stay (dates, times and phone numbers are what a notice is
about). Each shingle is hashed with BLAKE2b
(8 bytes), so fingerprints are the same in every process and on every machine.

Two notices are near-duplicates when their fingerprints differ in at most
:data:`MAX_DISTANCE` bits (3, the usual value for 64-bit SimHash). Measured on
the 14 development notices (``flows/README.md``, "Near-duplicates"): the same
text re-encoded (GBK, GB18030, Big5), converted to Traditional script or put in
another HTML template is at distance 0-2; two different notices are at 22-38,
including the Traditional-script article on the Jinan outage
(``h08d125c7.html``), which rewrites the Jinan notice (24 bits from
``000_d7652f1d30021301.txt``, 21 % of shingles shared) rather than reposting it.
"""
from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterable

BITS = 64
SHINGLE = 4                 # characters per shingle
MAX_DISTANCE = 3            # Hamming distance up to which two notices are the same notice
_MASK = (1 << BITS) - 1


def normalise(text: str) -> str:
    """Only the letters and digits of ``text`` (Unicode categories L* and N*), in order."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def shingles(text: str, size: int = SHINGLE) -> Counter[str]:
    """The character ``size``-grams of the normalised text, with their counts (the text itself when shorter)."""
    chars = normalise(text)
    if len(chars) <= size:
        return Counter([chars] if chars else [])
    return Counter(chars[i:i + size] for i in range(len(chars) - size + 1))


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=BITS // 8).digest(), "big")


def simhash(text: str) -> int:
    """The 64-bit SimHash of ``text`` (0 for a text without letters or digits)."""
    weights = [0] * BITS
    for shingle, count in shingles(text).items():
        value = _hash(shingle)
        for bit in range(BITS):
            weights[bit] += count if value >> bit & 1 else -count
    return sum(1 << bit for bit, weight in enumerate(weights) if weight > 0) & _MASK


def fingerprint(document: object) -> int:
    """The SimHash of a :class:`~extractors.document.Document`'s ``norm`` text."""
    return simhash(document.norm)


def distance(a: int, b: int) -> int:
    """The Hamming distance of two fingerprints."""
    return (a ^ b).bit_count()


def near_duplicate(a: object, b: object, max_distance: int = MAX_DISTANCE) -> bool:
    """True when two documents (or texts, or fingerprints) are the same notice."""
    return distance(_as_fingerprint(a), _as_fingerprint(b)) <= max_distance


def _as_fingerprint(value: object) -> int:
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return simhash(value)
    return fingerprint(value)


class DuplicateIndex:
    """Fingerprints seen so far; :meth:`add` tells which earlier notice a new one repeats.

    A linear scan: the crawl of one run holds hundreds of notices, not millions
    (past that, split the fingerprint into ``max_distance + 1`` bands and look up
    candidates by band).
    """

    def __init__(self, max_distance: int = MAX_DISTANCE) -> None:
        self.max_distance = max_distance
        self._entries: list[tuple[str, int]] = []

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, doc_id: str, fingerprint: int) -> str | None:
        """Record ``doc_id``; the id of the first earlier near-duplicate, or None when it is new.

        A near-duplicate is not recorded again, so later reposts point at the first one.
        """
        original = self.find(fingerprint)
        if original is None:
            self._entries.append((doc_id, fingerprint))
        return original

    def find(self, fingerprint: int) -> str | None:
        """The id of the first recorded notice within ``max_distance`` of ``fingerprint``."""
        for doc_id, known in self._entries:
            if distance(known, fingerprint) <= self.max_distance:
                return doc_id
        return None

    def extend(self, items: Iterable[tuple[str, int]]) -> dict[str, str]:
        """Add many (id, fingerprint) pairs; the duplicates found, as {id: original id}."""
        found = {}
        for doc_id, value in items:
            original = self.add(doc_id, value)
            if original is not None:
                found[doc_id] = original
        return found
