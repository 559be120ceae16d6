"""Review pages: a notice's cleaned text with every evidence sentence highlighted in place, and its facts.

Each highlight is an element whose id is the evidence IRI's fragment (``ev-{start}-{end}``)
holding exactly the quoted sentence (``oa:exact`` = ``text[start:end]``, code points), so
every link of the report lands on the sentence that states the fact.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from noticegraph.report.data import Evidence, FactValues, Notice, ReportData, key
from noticegraph.report.timeline import CHINA

# schema.org terms the ontology uses but does not label
SCHEMA_LABELS = {"startDate": "开始时间", "endDate": "结束时间", "name": "名称", "telephone": "电话",
                 "eventStatus": "状态"}
XSD_BOOLEAN_TRUE = {"true": "是", "1": "是", "false": "否", "0": "否"}


@dataclass(frozen=True)
class Segment:
    text: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class FactView:
    kind: str
    values: tuple[tuple[str, str], ...]
    evidence: Evidence


def segments(text: str, evidence: Iterable[Evidence]) -> list[Segment]:
    """The text cut into plain runs and highlighted sentences, in order. Evidence outside the text or
    overlapping one already placed is left plain (the model gives disjoint sentences)."""
    pieces, cursor = [], 0
    for item in sorted(evidence, key=lambda e: (e.start, e.end)):
        if item.start < cursor or item.end > len(text) or item.start >= item.end:
            continue
        if item.start > cursor:
            pieces.append(Segment(text[cursor:item.start]))
        pieces.append(Segment(text[item.start:item.end], item))
        cursor = item.end
    if cursor < len(text):
        pieces.append(Segment(text[cursor:]))
    return pieces


def value_text(data: ReportData, value: str) -> str:
    """A fact's value as a reader wants it: a concept's Chinese label, a local time, 是/否."""
    if value.startswith(("http://", "https://")):
        return data.label(value)
    if value in XSD_BOOLEAN_TRUE:
        return XSD_BOOLEAN_TRUE[value]
    if len(value) > 10 and value[4] == "-" and "T" in value:
        try:
            return f"{datetime.fromisoformat(value).astimezone(CHINA):%Y-%m-%d %H:%M}"
        except ValueError:
            return value
    return value


def fact_view(data: ReportData, fact: FactValues) -> FactView:
    values = tuple((data.labels.get(prop, SCHEMA_LABELS.get(key(prop), key(prop))), value_text(data, value))
                   for prop, value in dict.fromkeys(fact.values))
    return FactView(data.label(fact.kind), values, fact.evidence)


def page_context(data: ReportData, notice: Notice) -> dict:
    """What templates/review.html shows for one notice."""
    return {"notice": notice, "region": data.regions[notice.region],
            "segments": segments(notice.text, data.evidence_by_notice.get(notice.iri, ())),
            "facts": [fact_view(data, f) for f in data.facts_by_notice.get(notice.iri, ())]}
