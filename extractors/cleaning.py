"""Decoded notice -> clean text and blocks.

Three kinds of input share one block model:

* plain text: one block per non-empty line;
* HTML (a whole portal page or a fragment): the tree is walked once, skipping
  boilerplate subtrees (``patterns/boilerplate.yaml``: tags, class/id words); the
  main content is the smallest element holding 90 % of the good text, widened
  to take in the title or question above it; inside it, blocks that are bylines,
  link lists or boilerplate lines are dropped;
* Markdown bodies (often with raw HTML blocks): converted line by line to HTML
  by :func:`markdown_to_html`, then read as HTML.

Where source characters are dropped inside a block (Markdown's ``**``,
``[…](url)`` and escapes; a hidden span or a script inside a paragraph), the
walk leaves :data:`CUT`; each piece takes the CUTs out and keeps their offsets,
so a quote can keep clear of them (the dropped characters stay in the source).

The text is never rewritten: each block is the source's characters with runs of
whitespace collapsed (and removed between two CJK characters), so a quote taken
from it is found in the squashed source.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from extractors.document import Block, BlockKind
from extractors.lexicon import alternation, load_yaml
from extractors.script import compile_either, compile_scanner

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement

CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018-\u201f\u2026\u00b7"
_SPACE = re.compile(r"[\s\u3000\u00a0]+")
_LINE_SPACE = re.compile(r"[^\S\n]+")          # _SPACE without the newline (\s holds U+3000 and U+00A0)
_CJK_GAP = re.compile(f" (?<=[{CJK}] )(?=[{CJK}])")     # starts with the space: fast to scan
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_SENTENCE_END = re.compile(r"[。；;！!？?，,：:]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# display:none only: WeChat articles keep their whole body under visibility:hidden until a script shows it
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
CUT = "\ue000"           # where Markdown conversion removed source characters (private use, never kept)
_DIGITS = re.compile(r"\d+")

BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"])
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BOLD_TAGS = frozenset({"b", "strong"})
_CONTEXT_TAGS = BLOCK_TAGS | BOLD_TAGS | {"a"}
CORE_SHARE = 0.9          # the main content holds this share of the page's good text
GOOD_HAN = 10             # a block with at least this many Han characters counts as good text
GOOD_LINKS = 0.3          # ... and at most this share of its characters in links
MIN_DATA_ROWS = 2
MAX_CELL_CHARS = 300
MAX_SPAN = 50           # a rowspan/colspan beyond this is a page-layout table, not data
TITLE_LOOKAHEAD = 3
SIGNATURE_LINES = 5       # issuer and date lines taken in after the main content


# --------------------------------------------------------------------------- model

@dataclass(slots=True)
class Piece:
    """A block before offsets are assigned: its kind and text (or a table row's cells)."""

    kind: BlockKind
    cells: tuple[str, ...]
    sep: str = ""                 # between cells: "\t" (HTML tables) or " | " (Markdown tables)
    header: bool = False
    covered: tuple[int, ...] = ()  # columns covered by a cell of a row above (rowspan)
    links: int = 0                # characters inside <a>
    bold: int = 0                 # characters inside <b>/<strong>
    element: Any = field(default=None, repr=False)   # the element holding the piece (HTML only)
    cuts: tuple[int, ...] = ()    # offsets in ``text`` where source marks were removed (see CUT)
    text: str = field(init=False, repr=False)       # the block's text as it appears in the clean text
    han: int = field(init=False, repr=False)        # its number of Han characters
    droppable: bool | None = field(init=False, default=None, repr=False)   # see _is_droppable

    def __post_init__(self) -> None:
        self.text = self.sep.join(self.cells)
        self.han = han_count(self.text)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Clean text (blocks joined by ``\\n``) and its blocks."""

    text: str
    blocks: tuple[Block, ...]
    cuts: tuple[int, ...] = ()    # offsets in ``text`` where source marks were removed


class Vocabulary(NamedTuple):
    """The compiled boilerplate vocabulary (``patterns/boilerplate.yaml``, ``structure.yaml``)."""

    drop_tags: frozenset[str]
    soft_tags: frozenset[str]
    class_tokens: frozenset[str]
    soft_class_tokens: frozenset[str]
    drop_start: re.Pattern[str]
    drop_any: re.Pattern[str]          # a scanner (compile_scanner): search only
    tail: re.Pattern[str]
    byline: re.Pattern[str]
    any_byline: re.Pattern[str]        # the same labels as a scanner, to rule out most lines fast
    byline_short: int
    link_density: float
    boilerplate_max: int
    heading: re.Pattern[str]
    heading_max: int
    issuer_lines: int


@cache
def vocabulary() -> Vocabulary:
    """Load and compile the cleaning vocabularies once."""
    data, structure = load_yaml("boilerplate.yaml"), load_yaml("structure.yaml")
    labels = alternation([re.escape(label) for label in data["byline_labels"]])
    starts = [p[1:] for p in data["drop_text"] if p.startswith("^")]
    anywhere = [p for p in data["drop_text"] if not p.startswith("^")]
    return Vocabulary(
        drop_tags=frozenset(data["drop_tags"]), soft_tags=frozenset(data["soft_tags"]),
        class_tokens=frozenset(data["class_tokens"]), soft_class_tokens=frozenset(data["soft_class_tokens"]),
        drop_start=compile_either(alternation(starts)), drop_any=compile_scanner(alternation(anywhere)),
        tail=compile_either(f"(?:{alternation(data['tail_headings'])})$"),
        byline=compile_either(f"(?:{labels})\\s*[:：]"), any_byline=compile_scanner(f"(?:{labels})\\s*[:：]"),
        byline_short=int(data["byline_short"]),
        link_density=float(data["link_density"]), boilerplate_max=int(data["boilerplate_max"]),
        heading=re.compile(structure["heading_numbering"]), heading_max=int(structure["heading_max"]),
        issuer_lines=int(structure["issuer_lines"]),
    )


# --------------------------------------------------------------------------- text

def normalize_space(text: str) -> str:
    """Collapse whitespace runs to one space, and drop it between two CJK characters."""
    text = _SPACE.sub(" ", text).strip()
    return _CJK_GAP.sub("", text) if " " in text else text


def han_count(text: str) -> int:
    """Number of Han characters in ``text``."""
    return sum(map(len, _HAN_RUN.findall(text)))


_COLUMN_GAP = re.compile(r"(?:[ \t]{2,}|\u3000{2,}|\t)[ \t\u3000]*")


def text_pieces(text: str) -> list[Piece]:
    """Blocks of a plain-text notice: one per non-empty line (hard-wrapped lines joined again), a
    table row for each line of a run laid out in columns; leading title lines marked."""
    text = unwrapped(text)
    lines = normalized_lines(text)
    columns = _text_table_cells(text.split("\n"))
    pieces = []
    for index, line in enumerate(lines):
        if index in columns:
            header = index - 1 not in columns and not any(c.isdigit() for c in line)
            cells, cuts = _row_cuts(columns[index], "\t")
            pieces.append(Piece("table_row", cells, sep="\t", header=header, cuts=cuts))
        elif line:
            line, cuts = take_cuts(line)
            pieces.append(Piece("paragraph", (line,), cuts=cuts))
    for index in range(_leading_title_lines(lines)):
        if pieces[index].kind == "paragraph":
            pieces[index].kind = "title"
    return filter_pieces(pieces)


def _text_table_cells(lines: list[str]) -> dict[int, tuple[str, ...]]:
    """The cells of the lines that lay out a table in text: runs of two or more lines split into the
    same number (two or more) of cells by gaps of two or more spaces (a Word table pasted as text)."""
    split: list[list[str]] = []
    for line in lines:            # only lines with a column gap are split (and normalised) here
        bare = line.strip()
        split.append([normalize_space(cell) for cell in _COLUMN_GAP.split(bare)] if _COLUMN_GAP.search(bare)
                     else [bare] if bare else [])
    tables: dict[int, tuple[str, ...]] = {}
    index = 0
    while index < len(lines):
        width, end = len(split[index]), index + 1
        while width >= 2 and end < len(lines) and len(split[end]) == width:
            end += 1
        if width >= 2 and end - index >= 2:
            tables.update((row, tuple(split[row])) for row in range(index, end))
        index = end
    return tables


@cache
def _wrap_rules() -> dict[str, Any]:
    rules = dict(load_yaml("structure.yaml")["hard_wrap"])
    rules["page_number"] = re.compile(rules["page_number"])
    rules["sentence_end"] = re.compile(rules["sentence_end"])
    rules["furniture_mark"] = re.compile(rules["furniture_mark"], re.MULTILINE)    # on one line or many
    return rules


def unwrapped(text: str) -> str:
    """``text`` without page furniture (page numbers, a printed page's running header and footer) and
    with the lines of a hard-wrapped paragraph joined again (see ``hard_wrap`` in structure.yaml);
    other text comes back unchanged. Where furniture stood between two lines, the line after it
    starts with a CUT mark, so a paragraph running on across a page break knows where it was cut."""
    rules = _wrap_rules()
    lines = _without_page_furniture(text.split("\n"), rules)
    stripped = [line.strip() for line in lines]
    if sum(1 for line in stripped if line) < rules["min_lines"]:
        return "\n".join(lines)
    # a line is full when it is about as long as most long lines, counted in characters (a text wrapped
    # at so many characters) or in printed columns (a printed page, where digits are narrow)
    by_chars = _full_lines(stripped, [len(line) for line in stripped], rules)
    by_columns = _full_lines(stripped, [_display_width(line.rstrip()) if line.strip() else 0 for line in lines], rules,
                             scale=2)
    if by_chars is None and by_columns is None:
        return "\n".join(lines)
    full = [a or b for a, b in zip(by_chars or [False] * len(lines), by_columns or [False] * len(lines))]
    joined: list[str] = []
    runs_on = False
    for line, bare, is_full in zip(lines, stripped, full):
        starts_paragraph = not bare or line.lstrip(CUT)[:1] in (" ", "\u3000", "\t")
        if runs_on and not starts_paragraph:
            joined[-1] += bare
        else:
            joined.append(line)
        runs_on = bool(bare) and is_full
    return "\n".join(joined)


def _full_lines(stripped: list[str], widths: list[int], rules: dict[str, Any], scale: int = 1) -> list[bool] | None:
    """Which lines run on to the next (as wide as most long lines, no sentence end), by ``widths``; None
    when the text does not look wrapped by that measure (``scale``: units per character of the rules)."""
    lengths = sorted(width for width in widths if width)
    width = lengths[len(lengths) * 4 // 5]
    full = [w >= width - rules["slack"] * scale and not rules["sentence_end"].search(line)
            for w, line in zip(widths, stripped)]
    if width < rules["min_width"] * scale or sum(full) < rules["share"] * len(lengths):
        return None
    return full


def _display_width(line: str) -> int:
    """The width of a line as printed: a Han character or full-width mark takes two columns, a digit
    or a Latin letter one (a wrapped line with digits holds more characters). Its length in GBK is
    exactly that for the characters GBK has (two bytes for the wide ones), and fast."""
    return len(line.encode("gbk", "replace"))


def _without_page_furniture(lines: list[str], rules: dict[str, Any]) -> list[str]:
    """The lines without page numbers (— 2 —), a printed page's running header and footer, and the blank
    lines around them; the line after dropped ones starts with a CUT mark."""
    furniture = [i for i, line in enumerate(lines) if rules["page_number"].match(line.strip())]
    furniture += _running_lines(lines, rules)
    if not furniture:
        return lines
    dropped = set()
    for index in furniture:
        dropped.add(index)
        for step in (-1, 1):
            near = index + step
            while 0 <= near < len(lines) and not lines[near].strip():
                dropped.add(near)
                near += step
    kept, cut = [], False
    for index, line in enumerate(lines):
        if index in dropped:
            cut = bool(kept)
            continue
        kept.append(CUT + line if cut else line)
        cut = False
    return kept


def _running_lines(lines: list[str], rules: dict[str, Any]) -> list[int]:
    """Lines printed on every page (digits aside, as page numbers change) that look it: a URL, a page
    count, a print time stamp."""
    mark = rules["furniture_mark"]
    if not mark.search("\n".join(line.strip() for line in lines)):
        return []
    shapes = [_DIGITS.sub("0", line.strip()) for line in lines]
    seen = Counter(shape for shape in shapes if shape)
    return [i for i, (line, shape) in enumerate(zip(lines, shapes))
            if shape and seen[shape] >= rules["furniture_repeats"] and mark.search(line.strip())]


def normalized_lines(text: str) -> list[str]:
    """:func:`normalize_space` of each line, in two regex passes over the whole text instead of two per line.

    A space run never crosses a newline here, and a space next to a newline is
    never between two CJK characters (it is stripped from the line instead).
    """
    text = _LINE_SPACE.sub(" ", text)
    if " " in text:
        text = _CJK_GAP.sub("", text)
    return [line.strip() for line in text.split("\n")]


def _leading_title_lines(lines: list[str]) -> int:
    """How many lines of the first paragraph group (up to 3) read as a title."""
    group: list[str] = []
    for line in lines:
        if not line:
            if group:
                break
            continue
        group.append(line)
    if not group or len(group) > 3:
        return 0
    short = all(len(line) <= 50 and not _SENTENCE_END.search(line[-1]) for line in group)
    return len(group) if short else 0


# --------------------------------------------------------------------------- HTML

@cache
def _parser() -> Any:
    from lxml import etree

    return etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)


def parse_html(markup: str) -> HtmlElement | None:
    """Parse a page or fragment into a plain lxml tree (comments and PIs removed); None if empty.

    Plain ``lxml.etree`` elements, not ``lxml.html`` ones: their Python-level class
    lookup costs more than the whole walk.
    """
    from lxml import etree

    try:
        root = etree.fromstring(_XML_DECL.sub("", markup, count=1), parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root if root is not None and len(root) else None


@cache
def _string() -> Any:
    from lxml import etree

    return etree.XPath("string()")


def element_text(element: HtmlElement) -> str:
    """All the text under an element (like ``lxml.html``'s ``text_content()``)."""
    return str(_string()(element))


def plain_text(element: HtmlElement) -> str:
    """:func:`element_text` without the CUT marks of a converted Markdown body."""
    text = element_text(element)
    return text.replace(CUT, "") if CUT in text else text


def html_pieces(root: HtmlElement) -> list[Piece]:
    """Blocks of the main content of a parsed page, boilerplate removed. Content a page keeps out of its
    visible markup counts: a ``<template>``'s content and, when the page shows almost no text, an
    article kept as HTML in a script's JSON (``"content":"<p>…"``). Not an ``<iframe srcdoc>``'s: its
    text is an attribute value, where no quote of it could be found in the page's text."""
    for template in list(root.iter("template")):
        template.tag = "div"
    pieces = _page_pieces(root)
    if sum(piece.han for piece in pieces) < SCRIPT_ARTICLE_MIN_HAN:
        article = script_article(root)
        if article is not None:
            return _page_pieces(article) or pieces
    return pieces


SCRIPT_ARTICLE_MIN_HAN = 60     # Han characters of visible content below which a script's article is looked for


def script_article(root: HtmlElement) -> HtmlElement | None:
    """The longest HTML article kept as a JSON string in a script (``window.__INITIAL_STATE__ = {…
    "content":"\\u003Cp\\u003E…"}``), parsed; None when no script holds one."""
    best: str | None = None
    for script in root.iter("script"):
        for match in _JSON_HTML.finditer(script.text or ""):
            value = json_string_with_cuts(match.group(1))
            if value is not None and han_count(value) >= SCRIPT_ARTICLE_MIN_HAN and (best is None or len(value) > len(best)):
                best = value
    return parse_html(f"<html><body><div>{best}</div></body></html>") if best else None


# a JSON string holding markup: "…\u003Cp\u003E…" or "…<p>…" (the string's escapes kept)
_JSON_HTML = re.compile(r'"((?:[^"\\]|\\.){0,200000}?(?:\\u003[cC]|<)(?:p|div|span|br|section|table)\b(?:[^"\\]|\\.)*)"')
_JSON_ESCAPE = re.compile(r'\\(?:u([0-9a-fA-F]{4})|(.))')
_JSON_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", '"': '"', "\\": "\\", "/": "/"}


def json_string_with_cuts(body: str) -> str | None:
    """A JSON string's value from its escaped body. The page's text holds the escapes, not the characters,
    so no quote may run across one: an escape that decodes to text leaves CUT marks around its character,
    and an escaped tag (\\u003Cp\\u003E, not stripped from the page's text as a tag is) a CUT where it
    starts. None when the body is not a JSON string."""
    out: list[str] = []
    in_tag, at = False, 0
    for match in _JSON_ESCAPE.finditer(body):
        literal = body[at:match.start()]
        out.append(literal)
        in_tag = _tag_state(literal, in_tag)
        code, simple = match.groups()
        if code is not None:
            char = chr(int(code, 16))
        elif simple in _JSON_SIMPLE:
            char = _JSON_SIMPLE[simple]
        else:
            return None
        if char == "<":
            out.append(CUT + char)      # an escaped tag stays in the page's text: no quote runs across it
        elif char == ">" or in_tag or char.isspace():
            out.append(char)
        else:
            out.append(CUT + char + CUT)
        in_tag = _tag_state(char, in_tag)
        at = match.end()
    out.append(body[at:])
    return "".join(out)


def _tag_state(text: str, in_tag: bool) -> bool:
    """Whether the end of ``text`` is inside a tag, given whether its start is."""
    opened, closed = text.rfind("<"), text.rfind(">")
    if opened == closed == -1:
        return in_tag
    return opened > closed


def _page_pieces(root: HtmlElement) -> list[Piece]:
    vocab = vocabulary()
    walker = _Walker(vocab)
    body = root.find("body")
    walker.walk(body if body is not None else root, _Context("paragraph", root, False, False))
    ancestry = _Ancestry()
    container = main_content(walker.pieces, root, ancestry)
    inside = [index for index, p in enumerate(walker.pieces) if container in ancestry(p.element)]
    if not inside:
        return []
    end = _signature_after(walker.pieces, inside[-1] + 1)
    return filter_pieces(walker.pieces[inside[0]:end])


def _signature_after(pieces: list[Piece], start: int) -> int:
    """The end of the issuer/date lines right after the main content (a signature set apart)."""
    from extractors.metadata import issuer_line, signature_date

    end = start
    while end < len(pieces) and end - start < SIGNATURE_LINES and (
            issuer_line(pieces[end].text) or signature_date(pieces[end].text)):
        end += 1
    return end


class _Context(NamedTuple):
    kind: BlockKind
    block: Any          # the nearest block element
    link: bool
    bold: bool


class _Walker:
    """One pass over the tree: inline text is gathered until a block boundary."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.pieces: list[Piece] = []
        self._parts: list[str] = []
        self._owner: _Context | None = None
        self._links = self._bold = 0

    def walk(self, element: HtmlElement, context: _Context) -> None:
        """Gather the pieces under ``element``."""
        block = element.tag in BLOCK_TAGS
        if block:
            self.flush()
        self.add(element.text, context)
        for child in element:
            if isinstance(child.tag, str):
                if not _is_boilerplate(child, self.vocab):
                    self._child(child, context)
                elif self._owner is not None and element_text(child).strip():
                    self._parts.append(CUT)     # text dropped inside a sentence (a hidden span, a script)
            self.add(child.tail, context)
        if block:
            self.flush()

    def _child(self, child: HtmlElement, context: _Context) -> None:
        tag = child.tag
        if tag in ("br", "hr"):
            self.flush()
        elif tag == "table" and _is_data_table(child):
            self.flush()
            self.pieces.extend(_table_pieces(child))
        else:
            self.walk(child, _enter(context, child))

    def add(self, text: str | None, context: _Context) -> None:
        """Append inline text, counting link and bold characters."""
        if not text:
            return
        if self._owner is None:
            if not text.strip():
                return
            self._owner = context
        self._parts.append(text)
        if context.link or context.bold:
            size = len("".join(text.split()))
            self._links += size if context.link else 0
            self._bold += size if context.bold else 0

    def flush(self) -> None:
        """Close the current piece."""
        owner = self._owner
        if owner is None:
            return
        text, cuts = take_cuts(normalize_space("".join(self._parts)))
        if text:
            self.pieces.append(Piece(owner.kind, (text,), links=self._links, bold=self._bold, element=owner.block,
                                     cuts=cuts))
        self._parts, self._owner, self._links, self._bold = [], None, 0, 0


def _enter(context: _Context, child: HtmlElement) -> _Context:
    """The context inside ``child``."""
    tag = child.tag
    if tag not in _CONTEXT_TAGS:
        return context
    kind: BlockKind = context.kind
    if tag in HEADINGS:
        kind = "heading"
    elif tag == "li":
        kind = "list_item"
    elif tag == "blockquote":
        kind = "quote"
    block = child if tag in BLOCK_TAGS else context.block
    return _Context(kind, block, context.link or tag == "a", context.bold or tag in BOLD_TAGS)


def _is_boilerplate(element: HtmlElement, vocab: Vocabulary) -> bool:
    """Whether a subtree is page furniture: by tag, by class/id words, or hidden."""
    tag = element.tag
    if tag in vocab.drop_tags:
        return True
    soft = tag in vocab.soft_tags
    names = element.keys()      # one call; most elements have none of the attributes looked at
    if "hidden" in names or ("style" in names and _DISPLAY_NONE.search(element.get("style"))):
        return True
    if "class" in names or "id" in names:
        hard, soft_words = _class_verdict(element.get("class", ""), element.get("id", ""))
        if hard:
            return True
        soft = soft or soft_words
    return soft and not _holds_title(element)


@lru_cache(maxsize=4096)
def _class_verdict(class_value: str, id_value: str) -> tuple[bool, bool]:
    """Whether class and id words mark boilerplate: ``(always, unless it holds the title)``."""
    vocab = vocabulary()
    words = _class_words(class_value) | _class_words(id_value)
    return bool(words & vocab.class_tokens), bool(words & vocab.soft_class_tokens)


@lru_cache(maxsize=4096)
def _class_words(value: str) -> frozenset[str]:
    """A class/id value, its parts split at ``-``/``_`` and camelCase, lower-cased."""
    words: set[str] = set()
    for name in value.split():
        words.add(name.lower())
        for part in re.split(r"[-_]", name):
            words.add(part.lower())
            words.update(w.lower() for w in _CAMEL.findall(part))
    return frozenset(words)


def _holds_title(element: HtmlElement) -> bool:
    return any(han_count(element_text(h1)) >= 4 for h1 in element.iter("h1"))


def _is_data_table(table: HtmlElement) -> bool:
    """A table of data (rows of short cells), not a layout table holding the page."""
    if table.find(".//table") is not None:
        return False
    rows = [row for row in table.iter("tr")]
    widths = [sum(1 for cell in row if cell.tag in ("td", "th")) for row in rows]
    if len(rows) < MIN_DATA_ROWS or max(widths, default=0) < 2:
        return False
    return all(len(element_text(cell)) <= MAX_CELL_CHARS for row in rows for cell in row)


def _span(cell: HtmlElement, attribute: str) -> int:
    value = cell.get(attribute, "1").strip()
    return min(int(value), MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def _row_texts(cells: list[HtmlElement], spanned: dict[int, int]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The texts of a row's columns: an empty text where a cell of a row above spans down (rowspan) or
    a cell of this row spans across (colspan), so that each text stays under its header; and the
    columns covered from above.

    ``spanned`` maps a column to the number of rows below still covered by a cell above; it is updated.
    """
    texts: list[str] = []
    covered: list[int] = []

    def skip_covered() -> None:
        while spanned.get(len(texts), 0) > 0:
            spanned[len(texts)] -= 1
            covered.append(len(texts))
            texts.append("")

    for cell in cells:
        skip_covered()
        column = len(texts)
        down, across = _span(cell, "rowspan") - 1, _span(cell, "colspan")
        texts += [normalize_space(element_text(cell))] + [""] * (across - 1)
        for spans_down in range(column, column + across) if down else ():
            spanned[spans_down] = down
    skip_covered()
    return tuple(texts), tuple(covered)


def _table_pieces(table: HtmlElement) -> Iterator[Piece]:
    """One ``table_row`` piece per non-empty row; Markdown tables (``data-md``) keep `` | ``."""
    sep = " | " if table.get("data-md") else "\t"
    spanned: dict[int, int] = {}
    first, grouped = True, False    # grouped: the header rows so far have a cell over several columns or rows
    for row in table.iter("tr"):
        cells = [cell for cell in row if cell.tag in ("td", "th")]
        texts, covered = _row_texts(cells, spanned)
        if any(texts):
            # a row under a header row that groups columns names them too (暂停时段 over 开始日期 | 开始时刻)
            header = (all(cell.tag == "th" for cell in cells) or row.getparent().tag == "thead"
                      or ((first or grouped) and _names_columns(texts)))
            grouped = header and (grouped or first) and any(_span(c, "colspan") > 1 or _span(c, "rowspan") > 1
                                                             for c in cells)
            first = False
            links = sum(len("".join(element_text(a).split())) for a in row.iter("a"))
            texts, cuts = _row_cuts(texts, sep)
            yield Piece("table_row", texts, sep=sep, header=header, covered=covered, links=links, element=row,
                        cuts=cuts)


HEADER_CELL_MAX = 10     # characters of a cell that names a column


def _names_columns(texts: tuple[str, ...]) -> bool:
    """A row of short cells without digits (区县 | 地址 | 咨询电话) at the top of a table names the columns,
    even in <td>."""
    filled = [t for t in texts if t]
    return len(filled) >= 2 and all(len(t) <= HEADER_CELL_MAX and not any(c.isdigit() for c in t) for t in filled)


def take_cuts(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` without its CUT marks, and the offsets (in the result) where they stood, inside it only."""
    if CUT not in text:
        return text, ()
    kept, offsets = _without_cuts(text)
    return kept, tuple(o for o in offsets if 0 < o < len(kept))


def _without_cuts(text: str) -> tuple[str, list[int]]:
    parts = text.split(CUT)
    offsets, at = [], 0
    for part in parts[:-1]:
        at += len(part)
        if not offsets or offsets[-1] != at:
            offsets.append(at)
    return "".join(parts), offsets


def _row_cuts(texts: tuple[str, ...], sep: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A row's cells without CUT marks, and the marks' offsets in the joined row."""
    if not any(CUT in text for text in texts):
        return texts, ()
    cells, offsets, at = [], [], 0
    for text in texts:
        bare, found = _without_cuts(text)
        cells.append(bare)
        offsets += [at + offset for offset in found]
        at += len(bare) + len(sep)
    length = at - len(sep)
    return tuple(cells), tuple(sorted({o for o in offsets if 0 < o < length}))


# --------------------------------------------------------------------------- main content

class _Ancestry:
    """An element and its ancestors, remembered for one page."""

    def __init__(self) -> None:
        self._seen: dict[Any, tuple] = {}

    def __call__(self, element: Any) -> tuple:
        chain = self._seen.get(element)
        if chain is None:
            chain = self._seen[element] = (element, *element.iterancestors())
        return chain


def main_content(pieces: list[Piece], root: HtmlElement, ancestry: _Ancestry | None = None) -> HtmlElement:
    """The element holding the notice: the core of the good text, widened to its lead-in."""
    ancestry = ancestry or _Ancestry()
    good = [(index, p) for index, p in enumerate(pieces) if _is_good(p)]
    if not good:
        return root
    mass: dict[Any, int] = {}
    for _, piece in good:
        weight = piece.han
        for element in ancestry(piece.element):
            mass[element] = mass.get(element, 0) + weight
    total = sum(p.han for _, p in good)
    heavy = [e for e, m in mass.items() if m >= CORE_SHARE * total]
    core = max(heavy, key=lambda e: len(ancestry(e)))
    owners = {id(p.element) for p in pieces}
    while id(core) in owners and core.getparent() is not None:
        core = core.getparent()         # a container, not one paragraph: keep its short siblings
    return _widen(core, [(i, ancestry(p.element)) for i, p in good])


def _widen(core: HtmlElement, good: list[tuple[int, tuple]]) -> HtmlElement:
    """Climb from the core while the ancestors add good text only before it (a title, a question)."""
    inside = {i for i, chain in good if core in chain}
    first = min(inside)
    chosen, element = core, core.getparent()
    while element is not None and element.tag not in ("body", "html"):
        added = {i for i, chain in good if element in chain} - inside
        if any(i > first for i in added):
            break
        if added:
            chosen, inside = element, inside | added
            first = min(inside)
        element = element.getparent()
    return chosen


def _is_good(piece: Piece) -> bool:
    """Text that counts towards the main content: long enough, few links, not boilerplate."""
    if piece.han < GOOD_HAN or piece.links > GOOD_LINKS * len(piece.text):
        return False
    return not _is_droppable(piece, vocabulary())


# --------------------------------------------------------------------------- filters

def filter_pieces(pieces: list[Piece]) -> list[Piece]:
    """Drop boilerplate lines, bylines and link lists; cut at a "related articles" heading."""
    vocab = vocabulary()
    kept: list[Piece] = []
    dropped_label = False       # the last piece was dropped and ends in a label (网站联系电话：)
    for piece in _drop_link_runs(pieces, vocab):
        if kept and len(piece.text) <= vocab.boilerplate_max and vocab.tail.match(piece.text):
            break
        if dropped_label and piece.han == 0:
            continue            # the label's value, wrapped onto a line of its own (0772-2806118)
        dropped_label = piece.kind != "title" and _is_droppable(piece, vocab)
        if not dropped_label:
            kept.append(_classify(piece))
        dropped_label = dropped_label and piece.text.rstrip().endswith(("：", ":"))
    return kept


def _is_droppable(piece: Piece, vocab: Vocabulary) -> bool:
    """A short boilerplate line or byline (long paragraphs are never dropped by their words)."""
    if piece.droppable is None:
        text = piece.text
        piece.droppable = len(text) <= vocab.boilerplate_max and bool(
            vocab.drop_start.match(text) or vocab.drop_any.search(text) or _is_byline(text, vocab))
    return piece.droppable


def _is_byline(text: str, vocab: Vocabulary) -> bool:
    if vocab.any_byline.search(text) is None:      # most lines hold no byline label at all
        return False
    labels = vocab.byline.findall(text)
    if len(labels) >= 2:
        return True
    return bool(labels) and len(text) <= vocab.byline_short and vocab.byline.match(text) is not None


def _drop_link_runs(pieces: list[Piece], vocab: Vocabulary) -> Iterator[Piece]:
    """Pieces without navigation: link-dense pieces go when short, listed, or in a run."""
    dense = [p.links > 0 and p.links > vocab.link_density * len(_compact(p.text)) for p in pieces]
    for index, piece in enumerate(pieces):
        run = (index > 0 and dense[index - 1]) or (index + 1 < len(dense) and dense[index + 1])
        if dense[index] and (run or piece.kind in ("list_item", "table_row") or piece.han < GOOD_HAN):
            continue
        yield piece


# --------------------------------------------------------------------------- structure

def finish(pieces: list[Piece], title: str | None = None, title_in_source: bool = True) -> list[Piece]:
    """Mark the title and the signature; prepend the title when it is not shown; end before another
    notice attached after the signature."""
    pieces = _mark_title(pieces, title, title_in_source)
    return _before_attached_notice(mark_signature(pieces))


@cache
def _attached_notice() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = load_yaml("structure.yaml")["attached_notice"]
    return re.compile(rules["label"]), re.compile(rules["title"])


def _before_attached_notice(pieces: list[Piece]) -> list[Piece]:
    """The pieces before an attachment label after the signature (附件：) whose attachment is another
    notice, by its title on the label's line or the next one (关于2023年…停机维护的通告（原文）)."""
    label, title = _attached_notice()
    signed = False
    for index, piece in enumerate(pieces):
        signed = signed or piece.kind == "signature"
        found = label.match(piece.text) if signed else None
        if found is None:
            continue
        rest = piece.text[found.end():] or (pieces[index + 1].text if index + 1 < len(pieces) else "")
        if title.match(rest):
            return pieces[:index]
    return pieces


def _classify(piece: Piece) -> Piece:
    """A short bold-only or numbered paragraph is a heading (the piece is relabelled in place)."""
    if piece.kind != "paragraph":
        return piece
    vocab, text = vocabulary(), piece.text
    if len(text) > vocab.heading_max or text.endswith(("。", "；", ";")):
        return piece
    if (piece.bold and piece.bold >= len(_compact(text))) or vocab.heading.match(text):
        piece.kind = "heading"
    return piece


def _compact(text: str) -> str:
    return "".join(text.split())


def _mark_title(pieces: list[Piece], title: str | None, in_source: bool) -> list[Piece]:
    if not title:
        return pieces
    target = _compact(normalize_space(title))
    for index, piece in enumerate(pieces[:TITLE_LOOKAHEAD]):
        if piece.kind == "table_row":
            break
        text = _compact(piece.text)
        if text == target or (piece.kind in ("heading", "title") and len(text) >= 4 and target.startswith(text)):
            return [*pieces[:index], replace(piece, kind="title"), *pieces[index + 1:]]
    if any(p.kind == "title" for p in pieces[:TITLE_LOOKAHEAD]) or not in_source:
        return pieces
    return [Piece("title", (normalize_space(title),)), *pieces]


def mark_signature(pieces: list[Piece]) -> list[Piece]:
    """Mark the issuer lines and date that sign the notice as ``signature`` blocks."""
    from extractors.metadata import issuer_line, signature_date

    out = list(pieces)
    for index, piece in enumerate(out):
        if piece.kind not in ("paragraph", "heading") or signature_date(piece.text) is None:
            continue
        issuers = _issuers_above(out, index, issuer_line)
        if issuers or index >= len(out) - 2:
            for i in (*issuers, index):
                out[i] = replace(out[i], kind="signature")
    return out


def _issuers_above(pieces: list[Piece], index: int, is_issuer: Any) -> list[int]:
    limit = vocabulary().issuer_lines
    found: list[int] = []
    for i in range(index - 1, max(-1, index - 1 - limit), -1):
        if pieces[i].kind not in ("paragraph", "heading") or not is_issuer(pieces[i].text):
            break
        found.append(i)
    return found


# --------------------------------------------------------------------------- Markdown

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MD_QUOTE = re.compile(r"^>[ \t]?(.*)$")
_MD_BULLET = re.compile(r"^[-*+][ \t]+(.*)$")
_MD_ORDERED = re.compile(r"^\d{1,3}[.)][ \t]+.*$")
_MD_ROW = re.compile(r"^\|.*\|$")
_MD_TABLE_SEP = re.compile(r"^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?$")
_MD_FENCE = re.compile(r"^(```|~~~)")
_HTML_START = re.compile(r"^<(?:[A-Za-z][\w-]*[\s/>]|[A-Za-z][\w-]*$|/[A-Za-z]|!--|!DOCTYPE|\?)", re.I)
_RAW_START = re.compile(r"^<(script|style|pre|textarea)\b", re.I)
_BLOCK_STARTS = frozenset("#>|-*+_`~<0123456789")
_INLINE_MARKS = re.compile(r"[*_!<`\\\[]")
_PARAGRAPH_END = re.compile(r"[。！？；：!?;:）)」』”\"]$")
_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), CUT),                                 # images
    (re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>"), CUT),                      # autolinks (markup)
    (re.compile(r"\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)"), CUT + r'<a href="\2">\1</a>' + CUT),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__"), CUT + r"<strong>\1\2</strong>" + CUT),
    (re.compile(r"(?<!\*)\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?!\*)"), CUT + r"<em>\1</em>" + CUT),
    (re.compile(r"`([^`]+)`"), CUT + r"\1" + CUT),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), CUT + r"\1"),
)


def markdown_to_html(body: str) -> str:
    """Convert a Markdown body (with raw HTML blocks) to HTML, line by line."""
    return "\n".join(_MarkdownReader(body.split("\n")).read())


class _MarkdownReader:
    """A small line-based Markdown reader: blocks out, HTML blocks passed through."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.at = 0

    def read(self) -> Iterator[str]:
        """HTML for each block, in order."""
        while self.at < len(self.lines):
            line = self.lines[self.at].strip()
            if not line:
                self.at += 1
            elif _RAW_START.match(line) or line.startswith("<!--"):
                yield from self._raw(line)
            elif _HTML_START.match(line):
                yield from self._html()
            else:
                yield self._block(line)

    def _html(self) -> Iterator[str]:
        """An HTML block: lines up to the next blank line (or Markdown block), as they are."""
        while self.at < len(self.lines) and self.lines[self.at].strip():
            line = self.lines[self.at].strip()
            if not line.startswith("<") and _starts_block(line):
                return
            if _RAW_START.match(line) or line.startswith("<!--"):
                yield from self._raw(line)
                continue
            yield self.lines[self.at]
            self.at += 1

    def _raw(self, line: str) -> Iterator[str]:
        """A ``<script>``/``<style>``/``<pre>``/comment block, up to its end."""
        match = _RAW_START.match(line)
        end = f"</{match.group(1).lower()}>" if match else "-->"
        while self.at < len(self.lines):
            current = self.lines[self.at]
            yield current
            self.at += 1
            if end in current.lower():
                return

    def _block(self, line: str) -> str:
        if line[0] not in _BLOCK_STARTS:
            self.at += 1
            return f"<p>{_inline(self._paragraph(line))}</p>"
        if _MD_FENCE.match(line):
            return self._fence(line[:3])
        if _MD_ROW.match(line):
            return self._table()
        heading = _MD_HEADING.match(line)
        self.at += 1
        if heading:
            level = len(heading.group(1))
            return f"<h{level}>{_inline(heading.group(2))}</h{level}>"
        if _MD_RULE.match(line):
            return "<hr>"
        return self._other(line)

    def _other(self, line: str) -> str:
        quote, bullet = _MD_QUOTE.match(line), _MD_BULLET.match(line)
        if quote:
            return f"<blockquote><p>{_inline(quote.group(1))}</p></blockquote>"
        if bullet:
            return f"<ul><li>{_inline(bullet.group(1))}</li></ul>"
        if _MD_ORDERED.match(line):
            return f"<ol><li>{_inline(line)}</li></ol>"
        return f"<p>{_inline(self._paragraph(line))}</p>"

    def _paragraph(self, line: str) -> str:
        """Join the following lines of the same paragraph (a soft line break)."""
        parts = [line]
        while self.at < len(self.lines) and not _PARAGRAPH_END.search(parts[-1]):
            following = self.lines[self.at].strip()
            if not following or _starts_block(following):
                break
            parts.append(following)
            self.at += 1
        return "\n".join(parts)

    def _fence(self, marker: str) -> str:
        self.at += 1
        code: list[str] = []
        while self.at < len(self.lines) and not self.lines[self.at].strip().startswith(marker):
            code.append(f"<p>{html.escape(self.lines[self.at])}</p>")
            self.at += 1
        self.at += 1
        return "\n".join(code)

    def _table(self) -> str:
        rows: list[str] = []
        while self.at < len(self.lines) and _MD_ROW.match(self.lines[self.at].strip()):
            rows.append(self.lines[self.at].strip())
            self.at += 1
        return _table_html(rows)


def _starts_block(line: str) -> bool:
    if line[0] not in _BLOCK_STARTS:
        return False
    return bool(_HTML_START.match(line) or _MD_HEADING.match(line) or _MD_RULE.match(line)
                or _MD_QUOTE.match(line) or _MD_BULLET.match(line) or _MD_ORDERED.match(line)
                or _MD_ROW.match(line) or _MD_FENCE.match(line))


def _table_html(rows: list[str]) -> str:
    """A Markdown table as ``<table data-md>``; the row above ``| --- |`` is the header."""
    separator = next((i for i, row in enumerate(rows) if _MD_TABLE_SEP.match(row)), None)
    out = ['<table data-md="1">']
    for index, row in enumerate(rows):
        if index == separator:
            continue
        cell = "th" if separator is not None and index == separator - 1 else "td"
        cells = "".join(f"<{cell}>{_inline(text)}</{cell}>" for text in _split_row(row))
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "".join(out)


def _split_row(row: str) -> list[str]:
    """The cells of ``| a | b |`` (escaped ``\\|`` stays inside a cell)."""
    inner = row.strip()[1:-1]
    return [cell.strip().replace("\\|", CUT + "|") for cell in re.split(r"(?<!\\)\|", inner)]


def _inline(text: str) -> str:
    if not _INLINE_MARKS.search(text):
        return text
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text


# --------------------------------------------------------------------------- assembly

def assemble(pieces: Iterable[Piece]) -> Cleaned:
    """Join the pieces with ``\\n`` and compute the blocks' offsets (and cells' offsets)."""
    parts: list[str] = []
    blocks: list[Block] = []
    cuts: list[int] = []
    offset = 0
    for piece in pieces:
        text = piece.text
        cells = _cell_offsets(piece, offset) if piece.kind == "table_row" else ()
        blocks.append(Block(piece.kind, offset, offset + len(text), cells, piece.header, piece.covered))
        if piece.cuts:
            cuts += [offset + cut for cut in piece.cuts]
        parts.append(text)
        offset += len(text) + 1
    return Cleaned("\n".join(parts), tuple(blocks), tuple(cuts))


def _cell_offsets(piece: Piece, start: int) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    for cell in piece.cells:
        spans.append((start, start + len(cell)))
        start += len(cell) + len(piece.sep)
    return tuple(spans)


def clean(text: str, media_type: str = "text/plain", title: str | None = None) -> Cleaned:
    """Clean a decoded notice body of the given media type (front matter already removed)."""
    if media_type == "text/plain":
        pieces = text_pieces(text)
    else:
        markup = markdown_to_html(text) if media_type == "text/markdown" else text
        root = parse_html(markup)
        pieces = html_pieces(root) if root is not None else []
    return assemble(finish(pieces, title))
