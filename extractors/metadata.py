"""Title, outlet and publication time of a notice, and the date it was signed.

Sources, in order of precedence for the publication time (``published_from``):
``front_matter`` (the YAML ``date``), ``meta`` (``<meta name="PubDate">`` and its
kin), ``page_element`` (an element whose id names it: WeChat's ``<em id="publish_time">``), ``byline`` (a labelled ``发布时间：`` / ``發佈時間：`` / ``提问时间：`` date in the
page), ``dateline`` (a full date in the lead, ``2022年2月19日讯``), ``signature``
(the date under the issuer's name at the end) and ``url`` (``/202109/t20210924_…``).
Common formats are read with regular expressions; dateparser, slow to import and
to run, is only the fall-back for unusual metadata strings. Naive times are
taken as Beijing time (+08:00); a notice without any date gets none.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from extractors.lexicon import alternation, load_yaml
from extractors.script import compile_either, compile_scanner, either_script

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement

    from extractors.cleaning import Piece

BEIJING = dt.timezone(dt.timedelta(hours=8))
YEARS = range(1990, 2101)
CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
FRONT_DATE_KEYS = ("date", "published", "pubdate", "publish_date", "created")
FRONT_OUTLET_KEYS = ("source", "author")
DATELINE_CHARS = 80
PAGE_TEXT_CHARS = 20000
SIGNATURE_MAX = 60        # longest signature line (issuer and date), in characters

_NUMERIC = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:(?:\s+|T|\s*日?\s*)(?:[（(](?:星期|周|週)[一二三四五六日天][)）]\s*)?(\d{1,2})\s*[:：时]\s*(\d{1,2})?(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC)?")
_CN_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
_SIGNATURE = re.compile(
    r"^(.{0,40}?)\s*(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日)$")
_DATELINE = re.compile(r"^[^。！？\n]{0,40}?(\d{4})年(\d{1,2})月(\d{1,2})日(?:电|讯|消息|报道)")
_URL_DATES = (
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_"),
    re.compile(r"/((?:19|20)\d{2})[-_/]?(\d{2})[-_/]?(\d{2})(?:/|_|\.|$)"),
    re.compile(r"/((?:19|20)\d{2})/(\d{2})(\d{2})/"),
)
_PUNCT = re.compile(r"[。，；：！？,;:!?、“”\"（）()]")
_OUTLET_END = r"[^\s\u3000|｜<>（）()【】\[\]，。；;:：]{2,30}"


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a notice says about itself."""

    title: str | None = None
    title_in_source: bool = False    # the title's text is in the file (not only in a <meta> attribute)
    outlet: str | None = None
    published: dt.datetime | None = None
    published_from: str | None = None
    signed: dt.date | None = None


@dataclass(frozen=True, slots=True)
class PageFacts:
    """What metadata reads from a parsed page: its ``<meta>`` tags, ``<title>``, headings and text."""

    meta: dict[str, str]
    title_tag: str
    headings: tuple[str, ...]
    text: str
    published_element: str = ""      # text of an element whose id names the publication time


# --------------------------------------------------------------------------- page

def page_facts(root: HtmlElement | None) -> PageFacts:
    """Collect the parts of a parsed page that metadata is read from."""
    from extractors.cleaning import normalize_space, plain_text

    if root is None:
        return PageFacts({}, "", (), "")
    meta = {}
    for tag in root.iter("meta"):
        key = (tag.get("name") or tag.get("property") or tag.get("itemprop") or "").strip().lower()
        if key and key not in meta and tag.get("content"):
            meta[key] = tag.get("content", "").strip()
    title = root.find(".//title")
    headings = [normalize_space(plain_text(h)) for h in root.iter("h1", "h2")]
    return PageFacts(meta, normalize_space(plain_text(title)) if title is not None else "",
                     tuple(h for h in headings if h)[:8], plain_text(root)[:PAGE_TEXT_CHARS],
                     _published_element(root))


def _published_element(root: HtmlElement) -> str:
    from extractors.cleaning import plain_text

    found = _published_element_path()(root)
    return plain_text(found[0]).strip() if found else ""


@cache
def _published_element_path() -> Any:
    """An XPath finding the elements whose id names the publication time (walked in C, not Python)."""
    from lxml import etree

    ids = " or ".join(f"@id='{element_id}'" for element_id in load_yaml("metadata.yaml")["published_element_ids"])
    return etree.XPath(f"//*[{ids}]")


def read_metadata(front: dict[str, Any], page: PageFacts, body: str, pieces: list[Piece],
                  url: str | None = None) -> Metadata:
    """All metadata of a notice: front matter, page facts, decoded body and clean pieces."""
    title, in_source = find_title(front, page, pieces)
    signed = signed_date(pieces)
    found = find_published(front, page, body, pieces, url, signed)
    return Metadata(title, in_source, find_outlet(front, page, body, title), found[0] if found else None,
                    found[1] if found else None, signed)


# --------------------------------------------------------------------------- title

def find_title(front: dict[str, Any], page: PageFacts, pieces: list[Piece] | None = None) -> tuple[str | None, bool]:
    """``(title, in_source)``: front matter, ArticleTitle meta, ``<h1>``, lead heading, cut ``<title>``, title lines."""
    from extractors.cleaning import normalize_space

    if front.get("title"):
        return normalize_space(str(front["title"])), True
    found = _page_title(page, pieces or [])
    if found:
        return found
    lines = [p.text for p in pieces or () if p.kind == "title"]
    return ("".join(lines) or None), bool(lines)


def _page_title(page: PageFacts, pieces: list[Piece]) -> tuple[str, bool] | None:
    from extractors.cleaning import normalize_space

    meta_title = _first_meta(page.meta, "meta_title")
    cut = cut_site_name(page.title_tag)
    for candidate in (meta_title, cut):
        heading = _matching_heading(candidate, page.headings)
        if heading:
            return heading, True
    if meta_title:
        return normalize_space(meta_title), _compact(meta_title) in _compact(page.text)
    heading = next((h for h in page.headings if len(h) >= 4), None)
    if heading is None and len(_title_parts(page.title_tag)) <= 1:
        heading = _lead_heading(pieces)     # a <title> without separator is often the site's name only
    if heading or cut:
        return (heading or cut), True
    return None


def _lead_heading(pieces: list[Piece]) -> str | None:
    """The first block of the content when it is an unnumbered heading (a bold title in a table cell)."""
    from extractors.cleaning import vocabulary

    first = pieces[0] if pieces else None
    if first is None or first.kind != "heading" or not 6 <= len(first.text) <= 60:
        return None
    return None if vocabulary().heading.match(first.text) else first.text


def _matching_heading(candidate: str | None, headings: tuple[str, ...]) -> str | None:
    if not candidate:
        return None
    target = _compact(candidate)
    for heading in headings:
        text = _compact(heading)
        if len(text) >= 4 and (text == target or target.startswith(text) or text.startswith(target)):
            return heading
    return None


def cut_site_name(title: str) -> str | None:
    """``关于…公告_天门新闻_天门网`` -> ``关于…公告``: the article part of a ``<title>``."""
    parts = _title_parts(title)
    if not parts:
        return None
    return parts[0] if len(parts[0]) >= 6 else max(parts, key=len)


def _title_parts(title: str) -> list[str]:
    title = title.strip()
    if not title:
        return []
    for separator in load_yaml("metadata.yaml")["title_separators"]:
        if separator in title:
            return [part.strip() for part in title.split(separator) if part.strip()]
    return [title]


def _compact(text: str) -> str:
    return "".join(text.split())


# --------------------------------------------------------------------------- outlet

def find_outlet(front: dict[str, Any], page: PageFacts, body: str, title: str | None = None) -> str | None:
    """The publishing site, paper or agency: front matter, ``<meta>``, a ``来源：`` label, the site name."""
    for key in FRONT_OUTLET_KEYS:
        if isinstance(front.get(key), str) and front[key].strip():
            return front[key].strip()
    outlet = _first_meta(page.meta, "meta_outlet") or _labelled_outlet(page.text or body)
    if outlet:
        return outlet
    categories = front.get("categories")
    named = [c for c in (categories if isinstance(categories, list) else [categories]) if _has_han(c)]
    if named:
        return str(named[-1]).strip()
    parts = _title_parts(page.title_tag)
    if len(parts) > 1:
        return parts[-1]
    return parts[0] if parts and title and _compact(parts[0]) != _compact(title) else None


def _labelled_outlet(text: str) -> str | None:
    match = _outlet_pattern().search(text)
    return match.group(1) if match else None


@cache
def _outlet_pattern() -> re.Pattern[str]:
    labels = alternation([re.escape(label) for label in load_yaml("metadata.yaml")["outlet_labels"]])
    return compile_scanner(f"(?:{labels})\\s*[:：]\\s*({_OUTLET_END})")


def _has_han(value: Any) -> bool:
    return isinstance(value, str) and re.search(r"[\u4e00-\u9fff]", value) is not None


def _first_meta(meta: dict[str, str], key: str) -> str | None:
    for name in load_yaml("metadata.yaml")[key]:
        if meta.get(name):
            return meta[name]
    return None


# --------------------------------------------------------------------------- dates

def find_published(front: dict[str, Any], page: PageFacts, body: str, pieces: list[Piece],
                   url: str | None, signed: dt.date | None) -> tuple[dt.datetime, str] | None:
    """The publication time and where it came from, by precedence; None when nothing states it."""
    candidates = (
        ("front_matter", lambda: _first_date(front.get(k) for k in FRONT_DATE_KEYS)),
        ("meta", lambda: _first_date(page.meta.get(k) for k in load_yaml("metadata.yaml")["meta_published"])),
        ("page_element", lambda: parse_datetime(page.published_element) if page.published_element else None),
        ("byline", lambda: labelled_date(page.text or body)),
        ("dateline", lambda: dateline_date(pieces)),
        ("signature", lambda: _at_midnight(signed)),
        ("url", lambda: _at_midnight(url_date(url))),
    )
    for source, find in candidates:
        when = find()
        if when is not None:
            return when, source
    return None


def _first_date(values: Any) -> dt.datetime | None:
    for value in values:
        when = parse_datetime(value)
        if when is not None:
            return when
    return None


def _at_midnight(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime(day.year, day.month, day.day, tzinfo=BEIJING) if day else None


def labelled_date(text: str) -> dt.datetime | None:
    """The date after a byline label (``发布时间：``, ``發佈時間：``, ``提问时间：`` …), else a date (and its
    time of day) that opens a line of byline fields (``2022-11-18 09:12　来源：柳州日报``)."""
    match = _label_pattern().search(text) or _unlabelled_byline().search(text)
    return _numeric(match) if match else None


@cache
def _label_pattern() -> re.Pattern[str]:
    labels = alternation([re.escape(label) for label in load_yaml("metadata.yaml")["date_labels"]])
    return compile_scanner(f"(?:{labels})\\s*[:：]?\\s*{_NUMERIC.pattern}")


@cache
def _unlabelled_byline() -> re.Pattern[str]:
    fields = alternation([re.escape(label) for label in load_yaml("metadata.yaml")["byline_field_labels"]])
    # the fields may be separate elements of the page, so on the next line (…07:52</span>↵<span>来源：)
    return re.compile(either_script(
        f"(?m)^[ \\t\u3000]*{_NUMERIC.pattern}(?<=\\d)[ \\t\u3000]*\\n?[ \\t\u3000]*(?<=\\s)(?:{fields})[ \\t]*[:：]"))


def dateline_date(pieces: list[Piece]) -> dt.datetime | None:
    """A full date in the lead of the text (``2022年2月19日电``); a date without a year is skipped."""
    match = _DATELINE.search(_lead(pieces, DATELINE_CHARS))
    day = _valid_date(*match.groups()) if match else None
    return _at_midnight(day)


def _lead(pieces: list[Piece], size: int) -> str:
    """The first ``size`` characters of the text below the title, joining only the pieces they come from."""
    texts: list[str] = []
    length = -1
    for piece in pieces:
        if piece.kind != "title":
            texts.append(piece.text)
            length += len(piece.text) + 1
            if length >= size:
                break
    return "\n".join(texts)[:size]


def url_date(url: str | None) -> dt.date | None:
    """A date in the URL path (``/202109/t20210924_…``, ``/2021-09-24/``)."""
    if not url:
        return None
    for pattern in _URL_DATES:
        match = pattern.search(url)
        day = _valid_date(*match.groups()) if match else None
        if day:
            return day
    return None


def signed_date(pieces: list[Piece]) -> dt.date | None:
    """The date of the last signature block."""
    for piece in reversed(pieces):
        if piece.kind == "signature":
            day = signature_date(piece.text)
            if day:
                return day
    return None


def signature_date(text: str) -> dt.date | None:
    """The date of a signature line: a bare date, or an issuer followed by a date."""
    text = text.strip()
    if len(text) > SIGNATURE_MAX or not text.endswith("日"):
        return None
    match = _SIGNATURE.match(text)
    if match is None:
        return None
    prefix = match.group(1).strip()
    if prefix and not issuer_line(prefix):
        return None
    if match.group(2):
        return _valid_date(*match.group(2, 3, 4))
    return _valid_date(_cn_year(match.group(5)), _cn_small(match.group(6)), _cn_small(match.group(7)))


def issuer_line(text: str) -> bool:
    """Whether a line reads as the name of an issuing agency (``天门市医疗保障局``)."""
    text = text.strip()
    if not text or len(text) > load_yaml("structure.yaml")["issuer_max"] or _PUNCT.search(text):
        return False
    return _issuer_end().search(text) is not None


@cache
def _issuer_end() -> re.Pattern[str]:
    suffixes = alternation([re.escape(s) for s in load_yaml("structure.yaml")["issuer_suffixes"]])
    return compile_either(f"(?:{suffixes})$")


# --------------------------------------------------------------------------- parsing

def parse_datetime(value: Any) -> dt.datetime | None:
    """A metadata value as an aware datetime (+08:00 when naive); None when it is no date."""
    if isinstance(value, dt.datetime):
        return _aware(value)
    if isinstance(value, dt.date):
        return _at_midnight(value)
    if not isinstance(value, str) or not re.search(r"\d{4}|[〇○零][一二三四五六七八九〇○零]", value):
        return None
    text = value.strip()
    return _rfc2822(text) or _numeric(_NUMERIC.search(text)) or _cn_datetime(text) or _dateparser(text)


def _aware(when: dt.datetime) -> dt.datetime | None:
    if when.year not in YEARS:
        return None
    return when.replace(tzinfo=BEIJING) if when.tzinfo is None else when.astimezone(BEIJING)


def _rfc2822(text: str) -> dt.datetime | None:
    if not re.match(r"^[A-Za-z]{3},?\s+\d", text) and not re.match(r"^\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", text):
        return None
    try:
        return _aware(email.utils.parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None


def _numeric(match: re.Match[str] | None) -> dt.datetime | None:
    """A datetime from a :data:`_NUMERIC` match (its last seven groups)."""
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()[-7:]
    date = _valid_date(year, month, day)
    if date is None:
        return None
    try:
        clock = dt.time(int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        clock = dt.time()
    return _aware(dt.datetime.combine(date, clock, tzinfo=_zone(zone)))


def _zone(zone: str | None) -> dt.timezone:
    if not zone:
        return BEIJING
    if zone in ("Z", "GMT", "UTC"):
        return dt.UTC
    digits = zone.replace(":", "")
    offset = dt.timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5]))
    return dt.timezone(offset if digits[0] == "+" else -offset)


def _cn_datetime(text: str) -> dt.datetime | None:
    match = _CN_DATE.search(text)
    if match is None:
        return None
    day = _valid_date(_cn_year(match.group(1)), _cn_small(match.group(2)), _cn_small(match.group(3)))
    return _at_midnight(day)


def _cn_year(text: str) -> int:
    return int("".join(str(CN_DIGITS[c]) for c in text))


def _cn_small(text: str) -> int:
    """一 .. 三十一 as a number."""
    if "十" not in text:
        return CN_DIGITS.get(text, 0)
    tens, _, units = text.partition("十")
    return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(units, 0) if units else 0)


def _valid_date(year: Any, month: Any, day: Any) -> dt.date | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None
    return date if date.year in YEARS else None


@cache
def _date_parser() -> Any:
    from dateparser.date import DateDataParser

    settings = {"TIMEZONE": "Asia/Shanghai", "RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DATES_FROM": "past"}
    return DateDataParser(languages=["zh", "en"], settings=settings)


def _dateparser(text: str) -> dt.datetime | None:
    """Fall-back for unusual formats; only for strings holding a year (no relative dates)."""
    try:
        found = _date_parser().get_date_data(text).date_obj
    except (ValueError, TypeError, OverflowError, LookupError):
        return None
    return _aware(found) if found is not None else None
