"""Channel mentions: head nouns of the channel kinds, proper names and kind overrides.

Matching of the lexicon itself happens in the spaCy span ruler; this module
turns its matches into :class:`ChannelMention` with the channel's name as
written (``鄂汇办APP``, ``湖北12333微信公众号``) and its kind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors.lexicon import load_yaml, word_alternation

FILE = "channels.yaml"
PUNCTUATION_QUOTES = "“”\"「」『』《》"


@dataclass(frozen=True, slots=True)
class ChannelMention:
    """A channel named at ``text[start:end]`` (the whole name), of ``kind``."""

    start: int
    end: int
    kind: str
    name: str
    proper: bool


@cache
def _rules() -> dict:
    rules = dict(load_yaml(FILE))
    stops = sorted(rules["name_stops"], key=len, reverse=True)
    rules["stops"] = tuple(stops)
    rules["stop_ends"] = frozenset(stop[-1] for stop in stops)
    rules["char_run"] = re.compile(f"(?:{rules['name_chars']})*+\\Z")     # searched up to a head noun
    rules["overrides"] = [(re.compile(o["pattern"]), o["kind"], frozenset(o.get("keep_heads", ())))
                          for o in rules["kind_overrides"]]
    rules["bracket"] = re.compile(rules["bracket_list"])
    rules["separator"] = re.compile(rules["bracket_separator"])
    rules["not_names"] = re.compile(rules["bracket_not_names"])
    rules["generic_longest_first"] = sorted(rules["generic_words"], key=len, reverse=True)
    rules["generic"] = re.compile(word_alternation(rules["generic_words"]))
    keeps = [*rules["name_keeps"], *_place_names_with(stops)]
    rules["keeps"] = re.compile("|".join(map(re.escape, sorted(set(keeps), key=len, reverse=True))))
    return rules


def _place_names_with(stops: list[str]) -> list[str]:
    """Names of provinces and cities holding a stop word (上海, 成都, 内蒙古): they never stop a name."""
    from ontology.vocab import regions

    names = {name for r in regions() if r.level in ("province", "prefecture") for name in (r.name, r.short) if name}
    return [name for name in names if len(name) >= 2 and any(stop in name for stop in stops)]


def _quoted_start(text: str, start: int) -> int | None:
    """Start of a quoted name right before ``start`` (“豫事办”APP), if any."""
    if start == 0 or text[start - 1] not in "”\"」』》":
        return None
    opening = max(text.rfind(q, max(0, start - 30), start - 1) for q in "“\"「『《")
    return opening if opening >= 0 else None


def extend_left(text: str, start: int, limit: int) -> int:
    """Where a name ending in a head noun at ``start`` begins, reading leftwards.

    The name is the run of name characters before ``start`` (at most
    ``name_max`` of them, not before ``limit``), cut after the last stop word in
    it. The phrases that keep stop words inside a name are looked for only once
    a stop word is met.
    """
    quoted = _quoted_start(text, start)
    if quoted is not None:
        return quoted
    rules = _rules()
    floor = max(limit, start - rules["name_max"])
    run = rules["char_run"].search(text, floor, start).start()
    kept: set[int] | None = None
    for cursor in range(start, run, -1):
        if text[cursor - 1] in rules["stop_ends"] and text.endswith(rules["stops"], 0, cursor):   # a stop word ends here
            if kept is None:
                kept = _kept_positions(text, floor, start)
            if cursor - 1 not in kept:
                return cursor
    return run


def _kept_positions(text: str, start: int, end: int) -> set[int]:
    """Positions inside phrases where stop words do not stop a name (人力资源和社会保障, 上海)."""
    kept: set[int] = set()
    for match in _rules()["keeps"].finditer(text, start, end):
        kept.update(range(*match.span()))
    return kept


def kind_of(name: str, head_kind: str) -> str:
    """The kind of a named channel: an override found in its name, else its head's."""
    for pattern, kind, keep_heads in _rules()["overrides"]:
        if head_kind not in keep_heads and pattern.search(name):
            return kind
    return head_kind


def is_proper(name: str, head: str) -> bool:
    """True when a name says more than its head noun and generic modifiers."""
    rest = name.replace(head, "").strip(PUNCTUATION_QUOTES)
    if len(rest) < 2:
        return False               # removing generic words only shortens it
    if _rules()["generic"].search(rest):
        for word in _rules()["generic_longest_first"]:
            rest = rest.replace(word, "")
    return len(rest) >= 2


def channel_mention(text: str, start: int, end: int, head_kind: str, limit: int, known: bool) -> ChannelMention:
    """A mention from a lexicon match ``text[start:end]`` within a sentence starting at ``limit``."""
    if known or head_kind not in _rules()["extendable"]:
        name = text[start:end]
        return ChannelMention(start, end, head_kind, name, known)
    begin = extend_left(text, start, limit)
    name = text[begin:end].strip(PUNCTUATION_QUOTES) or text[start:end]
    return ChannelMention(begin, end, kind_of(name, head_kind), name, is_proper(name, text[start:end]))


def bracketed_names(text: str, end: int, kind: str) -> list[ChannelMention]:
    """Names listed in brackets right after a head noun: 微信公众号(青岛人社、青岛12333)."""
    rules = _rules()
    match = rules["bracket"].match(text, end) if kind in rules["bracket_kinds"] else None
    if not match:
        return []
    parts = [part.strip().rstrip("等") for part in rules["separator"].split(match.group(1))]
    if any(rules["not_names"].search(part) for part in parts):
        return []
    mentions, cursor = [], match.start(1)
    for name in parts:
        offset = text.find(name, cursor) if name else -1
        if len(name) >= 2 and offset >= 0:
            mentions.append(ChannelMention(offset, offset + len(name), kind, name, True))
            cursor = offset + len(name)
    return mentions
