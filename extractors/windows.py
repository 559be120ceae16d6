"""Suspension windows and resumptions from the time expressions of a notice.

An interval or an open start (X起) in a clause that suspends is a window; a
point in a clause that resumes (恢复, 上线运行, 启用) is a resumption. Within a
sentence an open start is closed by a dangling end (…起暂停，至Y结束) or by a
resumption (X起暂停…，Y上线运行); a sentence that suspends and resumes without
its own start closes the notice's principal window (暂停期间…，Y起恢复). A later
resumption of everything (各项业务全面恢复) ends the open starts before it, unless
their end is said to be announced later (恢复时间另行通知).

In a table row the header of a time's column says what it is (暂停时间, 恢复时间),
and an empty cell under one that spans down (rowspan) takes that cell's time. A
time in brackets naming a period (国庆假期（…）, 2024年度（…）) is no window.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache

from extractors.facts import Resumption, SourceSpan, SuspensionWindow
from extractors.lexicon import load_yaml
from extractors.polarity import (TIME_CUES, Analysis, follows_semicolon, governing_section, heading_resumes,
                                 inherited_polarity, sentence_polarities)
from extractors.sentences import Sentence
from extractors.tables import column_role, covered_times, label_role, spanned_start
from extractors.temporal import TimeExpression

NUMBERING = r"[\s\W\d一二三四五六七八九十]"      # spaces, punctuation and numbering (\W holds （）、.：)
FILLER = re.compile(f"{NUMBERING}+")
LEADING_FILLER = re.compile(f"{NUMBERING}*")    # what may stand before a clause's first word
BARE_MAX = 4


def span_of(analysis: Analysis, start: int, end: int) -> SourceSpan:
    """A span of the cleaned (original-script) text."""
    return SourceSpan(start, end, analysis.document.text[start:end])


def sentence_span(analysis: Analysis, sentence: Sentence) -> SourceSpan:
    """The evidence span of a sentence."""
    return span_of(analysis, sentence.start, sentence.end)


@cache
def _time_words() -> re.Pattern[str]:
    return re.compile(load_yaml("facts.yaml")["windows"]["time_words"])


def _is_bare(analysis: Analysis, sentence: Sentence, span: tuple[int, int]) -> bool:
    """True when ``span`` says nothing but times (and numbering, punctuation, words placing a moment)."""
    norm = analysis.document.norm
    rest = norm[span[0]:span[1]]
    for time in analysis.times_in(sentence):
        rest = rest.replace(norm[time.start:time.end], "")
    return len(FILLER.sub("", _time_words().sub("", rest))) <= BARE_MAX


def _resumes_here(analysis: Analysis, sentence: Sentence, time: TimeExpression) -> bool:
    """A resumption cue in the time's clause, or in the next one when the time stands alone."""
    clause = sentence.clause_of(time.start)
    following = next((c for c in sentence.clauses if c[0] >= clause[1]), None)
    spans = [clause] + ([following] if following and _is_bare(analysis, sentence, clause) else [])
    cues = analysis.cues_in(sentence)
    return any(c.kind == "resume" and s <= c.start < e for c in cues for s, e in spans)


def time_polarity(analysis: Analysis, time: TimeExpression) -> str | None:
    """What the notice says happens at a time expression: suspend, available or resume."""
    sentence = analysis.sentence_of(time.start)
    if sentence is None or sentence.question:
        return None
    found = sentence_polarities(analysis, sentence, time.start, time.end, TIME_CUES)
    if found:
        if found[0] == "resume" and not _resumes_here(analysis, sentence, time):
            return None
        return found[0]
    bare = _is_bare(analysis, sentence, (sentence.start, sentence.end))
    if bare and (found := inherited_polarity(analysis, sentence)):
        return found
    if (bare or sentence.heading) and sentence.kind not in ("signature", "title"):
        # 三、分批恢复安排 over 第一批：5月6日8:30 or （一）第一批：查询类（6月3日9:00起）; not the signature's date
        section = governing_section(analysis, sentence)
        if section >= 0 and heading_resumes(analysis, analysis.sentences[section]):
            return "resume"
    return None


@cache
def _open_end() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, load_yaml("temporal.yaml")["open_end"])))


@cache
def _named_period() -> re.Pattern[str]:
    return re.compile(load_yaml("facts.yaml")["windows"]["named_period"])


def names_a_period(analysis: Analysis, sentence: Sentence, time: TimeExpression) -> bool:
    """A time in brackets after the name of a holiday or of a year of accounts (国庆假期（9月29日至10月6日）,
    2024年度（2023年7月1日至2024年6月30日）): it says when that period is."""
    return _named_period().search(analysis.document.norm, max(sentence.start, time.start - 8), time.start) is not None


@cache
def _resumed_at() -> re.Pattern[str]:
    return re.compile(load_yaml("facts.yaml")["windows"]["resumed_at"])



def _heads_suspension(analysis: Analysis, sentence: Sentence, time: TimeExpression) -> bool:
    """A moment leading a clause whose own cue suspends: a timeline's line (11月22日（周五）18:00　线下窗口暂停)
    says what stops at that moment, as 起 would; so does a moment the verb follows (18时停止运行)."""
    if time.kind != "point" or time.begin is None or time.begin.precision != "minute":
        return False
    clause_start, clause_end = sentence.clause_of(time.start)
    norm = analysis.document.norm
    cues = [c for c in analysis.cues_in(sentence) if c.kind == "suspend" and time.end <= c.start < clause_end]
    if any(c.start <= time.end + 1 for c in cues):
        return True             # …将于11月22日18时停止运行: the verb right after the moment
    return LEADING_FILLER.fullmatch(norm, clause_start, time.start) is not None and bool(cues)


def _window(analysis: Analysis, time: TimeExpression, end: dt.datetime | None, sentence: Sentence) -> SuspensionWindow:
    begin = time.begin
    assert begin is not None
    vague = begin.vague or bool(time.until and time.until.vague)
    left_open = end is None and (time.open_end or bool(
        _open_end().search(analysis.document.norm, sentence.start, sentence.end)))
    return SuspensionWindow(begin.instant, end, span_of(analysis, time.start, time.end),
                            sentence_span(analysis, sentence), vague=vague, tentative=time.tentative,
                            left_open=left_open, day_only=begin.precision == "day")


End = tuple[int, dt.datetime]      # where an end is stated, and the moment it ends at


def _sentence_facts(analysis: Analysis, sentence: Sentence) -> tuple[list[SuspensionWindow], list[Resumption], list[End]]:
    windows: list[SuspensionWindow] = []
    resumptions: list[Resumption] = []
    ends: list[End] = []
    for time in analysis.times_in(sentence):
        if names_a_period(analysis, sentence, time):
            continue
        if time.marker == "until" and time.until is not None:
            ends.append((time.start, time.until.end_instant))
            if time.until.precision == "minute" and (_resumed_at().match(analysis.document.norm, time.end)
                                                     or label_role(analysis, sentence, time) == "resume"):
                resumptions.append(Resumption(time.until.instant, span_of(analysis, time.start, time.end),
                                              sentence_span(analysis, sentence), tentative=time.tentative))
            continue            # …起暂停，至9月9日9:00恢复 / 恢复时间提前至7月3日8:00: the end is the resumption
        if time.begin is None or time.marker == "before":
            continue
        role = column_role(analysis, sentence, time) or label_role(analysis, sentence, time)
        if role == "end":
            ends.append((time.start, time.begin.end_instant))      # 暂停办理时段/截止日期: 12月13日
            continue
        polarity = role or time_polarity(analysis, time)
        if time.marker == "after" and not (polarity in ("resume", "suspend") and time.begin.precision == "minute"):
            continue            # only a moment resumes or stops "after" itself (明早8:00后恢复正常, 17时后暂停受理)
        if polarity == "suspend" and time.kind == "interval" and time.until is not None:
            windows.append(_window(analysis, time, time.until.end_instant, sentence))
        elif polarity == "suspend" and (time.marker in ("from", "after") or (role == "suspend" and time.kind == "point")
                                        or _heads_suspension(analysis, sentence, time)):
            windows.append(_window(analysis, time, None, sentence))
        elif polarity == "resume" and time.kind == "point" and time.begin.precision in ("day", "minute"):
            resumptions.append(Resumption(time.begin.instant, span_of(analysis, time.start, time.end),
                                          sentence_span(analysis, sentence), tentative=time.tentative,
                                          day_only=time.begin.precision == "day"))
    if sentence.table_header >= 0:
        _spanned_cells(analysis, sentence, windows, resumptions, ends)
    return windows, resumptions, ends


def _spanned_cells(analysis: Analysis, row: Sentence, windows: list[SuspensionWindow],
                   resumptions: list[Resumption], ends: list[End]) -> None:
    """A table row's start or end given by a cell above spanning down over its own (rowspan)."""
    if (resumptions or ends) and not windows:
        spanned = spanned_start(analysis, row)
        if spanned is not None and spanned.begin is not None and spanned.kind == "point":
            windows.append(_window(analysis, spanned, None, row))
    if windows and not ends and not resumptions:
        for role in ("end", "resume"):
            ends += [(row.end, t.begin.end_instant if role == "end" else t.begin.instant)
                     for t in covered_times(analysis, row, role) if t.begin is not None]


def _close(window: SuspensionWindow, ends: list[End], resumptions: list[Resumption]) -> SuspensionWindow:
    if window.end is not None:
        return window
    later = [moment for start, moment in ends if start > window.span.start]
    later += [r.at for r in resumptions if r.span.start > window.span.start]
    later = [moment for moment in later if moment > window.start]
    if not later:
        return window
    return replace(window, end=min(later))


@cache
def _general_resumption() -> re.Pattern[str]:
    return re.compile(load_yaml("facts.yaml")["windows"]["general_resumption"])


def _closed_by_general(analysis: Analysis, window: SuspensionWindow,
                       resumptions: list[Resumption]) -> SuspensionWindow:
    """An open start (明日18时起全面暂停) ended by a later resumption of everything (次日8时起各项业务
    全面恢复办理), unless its end is said to be announced later (恢复时间另行通知)."""
    if window.end is not None or window.left_open:
        return window
    norm = analysis.document.norm
    general = [r for r in resumptions if r.span.start > window.span.start and r.at > window.start
               and _general_resumption().search(norm, r.sentence.start, r.sentence.end)]
    if not general:
        return window
    return replace(window, end=general[0].at)


def _principal_closures(analysis: Analysis, sentence: Sentence, resumptions: list[Resumption],
                        principal: dt.datetime | None) -> list[SuspensionWindow]:
    suspends = any(c.kind in ("suspend", "suspension_frame") for c in analysis.cues_in(sentence))
    if principal is None or not suspends:
        return []
    return [SuspensionWindow(principal, r.at, r.span, r.sentence) for r in resumptions if r.at > principal]


def extract_windows(analysis: Analysis) -> tuple[list[SuspensionWindow], list[Resumption]]:
    """Suspension windows and resumptions of a notice, deduplicated, in text order."""
    per_sentence = [(s, *_sentence_facts(analysis, s)) for s in analysis.timed_sentences()]
    windows: list[SuspensionWindow] = []
    resumptions: list[Resumption] = []
    for index, (sentence, found, resumed, ends) in enumerate(per_sentence):
        resumed_next = _continued_resumptions(analysis, sentence, per_sentence[index + 1:index + 2])
        windows += [_close(w, ends, resumed + resumed_next) for w in found]
        resumptions += resumed
    principal = min((w.start for w in windows), default=None)
    timed_days = {r.at.date() for r in resumptions if not r.day_only}
    for sentence, found, resumed, _ in per_sentence:
        resumed = [r for r in resumed if not (r.day_only and r.at.date() in timed_days)]   # 2月24日上线 beside 8:30
        if resumed and not found:
            windows += _principal_closures(analysis, sentence, resumed, principal)
    windows = [_closed_by_general(analysis, w, resumptions) for w in _unique_windows(windows)]
    windows = _closed_by_reference(analysis, _unique_windows(windows), resumptions)
    return _unique_windows(windows), _unique_resumptions(resumptions)


@cache
def _end_references() -> dict[str, re.Pattern[str]]:
    rules = load_yaml("facts.yaml")["windows"]
    return {key: re.compile(rules[key]) for key in ("end_as_above", "end_at_go_live", "go_live")}


def _closed_by_reference(analysis: Analysis, windows: list[SuspensionWindow],
                         resumptions: list[Resumption]) -> list[SuspensionWindow]:
    """Open starts whose sentence gives their end by reference: 恢复时间同上 (the end of the window stated
    before it) or 至新系统上线时恢复 (the moment the notice says the new system goes live)."""
    if all(w.end is not None or w.left_open for w in windows):
        return windows
    norm, patterns = analysis.document.norm, _end_references()
    live = [r.at for r in _unique_resumptions(resumptions)       # to the minute where one is
            if patterns["go_live"].search(norm, r.sentence.start, r.sentence.end)]
    closed: list[SuspensionWindow] = []
    for window in windows:
        end = None
        if window.end is None and not window.left_open:
            sentence = window.sentence
            if patterns["end_as_above"].search(norm, sentence.start, sentence.end):
                end = next((w.end for w in reversed(closed) if w.end is not None and w.span.start < window.span.start),
                           None)
            elif patterns["end_at_go_live"].search(norm, sentence.start, sentence.end):
                end = min((moment for moment in live if moment > window.start), default=None)
        closed.append(replace(window, end=end) if end is not None and end > window.start else window)
    return closed


def _continued_resumptions(analysis: Analysis, sentence: Sentence, following: list[tuple]) -> list[Resumption]:
    """The resumptions of the next sentence when it goes on with this one after a semicolon, in its
    paragraph, and states no window of its own (…自4月25日17:00起停止受理；…于5月7日9:00起恢复受理。)."""
    if not following:
        return []
    after, found, resumed, _ = following[0]
    if after.index != sentence.index + 1 or found or not follows_semicolon(analysis, after):
        return []
    return resumed


def _unique_windows(windows: list[SuspensionWindow]) -> list[SuspensionWindow]:
    """One window per (start, end); an open start is dropped where a closed window starts then (or that
    day, for a start stated as a day: 6月28日起各市分批暂停 beside 6月28日20时至7月1日8时), unless its end is
    said to be left open (自3月28日18:00起…暂停使用，恢复时间另行公告)."""
    closed_starts = {w.start for w in windows if w.end is not None}
    closed_days = {w.start.date() for w in windows if w.end is not None}
    seen: set[tuple] = set()
    unique = []
    for window in sorted(windows, key=lambda w: w.span.start):
        key = (window.start, window.end)
        covered = window.start in closed_starts or (window.day_only and window.start.date() in closed_days)
        if window.end is None and covered and not window.left_open:
            continue
        if key not in seen:
            seen.add(key)
            unique.append(window)
    return unique


def _unique_resumptions(resumptions: list[Resumption]) -> list[Resumption]:
    """One resumption per instant; one stated as a day yields to one stated to the minute on that day
    (and closes no window: see :func:`extract_windows`)."""
    timed_days = {r.at.date() for r in resumptions if not r.day_only}
    seen: set[dt.datetime] = set()
    unique = []
    for resumption in sorted(resumptions, key=lambda r: r.span.start):
        if resumption.at in seen or (resumption.day_only and resumption.at.date() in timed_days):
            continue
        seen.add(resumption.at)
        unique.append(resumption)
    return unique
