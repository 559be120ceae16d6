"""Early benefit payments: which benefit, for which month, paid by when."""
from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TYPE_CHECKING

from extractors.facts import AdvancePayment
from extractors.lexicon import load_yaml
from extractors.polarity import Analysis
from extractors.sentences import Sentence
from extractors.temporal import TimeExpression, TimePoint
from extractors.windows import sentence_span, span_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from extractors.statuses import ServiceMention      # (only for typing: statuses reads states_early_payment from here)


@cache
def _rules() -> dict:
    rules = load_yaml("facts.yaml")["payments"]
    compiled = {key: re.compile(rules[key]) for key in ("early", "paid", "in_month", "refine")}
    return {**compiled, "benefits": frozenset(rules["benefits"])}


def states_early_payment(analysis: Analysis, sentence: Sentence) -> bool:
    """Whether a sentence says something is paid early (10月份养老金提前至9月26日发放到账)."""
    norm = analysis.document.norm
    early = _rules()["early"].search(norm, sentence.start, sentence.end)
    return early is not None and _rules()["paid"].search(norm, early.end(), sentence.end) is not None


def last_day(point: TimePoint) -> dt.date:
    """The last day a point covers: a day itself, the end of a month or of 月底/下旬."""
    if point.precision in ("day", "minute"):
        return point.day
    return (point.end_instant - dt.timedelta(days=1)).date()


def _month_before(times: list[TimeExpression], position: int) -> TimeExpression | None:
    months = [t for t in times if t.end <= position and t.begin and t.begin.precision == "month"]
    return months[-1] if months else None


def _paid_by(times: list[TimeExpression], early: tuple[int, int], month: TimeExpression | None) -> TimePoint | None:
    """The time right after 提前(至|于) (``至2月`` may have been read as a dangling end), else a day
    named between the month and 提前 (3月份养老金将于3月15日前提前发放)."""
    after = [t for t in times if early[0] <= t.start <= early[1] + 3]
    if after:
        return after[0].begin or after[0].until
    if month is None:
        return None
    between = [t.begin for t in times if month.end <= t.start and t.end <= early[0] and t.begin
               and t.begin.precision in ("day", "minute")]
    return between[-1] if between else None


def _finer_day(times: list[TimeExpression], after: int, paid: TimePoint | None, norm: str,
               end: int) -> TimePoint | None:
    """A month paid in (提前至6月份发放) narrowed by a day of that month stated with the arrival right
    after it (，于6月22日前发放到账)."""
    if paid is None or paid.precision in ("day", "minute"):
        return paid
    for time in times:
        if time.start >= after and time.begin is not None and time.begin.precision in ("day", "minute"):
            arrives = _rules()["refine"].search(norm, time.end, min(end, time.end + 8))
            if arrives and time.begin.day.replace(day=1) == paid.day.replace(day=1):
                return time.begin
            return paid
    return paid


def _benefits(mentions: list[ServiceMention], sentence: Sentence, since: int, position: int,
              first: bool) -> list[ServiceMention]:
    """The benefits a statement pays early: those named since the previous statement of the sentence,
    else (for its first statement) any the sentence names."""
    allowed = _rules()["benefits"]
    inside = [m for m in mentions if sentence.start <= m.start < sentence.end and m.service in allowed]
    before = [m for m in inside if since <= m.start < position]
    return before or (inside if first else [])


def _sentence_payments(analysis: Analysis, sentence: Sentence, mentions: list[ServiceMention],
                       carried: dt.date | None) -> list[AdvancePayment]:
    """Each 提前…发放 statement of a sentence (10月份养老金提前至9月发放，失业保险金也提前至9月28日前发放).

    A statement that names no month is for the month of the one before it, in this sentence or, as
    ``carried``, in the previous sentence of the paragraph; one that names no day is paid by the day of
    the one before it in the sentence (…提前至11月24日发放，工伤保险长期待遇随同提前发放).
    """
    norm = analysis.document.norm
    times = analysis.times_in(sentence)
    payments, seen, since, last_paid = [], set(), sentence.start, None
    for early in _rules()["early"].finditer(norm, sentence.start, sentence.end):
        if not _rules()["paid"].search(norm, early.end(), sentence.end):
            break
        month = _month_before(times, early.start())
        paid = _finer_day(times, early.end(), _paid_by(times, early.span(), month), norm, sentence.end)
        paid = last_paid = paid or last_paid       # …，工伤保险长期待遇随同提前发放: the day before it
        for_month = month.begin.day.replace(day=1) if month and month.begin else carried
        if for_month is not None and paid is not None:
            for mention in _benefits(mentions, sentence, since, early.start(), not payments):
                if mention.service not in seen:
                    seen.add(mention.service)
                    payments.append(AdvancePayment(mention.service, for_month, last_day(paid),
                                                   span_of(analysis, mention.start, mention.end),
                                                   sentence_span(analysis, sentence)))
            carried = for_month
        since = early.end()
    return payments


def _paid_before_month(analysis: Analysis, sentence: Sentence, mentions: list[ServiceMention]) -> list[AdvancePayment]:
    """A benefit for a month paid on a day (or in a month) before that month, without 提前 (3月份失业保险金于
    2月27日前发放到账, 10月份工伤待遇随9月份待遇一并发放): the day names itself early."""
    norm = analysis.document.norm
    times = analysis.times_in(sentence)
    payments = []
    for month in (t for t in times if t.begin and t.begin.precision == "month"):
        first_day = month.begin.day.replace(day=1)
        days = [t for t in times if t.start > month.end and t.begin and (
            t.begin.precision in ("day", "minute") or _paid_in_month(norm, t))]
        if not days or last_day(days[0].begin) >= first_day or not _rules()["paid"].search(norm, days[0].end, sentence.end):
            continue
        allowed = _rules()["benefits"]
        named = [m for m in mentions if month.end <= m.start < days[0].start and m.service in allowed]
        payments += [AdvancePayment(m.service, first_day, last_day(days[0].begin), span_of(analysis, m.start, m.end),
                                    sentence_span(analysis, sentence)) for m in _first_of_each(named)]
    return payments


def _paid_in_month(norm: str, time: TimeExpression) -> bool:
    """A month the payment is made in (随9月份待遇一并发放, 于11月发放), not one of the months paid for."""
    return (time.begin is not None and time.begin.precision == "month"
            and _rules()["in_month"].search(norm, max(0, time.start - 2), time.start) is not None
            and _rules()["paid"].search(norm, time.end, time.end + 8) is not None)


def _first_of_each(mentions: list[ServiceMention]) -> list[ServiceMention]:
    seen: dict[str, ServiceMention] = {}
    for mention in mentions:
        seen.setdefault(mention.service, mention)
    return list(seen.values())


def _refined(analysis: Analysis, payment: AdvancePayment, following: list[Sentence],
             mentions: list[ServiceMention], own_payments: Callable[[Sentence], list[AdvancePayment]]) -> AdvancePayment:
    """A later sentence of the same paragraph may name an earlier arrival day for one benefit."""
    norm = analysis.document.norm
    for sentence in following:
        if not _rules()["refine"].search(norm, sentence.start, sentence.end):
            continue
        if own_payments(sentence):
            continue            # a payment of its own (城乡居民…1月份基础养老金于12月20日前发放到账)
        names = any(m.service == payment.benefit for m in mentions if sentence.start <= m.start < sentence.end)
        days = [t.begin.day for t in analysis.times_in(sentence) if t.marker == "before" and t.begin]
        if names and days and payment.for_month > days[0] >= payment.paid_by.replace(day=1):
            return AdvancePayment(payment.benefit, payment.for_month, days[0], payment.span, payment.sentence)
    return payment


def extract_payments(analysis: Analysis, mentions: list[ServiceMention]) -> list[AdvancePayment]:
    """Early payments stated in the notice, one per benefit and month, except where one paragraph or
    section pays a benefit for a month by two days (to two groups of people: 企业职工…12月31日前；城乡居民…
    12月20日前)."""
    found: dict[tuple, tuple[tuple[int, int], list[AdvancePayment]]] = {}   # (benefit, month): (place, payments)
    carried: tuple[int, dt.date] | None = None        # (block, month) of the last statement
    worked_out: dict[int, list[AdvancePayment]] = {}

    def own_payments(sentence: Sentence) -> list[AdvancePayment]:      # once per sentence, though asked twice
        if sentence.index not in worked_out:
            worked_out[sentence.index] = _paid_before_month(analysis, sentence, mentions)
        return worked_out[sentence.index]

    for sentence in analysis.timed_sentences():       # a payment names a time: the month it is for or the day
        if sentence.question:
            continue
        month = carried[1] if carried and carried[0] == sentence.block else None
        payments = _sentence_payments(analysis, sentence, mentions, month)
        payments += own_payments(sentence)
        if not payments:
            continue
        carried = (sentence.block, payments[-1].for_month)
        following = [s for s in analysis.sentences[sentence.index + 1:sentence.index + 3] if s.block == sentence.block]
        for payment in payments:
            payment = _refined(analysis, payment, following, mentions, own_payments)
            place, group = found.setdefault((payment.benefit, payment.for_month), (_place(sentence), []))
            if _same_statement(place, _place(sentence)) and all(p.paid_by != payment.paid_by for p in group):
                group.append(payment)      # elsewhere in the notice, a statement of it is a repetition
    return [payment for _, group in found.values() for payment in group]


def _place(sentence: Sentence) -> tuple[int, int]:
    return sentence.block, sentence.section


def _same_statement(first: tuple[int, int], later: tuple[int, int]) -> bool:
    """Whether a later payment statement goes on with the first: the same paragraph, or the same
    numbered section (三、待遇提前发放安排 over （一）企业职工…11月25日；（二）城乡居民…提前至11月)."""
    return first[0] == later[0] or (first[1] >= 0 and first[1] == later[1])
