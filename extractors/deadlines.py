"""Days by which people are asked to act.

``X前`` followed by an action (请于9月15日24时前完成缴费), the end of a period
set for an action (在7月25日至9月30日期间完成申报缴纳) and an extended time
limit (受理时间延长至5月27日24时), and the day something closes on (缴费截至12月26日止). ``X前未…``/``X前已…`` are conditions, and a
day when money arrives is a payment, not a deadline.
"""
from __future__ import annotations

import re
from functools import cache

from extractors.facts import Deadline
from extractors.lexicon import load_yaml
from extractors.polarity import Analysis
from extractors.sentences import Sentence
from extractors.temporal import TimeExpression
from extractors.windows import names_a_period, sentence_span, span_of, time_polarity


@cache
def _rules() -> dict[str, re.Pattern[str]]:
    return {key: re.compile(value) for key, value in load_yaml("facts.yaml")["deadlines"].items()}


def _action_after(analysis: Analysis, sentence: Sentence, time: TimeExpression) -> str | None:
    norm = analysis.document.norm
    clause_end = sentence.clause_of(time.start)[1]
    tail = norm[time.end:sentence.end]
    if _rules()["condition"].search(tail) or _rules()["payment"].search(norm, time.end, clause_end):
        return None
    clause = sentence.clause_of(time.start)
    following = [t.start for t in analysis.times_in(sentence) if t.start >= clause[1]]
    # the action is the time's own, before a later clause's time takes over (…至11月22日24时，自11月23日起恢复办理);
    # in one clause two times may share it (今晚22:00前或明早8:00后错时办理)
    limit = min(following, default=sentence.end)
    action = next((a for a in _rules()["actions"].finditer(norm, time.end, limit)
                   if not _rules()["negated"].search(norm, max(time.end, a.start() - 2), a.start())), None)
    if action is None or _rules()["done"].search(norm, max(sentence.start, time.start - 3), time.start):
        return None         # 不办理业务: nothing to do; 已于11月30日前完成: done, not asked
    return analysis.document.text[time.end:sentence.end].strip("，,。；; ")


DAY_PRECISIONS = ("day", "minute")


def _before_deadline(analysis: Analysis, sentence: Sentence, time: TimeExpression) -> Deadline | None:
    if time.begin is None or time.begin.precision not in DAY_PRECISIONS:
        return None
    action = _action_after(analysis, sentence, time)
    if action is None:
        return None
    return Deadline(time.begin.day, action, span_of(analysis, time.start, time.end), sentence_span(analysis, sentence))


def _period_end(analysis: Analysis, sentence: Sentence, time: TimeExpression) -> Deadline | None:
    if time.until is None or time.until.precision not in DAY_PRECISIONS:
        return None
    if time.begin is not None and time.begin.day == time.until.day:
        return None                     # hours of one day (周六上午9:00—12:00值班): no period to act in
    if time_polarity(analysis, time) in ("suspend", "resume") or names_a_period(analysis, sentence, time):
        return None                     # …，国庆假期（10月1日至7日）每日…值班，…接收急需办理业务的材料
    if _rules()["activity"].match(analysis.document.norm, time.end, sentence.end):
        return None
    action = _action_after(analysis, sentence, time)
    if action is None:
        return None
    return Deadline(time.until.day, action, span_of(analysis, time.start, time.end), sentence_span(analysis, sentence))


def _extended(analysis: Analysis, sentence: Sentence, time: TimeExpression) -> Deadline | None:
    norm = analysis.document.norm
    lead = norm[max(sentence.start, time.start - 6):time.start + 1]
    if time.until is None or time.until.precision not in DAY_PRECISIONS or not _rules()["extended"].search(lead.rstrip("至到")):
        return None                     # 逾期将顺延至7月补缴: a month is no day to act by
    if _rules()["agency_day"].search(norm, time.end, sentence.clause_of(time.start)[1]):
        return None                     # 顺延至1月6日统一扣款: the agency's day, not a request
    clause_start = sentence.clause_of(time.start)[0]
    if any(c.kind in ("suspend", "resume") and clause_start <= c.start < time.start for c in analysis.cues_in(sentence)):
        return None                     # 恢复办理时间顺延至2月24日14:30: when the outage ends, not a request
    action = norm[sentence.start:time.start].strip("，,。；; ")
    return Deadline(time.until.day, action, span_of(analysis, time.start, time.end), sentence_span(analysis, sentence))


def _closing_day(analysis: Analysis, sentence: Sentence, time: TimeExpression) -> Deadline | None:
    """A day something closes on, written 截至X止 (缴费截至2024年12月26日止) or after 期限 (申报纳税期限截至
    4月18日); 截至X alone is as often a statistic's date (截至12月20日，全市参保人数达…)."""
    if time.until is None or time.until.precision not in DAY_PRECISIONS:
        return None
    norm = analysis.document.norm
    if not (_rules()["closing"].fullmatch(norm, time.start, time.end)
            or _rules()["closing_lead"].search(norm, max(sentence.start, time.start - 4), time.start)):
        return None
    clause_start = sentence.clause_of(time.start)[0]
    action = analysis.document.text[clause_start:time.start].strip("，,。；; ")
    return Deadline(time.until.day, action, span_of(analysis, time.start, time.end), sentence_span(analysis, sentence))


def _named_end(analysis: Analysis, sentence: Sentence, time: TimeExpression) -> Deadline | None:
    """A day named as the end of something to do (补办截止时间为2025年1月31日, 补办期限为2025年7月31日前)."""
    if time.begin is None or time.begin.precision not in DAY_PRECISIONS:
        return None
    clause_start = sentence.clause_of(time.start)[0]
    norm = analysis.document.norm
    if not _rules()["named_end"].search(norm, clause_start, time.start):
        return None
    action = analysis.document.text[clause_start:time.start].strip("，,。；; ")
    return Deadline(time.begin.day, action, span_of(analysis, time.start, time.end), sentence_span(analysis, sentence))


def extract_deadlines(analysis: Analysis) -> list[Deadline]:
    """Deadlines of a notice, one per day, in text order."""
    found: dict = {}
    for sentence in analysis.timed_sentences():
        if sentence.question:
            continue
        for time in analysis.times_in(sentence):
            if time.marker == "before":      # 请于X前完成…; 补办期限为X前
                deadline = _before_deadline(analysis, sentence, time) or _named_end(analysis, sentence, time)
            elif time.marker == "until":
                deadline = _extended(analysis, sentence, time) or _closing_day(analysis, sentence, time)
            elif time.kind == "interval":
                deadline = _period_end(analysis, sentence, time)
            elif time.marker == "none":
                deadline = _named_end(analysis, sentence, time)
            else:
                deadline = None
            if deadline is not None:
                found.setdefault(deadline.day, deadline)
    return list(found.values())
