"""Traditional -> Simplified conversion that keeps every offset.

Evidence offsets refer to :attr:`Document.text` in the notice's own script, and
the extractors match on :attr:`Document.norm`, its Simplified twin. The twin must
have exactly the same length, so the conversion is character by character, with
OpenCC's ``TSCharacters.txt`` (shipped inside the ``opencc`` package of
opencc-python-reimplemented; the first candidate of each entry), followed by a
small table of same-length Taiwan/Hong Kong word variants
(``patterns/script_phrases.yaml``) for Traditional texts only.
"""
from __future__ import annotations

import operator
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from extractors.lexicon import load_yaml

Script = Literal["Hans", "Hant"]

DICTIONARY = "TSCharacters.txt"
HANT_SHARE = 0.08      # share of Han characters changed by the conversion above which a text is Traditional
MIN_HAN = 4            # below this many Han characters a text counts as Simplified
SAMPLE = 1500          # characters looked at to decide the script
BMP = 0x10000
LAST_SPACE = 0x3000    # U+3000 IDEOGRAPHIC SPACE: no code point above it is whitespace (str.isspace, regex \s)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def _dictionary_path() -> Path:
    """Where OpenCC's ``TSCharacters.txt`` is installed."""
    root = resources.files("opencc") / "dictionary" / DICTIONARY
    return Path(str(root))


@cache
def _fast_table() -> list[int | str]:
    """:func:`_table` as a list indexed by BMP code point (2.5x faster in ``str.translate``)."""
    table: list[int | str] = list(range(BMP))
    for code, target in _table().items():
        if code < BMP:
            table[code] = target
    return table


@cache
def _table() -> dict[int, str]:
    """``str.translate`` table: Traditional code point -> first Simplified candidate (one code point)."""
    table: dict[int, str] = {}
    with _dictionary_path().open(encoding="utf-8") as handle:
        for line in handle:
            key, _, values = line.rstrip("\n").partition("\t")
            first = values.split(" ", 1)[0]
            if len(key) == 1 and len(first) == 1 and key != first:
                table[ord(key)] = first
    return table


@cache
def _phrases() -> tuple[tuple[str, str], ...]:
    """The same-length phrase pairs, longest first."""
    pairs = (load_yaml("script_phrases.yaml") or {}).get("phrases", {})
    same = [(str(k), str(v)) for k, v in pairs.items() if len(str(k)) == len(str(v))]
    return tuple(sorted(same, key=lambda pair: len(pair[0]), reverse=True))


def _replace_phrases(text: str) -> str:
    for word, mainland in _phrases():
        if word in text:
            text = text.replace(word, mainland)
    return text


@cache
def _inverse() -> dict[str, str]:
    """Simplified character -> the Traditional characters that convert to it."""
    inverse: dict[str, str] = {}
    for code, target in _table().items():
        inverse[target] = inverse.get(target, "") + chr(code)
    return inverse


def either_script(pattern: str) -> str:
    """A regular expression written in Simplified characters, made to match Traditional text too.

    Each Han character becomes a class of itself and its Traditional forms
    (``发布`` -> ``[发發髮][布佈]``); inside a class the forms are added. Characters
    next to a ``-`` inside a class (ranges) are left alone.
    """
    inverse, out, in_class, escaped = _inverse(), [], False, False
    for index, char in enumerate(pattern):
        forms = "" if escaped else inverse.get(char, "")
        if forms and in_class:
            ranged = "-" in (pattern[index - 1], pattern[index + 1:index + 2])
            out.append(char if ranged else char + forms)
        elif forms:
            out.append(f"[{char}{forms}]")
        else:
            out.append(char)
        if not escaped and char in "[]":
            in_class = char == "["
        escaped = not escaped and char == "\\"
    return "".join(out)


def compile_either(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written in Simplified script to match both scripts, fast.

    :func:`either_script` widens it; a look-ahead on the characters a match can
    start with lets the regex engine skip most positions (Python's engine tries
    every alternative at every position otherwise).
    """
    widened = either_script(pattern)
    first = _first_chars(widened)
    if not first:
        return re.compile(widened)
    return re.compile(f"(?={_char_class(first)})(?:{widened})")


def compile_scanner(pattern: str) -> re.Pattern[str]:
    """Like :func:`compile_either`, for ``search``: the first match's place and groups, found faster.

    A pattern starting with a look-ahead gets no fast scan from the regex engine:
    it still starts a match at every position (~30 ns a character). Here the
    pattern starts with the class of its first characters, which the engine skips
    to with its charset scan; from such a character, the whole pattern is tried
    in a look-ahead (inside a one-character look-behind, so that the match starts
    there). ``search`` then finds the same first match, with the same groups, two
    to four times faster; but ``group(0)`` is only its first character, so use
    this for ``search`` and groups only (not ``findall``, ``sub`` or ``group(0)``).
    """
    widened = either_script(pattern)
    return first_char_scanner(widened) or re.compile(widened)


def first_char_scanner(pattern: str, capture: bool = False) -> re.Pattern[str] | None:
    """``pattern`` led by the class of its first characters and tried in a look-ahead from there.

    The match itself is one character long (see :func:`compile_scanner`); with
    ``capture``, the whole match of ``pattern`` is group 1, so ``finditer`` over
    it gives every place a match starts. None when the first characters are unknown.
    """
    first = _first_chars(pattern)
    if not first:
        return None
    starts = _char_class(first)
    inner = f"({pattern})" if capture else f"(?:{pattern})"
    return re.compile(f"{starts}(?<=(?={inner}){starts})")


def _char_class(chars: set[str]) -> str:
    return f"[{''.join(re.escape(c) for c in sorted(chars))}]"


def _first_chars(pattern: str) -> set[str] | None:
    """The characters any match of ``pattern`` starts with; None when unknown or unbounded."""
    try:
        from re import _parser
    except ImportError:  # pragma: no cover - the parser moved
        return None
    chars: set[str] = set()
    try:
        return chars if _collect_first(_parser.parse(pattern), chars) else None
    except (re.error, TypeError, ValueError, AttributeError):
        return None


def _collect_first(sequence: object, chars: set[str]) -> bool:
    """Add the possible first characters of a parsed sequence; False if any character may start it."""
    from re import _constants as c

    for op, arg in sequence:
        if op is c.AT:
            continue
        if op in (c.ASSERT, c.ASSERT_NOT) and arg[0] < 0:      # a look-behind consumes nothing: (?<!正常)提供
            continue
        if op is c.LITERAL:
            return _add(chars, chr(arg))
        if op is c.IN:
            return all(_add_item(chars, o, a) for o, a in arg)
        if op is c.SUBPATTERN:
            return _collect_first(arg[-1], chars)
        if op is c.BRANCH:
            return all(_collect_first(branch, chars) for branch in arg[1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and _collect_first(arg[2], chars):
            if arg[0] > 0:
                return True
            continue
        return False
    return False


def _add(chars: set[str], char: str) -> bool:
    chars.update({char, char.lower(), char.upper()})
    return True


def _add_item(chars: set[str], op: object, arg: object) -> bool:
    """Add the characters of one item of a parsed class: a character, a short range or ``\\s``."""
    from re import _constants as c

    if op is c.LITERAL:
        return _add(chars, chr(arg))
    if op is c.RANGE and arg[1] - arg[0] < 256:
        return all(_add(chars, chr(code)) for code in range(arg[0], arg[1] + 1))
    if op is c.CATEGORY and arg is c.CATEGORY_SPACE:
        chars.update(_whitespace())
        return True
    return False


@cache
def _whitespace() -> frozenset[str]:
    """The characters ``\\s`` matches in a str pattern (``str.isspace``), up to the last one, U+3000.

    Looking at every code point would cost 0.2 s at start-up; a test checks that none lies beyond.
    """
    return frozenset(filter(str.isspace, map(chr, range(LAST_SPACE + 1))))


def traditional_forms(simplified: frozenset[str]) -> frozenset[str]:
    """The Traditional characters that convert to one of ``simplified``."""
    return frozenset(chr(code) for code, target in _table().items() if target in simplified)


@cache
def _convertible() -> re.Pattern[str]:
    """Any BMP character the conversion changes (with astral ones in the class, ``re`` searches it linearly)."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_table()) if code < BMP) + "]")


def convert_characters(text: str) -> str:
    """Character-by-character conversion only (no phrases)."""
    if _ASTRAL.search(text):
        return text.translate(_table())
    if not _convertible().search(text):     # most notices: nothing to convert, a search is 10x cheaper
        return text
    return text.translate(_fast_table())


def to_simplified(text: str, phrases: bool | None = None) -> str:
    """The Simplified twin of ``text``, with ``len(result) == len(text)``.

    Args:
        text: any text, Simplified, Traditional or mixed.
        phrases: apply the word-variant table; by default only when the text is Traditional.

    Returns:
        The converted text, offset for offset.
    """
    return simplify(text, phrases)[0]


# full-width digits and Latin letters (Word's ２０２３年１２月) read as ASCII; full-width punctuation (，：（）)
# is the notices' own and stays
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_HALF_WIDTH = {code: code - 0xFEE0 for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
               for code in range(start, end + 1)}


def simplify(text: str, phrases: bool | None = None) -> tuple[str, Script]:
    """:func:`to_simplified` and :func:`detect_script` in one pass: ``(norm, script)``; full-width
    digits and letters become ASCII in ``norm`` (one character for one, so offsets hold)."""
    simplified = convert_characters(text)
    script = _script_of(text, simplified)
    if phrases is None:
        phrases = script == "Hant"
    if phrases:
        simplified = _replace_phrases(simplified)
    if _FULL_WIDTH.search(simplified):
        simplified = simplified.translate(_HALF_WIDTH)
    return simplified, script


def _script_of(text: str, simplified: str) -> Script:
    sample, converted = text[:SAMPLE], simplified[:SAMPLE]
    if sample == converted:
        return "Hans"
    han = sum(map(len, _HAN_RUN.findall(sample)))
    if han < MIN_HAN:
        return "Hans"
    changed = sum(map(operator.ne, sample, converted))
    return "Hant" if changed / han >= HANT_SHARE else "Hans"


def detect_script(text: str) -> Script:
    """``"Hant"`` when a notable share of the Han characters change under conversion, else ``"Hans"``."""
    sample = text[:SAMPLE]
    return _script_of(sample, convert_characters(sample))


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters any match of ``pattern`` starts with; None when unknown or unbounded."""
    first = _first_chars(pattern)
    return frozenset(first) if first else None
