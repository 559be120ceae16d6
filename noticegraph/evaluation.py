"""Answers of the competency queries, and their scores against a gold file.

The gold format and the matching rules are those of the extraction contract
(``shared/spec/contract.md``): rows per notice and question, ``optional`` rows
neither missed nor extra, ``|`` between alternative values, an empty gold end
matching any end.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from urllib.parse import unquote

CST = dt.timezone(dt.timedelta(hours=8))
QUESTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "cq0": ("cq0_notice.rq", {"published": "date"}),
    "cq1": ("cq1_region.rq", {"region": "code", "province": "code"}),
    "cq2": ("cq2_suspension_windows.rq", {"start": "minute", "end": "minute"}),
    "cq3": ("cq3_resumption.rq", {"resume": "minute"}),
    "cq4": ("cq4_suspended_services.rq", {"service": "key"}),
    "cq5": ("cq5_unaffected_services.rq", {"service": "key"}),
    "cq6": ("cq6_channels.rq", {"kind": "key", "status": "key"}),
    "cq7": ("cq7_advance_payments.rq", {"benefit": "key", "for_month": "month", "paid_by": "date"}),
    "cq8": ("cq8_deadlines.rq", {"deadline": "date"}),
    "cq9": ("cq9_hotlines.rq", {"phone": "digits"}),
}


def last_segment(value: str) -> str:
    """The last segment of an IRI or path (the notice's file name for a source)."""
    return re.split(r"[/#:]", unquote(value.strip().strip("<>")).rstrip("/"))[-1]


def _instant(value: str) -> dt.datetime | None:
    value = value.strip().replace(" ", "T", 1)
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = dt.datetime.combine(dt.date.fromisoformat(value[:10]), dt.time())
        except ValueError:
            return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=CST)).astimezone(CST)


def normalise(value: str, how: str) -> str:
    """A value as the contract compares it."""
    value = (value or "").strip()
    if how in ("minute", "date"):
        moment = _instant(value)
        return moment.strftime("%Y-%m-%dT%H:%M" if how == "minute" else "%Y-%m-%d") if moment else ""
    if how == "month":
        match = re.search(r"(\d{4})-?(\d{1,2})", value)
        return f"{match[1]}-{int(match[2]):02d}" if match else ""
    if how == "code":
        match = re.search(r"(\d{6})\D*$", value)
        return match[1] if match else ""
    if how == "digits":
        return re.sub(r"\D", "", value)
    return last_segment(value).lower() if how == "key" else value


def answers(store, question: str) -> dict[str, set[tuple[str, ...]]]:
    """Normalised answer rows of one question per notice file name."""
    from noticegraph.sparql import QUERIES, run_query

    filename, columns = QUESTIONS[question]
    text = run_query(store, (QUERIES / filename).read_text(encoding="utf-8"), "csv").decode("utf-8")
    rows: dict[str, set[tuple[str, ...]]] = {}
    for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff"))):
        key = tuple(normalise(row.get(column, ""), how) for column, how in columns.items())
        rows.setdefault(last_segment(row.get("source", "")), set()).add(key)
    return rows


def _matches(gold: dict, predicted: tuple[str, ...], columns: dict[str, str]) -> bool:
    for (column, how), value in zip(columns.items(), predicted, strict=True):
        options = {normalise(option, how) for option in str(gold.get(column, "")).split("|")}
        if how == "minute" and options == {""}:
            continue
        if value not in options:
            return False
    return True


@dataclass(frozen=True, slots=True)
class Score:
    """True positives, false positives and false negatives, with the misses listed."""

    tp: int
    fp: int
    fn: int
    missed: tuple = ()
    extra: tuple = ()

    @property
    def f1(self) -> float:
        """F1, 1.0 when there is nothing to find and nothing found."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_rows(gold_rows: list[dict], predicted: set[tuple[str, ...]], columns: dict[str, str]) -> Score:
    """Greedy matching of predicted rows to required gold rows; optional rows absorb extras."""
    unmatched, tp, missed = set(predicted), 0, []
    for row in (r for r in gold_rows if not r.get("optional")):
        hit = next((p for p in sorted(unmatched) if _matches(row, p, columns)), None)
        if hit is None:
            missed.append(row)
        else:
            tp += 1
            unmatched.discard(hit)
    extra = tuple(p for p in sorted(unmatched) if not any(_matches(r, p, columns) for r in gold_rows))
    return Score(tp, len(extra), len(missed), tuple(missed), extra)
