"""The temporal grammar of notice language.

Finds time expressions in (Simplified-script) notice text and normalises them
to instants and intervals in China Standard Time (+08:00). See
``extractors/patterns/temporal.yaml`` for the vocabulary it reads.

The work is done in three passes over the text:

1. **scan** — one compiled regular expression finds the *atoms*: written dates
   (``2022年2月26日``, ``2022.1.1``, ``九月十四日``, ``26日``, ``6月下旬``), ranges
   written as one token (``1-18日``, ``1-6月``) and relative words (``今天``,
   ``下月``). A day is followed by an optional weekday annotation and time of
   day (``（星期六）0时``, ``18:00``, ``下午6时``). Nothing is resolved yet.
2. **assemble** — neighbouring atoms joined by a range mark (``至``, ``—``,
   ``起至``…) become a range; an atom may also close with an elided end
   (``2018.1.1~1.4``), a time on the same day (``8:30-17:00``) or an open end
   (``至另行通知``). The words around it give the marker (``自…起``, ``至…``,
   ``…前``, ``…后``) and 预计/拟/计划 make it tentative.
3. **resolve** — in text order, missing years, months and relative days are
   taken from the text (the nearest preceding stated year, the previous date),
   the reference date, a following stated year or a weekday annotation.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from extractors.lexicon import alternation, load_yaml

CST = dt.timezone(dt.timedelta(hours=8), "CST")

Precision = Literal["minute", "day", "part_of_month", "month", "year"]
Marker = Literal["none", "from", "until", "before", "after"]


@dataclass(frozen=True, slots=True)
class TimePoint:
    """One point of a time expression.

    Attributes:
        instant: the first minute it denotes, tz-aware (+08:00). ``24时`` of a day
            is 00:00 of the next day; a day without an hour is 00:00; a month is
            its first day; ``下旬`` is the 21st.
        end_instant: the exclusive end when the point closes an interval: a day
            without an hour is inclusive (next day 00:00), ``24时`` is next day
            00:00, a stated minute is itself, a month or ``下旬``/``月底`` ends on the
            first of the next month.
        day: the calendar day as named in the text (``9月15日24时`` names the 15th).
        precision: how much the text states.
        has_time: an hour was stated.
        vague: a part of a month (上旬/中旬/下旬/初/底) or an approximate day.
        relative: resolved from the reference date (今天, 明日, 次日, 下月).
    """

    instant: dt.datetime
    end_instant: dt.datetime
    day: dt.date
    precision: Precision
    has_time: bool
    vague: bool = False
    relative: bool = False


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in text, ``text[start:end]``.

    ``kind`` is ``interval`` (``begin`` and ``until`` both set) or ``point``
    (only ``begin``). ``marker`` tells how a point is used: ``from`` for
    起/开始/自…起 (an open start), ``until`` for a dangling 至X/止 end (only
    ``until`` set, ``begin`` is None), ``before`` for X前/之前/以前 (a deadline
    or a condition), ``after`` for X后/以后. ``open_end`` marks an end left open
    (另行通知, 待定); ``tentative`` marks 预计/拟/计划.
    """

    start: int
    end: int
    text: str
    kind: Literal["interval", "point"]
    begin: TimePoint | None
    until: TimePoint | None
    marker: Marker = "none"
    open_end: bool = False
    tentative: bool = False


VOCABULARY = "temporal.yaml"
DIGIT = "[0-9０-９]"
ARABIC = frozenset("0123456789０１２３４５６７８９")
SPACE = "[ \u3000\u00a0]"
ONE_DAY = dt.timedelta(days=1)
SEED_NUMBER = 3            # numerals after the first one before a unit (2022年, 二〇二二年)
POINT_CACHE = 4096         # resolved points kept (notices repeat their dates)
HALF_YEAR = 6              # months a date may lie before/after its anchor before the year shifts
WEEKDAY_SEARCH = (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6)   # years tried for a weekday


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True, slots=True)
class _Relative:
    """A relative day word: days from the reference (or from the previous date)."""

    days: int
    after_previous: bool = False
    marker: Marker = "none"
    period: str | None = None


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """``temporal.yaml`` read into lookup tables."""

    digits: dict[str, int]
    tens: dict[str, int]
    first_year: int
    last_year: int
    half: dict[str, int]
    periods: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, _Relative]
    relative_months: dict[str, int]
    relative_weeks: dict[str, int]
    relative_years: dict[str, int]
    exclusions: dict[str, tuple[tuple[int, str], ...]]
    month_parts: dict[str, tuple[int, int | None]]
    year_parts: dict[str, tuple[int, str]]
    tentative_window: int


@cache
def _data() -> dict[str, Any]:
    return load_yaml(VOCABULARY)


def _exclusions(words: Iterable[str], phrases: list[str]) -> dict[str, tuple[tuple[int, str], ...]]:
    """For each relative word, the phrases containing it and the word's offset in them."""
    return {word: tuple((phrase.index(word), phrase) for phrase in phrases if word in phrase) for word in words}


@cache
def _vocabulary() -> _Vocabulary:
    """The vocabulary of ``temporal.yaml`` (read once)."""
    data = _data()
    relative_days = {word: _Relative(**spec) for word, spec in data["relative_days"].items()}
    relative_months = dict(data["relative_months"])
    return _Vocabulary(
        digits=dict(data["numerals"]["digits"]), tens=dict(data["numerals"]["tens"]),
        first_year=data["years"]["first"], last_year=data["years"]["last"],
        half=dict(data["units"]["half"]), periods=dict(data["day_periods"]),
        weekdays=dict(data["weekdays"]["names"]), relative_days=relative_days,
        relative_months=relative_months, relative_weeks=dict(data["relative_weeks"]),
        relative_years=dict(data["relative_years"]),
        exclusions=_exclusions([*relative_days, *relative_months], data["relative_exclusions"]),
        month_parts={k: (v[0], v[1]) for k, v in data["month_parts"].items()},
        year_parts={k: (v[0], v[1]) for k, v in data["year_parts"].items()},
        tentative_window=data["tentative_window"],
    )


# --------------------------------------------------------------------------- regular expressions


def _words(words: Iterable[str]) -> str:
    """A group matching any of the literal words, longest first."""
    return f"(?:{alternation([re.escape(w) for w in words])})"


def _regexes(patterns: Iterable[str]) -> str:
    """A group matching any of the regexes, longest first."""
    return f"(?:{alternation(list(patterns))})"


def _chars(chars: Iterable[str]) -> str:
    """A character class of the given characters."""
    return "[" + "".join(re.escape(c) for c in chars) + "]"


@dataclass(frozen=True, slots=True)
class _Grammar:
    """The compiled expressions of the grammar (built once from the vocabulary)."""

    seed: re.Pattern[str]
    date: re.Pattern[str]
    weekday: re.Pattern[str]
    clock: re.Pattern[str]
    clause_clock: re.Pattern[str]
    gap: re.Pattern[str]
    clock_end: re.Pattern[str]
    elided: re.Pattern[str]
    open_end: re.Pattern[str]
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    tentative: re.Pattern[str]
    recurring: re.Pattern[str]
    duration_before: re.Pattern[str]
    duration_after: re.Pattern[str]
    bare_year: re.Pattern[str]
    restated_day: re.Pattern[str]
    clock_zone: re.Pattern[str]
    clock_local_note: re.Pattern[str]
    lunar_note: re.Pattern[str]
    lunar_before: re.Pattern[str]
    cell_gap: re.Pattern[str]
    cell_end: re.Pattern[str]
    office_hours: re.Pattern[str]
    same_day: re.Pattern[str]
    bracket_close: re.Pattern[str]
    arabic_run: re.Pattern[str]
    numeral_chars: frozenset[str]


def _date_branches(data: dict[str, Any]) -> list[str]:
    """The alternatives of the date atom, tried in this order at each position."""
    units, numerals = data["units"], data["numerals"]
    cn_digit, cn_number = _chars(numerals["digits"]), _chars([*numerals["digits"], *numerals["tens"]])
    year_num, month_num = f"(?:{DIGIT}{{4}}|{cn_digit}{{4}})", f"(?:{DIGIT}{{1,2}}|{cn_number}{{1,2}})"
    day_num, seps = f"(?:{DIGIT}{{1,2}}|{cn_number}{{1,3}})", _chars(units["numeric_separators"])
    year, month, fen = _words(units["year"]), _words(units["month"]), _words(units["month_suffix"])
    day, day_alone = _words(units["day"]), _words(units["day_alone"])
    marks, parts, s = _words(data["range_marks"]), _words(data["month_parts"]), f"{SPACE}?"
    rel_years = _words(data["relative_years"])
    return [
        rf"(?P<ny>{DIGIT}{{4}})(?P<sep>{seps})(?P<nm>{DIGIT}{{1,2}})(?P=sep)(?P<nd>{DIGIT}{{1,2}})"
        rf"(?!{DIGIT}|{seps}{DIGIT})",
        rf"(?:(?P<mr_y>{DIGIT}{{4}}){s}{year}{s})?(?P<mr_a>{DIGIT}{{1,2}}){s}{marks}{s}"
        rf"(?P<mr_b>{DIGIT}{{1,2}}){s}{month}{fen}?",
        rf"(?P<dr_a>{DIGIT}{{1,2}}){s}{marks}{s}(?P<dr_b>{DIGIT}{{1,2}}){s}{day_alone}",
        rf"(?:(?P<y>{year_num}){s}{year}{s}|(?P<ry>{rel_years}))?(?P<m>{month_num}){s}{month}"
        rf"(?:{s}(?P<d>{day_num}){s}{day}|(?P<part>{parts})|(?P<fen>{fen}))?",
        rf"(?:(?P<yy>{year_num}){s}{year}|(?P<yry>{rel_years}))(?P<ypart>{_words(data['year_parts'])})",
        rf"(?P<d0>{DIGIT}{{1,2}}){s}{day_alone}",
        rf"{month}(?P<bpart>{parts})",
        rf"(?P<rday>{_words(data['relative_days'])})",
        rf"(?P<rmon>{_words(data['relative_months'])})(?:(?P<rpart>{parts})|(?P<rmd>{day_num}){s}{day})?",
        rf"(?P<rwk>{_words(data['relative_weeks'])})(?P<rwd>{_chars(data['weekdays']['names'])})",
        _bare_weekday(data),
    ]


def _bare_weekday(data: dict[str, Any]) -> str:
    """A weekday alone right before a time of day (周六晚上八点, 星期一9:00): the next such day."""
    units, numerals = data["units"], data["numerals"]
    cn_number, hour = _chars([*numerals["digits"], *numerals["tens"]]), _words(units["hour"])
    s = f"{SPACE}?"
    clock = (rf"(?:{_words(data['day_periods'])}|{DIGIT}{{1,2}}{s}(?:{hour}|{_words(units['colon'])})"
             rf"|{cn_number}{{1,3}}{s}{hour})")
    return rf"(?P<bwk>{_words(data['weekdays']['prefixes'])})(?P<bwd>{_chars(data['weekdays']['names'])})(?={s}{clock})"


def _clock_pattern(data: dict[str, Any]) -> str:
    """A time of day: 0时, 8时30分, 8点半, 下午6时, 18:00, 9：00, 18:00时."""
    units, numerals = data["units"], data["numerals"]
    cn_number = _chars([*numerals["digits"], *numerals["tens"]])
    hour, minute, colon = _words(units["hour"]), _words(units["minute"]), _words(units["colon"])
    s = f"{SPACE}?"
    spoken = (rf"(?P<h>{DIGIT}{{1,2}}|{cn_number}{{1,3}}){s}{hour}"
              rf"(?:(?P<mi>{DIGIT}{{1,2}})(?!{DIGIT}){minute}?|(?P<cmi>{cn_number}{{1,3}}){minute}"
              rf"|(?P<half>{_words(units['half'])}))?{_words(units['sharp'])}?")
    written = rf"(?P<hc>{DIGIT}{{1,2}}){colon}(?P<mc>{DIGIT}{{2}})(?:{colon}{DIGIT}{{2}})?{hour}?"
    return rf"{s}(?P<per>{_words(data['day_periods'])})?{s}(?:{spoken}|{written})"


def _weekday_pattern(data: dict[str, Any]) -> str:
    """A weekday annotation: （星期六）, (周一), （周日，国庆调休工作日）, 星期日, 周一 (not 周一二, 周年)."""
    prefixes, names = _words(data["weekdays"]["prefixes"]), _chars(data["weekdays"]["names"])
    numerals = data["numerals"]
    not_after = _chars([*numerals["digits"], *numerals["tens"], *data["units"]["year"]])
    return (rf"{SPACE}?(?:[（(]{SPACE}?{prefixes}(?P<w1>{names})(?:[，,、；;][^（()）\n]{{1,12}})?{SPACE}?[)）]"
            rf"|{prefixes}(?P<w2>{names})(?!{not_after}))")


def _clause_clock_pattern(data: dict[str, Any], clock: str) -> str:
    """A time of day alone leading a clause, as the start of something (…1:30起恢复；6:00起，…)."""
    rule = data["clause_clock"]
    return rf"[{rule['after']}]{SPACE}*(?P<bare>{clock}){SPACE}*(?={_words(rule['before'])})"


def _gap_pattern(data: dict[str, Any]) -> str:
    """What may stand between the two ends of a range: 至, —, 起至, 开始至."""
    lead, marks = _words(data["markers"]["range_begin_suffix"]), _words(data["range_marks"])
    return rf"{SPACE}*(?P<lead>{lead})?{SPACE}*(?P<mark>{marks}){SPACE}*"


def _marker_patterns(data: dict[str, Any]) -> tuple[str, str]:
    """The prefix (ending where a date starts) and suffix (after a date) marker words."""
    markers = data["markers"]
    prefix = (rf"(?:(?P<from>{_regexes(markers['from_prefix'])})"
              rf"|(?P<until>{_regexes(markers['until_prefix'])})){SPACE}?$")
    groups = "|".join(f"(?P<{kind}>{_regexes(markers[kind + '_suffix'])})"
                      for kind in ("from", "until", "before", "after"))
    inclusive = _words(markers["inclusive"])
    return prefix, rf"(?:{SPACE}?{inclusive})?{SPACE}?(?:{groups})"


def _numeric_tail_patterns(data: dict[str, Any], gap: str, clock: str) -> tuple[str, str]:
    """Range ends after a range mark: an elided numeric date (~1.4) and a time of day (-17:00)."""
    units, seps = data["units"], _chars(data["units"]["numeric_separators"])
    elided = rf"{gap}(?P<em>{DIGIT}{{1,2}})(?P<es>{seps})(?P<ed>{DIGIT}{{1,2}})(?!{DIGIT}|{seps}{DIGIT})"
    after = _chars([*units["year"], *units["month"], *units["day"]])
    return elided, rf"{gap}{clock}(?!{after}|{DIGIT})"


def _seed_pattern(data: dict[str, Any]) -> str:
    """Where a date atom may start: a numeral or the first character of a word, then its next unit.

    A superset of the starts of :func:`_date_branches`; it begins with a
    character class, which lets the regex engine skip ahead quickly.
    """
    units, numerals = data["units"], data["numerals"]
    number = [*ARABIC, *numerals["digits"], *numerals["tens"]]
    words = [*data["relative_days"], *data["relative_months"], *data["relative_weeks"], *data["relative_years"]]
    prefixes, weekdays = data["weekdays"]["prefixes"], data["weekdays"]["names"]
    first = {*number, *units["month"], *(w[0] for w in words), *(p[0] for p in prefixes)}
    follow = {*units["year"], *units["month"], *units["day"], *units["day_alone"],
              *units["numeric_separators"], *(m[0] for m in data["range_marks"]),
              *(p[0] for p in data["month_parts"]), *(w[1] for w in words),
              *(p[1] for p in prefixes if len(p) > 1), *weekdays}
    return f"{_chars(sorted(first))}{_chars(number)}{{0,{SEED_NUMBER}}}{SPACE}?{_chars(sorted(follow))}"


@cache
def _grammar() -> _Grammar:
    """Every compiled expression of the grammar (built once)."""
    data = _data()
    clock, gap = _clock_pattern(data), _gap_pattern(data)
    elided, clock_end = _numeric_tail_patterns(data, gap, clock)
    prefix, suffix = _marker_patterns(data)
    open_end = (rf"{SPACE}*{_words(data['markers']['range_begin_suffix'])}?{SPACE}*"
                rf"{_words(data['open_end_marks'])}{SPACE}*{_words(data['open_end'])}")
    bare_year = rf"(?<!{DIGIT})(?P<year>{DIGIT}{{4}})(?:{_regexes(data['bare_year_units'])})"
    numerals = data["numerals"]
    return _Grammar(
        seed=re.compile(_seed_pattern(data)), date=re.compile("|".join(_date_branches(data))),
        weekday=re.compile(_weekday_pattern(data)), clock=re.compile(clock), gap=re.compile(gap),
        clause_clock=re.compile(_clause_clock_pattern(data, clock)),
        clock_end=re.compile(clock_end), elided=re.compile(elided), open_end=re.compile(open_end),
        prefix=re.compile(prefix), suffix=re.compile(suffix), tentative=re.compile(_words(data["tentative"])),
        recurring=re.compile(_words(data["recurring_prefixes"]) + "$"),
        duration_before=re.compile(rf"{_regexes(data['duration_prefixes'])}{SPACE}?$"),
        duration_after=re.compile(rf"{SPACE}?{_regexes(data['duration_suffixes'])}"),
        bare_year=re.compile(bare_year), restated_day=re.compile(data["restated_day"]),
        clock_zone=re.compile(data["clock_zone"]), clock_local_note=re.compile(data["clock_local_note"]),
        lunar_note=re.compile(data["lunar_note"]), lunar_before=re.compile(data["lunar_before"]),
        cell_gap=re.compile(data["cell_gap"]), cell_end=re.compile(data["cell_end"]),
        office_hours=re.compile(data["office_hours"]), bracket_close=re.compile(data["bracket_close"]),
        same_day=re.compile(data["same_day"]),
        arabic_run=re.compile(f"{DIGIT}+"),
        numeral_chars=frozenset([*numerals["digits"], *numerals["tens"]]),
    )


# --------------------------------------------------------------------------- numbers


def chinese_number(text: str) -> int | None:
    """The value of a small Chinese numeral (``二十四`` → 24, ``廿五`` → 25, ``零`` → 0).

    Returns None for anything else, such as two digits in a row (``一二``).
    """
    vocabulary = _vocabulary()
    total, current = 0, None
    for char in text:
        unit = vocabulary.tens.get(char)
        if unit is None:
            digit = vocabulary.digits.get(char)
            if digit is None or current is not None:
                return None
            current = digit
        elif unit == 10:                  # 十 multiplies the digit before it; 廿 and 卅 stand alone
            total, current = total + (1 if current is None else current) * 10, None
        elif current is None:
            total += unit
        else:
            return None
    return total + (current or 0)


def _number(text: str) -> int | None:
    """An Arabic (ASCII or full-width) or Chinese number."""
    return int(text) if text[0] in ARABIC else chinese_number(text)


def _year(text: str) -> int | None:
    """A year written in Arabic digits or digit by digit in Chinese (二〇二二)."""
    if text[0] in ARABIC:
        return int(text)
    digits = _vocabulary().digits
    if any(char not in digits for char in text):
        return None
    return int("".join(str(digits[char]) for char in text))


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` after the given one."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _month_days(year: int, month: int) -> int:
    """How many days the month has."""
    following = _add_months(year, month, 1)
    return (dt.date(*following, 1) - dt.date(year, month, 1)).days


# --------------------------------------------------------------------------- pass 1: scan


@dataclass(slots=True)
class _Raw:
    """One date as written, before its missing parts are resolved."""

    start: int
    end: int
    year: int | None = None           # stated
    year_shift: int | None = None     # 今年/明年/去年
    month: int | None = None
    day: int | None = None
    part: str | None = None           # 上旬/下旬/底…
    hour: int | None = None
    minute: int = 0
    weekday: int | None = None        # Monday = 0
    days_shift: int | None = None     # 今天/明日/次日
    after_previous: bool = False      # 次日: from the previous date of the text
    month_shift: int | None = None    # 本月/下月/上月
    week_shift: int | None = None     # 本周/下周, with ``weekday``
    upcoming: bool = False            # a bare weekday (周六晚上八点): the next such day from the reference on
    same_day: bool = False            # a time alone, on the day of the other end of its range
    previous_day: bool = False        # a time alone leading a clause, on the day of the date before it
    sep: str | None = None            # separator of a numeric date (2018.1.1)
    marker: Marker = "none"           # built into the word (今起)
    period: str | None = None         # implied time of day (今晚)
    joined: _Raw | None = None        # the other end of a range written as one token (1-18日)
    restated: int | None = None       # the day of the month a relative day is restated as (今日（13日）)

    @property
    def names_day(self) -> bool:
        """A day is named (a time of day may follow it)."""
        return self.day is not None or self.days_shift is not None or self.week_shift is not None

    @property
    def anchored(self) -> bool:
        """A year is stated or the date is relative to the reference."""
        return (self.year is not None or self.year_shift is not None or self.days_shift is not None
                or self.month_shift is not None or self.week_shift is not None)


def _valid(raw: _Raw) -> bool:
    """Month, day and stated year are in range."""
    vocabulary = _vocabulary()
    if raw.year is not None and not vocabulary.first_year <= raw.year <= vocabulary.last_year:
        return False
    if raw.month is not None and not 1 <= raw.month <= 12:
        return False
    return raw.day is None or 1 <= raw.day <= 31


def _read_numeric(match: re.Match[str]) -> _Raw | None:
    return _Raw(match.start(), match.end(), year=int(match["ny"]), month=int(match["nm"]),
                day=int(match["nd"]), sep=match["sep"])


def _read_month_range(match: re.Match[str]) -> _Raw | None:
    year = int(match["mr_y"]) if match["mr_y"] else None
    first = _Raw(match.start(), match.end("mr_a"), year=year, month=int(match["mr_a"]))
    first.joined = _Raw(match.start("mr_b"), match.end(), year=year, month=int(match["mr_b"]))
    return first if _valid(first.joined) else None


def _read_day_range(match: re.Match[str]) -> _Raw | None:
    first = _Raw(match.start(), match.end("dr_a"), day=int(match["dr_a"]))
    first.joined = _Raw(match.start("dr_b"), match.end(), day=int(match["dr_b"]))
    return first if _valid(first.joined) else None


def _read_chinese(match: re.Match[str]) -> _Raw | None:
    written_year, relative_year, written_month, written_day, part, fen = match.group(
        "y", "ry", "m", "d", "part", "fen")
    year = _year(written_year) if written_year else None
    shift = _vocabulary().relative_years[relative_year] if relative_year else None
    month, day = _number(written_month), _number(written_day) if written_day else None
    if month is None or (written_day and day is None) or (written_year and year is None):
        return None
    if written_month[0] not in ARABIC and not (year or shift is not None or day or part or fen):
        return None                       # 三月 alone: too often a count or a name
    return _Raw(match.start(), match.end(), year=year, year_shift=shift, month=month, day=day, part=part)


def _read_year_part(match: re.Match[str]) -> _Raw | None:
    year = _year(match["yy"]) if match["yy"] else None
    shift = _vocabulary().relative_years[match["yry"]] if match["yry"] else None
    if match["yy"] and year is None:
        return None
    month, part = _vocabulary().year_parts[match["ypart"]]
    return _Raw(match.start(), match.end(), year=year, year_shift=shift, month=month, part=part)


def _read_day(match: re.Match[str]) -> _Raw | None:
    return _Raw(match.start(), match.end(), day=int(match["d0"]))


def _read_bare_part(match: re.Match[str]) -> _Raw | None:
    return _Raw(match.start(), match.end(), part=match["bpart"])


def _read_relative_day(match: re.Match[str]) -> _Raw | None:
    relative = _vocabulary().relative_days[match["rday"]]
    return _Raw(match.start(), match.end(), days_shift=relative.days, after_previous=relative.after_previous,
                marker=relative.marker, period=relative.period)


def _read_relative_month(match: re.Match[str]) -> _Raw | None:
    day = _number(match["rmd"]) if match["rmd"] else None
    if match["rmd"] and day is None:
        return None
    return _Raw(match.start(), match.end(), month_shift=_vocabulary().relative_months[match["rmon"]],
                part=match["rpart"], day=day)


def _read_relative_week(match: re.Match[str]) -> _Raw | None:
    vocabulary = _vocabulary()
    return _Raw(match.start(), match.end(), week_shift=vocabulary.relative_weeks[match["rwk"]],
                weekday=vocabulary.weekdays[match["rwd"]])


def _read_bare_weekday(match: re.Match[str]) -> _Raw | None:
    return _Raw(match.start(), match.end(), week_shift=0, weekday=_vocabulary().weekdays[match["bwd"]], upcoming=True)


_READERS: dict[str, Callable[[re.Match[str]], _Raw | None]] = {
    "nd": _read_numeric, "mr_b": _read_month_range, "dr_b": _read_day_range,
    "m": _read_chinese, "d": _read_chinese, "part": _read_chinese, "fen": _read_chinese,
    "ypart": _read_year_part, "d0": _read_day, "bpart": _read_bare_part,
    "rday": _read_relative_day, "rmon": _read_relative_month, "rpart": _read_relative_month,
    "rmd": _read_relative_month,
    "rwd": _read_relative_week, "bwd": _read_bare_weekday,
}


_LIST_NUMBER = re.compile(r"(?:^|(?<=[\n\s：:。；]))\d{1,2}\.$")


def _glued(text: str, start: int) -> bool:
    """The atom at ``start`` continues a number (``12022年``, ``二十二月``, ``3321.6``)."""
    if start == 0:
        return False
    before, first = text[start - 1], text[start]
    if first in ARABIC:
        if before == ".":
            return not _LIST_NUMBER.search(text, max(0, start - 4), start)     # 1.3月份: item 1, then a date
        return before in ARABIC or before == "_"
    numerals = _grammar().numeral_chars
    return first in numerals and before in numerals


def _excluded(text: str, raw: _Raw, word: str) -> bool:
    """A relative word inside a longer word that is no date (今日头条)."""
    exclusions = _vocabulary().exclusions.get(word, ())
    return any(text.startswith(phrase, raw.start - offset) for offset, phrase in exclusions)


def _no_date(text: str, raw: _Raw, match: re.Match[str]) -> bool:
    """The atom is a recurring day, a duration, a count or part of another word."""
    grammar = _grammar()
    if raw.days_shift is not None or raw.month_shift is not None:
        return _excluded(text, raw, match["rday"] or match["rmon"])
    if grammar.recurring.search(text, max(0, raw.start - 2), raw.start):
        return True
    if grammar.lunar_before.search(text, max(0, raw.start - 3), raw.start):
        return True                     # 农历八月十五, 正月初八: a lunar date, not a solar one
    if raw.anchored or (raw.month is not None and raw.day is not None):
        return False
    return bool(grammar.duration_before.search(text, max(0, raw.start - 4), raw.start)
                or grammar.duration_after.match(text, match.end()))


def _read_clock(match: re.Match[str], period: str | None) -> tuple[int, int] | None:
    """(hour, minute) of a matched time of day, on the 24-hour clock (24:00 allowed)."""
    vocabulary = _vocabulary()
    if match["hc"] is not None:
        hour, minute = int(match["hc"]), int(match["mc"])
    else:
        hour = _number(match["h"])
        minute = (int(match["mi"]) if match["mi"] else _number(match["cmi"]) if match["cmi"]
                  else vocabulary.half[match["half"]] if match["half"] else 0)
    if hour is None or minute is None:
        return None
    offset = vocabulary.periods.get(match["per"] or period or "", 0)
    if offset and hour < 12:
        hour += offset
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return hour, minute


def _read_weekday(text: str, raw: _Raw) -> None:
    """A weekday annotation right after the atom joins it."""
    match = _grammar().weekday.match(text, raw.end)
    if match:
        raw.weekday, raw.end = _vocabulary().weekdays[match["w1"] or match["w2"]], match.end()


def _read_tail(text: str, raw: _Raw) -> None:
    """The weekday annotation and time of day after a day join it (over the day a relative word names,
    restated in brackets: 明日（27日）16:00前, and over the lunar date restating it: 2月9日（腊月廿八）17:30)."""
    if raw.days_shift is not None or raw.week_shift is not None:
        restated = _grammar().restated_day.match(text, raw.end)
        if restated:
            raw.end, raw.restated = restated.end(), int(restated["rday"])
    grammar = _grammar()
    lunar = grammar.lunar_note.match(text, raw.end)       # 2月9日（腊月廿八）17:30
    raw.end = lunar.end() if lunar else raw.end
    _read_weekday(text, raw)
    zone = grammar.clock_zone.match(text, raw.end) or grammar.same_day.match(text, raw.end)  # 北京时间10:00, 当日17时
    match = (grammar.clock.match(text, zone.end() if zone else raw.end) or _clock_cell(text, raw.end)
             or _clock_after_bracket(text, raw))
    clock = _read_clock(match, raw.period) if match else None
    if match and clock:
        (raw.hour, raw.minute), raw.end = clock, match.end()
        note = grammar.clock_local_note.match(text, raw.end)   # （新疆时间8:00）
        raw.end = note.end() if note else raw.end
        if raw.weekday is None:
            _read_weekday(text, raw)
    elif office := grammar.office_hours.match(text, raw.end):     # 12月31日下班后
        raw.end = office.end()


def _clock_after_bracket(text: str, raw: _Raw) -> re.Match[str] | None:
    """The time of day right after the bracket a day is restated in (…首个工作日（2025年1月2日，星期四）9时)."""
    if raw.start == 0 or text[raw.start - 1] not in "（(":
        return None
    grammar = _grammar()
    close = grammar.bracket_close.match(text, raw.end)
    return grammar.clock.match(text, close.end()) if close else None


def _clock_cell(text: str, end: int) -> re.Match[str] | None:
    """A table cell holding only a time of day, right after the cell of a day ending at ``end``
    (6月11日 | 17:00)."""
    grammar = _grammar()
    gap = grammar.cell_gap.match(text, end)
    if gap is None:
        return None
    match = grammar.clock.match(text, gap.end())
    return match if match and grammar.cell_end.match(text, match.end()) else None


def _past_number(text: str, start: int) -> int:
    """Where to look next after a failed start: past its run of Arabic digits (``2022年度``)."""
    if text[start] not in ARABIC:
        return start + 1
    match = _grammar().arabic_run.match(text, start)
    return match.end() if match else start + 1


def _scan(text: str) -> list[_Raw]:
    """Every date atom of the text, in order, not overlapping.

    A cheap expression (led by a character class, so the regex engine skips
    through the text in C) finds the places where a date may start; the full
    date expression is only tried there.
    """
    grammar = _grammar()
    seek, read = grammar.seed.search, grammar.date.match
    raws: list[_Raw] = []
    position = 0
    while seed := seek(text, position):
        match = read(text, seed.start())
        if match is None or _glued(text, match.start()):
            position = _past_number(text, seed.start())
            continue
        position = match.end()
        raw = _READERS[match.lastgroup](match)  # type: ignore[index]
        if raw is None or not _valid(raw) or _no_date(text, raw, match):
            continue
        if raw.joined is None and raw.names_day:
            _read_tail(text, raw)
            position = raw.end
        raws.append(raw)
    return _with_clause_clocks(text, raws) if raws else raws


def _with_clause_clocks(text: str, raws: list[_Raw]) -> list[_Raw]:
    """The atoms plus the times of day that lead a clause alone, shortly after a named day on the same
    line (4月1日1:30起，结算恢复；6:00起，线上渠道恢复): they fall on that day."""
    grammar, reach = _grammar(), _data()["clause_clock"]["reach"]
    added: list[_Raw] = []
    index = 0
    for match in grammar.clause_clock.finditer(text):
        start = match.start("bare")
        while index < len(raws) and raws[index].end <= start:
            index += 1
        before = raws[index - 1] if index else None
        if (before is None or not before.names_day or start - before.end > reach or "\n" in text[before.end:start]
                or (index < len(raws) and raws[index].start < match.end("bare"))):
            continue
        clock = _read_clock(match, None)
        if clock is not None:
            added.append(_Raw(start, match.end("bare"), hour=clock[0], minute=clock[1], previous_day=True))
    return sorted(raws + added, key=lambda raw: raw.start) if added else raws


# --------------------------------------------------------------------------- pass 2: assemble


@dataclass(slots=True)
class _Draft:
    """A time expression before resolution: one or two raw points and its marker."""

    start: int
    end: int
    first: _Raw
    second: _Raw | None = None
    first_end: int = 0          # where the first point's text ends (kept if the range falls apart)
    second_start: int = 0       # where the range mark before the second point starts
    lead_from: bool = False     # 起/开始 after the first point of a range
    marker: Marker = "none"
    open_end: bool = False
    tentative: bool = False


def _range(first: _Raw, second: _Raw, gap: re.Match[str]) -> _Draft:
    """A range of two points joined by the matched range mark."""
    return _Draft(first.start, second.end, first, second, first_end=gap.end("lead") if gap["lead"] else first.end,
                  second_start=gap.start("mark"), lead_from=gap["lead"] is not None)


def _elided_end(text: str, first: _Raw) -> _Draft | None:
    """``2018.1.1~1.4``: a numeric range whose end leaves out the year."""
    match = _grammar().elided.match(text, first.end)
    if not match or match["es"] != first.sep:
        return None
    second = _Raw(match.start("em"), match.end(), month=int(match["em"]), day=int(match["ed"]))
    return _range(first, second, match) if _valid(second) else None


def _clock_end(text: str, first: _Raw) -> _Draft | None:
    """``12月28日8:30-17:00``: a range ending at a time of the same day."""
    match = _grammar().clock_end.match(text, first.end)
    clock = _read_clock(match, None) if match else None
    if match is None or clock is None:
        return None
    second = _Raw(match.end("mark"), match.end(), hour=clock[0], minute=clock[1], same_day=True)
    return _range(first, second, match)


def _single(text: str, first: _Raw) -> _Draft:
    """A point, possibly with its end left open (自9月1日起至另行通知)."""
    draft = None
    if first.sep:
        draft = _elided_end(text, first)
    if draft is None and first.names_day:
        draft = _clock_end(text, first)
    if draft is not None:
        return draft
    match = _grammar().open_end.match(text, first.end)
    if match is None:
        return _Draft(first.start, first.end, first, first_end=first.end)
    return _Draft(first.start, match.end(), first, first_end=first.end, marker="from", open_end=True)


def _draft_at(text: str, raws: list[_Raw], index: int) -> tuple[_Draft, int]:
    """The expression starting with ``raws[index]`` and the index of the next unused atom."""
    first = raws[index]
    if first.joined is not None:
        second = first.joined
        return _Draft(first.start, second.end, first, second, first.end, first.end), index + 1
    if index + 1 < len(raws):
        gap = _grammar().gap.fullmatch(text, first.end, raws[index + 1].start)
        if gap:
            return _range(first, raws[index + 1], gap), index + 2
    return _single(text, first), index + 1


def _mark_range(draft: _Draft, prefix: re.Match[str] | None, suffix: re.Match[str] | None) -> None:
    """自 before and 止 after a range join its span."""
    if suffix and suffix.lastgroup == "until":
        draft.end = suffix.end()
    if prefix and prefix.lastgroup == "from":
        draft.start = prefix.start()


def _mark_point(draft: _Draft, prefix: re.Match[str] | None, suffix: re.Match[str] | None) -> None:
    """The marker of a point: the word after it wins over the word before it."""
    marker: Marker = draft.marker if draft.marker != "none" else draft.first.marker
    if prefix:
        marker = prefix.lastgroup  # type: ignore[assignment]
    if suffix:
        marker = suffix.lastgroup  # type: ignore[assignment]
        draft.end = suffix.end()
    if prefix and prefix.lastgroup == marker:
        draft.start = prefix.start()
    draft.marker = marker


def _mark(text: str, draft: _Draft, last_end: int) -> None:
    """Markers and tentativeness from the words around the draft; they join its span."""
    grammar = _grammar()
    prefix = grammar.prefix.search(text, max(last_end, draft.start - 4), draft.start)
    suffix = None if draft.open_end else grammar.suffix.match(text, draft.end)
    if draft.second is not None:
        _mark_range(draft, prefix, suffix)
    else:
        _mark_point(draft, prefix, suffix)
    window = max(last_end, draft.start - _vocabulary().tentative_window)
    draft.tentative = grammar.tentative.search(text, window, draft.start) is not None


def _assemble(text: str, raws: list[_Raw]) -> list[_Draft]:
    """Ranges, tails and markers: the drafts of the text, in order, not overlapping."""
    drafts: list[_Draft] = []
    index, last_end = 0, 0
    while index < len(raws):
        draft, index = _draft_at(text, raws, index)
        _mark(text, draft, last_end)
        drafts.append(draft)
        last_end = draft.end
        while index < len(raws) and raws[index].start < last_end:
            index += 1
    return drafts


# --------------------------------------------------------------------------- pass 3: resolve


def _near(year: int, anchor_month: int, month: int) -> int:
    """The year of ``month`` nearest to the anchor (December then January is next year)."""
    if month - anchor_month > HALF_YEAR:
        return year - 1
    if anchor_month - month > HALF_YEAR:
        return year + 1
    return year


WEEKDAY_REACH = 200       # days from the reference a weekday annotation may move a date to


def _weekday_year(year: int, month: int, day: int, weekday: int, reference: dt.date | None = None) -> int:
    """The year near ``year`` in which the day falls on the weekday (``year`` if none does). With a
    reference date, only a year that keeps the day within reach of it: a wrong weekday (6月11日（星期三）
    in a notice of 2024-05-28) is a slip, not a date a year away."""
    for delta in WEEKDAY_SEARCH:
        try:
            candidate = dt.date(year + delta, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday and (
                reference is None or abs((candidate - reference).days) <= WEEKDAY_REACH):
            return year + delta
    return year


class _Context:
    """What resolution reads: the reference, the stated years and the previous date."""

    __slots__ = ("text", "reference", "anchors", "positions", "previous", "_weak")

    def __init__(self, text: str, reference: dt.date | None, raws: list[_Raw]) -> None:
        self.text, self.reference = text, reference
        stated = [r for raw in raws for r in (raw, raw.joined) if r and r.year is not None and r.month]
        self.anchors = [(r.year, r.month) for r in stated]
        self.positions = [r.start for r in stated]
        self.previous: TimePoint | None = None
        self._weak: list[tuple[int, int]] | None = None

    def year_for(self, position: int, month: int) -> int | None:
        """The year of a date without one: stated before, the reference, stated after, a bare year."""
        index = bisect_left(self.positions, position)
        if index > 0:
            return _near(*self.anchors[index - 1], month)
        if self.reference is not None:
            return _near(self.reference.year, self.reference.month, month)
        if index < len(self.anchors):
            return _near(*self.anchors[index], month)
        return self._weak_year(position)

    def _weak_year(self, position: int) -> int | None:
        """The nearest bare year (2019年浙江省…), preceding first."""
        if self._weak is None:
            vocabulary = _vocabulary()
            found = ((m.start(), int(m["year"])) for m in _grammar().bare_year.finditer(self.text))
            self._weak = [(p, y) for p, y in found if vocabulary.first_year <= y <= vocabulary.last_year]
        index = bisect_left(self._weak, (position, 0))
        if index > 0:
            return self._weak[index - 1][1]
        return self._weak[0][1] if self._weak else None


def _day_point(day: dt.date, raw: _Raw, relative: bool) -> TimePoint:
    """A named day, with its time of day if one was stated."""
    return _timed_day(day, raw.hour, raw.minute, relative)


@lru_cache(maxsize=POINT_CACHE)
def _timed_day(day: dt.date, hour: int | None, minute: int, relative: bool) -> TimePoint:
    """A named day, at an hour and minute if ``hour`` is given (points are immutable: cached)."""
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=CST)
    if hour is None:
        return TimePoint(midnight, midnight + ONE_DAY, day, "day", False, relative=relative)
    instant = midnight + dt.timedelta(hours=hour, minutes=minute)
    return TimePoint(instant, instant, day, "minute", True, relative=relative)


@lru_cache(maxsize=POINT_CACHE)
def _month_point(part: str | None, year: int, month: int, relative: bool) -> TimePoint:
    """A month, or a part of it (上旬, 下旬, 底)."""
    first = dt.datetime(year, month, 1, tzinfo=CST)
    following = dt.datetime(*_add_months(year, month, 1), 1, tzinfo=CST)
    if part is None:
        return TimePoint(first, following, first.date(), "month", False, relative=relative)
    begin, end = _vocabulary().month_parts[part]
    instant = first.replace(day=begin)
    until = following if end is None else first.replace(day=end)
    return TimePoint(instant, until, instant.date(), "part_of_month", False, vague=True, relative=relative)


def _build(raw: _Raw, year: int, month: int, relative: bool = False) -> TimePoint | None:
    """The point of a raw date once its year and month are known (None if no such day)."""
    if raw.day is None:
        return _month_point(raw.part, year, month, relative)
    try:
        day = dt.date(year, month, raw.day)
    except ValueError:
        return None
    return _day_point(day, raw, relative)


def _context_month(ctx: _Context, base: TimePoint | None) -> tuple[int, int] | None:
    """Year and month of a day written alone (26日, 月底): the other end, the previous date, the reference."""
    source = base or ctx.previous
    if source is not None:
        return source.day.year, source.day.month
    if ctx.reference is not None:
        return ctx.reference.year, ctx.reference.month
    return None


def _year_month(raw: _Raw, ctx: _Context, base: TimePoint | None) -> tuple[int, int] | None:
    """Year and month of a written (not relative) date."""
    if raw.month is None:
        return _context_month(ctx, base)
    if raw.year is not None:
        return raw.year, raw.month
    if raw.year_shift is not None:
        return (ctx.reference.year + raw.year_shift, raw.month) if ctx.reference else None
    year = base.day.year if base is not None else ctx.year_for(raw.start, raw.month)
    if year is None:
        return None
    if raw.weekday is not None and raw.day is not None:
        year = _weekday_year(year, raw.month, raw.day, raw.weekday, ctx.reference)
    return year, raw.month


def _relative_day(raw: _Raw, ctx: _Context, base: TimePoint | None) -> TimePoint | None:
    """今天, 明日: a day counted from the reference; 次日: from the other end or the previous date."""
    previous = base or ctx.previous
    if raw.after_previous and previous is not None:
        return _day_point(previous.day + dt.timedelta(days=raw.days_shift or 1), raw, True)
    if ctx.reference is None:
        return None
    return _day_point(_restated(ctx.reference + dt.timedelta(days=raw.days_shift or 0), raw.restated), raw, True)


RESTATED_REACH = 3       # days a relative day may be off the day it is restated as (an estimated reference)


def _restated(day: dt.date, restated: int | None) -> dt.date:
    """The day a relative word counts to, corrected to the day of the month it is restated as, when the
    reference (estimated, or the signature's day rather than the page's) is a few days off."""
    if restated is None or day.day == restated:
        return day
    near = [day + dt.timedelta(days=d) for d in range(-RESTATED_REACH, RESTATED_REACH + 1)]
    return next((d for d in sorted(near, key=lambda d: abs((d - day).days)) if d.day == restated), day)


def _resolve(raw: _Raw, ctx: _Context, base: TimePoint | None = None) -> TimePoint | None:
    """The point of a raw date; ``base`` is the other end of its range, if any."""
    if raw.days_shift is not None:
        return _relative_day(raw, ctx, base)
    if raw.week_shift is not None and raw.weekday is not None:
        if ctx.reference is None:
            return None
        if raw.upcoming:
            ahead = (raw.weekday - ctx.reference.weekday()) % 7
            return _day_point(ctx.reference + dt.timedelta(days=ahead), raw, True)
        monday = ctx.reference - dt.timedelta(days=ctx.reference.weekday())
        return _day_point(monday + dt.timedelta(days=7 * raw.week_shift + raw.weekday), raw, True)
    if raw.month_shift is not None:
        if ctx.reference is None:
            return None
        year, month = _add_months(ctx.reference.year, ctx.reference.month, raw.month_shift)
        if raw.day is not None:             # 本月25日
            if raw.day > _month_days(year, month):
                return None
            return _day_point(dt.date(year, month, raw.day), raw, True)
        return _month_point(raw.part, year, month, True)
    if raw.same_day:
        return _day_point(base.day, raw, False) if base is not None else None
    if raw.previous_day:
        return _day_point(ctx.previous.day, raw, False) if ctx.previous is not None else None
    found = _year_month(raw, ctx, base)
    return _build(raw, *found, relative=raw.year_shift is not None) if found else None


def _rolled(raw: _Raw, point: TimePoint | None, other: TimePoint | None, step: int) -> TimePoint | None:
    """An end whose elided part came from the other end, moved on a unit when it falls on the wrong side.

    ``step`` is +1 for the end of a range (12月31日至1月5日: next year) and -1
    for its start.
    """
    if point is None or other is None or raw.anchored:
        return point
    early, late = (other, point) if step > 0 else (point, other)
    if late.end_instant >= early.instant:
        return point
    if raw.same_day:
        return _day_point(point.day + step * ONE_DAY, raw, False)
    if raw.month is None:
        return _build(raw, *_add_months(point.day.year, point.day.month, step))
    return _build(raw, point.day.year + step, raw.month)


def _resolve_range(first: _Raw, second: _Raw, ctx: _Context) -> tuple[TimePoint | None, TimePoint | None]:
    """Both ends of a range; the less specific end takes what it leaves out from the other."""
    if _specificity(first) < _specificity(second):
        until = _resolve(second, ctx)
        begin = _rolled(first, _resolve(first, ctx, until), until, -1)
        return begin, until
    begin = _resolve(first, ctx)
    return begin, _rolled(second, _resolve(second, ctx, begin), begin, 1)


def _specificity(raw: _Raw) -> int:
    """2: year stated or relative to the reference; 1: month stated; 0: a day or time alone, or 次日."""
    if raw.after_previous:
        return 0
    return 2 if raw.anchored else 1 if raw.month is not None else 0


def _expression(text: str, draft: _Draft, ctx: _Context) -> TimeExpression | None:
    """The resolved expression of a draft; a range with one unresolvable end keeps the other."""
    def make(start: int, end: int, kind: Literal["interval", "point"], begin: TimePoint | None,
             until: TimePoint | None, marker: Marker) -> TimeExpression:
        return TimeExpression(start, end, text[start:end], kind, begin, until, marker, draft.open_end,
                              draft.tentative)

    if draft.second is None:
        point = _resolve(draft.first, ctx)
        if point is None:
            return None
        if draft.marker == "until":
            return make(draft.start, draft.end, "point", None, point, "until")
        return make(draft.start, draft.end, "point", point, None, draft.marker)
    begin, until = _resolve_range(draft.first, draft.second, ctx)
    if begin is not None and until is not None:
        return make(draft.start, draft.end, "interval", begin, until, "none")
    if begin is not None:
        return make(draft.start, draft.first_end, "point", begin, None, "from" if draft.lead_from else "none")
    if until is not None:
        return make(draft.second_start, draft.end, "point", None, until, "until")
    return None


def _expressions(text: str, raws: list[_Raw], reference: dt.date | None) -> list[TimeExpression]:
    """Assemble and resolve the scanned atoms of a text."""
    ctx = _Context(text, reference, raws)
    found: list[TimeExpression] = []
    for draft in _assemble(text, raws):
        expression = _expression(text, draft, ctx)
        if expression is not None:
            found.append(expression)
            _remember(ctx, draft, expression)
    return found


def _remember(ctx: _Context, draft: _Draft, expression: TimeExpression) -> None:
    """Keep the last stated date for a later 次日: a date itself counted with 次日 is not one, so that
    3月17日18:00—次日8:00，…，次日8:00起恢复 resumes on the 18th, not the 19th."""
    last = draft.second or draft.first
    if not last.after_previous:
        ctx.previous = expression.until or expression.begin
    elif not draft.first.after_previous and expression.begin is not None:
        ctx.previous = expression.begin


# --------------------------------------------------------------------------- public API


def date_atoms(text: str) -> list[_Raw]:
    """The dates of ``text`` as written (pass 1), for :func:`estimate_reference` and
    :func:`find_time_expressions` to share when both read the same text."""
    return _scan(text)


def find_time_expressions(text: str, reference: dt.date | None,
                          atoms: list[_Raw] | None = None) -> list[TimeExpression]:
    """Find and normalise every time expression in ``text``, in text order.

    Args:
        text: notice text in Simplified script (offsets are code points).
        reference: the notice's date (publication or signature); relative days
            and missing years are resolved against it and against the other
            dated expressions of the text, never against today's clock.
        atoms: :func:`date_atoms` of ``text``, if already scanned.

    Returns:
        Non-overlapping expressions sorted by ``start``.
    """
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    raws = _scan(text) if atoms is None else atoms
    return _expressions(text, raws, reference) if raws else []


def restated_reference(reference: dt.date, atoms: list[_Raw]) -> dt.date:
    """The reference date, moved to the day a relative day is restated as (今日（13日）: today is the 13th),
    when the two are a few days apart (a repost's relative days count from the repost, not from the
    signature of the notice it quotes)."""
    for raw in atoms:
        if raw.restated is not None and raw.days_shift is not None and not raw.after_previous:
            shift = dt.timedelta(days=raw.days_shift)
            return _restated(reference + shift, raw.restated) - shift
    return reference


def estimate_reference(text: str, atoms: list[_Raw] | None = None) -> dt.date | None:
    """A reference date for a notice without a publication date.

    The earliest fully dated day (day or minute precision, not relative) among
    the expressions whose year is the latest year the text states explicitly;
    days without a stated year take it from the stated years around them. None
    when the text states no year. ``atoms``: :func:`date_atoms` of ``text``, if
    already scanned.
    """
    raws = _scan(text) if atoms is None else atoms
    years = [r.year for raw in raws for r in (raw, raw.joined) if r is not None and r.year is not None]
    if not years:
        return None
    latest = max(years)
    days = [point.day for expression in _expressions(text, raws, None)
            for point in (expression.begin, expression.until)
            if point is not None and point.precision in ("day", "minute") and not point.relative
            and point.day.year == latest]
    return min(days, default=None)
