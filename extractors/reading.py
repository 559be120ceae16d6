"""Raw bytes -> text: charset detection, binary sniffing and YAML front matter.

The order of evidence for the charset is: a byte-order mark; the charset the
caller was told (an HTTP ``Content-Type``); the charset declared in the markup
(``<meta charset>``, ``<meta http-equiv>``, the XML declaration); strict UTF-8;
charset-normalizer's guess among the CJK charsets; a last strict try of GB18030
and Big5. GB2312 and GBK are read as GB18030 (their superset), Big5 with the
Big5-HKSCS and CP950 supersets as fall-backs. A candidate is accepted only when
it decodes strictly (an incomplete character at the very end, from a truncated
download, is dropped) and the result looks like Chinese text.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractors.errors import notice_error
from extractors.lexicon import load_yaml

SNIFF_BYTES = 8192
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x89PNG", "PNG image"), (b"\x1f\x8b", "gzip data"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"), (b"\xd0\xcf\x11\xe0", "OLE document (DOC/XLS)"), (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7-Zip archive"), (b"BZh", "bzip2 data"), (b"\x7fELF", "ELF executable"),
    (b"\x00\x00\x01\x00", "icon image"), (b"\x28\xb5\x2f\xfd", "zstd data"), (b"\xfd7zXZ", "xz data"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
GB = ("gb18030",)
BIG5 = ("big5", "big5hkscs", "cp950")
ALIASES = {
    "gb2312": GB, "gbk": GB, "gb18030": GB, "cp936": GB, "ms936": GB, "windows-936": GB, "x-gbk": GB,
    "euc-cn": GB, "csgb2312": GB, "gb-2312": GB, "gb-18030": GB,
    "big5": BIG5, "big-5": BIG5, "x-big5": BIG5, "cn-big5": BIG5, "csbig5": BIG5,
    "big5-hkscs": ("big5hkscs", "cp950"), "big5hkscs": ("big5hkscs", "cp950"), "cp950": ("cp950", "big5hkscs"),
    "ms950": ("cp950", "big5hkscs"), "windows-950": ("cp950", "big5hkscs"),
    "utf8": ("utf-8",), "utf-8": ("utf-8",), "unicode-1-1-utf-8": ("utf-8",),
}
WESTERN = frozenset({"ascii", "us-ascii", "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "iso8859-1"})
GUESSABLE = ["utf_8", "gb18030", "big5", "big5hkscs", "cp950", "utf_16_le", "utf_16_be"]
CONTROL = frozenset(set(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | set(range(0x10, 0x1B)) | set(range(0x1C, 0x20)))
_CONTROL_BYTES = bytes(sorted(CONTROL))
MAX_CONTROL_SHARE = 0.02
MAX_REPLACED_SHARE = 0.002
MIN_COMMON_SHARE = 0.08     # of Han characters found in the common set (see patterns/reading.yaml)
MIN_HAN_TO_JUDGE = 40
MAX_MOJIBAKE_SHARE = 0.03   # private-use, kana and box-drawing characters per Han character
JUDGE_HAN = 600             # Han characters of a decoding looked at by looks_chinese
JUDGE_WINDOW = 2000         # characters after the first Han character in which they are looked for

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_MOJIBAKE = re.compile(r"[\ue000-\uf8ff\u3040-\u30ff\u2500-\u257f\ufffd]")   # private use, kana, box drawing
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_FRONT_OPEN = re.compile(r"\A(?:\ufeff)?(?:[ \t]*\n)*---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$\n?", re.M)
_YAML_KEY = re.compile(r"^\s*[\w-]+\s*:")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded notice: its text, the charset used, and how it was repaired (if at all)."""

    text: str
    charset: str
    truncated: bool = False      # an incomplete character at the end was dropped
    replaced: int = 0            # undecodable bytes replaced by U+FFFD (a few are tolerated)


def decode(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a notice: ``(text, charset)``.

    Args:
        raw: the file's bytes.
        declared: the charset (or the whole ``Content-Type`` value) given by the server.

    Raises:
        NoticeError: E100 when empty or blank, E101 when binary, E102 when undecodable.
    """
    decoded = read_text(raw, declared)
    return decoded.text, decoded.charset


def read_text(raw: bytes, declared: str | None = None) -> Decoded:
    """Like :func:`decode`, reporting repairs; newlines are normalised to ``\\n``."""
    if not raw.strip():
        raise notice_error("E100", "no bytes" if not raw else "only whitespace")
    decoded = _decode_bom(raw)
    if decoded is None:
        _check_not_binary(raw)
        decoded = _decode_by_evidence(raw, declared)
    text = decoded.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise notice_error("E100", "only whitespace")
    return Decoded(text, decoded.charset, decoded.truncated, decoded.replaced)


def _decode_bom(raw: bytes) -> Decoded | None:
    for bom, charset in BOMS:
        if raw.startswith(bom):
            found = _strict(raw[len(bom):], charset)
            if found is None:
                raise notice_error("E102", f"bytes after the {charset} byte-order mark are not {charset}")
            return Decoded(found[0], charset, truncated=found[1])
    return None


def _check_not_binary(raw: bytes) -> None:
    """E101 for known binary formats, NUL bytes and control-character noise."""
    for magic, name in MAGIC:
        if raw.startswith(magic):
            raise notice_error("E101", name)
    sample = raw[:SNIFF_BYTES]
    if b"\x00" in sample:
        raise notice_error("E101", "contains NUL bytes")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise notice_error("E101", f"{controls} control bytes in the first {len(sample)}")


def _decode_by_evidence(raw: bytes, declared: str | None) -> Decoded:
    tried: list[str] = []
    for charset in _candidates(raw, declared):
        tried.append(charset)
        found = _strict(raw, charset)
        if found is not None and (charset == "utf-8" or looks_chinese(found[0])):
            return Decoded(found[0], charset, truncated=found[1])
    guessed = _guess(raw)
    if guessed is not None:
        return guessed
    return _tolerant(raw, tried or ["utf-8"])


def _candidates(raw: bytes, declared: str | None) -> list[str]:
    """Charsets to try strictly, in order of evidence, without repeats."""
    names = [_header_charset(declared), _markup_charset(raw)]
    found: list[str] = []
    for name in names:
        for charset in _expand(name, raw):
            if charset not in found:
                found.append(charset)
    if "utf-8" not in found:
        found.append("utf-8")
    return found


def _header_charset(declared: str | None) -> str | None:
    if not declared:
        return None
    match = _HEADER_CHARSET.search(declared)
    if match:
        return match.group(1)
    return None if "/" in declared else declared.strip()


def _markup_charset(raw: bytes) -> str | None:
    """The charset declared by a ``<meta>`` tag or the XML declaration in the first bytes, if any."""
    head = raw[:SNIFF_BYTES]
    if b"<" not in head:        # both start with "<": a plain text need not be scanned twice
        return None
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii", "ignore") if match else None


def _expand(name: str | None, raw: bytes) -> tuple[str, ...]:
    """The codecs to try for a declared charset name (none for unknown or implausible ones)."""
    if not name:
        return ()
    key = name.strip().lower().replace("_", "-")
    if key in ALIASES:
        return ALIASES[key]
    if key in WESTERN and max(raw, default=0) >= 0x80:
        return ()        # a Chinese page labelled Latin-1 is a mislabelled CJK page
    try:
        return (codecs.lookup(key).name,)
    except LookupError:
        return ()


def _strict(raw: bytes, charset: str) -> tuple[str, bool] | None:
    """Strict decoding; an incomplete character in the last 3 bytes is dropped: ``(text, truncated)``."""
    try:
        return raw.decode(charset), False
    except UnicodeDecodeError as error:
        if error.start < len(raw) - 3 or error.end < len(raw):
            return None
        try:
            return raw[: error.start].decode(charset), True
        except UnicodeDecodeError:
            return None
    except LookupError:
        return None


def _guess(raw: bytes) -> Decoded | None:
    """charset-normalizer's best guess and the CJK charsets, ranked by how Chinese they read."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=GUESSABLE).best()
    charsets = ([_canonical(best.encoding)] if best is not None else []) + ["gb18030", *BIG5]
    ranked: list[tuple[float, int, Decoded]] = []
    for order, charset in enumerate(dict.fromkeys(charsets)):
        found = _strict(raw, charset)
        if found is not None and looks_chinese(found[0]):
            ranked.append((common_share(found[0]), -order, Decoded(found[0], charset, truncated=found[1])))
    return max(ranked, key=lambda r: r[:2])[2] if ranked else None


def _canonical(name: str) -> str:
    return codecs.lookup(name).name


def _tolerant(raw: bytes, charsets: list[str]) -> Decoded:
    """Accept a decoding with a handful of bad bytes (a damaged page), else E102."""
    for charset in [*charsets, "gb18030"]:
        text = raw.decode(charset, errors="replace")
        replaced = text.count("\ufffd")
        if replaced <= max(2, MAX_REPLACED_SHARE * len(text)) and looks_chinese(text):
            return Decoded(text, charset, replaced=replaced)
    raise notice_error("E102", f"tried {', '.join(dict.fromkeys([*charsets, 'charset-normalizer']))}")


@cache
def _common_han() -> frozenset[str]:
    """The common characters in both scripts (Traditional forms from the OpenCC table)."""
    from extractors.script import traditional_forms

    common = frozenset(load_yaml("reading.yaml")["common_han"].strip())
    return common | traditional_forms(common)


def _sample(text: str) -> tuple[str, str]:
    """The window of text after its first Han character, and the Han characters in it."""
    first = _HAN_RUN.search(text)
    if first is None:
        return "", ""
    window = text[first.start(): first.start() + JUDGE_WINDOW]
    return window, "".join(_HAN_RUN.findall(window))[:JUDGE_HAN]


def common_share(text: str) -> float:
    """Share of common characters among the first Han characters, minus mojibake (1.0 without Han)."""
    window, han = _sample(text)
    if not han:
        return 1.0
    common = sum(map(_common_han().__contains__, han))
    return (common - len(_MOJIBAKE.findall(window))) / len(han)


def looks_chinese(text: str) -> bool:
    """False for text whose Han characters are mostly rare ones: mojibake or random bytes.

    Texts with few Han characters (English, markup only) are not judged here.
    """
    window, han = _sample(text)
    if len(han) < MIN_HAN_TO_JUDGE:
        return True
    if len(_MOJIBAKE.findall(window)) > MAX_MOJIBAKE_SHARE * len(han):
        return False
    return sum(map(_common_han().__contains__, han)) >= MIN_COMMON_SHARE * len(han)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter (``---`` … ``---``, possibly after blank lines) from the body.

    Returns ``({}, text)`` when there is none. A delimited block whose YAML is
    malformed is dropped from the body but yields no metadata.
    """
    opening = _FRONT_OPEN.match(text)
    if opening is None:
        return {}, text
    closing = _FRONT_CLOSE.search(text, opening.end())
    if closing is None:
        return {}, text
    block, body = text[opening.end(): closing.start()], text[closing.end():]
    parsed = _parse_yaml(block)
    if isinstance(parsed, dict):
        return {str(k): v for k, v in parsed.items()}, body
    if parsed is _MALFORMED and _YAML_KEY.match(block):
        return {}, body
    return {}, text


_MALFORMED = object()


def _parse_yaml(block: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(block, Loader=loader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, TypeError):
        return _MALFORMED
